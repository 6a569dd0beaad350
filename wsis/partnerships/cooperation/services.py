"""Writes to cooperation data: trainings and events, registrations and attendance, assistance requests, contributions. Validated whole before anything is written, permission-checked, atomic, audited."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wsis.accounts.models import Organisation, OrganisationKind
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
from wsis.partnerships import codes, permissions
from wsis.partnerships.models import (
    AssistanceRequest,
    AttendanceCount,
    Contribution,
    EventDetail,
    Registration,
    RequestStep,
    Session,
)
from wsis.partnerships.shared import (
    EVENT_KINDS,
    Errors,
    _choice,
    _codes,
    _date,
    _fits,
    _int,
    _orgs_by_id,
)
from wsis.reference import models as ref
from wsis.stocktaking.models import Activity
from wsis.stocktaking.search import normalise

# ---------------------------------------------------------------------------------------------- events

def _event_activity(actor, activity: Activity) -> None:
    if activity.kind not in EVENT_KINDS:
        raise ValidationFailed([ErrorItem("invalid", f"activity #{activity.pk} is a {activity.kind}, not a training "
                                          "or an event", field="activity")])
    if not permissions.can_event_manage(actor, activity):
        raise PermissionDenied("You may not manage this event.")


def event_save(*, actor, activity: Activity, data: dict) -> EventDetail:
    _event_activity(actor, activity)
    errors = Errors()
    mode = _choice(data.get("mode") or "in_person", codes.EVENT_MODES, "mode", errors)
    capacity = data.get("capacity")
    certificates = data.get("certificates_issued") or 0
    for field, value in (("capacity", capacity), ("certificates_issued", certificates)):
        if value not in (None, "") and (not str(value).isdigit()):
            errors.add(field, f"'{value}' is not a whole number of zero or more")
        elif value not in (None, ""):
            try:
                val.clean_int_for(EventDetail._meta.get_field(field), value)
            except ValidationFailed as exc:
                errors.extend(exc.errors)
    if str(capacity) == "0":
        errors.add("capacity", "an event has at least one place; leave it empty for no limit")
    online_url = str(data.get("online_url") or "").strip()
    if online_url and not online_url.startswith(("https://", "http://")):
        errors.add("online_url", "an online address starts with https://")
    if mode in ("online", "hybrid") and not online_url:
        errors.add("online_url", "an online or hybrid event needs its online address", "required")
    if mode in ("in_person", "hybrid") and not str(data.get("venue") or "").strip():
        errors.add("venue", "an in-person or hybrid event needs a venue", "required")
    _fits(EventDetail, {"venue": str(data.get("venue") or "").strip(), "online_url": online_url}, errors)
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        event, _created = EventDetail.objects.get_or_create(activity=activity)
        before = {"mode": event.mode, "venue": event.venue, "registration_open": event.registration_open}
        event.mode, event.venue, event.online_url = mode, str(data.get("venue") or "").strip(), online_url
        event.registration_open = bool(data.get("registration_open"))
        event.capacity = int(capacity) if capacity not in (None, "") else None
        event.certificates_issued = int(certificates)
        event.save()
        audit(actor=actor, verb="event.save", target=activity, before=before,
              after={"mode": mode, "venue": event.venue, "registration_open": event.registration_open,
                     "capacity": event.capacity, "certificates_issued": event.certificates_issued})
    return event


def session_add(*, actor, activity: Activity, data: dict) -> Session:
    _event_activity(actor, activity)
    errors = Errors()
    title = str(data.get("title") or "").strip()
    if not title:
        errors.add("title", "a session needs a title", "required")
    venue = str(data.get("venue") or "").strip()
    _fits(Session, {"title": title, "venue": venue}, errors)
    times = {}
    for f in ("starts_at", "ends_at"):
        v = data.get(f)
        try:
            t = v if isinstance(v, dt.datetime) else dt.datetime.fromisoformat(str(v))
            times[f] = t if timezone.is_aware(t) else timezone.make_aware(t)
        except (TypeError, ValueError):
            errors.add(f, f"'{v or ''}' is not a date and time (YYYY-MM-DDTHH:MM)", "invalid" if v else "required")
    if len(times) == 2 and times["ends_at"] <= times["starts_at"]:
        errors.add("ends_at", "a session ends after it starts")
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        s = Session.objects.create(activity=activity, title=title, venue=venue,
                                   online=bool(data.get("online")), **times)
        audit(actor=actor, verb="event.add_session", target=activity, after={"session": s.pk, "title": title})
    return s


def _attendance_cells(cells, errors: Errors) -> list[dict]:
    economies = dict(ref.Economy.objects.values_list("iso3", "id"))
    out, seen = [], set()
    for i, c in enumerate(cells):
        f = f"cells[{i}]"
        sex = _choice(c.get("sex"), codes.SEXES, f"{f}.sex", errors)
        stakeholder = c.get("stakeholder") or ""
        if stakeholder not in OrganisationKind.values:
            errors.add(f"{f}.stakeholder", f"unknown stakeholder type '{stakeholder}'", "invalid_choice")
        eco = c.get("economy") or None
        if eco and eco not in economies:
            errors.add(f"{f}.economy", f"unknown economy '{eco}'", "unknown_code")
        count = c.get("count")
        if not str(count).isdigit():
            errors.add(f"{f}.count", f"'{count}' is not a whole number of zero or more")
            continue
        try:
            val.clean_int_for(AttendanceCount._meta.get_field("count"), count, f"{f}.count")
        except ValidationFailed as exc:
            errors.extend(exc.errors)
            continue
        key = (sex, stakeholder, eco)
        if key in seen:
            errors.add(f, f"the cell {sex}/{stakeholder}/{eco or '-'} is given twice", "duplicate")
        seen.add(key)
        if int(count):
            out.append({"sex": sex, "stakeholder": stakeholder, "economy_id": economies.get(eco), "count": int(count)})
    return out


def attendance_set(*, actor, activity: Activity, cells: list[dict]) -> int:
    """Replace an event's participant counts (sex × stakeholder type × economy); returns the total."""
    _event_activity(actor, activity)
    errors = Errors()
    rows = _attendance_cells(cells, errors)
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        before = sum(activity.attendance.values_list("count", flat=True))
        activity.attendance.all().delete()
        AttendanceCount.objects.bulk_create([AttendanceCount(activity=activity, **r) for r in rows])
        total = sum(r["count"] for r in rows)
        audit(actor=actor, verb="event.set_attendance", target=activity, before={"total": before}, after={"total": total})
    return total


