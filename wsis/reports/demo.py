"""Demo report runs: last year's annual summary (HTML) and this year's regional input for Africa (XLSX),
generated the way the background worker does it."""

from django.utils import timezone

from wsis.accounts.models import User
from wsis.reports.models import ReportRun
from wsis.reports.services import report_execute, report_request


def load_demo_reports() -> str:
    if ReportRun.objects.filter(is_demo=True).exists():
        return "reports already generated"
    year = timezone.localdate().year
    runs = [report_request(actor=User.objects.get(username=user), kind=kind, period=period, scope=scope,
                           language=lang, fmt=fmt, is_demo=True)
            for user, kind, period, scope, lang, fmt in (("admin", "cwg", year - 1, "world", "en", "html"),
                                                         ("afr.officer", "regional", year, "AFR", "fr", "xlsx"))]
    for run in runs:
        report_execute(run.pk)
    return f"{len(runs)} report runs"
