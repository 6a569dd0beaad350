"""Cooperation endpoints: events and registrations, assistance requests, contributions."""

from ninja import Query, Router, Status

from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id
from wsis.core.lists import list_route
from wsis.core.schemas import ERRORS, READ_ERRORS
from wsis.partnerships.cooperation import selectors, services
from wsis.partnerships.cooperation.lists import CONTRIBUTIONS, EVENTS, REQUESTS, EventParams
from wsis.partnerships.cooperation.schemas import (
    CapacitySummary,
    ContributionCreated,
    ContributionIn,
    RegistrationCreated,
    RegistrationIn,
    RequestDetail,
    RequestIn,
    RequestStepIn,
)

router = Router(tags=["partnerships"])


def _actor(request):
    return request.user if request.user.is_authenticated else None


# ---------------------------------------------------------------------------------------------- events

list_route(router, "/events", EVENTS, summary="Trainings and events with participant figures")


@router.get("/events/summary", response={200: CapacitySummary, **READ_ERRORS},
            summary="Participants by sex, stakeholder type and economy over the trainings and events selected")
def event_summary(request, params: Query[EventParams]):
    ids = [a.pk for a in selectors.event_activities(_actor(request), year=params.year, region=params.region.strip())]
    return selectors.capacity_summary(ids)


@router.post("/events/{int:activity_id}/registrations", response={201: RegistrationCreated, **ERRORS},
             summary="Register for an event (open to anyone while registration is open)")
def event_register(request, activity_id: Id, payload: RegistrationIn):
    activity = selectors.event_get(_actor(request), activity_id)
    reg = services.registration_create(activity=activity, data=payload.dict(), actor=_actor(request))
    return Status(201, reg)


# ---------------------------------------------------------------------------------------------- requests

list_route(router, "/requests", REQUESTS, summary="Assistance requests")


@router.post("/requests", response={201: RequestDetail, **ERRORS}, auth=django_auth, by_alias=True,
             summary="File an assistance request")
def request_create(request, payload: RequestIn):
    r = services.request_create(actor=request.user, data=payload.dict())
    return Status(201, selectors.request_detail(r))


@router.get("/requests/{int:request_id}", response={200: RequestDetail, **ERRORS}, auth=django_auth, by_alias=True,
            summary="One request with its dated steps and the time spent in each state")
def request_detail(request, request_id: Id):
    return selectors.request_detail(selectors.request_get(request.user, request_id))


@router.post("/requests/{int:request_id}/transition", response={200: RequestDetail, **ERRORS}, auth=django_auth,
             by_alias=True, summary="Assess, assign, start, deliver or decline a request")
def request_transition(request, request_id: Id, payload: RequestStepIn):
    r = selectors.request_get(request.user, request_id)
    r = services.request_transition(actor=request.user, request=r, action=payload.action, comment=payload.comment,
                                    office=payload.office, output=payload.output)
    return selectors.request_detail(r)


# ---------------------------------------------------------------------------------------------- contributions

list_route(router, "/contributions", CONTRIBUTIONS, summary="Search contributions")


@router.post("/contributions", response={201: ContributionCreated, **ERRORS}, auth=django_auth,
             summary="Record a contribution")
def contribution_create(request, payload: ContributionIn):
    c = services.contribution_create(actor=request.user, data=payload.dict())
    return Status(201, {"id": c.pk, **services.contribution_to_data(c)})