def attendance_from_registrations(*, actor, activity: Activity) -> int:
    """Count the participants from the registrations marked attended."""
    _event_activity(actor, activity)
    counts: dict[tuple, int] = {}
    for sex, stakeholder, eco in activity.registrations.filter(status="attended").values_list(
            "sex", "stakeholder", "economy__iso3"):
        counts[sex, stakeholder, eco] = counts.get((sex, stakeholder, eco), 0) + 1
    certificates = activity.registrations.filter(certificate=True).count()
    total = attendance_set(actor=actor, activity=activity, cells=[
        {"sex": s, "stakeholder": k, "economy": e, "count": n} for (s, k, e), n in counts.items()])
    with transaction.atomic():
        EventDetail.objects.filter(activity=activity).update(certificates_issued=certificates)
        audit(actor=actor, verb="event.count_certificates", target=activity, after={"certificates": certificates})
    return total


def registration_create(*, activity: Activity, data: dict, actor=None) -> Registration:
    """Anyone may register for a published event whose registration is open."""
    if not permissions.can_event_register(activity):
        raise InvalidTransition("Registration for this event is not open.")
    errors = Errors()
    name = str(data.get("name") or "").strip()
    email = str(data.get("email") or "").strip()
    if not name:
        errors.add("name", "give your name", "required")
    organisation_name = str(data.get("organisation_name") or "").strip()
    _fits(Registration, {"name": name, "email": email, "organisation_name": organisation_name}, errors)
    from django.core.exceptions import ValidationError as DjangoValidationError
    from django.core.validators import validate_email

    try:
        validate_email(email)
    except DjangoValidationError:
        errors.add("email", "give a valid e-mail address", "invalid" if email else "required")
    cell_errors = Errors()
    cells = _attendance_cells([{"sex": data.get("sex"), "stakeholder": data.get("stakeholder"),
                                "economy": data.get("economy"), "count": 1}], cell_errors)
    for e in cell_errors:
        errors.add(e.field.removeprefix("cells[0]."), e.message, e.code)
    if email and activity.registrations.filter(email__iexact=email).exists():
        errors.add("email", "this address is already registered for this event", "duplicate")
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        event = EventDetail.objects.select_for_update().get(activity=activity)
        taken = activity.registrations.exclude(status="cancelled").count()
        if event.capacity is not None and taken >= event.capacity:
            raise InvalidTransition("This event is full.")
        cell = cells[0]
        reg = Registration.objects.create(activity=activity, name=name, email=email, sex=cell["sex"],
                                          stakeholder=cell["stakeholder"], economy_id=cell["economy_id"],
                                          organisation_name=organisation_name)
        audit(actor=actor or "public", verb="event.register", target=reg, after={"activity": activity.pk})
    return reg


