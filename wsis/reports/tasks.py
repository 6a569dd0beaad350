"""Background tasks of reports (run by `wsis worker`, which `wsis serve` starts beside the web server)."""

from django.tasks import task


@task
def generate_report(run_id: int) -> None:
    from wsis.reports.services import report_execute

    report_execute(run_id)
