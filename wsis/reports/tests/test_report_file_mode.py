"""Generated report files are readable by the service's account and group only."""

import pytest

from wsis.testing.support import file_mode as mode


@pytest.mark.django_db
def test_a_generated_report_file_is_not_world_readable(people, settings, tmp_path, open_umask):
    from wsis.reports import services

    settings.MEDIA_ROOT = tmp_path / "media"
    run = services.report_request(actor=people["admin"], kind="cwg", period=2025, scope="world", fmt="xlsx")
    run = services.report_execute(run.pk)
    assert run.status == "done" and mode(run.file.path) == 0o640