def registration_update(*, actor, registration: Registration, status: str | None = None,
                        certificate: bool | None = None) -> Registration:
    if not permissions.can_event_manage(actor, registration.activity):
        raise PermissionDenied("You may not manage this event.")
    errors = Errors()
    if status is not None:
        _choice(status, codes.REGISTRATION_STATUSES, "status", errors)
    if certificate and (status or registration.status) != "attended":
        errors.add("certificate", "a certificate goes to a participant who attended")
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        before = {"status": registration.status, "certificate": registration.certificate}
        registration.status = status or registration.status
        registration.certificate = registration.certificate if certificate is None else certificate
        registration.save()
        audit(actor=actor, verb="registration.update", target=registration, before=before,
              after={"status": registration.status, "certificate": registration.certificate})
    return registration


# ---------------------------------------------------------------------------------------------- requests

def _economy_regions(economy_id) -> set[int]:
    today = timezone.localdate()
    return set(ref.Membership.objects.valid_on(today).filter(economy_id=economy_id, group__kind="itu_region")
               .values_list("group_id", flat=True))


def request_create(*, actor, data: dict, at=None, is_demo: bool = False) -> AssistanceRequest:
    errors = Errors()
    economy = ref.Economy.objects.filter(iso3=data.get("economy") or "").first()
    if economy is None:
        errors.add("economy", f"unknown economy '{data.get('economy')}'" if data.get("economy") else "required",
                   "unknown_code" if data.get("economy") else "required")
    title, description = str(data.get("title") or "").strip(), str(data.get("description") or "").strip()
    if not title:
        errors.add("title", "say what the help is about", "required")
    if not description:
        errors.add("description", "describe the help needed", "required")
    _fits(AssistanceRequest, {"title": title, "description": description}, errors)
    lines = _codes(data.get("action_lines"), dict(ref.ActionLine.objects.values_list("code", "id")), "action_lines",
                   "action line", errors)
    if not lines and not any(e.field == "action_lines" for e in errors):
        errors.add("action_lines", "tie the request to at least one WSIS action line", "required")
    language = data.get("language") or "en"
    _choice(language, dict.fromkeys(settings.LANGUAGE_CODES), "language", errors)
    requester = None
    if data.get("requester"):
        requester = Organisation.objects.filter(pk=_int(data["requester"]) or 0).first()
        if requester is None:
            errors.add("requester", f"unknown organisation #{data['requester']}", "unknown_code")
    else:
        requester = getattr(actor, "organisation", None)
        if requester is None:
            errors.add("requester", "name the requesting organisation", "required")
    when = at or timezone.now()
    if when > timezone.now():
        errors.add("received_at", "a request cannot be received in the future")
    if errors:
        raise ValidationFailed(errors)
    if not permissions.can_request_create(actor, economy):
        raise PermissionDenied("Only the economy's focal points and administration, or BDT, may file its requests.")
    with transaction.atomic():
        r = AssistanceRequest.objects.create(economy=economy, requester=requester, title=title,
                                             description=description, language=language, received_at=when,
                                             state_since=when, is_demo=is_demo,
                                             created_by=actor if getattr(actor, "pk", None) else None)
        r.action_lines.set(lines)
        RequestStep.objects.create(request=r, from_state="", to_state="received", at=when,
                                   actor=r.created_by)
        audit(actor=actor, verb="request.create", target=r,
              after={"economy": economy.iso3, "title": title, "received_at": when.isoformat()})
    return r


