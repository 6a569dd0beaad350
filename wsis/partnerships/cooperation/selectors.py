"""Reads of cooperation data: events and participants, assistance requests, contributions."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from wsis.accounts.models import Organisation, OrganisationKind, Role
from wsis.accounts.permissions import roles_of
from wsis.core.errors import NotFound, PermissionDenied
from wsis.core.validation import as_id
from wsis.partnerships import codes, permissions
from wsis.partnerships.funding.selectors import _from_params, _viewer_org
from wsis.partnerships.models import (
    AssistanceRequest,
    AttendanceCount,
    Contribution,
    EventDetail,
    Registration,
    Session,
)
from wsis.partnerships.shared import EVENT_KINDS
from wsis.reference import models as ref
from wsis.stocktaking.models import Activity
from wsis.stocktaking.search import normalise

# ---------------------------------------------------------------------------------------------- events

def event_activities(viewer, *, year: int | None = None, region: str = ""):
    """Trainings and events the viewer may see, with their participant totals."""
    from wsis.stocktaking.selectors import visible

    qs = Activity.objects.filter(visible(viewer), kind__in=EVENT_KINDS, revision_of__isnull=True)
    if year:
        qs = qs.filter(start_date__year=year)
    if region:
        qs = qs.filter(facets__facet="region", facets__code=region)
    return qs.select_related("event").prefetch_related("translations").order_by("-start_date", "-id")


def event_get(viewer, pk: int) -> Activity:
    """A training or event the viewer may see, with its event details; NotFound for any other activity."""
    from wsis.stocktaking.selectors import get_visible

    activity = get_visible(viewer, pk)
    if activity.kind not in EVENT_KINDS:
        raise NotFound(_("This activity is neither a training nor an event."))
    return activity


def event_years(viewer) -> list[int]:
    """The years in which the viewer's visible trainings and events start, latest first."""
    return sorted({y for y in event_activities(viewer).order_by().values_list("start_date__year", flat=True) if y},
                  reverse=True)


def event_detail(activity: Activity) -> EventDetail | None:
    return EventDetail.objects.filter(activity=activity).first()


def event_sessions(activity: Activity) -> list:
    return list(Session.objects.filter(activity=activity))


def women_by_event(ids) -> dict[int, int]:
    """Women counted at each of these events (events without counts are absent)."""
    return dict(AttendanceCount.objects.filter(activity_id__in=list(ids), sex="F").values("activity_id")
                .annotate(n=Sum("count")).values_list("activity_id", "n"))


def event_rows(viewer, *, year: int | None = None, region: str = "", language: str | None = None) -> list[dict]:
    """One row per training or event: dates, format, places and the participants counted (None: not reported)."""
    activities = list(event_activities(viewer, year=year, region=region))
    ids = [a.pk for a in activities]
    per_event = participants_by_event(ids)
    women = women_by_event(ids)
    rows = []
    for a in activities:
        event = getattr(a, "event", None)
        reported = a.pk in per_event
        rows.append({
            "id": a.pk, "title": a.title(language), "kind": a.kind,
            "start_date": a.start_date.isoformat() if a.start_date else None,
            "end_date": a.end_date.isoformat() if a.end_date else None,
            "mode": event.mode if event else None, "venue": event.venue if event else None,
            "online_url": event.online_url if event else None,
            "registration_open": bool(event and event.registration_open and a.state == "published"),
            "places": event.capacity if event else None,
            "participants": per_event[a.pk] if reported else None,
            "women": women.get(a.pk, 0) if reported else None,
            "certificates": event.certificates_issued if event else None,
        })
    return rows


def participants_by_event(ids) -> dict[int, int]:
    """Participants counted at each of these events (events without counts are absent)."""
    return dict(AttendanceCount.objects.filter(activity_id__in=list(ids)).values("activity_id")
                .annotate(n=Sum("count")).values_list("activity_id", "n"))


def attendance_by_stakeholder(activity: Activity) -> dict[str, dict[str, int]]:
    """Participants of one event by stakeholder type, then sex."""
    cells: dict[str, dict[str, int]] = {}
    for stakeholder, sex, n in AttendanceCount.objects.filter(activity=activity).values(
            "stakeholder", "sex").annotate(n=Sum("count")).values_list("stakeholder", "sex", "n"):
        cells.setdefault(stakeholder, {})[sex] = n
    return cells


def stakeholder_labels() -> dict[str, str]:
    """The stakeholder types participants are counted by, with their labels."""
    return dict(OrganisationKind.choices)


def attendance_grid(activity: Activity) -> list[dict]:
    """The participant counts recorded for one event, as the manage page's grid shows them."""
    return [{"sex": c.sex, "stakeholder": c.stakeholder, "economy": c.economy.iso3 if c.economy_id else "",
             "count": c.count}
            for c in AttendanceCount.objects.filter(activity=activity).select_related("economy").order_by(
                "stakeholder", "sex", "economy__iso3")]


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


def registration_rows(viewer, activity: Activity) -> list[dict]:
    """Who registered for one event, for its managers (rows of the registrations download)."""
    return [{"id": r.pk, "name": r.name, "email": r.email, "sex": r.sex, "stakeholder": r.stakeholder,
             "economy": r.economy.iso3 if r.economy_id else None, "organisation": r.organisation_name,
             "status": r.status, "certificate": r.certificate, "registered_at": r.registered_at.isoformat()}
            for r in registrations(viewer, activity)]


