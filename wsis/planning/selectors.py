"""Operational-plan reads: the evaluated plan tree, output rows, timeline, overdue list, office summary.

`evaluate()` loads a plan in a fixed number of queries and computes every status with
`wsis.planning.status` as of a given day; the pages, the API, the CLI and the reminders all use it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from wsis.core.errors import NotFound, PermissionDenied
from wsis.core.i18n import pick, prefetch_translations
from wsis.planning import permissions
from wsis.planning import status as st
from wsis.planning.models import (
    STATUS_LABELS,
    Kpi,
    Milestone,
    Objective,
    Output,
    Period,
    Plan,
    ProgressUpdate,
    UpdateValue,
)


def plan_list(user) -> list[Plan]:
    return [p for p in Plan.objects.prefetch_related("translations") if permissions.can_plan_view(user, p)]


def plan_by_code(code: str) -> Plan:
    """Any plan, drafts included: for the operator's command line."""
    plan = Plan.objects.prefetch_related("translations").filter(code=code).first()
    if plan is None:
        raise NotFound(f"No operational plan {code!r}.")
    return plan


def plan_get(code: str, user) -> Plan:
    plan = plan_by_code(code)
    if not permissions.can_plan_view(user, plan):
        raise PermissionDenied("This plan is a draft; only BDT administrators see it.")
    return plan


def current_plan(user):
    today = timezone.localdate()
    plans = plan_list(user)
    for p in plans:
        if p.state == "active" and p.start <= today <= p.end:
            return p
    return plans[0] if plans else None


def _date(d):
    return d.isoformat() if d else None


@dataclass
class KpiView:
    kpi: Kpi
    title: str
    series: list[tuple[dt.date, float]]
    result: st.KpiResult
    note: str = ""

    @property
    def status(self):
        return self.result.status


@dataclass
class MilestoneView:
    milestone: Milestone
    title: str
    result: st.MilestoneResult

    @property
    def status(self):
        return self.result.status


@dataclass
class OutputView:
    output: Output
    title: str
    office: str
    kpis: list[KpiView]
    milestones: list[MilestoneView]
    roll: st.RollUp
    forecast: dt.date | None
    updates: dict = field(default_factory=dict)  # period code → state

    @property
    def status(self):
        return self.roll.status


@dataclass
class ObjectiveView:
    objective: Objective
    title: str
    outputs: list[OutputView]
    roll: st.RollUp

    @property
    def status(self):
        return self.roll.status


@dataclass
class PlanView:
    plan: Plan
    title: str
    today: dt.date
    objectives: list[ObjectiveView]
    roll: st.RollUp
    periods: list[Period]

    @property
    def status(self):
        return self.roll.status

    def outputs(self):
        for o in self.objectives:
            yield from o.outputs


def activity_series(kpi: Kpi, activities: list[dict]) -> tuple[list[tuple[dt.date, float]], str]:
    """The live value of an activity-based KPI on each date something changed.

    An activity counts from its end date when it is completed, otherwise from its start date; activities
    without a date, and those dated on or before the baseline date (already in the baseline), are left out.
    """
    t0 = dt.date(kpi.baseline_year, 12, 31)
    kinds, statuses = set(kpi.activity_kinds), set(kpi.activity_statuses)
    undated = other_currency = 0
    events = []
    for a in activities:
        if (kinds and a["kind"] not in kinds) or (statuses and a["status"] not in statuses):
            continue
        when = a["end_date"] if a["status"] == "completed" and a["end_date"] else a["start_date"]
        if when is None:
            undated += 1
            continue
        if when <= t0:
            continue
        if kpi.measure == "budget":
            if a["budget_amount"] is None or a["budget_currency"] != kpi.currency:
                other_currency += 1
                continue
        events.append((when, a))
    events.sort(key=lambda e: e[0])
    series, total, seen = [], kpi.baseline_value, set()
    for when, a in events:
        if kpi.measure == "count":
            total += 1
        elif kpi.measure == "economies":
            new = set(a["economies"]) - seen
            seen |= new
            total += len(new)
        else:
            total += float(a["budget_amount"])
        if series and series[-1][0] == when:
            series[-1] = (when, total)
        else:
            series.append((when, total))
    notes = []
    if undated:
        notes.append(ngettext("%(n)d linked activity without dates is not counted",
                              "%(n)d linked activities without dates are not counted", undated) % {"n": undated})
    if other_currency:
        notes.append(ngettext("%(n)d linked activity has no budget in %(currency)s and is not counted",
                              "%(n)d linked activities have no budget in %(currency)s and are not counted",
                              other_currency) % {"n": other_currency, "currency": kpi.currency})
    return series, "; ".join(notes)


