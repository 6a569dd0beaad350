"""Cooperation pages: trainings and events with registration and participant counts, assistance requests from
member states, and contributions to the study groups and advisory bodies. Thin: every write goes through
wsis.partnerships.services, which checks permissions and validates; a refused form is shown again as typed."""

import dataclasses
import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wsis.accounts.models import Organisation, OrganisationKind
from wsis.core.bounds import whole_number
from wsis.core.errors import ErrorItem, NotFound, ServiceError, ValidationFailed
from wsis.core.export import download
from wsis.core.i18n import current_language
from wsis.core.uploads import read_upload
from wsis.partnerships import codes, permissions
from wsis.partnerships import shared as partnership_checks
from wsis.partnerships.cooperation import selectors as cooperation_selectors
from wsis.partnerships.cooperation import services as cooperation_services
from wsis.partnerships.funding import services as funding_services
from wsis.partnerships.models import AttendanceCount, Contribution, EventDetail, Registration
from wsis.reference import selectors as reference
from wsis.reference.models import Economy, Membership
from wsis.stocktaking import selectors as registry
from wsis.web.feedback import service_errors

FORMATS = ("csv", "json", "xlsx")
TEMPLATES = "wsis/partners/"
# Blank rows offered under the participant counts already recorded.
SPARE_ROWS = 4
MAX_GRID_ROWS = 300
CONTRIBUTIONS_PER_PAGE = 25


def _page(request, template: str, context: dict):
    """Render a cooperation page; the partnerships navigation marks the section the template belongs to."""
    section = "events" if "_event" in template else "requests" if "_request" in template else "contributions"
    return render(request, TEMPLATES + template, {"section": section, **context})


def _viewer(request):
    return request.user if request.user.is_authenticated else None


def _int(value) -> int | None:
    return whole_number(value)


def _pk_or_zero(value):
    """A posted id for a service: None when blank, 0 (found nowhere) when it is not a number."""
    value = str(value or "").strip()
    if not value:
        return None
    return int(value) if value.isdigit() else 0


def _query(params: dict) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _fields(exc: ServiceError) -> set[str]:
    return {e.field for e in exc.errors if e.field}


def _renamed(exc: ServiceError, rename) -> ServiceError:
    """The same refusal with field names the reader sees on the form instead of the service's paths."""
    if not isinstance(exc, ValidationFailed):
        return exc
    return ValidationFailed([ErrorItem(e.code, e.message, field=rename(e.field) if e.field else e.field,
                                       location=e.location) for e in exc.errors])


def _pct(n, total) -> str:
    # A string, so the number written into the style attribute is never localised ("12,5").
    return f"{100 * n / total:.1f}" if total else "0"


def _economy_names(lang: str) -> dict[str, str]:
    return {e["iso3"]: e["name"] for e in reference.economy_list(language=lang)}


def _regions(lang: str) -> list[dict]:
    return reference.group_list(language=lang, kind="itu_region")


def _line_choices(lang: str) -> list[tuple[str, str, bool]]:
    return [(r["code"], f"{r['code']} — {r['name']}", r["parent"] is not None)
            for r in reference.action_line_list(language=lang)]


def _languages() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def _stakeholders() -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in OrganisationKind.choices]


def _sexes() -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in codes.SEXES.items()]


# ---------------------------------------------------------------------------------------------- events