def registration_get(viewer, activity: Activity, pk) -> Registration:
    reg = registrations(viewer, activity).filter(pk=as_id(pk) or 0).first()
    if reg is None:
        raise NotFound(_("Unknown registration."))
    return reg


# ---------------------------------------------------------------------------------------------- requests

def requests_visible(viewer):
    if not getattr(viewer, "is_authenticated", False):
        return AssistanceRequest.objects.none()
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


def _to_second(at: dt.datetime) -> str:
    # To the second: a JSON encoder would otherwise cut the microseconds its own way (the API to milliseconds).
    return at.replace(microsecond=0).isoformat()


def request_rows(requests, now=None) -> list[dict]:
    """One row per request; the days spent in each state are one column per state, so a spreadsheet can sum them."""
    now = now or timezone.now()
    out = []
    for r in requests:
        timers = {t["state"]: t["days"] for t in request_timers(r, now)}
        end = r.state_since if r.state in ("delivered", "declined") else now
        out.append({"id": r.pk, "economy": r.economy.iso3, "requester": r.requester.name, "title": r.title,
                    "state": r.state, "received_at": _to_second(r.received_at),
                    "state_since": _to_second(r.state_since),
                    "days_open": round((end - r.received_at).total_seconds() / 86400, 1),
                    "office": r.office.name if r.office_id else None,
                    "action_lines": sorted(a.code for a in r.action_lines.all()),
                    **{f"days_{state}": timers.get(state) for state in codes.REQUEST_STATES}})
    return out


def request_detail(r: AssistanceRequest, now=None) -> dict:
    """One request as the API answers it: its row, what it asks, its dated steps and the time in each state."""
    row = {k: v for k, v in request_rows([r], now)[0].items() if not k.startswith("days_") or k == "days_open"}
    return {**row, "description": r.description, "output": r.output_id,
            "activities": sorted(r.activities.values_list("pk", flat=True)),
            "steps": [{"from": s.from_state, "to": s.to_state, "at": s.at.isoformat(), "comment": s.comment}
                      for s in r.steps.all()],
            "time_in_state": [{k: v for k, v in t.items() if k != "label"} for t in request_timers(r, now)]}


def request_page(r: AssistanceRequest, language: str) -> dict:
    """What the request page shows beside the request itself: steps with their actors, action lines, linked
    activities and the output's title."""
    return {
        "steps": list(r.steps.select_related("actor")),
        "lines": [(a.code, a.text("name", language)) for a in r.action_lines.prefetch_related("translations")],
        "linked": [(a.pk, a.title(language)) for a in r.activities.prefetch_related("translations")],
        "output_title": r.output.text("title", language) if r.output_id else "",
    }


def request_economies(viewer) -> set[str]:
    """The economies (ISO3) of the requests the viewer may see."""
    return set(requests_visible(viewer).values_list("economy__iso3", flat=True).distinct())


def request_handler(viewer, r: AssistanceRequest) -> bool:
    """Whether the viewer handles this request: BDT, or a regional officer of the economy's region."""
    today = timezone.localdate()
    regions = set(ref.Membership.objects.valid_on(today).filter(economy_id=r.economy_id, group__kind="itu_region")
                  .values_list("group_id", flat=True))
    return permissions.can_request_handle(viewer, regions)


def fileable_economies(viewer, language: str) -> list[dict]:
    """The economies this account may file requests for, in the reader's language."""
    from wsis.reference import selectors as reference

    if not getattr(viewer, "is_authenticated", False):
        return []
    ids = dict(ref.Economy.objects.values_list("iso3", "pk"))
    return [e for e in reference.economy_list(language=language)
            if e["iso3"] not in reference.NOT_ECONOMIES and permissions.can_request_create(viewer, ids[e["iso3"]])]


def requester_choices() -> list[Organisation]:
    """Member-state administrations BDT may file a request for."""
    return list(Organisation.objects.filter(kind="member_state").order_by("name"))


def office_choices() -> list[Organisation]:
    """BDT units and regional offices a request can be assigned to."""
    return list(Organisation.objects.filter(kind__in=permissions.BDT_KINDS).order_by("name"))


def output_choices(language: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """The outputs of active operational plans, grouped by plan, for assigning a request."""
    from wsis.planning.models import Output

    groups: dict[str, list] = {}
    for o in Output.objects.filter(objective__plan__state="active").select_related("objective__plan").prefetch_related(
            "translations", "objective__plan__translations"):
        plan = o.objective.plan
        groups.setdefault(f"{plan.code} · {plan.text('title', language)}", []).append(
            (o.pk, f"{o.code} · {o.text('title', language)}"))
    return list(groups.items())


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


def contribution_get(pk: int) -> Contribution:
    c = Contribution.objects.filter(pk=pk).first()
    if c is None:
        raise NotFound(_("No such contribution."))
    return c


def contribution_page(c: Contribution, language: str) -> dict:
    """What the contribution page shows beside the record: action lines, SDG targets, documents."""
    return {"lines": [(a.code, a.text("name", language)) for a in c.action_lines.prefetch_related("translations")],
            "targets": [(t.code, t.code.split(".")[0]) for t in c.sdg_targets.all()],
            "documents": list(c.documents.all())}


def contribution_years() -> list[int]:
    return [d.year for d in Contribution.objects.dates("date", "year", order="DESC")]


def contribution_sources() -> list[Organisation]:
    """Organisations that are the source of at least one contribution."""
    return list(Organisation.objects.filter(contributions__isnull=False).distinct().order_by("name"))


def organisation_choices() -> list[Organisation]:
    return list(Organisation.objects.order_by("name"))
