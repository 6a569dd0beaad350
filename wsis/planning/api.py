"""Operational-plan endpoints: the evaluated plan tree, outputs, KPIs, timeline, overdue items, offices;
progress updates and their review; milestones; period locking; reminders."""

from django.http import HttpResponse
from ninja import Query, Router, Status

from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id
from wsis.core.i18n import language_param
from wsis.core.schemas import ERRORS, Fmt, Lang
from wsis.planning import lists, permissions, reminders, selectors, services, xlsx
from wsis.planning.schemas import (
    ActivitiesIn,
    ActivitiesOut,
    CommentIn,
    CorrectIn,
    MilestoneOut,
    OutputDetail,
    PeriodLockOut,
    PlanIn,
    PlanMilestoneIn,
    PlanOut,
    PlanTree,
    ReminderOut,
    ReminderReadOut,
    StateIn,
    UpdateIn,
    UpdateOut,
)

router = Router(tags=["operational plan"])
AT_DOC = "Statuses are computed as of `at` (YYYY-MM-DD, default today)."


def _viewer(request):
    return request.user if request.user.is_authenticated else None


def _view(request, code, lang, at, office=None):
    plan = selectors.plan_get(code, request.user)
    return selectors.evaluate(plan, language=language_param(lang), today=lists.parse_at(at), office=office)


def _plan_out(p, lang):
    return {"code": p.code, "title": p.text("title", lang), "start": p.start, "end": p.end, "state": p.state,
            "is_demo": p.is_demo}


def _tree(view) -> dict:
    return {
        "plan": view.plan.code, "title": view.title, "as_of": view.today.isoformat(), "status": view.status,
        "counts": view.roll.counts,
        "objectives": [{
            "code": ob.objective.code, "title": ob.title, "status": ob.status, "counts": ob.roll.counts,
            "outputs": [_output_json(o) for o in ob.outputs],
        } for ob in view.objectives],
    }


def _output_json(o) -> dict:
    return {
        "id": o.output.pk, "code": o.output.code, "title": o.title, "office": o.office, "status": o.status,
        "counts": o.roll.counts, "forecast": o.forecast.isoformat() if o.forecast else None, "updates": o.updates,
        "kpis": [{"code": k.kpi.code, "name": k.title, "unit": k.kpi.unit, "direction": k.kpi.direction,
                  "source": k.kpi.source, "measure": k.kpi.measure, "baseline": k.kpi.baseline_value,
                  "baseline_year": k.kpi.baseline_year, "target": k.kpi.target_value,
                  "deadline": k.kpi.deadline.isoformat(), "note": k.note,
                  "series": [[d.isoformat(), v] for d, v in k.series], **k.result.as_dict()} for k in o.kpis],
        "milestones": [{"id": m.milestone.pk, "title": m.title, "due": m.milestone.due.isoformat(),
                        "expected": m.milestone.expected.isoformat() if m.milestone.expected else None,
                        "completed": m.milestone.completed.isoformat() if m.milestone.completed else None,
                        "status": m.status, "slippage_days": m.result.slippage_days} for m in o.milestones],
    }


@router.get("", response={200: list[PlanOut], **ERRORS}, summary="Operational plans (drafts only for BDT administrators)")
def plans(request, lang: Lang = "en"):
    lang = language_param(lang)
    return [_plan_out(p, lang) for p in selectors.plan_list(request.user)]


@router.post("", auth=django_auth, response={201: PlanOut, **ERRORS},
             summary="Create a plan from the interchange shape (the same fields as the XLSX sheets)")
def plan_create(request, payload: PlanIn):
    plan = services.plan_import(actor=request.user, data=payload.dict(exclude_none=True))
    return Status(201, _plan_out(plan, "en"))


@router.get("/{code}", response={200: PlanTree, **ERRORS}, summary="The plan tree with computed statuses",
            description=AT_DOC + " `office` (organisation id) keeps the outputs of one office.")
def plan_tree(request, code: str, lang: Lang = "en", at: str | None = None, office: Id | None = None):
    return _tree(_view(request, code, lang, at, office))


