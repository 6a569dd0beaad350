"""Reads of cooperation data: events and participants, assistance requests, contributions."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from wsis.accounts.models import Role
from wsis.accounts.permissions import roles_of
from wsis.core.errors import NotFound, PermissionDenied
from wsis.partnerships import codes, permissions
from wsis.partnerships.funding.selectors import _from_params, _viewer_org
from wsis.partnerships.models import (
    AssistanceRequest,
    AttendanceCount,
    Contribution,
    EventDetail,
    Registration,
)
from wsis.reference import models as ref
from wsis.stocktaking.models import Activity
from wsis.stocktaking.search import normalise

# ---------------------------------------------------------------------------------------------- events

def event_activities(viewer, *, year: int | None = None, region: str = ""):
    """Trainings and events the viewer may see, with their participant totals."""
    from wsis.stocktaking.selectors import visible

    qs = Activity.objects.filter(visible(viewer), kind__in=("training", "event"), revision_of__isnull=True)
    if year:
        qs = qs.filter(start_date__year=year)
    if region:
        qs = qs.filter(facets__facet="region", facets__code=region)
    return qs.select_related("event").prefetch_related("translations").order_by("-start_date", "-id")


def capacity_summary(activity_ids) -> dict:
    """Participants by sex, stakeholder type and economy, and certificates, over these events."""
    ids = list(activity_ids)
    cells = list(AttendanceCount.objects.filter(activity_id__in=ids).values_list(
        "activity_id", "sex", "stakeholder", "economy__iso3", "count"))
    by_sex = {s: 0 for s in codes.SEXES}
    by_stakeholder: dict[str, int] = {}
    by_economy: dict[str, int] = {}
    per_event: dict[int, int] = {}
    for a, sex, stakeholder, eco, n in cells:
        by_sex[sex] += n
        by_stakeholder[stakeholder] = by_stakeholder.get(stakeholder, 0) + n
        if eco:
            by_economy[eco] = by_economy.get(eco, 0) + n
        per_event[a] = per_event.get(a, 0) + n
    certificates = sum(EventDetail.objects.filter(activity_id__in=ids).values_list("certificates_issued", flat=True))
    total = sum(by_sex.values())
    return {"events": len(ids), "reported": len(per_event), "total": total, "by_sex": by_sex,
            "women_share": round(100 * by_sex["F"] / total, 1) if total else None,
            "by_stakeholder": dict(sorted(by_stakeholder.items(), key=lambda kv: -kv[1])),
            "by_economy": dict(sorted(by_economy.items(), key=lambda kv: -kv[1])),
            "per_event": per_event, "certificates": certificates}


def registrations(viewer, activity: Activity):
    if not permissions.can_event_manage(viewer, activity):
        raise PermissionDenied("You may not see who registered for this event.")
    return Registration.objects.filter(activity=activity).select_related("economy")


# ---------------------------------------------------------------------------------------------- requests

def requests_visible(viewer):
    qs = AssistanceRequest.objects.all()
    if permissions.is_bdt_staff(viewer):
        return qs
    org = _viewer_org(viewer)
    cond = Q(pk__in=[])
    if org:
        cond |= Q(requester_id=org)
    economies = [r.economy_id for r in roles_of(viewer) if r.role == Role.FOCAL_POINT and r.economy_id]
    if economies:
        cond |= Q(economy_id__in=economies)
    return qs.filter(cond)


def request_list(viewer, *, state: str = "", economy: str = "", region: str = ""):
    qs = requests_visible(viewer).select_related("economy", "requester", "office")
    if state == "open":
        qs = qs.filter(state__in=codes.OPEN_REQUEST_STATES)
    elif state:
        qs = qs.filter(state=state)
    if economy:
        qs = qs.filter(economy__iso3=economy)
    if region:
        members = ref.Membership.objects.valid_on(timezone.localdate()).filter(group__code=region)
        qs = qs.filter(economy_id__in=members.values("economy_id"))
    return qs.prefetch_related("steps", "action_lines")


def request_get(viewer, pk: int) -> AssistanceRequest:
    r = AssistanceRequest.objects.filter(pk=pk).select_related("economy", "requester", "office", "output").first()
    if r is None or not permissions.can_request_view(viewer, r):
        raise NotFound(f"No assistance request #{pk}.")
    return r


def request_timers(r: AssistanceRequest, now: dt.datetime | None = None) -> list[dict]:
    """Time spent in each state, from the dated steps; the current state runs until now unless it is final."""
    now = now or timezone.now()
    steps = list(r.steps.all())
    spent: dict[str, float] = {}
    for i, s in enumerate(steps):
        end = steps[i + 1].at if i + 1 < len(steps) else (None if s.to_state in ("delivered", "declined") else now)
        if end is not None:
            spent[s.to_state] = spent.get(s.to_state, 0) + (end - s.at).total_seconds()
    return [{"state": st, "label": codes.REQUEST_STATES[st], "seconds": spent[st], "days": round(spent[st] / 86400, 1),
             "current": st == r.state} for st in codes.REQUEST_STATES if st in spent]


def request_rows(requests, now=None) -> list[dict]:
    now = now or timezone.now()
    out = []
    for r in requests:
        timers = {t["state"]: t["days"] for t in request_timers(r, now)}
        end = r.state_since if r.state in ("delivered", "declined") else now
        out.append({"id": r.pk, "economy": r.economy.iso3, "requester": r.requester.name, "title": r.title,
                    "state": r.state, "received_at": r.received_at.isoformat(),
                    "state_since": r.state_since.isoformat(), "days_open": round((end - r.received_at).total_seconds()
                                                                                 / 86400, 1),
                    "days_in_state": timers, "office": r.office.name if r.office_id else None,
                    "action_lines": sorted(a.code for a in r.action_lines.all())})
    return out


# ---------------------------------------------------------------------------------------------- contributions

@dataclass
class ContributionFilters:
    q: str = ""
    body: str = ""
    line: str = ""
    target: str = ""
    language: str = ""
    year: int | None = None
    source: int | None = None

    @classmethod
    def from_params(cls, params) -> "ContributionFilters":
        return _from_params(cls, params)


def contribution_search(f: ContributionFilters):
    qs = Contribution.objects.all()
    if f.q:
        for word in normalise(f.q).split():
            qs = qs.filter(search__contains=word)
    if f.body:
        qs = qs.filter(body=f.body)
    if f.line:
        qs = qs.filter(Q(action_lines__code=f.line) | Q(action_lines__parent__code=f.line))
    if f.target:
        qs = qs.filter(sdg_targets__code=f.target)
    if f.language:
        qs = qs.filter(language=f.language)
    if f.year:
        qs = qs.filter(date__year=f.year)
    if f.source:
        qs = qs.filter(sources__pk=f.source)
    return qs.distinct().prefetch_related("sources", "action_lines", "sdg_targets")


def contribution_rows(contributions) -> list[dict]:
    return [{"id": c.pk, "symbol": c.symbol, "body": c.body, "question": c.question, "meeting": c.meeting,
             "date": c.date.isoformat(), "title": c.title, "language": c.language,
             "sources": [o.name for o in c.sources.all()], "action_lines": sorted(a.code for a in c.action_lines.all()),
             "sdg_targets": sorted(t.code for t in c.sdg_targets.all())} for c in contributions]
