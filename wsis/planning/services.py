"""Operational-plan writes: import, activation, milestones, progress updates and their review, locking,
corrections and reminders. Each one checks permission, validates everything first, and writes
atomically with an audit row."""

from __future__ import annotations

import datetime as dt
import math

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wsis.accounts.models import Organisation
from wsis.core import validation as val
from wsis.core.audit import audit
from wsis.core.errors import (
    ErrorCode,
    ErrorItem,
    InvalidTransition,
    PermissionDenied,
    ValidationFailed,
)
from wsis.core.workflow import Workflow, step
from wsis.planning import permissions
from wsis.planning.models import (
    DIRECTIONS,
    MEASURES,
    PLAN_STATES,
    SOURCES,
    UPDATE_STATES,
    Kpi,
    KpiTranslation,
    Milestone,
    MilestoneTranslation,
    Objective,
    ObjectiveTranslation,
    Output,
    OutputTranslation,
    Period,
    Plan,
    PlanTranslation,
    ProgressUpdate,
    UpdateStep,
    UpdateValue,
)
from wsis.reference.models import ActionLine, SdgTarget, StrategicTarget
from wsis.stocktaking import schema as activity_schema

LANGS = [code for code, _ in settings.LANGUAGES]
OFFICE_KINDS = ("bdt_unit", "regional_office")

# The interchange shape of a plan (what the XLSX reader produces and `plan_import` takes). Dates are
# datetime.date; every item may carry "_loc" (file, sheet, row) so errors point at the cell's row.
#   {"code", "start", "end", "titles": {lang: str},
#    "objectives": [{"code", "titles"}],
#    "outputs": [{"code", "objective", "office", "titles", "descriptions", "action_lines", "sdg_targets",
#                 "strategic_targets", "activities"}],
#    "kpis": [{"code", "output", "titles", "unit", "direction", "baseline", "baseline_year", "target",
#              "deadline", "source", "measure", "activity_kinds", "activity_statuses", "currency"}],
#    "milestones": [{"output", "titles", "due", "expected", "completed"}],
#    "periods": [{"code", "start", "end", "due"}]}


def _err(errors, item, message, field=None, code="invalid"):
    errors.append(ErrorItem(code, message, field=field, location=item.get("_loc") if isinstance(item, dict) else None))


# Lengths of the plan's text columns, by interchange key (a period code is shorter than the others).
TEXT_LIMITS = {"code": 40, "unit": 40, "currency": 3, "indicator": 60, "area": 60, "titles": 300}
CODE_KEYS = {"code", "objective", "output", "office", "currency", "indicator", "area", "direction", "source",
             "measure", "action_lines", "sdg_targets", "strategic_targets", "activities", "activity_kinds",
             "activity_statuses"}


def _texts_fit(errors, item, section=""):
    """Every text of an interchange item that no column can hold (control characters, invisible characters in
    codes, lengths), reported under its key and the item's file row."""
    if not isinstance(item, dict):
        return
    for key, value in item.items():
        if key.startswith("_"):
            continue
        limit = 20 if (section, key) == ("periods", "code") else TEXT_LIMITS.get(key)
        if isinstance(value, dict):
            checks = [(f"{key}.{k}", v, key == "descriptions", False) for k, v in value.items()]
        elif isinstance(value, list):
            checks = [(key, v, False, True) for v in value]
        else:
            checks = [(key, value, False, key in CODE_KEYS)]
        for field, v, multiline, identifier in checks:
            if not isinstance(v, str):
                continue
            problem = val.text_problem(v.strip(), multiline=multiline, identifier=identifier or key in CODE_KEYS,
                                       max_length=None if multiline else limit)
            if problem:
                _err(errors, item, f"{field}: {problem[1]}.", field, problem[0])


