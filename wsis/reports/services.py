"""Generating reports: a run is requested (validated, permission-checked, audited), then executed in the
background by the task worker, which builds the document, renders it and stores the file."""

import hashlib
import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wsis.accounts.permissions import is_bdt_admin, roles_of
from wsis.core.audit import audit
from wsis.core.errors import (
    ErrorItem,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
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
    now = timezone.now()
    ReportRun.objects.filter(pk=run_id).update(status="running", started_at=now, progress=0, error="",
                                               worker=worker_id(), heartbeat_at=now)

    def progress(pct: int, step: str) -> None:
        # Scaled to 90: rendering the file is the last tenth.
        ReportRun.objects.filter(pk=run_id).update(progress=min(90, pct * 9 // 10), step=step[:40],
                                                   heartbeat_at=timezone.now())

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


# ------------------------------------------------------------------------------------------- supervision

WORKER_STOPPED = "The worker stopped while generating this report; it can be retried."


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), or None if there is no such process."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def worker_id() -> str:
    """"host:pid:start" — the start time (in clock ticks after boot) tells a process apart from a later one that
    got the same pid, as the first process of a restarted container does."""
    pid = os.getpid()
    fields = _proc_stat(pid)
    start = fields[19] if fields and len(fields) > 19 else ""
    return f"{socket.gethostname()[:60]}:{pid}:{start}"


def heartbeat_timeout() -> int:
    """Seconds without a sign of life after which a running report is taken for dead."""
    return int(getattr(settings, "REPORT_HEARTBEAT_TIMEOUT", 300))


def _pid_alive(pid: int, start: str = "") -> bool:
    fields = _proc_stat(pid)
    if fields is None:
        try:
            os.kill(pid, 0)  # no /proc (not Linux): the signal test alone
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return not os.path.isdir("/proc")
    # A zombie (dead, not yet reaped by its parent) runs nothing any more; another start time is another process.
    return fields[0] != "Z" and (not start or len(fields) <= 19 or fields[19] == start)


def _worker_gone(worker: str) -> bool:
    """True when the worker ran on this machine and its process no longer exists."""
    host, _sep, rest = worker.partition(":")
    pid, _sep, start = rest.partition(":")
    return host == socket.gethostname()[:60] and pid.isdigit() and not _pid_alive(int(pid), start)


def report_heartbeat(worker: str | None = None) -> int:
    """Mark the runs this worker process is generating as alive (the worker calls it periodically)."""
    return ReportRun.objects.filter(status="running", worker=worker or worker_id()).update(
        heartbeat_at=timezone.now())


def report_sweep(*, timeout: int | None = None) -> list[int]:
    """Mark failed the running reports whose worker stopped: its process is gone from this machine, or it gave
    no sign of life for `timeout` seconds. Returns the ids of the runs marked failed."""
    limit = timezone.now() - timedelta(seconds=heartbeat_timeout() if timeout is None else timeout)
    stale = []
    for run in ReportRun.objects.filter(status="running").only("pk", "worker", "heartbeat_at", "started_at"):
        seen = run.heartbeat_at or run.started_at
        if (run.worker and _worker_gone(run.worker)) or seen is None or seen < limit:
            stale.append(run)
    swept = []
    for run in stale:
        with transaction.atomic():
            # Only if it is still running as seen: a slow worker that just finished keeps its result.
            changed = ReportRun.objects.filter(pk=run.pk, status="running", heartbeat_at=run.heartbeat_at).update(
                status="failed", error=WORKER_STOPPED, finished_at=timezone.now())
            if changed:
                audit(actor="worker", verb="report.sweep", target=run,
                      after={"worker": run.worker, "heartbeat": run.heartbeat_at and run.heartbeat_at.isoformat()})
                swept.append(run.pk)
    if swept:
        logger.warning("report runs marked failed, their worker stopped: %s", swept)
    return swept


def can_report_retry(user, run: ReportRun) -> bool:
    return run.status == "failed" and can_report_generate(user)


def report_retry(*, actor, run_id: int) -> ReportRun:
    """Queue a failed run again, with the same parameters; the worker generates it from the start."""
    if not can_report_generate(actor):
        raise PermissionDenied("Only members with a role retry reports.")
    with transaction.atomic():
        run = ReportRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None:
            raise NotFound(f"No report run #{run_id}.")
        if run.status != "failed":
            raise InvalidTransition(f"Report run #{run_id} is {run.status}; only a failed run can be retried.")
        before = {"status": run.status, "error": run.error}
        run.status, run.progress, run.step, run.error = "queued", 0, "", ""
        run.worker, run.heartbeat_at, run.started_at, run.finished_at = "", None, None, None
        run.save(update_fields=["status", "progress", "step", "error", "worker", "heartbeat_at", "started_at",
                                "finished_at"])
        audit(actor=actor, verb="report.retry", target=run, before=before, after={"status": "queued"})
        transaction.on_commit(lambda: _enqueue(run.pk))
    return run
