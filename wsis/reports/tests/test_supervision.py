"""Supervised report runs: heartbeat, the sweep that fails runs of stopped workers, retry (service, API, page,
command), and `wsis serve` supervising gunicorn and the task worker (restart, no child left after SIGTERM)."""

import io
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from wsis.core.errors import InvalidTransition, PermissionDenied
from wsis.reports import services
from wsis.reports.models import ReportRun

ROOT = Path(__file__).resolve().parents[3]


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def make_run(user, **kw) -> ReportRun:
    return ReportRun.objects.create(kind="cwg", period=2025, scope="world", language="en", format="html",
                                    requested_by=user, **kw)


@pytest.mark.django_db
def test_sweep_fails_runs_of_dead_or_silent_workers_only(people):
    now = timezone.now()
    here = socket.gethostname()
    dead = make_run(people["admin"], status="running", worker=f"{here}:{dead_pid()}", heartbeat_at=now)
    silent = make_run(people["admin"], status="running", worker="elsewhere:1",
                      heartbeat_at=now - timedelta(seconds=301))
    alive = make_run(people["admin"], status="running", worker=f"{here}:{os.getpid()}", heartbeat_at=now)
    remote = make_run(people["admin"], status="running", worker="elsewhere:2", heartbeat_at=now - timedelta(seconds=5))
    done = make_run(people["admin"], status="done", worker=f"{here}:{dead_pid()}", heartbeat_at=now)
    # The same pid as a live process but another start time: a later process that reused the pid.
    reused = make_run(people["admin"], status="running", worker=f"{here}:{os.getpid()}:1", heartbeat_at=now)
    current = make_run(people["admin"], status="running", worker=services.worker_id(), heartbeat_at=now)
    assert sorted(services.report_sweep()) == sorted([dead.pk, silent.pk, reused.pk])
    assert ReportRun.objects.get(pk=current.pk).status == "running"
    statuses = dict(ReportRun.objects.values_list("pk", "status"))
    assert statuses[dead.pk] == statuses[silent.pk] == "failed"
    assert statuses[alive.pk] == statuses[remote.pk] == "running" and statuses[done.pk] == "done"
    assert ReportRun.objects.get(pk=dead.pk).error == services.WORKER_STOPPED
    from wsis.core.models import AuditLog

    assert AuditLog.objects.filter(verb="report.sweep").count() == 3
    # The command, with a shorter timeout, takes the remote run too.
    out = io.StringIO()
    ReportRun.objects.filter(pk=remote.pk).update(heartbeat_at=now - timedelta(seconds=3))
    call_command("runs", "sweep", "--timeout", "2", stdout=out)
    assert f"1 run(s) marked failed: {remote.pk}." in out.getvalue()


@pytest.mark.django_db
def test_heartbeat_marks_only_this_workers_runs(people):
    old = timezone.now() - timedelta(hours=1)
    mine = make_run(people["admin"], status="running", worker="w:1", heartbeat_at=old)
    other = make_run(people["admin"], status="running", worker="w:2", heartbeat_at=old)
    assert services.report_heartbeat("w:1") == 1
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.heartbeat_at > old and other.heartbeat_at == old


@pytest.mark.django_db
def test_retry_permission_state_audit_and_queue(people, django_capture_on_commit_callbacks):
    run = make_run(people["admin"], status="failed", error="The worker stopped", progress=40, worker="x:1")
    with pytest.raises(PermissionDenied):
        services.report_retry(actor=people["no_role"], run_id=run.pk)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.report_retry(actor=people["afr_reviewer"], run_id=run.pk)
    run.refresh_from_db()
    assert (run.status, run.progress, run.error, run.worker) == ("queued", 0, "", "") and len(callbacks) == 1
    from wsis.core.models import AuditLog

    assert AuditLog.objects.filter(verb="report.retry", actor=people["afr_reviewer"]).count() == 1
    with pytest.raises(InvalidTransition, match="only a failed run"):
        services.report_retry(actor=people["admin"], run_id=run.pk)