def _titles(errors, item, key="titles", required=True):
    titles = item.get(key) or {}
    for lang in titles:
        if lang not in LANGS:
            _err(errors, item, f"Unknown language {lang!r}; use one of {', '.join(LANGS)}.", f"{key}.{lang}")
    if required and not (titles.get("en") or "").strip():
        _err(errors, item, "An English title is required (other languages fall back to it).", f"{key}.en", "required")
    return {k: v.strip() for k, v in titles.items() if k in LANGS and v and v.strip()}


def _office(code: str):
    code = (code or "").strip()
    if not code:
        return None
    q = Organisation.objects.filter(kind__in=OFFICE_KINDS)
    return q.filter(identifier=code).first() or q.filter(acronym__iexact=code).first() or q.filter(name=code).first()


def _activity_ids(refs: list) -> tuple[dict, list]:
    """Registry activities referred to by id ("#123" or "123") or external identifier; originals, not
    revisions. Returns ({reference: id}, [references that match nothing])."""
    from wsis.stocktaking.models import Activity

    refs = list(dict.fromkeys(str(r).strip() for r in refs if str(r).strip()))
    ids = {r: val.as_id(r.lstrip("#")) or 0 for r in refs if r.lstrip("#").isdigit()}
    exts = [r for r in refs if r not in ids]
    q = Activity.objects.filter(revision_of__isnull=True)
    existing = set(q.filter(pk__in=ids.values()).values_list("pk", flat=True))
    by_ext = dict(q.filter(external_id__in=exts).values_list("external_id", "pk"))
    found = {r: pk for r, pk in ids.items() if pk in existing} | {r: by_ext[r] for r in exts if r in by_ext}
    return found, [r for r in refs if r not in found]


def _number(errors, item, field, required=True):
    v = item.get(field)
    if v is None or v == "":
        if required:
            _err(errors, item, "A number is required.", field, "required")
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        _err(errors, item, f"{v!r} is not a number.", field)
        return None
    if not math.isfinite(f):
        _err(errors, item, f"{v!r} is not a finite number.", field)
        return None
    return f


def _date(errors, item, field, required=True):
    v = item.get(field)
    if v in (None, ""):
        if required:
            _err(errors, item, "A date (YYYY-MM-DD) is required.", field, "required")
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v).strip())
    except ValueError:
        _err(errors, item, f"{v!r} is not a date (YYYY-MM-DD).", field)
        return None