def indicator_series(kpi: Kpi) -> tuple[list[tuple[dt.date, float]], str]:
    """The KPI's values from the statistics module, dated 31 December of each year: an economy's current
    observations, or a group's published figure (the statistics module's declared gap filling and coverage
    threshold apply; unpublished years are left out)."""
    from wsis.reference.models import Economy
    from wsis.statistics import selectors as stats
    from wsis.statistics.models import Indicator

    ind = Indicator.objects.filter(code=kpi.indicator).first()
    if ind is None:
        return [], gettext("The ICT indicator %(code)s no longer exists.") % {"code": kpi.indicator}
    dims = stats.total_dims(ind)
    if Economy.objects.filter(iso3=kpi.area.upper()).exists():
        rows = stats.observations(ind, dims=dims, economies=[kpi.area.upper()])
        return [(dt.date(r["year"], 12, 31), r["value"]) for r in rows], ""
    rows = stats.aggregates(ind, dims=dims, groups=[kpi.area])
    unpublished = sum(1 for r in rows if r["value"] is None and r["value_unpublished"] is not None)
    note = ngettext("%(n)d year below the statistics module's coverage threshold is left out",
                    "%(n)d years below the statistics module's coverage threshold are left out",
                    unpublished) % {"n": unpublished} if unpublished else ""
    return [(dt.date(r["year"], 12, 31), r["value"]) for r in rows if r["value"] is not None], note


def _activities_by_output(output_ids) -> dict[int, list[dict]]:
    from wsis.stocktaking.models import Activity

    links = Output.activities.through.objects.filter(output_id__in=output_ids)
    by_act = defaultdict(list)
    for out_id, act_id in links.values_list("output_id", "activity_id"):
        by_act[act_id].append(out_id)
    if not by_act:
        return {}
    # Only what the public registry shows counts towards a KPI: published originals.
    acts = Activity.objects.filter(pk__in=by_act, state="published", revision_of__isnull=True)
    rows = {a["id"]: {**a, "economies": []} for a in acts.values(
        "id", "kind", "status", "start_date", "end_date", "budget_amount", "budget_currency")}
    for act_id, eco in Activity.economies.through.objects.filter(activity_id__in=rows).values_list(
            "activity_id", "economy_id"):
        rows[act_id]["economies"].append(eco)
    result = defaultdict(list)
    for act_id, row in rows.items():
        for out_id in by_act[act_id]:
            result[out_id].append(row)
    return result


