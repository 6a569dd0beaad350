"""`wsis import indicators --format FORMAT FILE`: import a release of ICT statistics (all or nothing)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wsis.core.errors import ServiceError, command_error, command_user


class Command(BaseCommand):
    help = "Import ICT statistics from a file: checks everything first, writes all or nothing, idempotent."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        p = sub.add_parser("indicators", help="import observations of ICT indicators")
        p.add_argument("path", type=Path)
        p.add_argument("--format", default="auto", help="source format: auto or one of `wsis stats formats`")
        p.add_argument("--user", required=True, help="the statistician the import is made as (audited)")
        p.add_argument("--indicator", help="series code when the file does not name it (long CSV, Open SDG)")
        p.add_argument("--area", help="the economy of a national Open SDG file (ISO3)")
        p.add_argument("--mapping", help="tidy files: role=column pairs, e.g. area=Country,year=Year,value=Value")
        p.add_argument("--skip-unmatched", action="store_true",
                       help="leave out areas that match no economy (listed in the release) instead of refusing")
        p.add_argument("--create-indicators", action="store_true",
                       help="create indicators for unknown series (aggregation rule: none until set)")

    def handle(self, *args, **opts):
        from rich.console import Console
        from rich.progress import Progress

        from wsis.statistics.importing import import_bytes

        path: Path = opts["path"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file.", returncode=2)
        user = command_user(opts["user"])
        options = {k: opts[k] for k in ("indicator", "area", "mapping") if opts.get(k)}
        console = Console(stderr=True)
        try:
            with Progress(console=console, transient=True) as bar:
                task = bar.add_task(f"Importing {path.name}", total=None)
                result = import_bytes(user, path.read_bytes(), path.name, fmt=opts["format"], options=options,
                                      skip_unmatched=opts["skip_unmatched"],
                                      create_indicators=opts["create_indicators"],
                                      progress=lambda done, total: bar.update(task, completed=done, total=total))
        except ServiceError as exc:
            raise command_error(exc) from exc
        if not result.created:
            self.stdout.write(f"{path.name}: already imported as release #{result.release.pk}; nothing changed.")
            return
        self.stdout.write(f"{path.name}: release #{result.release.pk}: {result.observations} observations, "
                          f"{result.aggregates} published aggregates, indicators {', '.join(result.indicators)}; "
                          f"{result.replaced} earlier values superseded.")
        if result.unmatched:
            self.stdout.write(f"Left out {len(result.unmatched)} unmatched areas: "
                              + ", ".join(u["area"] for u in result.unmatched))