def plan_import(*, actor, data: dict, is_demo: bool = False) -> Plan:
    """Create a whole plan from the interchange shape: everything is checked first, then written at once."""
    if not permissions.can_plan_manage(actor):
        raise PermissionDenied("Only BDT administrators create operational plans.")
    errors: list[ErrorItem] = []
    _texts_fit(errors, {k: v for k, v in data.items() if not isinstance(v, list)})
    for section in ("objectives", "outputs", "kpis", "milestones", "periods"):
        for item in data.get(section) or []:
            _texts_fit(errors, item, section)
    code = (data.get("code") or "").strip()
    if not code:
        _err(errors, data, "A plan code is required, e.g. OP-2026.", "code", "required")
    elif Plan.objects.filter(code=code).exists():
        _err(errors, data, f"A plan with code {code!r} exists already.", "code", "duplicate")
    start, end = _date(errors, data, "start"), _date(errors, data, "end")
    if start and end and end <= start:
        _err(errors, data, "The plan must end after it starts.", "end")
    plan_titles = _titles(errors, data)

    objectives = {}
    for o in data.get("objectives") or []:
        c = (o.get("code") or "").strip()
        if not c:
            _err(errors, o, "An objective code is required.", "code", "required")
        elif c in objectives:
            _err(errors, o, f"Objective {c!r} appears twice.", "code", "duplicate")
        objectives[c] = (o, _titles(errors, o))
    if not objectives:
        _err(errors, data, "A plan needs at least one objective.", "objectives", "required")

    lines = {a.code: a for a in ActionLine.objects.all()}
    targets = {t.code: t for t in SdgTarget.objects.all()}
    strategic = {t.code: t for t in StrategicTarget.objects.all()}
    outputs = {}
    for o in data.get("outputs") or []:
        c = (o.get("code") or "").strip()
        if not c:
            _err(errors, o, "An output code is required.", "code", "required")
        elif c in outputs:
            _err(errors, o, f"Output {c!r} appears twice.", "code", "duplicate")
        if (o.get("objective") or "").strip() not in objectives:
            _err(errors, o, f"Unknown objective {o.get('objective')!r}.", "objective", "unknown_code")
        office = _office(o.get("office"))
        if office is None:
            _err(errors, o, f"No BDT unit or regional office with identifier, acronym or name {o.get('office')!r}.",
                 "office", "unknown_code")
        for key, table in (("action_lines", lines), ("sdg_targets", targets), ("strategic_targets", strategic)):
            for ref in o.get(key) or []:
                if ref not in table:
                    _err(errors, o, f"Unknown code {ref!r}.", key, "unknown_code")
        acts, missing = _activity_ids(o.get("activities") or [])
        for m in missing:
            _err(errors, o, f"No activity {m!r} in the registry.", "activities", "unknown_code")
        outputs[c] = (o, _titles(errors, o), _titles(errors, o, "descriptions", required=False), office,
                      sorted(set(acts.values())))

    kpis = []
    seen_kpis = set()
    for k in data.get("kpis") or []:
        out = (k.get("output") or "").strip()
        c = (k.get("code") or "").strip()
        if out not in outputs:
            _err(errors, k, f"Unknown output {k.get('output')!r}.", "output", "unknown_code")
        if not c:
            _err(errors, k, "A KPI code is required.", "code", "required")
        elif (out, c) in seen_kpis:
            _err(errors, k, f"KPI {c!r} appears twice for output {out!r}.", "code", "duplicate")
        seen_kpis.add((out, c))
        clean = {"output": out, "code": c, "titles": _titles(errors, k), "unit": (k.get("unit") or "").strip()}
        clean.update(_kpi_fields(errors, k, start, end))
        if clean["unit"] == "%":
            for f, key in (("baseline_value", "baseline"), ("target_value", "target")):
                if clean[f] is not None and not 0 <= clean[f] <= 100:
                    _err(errors, k, f"{clean[f]:g} is not a percentage between 0 and 100.", key, "out_of_range")
        kpis.append(clean)

    milestones = []
    for m in data.get("milestones") or []:
        out = (m.get("output") or "").strip()
        if out not in outputs:
            _err(errors, m, f"Unknown output {m.get('output')!r}.", "output", "unknown_code")
        due = _date(errors, m, "due")
        expected, completed = _date(errors, m, "expected", False), _date(errors, m, "completed", False)
        milestones.append({"output": out, "titles": _titles(errors, m), "due": due, "expected": expected,
                           "completed": completed})

    periods = []
    for p in data.get("periods") or []:
        c = (p.get("code") or "").strip()
        ps, pe, pd = _date(errors, p, "start"), _date(errors, p, "end"), _date(errors, p, "due")
        if not c:
            _err(errors, p, "A period code is required, e.g. 2026-Q1.", "code", "required")
        elif c in {x["code"] for x in periods}:
            _err(errors, p, f"Period {c!r} appears twice.", "code", "duplicate")
        if ps and pe and pe < ps:
            _err(errors, p, "The period ends before it starts.", "end")
        if pe and pd and pd < pe:
            _err(errors, p, "Updates cannot be due before the period ends.", "due")
        periods.append({"code": c, "start": ps, "end": pe, "due": pd})
    starts = sorted((p["start"], p["end"], p["code"]) for p in periods if p["start"] and p["end"])
    for (_, e1, c1), (s2, _, c2) in zip(starts, starts[1:], strict=False):
        if s2 <= e1:
            _err(errors, data, f"Periods {c1} and {c2} overlap.", "periods")
    if errors:
        raise ValidationFailed(errors)

    with transaction.atomic():
        plan = Plan.objects.create(code=code, start=start, end=end, is_demo=is_demo)
        PlanTranslation.objects.bulk_create([PlanTranslation(plan=plan, language=k, title=v)
                                             for k, v in plan_titles.items()])
        obj_rows = {}
        for i, (c, (_, titles)) in enumerate(objectives.items()):
            obj_rows[c] = Objective.objects.create(plan=plan, code=c, order=i)
            ObjectiveTranslation.objects.bulk_create([ObjectiveTranslation(objective=obj_rows[c], language=k, title=v)
                                                      for k, v in titles.items()])
        out_rows = {}
        for i, (c, (o, titles, descriptions, office, act_ids)) in enumerate(outputs.items()):
            row = Output.objects.create(objective=obj_rows[o["objective"].strip()], code=c, order=i, office=office)
            OutputTranslation.objects.bulk_create([
                OutputTranslation(output=row, language=k, title=v, description=descriptions.get(k, ""))
                for k, v in titles.items()])
            row.action_lines.set([lines[x] for x in o.get("action_lines") or []])
            row.sdg_targets.set([targets[x] for x in o.get("sdg_targets") or []])
            row.strategic_targets.set([strategic[x] for x in o.get("strategic_targets") or []])
            row.activities.set(act_ids)
            out_rows[c] = row
        for i, k in enumerate(kpis):
            titles = k.pop("titles")
            row = Kpi.objects.create(output=out_rows[k.pop("output")], order=i, **k)
            KpiTranslation.objects.bulk_create([KpiTranslation(kpi=row, language=lang, title=v)
                                                for lang, v in titles.items()])
        for i, m in enumerate(milestones):
            titles = m.pop("titles")
            row = Milestone.objects.create(output=out_rows[m.pop("output")], order=i, **m)
            MilestoneTranslation.objects.bulk_create([MilestoneTranslation(milestone=row, language=lang, title=v)
                                                      for lang, v in titles.items()])
        Period.objects.bulk_create([Period(plan=plan, **p) for p in periods])
        audit(actor=actor, verb="plan.import", target=plan,
              after={"code": code, "objectives": len(objectives), "outputs": len(outputs), "kpis": len(kpis),
                     "milestones": len(milestones), "periods": len(periods)})
    return plan