def evaluate(plan: Plan, *, language: str, today: dt.date | None = None, office: int | None = None) -> PlanView:
    today = today or timezone.localdate()
    objectives = list(prefetch_translations(plan.objectives.all(), language))
    # The links are read by output_rows for every output: fetch them once here, not per output.
    outputs_q = prefetch_translations(
        Output.objects.filter(objective__plan=plan).select_related("office").prefetch_related(
            "action_lines", "sdg_targets", "strategic_targets", "activities"), language)
    if office:
        outputs_q = outputs_q.filter(office_id=office)
    outputs = list(outputs_q)
    out_ids = [o.pk for o in outputs]
    kpis = list(prefetch_translations(Kpi.objects.filter(output_id__in=out_ids), language))
    milestones = list(prefetch_translations(Milestone.objects.filter(output_id__in=out_ids), language))
    periods = list(plan.periods.all())
    period_end = {p.pk: p.end for p in periods}
    approved = defaultdict(list)
    for kpi_id, value, period_id in UpdateValue.objects.filter(
            kpi_id__in=[k.pk for k in kpis], update__state="approved").values_list(
            "kpi_id", "value", "update__period_id"):
        approved[kpi_id].append((period_end[period_id], value))
    states = defaultdict(dict)
    period_code = {p.pk: p.code for p in periods}
    for out_id, period_id, state in ProgressUpdate.objects.filter(output_id__in=out_ids).values_list(
            "output_id", "period_id", "state"):
        states[out_id][period_code[period_id]] = state
    acts = _activities_by_output(out_ids) if any(k.source == "activities" for k in kpis) else {}

    kpis_by_out, ms_by_out = defaultdict(list), defaultdict(list)
    for k in kpis:
        if k.source == "activities":
            series, note = activity_series(k, acts.get(k.output_id, []))
        elif k.source == "indicator":
            series, note = indicator_series(k)
        else:
            series, note = sorted(approved.get(k.pk, [])), ""
        result = st.kpi_status(st.KpiInput(
            baseline=k.baseline_value, baseline_date=dt.date(k.baseline_year, 12, 31), target=k.target_value,
            deadline=k.deadline, direction=k.direction, observations=tuple(series)), today)
        kpis_by_out[k.output_id].append(KpiView(k, pick(k, "title", language), series, result, note))
    for m in milestones:
        ms_by_out[m.output_id].append(MilestoneView(
            m, pick(m, "title", language), st.milestone_status(m.due, today, expected=m.expected, completed=m.completed)))

    outs_by_obj = defaultdict(list)
    for o in outputs:
        ks, ms = kpis_by_out[o.pk], ms_by_out[o.pk]
        roll = st.output_roll_up([k.status for k in ks] + [m.status for m in ms])
        forecast = _output_forecast(ks, ms, today)
        outs_by_obj[o.objective_id].append(OutputView(
            o, pick(o, "title", language), o.office.acronym or o.office.name, ks, ms, roll, forecast, states[o.pk]))
    obj_views = []
    for obj in objectives:
        ov = outs_by_obj.get(obj.pk, [])
        if office and not ov:
            continue
        obj_views.append(ObjectiveView(obj, pick(obj, "title", language), ov, st.group_roll_up([o.status for o in ov])))
    roll = st.group_roll_up([o.status for ob in obj_views for o in ob.outputs])
    return PlanView(plan, pick(plan, "title", language), today, obj_views, roll, periods)


def _output_forecast(kpis: list[KpiView], milestones: list[MilestoneView], today: dt.date) -> dt.date | None:
    """When everything of the output should be done: the latest KPI forecast or milestone date. None when
    something open has no credible date: a KPI without data or progress, a milestone whose date has passed."""
    dates = []
    for k in kpis:
        if k.status == st.DONE:
            dates.append(k.result.latest_date)
        elif k.result.forecast is None:
            return None
        else:
            dates.append(k.result.forecast)
    for m in milestones:
        ms = m.milestone
        when = ms.completed or ms.expected or ms.due
        if ms.completed is None and when < today:
            return None
        dates.append(when)
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def status_label(code: str) -> str:
    return str(STATUS_LABELS.get(code, code))


def output_rows(view: PlanView, *, status: str | None = None) -> list[dict]:
    """One flat row per output: the list, the CSV/JSON/XLSX downloads and the API share it."""
    rows = []
    for ob in view.objectives:
        for o in ob.outputs:
            if status and o.status != status:
                continue
            out = o.output
            rows.append({
                "plan": view.plan.code, "objective": ob.objective.code, "output": out.code, "title": o.title,
                "office": o.office, "status": o.status, "status_label": status_label(o.status),
                "forecast": _date(o.forecast),
                "kpis": len(o.kpis), "milestones": len(o.milestones),
                **{f"n_{s}": o.roll.counts.get(s, 0) for s in st.STATUSES},
                "action_lines": sorted(a.code for a in out.action_lines.all()),
                "sdg_targets": sorted(t.code for t in out.sdg_targets.all()),
                "strategic_targets": sorted(t.code for t in out.strategic_targets.all()),
                "activities": len(out.activities.all()),
                "as_of": view.today.isoformat(),
            })
    return rows


