"""`wsis activities import|export|template|reindex`: the registry from the command line."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wsis.core.errors import ServiceError, command_error, command_user


class Command(BaseCommand):
    help = "Import or export activities (CSV, XLSX, JSON, IATI XML), write import templates, rebuild the search index."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        p = sub.add_parser("import", help="import a CSV, XLSX, JSON or IATI XML file (all or nothing; idempotent)")
        p.add_argument("path", type=Path)
        p.add_argument("--user", required=True, help="the account the import is made as (audited)")
        p.add_argument("--publish", action="store_true", help="publish the imported activities (administrators)")
        p = sub.add_parser("export", help="export published activities, or all those the user may see")
        p.add_argument("-o", "--output", type=Path, required=True)
        p.add_argument("--format", choices=["csv", "xlsx", "json", "iati"], default="csv")
        p.add_argument("--user", help="export what this account may see (default: the public view)")
        p.add_argument("--filter", action="append", default=[], metavar="NAME=CODE",
                       help="a list filter, e.g. region=AFR or line=C5; repeatable")
        p.add_argument("--q", default="", help="full-text query")
        p = sub.add_parser("template", help="write an empty import template")
        p.add_argument("-o", "--output", type=Path, required=True)
        sub.add_parser("reindex", help="rebuild facets and the search index of every activity")

    def handle(self, *args, **opts):
        try:
            getattr(self, f"do_{opts['sub']}")(opts)
        except ServiceError as exc:
            raise command_error(exc) from exc

    def do_import(self, opts):
        from rich.console import Console

        from wsis.stocktaking.imports import import_path

        with Console(stderr=True).status(f"Checking and importing {opts['path']}…"):
            result = import_path(command_user(opts["user"]), opts["path"], publish=opts["publish"])
        self.stdout.write(f"{opts['path']}: {result['created']} created, {result['updated']} updated, "
                          f"{result['unchanged']} unchanged.")

    def do_export(self, opts):
        from django.http import QueryDict

        from wsis.stocktaking import exports, selectors

        params = QueryDict(mutable=True)
        for item in opts["filter"]:
            name, _sep, code = item.partition("=")
            if name not in selectors.FACETS or not code:
                raise CommandError(f"--filter {item!r}: use NAME=CODE with NAME one of {', '.join(selectors.FACETS)}",
                                   returncode=2)
            params.appendlist(name, code)
        params["q"] = opts["q"]
        viewer = command_user(opts["user"]) if opts["user"] else None
        rows = selectors.export_rows(viewer, selectors.Filters.from_params(params))
        opts["output"].write_bytes(exports.render(rows, opts["format"]).content)
        self.stdout.write(f"{len(rows)} activities written to {opts['output']}.")

    def do_template(self, opts):
        from wsis.stocktaking import exports

        out: Path = opts["output"]
        out.write_bytes(exports.template("csv" if out.suffix.lower() == ".csv" else "xlsx"))
        self.stdout.write(f"Template written to {out}.")

    def do_reindex(self, opts):
        from django.db import transaction

        from wsis.stocktaking.models import Activity
        from wsis.stocktaking.search import backend
        from wsis.stocktaking.services import reindex

        ids = list(Activity.objects.values_list("id", flat=True))
        with transaction.atomic():
            # First make the index match the stored search rows: after a restore or `loaddata` the SQLite FTS
            # table can be empty while those rows exist, and removing an entry that is not there corrupts a
            # contentless FTS5 table ("database disk image is malformed").
            backend().rebuild()
            for i in range(0, len(ids), 500):
                reindex(ids[i:i + 500])
            backend().rebuild()
            backend().after_bulk()
        sys.stdout.write(f"{len(ids)} activities reindexed.\n")
