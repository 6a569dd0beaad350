"""`wsis serve`: collect static files and run the app under gunicorn, a production WSGI server."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the web app with gunicorn (static files included through WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("WSIS_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("WSIS_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WSIS_WORKERS", "3")))
        parser.add_argument("--no-task-worker", action="store_true",
                            help="do not start the background worker (run `wsis db_worker` elsewhere)")

    def handle(self, *args, **opts):
        call_command("collectstatic", interactive=False, verbosity=0)
        bind = f"{opts['host']}:{opts['port']}"
        self.stdout.write(f"WSIS·SDG Tracker at http://{bind}/ (data in {settings.DATA_DIR}); Ctrl+C stops it.")
        sys.stdout.flush()
        if not opts["no_task_worker"]:
            # Reports are generated in the background; the worker is a child that stops with the server.
            subprocess.Popen([sys.executable, "-m", "wsis.cli", "db_worker"])
        argv = [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", bind, "--workers", str(opts["workers"]),
            "--access-logfile", "-", "--timeout", "120",
        ]
        os.execv(sys.executable, argv)
