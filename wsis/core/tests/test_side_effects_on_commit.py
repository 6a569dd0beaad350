"""Background tasks leave only with a committed write: a rolled-back transaction queues nothing."""

import pytest
from django.db import transaction


@pytest.mark.django_db
def test_a_rolled_back_report_request_queues_nothing(people, monkeypatch, django_capture_on_commit_callbacks):
    from wsis.reports import services

    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.append)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.report_request(actor=people["admin"], kind="cwg", period=2025, scope="world", fmt="xlsx")
            raise RuntimeError("the caller's write fails after the request")
    assert callbacks == [] and queued == []

    with django_capture_on_commit_callbacks(execute=True):
        run = services.report_request(actor=people["admin"], kind="cwg", period=2025, scope="world", fmt="xlsx")
    assert queued == [run.pk]

