"""`wsis partnerships rates|flows|summary|export`: exchange rates and funding flows from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand

from wsis.core.errors import ServiceError, command_error, command_file, command_user
from wsis.partnerships.funding import selectors as funding_selectors
from wsis.partnerships.funding import services as funding_services


class Command(BaseCommand):
    help = "Partnerships: import exchange rates and funding flows, show the funding summary, export flows."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        p = sub.add_parser("rates", help="import exchange rates: CSV or XLSX with currency, date, per_usd, source")
        p.add_argument("path", type=Path)
        p.add_argument("--user", required=True, help="the BDT account the import is made as (audited)")
        p = sub.add_parser("flows", help="import funding flows: CSV/XLSX (one flow per row) or IATI XML transactions")
        p.add_argument("path", type=Path)
        p.add_argument("--user", required=True, help="the account the import is made as (audited)")
        p.add_argument("--mechanism", default="", help="mechanism for IATI transactions that name none")
        p.add_argument("--accept-overruns", action="store_true",
                       help="write disbursements beyond the file's commitments (earlier commitments are often in "
                            "another file) and list them, instead of rejecting the file")
        p = sub.add_parser("summary", help="pipeline totals in US dollars and a breakdown")
        p.add_argument("--by", default="region", choices=["region", "group", "line", "role", "funder_kind",
                                                          "mechanism", "year"])
        for f in ("region", "group", "line", "mechanism", "funder_kind"):
            p.add_argument(f"--{f.replace('_', '-')}", dest=f, default="")
        p.add_argument("--year", type=int)
        p.add_argument("--user", help="see what this account may see (default: the public view)")
        p = sub.add_parser("export", help="write funding flows as CSV, XLSX, JSON or IATI XML")
        p.add_argument("-o", "--output", type=Path, required=True)
        p.add_argument("--format", choices=["csv", "xlsx", "json", "iati"], default="csv")
        p.add_argument("--user", help="export what this account may see (default: the public view)")

    def handle(self, *args, **opts):
        try:
            getattr(self, f"do_{opts['sub']}")(opts)
        except ServiceError as exc:
            raise command_error(exc) from exc

    def do_rates(self, opts):
        from wsis.partnerships.money import read_rates_file

        path = command_file(opts["path"])
        user = command_user(opts["user"])
        result = funding_services.rates_import(actor=user, rows=read_rates_file(path))
        self.stdout.write(f"{path}: {result['rows']} rates read; {result['created']} added, {result['updated']} "
                          f"changed, {result['unchanged']} unchanged.")

    def do_flows(self, opts):
        from rich.console import Console

        from wsis.partnerships import files

        path = command_file(opts["path"])
        user = command_user(opts["user"])
        with Console(stderr=True).status(f"Checking and importing {path}…"):
            items, notes = files.read_flows(path, default_mechanism=opts["mechanism"])
            result = funding_services.flows_record(actor=user, items=items, accept_overruns=opts["accept_overruns"])
        self.stdout.write(f"{path}: {len(items)} flows read; {result['created']} added, {result['updated']} updated.")
        if result["flags"]:
            self.stdout.write(f"  {len(result['flags'])} disbursements exceed the commitments on record, e.g. "
                              f"{result['flags'][0]['location']}: {result['flags'][0]['message']}")
        for note, n in sorted(notes.items()):
            self.stdout.write(f"  note: {note} ×{n}")

    def do_summary(self, opts):
        from rich.console import Console
        from rich.table import Table


        viewer = command_user(opts["user"]) if opts.get("user") else None
        f = funding_selectors.FlowFilters(**{k: opts[k] for k in ("region", "group", "line", "mechanism", "funder_kind",
                                                          "year") if opts.get(k)})
        s = funding_selectors.funding_summary(viewer, f)
        table = Table(title=f"Funding in US dollars by {opts['by']}")
        table.add_column(opts["by"])
        for st in funding_selectors.STAGES:
            table.add_column(st, justify="right")
        for r in s["breakdown"][opts["by"]]:
            table.add_row(str(r["label"]), *(f"{r[st]:,.0f}" for st in funding_selectors.STAGES))
        table.add_row("Total", *(f"{s['total'][st]:,.0f}" for st in funding_selectors.STAGES), style="bold")
        console = Console(file=self.stdout, width=140)
        console.print(table)
        if s["confidential"]:
            console.print(f"{s['confidential']} confidential flows are not counted.")
        for m in s["missing"]:
            console.print(f"[red]No rate for {m['currency']} on or before {m['date']}: {m['flows']} flows not counted.")

    def do_export(self, opts):
        from wsis.core.export import download
        from wsis.partnerships import files

        viewer = command_user(opts["user"]) if opts.get("user") else None
        rows = funding_selectors.flow_rows(viewer)
        if opts["format"] == "iati":
            content = files.iati_export(viewer, rows)
            rows = [r for r in rows if r["public"] and r["amount"] is not None]
        else:
            content = download(rows, "funding-flows", opts["format"]).content
        opts["output"].write_bytes(content)
        self.stdout.write(f"{opts['output']}: {len(rows)} flows.")
