"""`wsis report TYPE --period 2025 --scope world --lang zh --format docx -o FILE`: one report, with a progress bar."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wsis.core.errors import ServiceError, command_error
from wsis.reports.builder import KINDS
from wsis.reports.models import FORMATS


class Command(BaseCommand):
    help = ("Write a report: cwg (annual summary for CWG-WSIS&SDG), sg (contribution to the Secretary-General's "
            "report), regional (input for one ITU region) or economy (economy profile).")

    def add_arguments(self, parser):
        parser.add_argument("type", choices=KINDS)
        parser.add_argument("--period", required=True, help="the year reported on")
        parser.add_argument("--scope", default="world",
                            help="world, an ITU region (AFR…), a group (LDC, LLDC, SIDS…) or an economy (ISO3)")
        parser.add_argument("--lang", default="en", help="ar, zh (zh-hans), en, fr, ru or es")
        parser.add_argument("--format", default="pdf", choices=list(FORMATS))
        parser.add_argument("-o", "--output", type=Path, help="the file to write (default: a name from the parameters)")

    def handle(self, *args, **opts):
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        from wsis.reports import builder, services

        try:
            with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                          TimeElapsedColumn(), transient=False) as bar:
                job = bar.add_task("building", total=100)

                def progress(pct: int, step: str) -> None:
                    bar.update(job, completed=min(90, pct * 9 // 10), description=step)

                services.check_format(opts["format"])
                doc = builder.build(opts["type"], period=opts["period"], scope=opts["scope"], language=opts["lang"],
                                    progress=progress)
                bar.update(job, description=f"rendering {opts['format']}")
                content = services.render(doc, opts["format"])
                bar.update(job, completed=100, description="done")
        except ServiceError as exc:
            raise command_error(exc) from exc
        out = opts["output"] or Path(f"wsis-{doc.kind}-{doc.period}-{doc.scope}-{doc.language}.{opts['format']}")
        try:
            out.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"{out}: {exc.strerror}", returncode=2) from exc
        self.stdout.write(f"{out}: {len(content):,} bytes; {len(doc.tables())} tables; fingerprint "
                          f"{doc.fingerprint()[:16]}")
