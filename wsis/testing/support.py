"""Files, databases and responses as the tests see them."""

import html
import io
import json
import os
import stat
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("WSIS_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared_file(*parts: str) -> Path:
    """A file of the real public sample data kept beside the clone; skip the test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real sample data not found at {path} (set WSIS_SHARED_DATA to the shared/data folder)")
    return path


@contextmanager
def module_data(django_db_blocker):
    """Data built once for a test module, in a transaction rolled back at the module's end, so the
    module's tests share it and every other test still starts from the reference data alone."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            # A transactional test earlier in this process may have flushed the reference data.
            from wsis.reference.models import Economy
            from wsis.reference.services import reference_init

            if not Economy.objects.exists():
                reference_init(actor="tests")
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def file_mode(path) -> int:
    return stat.S_IMODE(Path(path).stat().st_mode)


def body_text(resp) -> str:
    """The text a person could read in a response, whatever its format (HTML, JSON, CSV, XML or a zipped
    XLSX/DOCX)."""
    if getattr(resp, "streaming", False):
        data = b"".join(resp.streaming_content)
    else:
        data = resp.content
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels"))]
            # Cell text lives in XML: undo its escaping so "&amp;" compares as "&".
            return html.unescape("\n".join(parts))
        except zipfile.BadZipFile:
            pass
    text = data.decode("utf-8", "replace")
    if resp.get("Content-Type", "").startswith("application/json"):
        try:
            # JSON may escape non-ASCII text; compare the decoded strings.
            text += "\n" + json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return text + "\n" + html.unescape(text)