def _kpi_fields(errors, k, plan_start, plan_end) -> dict:
    direction = (k.get("direction") or "").strip()
    if direction not in DIRECTIONS:
        _err(errors, k, f"Direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}.", "direction",
             "invalid_choice")
    baseline, target = _number(errors, k, "baseline"), _number(errors, k, "target")
    year = k.get("baseline_year")
    try:
        year = int(year)
        if not 1990 <= year <= 2100:
            raise ValueError
    except (TypeError, ValueError):
        _err(errors, k, f"{k.get('baseline_year')!r} is not a year.", "baseline_year")
        year = None
    deadline = _date(errors, k, "deadline")
    if year and deadline and deadline <= dt.date(year, 12, 31):
        _err(errors, k, "The deadline must come after the end of the baseline year.", "deadline")
    if baseline is not None and target is not None and direction in DIRECTIONS:
        if (direction == "increase" and target < baseline) or (direction == "decrease" and target > baseline):
            _err(errors, k, f"A target of {target:g} contradicts an {direction} from a baseline of {baseline:g}.",
                 "target")
    source = (k.get("source") or "manual").strip()
    measure = (k.get("measure") or "").strip()
    kinds = [x.strip() for x in k.get("activity_kinds") or [] if x.strip()]
    statuses = [x.strip() for x in k.get("activity_statuses") or [] if x.strip()]
    currency = (k.get("currency") or "").strip().upper()
    if source not in SOURCES:
        _err(errors, k, f"Source must be one of {', '.join(SOURCES)}, not {source!r}.", "source", "invalid_choice")
    elif source == "activities":
        if measure not in MEASURES:
            _err(errors, k, f"A KPI computed from activities needs a measure: {', '.join(MEASURES)}.", "measure",
                 "invalid_choice")
        if measure == "budget" and len(currency) != 3:
            _err(errors, k, "A budget measure needs the ISO 4217 currency of the budgets it adds up.", "currency",
                 "required")
        for x in kinds:
            if x not in activity_schema.KINDS:
                _err(errors, k, f"Unknown activity kind {x!r}.", "activity_kinds", "invalid_choice")
        for x in statuses:
            if x not in activity_schema.STATUSES:
                _err(errors, k, f"Unknown activity status {x!r}.", "activity_statuses", "invalid_choice")
    elif measure or kinds or statuses:
        _err(errors, k, "Measure and activity filters apply only to KPIs computed from activities.", "measure")
    indicator = (k.get("indicator") or "").strip()
    area = (k.get("area") or "").strip()
    if source == "indicator":
        from wsis.reference.models import Economy, Group
        from wsis.statistics.models import Indicator

        ind = Indicator.objects.filter(code=indicator).first()
        if ind is None:
            _err(errors, k, f"No ICT indicator {indicator!r}.", "indicator", "unknown_code")
        elif ind.rule == "none" and not Economy.objects.filter(iso3=area.upper()).exists():
            _err(errors, k, f"{indicator} is not aggregable: follow one economy (ISO3), not a group.", "area")
        if area != "WORLD" and not Group.objects.filter(code=area).exists() and not Economy.objects.filter(
                iso3=area.upper()).exists():
            _err(errors, k, f"{area!r} is neither a group code (WORLD, LDC, AFR…) nor an ISO 3166 alpha-3 code.",
                 "area", "unknown_code")
    elif indicator or area:
        _err(errors, k, "Indicator and area apply only to KPIs measured by an ICT indicator.", "indicator")
    return {"direction": direction, "baseline_value": baseline, "baseline_year": year, "target_value": target,
            "deadline": deadline, "source": source, "measure": measure if source == "activities" else "",
            "activity_kinds": kinds, "activity_statuses": statuses, "currency": currency,
            "indicator": indicator if source == "indicator" else "", "area": area if source == "indicator" else ""}


