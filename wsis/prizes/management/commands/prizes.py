"""`wsis prizes results YEAR`: the published results of a WSIS Prizes contest as CSV or JSON."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wsis.core.errors import ServiceError


class Command(BaseCommand):
    help = "WSIS Prizes: export published results (CSV or JSON)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        p = sub.add_parser("results", help="published winners and champions of a contest")
        p.add_argument("year", type=int)
        p.add_argument("--format", choices=["csv", "json"], default="csv")
        p.add_argument("--lang", default="en")
        p.add_argument("--region", help="ITU region code, e.g. AFR")
        p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    def handle(self, *args, **opts):
        from wsis.core.export import csv_response
        from wsis.core.i18n import normalise_language
        from wsis.prizes import selectors

        try:
            rows = selectors.results(selectors.contest_get(opts["year"]), normalise_language(opts["lang"]),
                                     region=opts["region"])
        except (ServiceError, ValueError) as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if opts["format"] == "json":
            body = json.dumps(rows, ensure_ascii=False, indent=1).encode()
        else:
            body = csv_response(rows, "results", columns=["category", "category_name", "state", "title", "organisation",
                                                          "regions", "votes"]).content
        if opts["output"]:
            opts["output"].write_bytes(body)
            self.stdout.write(f"{len(rows)} results written to {opts['output']}.")
        else:
            sys.stdout.write(body.decode("utf-8-sig"))
