"""Reads of report runs: lists, one run, and the changes between two runs."""

from django.utils.translation import gettext as _

from wsis.core.errors import ErrorItem, NotFound, ValidationFailed
from wsis.reports.document import Document, compare
from wsis.reports.models import ReportRun


def run_list(*, kind: str = "", period: int | None = None, scope: str = "", language: str = "", status: str = ""):
    qs = ReportRun.objects.select_related("requested_by")
    for field, value in (("kind", kind), ("period", period), ("scope", scope), ("language", language),
                         ("status", status)):
        if value:
            qs = qs.filter(**{field: value})
    return qs


def run_get(pk: int) -> ReportRun:
    run = ReportRun.objects.filter(pk=pk).first()
    if run is None:
        raise NotFound(f"No report run #{pk}.")
    return run


def run_row(run: ReportRun) -> dict:
    return {"id": run.pk, "type": run.kind, "period": run.period, "scope": run.scope, "lang": run.language,
            "format": run.format, "status": run.status, "progress": run.progress, "step": run.step,
            "requested_at": run.created_at.isoformat(), "finished_at": run.finished_at and run.finished_at.isoformat(),
            "size": run.size, "sha256": run.sha256, "fingerprint": run.fingerprint, "error": run.error,
            "file": f"/api/v1/reports/{run.pk}/file" if run.status == "done" else None}


def changes(old: ReportRun, new: ReportRun) -> list[dict]:
    """Cell by cell, what differs between two finished runs of the same report."""
    if not old.document or not new.document:
        raise ValidationFailed([ErrorItem("not_ready", "Both runs must be finished to be compared.", field="other")])
    if (old.kind, old.period, old.scope, old.language) != (new.kind, new.period, new.scope, new.language):
        raise ValidationFailed([ErrorItem("different_report", "Only runs of the same report (type, period, scope and "
                                          "language) can be compared.", field="other")])
    return compare(Document.from_dict(old.document), Document.from_dict(new.document))


def run_periods() -> list[int]:
    """The periods runs were made for, latest first (the list page's filter)."""
    return sorted(set(ReportRun.objects.values_list("period", flat=True)), reverse=True)


def same_report_runs(run: ReportRun):
    """The other finished runs of the same report (type, period, scope, language), newest first."""
    return (ReportRun.objects.filter(kind=run.kind, period=run.period, scope=run.scope, language=run.language,
                                     status="done").exclude(pk=run.pk).order_by("-created_at", "-id"))


def scope_label(scope: str, lang: str) -> str:
    """A report scope's name: the world, an economy (ISO3) or a group, in the language asked."""
    from wsis.reference.models import Economy, Group

    if scope == "world":
        return _("World")
    economy = Economy.objects.filter(iso3=scope).first() if len(scope) == 3 else None
    if economy is not None:
        return economy.text("name", lang)
    group = Group.objects.filter(code=scope).first()
    return group.text("name", lang) if group is not None else scope