def _may_handle(actor, request: AssistanceRequest) -> bool:
    return permissions.can_request_handle(actor, _economy_regions(request.economy_id))


HANDLERS_ONLY = "Only BDT and the regional officers of the economy's region handle its requests."


def _dated_in_order(request: AssistanceRequest, ctx) -> list[ErrorItem]:
    if ctx["at"] < request.state_since or ctx["at"] > timezone.now():
        return [ErrorItem(ErrorCode.INVALID, "a step is dated between the previous step and now", field="at")]
    return []


def _request_change(request: AssistanceRequest, t, ctx):
    request.state, request.state_since = t.target, ctx["at"]
    if t.action == "assign":
        request.office, request.output = ctx["office"], ctx["output"]
    request.save()


def _request_record(request: AssistanceRequest, before, t, actor, ctx):
    RequestStep.objects.create(request=request, from_state=before, to_state=t.target, at=ctx["at"],
                               comment=ctx["comment"], actor=actor if getattr(actor, "pk", None) else None)


# The (from, to) of each action are in codes.REQUEST_ACTIONS; who may take them and what is checked, here.
REQUEST_WORKFLOW = Workflow(
    "request", codes.REQUEST_STATES,
    [step(action, froms, to, may=_may_handle, denied=HANDLERS_ONLY, checks=_dated_in_order)
     for action, (froms, to) in codes.REQUEST_ACTIONS.items()],
    change=_request_change,
    record=_request_record,
    audit_after=lambda r, before, t, ctx: {"state": t.target, "at": ctx["at"].isoformat(), "office": r.office_id,
                                           "output": r.output_id},
    refused=lambda r, action, state, sources: (f"A request that is {state} cannot be moved with '{action}'; "
                                               f"it must be {' or '.join(sorted(sources))}."),
    unknown="unknown action '{action}'; use one of {actions}",
)


def request_actions(actor, request: AssistanceRequest) -> list[str]:
    return REQUEST_WORKFLOW.available(actor, request)


def request_transition(*, actor, request: AssistanceRequest, action: str, comment: str = "", office=None,
                       output=None, at=None) -> AssistanceRequest:
    from wsis.planning.models import Output

    REQUEST_WORKFLOW.check_action(action)
    if not _may_handle(actor, request):
        raise PermissionDenied(HANDLERS_ONLY)
    errors = Errors()
    if action == "assign":
        if office is None:
            errors.add("office", "name the office that will deliver the help", ErrorCode.REQUIRED)
        elif not isinstance(office, Organisation):
            office = Organisation.objects.filter(pk=_int(office) or 0, kind__in=permissions.BDT_KINDS).first()
            if office is None:
                errors.add("office", "the office must be a BDT unit or an ITU regional office", ErrorCode.UNKNOWN_CODE)
        elif office.kind not in permissions.BDT_KINDS:
            errors.add("office", "the office must be a BDT unit or an ITU regional office", ErrorCode.INVALID_CHOICE)
        if output is None:
            errors.add("output", "name the operational-plan output the help serves", ErrorCode.REQUIRED)
        elif not isinstance(output, Output):
            output = Output.objects.filter(pk=_int(output) or 0).first()
            if output is None:
                errors.add("output", "unknown operational-plan output", ErrorCode.UNKNOWN_CODE)
    if action == "decline" and not comment.strip():
        errors.add("comment", "say why the request is declined; the requester sees it", ErrorCode.REQUIRED)
    _fits(RequestStep, {"comment": comment.strip()}, errors)
    if errors:
        raise ValidationFailed(errors)
    return REQUEST_WORKFLOW.apply(actor=actor, obj=request, action=action, ctx={
        "at": at or timezone.now(), "comment": comment.strip(), "office": office, "output": output})


def request_link_activities(*, actor, request: AssistanceRequest, activity_ids: list[int]) -> AssistanceRequest:
    if not permissions.can_request_handle(actor, _economy_regions(request.economy_id)):
        raise PermissionDenied("Only BDT and the regional officers of the economy's region handle its requests.")
    ids = [int(i) for i in dict.fromkeys(activity_ids) if str(i).isdigit()]
    found = list(Activity.objects.filter(pk__in=ids, revision_of__isnull=True))
    if len(found) != len(ids):
        missing = sorted(set(ids) - {a.pk for a in found})
        raise ValidationFailed([ErrorItem("unknown_code", f"unknown activity #{', #'.join(map(str, missing))}",
                                          field="activities")])
    with transaction.atomic():
        before = sorted(request.activities.values_list("pk", flat=True))
        request.activities.set(found)
        audit(actor=actor, verb="request.link_activities", target=request, before={"activities": before},
              after={"activities": sorted(ids)})
    return request