def _event_or_404(request, pk: int):
    try:
        activity = registry.get_visible(_viewer(request), pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    if activity.kind not in partnership_checks.EVENT_KINDS:
        raise Http404(_("This activity is neither a training nor an event."))
    return activity


def _detail_of(activity):
    return EventDetail.objects.filter(activity=activity).first()


def _women_by_event(ids) -> dict[int, int]:
    return dict(AttendanceCount.objects.filter(activity_id__in=ids, sex="F").values("activity_id")
                .annotate(n=Sum("count")).values_list("activity_id", "n"))


def _event_rows(activities, summary: dict, lang: str) -> list[dict]:
    women = _women_by_event([a.pk for a in activities])
    rows = []
    for a in activities:
        event = getattr(a, "event", None)
        reported = a.pk in summary["per_event"]
        rows.append({
            "id": a.pk, "title": a.title(lang), "kind": a.kind,
            "start_date": a.start_date.isoformat() if a.start_date else None,
            "end_date": a.end_date.isoformat() if a.end_date else None,
            "format": event.mode if event else None, "venue": event.venue if event else None,
            "online_url": event.online_url if event else None,
            "registration_open": bool(event and event.registration_open and a.state == "published"),
            "places": event.capacity if event else None,
            "participants": summary["per_event"][a.pk] if reported else None,
            "women": women.get(a.pk, 0) if reported else None,
            "certificates": event.certificates_issued if event else None,
        })
    return rows


def _summary_tables(summary: dict, names: dict[str, str]) -> dict:
    total = summary["total"]
    kinds = dict(OrganisationKind.choices)
    return {
        "by_sex": [(codes.SEXES[s], n, _pct(n, total)) for s, n in summary["by_sex"].items()],
        "by_stakeholder": [(kinds.get(k, k), n, _pct(n, total)) for k, n in summary["by_stakeholder"].items()],
        "by_economy": [(iso3, names.get(iso3, iso3), n, _pct(n, total))
                       for iso3, n in list(summary["by_economy"].items())[:10]],
        "economies": len(summary["by_economy"]),
    }


def events(request):
    lang = current_language()
    year, region = _int(request.GET.get("year")), request.GET.get("region", "").strip()
    activities = list(cooperation_selectors.event_activities(request.user, year=year, region=region))
    summary = cooperation_selectors.capacity_summary([a.pk for a in activities])
    rows = _event_rows(activities, summary, lang)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return download(rows, "events", fmt)
    years = sorted({y for y in cooperation_selectors.event_activities(request.user).order_by()
                    .values_list("start_date__year", flat=True) if y}, reverse=True)
    return _page(request, "coop_events.html", {
        "rows": rows, "summary": summary, "tables": _summary_tables(summary, _economy_names(lang)),
        "year": year, "region": region, "years": years, "regions": _regions(lang),
        "query": _query({"year": year, "region": region}), "modes": codes.EVENT_MODES,
    })


def _cross_tab(activity) -> dict:
    """Participants by stakeholder type (rows) and sex (columns), with totals."""
    cells: dict[str, dict[str, int]] = {}
    for stakeholder, sex, n in AttendanceCount.objects.filter(activity=activity).values(
            "stakeholder", "sex").annotate(n=Sum("count")).values_list("stakeholder", "sex", "n"):
        cells.setdefault(stakeholder, {})[sex] = n
    kinds = dict(OrganisationKind.choices)
    rows = [{"label": kinds.get(k, k), "cells": [by_sex.get(s, 0) for s in codes.SEXES],
             "total": sum(by_sex.values())} for k, by_sex in sorted(cells.items(), key=lambda kv: -sum(kv[1].values()))]
    totals = [sum(r["cells"][i] for r in rows) for i in range(len(codes.SEXES))]
    return {"sexes": list(codes.SEXES.values()), "rows": rows, "totals": totals, "total": sum(totals)}


def _event_context(request, activity, **extra) -> dict:
    lang = current_language()
    names = _economy_names(lang)
    summary = cooperation_selectors.capacity_summary([activity.pk])
    reg = extra.pop("reg", None) or {"email": getattr(request.user, "email", "") or ""}
    return {
        "a": activity, "title": activity.title(lang), "event": _detail_of(activity),
        "sessions": list(activity.sessions.all()), "summary": summary, "cross": _cross_tab(activity),
        "tables": _summary_tables(summary, names), "economies": sorted(names.items(), key=lambda kv: kv[1]),
        "can_register": permissions.can_event_register(activity),
        "can_manage": permissions.can_event_manage(_viewer(request), activity),
        "sexes": _sexes(), "stakeholders": _stakeholders(), "reg": reg, "invalid": set(), **extra,
    }


def event_detail(request, pk: int):
    activity = _event_or_404(request, pk)
    return _page(request, "coop_event.html", _event_context(request, activity))


@require_POST
def event_register(request, pk: int):
    activity = _event_or_404(request, pk)
    data = {k: request.POST.get(k, "").strip() for k in ("name", "email", "sex", "stakeholder", "economy",
                                                         "organisation_name")}
    try:
        cooperation_services.registration_create(activity=activity, data=data, actor=_viewer(request))
    except ServiceError as exc:
        # The service checks the sex, stakeholder type and economy as one count cell; name the form's fields.
        exc = _renamed(exc, lambda f: f.split(".", 1)[1] if f.startswith("cells[") else f)
        service_errors(request, exc)
        return _page(request, "coop_event.html",
                      _event_context(request, activity, reg=data, invalid=_fields(exc)))
    messages.success(request, _("Thank you, %(name)s: you are registered. Keep this page's address to find the "
                                "event again.") % {"name": data["name"]})
    return redirect("web:event", pk=activity.pk)


def _grid_rows(post) -> tuple[list[dict], list[dict], list[int]]:
    """The rows of the participant-count grid as typed, the non-blank ones as service cells, and their row numbers."""
    n = min(_int(post.get("rows")) or 0, MAX_GRID_ROWS)
    rows, cells, numbers = [], [], []
    for i in range(n):
        row = {k: post.get(f"{k}-{i}", "").strip() for k in ("sex", "stakeholder", "economy", "count")}
        rows.append(row)
        if any(row.values()):
            cells.append({**row, "economy": row["economy"].upper()})
            numbers.append(i + 1)
    return rows, cells, numbers


def _grid_field(numbers: list[int]):
    def rename(field: str) -> str:
        m = re.fullmatch(r"cells\[(\d+)\](?:\.(\w+))?", field)
        if not m or int(m.group(1)) >= len(numbers):
            return field
        row = numbers[int(m.group(1))]
        if m.group(2):
            return _("row %(row)s, %(field)s") % {"row": row, "field": m.group(2)}
        return _("row %(row)s") % {"row": row}
    return rename


def _registration_rows(regs) -> list[dict]:
    return [{"id": r.pk, "name": r.name, "email": r.email, "sex": r.sex, "stakeholder": r.stakeholder,
             "economy": r.economy.iso3 if r.economy_id else None, "organisation": r.organisation_name,
             "status": r.status, "certificate": r.certificate, "registered_at": r.registered_at.isoformat()}
            for r in regs]


def _manage_post(request, activity, do: str) -> dict:
    """Run one form of the manage page; returns what to show again when the service refuses it."""
    post = request.POST
    if do == "event":
        data = {k: post.get(k, "").strip() for k in ("mode", "venue", "online_url", "capacity", "certificates_issued")}
        data["registration_open"] = bool(post.get("registration_open"))
        try:
            cooperation_services.event_save(actor=request.user, activity=activity, data=data)
            messages.success(request, _("Event details saved."))
            return {}
        except ServiceError as exc:
            service_errors(request, exc)
            return {"event_form": data, "invalid": _fields(exc)}
    if do == "session":
        data = {k: post.get(k, "").strip() for k in ("title", "starts_at", "ends_at", "venue")}
        data["online"] = bool(post.get("online"))
        try:
            cooperation_services.session_add(actor=request.user, activity=activity, data=data)
            messages.success(request, _("Session added."))
            return {}
        except ServiceError as exc:
            service_errors(request, exc)
            return {"session_form": data, "invalid": {f"session_{f}" for f in _fields(exc)}}
    if do == "attendance":
        rows, cells, numbers = _grid_rows(post)
        try:
            total = cooperation_services.attendance_set(actor=request.user, activity=activity, cells=cells)
            messages.success(request, _("Participant counts saved: %(n)s in all.") % {"n": total})
            return {}
        except ServiceError as exc:
            service_errors(request, _renamed(exc, _grid_field(numbers)))
            return {"grid": rows + [{} for _i in range(SPARE_ROWS if len(rows) < MAX_GRID_ROWS else 0)]}
    if do == "count":
        try:
            total = cooperation_services.attendance_from_registrations(actor=request.user, activity=activity)
            messages.success(request, _("Participants counted from the registrations marked attended: %(n)s.")
                             % {"n": total})
        except ServiceError as exc:
            service_errors(request, exc)
        return {}
    if do == "registration":
        reg = Registration.objects.filter(activity=activity, pk=_int(post.get("registration")) or 0).first()
        if reg is None:
            messages.error(request, _("Unknown registration."))
            return {}
        try:
            cooperation_services.registration_update(actor=request.user, registration=reg, status=post.get("status") or None,
                                         certificate=bool(post.get("certificate")))
            messages.success(request, _("Registration of %(name)s updated.") % {"name": reg.name})
        except ServiceError as exc:
            service_errors(request, exc)
        return {}
    messages.error(request, _("Unknown form."))
    return {}


def _manage_context(activity, user, kept: dict) -> dict:
    lang = current_language()
    event = _detail_of(activity)
    names = _economy_names(lang)
    grid = kept.get("grid")
    if grid is None:
        grid = [{"sex": c.sex, "stakeholder": c.stakeholder, "economy": c.economy.iso3 if c.economy_id else "",
                 "count": c.count} for c in activity.attendance.select_related("economy").order_by(
                     "stakeholder", "sex", "economy__iso3")]
        grid += [{} for _i in range(SPARE_ROWS)]
    event_form = kept.get("event_form") or {
        "mode": event.mode if event else "in_person", "venue": event.venue if event else "",
        "online_url": event.online_url if event else "", "registration_open": bool(event and event.registration_open),
        "capacity": event.capacity if event and event.capacity is not None else "",
        "certificates_issued": event.certificates_issued if event else 0}
    return {
        "a": activity, "title": activity.title(lang), "event": event, "event_form": event_form,
        "session_form": kept.get("session_form") or {}, "sessions": list(activity.sessions.all()),
        "grid": grid, "registrations": list(cooperation_selectors.registrations(user, activity)),
        "invalid": kept.get("invalid", set()), "modes": list(codes.EVENT_MODES.items()), "sexes": _sexes(),
        "stakeholders": _stakeholders(), "statuses": list(codes.REGISTRATION_STATUSES.items()),
        "sex_labels": codes.SEXES, "stakeholder_labels": dict(OrganisationKind.choices),
        "economies": sorted(names.items(), key=lambda kv: kv[1]),
    }


@login_required
def event_manage(request, pk: int):
    activity = _event_or_404(request, pk)
    if not permissions.can_event_manage(request.user, activity):
        raise Forbidden(_("You may not manage this event."))
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return download(_registration_rows(cooperation_selectors.registrations(request.user, activity)),
                        f"event-{activity.pk}-registrations", fmt)
    kept = {}
    if request.method == "POST":
        kept = _manage_post(request, activity, request.POST.get("do", ""))
        if not kept:
            return redirect("web:event_manage", pk=activity.pk)
    return _page(request, "coop_event_manage.html", _manage_context(activity, request.user, kept))


# ---------------------------------------------------------------------------------------------- requests

def _flat_request_rows(rows: list[dict]) -> list[dict]:
    """Days in each state as one column per state, so a spreadsheet can sum them."""
    out = []
    for r in rows:
        flat = {k: v for k, v in r.items() if k != "days_in_state"}
        for state in codes.REQUEST_STATES:
            flat[f"days_{state}"] = r["days_in_state"].get(state)
        out.append(flat)
    return out


def _fileable(user) -> list[dict]:
    """The economies this account may file requests for, in the reader's language."""
    if not user.is_authenticated:
        return []
    ids = dict(Economy.objects.values_list("iso3", "pk"))
    return [e for e in reference.economy_list(language=current_language())
            if permissions.can_request_create(user, ids[e["iso3"]])]


def request_list(request):
    lang = current_language()
    state, economy, region = (request.GET.get(k, "").strip() for k in ("state", "economy", "region"))
    items = list(cooperation_selectors.request_list(request.user, state=state, economy=economy, region=region))
    now = timezone.now()
    rows = cooperation_selectors.request_rows(items, now)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return download(_flat_request_rows(rows), "assistance-requests", fmt)
    names = _economy_names(lang)
    seen = set(cooperation_selectors.requests_visible(request.user).values_list("economy__iso3", flat=True).distinct())
    for r in rows:
        r["economy_name"] = names.get(r["economy"], r["economy"])
        r["state_label"] = codes.REQUEST_STATES.get(r["state"], r["state"])
        r["timers"] = [(codes.REQUEST_STATES[s], r["days_in_state"][s]) for s in codes.REQUEST_STATES
                       if s in r["days_in_state"]]
    return _page(request, "coop_requests.html", {
        "rows": rows, "state": state, "economy": economy, "region": region,
        "states": [("open", _("Open (not yet delivered or declined)")), *codes.REQUEST_STATES.items()],
        "economies": sorted(((c, names.get(c, c)) for c in seen), key=lambda kv: kv[1]),
        "regions": _regions(lang), "query": _query({"state": state, "economy": economy, "region": region}),
        "can_file": bool(_fileable(request.user)),
    })


@login_required
def request_new(request):
    lang = current_language()
    economies = _fileable(request.user)
    if not economies:
        raise Forbidden(_("Only focal points, member-state administrations and BDT file assistance requests."))
    bdt = permissions.is_bdt_admin(request.user)
    form = {"economy": economies[0]["iso3"] if len(economies) == 1 else "", "language": lang, "action_lines": []}
    invalid: set[str] = set()
    if request.method == "POST":
        form = {k: request.POST.get(k, "").strip() for k in ("economy", "title", "description", "language",
                                                              "requester")}
        form["action_lines"] = request.POST.getlist("action_lines")
        data = {k: v for k, v in form.items() if k != "requester"}
        if bdt and form["requester"]:
            data["requester"] = _pk_or_zero(form["requester"])
        try:
            r = cooperation_services.request_create(actor=request.user, data=data)
            messages.success(request, _("Request #%(n)s received. You can follow it on this page.") % {"n": r.pk})
            return redirect("web:request", pk=r.pk)
        except ServiceError as exc:
            service_errors(request, exc)
            invalid = _fields(exc)
    return _page(request, "coop_request_new.html", {
        "form": form, "invalid": invalid, "economies": economies, "language_choices": _languages(),
        "lines": _line_choices(lang), "bdt": bdt,
        "requesters": list(Organisation.objects.filter(kind="member_state").order_by("name")) if bdt else [],
    })


def _duration(seconds: float) -> str:
    if seconds < 3600:
        n = int(seconds // 60)
        return ngettext("%(n)s minute", "%(n)s minutes", n) % {"n": n}
    if seconds < 2 * 86400:
        return _("%(n)s hours") % {"n": f"{seconds / 3600:.1f}"}
    return _("%(n)s days") % {"n": f"{seconds / 86400:.1f}"}


def _parse_ids(text: str) -> list[int] | None:
    tokens = [t.lstrip("#") for t in re.split(r"[\s,;]+", text) if t]
    return [int(t) for t in tokens] if all(t.isdigit() for t in tokens) else None


def _outputs(lang: str) -> list[tuple[str, list[tuple[int, str]]]]:
    from wsis.planning.models import Output

    groups: dict[str, list] = {}
    for o in Output.objects.filter(objective__plan__state="active").select_related("objective__plan").prefetch_related(
            "translations", "objective__plan__translations"):
        plan = o.objective.plan
        groups.setdefault(f"{plan.code} · {plan.text('title', lang)}", []).append((o.pk, f"{o.code} · {o.text('title', lang)}"))
    return list(groups.items())


def _is_handler(user, r) -> bool:
    today = timezone.localdate()
    regions = set(Membership.objects.valid_on(today).filter(economy_id=r.economy_id, group__kind="itu_region")
                  .values_list("group_id", flat=True))
    return permissions.can_request_handle(user, regions)


def _request_post(request, r) -> dict:
    post = request.POST
    if post.get("do") == "link":
        text = post.get("activities", "")
        ids = _parse_ids(text)
        if ids is None:
            messages.error(request, _("Give activity numbers separated by commas, such as 12, 40."))
            return {"link_text": text}
        try:
            cooperation_services.request_link_activities(actor=request.user, request=r, activity_ids=ids)
            messages.success(request, _("Linked activities saved."))
            return {}
        except ServiceError as exc:
            service_errors(request, exc)
            return {"link_text": text}
    action = post.get("action", "")
    form = {"action": action, "comment": post.get("comment", "").strip(), "office": post.get("office", ""),
            "output": post.get("output", "")}
    try:
        cooperation_services.request_transition(actor=request.user, request=r, action=action, comment=form["comment"],
                                    office=_pk_or_zero(form["office"]), output=_pk_or_zero(form["output"]))
        messages.success(request, _("Done: the request is now %(state)s.") % {
            "state": codes.REQUEST_STATES[codes.REQUEST_ACTIONS[action][1]]})
        return {}
    except ServiceError as exc:
        service_errors(request, exc)
        return {"form": form, "invalid": _fields(exc)}


def request_detail(request, pk: int):
    try:
        r = cooperation_selectors.request_get(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    actions = cooperation_services.request_actions(request.user, r)
    handler = _is_handler(request.user, r)
    kept: dict = {}
    if request.method == "POST":
        if not handler:
            raise Forbidden(_("Only BDT and the regional officers of the economy's region handle its requests."))
        kept = _request_post(request, r)
        if not kept:
            return redirect("web:request", pk=r.pk)
    lang = current_language()
    timers = cooperation_selectors.request_timers(r)
    longest = max((t["seconds"] for t in timers), default=0)
    linked = list(r.activities.prefetch_related("translations"))
    return _page(request, "coop_request.html", {
        "r": r, "economy_name": _economy_names(lang).get(r.economy.iso3, r.economy.iso3),
        "state_label": codes.REQUEST_STATES.get(r.state, r.state), "states": codes.REQUEST_STATES,
        "steps": list(r.steps.select_related("actor")),
        "timers": [{**t, "time": _duration(t["seconds"]), "pct": _pct(t["seconds"], longest)} for t in timers],
        "lines": [(a.code, a.text("name", lang)) for a in r.action_lines.prefetch_related("translations")],
        "output_title": r.output.text("title", lang) if r.output_id else "",
        "linked": [(a.pk, a.title(lang)) for a in linked],
        "link_text": kept.get("link_text", ", ".join(str(a.pk) for a in linked)),
        "actions": [(a, codes.REQUEST_ACTION_LABELS[a]) for a in actions], "form": kept.get("form", {}),
        "invalid": kept.get("invalid", set()),
        "offices": list(Organisation.objects.filter(kind__in=permissions.BDT_KINDS).order_by("name"))
        if "assign" in actions else [],
        "outputs": _outputs(lang) if "assign" in actions else [],
        "language_label": dict(_languages()).get(r.language, r.language),
        "can_link": handler,
    })


# ---------------------------------------------------------------------------------------------- contributions

def _contribution_filters_query(f: cooperation_selectors.ContributionFilters) -> str:
    return _query(dataclasses.asdict(f))


def contribution_list(request):
    lang = current_language()
    f = cooperation_selectors.ContributionFilters.from_params(request.GET)
    qs = cooperation_selectors.contribution_search(f)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return download(cooperation_selectors.contribution_rows(qs), "contributions", fmt)
    page = Paginator(qs, CONTRIBUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = _contribution_filters_query(f)
    return _page(request, "coop_contributions.html", {
        "f": f, "page": page, "query": query, "bodies": codes.BODIES, "lines": _line_choices(lang),
        "targets": reference.sdg_target_list(language=lang), "language_choices": _languages(),
        "years": [d.year for d in Contribution.objects.dates("date", "year", order="DESC")],
        "sources": list(Organisation.objects.filter(contributions__isnull=False).distinct().order_by("name")),
        "can_create": permissions.can_contribution_create(request.user),
    })


def _contribution_or_404(pk: int) -> Contribution:
    c = cooperation_selectors.contribution_search(cooperation_selectors.ContributionFilters()).filter(pk=pk).first()
    if c is None:
        raise Http404(_("No such contribution."))
    return c


def contribution_detail(request, pk: int):
    c = _contribution_or_404(pk)
    lang = current_language()
    can_edit = permissions.can_contribution_edit(_viewer(request), c)
    doc_title, invalid = "", set()
    if request.method == "POST":
        if not can_edit:
            raise Forbidden(_("You may not attach documents to this contribution."))
        upload, doc_title = request.FILES.get("file"), request.POST.get("title", "").strip()
        if upload is None:
            messages.error(request, _("Choose a file to attach."))
            invalid = {"file"}
        else:
            try:
                funding_services.document_attach(actor=request.user, owner=c, name=upload.name,
                                         content=read_upload(upload, partnership_checks.MAX_DOCUMENT_BYTES, field="file"),
                                         title=doc_title, content_type=upload.content_type or "")
                messages.success(request, _("Document attached."))
                return redirect("web:contribution", pk=c.pk)
            except ServiceError as exc:
                service_errors(request, exc)
                invalid = _fields(exc)
    return _page(request, "coop_contribution.html", {
        "c": c, "can_edit": can_edit, "body_label": codes.BODIES.get(c.body, c.body),
        "language_label": dict(_languages()).get(c.language, c.language),
        "lines": [(a.code, a.text("name", lang)) for a in c.action_lines.prefetch_related("translations")],
        "targets": [(t.code, t.code.split(".")[0]) for t in c.sdg_targets.all()], "documents": list(c.documents.all()),
        "doc_title": doc_title, "invalid": invalid,
    })


CONTRIBUTION_TEXT = ("symbol", "body", "question", "meeting", "date", "title", "summary", "language")
CONTRIBUTION_LISTS = ("sources", "action_lines", "sdg_targets")


@login_required
def contribution_edit(request, pk: int | None = None):
    lang = current_language()
    c = _contribution_or_404(pk) if pk is not None else None
    allowed = permissions.can_contribution_edit(request.user, c) if c else permissions.can_contribution_create(
        request.user)
    if not allowed:
        raise Forbidden(_("Only members with a role and an organisation record contributions; the sources edit them."))
    if c is not None:
        form = cooperation_services.contribution_to_data(c)
    else:
        form = {"language": lang, "date": timezone.localdate().isoformat(),
                "sources": [request.user.organisation_id] if request.user.organisation_id else []}
    invalid: set[str] = set()
    if request.method == "POST":
        form = {k: request.POST.get(k, "").strip() for k in CONTRIBUTION_TEXT}
        form.update({k: request.POST.getlist(k) for k in CONTRIBUTION_LISTS})
        try:
            if c is None:
                c = cooperation_services.contribution_create(actor=request.user, data=form)
                messages.success(request, _("Contribution %(symbol)s recorded.") % {"symbol": c.symbol})
            else:
                c = cooperation_services.contribution_update(actor=request.user, contribution=c, data=form)
                messages.success(request, _("Changes saved."))
            return redirect("web:contribution", pk=c.pk)
        except ServiceError as exc:
            service_errors(request, exc)
            invalid = _fields(exc)
    return _page(request, "coop_contribution_form.html", {
        "c": c, "form": form, "selected_sources": {str(s) for s in form.get("sources") or []},
        "invalid": invalid, "bodies": codes.BODIES, "language_choices": _languages(), "lines": _line_choices(lang),
        "targets": reference.sdg_target_list(language=lang),
        "organisations": list(Organisation.objects.order_by("name")),
    })


urlpatterns = [
    path("partnerships/events/", events, name="events"),
    path("partnerships/events/<int:pk>/", event_detail, name="event"),
    path("partnerships/events/<int:pk>/register/", event_register, name="event_register"),
    path("partnerships/events/<int:pk>/manage/", event_manage, name="event_manage"),
    path("partnerships/requests/", request_list, name="requests"),
    path("partnerships/requests/new/", request_new, name="request_new"),
    path("partnerships/requests/<int:pk>/", request_detail, name="request"),
    path("partnerships/contributions/", contribution_list, name="contributions"),
    path("partnerships/contributions/new/", contribution_edit, name="contribution_new"),
    path("partnerships/contributions/<int:pk>/", contribution_detail, name="contribution"),
    path("partnerships/contributions/<int:pk>/edit/", contribution_edit, name="contribution_edit"),
]
