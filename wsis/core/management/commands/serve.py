"""`wsis serve`: run the app under gunicorn, a production WSGI server, with the background task worker beside it.

Both run as children of this process, which supervises them: the worker is restarted if it dies, and SIGTERM or
SIGINT stops gunicorn and the worker before this process exits, so no child is left behind. If gunicorn itself
stops, the worker is stopped too and `serve` exits with gunicorn's status (a service manager restarts it)."""

import ctypes
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

STOP_GRACE = 20  # seconds a child has to stop after SIGTERM before it is killed
RESTART_DELAY = (1, 30)  # a worker that keeps dying is restarted after 1 s, doubling up to 30 s
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    # Linux: a child gets SIGTERM if `serve` itself is killed (SIGKILL cannot be forwarded).
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def control_socket_args(data_dir) -> list[str]:
    """Each instance gets its own gunicorn control socket in its data dir (by default every gunicorn on the
    machine shares one under the home directory); disabled when the path is too long for a Unix socket."""
    from gunicorn.config import KNOWN_SETTINGS

    if not any(s.name == "control_socket" for s in KNOWN_SETTINGS):
        return []  # a gunicorn without the control interface
    path = os.path.join(str(data_dir), "gunicorn.ctl")
    return ["--control-socket", path] if len(path.encode()) < 100 else ["--no-control-socket"]


class Command(BaseCommand):
    help = "Serve the web app with gunicorn (static files included through WhiteNoise) and the task worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("WSIS_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("WSIS_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WSIS_WORKERS", "3")))
        parser.add_argument("--no-task-worker", action="store_true",
                            help="do not start the background worker (run `wsis worker` elsewhere)")
        parser.add_argument("--no-collectstatic", action="store_true",
                            help="serve the static files already collected (`wsis collectstatic`)")

    def handle(self, *args, **opts):
        if not opts["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        bind = f"{opts['host']}:{opts['port']}"
        self.stdout.write(f"WSIS·SDG Tracker at http://{bind}/ (data in {settings.DATA_DIR}); Ctrl+C stops it.")
        sys.stdout.flush()
        web = [sys.executable, "-m", "gunicorn", "config.wsgi:application",
               "--bind", bind, "--workers", str(opts["workers"]),
               "--access-logfile", "-", "--timeout", "120", *control_socket_args(settings.DATA_DIR)]
        worker = None if opts["no_task_worker"] else [sys.executable, "-m", "wsis.cli", "worker"]
        sys.exit(Supervisor(web, worker, log=self.stderr.write).run())


class Supervisor:
    def __init__(self, web: list[str], worker: list[str] | None, log=print):
        self.web_argv, self.worker_argv, self.log = web, worker, log
        self.web: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.stopping = 0

    def _start(self, argv: list[str]) -> subprocess.Popen:
        # Own process group: a signal meant for `serve` (Ctrl+C) reaches the children only through it, in order.
        return subprocess.Popen(argv, start_new_session=True, preexec_fn=_die_with_parent)  # noqa: PLW1509

    def _on_signal(self, signum, frame):
        self.stopping = signum

    def run(self) -> int:
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, self._on_signal)
        self.web = self._start(self.web_argv)
        if self.worker_argv:
            self.worker = self._start(self.worker_argv)
        started, delay, restart_at = time.monotonic(), RESTART_DELAY[0], None
        status = 0
        while not self.stopping:
            code = self.web.poll()
            if code is not None:
                self.log(f"gunicorn stopped (status {code}); stopping the task worker.")
                status = code or 1
                break
            if self.worker is not None and self.worker.poll() is not None:
                now = time.monotonic()
                if restart_at is None:
                    # A worker that ran a minute is not in a crash loop: restart it quickly again.
                    delay = RESTART_DELAY[0] if now - started > 60 else min(delay * 2, RESTART_DELAY[1])
                    self.log(f"The task worker stopped (status {self.worker.returncode}); restarting it in {delay} s.")
                    restart_at = now + delay
                elif now >= restart_at:
                    self.worker = self._start(self.worker_argv)
                    started, restart_at = now, None
            time.sleep(0.2)
        self.stop()
        return status

    def stop(self) -> None:
        children = [p for p in (self.worker, self.web) if p is not None]
        for p in children:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        for p in children:
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.log(f"Process {p.pid} did not stop in {STOP_GRACE} s; killing it.")
            # Whatever is left in its group (gunicorn's own workers) goes with it.
            try:
                os.killpg(p.pid, signal.SIGKILL if p.poll() is None else signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass
            p.wait()
