"""`wsis plan import|template|export|status|overdue|remind`: the operational plan from the command line."""

import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wsis.core.errors import ServiceError, command_error, command_file, command_user


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"{text!r} is not a date (YYYY-MM-DD).", returncode=2) from exc


class Command(BaseCommand):
    help = "Operational plan: import a plan from XLSX, write the template, export, show statuses, send reminders."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        p = sub.add_parser("import", help="create a plan from an XLSX workbook (all or nothing)")
        p.add_argument("path", type=Path)
        p.add_argument("--user", required=True, help="the BDT administrator the import is made as (audited)")
        p.add_argument("--activate", action="store_true", help="publish the plan at once")
        p = sub.add_parser("template", help="write an empty XLSX plan workbook with a Read me sheet")
        p.add_argument("-o", "--output", type=Path, required=True)
        p = sub.add_parser("export", help="write a plan in the import layout (XLSX)")
        p.add_argument("code")
        p.add_argument("-o", "--output", type=Path, required=True)
        for name, what in (("status", "the plan tree with computed statuses"),
                           ("overdue", "late milestones, KPIs and missing updates")):
            p = sub.add_parser(name, help=what)
            p.add_argument("code")
            p.add_argument("--at", type=_date, help="evaluate as of this date (default today)")
            p.add_argument("--lang", default="en")
            p.add_argument("--format", choices=["table", "csv", "json"], default="table")
        p = sub.add_parser("remind", help="create today's reminders and e-mail them (run daily)")
        p.add_argument("--today", type=_date, help="pretend today is this date")
        p.add_argument("--no-email", action="store_true", help="only the in-app list")

    def handle(self, *args, **opts):
        try:
            getattr(self, f"do_{opts['sub']}")(opts)
        except ServiceError as exc:
            raise command_error(exc) from exc

    def do_import(self, opts):
        from rich.console import Console

        from wsis.planning import services, xlsx

        path = command_file(opts["path"])
        user = command_user(opts["user"])
        with Console(stderr=True).status(f"Checking and importing {path}…"):
            data = xlsx.read_plan_xlsx(path.read_bytes(), path.name)
            plan = services.plan_import(actor=user, data=data)
            if opts["activate"]:
                services.plan_set_state(actor=user, plan=plan, state="active")
        counts = {"outputs": 0, "kpis": 0, "milestones": 0}
        for ob in plan.objectives.all():
            for o in ob.outputs.all():
                counts["outputs"] += 1
                counts["kpis"] += o.kpis.count()
                counts["milestones"] += o.milestones.count()
        self.stdout.write(f"{path}: plan {plan.code} created ({plan.state}): {plan.objectives.count()} objectives, "
                          f"{counts['outputs']} outputs, {counts['kpis']} KPIs, {counts['milestones']} milestones, "
                          f"{plan.periods.count()} reporting periods.")

    def do_template(self, opts):
        from wsis.planning import xlsx

        opts["output"].write_bytes(xlsx.plan_template_xlsx())
        self.stdout.write(f"Template written to {opts['output']}.")

    def do_export(self, opts):
        from wsis.planning import selectors, xlsx

        plan = selectors.plan_by_code(opts["code"])
        opts["output"].write_bytes(xlsx.write_plan_xlsx(selectors.plan_to_data(plan)))
        self.stdout.write(f"Plan {plan.code} written to {opts['output']}.")

    def _view(self, opts):
        from wsis.core.i18n import normalise_language
        from wsis.planning import selectors

        try:
            lang = normalise_language(opts["lang"])
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        plan = selectors.plan_by_code(opts["code"])
        return selectors.evaluate(plan, language=lang, today=opts["at"])

    def _emit(self, rows, columns, opts, title):
        import json

        from rich.console import Console
        from rich.table import Table

        if opts["format"] == "json":
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
            return
        if opts["format"] == "csv":
            from wsis.core.export import csv_response

            sys.stdout.write(csv_response(rows, "x", columns).content.decode("utf-8-sig"))
            return
        table = Table(title=title)
        for c in columns:
            table.add_column(c)
        for r in rows:
            table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in columns])
        Console().print(table)

    def do_status(self, opts):
        from wsis.planning import selectors

        view = self._view(opts)
        rows = [{"level": "plan", "code": view.plan.code, "title": view.title, "office": "", "status": view.status,
                 "forecast": None}]
        for ob in view.objectives:
            rows.append({"level": "objective", "code": ob.objective.code, "title": ob.title, "office": "",
                         "status": ob.status, "forecast": None})
            for o in ob.outputs:
                rows.append({"level": "output", "code": o.output.code, "title": o.title, "office": o.office,
                             "status": o.status, "forecast": o.forecast})
                for k in o.kpis:
                    rows.append({"level": "kpi", "code": f"{o.output.code} {k.kpi.code}", "title": k.title,
                                 "office": o.office, "status": k.status, "forecast": k.result.forecast})
        for r in rows:
            r["status_label"] = selectors.status_label(r["status"])
        self._emit(rows, ["level", "code", "title", "office", "status_label", "forecast"], opts,
                   f"{view.plan.code} as of {view.today}")

    def do_overdue(self, opts):
        from wsis.planning import selectors

        view = self._view(opts)
        rows = selectors.overdue(view)
        self._emit(rows, ["kind", "output", "office", "title", "due", "days_late"], opts,
                   f"{view.plan.code}: overdue as of {view.today}")

    def do_remind(self, opts):
        from wsis.planning.reminders import reminders_send

        result = reminders_send(today=opts["today"], email=not opts["no_email"])
        self.stdout.write(f"{result['created']} new reminders; {result['emails']} e-mails sent.")
