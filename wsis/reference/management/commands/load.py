"""`wsis load KIND PATH`: load an official reference file; nothing is written unless every row is valid."""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand

from wsis.core.errors import ServiceError, command_error


class Command(BaseCommand):
    help = "Load reference files: sdg-texts (open-sdg translations folder), wb-income (WDI country metadata CSV), itu-codes (CSV)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True)
        p = sub.add_parser("sdg-texts", help="SDG goal, target and indicator texts in the six languages (open-sdg layout)")
        p.add_argument("path", type=Path)
        p.add_argument("--source", default="open-sdg translations", help="label stored with each text")
        p.add_argument("--reused-ok", nargs="*", default=[], metavar="CODE",
                       help="take texts for codes re-used by a framework review (the source has the new texts)")
        p = sub.add_parser("wb-income", help="World Bank income groups from a WDI Metadata_Country CSV")
        p.add_argument("path", type=Path)
        p.add_argument("--valid-from", required=True, type=dt.date.fromisoformat,
                       help="first day of the classification, e.g. 2024-07-01 for FY2025")
        p.add_argument("--skip-unknown", action="store_true", help="skip codes that are not ISO 3166 economies")
        p = sub.add_parser("itu-codes", help="ITU country codes from a CSV with ISO alpha-3 and ITU columns")
        p.add_argument("path", type=Path)
        p.add_argument("--iso3-column", default="ISO3166-1-Alpha-3")
        p.add_argument("--itu-column", default="ITU")

    def handle(self, *args, **opts):
        from wsis.reference import loaders

        kind, actor = opts["kind"], "wsis load"
        try:
            if kind == "sdg-texts":
                result = loaders.load_sdg_texts(actor=actor, root=opts["path"], source=opts["source"],
                                                reused_ok=tuple(opts["reused_ok"]))
                if result["skipped"]:
                    self.stdout.write("Skipped texts of codes re-used for new indicators (the file has the old "
                                      f"indicator's text): {', '.join(result['skipped'])}")
                if result["legacy"]:
                    self.stdout.write(f"Legacy indicator codes (kept apart from the current list): {', '.join(result['legacy'])}")
            elif kind == "wb-income":
                result = loaders.load_wb_income(actor=actor, path=opts["path"], valid_from=opts["valid_from"],
                                                skip_unknown=opts["skip_unknown"])
                if result["skipped"]:
                    self.stdout.write(f"Skipped codes that are not economies here: {', '.join(result['skipped'])}")
            else:
                result = loaders.load_itu_codes(actor=actor, path=opts["path"], iso3_column=opts["iso3_column"],
                                                itu_column=opts["itu_column"])
        except ServiceError as exc:
            raise command_error(exc) from exc
        t = result["tally"]
        self.stdout.write(f"{kind}: {t.get('created', 0)} created, {t.get('updated', 0)} updated, {t.get('unchanged', 0)} unchanged.")