def _plan_change(plan: Plan, t, ctx):
    plan.state = t.target
    plan.save(update_fields=["state"])


# A plan: draft → active (published to everyone) → closed.
PLAN_WORKFLOW = Workflow(
    "plan", PLAN_STATES,
    [step("activate", "draft", "active", may=lambda actor, plan: permissions.can_plan_manage(actor),
          denied="Only BDT administrators activate or close plans."),
     step("close", "active", "closed", may=lambda actor, plan: permissions.can_plan_manage(actor),
          denied="Only BDT administrators activate or close plans.")],
    change=_plan_change,
    refused=lambda plan, action, state, sources: f"A {state} plan cannot become {PLAN_WORKFLOW.target(action)}.",
)


def plan_set_state(*, actor, plan: Plan, state: str) -> Plan:
    """draft → active (published to everyone) → closed."""
    if not permissions.can_plan_manage(actor):
        raise PermissionDenied("Only BDT administrators activate or close plans.")
    action = next((a for a in PLAN_WORKFLOW.actions if PLAN_WORKFLOW.target(a) == state), None)
    if action is None or PLAN_WORKFLOW.transition(action, plan.state) is None:
        raise InvalidTransition(f"A {plan.state} plan cannot become {state}.")
    return PLAN_WORKFLOW.apply(actor=actor, obj=plan, action=action)


