"""Cooperation endpoints: events and registrations, assistance requests, contributions."""

from typing import Literal

from ninja import Query, Router, Schema, Status

from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id, Year
from wsis.core.export import download
from wsis.partnerships.cooperation import selectors, services
from wsis.reference.api import ErrorEnvelope
from wsis.stocktaking.selectors import get_visible

router = Router(tags=["partnerships"])
ERRORS = {400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope,
          422: ErrorEnvelope}
Fmt = Literal["json", "csv", "xlsx"]
Lang = Literal["ar", "zh-hans", "en", "fr", "ru", "es", "zh", "zh-Hans"]


# ---------------------------------------------------------------------------------------------- events

class RegistrationIn(Schema):
    name: str
    email: str
    sex: str
    stakeholder: str
    economy: str | None = None
    organisation_name: str = ""


@router.get("/events", response={200: dict, **ERRORS}, summary="Trainings and events with participant figures")
def event_list(request, year: Year | None = None, region: str = "", format: Fmt = "json"):
    acts = list(selectors.event_activities(request.user, year=year, region=region))
    summary = selectors.capacity_summary([a.pk for a in acts])
    rows = [{"activity": a.pk, "title": a.title(), "kind": a.kind,
             "start_date": a.start_date and a.start_date.isoformat(),
             "mode": getattr(getattr(a, "event", None), "mode", None),
             "participants": summary["per_event"].get(a.pk, 0)} for a in acts]
    if format != "json":
        return download(rows, "events", format)
    return {"count": len(rows), "results": rows, "summary": {k: v for k, v in summary.items() if k != "per_event"}}


@router.post("/events/{int:activity_id}/registrations", response={201: dict, **ERRORS},
             summary="Register for an event (open to anyone while registration is open)")
def event_register(request, activity_id: Id, payload: RegistrationIn):
    activity = get_visible(request.user, activity_id)
    reg = services.registration_create(activity=activity, data=payload.dict(),
                                       actor=request.user if request.user.is_authenticated else None)
    return Status(201, {"id": reg.pk, "status": reg.status})


# ---------------------------------------------------------------------------------------------- requests

class RequestIn(Schema):
    economy: str
    title: str
    description: str
    language: str = "en"
    action_lines: list[str]
    requester: Id | None = None


class RequestStepIn(Schema):
    action: str
    comment: str = ""
    office: Id | None = None
    output: Id | None = None


def _request_out(r) -> dict:
    return {**selectors.request_rows([r])[0], "description": r.description,
            "output": r.output_id, "activities": sorted(r.activities.values_list("pk", flat=True)),
            "steps": [{"from": s.from_state, "to": s.to_state, "at": s.at.isoformat(), "comment": s.comment}
                      for s in r.steps.all()],
            "time_in_state": [{k: v for k, v in t.items() if k != "label"} for t in selectors.request_timers(r)]}


@router.get("/requests", response={200: dict, **ERRORS}, auth=django_auth, summary="Assistance requests")
def request_list(request, state: str = "", economy: str = "", region: str = "", format: Fmt = "json"):
    rows = selectors.request_rows(selectors.request_list(request.user, state=state, economy=economy, region=region))
    if format != "json":
        return download(rows, "assistance-requests", format)
    return {"count": len(rows), "results": rows}


@router.post("/requests", response={201: dict, **ERRORS}, auth=django_auth, summary="File an assistance request")
def request_create(request, payload: RequestIn):
    r = services.request_create(actor=request.user, data=payload.dict())
    return Status(201, _request_out(r))


@router.get("/requests/{int:request_id}", response={200: dict, **ERRORS}, auth=django_auth,
            summary="One request with its dated steps and the time spent in each state")
def request_detail(request, request_id: Id):
    return _request_out(selectors.request_get(request.user, request_id))


@router.post("/requests/{int:request_id}/transition", response={200: dict, **ERRORS}, auth=django_auth,
             summary="Assess, assign, start, deliver or decline a request")
def request_transition(request, request_id: Id, payload: RequestStepIn):
    r = selectors.request_get(request.user, request_id)
    r = services.request_transition(actor=request.user, request=r, action=payload.action, comment=payload.comment,
                                    office=payload.office, output=payload.output)
    return _request_out(r)


# ---------------------------------------------------------------------------------------------- contributions

class ContributionIn(Schema):
    symbol: str
    body: str
    question: str = ""
    meeting: str
    date: str
    title: str
    summary: str = ""
    language: str
    sources: list[int]
    action_lines: list[str] = []
    sdg_targets: list[str] = []


class ContributionParams(Schema):
    q: str = ""
    body: str = ""
    line: str = ""
    target: str = ""
    language: str = ""
    year: Year | None = None
    source: Id | None = None


@router.get("/contributions", response={200: dict, **ERRORS}, summary="Search contributions")
def contribution_list(request, params: Query[ContributionParams], format: Fmt = "json"):
    rows = selectors.contribution_rows(selectors.contribution_search(selectors.ContributionFilters(**params.dict())))
    if format != "json":
        return download(rows, "contributions", format)
    return {"count": len(rows), "results": rows}


@router.post("/contributions", response={201: dict, **ERRORS}, auth=django_auth, summary="Record a contribution")
def contribution_create(request, payload: ContributionIn):
    c = services.contribution_create(actor=request.user, data=payload.dict())
    return Status(201, {"id": c.pk, **services.contribution_to_data(c)})
