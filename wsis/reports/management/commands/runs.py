"""`wsis runs sweep|retry`: supervision of background report runs from the command line."""

from django.core.management.base import BaseCommand

from wsis.core.errors import ServiceError, command_error, command_user


class Command(BaseCommand):
    help = "Mark failed the report runs whose worker stopped (sweep), or queue a failed run again (retry)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        p = sub.add_parser("sweep", help="mark failed the running reports whose worker stopped")
        p.add_argument("--timeout", type=int, default=None,
                       help="seconds without heartbeat after which a run is taken for dead "
                            "(default: REPORT_HEARTBEAT_TIMEOUT, 300)")
        p = sub.add_parser("retry", help="queue a failed report run again")
        p.add_argument("run", type=int, help="the run's number")
        p.add_argument("--user", required=True, help="the account the retry is made as (audited)")

    def handle(self, *args, **opts):
        from wsis.reports import services

        try:
            if opts["sub"] == "sweep":
                swept = services.report_sweep(timeout=opts["timeout"])
                self.stdout.write(f"{len(swept)} run(s) marked failed" + (f": {', '.join(map(str, swept))}."
                                                                            if swept else "."))
            else:
                run = services.report_retry(actor=command_user(opts["user"]), run_id=opts["run"])
                self.stdout.write(f"Report run #{run.pk} is queued again.")
        except ServiceError as exc:
            raise command_error(exc) from exc