# ---------------------------------------------------------------------------------------------- contributions

def _contribution_data(data: dict, *, current=None) -> tuple[dict, Errors]:
    errors = Errors()
    d = {f: str(data.get(f) or "").strip() for f in ("symbol", "question", "meeting", "title", "summary", "language")}
    for f in ("symbol", "meeting", "title"):
        if not d[f]:
            errors.add(f, "required", "required")
    _fits(Contribution, {f: d[f] for f in ("symbol", "question", "meeting", "title", "summary")}, errors)
    if d["symbol"] and Contribution.objects.filter(symbol=d["symbol"]).exclude(pk=getattr(current, "pk", None)).exists():
        errors.add("symbol", f"a contribution with symbol {d['symbol']} exists", "duplicate")
    d["body"] = _choice(data.get("body"), codes.BODIES, "body", errors)
    _choice(d["language"], dict.fromkeys(settings.LANGUAGE_CODES), "language", errors)
    d["date"] = _date(data.get("date"), "date", errors, required=True)
    d["sources"] = _orgs_by_id(data.get("sources"), "sources", errors)
    if not d["sources"] and not data.get("sources"):
        errors.add("sources", "name at least one source organisation", "required")
    d["action_lines"] = _codes(data.get("action_lines"), dict(ref.ActionLine.objects.values_list("code", "id")),
                               "action_lines", "action line", errors)
    d["sdg_targets"] = _codes(data.get("sdg_targets"), dict(ref.SdgTarget.objects.values_list("code", "id")),
                              "sdg_targets", "SDG target", errors)
    return d, errors


def contribution_to_data(c: Contribution) -> dict:
    return {"symbol": c.symbol, "body": c.body, "question": c.question, "meeting": c.meeting,
            "date": c.date.isoformat(), "title": c.title, "summary": c.summary, "language": c.language,
            "sources": sorted(c.sources.values_list("pk", flat=True)),
            "action_lines": sorted(c.action_lines.values_list("code", flat=True)),
            "sdg_targets": sorted(c.sdg_targets.values_list("code", flat=True))}


def _contribution_apply(c: Contribution, d: dict) -> None:
    for f in ("symbol", "body", "question", "meeting", "date", "title", "summary", "language"):
        setattr(c, f, d[f])
    c.search = normalise(" ".join((d["symbol"], d["title"], d["summary"], d["meeting"], d["question"])))
    c.save()
    c.sources.set(d["sources"])
    c.action_lines.set(d["action_lines"])
    c.sdg_targets.set(d["sdg_targets"])


def contribution_create(*, actor, data: dict, is_demo: bool = False) -> Contribution:
    if not permissions.can_contribution_create(actor):
        raise PermissionDenied("Only members with a role and an organisation record contributions.")
    d, errors = _contribution_data(data)
    if errors:
        raise ValidationFailed(errors)
    if not permissions.is_bdt_admin(actor) and actor.organisation_id not in {o.pk for o in d["sources"]}:
        raise PermissionDenied("Your organisation must be among the sources of the contribution.")
    with transaction.atomic():
        c = Contribution(created_by=actor if getattr(actor, "pk", None) else None, is_demo=is_demo)
        _contribution_apply(c, d)
        audit(actor=actor, verb="contribution.create", target=c, after=contribution_to_data(c))
    return c


def contribution_update(*, actor, contribution: Contribution, data: dict) -> Contribution:
    if not permissions.can_contribution_edit(actor, contribution):
        raise PermissionDenied("You may not change this contribution.")
    d, errors = _contribution_data(data, current=contribution)
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        before = contribution_to_data(contribution)
        _contribution_apply(contribution, d)
        audit(actor=actor, verb="contribution.update", target=contribution, before=before,
              after=contribution_to_data(contribution))
    return contribution
