"""Cooperation pages: trainings and events with registration and participant counts, assistance requests from
member states, and contributions to the study groups and advisory bodies. Thin: every write goes through
wsis.partnerships.services, which checks permissions and validates; a refused form is shown again as typed."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wsis.core.bounds import whole_number
from wsis.core.errors import ErrorItem, NotFound, ServiceError, ValidationFailed
from wsis.core.export import download
from wsis.core.i18n import current_language
from wsis.core.uploads import read_upload
from wsis.partnerships import codes, permissions
from wsis.partnerships import shared as partnership_checks
from wsis.partnerships.cooperation import selectors as cooperation_selectors
from wsis.partnerships.cooperation import services as cooperation_services
from wsis.partnerships.cooperation.lists import CONTRIBUTIONS, EVENTS, REQUESTS
from wsis.partnerships.cooperation.schemas import RegistrationRow
from wsis.partnerships.funding import services as funding_services
from wsis.reference import selectors as reference
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
    return [(k, str(v)) for k, v in cooperation_selectors.stakeholder_labels().items()]


def _sexes() -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in codes.SEXES.items()]


# ---------------------------------------------------------------------------------------------- events

def _event_or_404(request, pk: int):
    try:
        return cooperation_selectors.event_get(_viewer(request), pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _list_page(request, contract, lang: str):
    """(params, rows) of a list contract for its page, or the download; a refused filter is said and lists nothing."""
    try:
        return contract.for_page(request, lang)
    except ValidationFailed as exc:
        service_errors(request, exc)
        return contract.params(), []


def _summary_tables(summary: dict, names: dict[str, str]) -> dict:
    total = summary["total"]
    kinds = cooperation_selectors.stakeholder_labels()
    return {
        "by_sex": [(codes.SEXES[s], n, _pct(n, total)) for s, n in summary["by_sex"].items()],
        "by_stakeholder": [(kinds.get(k, k), n, _pct(n, total)) for k, n in summary["by_stakeholder"].items()],
        "by_economy": [(iso3, names.get(iso3, iso3), n, _pct(n, total))
                       for iso3, n in list(summary["by_economy"].items())[:10]],
        "economies": len(summary["by_economy"]),
    }


def events(request):
    lang = current_language()
    answer = _list_page(request, EVENTS, lang)
    if not isinstance(answer, tuple):
        return answer  # the download
    params, rows = answer
    summary = cooperation_selectors.capacity_summary([r["id"] for r in rows])
    return _page(request, "coop_events.html", {
        "rows": rows, "summary": summary, "tables": _summary_tables(summary, _economy_names(lang)),
        "year": params.year, "region": params.region, "years": cooperation_selectors.event_years(request.user),
        "regions": _regions(lang), "query": _query({"year": params.year, "region": params.region}),
        "modes": codes.EVENT_MODES,
    })


def _cross_tab(activity) -> dict:
    """Participants by stakeholder type (rows) and sex (columns), with totals."""
    cells = cooperation_selectors.attendance_by_stakeholder(activity)
    kinds = cooperation_selectors.stakeholder_labels()
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
        "a": activity, "title": activity.title(lang), "event": cooperation_selectors.event_detail(activity),
        "sessions": cooperation_selectors.event_sessions(activity), "summary": summary, "cross": _cross_tab(activity),
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


# The manage page's forms: each posts `do` naming it, is parsed into the service's input, calls one service and
# says what it did; a refused form is shown again as typed (`kept`), its errors named as the reader sees them.

def _event_data(post) -> dict:
    data = {k: post.get(k, "").strip() for k in ("mode", "venue", "online_url", "capacity", "certificates_issued")}
    return {**data, "registration_open": bool(post.get("registration_open"))}


def _session_data(post) -> dict:
    data = {k: post.get(k, "").strip() for k in ("title", "starts_at", "ends_at", "venue")}
    return {**data, "online": bool(post.get("online"))}


def _grid_rows(post) -> dict:
    """The rows of the participant-count grid as typed, the non-blank ones as service cells, and their row numbers."""
    n = min(_int(post.get("rows")) or 0, MAX_GRID_ROWS)
    rows, cells, numbers = [], [], []
    for i in range(n):
        row = {k: post.get(f"{k}-{i}", "").strip() for k in ("sex", "stakeholder", "economy", "count")}
        rows.append(row)
        if any(row.values()):
            cells.append({**row, "economy": row["economy"].upper()})
            numbers.append(i + 1)
    return {"rows": rows, "cells": cells, "numbers": numbers}


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


def _registration_data(post) -> dict:
    return {"registration": post.get("registration"), "status": post.get("status") or None,
            "certificate": bool(post.get("certificate"))}


def _registration_update(actor, activity, data: dict):
    reg = cooperation_selectors.registration_get(actor, activity, data["registration"])
    return cooperation_services.registration_update(actor=actor, registration=reg, status=data["status"],
                                                    certificate=data["certificate"])


@dataclass(frozen=True)
class _ManageForm:
    parse: Callable[..., dict]  # POST -> the service's input
    run: Callable  # (actor, activity, data) -> what the service answers
    done: Callable[[object], str]  # the service's answer -> the success message
    kept: Callable[[dict, ServiceError], dict] = lambda data, exc: {}  # what to show again when refused
    rename: Callable[[dict], Callable[[str], str]] | None = None  # field names of the refusal, as the form shows them


MANAGE_FORMS = {
    "event": _ManageForm(
        _event_data, lambda actor, a, d: cooperation_services.event_save(actor=actor, activity=a, data=d),
        lambda result: _("Event details saved."),
        kept=lambda d, exc: {"event_form": d, "invalid": _fields(exc)}),
    "session": _ManageForm(
        _session_data, lambda actor, a, d: cooperation_services.session_add(actor=actor, activity=a, data=d),
        lambda result: _("Session added."),
        kept=lambda d, exc: {"session_form": d, "invalid": {f"session_{f}" for f in _fields(exc)}}),
    "attendance": _ManageForm(
        _grid_rows, lambda actor, a, d: cooperation_services.attendance_set(actor=actor, activity=a, cells=d["cells"]),
        lambda total: _("Participant counts saved: %(n)s in all.") % {"n": total},
        kept=lambda d, exc: {"grid": d["rows"] + [{} for _i in range(SPARE_ROWS if len(d["rows"]) < MAX_GRID_ROWS
                                                                      else 0)]},
        rename=lambda d: _grid_field(d["numbers"])),
    "count": _ManageForm(
        lambda post: {}, lambda actor, a, d: cooperation_services.attendance_from_registrations(actor=actor, activity=a),
        lambda total: _("Participants counted from the registrations marked attended: %(n)s.") % {"n": total}),
    "registration": _ManageForm(
        _registration_data, _registration_update,
        lambda reg: _("Registration of %(name)s updated.") % {"name": reg.name}),
}


def _manage_post(request, activity, do: str) -> dict:
    """Run one form of the manage page; returns what to show again when the service refuses it."""
    form = MANAGE_FORMS.get(do)
    if form is None:
        messages.error(request, _("Unknown form."))
        return {}
    data = form.parse(request.POST)
    try:
        result = form.run(request.user, activity, data)
    except ServiceError as exc:
        service_errors(request, _renamed(exc, form.rename(data)) if form.rename else exc)
        return form.kept(data, exc)
    messages.success(request, form.done(result))
    return {}


def _manage_context(activity, user, kept: dict) -> dict:
    lang = current_language()
    event = cooperation_selectors.event_detail(activity)
    names = _economy_names(lang)
    grid = kept.get("grid")
    if grid is None:
        grid = cooperation_selectors.attendance_grid(activity) + [{} for _i in range(SPARE_ROWS)]
    event_form = kept.get("event_form") or {
        "mode": event.mode if event else "in_person", "venue": event.venue if event else "",
        "online_url": event.online_url if event else "", "registration_open": bool(event and event.registration_open),
        "capacity": event.capacity if event and event.capacity is not None else "",
        "certificates_issued": event.certificates_issued if event else 0}
    return {
        "a": activity, "title": activity.title(lang), "event": event, "event_form": event_form,
        "session_form": kept.get("session_form") or {}, "sessions": cooperation_selectors.event_sessions(activity),
        "grid": grid, "registrations": list(cooperation_selectors.registrations(user, activity)),
        "invalid": kept.get("invalid", set()), "modes": list(codes.EVENT_MODES.items()), "sexes": _sexes(),
        "stakeholders": _stakeholders(), "statuses": list(codes.REGISTRATION_STATUSES.items()),
        "sex_labels": codes.SEXES, "stakeholder_labels": cooperation_selectors.stakeholder_labels(),
        "economies": sorted(names.items(), key=lambda kv: kv[1]),
    }


@login_required
def event_manage(request, pk: int):
    activity = _event_or_404(request, pk)
    if not permissions.can_event_manage(request.user, activity):
        raise Forbidden(_("You may not manage this event."))
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        # Names and organisations are typed by the public: the download keeps formula-like text as text.
        return download(cooperation_selectors.registration_rows(request.user, activity),
                        f"event-{activity.pk}-registrations", fmt, list(RegistrationRow.model_fields))
    kept = {}
    if request.method == "POST":
        kept = _manage_post(request, activity, request.POST.get("do", ""))
        if not kept:
            return redirect("web:event_manage", pk=activity.pk)
    return _page(request, "coop_event_manage.html", _manage_context(activity, request.user, kept))


# ---------------------------------------------------------------------------------------------- requests

def request_list(request):
    lang = current_language()
    answer = _list_page(request, REQUESTS, lang)
    if not isinstance(answer, tuple):
        return answer  # the download
    params, rows = answer
    names = _economy_names(lang)
    for r in rows:
        r["economy_name"] = names.get(r["economy"], r["economy"])
        r["state_label"] = codes.REQUEST_STATES.get(r["state"], r["state"])
        r["timers"] = [(label, r[f"days_{s}"]) for s, label in codes.REQUEST_STATES.items()
                       if r[f"days_{s}"] is not None]
    seen = cooperation_selectors.request_economies(_viewer(request))
    filters = {"state": params.state, "economy": params.economy, "region": params.region}
    return _page(request, "coop_requests.html", {
        "rows": rows, **filters,
        "states": [("open", _("Open (not yet delivered or declined)")), *codes.REQUEST_STATES.items()],
        "economies": sorted(((c, names.get(c, c)) for c in seen), key=lambda kv: kv[1]),
        "regions": _regions(lang), "query": _query(filters),
        "can_file": bool(cooperation_selectors.fileable_economies(request.user, lang)),
    })


@login_required
def request_new(request):
    lang = current_language()
    economies = cooperation_selectors.fileable_economies(request.user, lang)
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
        "requesters": cooperation_selectors.requester_choices() if bdt else [],
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
    handler = cooperation_selectors.request_handler(request.user, r)
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
    shown = cooperation_selectors.request_page(r, lang)
    return _page(request, "coop_request.html", {
        "r": r, "economy_name": _economy_names(lang).get(r.economy.iso3, r.economy.iso3),
        "state_label": codes.REQUEST_STATES.get(r.state, r.state), "states": codes.REQUEST_STATES,
        "steps": shown["steps"],
        "timers": [{**t, "time": _duration(t["seconds"]), "pct": _pct(t["seconds"], longest)} for t in timers],
        "lines": shown["lines"], "output_title": shown["output_title"], "linked": shown["linked"],
        "link_text": kept.get("link_text", ", ".join(str(pk) for pk, _title in shown["linked"])),
        "actions": [(a, codes.REQUEST_ACTION_LABELS[a]) for a in actions], "form": kept.get("form", {}),
        "invalid": kept.get("invalid", set()),
        "offices": cooperation_selectors.office_choices() if "assign" in actions else [],
        "outputs": cooperation_selectors.output_choices(lang) if "assign" in actions else [],
        "language_label": dict(_languages()).get(r.language, r.language),
        "can_link": handler,
    })


# ---------------------------------------------------------------------------------------------- contributions

def contribution_list(request):
    lang = current_language()
    answer = _list_page(request, CONTRIBUTIONS, lang)
    if not isinstance(answer, tuple):
        return answer  # the download
    params, rows = answer
    page = Paginator(rows, CONTRIBUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return _page(request, "coop_contributions.html", {
        "f": params, "page": page, "query": _query(params.dict()), "bodies": codes.BODIES,
        "lines": _line_choices(lang), "targets": reference.sdg_target_list(language=lang),
        "language_choices": _languages(), "years": cooperation_selectors.contribution_years(),
        "sources": cooperation_selectors.contribution_sources(),
        "can_create": permissions.can_contribution_create(request.user),
    })


def _contribution_or_404(pk: int):
    try:
        return cooperation_selectors.contribution_get(pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


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
        **cooperation_selectors.contribution_page(c, lang), "doc_title": doc_title, "invalid": invalid,
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
        "organisations": cooperation_selectors.organisation_choices(),
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
