"""Generating reports: a run is requested (validated, permission-checked, audited), then executed in the
background by the task worker, which builds the document, renders it and stores the file."""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wsis.accounts.permissions import is_bdt_admin, roles_of
from wsis.core.audit import audit
from wsis.core.errors import ErrorItem, PermissionDenied, ServiceError, ValidationFailed
from wsis.reports import builder
from wsis.reports.document import Document
from wsis.reports.models import FORMATS, ReportRun

logger = logging.getLogger(__name__)


def can_report_generate(user) -> bool:
    """Anyone with a role (BDT, regional offices, focal points, reviewers, statisticians) generates reports;
    reports read only public data, so anyone may read a finished one."""
    return is_bdt_admin(user) or bool(roles_of(user))


def render(doc: Document, fmt: str) -> bytes:
    if fmt == "html":
        from wsis.reports.render_html import render_html

        return render_html(doc).encode("utf-8")
    if fmt == "pdf":
        from wsis.reports.render_pdf import render_pdf

        return render_pdf(doc)
    if fmt == "docx":
        from wsis.reports.render_docx import render_docx

        return render_docx(doc)
    from wsis.reports.render_xlsx import render_xlsx

    return render_xlsx(doc)


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValidationFailed([ErrorItem("invalid_choice", f"unknown format '{fmt}'; use one of "
                                          f"{', '.join(FORMATS)}", field="format")])
    return fmt


def report_request(*, actor, kind: str, period, scope: str = "world", language: str = "en", fmt: str = "pdf",
                   is_demo: bool = False) -> ReportRun:
    """Record a run and hand it to the background worker once the transaction commits."""
    if not can_report_generate(actor):
        raise PermissionDenied("Only members with a role generate reports; finished reports are public.")
    year, scope, language = builder.check_params(kind, period, scope, language)
    check_format(fmt)
    with transaction.atomic():
        run = ReportRun.objects.create(kind=kind, period=year, scope=scope, language=language, format=fmt,
                                       requested_by=actor if getattr(actor, "pk", None) else None, is_demo=is_demo)
        audit(actor=actor, verb="report.request", target=run,
              after={"type": kind, "period": year, "scope": scope, "lang": language, "format": fmt})
        transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def _enqueue(run_id: int) -> None:
    from wsis.reports.tasks import generate_report

    generate_report.enqueue(run_id)


def report_execute(run_id: int) -> ReportRun:
    """What the worker runs: build, render and store; progress is saved as the builder goes."""
    run = ReportRun.objects.get(pk=run_id)
    if run.status == "done":
        return run
    ReportRun.objects.filter(pk=run_id).update(status="running", started_at=timezone.now(), progress=0, error="")

    def progress(pct: int, step: str) -> None:
        # Scaled to 90: rendering the file is the last tenth.
        ReportRun.objects.filter(pk=run_id).update(progress=min(90, pct * 9 // 10), step=step[:40])

    try:
        doc = builder.build(run.kind, period=run.period, scope=run.scope, language=run.language, progress=progress)
        content = render(doc, run.format)
    except Exception as exc:
        # The run page is public: it shows a service's own message, never an internal one (that goes to the log).
        message = exc.message if isinstance(exc, ServiceError) else f"Generation failed ({type(exc).__name__}); " \
            "the details are in the server log."
        logger.exception("report run %s failed", run_id)
        ReportRun.objects.filter(pk=run_id).update(status="failed", error=message[:2000], finished_at=timezone.now())
        raise
    with transaction.atomic():
        run = ReportRun.objects.select_for_update().get(pk=run_id)
        run.document, run.fingerprint = doc.to_dict(), doc.fingerprint()
        run.size, run.sha256 = len(content), hashlib.sha256(content).hexdigest()
        run.file.save(run.filename, ContentFile(content), save=False)
        run.status, run.progress, run.step, run.finished_at = "done", 100, "done", timezone.now()
        run.save()
        audit(actor="worker", verb="report.generate", target=run,
              after={"fingerprint": run.fingerprint, "sha256": run.sha256, "size": run.size})
    return run
