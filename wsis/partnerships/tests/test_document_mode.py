"""Uploaded documents are readable by the service's account and group only."""

from pathlib import Path

import pytest

from wsis.testing.support import file_mode as mode


@pytest.mark.django_db
def test_an_uploaded_document_is_not_world_readable(funding, settings, tmp_path, open_umask):
    from wsis.partnerships.funding import services as funding_services
    from wsis.testing.factories import agreement_data

    settings.MEDIA_ROOT = tmp_path / "media"
    a = funding_services.agreement_create(actor=funding["admin"], data=agreement_data(funding))
    doc = funding_services.document_attach(actor=funding["admin"], owner=a, name="mou.pdf", content=b"%PDF-1.4 x")
    path = Path(doc.file.path)
    assert mode(path) == 0o640
    folder = path.parent
    while folder != settings.MEDIA_ROOT.parent:
        assert mode(folder) == 0o750, folder
        folder = folder.parent