@router.post("/{code}/state", auth=django_auth, response={200: PlanOut, **ERRORS}, summary="Activate or close a plan")
def plan_state(request, code: str, payload: StateIn):
    plan = selectors.plan_get(code, request.user)
    return _plan_out(services.plan_set_state(actor=request.user, plan=plan, state=payload.state), "en")


def _list(request, contract, code, filters, lang, format):
    params = contract.params(code=code, **filters.model_dump())
    return contract.respond(_viewer(request), params, language_param(lang), format)


@router.get("/{code}/outputs", response={200: lists.OUTPUTS.answer, **ERRORS}, summary="Outputs with status, one row each",
            description=AT_DOC + " Filters: office (organisation id), status. format = json, csv or xlsx.")
def plan_outputs(request, code: str, filters: Query[lists.OutputFilters], lang: Lang = "en", format: Fmt = "json"):
    return _list(request, lists.OUTPUTS, code, filters, lang, format)


@router.get("/{code}/kpis", response={200: lists.KPIS.answer, **ERRORS},
            summary="KPIs with latest value, pace achieved and needed, forecast and status",
            description=AT_DOC + " format = json, csv or xlsx.")
def plan_kpis(request, code: str, filters: Query[lists.PlanFilters], lang: Lang = "en", format: Fmt = "json"):
    return _list(request, lists.KPIS, code, filters, lang, format)


@router.get("/{code}/timeline", response={200: lists.TIMELINE.answer, **ERRORS},
            summary="Milestones, KPI deadlines and update due dates in date order")
def plan_timeline(request, code: str, filters: Query[lists.PlanFilters], lang: Lang = "en", format: Fmt = "json"):
    return _list(request, lists.TIMELINE, code, filters, lang, format)


@router.get("/{code}/overdue", response={200: lists.OVERDUE.answer, **ERRORS},
            summary="Late milestones and KPIs, and progress updates not sent by their due date")
def plan_overdue(request, code: str, filters: Query[lists.PlanFilters], lang: Lang = "en", format: Fmt = "json"):
    return _list(request, lists.OVERDUE, code, filters, lang, format)


@router.get("/{code}/offices", response={200: lists.OFFICES.answer, **ERRORS},
            summary="Outputs by responsible office and status")
def plan_offices(request, code: str, filters: Query[lists.AtFilter], lang: Lang = "en", format: Fmt = "json"):
    return _list(request, lists.OFFICES, code, filters, lang, format)


@router.get("/{code}/export", response={200: None, **ERRORS},
            summary="The plan as an XLSX workbook in the import layout",
            openapi_extra={"responses": {200: {"description": "The workbook", "content": {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                    "schema": {"type": "string", "format": "binary"}}}}}})