def milestone_update(*, actor, milestone: Milestone, expected=..., completed=...) -> Milestone:
    """The office revises its expected date or records completion; the planned due date never moves."""
    if not permissions.can_output_edit(actor, milestone.output):
        raise PermissionDenied("Only the responsible office updates this milestone.")
    errors = []
    item = {"expected": expected, "completed": completed}
    changes = {}
    for field in ("expected", "completed"):
        if item[field] is ...:
            continue
        changes[field] = _date(errors, item, field, required=False)
    if changes.get("completed") and changes["completed"] > timezone.localdate():
        errors.append(ErrorItem("invalid", "A milestone cannot be completed in the future.", field="completed"))
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        before = {f: getattr(milestone, f) and getattr(milestone, f).isoformat() for f in changes}
        for f, v in changes.items():
            setattr(milestone, f, v)
        milestone.save(update_fields=list(changes) or None)
        audit(actor=actor, verb="milestone.update", target=milestone, before=before,
              after={f: v and v.isoformat() for f, v in changes.items()})
    return milestone


def output_activities_set(*, actor, output: Output, activities: list) -> Output:
    """Link registry activities (ids or external identifiers) to an output; KPIs computed from them follow."""
    if not permissions.can_output_edit(actor, output):
        raise PermissionDenied("Only the responsible office links activities to this output.")
    found, missing = _activity_ids(activities)
    if missing:
        raise ValidationFailed([ErrorItem("unknown_code", f"No activity {m!r} in the registry.", field="activities")
                                for m in missing])
    with transaction.atomic():
        before = sorted(output.activities.values_list("pk", flat=True))
        output.activities.set(sorted(set(found.values())))
        audit(actor=actor, verb="output.link_activities", target=output, before={"activities": before},
              after={"activities": sorted(set(found.values()))})
    return output


def _clean_values(output: Output, values: dict) -> tuple[dict, list]:
    """{kpi code: value} → {Kpi: float}; only the output's manual KPIs take reported values."""
    kpis = {k.code: k for k in output.kpis.all()}
    errors, clean = [], {}
    for code, raw in (values or {}).items():
        kpi = kpis.get(code)
        if kpi is None:
            errors.append(ErrorItem("unknown_code", f"Output {output.code} has no KPI {code!r}.", field=f"values.{code}"))
            continue
        if kpi.source != "manual":
            errors.append(ErrorItem("invalid", f"KPI {code} is computed from linked activities; it takes no reported "
                                    "value.", field=f"values.{code}"))
            continue
        if raw in (None, ""):
            continue
        try:
            v = float(str(raw).replace(",", ".")) if isinstance(raw, str) else float(raw)
            if not math.isfinite(v):
                raise ValueError
        except (TypeError, ValueError):
            errors.append(ErrorItem("invalid", f"{raw!r} is not a number.", field=f"values.{code}"))
            continue
        if kpi.unit.strip() == "%" and not 0 <= v <= 100:
            errors.append(ErrorItem("out_of_range", f"{v:g} is not a percentage between 0 and 100.",
                                    field=f"values.{code}"))
            continue
        clean[kpi] = v
    return clean, errors


def update_save(*, actor, output: Output, period: Period, narrative: str, values: dict) -> ProgressUpdate:
    """Create or edit the office's draft (or returned) update for one period."""
    if not permissions.can_output_edit(actor, output):
        raise PermissionDenied("Only the responsible office reports on this output.")
    if period.plan_id != output.objective.plan_id:
        raise ValidationFailed([ErrorItem("invalid", "This period belongs to another plan.", field="period")])
    if period.is_locked:
        raise InvalidTransition(f"Period {period.code} is locked; only BDT administrators can correct it.")
    clean, errors = _clean_values(output, values)
    errors += val.model_errors(ProgressUpdate, {"narrative": (narrative or "").strip()})
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        update = ProgressUpdate.objects.select_for_update().filter(output=output, period=period).first()
        if update is None:
            update = ProgressUpdate.objects.create(output=output, period=period, created_by=actor)
        elif update.state not in ("draft", "returned"):
            raise InvalidTransition(f"The {period.code} update is {update.state}; it can no longer be edited.")
        before = {"narrative": update.narrative, "values": {v.kpi.code: v.value for v in update.values.all()}}
        update.narrative = narrative.strip()
        update.save()
        update.values.exclude(kpi__in=list(clean)).delete()
        for kpi, v in clean.items():
            UpdateValue.objects.update_or_create(update=update, kpi=kpi, defaults={"value": v})
        audit(actor=actor, verb="progress_update.save", target=update, before=before,
              after={"narrative": update.narrative, "values": {k.code: v for k, v in clean.items()}})
    return update