@pytest.mark.django_db
def test_retry_through_api_page_and_command(people, client, django_capture_on_commit_callbacks):
    run = make_run(people["admin"], status="failed", error=services.WORKER_STOPPED)
    assert client.post(f"/api/v1/reports/{run.pk}/retry").status_code == 401
    client.force_login(people["no_role"])
    assert client.post(f"/api/v1/reports/{run.pk}/retry").json()["status"] == 403
    page = client.get(f"/en/reports/{run.pk}/")
    assert page.status_code == 200 and f'action="/en/reports/{run.pk}/retry/"' not in page.content.decode()
    client.force_login(people["afr_reviewer"])
    page = client.get(f"/en/reports/{run.pk}/").content.decode()
    assert f'action="/en/reports/{run.pk}/retry/"' in page
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(f"/api/v1/reports/{run.pk}/retry")
    assert response.status_code == 202 and response.json()["status"] == "queued"
    assert client.post(f"/api/v1/reports/{run.pk}/retry").json()["status"] == 409
    ReportRun.objects.filter(pk=run.pk).update(status="failed")
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(f"/en/reports/{run.pk}/retry/")
    assert response.status_code == 302 and ReportRun.objects.get(pk=run.pk).status == "queued"
    ReportRun.objects.filter(pk=run.pk).update(status="failed")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=False):
        call_command("runs", "retry", str(run.pk), "--user", people["admin"].username, stdout=out)
    assert f"#{run.pk} is queued again" in out.getvalue()


# ------------------------------------------------------------------------------ real processes (bounded)

def child_env(data_dir: Path) -> dict:
    """The environment of a child process that works on this test's database."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{s['NAME']}"
    else:
        url = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "WSIS_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def wait_for(predicate, timeout: float, what: str, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def children(pid: int) -> list[tuple[int, str]]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                with open(f"/proc/{entry}/cmdline", "rb") as fh:
                    found.append((int(entry), fh.read().replace(b"\0", b" ").decode()))
        except (OSError, IndexError, ValueError):
            continue
    return found


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        for child, _cmd in children(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def worker(env, *extra) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "wsis.cli", "worker", "--no-startup-delay", "--interval", "0.2",
                             "--heartbeat", "1", "-v", "0", *extra], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_run_is_swept_and_retry_completes(reference, people, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    env = child_env(tmp_path)
    run = services.report_request(actor=people["admin"], kind="cwg", period=2025, fmt="pdf")
    proc = worker(env)
    try:
        wait_for(lambda: ReportRun.objects.filter(pk=run.pk, status="running").exclude(worker="").exists(), 90,
                 "the worker to start the run", step=0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    run.refresh_from_db()
    assert run.status == "running" and run.worker.startswith(f"{socket.gethostname()}:{proc.pid}:")
    # Nothing else runs it: the sweep finds its worker gone.
    assert services.report_sweep() == [run.pk]
    run.refresh_from_db()
    assert run.status == "failed" and run.error == services.WORKER_STOPPED
    services.report_retry(actor=people["admin"], run_id=run.pk)
    again = worker(env, "--batch")
    try:
        _out, err = again.communicate(timeout=180)
    finally:
        if again.poll() is None:
            again.kill()
            again.wait()
    run.refresh_from_db()
    assert run.status == "done", err.decode()[-2000:]
    assert run.progress == 100 and run.file.read()[:4] == b"%PDF"


@pytest.mark.django_db(transaction=True)
def test_serve_restarts_a_killed_worker_and_leaves_no_child_after_sigterm(reference, tmp_path):
    env = child_env(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    serve = subprocess.Popen([sys.executable, "-m", "wsis.cli", "serve", "--no-collectstatic", "--port", str(port),
                              "--workers", "1"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: set[int] = set()
    try:
        def listening():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return True
            except OSError:
                return False

        wait_for(listening, 60, "gunicorn to listen", step=0.2)

        def task_worker():
            return next((pid for pid, cmd in children(serve.pid) if " worker" in cmd), None)

        first = wait_for(task_worker, 30, "the task worker", step=0.1)
        gunicorn = next(pid for pid, cmd in children(serve.pid) if "gunicorn" in cmd)
        assert f"--control-socket {tmp_path}/gunicorn.ctl" in " ".join(c for _p, c in children(serve.pid))
        seen |= set(descendants(serve.pid))
        os.kill(first, signal.SIGKILL)
        second = wait_for(lambda: (pid := task_worker()) and pid != first and pid, 30, "the worker's restart",
                          step=0.1)
        assert alive(gunicorn) and serve.poll() is None
        seen |= set(descendants(serve.pid)) | {second}
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=60) == 0
        left = [pid for pid in seen if alive(pid)]
        assert not left, f"processes left after SIGTERM: {left}"
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
        for pid in seen:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
