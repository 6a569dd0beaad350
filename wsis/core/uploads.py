"""Uploaded files saved to a private temporary folder, after the size limit is checked."""

import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from wsis.core.errors import ErrorItem, ValidationFailed


@contextmanager
def saved_upload(upload):
    """Yield (path, name) of the upload written to a temporary folder that is removed afterwards."""
    name = Path(upload.name or "upload").name
    limit = settings.WSIS_MAX_IMPORT_BYTES
    if upload.size and upload.size > limit:
        raise ValidationFailed([ErrorItem("too_large", f"{name} is {upload.size:,} bytes; the limit is {limit:,}",
                                          location=name)])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        with path.open("wb") as fh:
            for chunk in upload.chunks():
                fh.write(chunk)
        yield path, name
