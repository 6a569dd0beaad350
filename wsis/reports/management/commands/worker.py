"""`wsis worker`: the background task worker (django-tasks-db's `db_worker`) with report supervision.

At start it marks failed the report runs whose worker stopped (killed, machine restarted); while it runs, a
thread keeps the heartbeat of its own runs fresh and sweeps again periodically, so a run never stays
"running" after its worker died. `wsis serve` starts this worker and restarts it if it dies."""

import logging
import threading

from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

logger = logging.getLogger("wsis.worker")


def _supervise(stop: threading.Event, worker: str, beat: float, sweep_every: float) -> None:
    from wsis.reports.services import report_heartbeat, report_sweep

    since_sweep = 0.0
    while not stop.wait(beat):
        since_sweep += beat
        try:
            close_old_connections()
            report_heartbeat(worker)
            if since_sweep >= sweep_every:
                since_sweep = 0.0
                report_sweep()
        except Exception:
            # A locked or briefly unreachable database must not end supervision; the next beat tries again.
            logger.exception("report heartbeat or sweep failed")
        finally:
            connection.close()


class Command(DbWorkerCommand):
    help = "Run the background task worker (reports), marking failed the runs of workers that stopped."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--heartbeat", type=float, default=15.0,
                            help="seconds between heartbeats of the runs this worker generates (default: 15)")
        parser.add_argument("--sweep-every", type=float, default=60.0,
                            help="seconds between sweeps for runs of stopped workers (default: 60)")

    def handle(self, *args, **opts):
        from wsis.reports.services import report_sweep, worker_id

        self.configure_logging(opts["verbosity"])
        swept = report_sweep()
        if swept:
            self.stdout.write(f"Marked failed (their worker stopped): runs {', '.join(map(str, swept))}.")
        connection.close()
        stop = threading.Event()
        thread = threading.Thread(target=_supervise, name="report-heartbeat", daemon=True,
                                  args=(stop, worker_id(), opts.pop("heartbeat"), opts.pop("sweep_every")))
        thread.start()
        opts["reload"] = False  # the reloader would run tasks in a child whose pid is not the heartbeat's
        try:
            super().handle(*args, **opts)
        finally:
            stop.set()