def kpi_rows(view: PlanView) -> list[dict]:
    rows = []
    for o in view.outputs():
        for k in o.kpis:
            kpi, r = k.kpi, k.result
            rows.append({
                "output": o.output.code, "kpi": kpi.code, "name": k.title, "unit": kpi.unit, "direction": kpi.direction,
                "source": kpi.source, "measure": kpi.measure, "baseline": kpi.baseline_value,
                "baseline_year": kpi.baseline_year, "target": kpi.target_value, "deadline": kpi.deadline.isoformat(),
                "latest": r.latest, "latest_date": _date(r.latest_date), "progress": r.progress,
                "pace_actual": r.pace_actual, "pace_required": r.pace_required, "pace_ratio": r.pace_ratio,
                "forecast": _date(r.forecast), "status": r.status, "status_label": status_label(r.status),
                "reason": r.reason, "note": k.note, "as_of": view.today.isoformat(),
            })
    return rows


def timeline(view: PlanView) -> list[dict]:
    """Milestones, KPI deadlines and update due dates in date order."""
    items = []
    for o in view.outputs():
        for m in o.milestones:
            ms = m.milestone
            items.append({"date": ms.due, "kind": "milestone", "output": o.output.code, "office": o.office,
                          "title": m.title, "status": m.status, "expected": ms.expected, "completed": ms.completed,
                          "slippage_days": m.result.slippage_days})
        for k in o.kpis:
            items.append({"date": k.kpi.deadline, "kind": "kpi", "output": o.output.code, "office": o.office,
                          "title": k.title, "status": k.status, "expected": k.result.forecast, "completed": None,
                          "slippage_days": (k.result.forecast - k.kpi.deadline).days if k.result.forecast else None})
    for p in view.periods:
        items.append({"date": p.due, "kind": "period", "output": "", "office": "", "title": p.code,
                      "status": "", "expected": None, "completed": None, "slippage_days": None})
    items.sort(key=lambda i: (i["date"], i["kind"], i["output"]))
    return items


@dataclass
class GanttRow:
    """One output as a bar of the plan's chart: from the plan's start to the output's deadline."""

    objective: str
    objective_title: str
    output_id: int
    code: str
    title: str
    office: str
    status: str
    start: dt.date
    deadline: dt.date
    forecast: dt.date | None
    milestones: list[tuple[dt.date, str, str]]  # (due date, title, status)


@dataclass
class Gantt:
    start: dt.date
    end: dt.date
    today: dt.date
    rows: list[GanttRow]

    @property
    def today_shown(self) -> bool:
        return self.start <= self.today <= self.end

    def groups(self) -> list[tuple[str, str, list[GanttRow]]]:
        """The rows under their objective, in the order of the rows."""
        out: list[tuple[str, str, list[GanttRow]]] = []
        for r in self.rows:
            if not out or out[-1][0] != r.objective:
                out.append((r.objective, r.objective_title, []))
            out[-1][2].append(r)
        return out

    def counts(self) -> list[tuple[str, int]]:
        """How many outputs are in each status, every status listed (the chart's legend)."""
        return [(s, sum(1 for r in self.rows if r.status == s)) for s in st.STATUSES]


def gantt(view: PlanView) -> Gantt:
    """The plan's outputs as bars from the plan's start to each output's deadline (its latest KPI deadline or
    milestone due date; the plan's end when it has neither), grouped by objective in the plan's order and, within
    an objective, by deadline then code. The chart's span is the plan's, widened to hold every deadline."""
    plan = view.plan
    rows = []
    for ob in view.objectives:
        outs = []
        for o in ob.outputs:
            dates = [k.kpi.deadline for k in o.kpis] + [m.milestone.due for m in o.milestones]
            outs.append(GanttRow(
                objective=ob.objective.code, objective_title=ob.title, output_id=o.output.pk, code=o.output.code,
                title=o.title, office=o.office, status=o.status, start=plan.start,
                deadline=max(dates) if dates else plan.end, forecast=o.forecast,
                milestones=[(m.milestone.due, m.title, m.status) for m in o.milestones]))
        outs.sort(key=lambda r: (r.deadline, r.code))
        rows.extend(outs)
    end = max([plan.end] + [r.deadline for r in rows])
    return Gantt(start=plan.start, end=end, today=view.today, rows=rows)


