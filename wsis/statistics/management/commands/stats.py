"""`wsis stats formats|indicators|aggregate|divide|targets|index|releases|compare`: statistics from the command line."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from wsis.core.errors import ServiceError, command_error


class Command(BaseCommand):
    help = "ICT statistics: source formats, indicators, group aggregates, the digital divide, targets, index scores."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        sub.add_parser("formats", help="the source formats `wsis import indicators` reads")
        p = sub.add_parser("indicators", help="indicators with their rules and years")
        p.add_argument("--format", choices=["table", "csv", "json"], default="table")
        p = sub.add_parser("aggregate", help="group figures with coverage (declared gap filling)")
        p.add_argument("indicator")
        p.add_argument("--group", action="append", default=[], help="group code; repeatable (default: all)")
        p.add_argument("--from", dest="start", type=int)
        p.add_argument("--to", dest="end", type=int)
        p.add_argument("--dims", help="e.g. SEX=F")
        p.add_argument("--carry-forward", type=int, default=3)
        p.add_argument("--no-interpolate", action="store_true")
        p.add_argument("--impute", choices=["peer_mean", "none"], default="peer_mean")
        p.add_argument("--min-coverage", type=float, default=0.5)
        p.add_argument("--format", choices=["table", "csv", "json"], default="table")
        p = sub.add_parser("divide", help="gaps, parity, dispersion and people offline for a year")
        p.add_argument("indicator")
        p.add_argument("--year", type=int)
        p = sub.add_parser("targets", help="progress towards the strategic targets")
        p.add_argument("--format", choices=["table", "csv", "json"], default="table")
        p = sub.add_parser("index", help="composite index scores (IDI)")
        p.add_argument("code", nargs="?", default="IDI")
        p.add_argument("--year", type=int)
        p.add_argument("--format", choices=["table", "csv", "json"], default="table")
        sub.add_parser("releases", help="imported releases")
        p = sub.add_parser("compare", help="what changed between two releases")
        p.add_argument("old", type=int)
        p.add_argument("new", type=int)

    def handle(self, *args, **opts):
        try:
            getattr(self, f"do_{opts['sub']}")(opts)
        except ServiceError as exc:
            raise command_error(exc) from exc

    def _emit(self, rows, columns, fmt, title=""):
        from rich.console import Console
        from rich.table import Table

        if fmt == "json":
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        elif fmt == "csv":
            from wsis.core.export import csv_response

            sys.stdout.write(csv_response(rows, "x", columns).content.decode("utf-8-sig"))
        else:
            table = Table(title=title)
            for c in columns:
                table.add_column(c)
            for r in rows:
                table.add_row(*["" if r.get(c) is None else f"{r[c]:.4g}" if isinstance(r.get(c), float)
                                else str(r.get(c)) for c in columns])
            Console().print(table)

    def do_formats(self, opts):
        from wsis.statistics.sources import ADAPTERS

        for name, a in ADAPTERS.items():
            needs = f" (needs --{' --'.join(a.needs)})" if a.needs else ""
            self.stdout.write(f"{name:14} {a.label}{needs}")

    def do_indicators(self, opts):
        from wsis.statistics import selectors

        rows = [{"code": i.code, "name": i.text("name", "en"), "unit": i.unit, "rule": i.rule,
                 "weight": i.weight.code if i.weight else "", "observations": i.n_observations,
                 "years": f"{i.first_year}–{i.last_year}" if i.first_year else ""} for i in selectors.indicator_list("en")]
        self._emit(rows, ["code", "name", "unit", "rule", "weight", "observations", "years"], opts["format"])

    def do_aggregate(self, opts):
        from wsis.statistics import selectors

        ind = selectors.indicator_get(opts["indicator"])
        if (opts["start"] is None) != (opts["end"] is None):
            raise CommandError("Give both --from and --to.", returncode=2)
        method = selectors.method_from({"interpolate": not opts["no_interpolate"], "carry_forward": opts["carry_forward"],
                                        "impute": opts["impute"], "min_coverage": opts["min_coverage"]})
        rows = selectors.aggregates(ind, dims=selectors.dims_param(ind, opts["dims"]), groups=opts["group"] or None,
                                    years=(opts["start"], opts["end"]) if opts["start"] else None, method=method)
        for r in rows:
            r["filled"] = len(r["filled"])
        self._emit(rows, ["group", "year", "value", "coverage", "coverage_filled", "n_reported", "n_members", "filled",
                          "published_by_source", "difference"], opts["format"], f"{ind.code} {rows[0]['dims'] if rows else ''}")

    def do_divide(self, opts):
        from wsis.statistics import selectors

        data = selectors.divide(selectors.indicator_get(opts["indicator"]), year=opts["year"])
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")

    def do_targets(self, opts):
        from wsis.statistics import selectors

        rows = [{k: v for k, v in r.items() if k != "series"} for r in selectors.targets()]
        self._emit(rows, ["code", "group", "target", "deadline", "latest_year", "latest_value", "pace_required",
                          "pace_actual", "projection", "status"], opts["format"])

    def do_index(self, opts):
        from wsis.statistics import selectors

        result = selectors.index_scores(opts["code"], year=opts["year"])
        rows = [{"economy": k, "index": s.index, **{f"pillar_{p}": v for p, v in s.pillars.items()},
                 "missing": ";".join(s.missing)} for k, s in result["scores"].items()]
        cols = ["economy", "index", *[f"pillar_{p}" for p in result["definition"].pillars], "missing"]
        self._emit(rows, cols, opts["format"], f"{result['name']} {result['version']}, {result['year']}"
                   + ("" if result["verified"] else " (definition not verified)"))

    def do_releases(self, opts):
        from wsis.statistics import selectors

        rows = [{"id": r.pk, "source": r.source, "file": r.filename, "imported": r.imported_at.strftime("%Y-%m-%d %H:%M"),
                 "observations": r.counts.get("observations"), "aggregates": r.counts.get("aggregates"),
                 "left_out": ",".join(u["area"] for u in r.unmatched)} for r in selectors.release_list()]
        self._emit(rows, ["id", "source", "file", "imported", "observations", "aggregates", "left_out"], "table")

    def do_compare(self, opts):
        from wsis.statistics import selectors
        from wsis.statistics.models import Release

        old, new = Release.objects.filter(pk=opts["old"]).first(), Release.objects.filter(pk=opts["new"]).first()
        if old is None or new is None:
            raise CommandError("No such release.", returncode=2)
        diff = selectors.release_diff(old, new, limit=50)
        self.stdout.write(f"{diff['added']} added, {diff['removed']} removed, {diff['changed']} changed, "
                          f"{diff['unchanged']} unchanged.")
        self._emit(diff["rows"], ["indicator", "economy", "year", "dims", "old", "new", "change"], "table")