def _reporter(actor, update: ProgressUpdate) -> bool:
    return permissions.can_output_edit(actor, update.output)


def _last_submitter(update: ProgressUpdate):
    last = update.steps.filter(to_state="submitted").order_by("-at", "-id").first()
    return last.actor_id if last is not None else None


def _decider(actor, update: ProgressUpdate) -> bool:
    return permissions.can_update_decide(actor) and _last_submitter(update) != actor.pk


def _decider_denied(actor, update: ProgressUpdate) -> str:
    if not permissions.can_update_decide(actor):
        return "Only BDT administrators and reviewers approve or return updates."
    return "Someone other than the submitter must decide on an update."


def _period_open(update: ProgressUpdate, ctx) -> str | None:
    return f"Period {update.period.code} is locked." if update.period.is_locked else None


def _reported(update: ProgressUpdate, ctx) -> list[ErrorItem]:
    if update.narrative or update.values.exists():
        return []
    return [ErrorItem(ErrorCode.REQUIRED, "Write what was done in the period or give at least one KPI value before "
                                          "submitting.", field="narrative")]


def _return_explained(update: ProgressUpdate, ctx) -> list[ErrorItem]:
    return [] if ctx["comment"] else [
        ErrorItem(ErrorCode.REQUIRED, "Say what must change when returning an update.", field="comment")]


def _values_changed(update: ProgressUpdate, ctx) -> list[ErrorItem]:
    old = {v.kpi_id: v.value for v in update.values.all()}
    ctx["changes"] = {k.code: [old.get(k.pk), v] for k, v in ctx["values"].items() if old.get(k.pk) != v}
    return [] if ctx["changes"] else [ErrorItem(ErrorCode.INVALID, "The values are unchanged.", field="values")]


def _update_change(update: ProgressUpdate, t, ctx):
    if t.action == "correct":
        for kpi, v in ctx["values"].items():
            UpdateValue.objects.update_or_create(update=update, kpi=kpi, defaults={"value": v})
        return
    update.state = t.target
    if t.action == "submit":
        update.submitted_at = timezone.now()
        update.save(update_fields=["state", "submitted_at", "updated_at"])
    else:
        update.decided_at = timezone.now()
        update.save(update_fields=["state", "decided_at", "updated_at"])


def _update_record(update: ProgressUpdate, before, t, actor, ctx):
    UpdateStep.objects.create(update=update, from_state=before, to_state=t.target, actor=actor,
                              comment=ctx.get("comment", ""), changes=ctx.get("changes"))


def _update_audit_before(update: ProgressUpdate, before, t, ctx):
    if t.action == "correct":
        return {c: old_new[0] for c, old_new in ctx["changes"].items()}
    return None if t.action == "submit" else {"state": before}


def _update_audit_after(update: ProgressUpdate, before, t, ctx):
    if t.action == "correct":
        return {**{c: old_new[1] for c, old_new in ctx["changes"].items()}, "reason": ctx["comment"],
                "locked_period": update.period.is_locked}
    return {"state": t.target} if t.action == "submit" else {"state": t.target, "comment": ctx["comment"]}


_DECIDE = {"may": _decider, "denied": _decider_denied, "guard": _period_open,
           "refused": "Only a submitted update can be decided; this one is {state}."}