def plan_export(request, code: str):
    plan = selectors.plan_get(code, request.user)
    resp = HttpResponse(xlsx.write_plan_xlsx(selectors.plan_to_data(plan)),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="{code}.xlsx"'
    return resp


@router.get("/outputs/{int:pk}", response={200: OutputDetail, **ERRORS}, by_alias=True,
            summary="One output: KPIs with their series, milestones, linked activities and the updates you may see")
def output_detail(request, pk: Id, lang: Lang = "en", at: str | None = None):
    out = selectors.output_get(pk, request.user)
    view = selectors.output_view(out, language=language_param(lang), today=lists.parse_at(at))
    return {**_output_json(view), "plan": out.objective.plan.code, "objective": out.objective.code,
            **selectors.output_links(out), "can_edit": permissions.can_output_edit(request.user, out),
            "updates": [selectors.update_record(u) for u in selectors.updates_for(out, request.user)]}


@router.put("/outputs/{int:pk}/activities", auth=django_auth, response={200: ActivitiesOut, **ERRORS},
            summary="Link registry activities (ids or external identifiers) to an output")
def output_activities(request, pk: Id, payload: ActivitiesIn):
    out = selectors.output_get(pk, request.user)
    services.output_activities_set(actor=request.user, output=out, activities=payload.activities)
    return {"activities": selectors.output_activity_ids(out)}


@router.put("/outputs/{int:pk}/updates/{period}", auth=django_auth, response={200: UpdateOut, **ERRORS},
            by_alias=True, summary="Save the office's draft update for a period: narrative and {KPI code: value}")
def update_save(request, pk: Id, period: str, payload: UpdateIn):
    out = selectors.output_get(pk, request.user)
    p = selectors.period_get(out.objective.plan, period)
    u = services.update_save(actor=request.user, output=out, period=p, narrative=payload.narrative,
                             values=payload.values)
    return selectors.update_record(u)


@router.post("/updates/{int:pk}/submit", auth=django_auth, response={200: UpdateOut, **ERRORS}, by_alias=True,
             summary="Submit for review")
def update_submit(request, pk: Id):
    return selectors.update_record(services.update_submit(actor=request.user, update=selectors.update_get(pk, request.user)))


@router.post("/updates/{int:pk}/approve", auth=django_auth, response={200: UpdateOut, **ERRORS}, by_alias=True,
             summary="Approve: its values count from now on")
def update_approve(request, pk: Id, payload: CommentIn):
    return selectors.update_record(services.update_approve(actor=request.user, update=selectors.update_get(pk, request.user),
                                               comment=payload.comment))


@router.post("/updates/{int:pk}/return", auth=django_auth, response={200: UpdateOut, **ERRORS}, by_alias=True,
             summary="Return to the office with a comment")
def update_return(request, pk: Id, payload: CommentIn):
    return selectors.update_record(services.update_return(actor=request.user, update=selectors.update_get(pk, request.user),
                                              comment=payload.comment))


@router.post("/updates/{int:pk}/correct", auth=django_auth, response={200: UpdateOut, **ERRORS}, by_alias=True,
             summary="Correct approved figures, also in a locked period (BDT administrators, with a reason)")
def update_correct(request, pk: Id, payload: CorrectIn):
    return selectors.update_record(services.update_correct(actor=request.user, update=selectors.update_get(pk, request.user),
                                               values=payload.values, reason=payload.reason))


@router.patch("/milestones/{int:pk}", auth=django_auth, response={200: MilestoneOut, **ERRORS},
              summary="Revise a milestone's expected date or record its completion")
def milestone_patch(request, pk: Id, payload: PlanMilestoneIn):
    m = selectors.milestone_get(pk)
    fields = payload.model_dump(exclude_unset=True)
    services.milestone_update(actor=request.user, milestone=m, **fields)
    return {"id": m.pk, "due": m.due.isoformat(), "expected": m.expected and m.expected.isoformat(),
            "completed": m.completed and m.completed.isoformat()}


@router.post("/{code}/periods/{period}/lock", auth=django_auth, response={200: PeriodLockOut, **ERRORS},
             summary="Lock a reporting period: afterwards only audited corrections change its figures")
def period_lock(request, code: str, period: str):
    plan = selectors.plan_get(code, request.user)
    p = services.period_lock(actor=request.user, period=selectors.period_get(plan, period))
    return {"code": p.code, "locked_at": p.locked_at.isoformat()}


@router.get("/reminders/mine", auth=django_auth, response={200: list[ReminderOut], **ERRORS},
            summary="Your reminders: deadlines coming, late items, missing and returned updates")
def my_reminders(request, unread: bool = False, lang: Lang = "en"):
    from django.utils import translation

    with translation.override(language_param(lang)):
        return [{"id": r.pk, "kind": r.kind, "due": r.due.isoformat(), "output": r.output_id,
                 "text": reminders.reminder_text(r), "read": r.read_at is not None}
                for r in reminders.reminder_list(request.user, unread_only=unread)]


@router.post("/reminders/{int:pk}/read", auth=django_auth, response={200: ReminderReadOut, **ERRORS},
             summary="Mark as read")
def reminder_read(request, pk: Id):
    r = reminders.reminder_get(pk, request.user)
    reminders.reminder_read(actor=request.user, reminder=r)
    return {"id": r.pk, "read": True}