def overdue(view: PlanView) -> list[dict]:
    """What is late on `view.today`: milestones and KPIs past their dates, and updates not sent by their due date."""
    rows = []
    today = view.today
    for o in view.outputs():
        for m in o.milestones:
            if m.status == st.LATE:
                rows.append({"kind": "milestone", "output": o.output.code, "office": o.office, "title": m.title,
                             "due": m.milestone.due.isoformat(), "days_late": (today - m.milestone.due).days})
        for k in o.kpis:
            if k.status == st.LATE:
                rows.append({"kind": "kpi", "output": o.output.code, "office": o.office, "title": k.title,
                             "due": k.kpi.deadline.isoformat(), "days_late": (today - k.kpi.deadline).days})
        for p in view.periods:
            if p.due < today and o.updates.get(p.code) not in ("submitted", "approved"):
                rows.append({"kind": "update", "output": o.output.code, "office": o.office,
                             "title": f"{p.code}: {o.title}", "due": p.due.isoformat(), "days_late": (today - p.due).days})
    rows.sort(key=lambda r: (-r["days_late"], r["output"]))
    return rows


def office_summary(view: PlanView) -> list[dict]:
    by = defaultdict(lambda: {s: 0 for s in st.STATUSES})
    ids = {}
    for o in view.outputs():
        by[o.office][o.status] += 1
        ids[o.office] = o.output.office_id
    rows = []
    for name in sorted(by):
        counts = by[name]
        rows.append({"office": name, "office_id": ids[name], "outputs": sum(counts.values()),
                     "status": st.group_roll_up([s for s, n in counts.items() for _ in range(n)]).status,
                     **{f"n_{s}": n for s, n in counts.items()}})
    return rows


def output_get(pk: int, user) -> Output:
    out = (Output.objects.select_related("objective__plan", "office")
           .prefetch_related("translations", "action_lines", "sdg_targets", "strategic_targets").filter(pk=pk).first())
    if out is None:
        raise NotFound(f"No plan output #{pk}.")
    if not permissions.can_plan_view(user, out.objective.plan):
        raise PermissionDenied("This plan is a draft; only BDT administrators see it.")
    return out


def output_links(output: Output) -> dict:
    """The codes and registry activities an output is linked to (prefetched by output_get)."""
    return {"action_lines": [a.code for a in output.action_lines.all()],
            "sdg_targets": [t.code for t in output.sdg_targets.all()],
            "strategic_targets": [t.code for t in output.strategic_targets.all()],
            "activities": output_activity_ids(output)}


def output_activity_ids(output: Output) -> list[int]:
    return list(output.activities.values_list("pk", flat=True))


def output_activities(output: Output) -> list:
    """The registry activities linked to an output, with their texts."""
    from wsis.stocktaking.models import Activity

    return list(Activity.objects.filter(pk__in=output.activities.values("pk")).prefetch_related("translations"))


def plan_offices(plan: Plan) -> list[tuple[int, str]]:
    """(organisation id, acronym or name) of the offices responsible for the plan's outputs, by name."""
    return sorted({(pk, acronym or name) for pk, acronym, name in Output.objects.filter(
        objective__plan=plan).values_list("office_id", "office__acronym", "office__name")}, key=lambda x: x[1])


def period_get(plan: Plan, code: str | None = None, *, pk: int | None = None) -> Period:
    """One reporting period of the plan, by code or id."""
    found = plan.periods.filter(**({"code": code} if pk is None else {"pk": pk})).first()
    if found is None:
        raise NotFound(f"No period {code if pk is None else pk!r} in plan {plan.code}.")
    return found


def update_values(update: ProgressUpdate) -> dict[str, float]:
    """{KPI code: value} of an update."""
    return {v.kpi.code: v.value for v in update.values.all()}


def update_record(u: ProgressUpdate) -> dict:
    """An update as the API writes it: its values and its history of steps."""
    return {
        "id": u.pk, "output": u.output.code, "period": u.period.code, "state": u.state, "narrative": u.narrative,
        "values": update_values(u),
        "submitted_at": u.submitted_at, "decided_at": u.decided_at, "locked": u.period.is_locked,
        "history": [{"from": s.from_state, "to": s.to_state, "by": s.actor.get_username() if s.actor else "",
                     "comment": s.comment, "changes": s.changes, "at": s.at.isoformat()} for s in u.steps.all()],
    }


def update_find(pk: int) -> ProgressUpdate:
    """A progress update whoever asks (the services decide what may be done with it)."""
    u = (ProgressUpdate.objects.select_related("output__office", "output__objective__plan", "period")
         .filter(pk=pk).first())
    if u is None:
        raise NotFound(f"No progress update #{pk}.")
    return u