# A progress update: the office writes and submits it; someone else (a reviewer or a BDT administrator) approves it
# or returns it with a comment; a BDT administrator may correct approved figures, with a reason.
UPDATE_WORKFLOW = Workflow(
    "progress_update", UPDATE_STATES,
    [
        step("submit", ["draft", "returned"], "submitted", may=_reporter,
             denied="Only the responsible office submits this update.", guard=_period_open, checks=_reported,
             refused="Only a draft or returned update can be submitted; this one is {state}."),
        step("approve", "submitted", "approved", **_DECIDE),
        step("return", "submitted", "returned", **_DECIDE, checks=_return_explained),
        step("correct", "approved", "approved", may=lambda actor, update: permissions.can_plan_manage(actor),
             denied="Only BDT administrators correct approved figures.", checks=_values_changed,
             refused="Only approved updates are corrected; edit drafts and returned updates instead."),
    ],
    lock=lambda u: ProgressUpdate.objects.select_for_update().select_related("period", "output").get(pk=u.pk),
    change=_update_change,
    record=_update_record,
    audit_before=_update_audit_before,
    audit_after=_update_audit_after,
)


def update_actions(actor, update: ProgressUpdate) -> list[str]:
    """The review steps `actor` may take on `update` now."""
    return UPDATE_WORKFLOW.available(actor, update)


def update_submit(*, actor, update: ProgressUpdate) -> ProgressUpdate:
    if not _reporter(actor, update):
        raise PermissionDenied("Only the responsible office submits this update.")
    return UPDATE_WORKFLOW.apply(actor=actor, obj=update, action="submit")


def _decide(actor, update, action, comment):
    if not permissions.can_update_decide(actor):
        raise PermissionDenied("Only BDT administrators and reviewers approve or return updates.")
    return UPDATE_WORKFLOW.apply(actor=actor, obj=update, action=action, ctx={"comment": comment})


def update_approve(*, actor, update: ProgressUpdate, comment: str = "") -> ProgressUpdate:
    return _decide(actor, update, "approve", comment.strip())


def update_return(*, actor, update: ProgressUpdate, comment: str) -> ProgressUpdate:
    if not (comment or "").strip():
        raise ValidationFailed([ErrorItem(ErrorCode.REQUIRED, "Say what must change when returning an update.",
                                          field="comment")])
    return _decide(actor, update, "return", comment.strip())


def period_lock(*, actor, period: Period) -> Period:
    if not permissions.can_plan_manage(actor):
        raise PermissionDenied("Only BDT administrators lock reporting periods.")
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=period.pk)
        if period.is_locked:
            raise InvalidTransition(f"Period {period.code} is already locked.")
        waiting = list(period.updates.filter(state="submitted").select_related("output")
                       .values_list("output__code", flat=True))
        if waiting:
            raise InvalidTransition(f"Decide the submitted updates first: {', '.join(sorted(waiting))}.")
        period.locked_at, period.locked_by = timezone.now(), actor
        period.save(update_fields=["locked_at", "locked_by"])
        audit(actor=actor, verb="period.lock", target=period, after={"locked": True})
    return period


def update_correct(*, actor, update: ProgressUpdate, values: dict, reason: str) -> ProgressUpdate:
    """Change approved figures (typically in a locked period): a BDT administrator, with a reason, audited."""
    if not permissions.can_plan_manage(actor):
        raise PermissionDenied("Only BDT administrators correct approved figures.")
    if not (reason or "").strip():
        raise ValidationFailed([ErrorItem(ErrorCode.REQUIRED, "A correction needs a reason.", field="reason")])
    val.clean_text(reason, "reason", multiline=True)
    clean, errors = _clean_values(update.output, values)
    if errors:
        raise ValidationFailed(errors)
    if not clean:
        raise ValidationFailed([ErrorItem(ErrorCode.REQUIRED, "Give at least one corrected value.", field="values")])
    return UPDATE_WORKFLOW.apply(actor=actor, obj=update, action="correct",
                                 ctx={"values": clean, "comment": reason.strip()})