def update_get(pk: int, user) -> ProgressUpdate:
    """A progress update the user may see; one they may not is as unknown as a missing one."""
    u = update_find(pk)
    if not permissions.can_update_view(user, u):
        raise NotFound(f"No progress update #{pk}.")
    return u


def milestone_get(pk: int) -> Milestone:
    m = Milestone.objects.select_related("output__office").filter(pk=pk).first()
    if m is None:
        raise NotFound(f"No milestone #{pk}.")
    return m


def output_view(output: Output, *, language: str, today: dt.date | None = None) -> OutputView:
    view = evaluate(output.objective.plan, language=language, today=today, office=output.office_id)
    for o in view.outputs():
        if o.output.pk == output.pk:
            return o
    raise NotFound(f"No plan output #{output.pk}.")


def updates_for(output: Output, user):
    qs = (ProgressUpdate.objects.filter(output=output).select_related("period", "created_by")
          .prefetch_related(Prefetch("values", queryset=UpdateValue.objects.select_related("kpi")),
                            "steps__actor"))
    return [u for u in qs if permissions.can_update_view(user, u)]


def open_period(plan: Plan, today: dt.date | None = None, output: Output | None = None) -> Period | None:
    """The period an office reports on now: the earliest unlocked, started period whose update for this
    output is not yet submitted or approved (a returned update comes back first)."""
    today = today or timezone.localdate()
    periods = list(plan.periods.filter(locked_at__isnull=True, start__lte=today).order_by("start"))
    if output is None:
        return periods[0] if periods else None
    states = dict(ProgressUpdate.objects.filter(output=output, period__in=periods).values_list("period_id", "state"))
    for p in periods:
        if states.get(p.pk) in (None, "draft", "returned"):
            return p
    return None


def review_queue(user) -> list[ProgressUpdate]:
    if not permissions.can_update_decide(user):
        return []
    return list(ProgressUpdate.objects.filter(state="submitted").select_related(
        "output__objective__plan", "output__office", "period").order_by("submitted_at"))


def plan_to_data(plan: Plan) -> dict:
    """The plan in the interchange shape of `services.plan_import` (and of the XLSX layout)."""

    def titles(obj, field="title"):
        return {t.language: getattr(t, field) for t in obj.translations.all() if getattr(t, field)}

    outputs = list(Output.objects.filter(objective__plan=plan).select_related("objective", "office")
                   .prefetch_related("translations", "action_lines", "sdg_targets", "strategic_targets", "activities"))
    kpis = list(Kpi.objects.filter(output__in=outputs).select_related("output").prefetch_related("translations"))
    milestones = list(Milestone.objects.filter(output__in=outputs).select_related("output")
                      .prefetch_related("translations"))
    return {
        "code": plan.code, "start": plan.start, "end": plan.end, "titles": titles(plan),
        "objectives": [{"code": o.code, "titles": titles(o)} for o in plan.objectives.prefetch_related("translations")],
        "outputs": [{
            "code": o.code, "objective": o.objective.code,
            "office": o.office.identifier or o.office.acronym or o.office.name,
            "titles": titles(o), "descriptions": titles(o, "description"),
            "action_lines": [a.code for a in o.action_lines.all()],
            "sdg_targets": [t.code for t in o.sdg_targets.all()],
            "strategic_targets": [t.code for t in o.strategic_targets.all()],
            "activities": [a.external_id or f"#{a.pk}" for a in o.activities.all()],
        } for o in outputs],
        "kpis": [{
            "output": k.output.code, "code": k.code, "titles": titles(k), "unit": k.unit, "direction": k.direction,
            "baseline": k.baseline_value, "baseline_year": k.baseline_year, "target": k.target_value,
            "deadline": k.deadline, "source": k.source, "measure": k.measure, "activity_kinds": k.activity_kinds,
            "activity_statuses": k.activity_statuses, "currency": k.currency, "indicator": k.indicator,
            "area": k.area,
        } for k in kpis],
        "milestones": [{"output": m.output.code, "titles": titles(m), "due": m.due, "expected": m.expected,
                        "completed": m.completed} for m in milestones],
        "periods": [{"code": p.code, "start": p.start, "end": p.end, "due": p.due} for p in plan.periods.all()],
    }
