"""Partnership pages about money: the funding dashboard, agreements and their documents, funding flows,
exchange rates, organisations and one activity's funding. Thin: reads go through the funding selectors and
read contracts (wsis.partnerships.funding.lists: a list's page, its download and the API answer the same rows),
writes through the services, which check permissions themselves."""

import datetime as dt
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from wsis.accounts import services as org_services
from wsis.accounts.permissions import is_bdt_admin
from wsis.core import charts
from wsis.core.bounds import whole_number
from wsis.core.errors import NotFound, ServiceError, ValidationFailed
from wsis.core.i18n import current_language
from wsis.core.uploads import read_upload
from wsis.partnerships import codes, money, permissions
from wsis.partnerships import shared as partnership_checks
from wsis.partnerships.funding import lists as funding_lists
from wsis.partnerships.funding import selectors as funding_selectors
from wsis.partnerships.funding import services as funding_services
from wsis.partnerships.funding.selectors import FlowFilters
from wsis.reference import selectors as ref_selectors
from wsis.stocktaking import selectors as activity_selectors
from wsis.web.embed import chart_links
from wsis.web.feedback import service_errors

# Dashboard wording of the pipeline stages: the money at each stage, not the act.
STAGE_TOTALS = {"pledge": gettext_lazy("Pledged"), "commitment": gettext_lazy("Committed"),
                "disbursement": gettext_lazy("Disbursed"), "expenditure": gettext_lazy("Spent")}
DIMENSIONS = [
    ("region", gettext_lazy("By ITU region")),
    ("line", gettext_lazy("By WSIS action line")),
    ("group", gettext_lazy("By development group")),
    ("year", gettext_lazy("By year")),
    ("role", gettext_lazy("By ITU role")),
    ("funder_kind", gettext_lazy("By funder type")),
    ("mechanism", gettext_lazy("By funding mechanism")),
]
BLANK_PARTY_ROWS = 2
MIN_PARTY_ROWS = 4
BLANK_CONTACT_ROWS = 3


# ---------------------------------------------------------------------------------------------- helpers

def _query(request) -> str:
    q = request.GET.copy()
    q.pop("format", None)
    return q.urlencode()


def _next_url(request, default: str) -> str:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return nxt
    return default


def _field_errors(exc: ServiceError) -> dict[str, list[str]]:
    """Messages by form field: 'parties[1].role' and 'contacts[0].email' count for their whole row set."""
    out: dict[str, list[str]] = {}
    for e in exc.errors:
        if e.field:
            out.setdefault(re.split(r"[\[.]", e.field)[0], []).append(e.message)
    return out


def _int(value) -> int | None:
    return whole_number(value)


def _organisations():
    return funding_selectors.organisation_choices()


def _page(contract, request):
    """(download, params, rows, error) of a list page: the download when `format` is asked for, else the filters
    and rows; refused filters give no rows and the complaint to show."""
    try:
        answer = contract.for_page(request, current_language())
    except ValidationFailed as exc:
        return None, contract.params(), [], "; ".join(e.message for e in exc.errors) or exc.message
    if not isinstance(answer, tuple):
        return answer, None, None, None
    return None, *answer, None


def _filter_options(lang: str) -> dict:
    groups = ref_selectors.group_list(language=lang)
    lines = ref_selectors.action_line_list(language=lang)
    return {
        "regions": [(g["code"], g["name"]) for g in groups if g["kind"] == "itu_region"],
        "dev_groups": [(g["code"], g["name"]) for g in groups if g["code"] in funding_selectors.DEVELOPMENT_GROUPS],
        "lines": [(a["code"], f"{a['code']} {a['name']}") for a in lines if a["parent"] is None],
        "years": funding_selectors.flow_years(),
        "mechanisms": list(codes.MECHANISMS.items()),
        "funder_kinds": funding_selectors.ORGANISATION_KINDS,
        "stages": list(codes.STAGES.items()),
    }


# ---------------------------------------------------------------------------------------------- dashboard

def _section(dim: str, title, rows: list[dict], rtl: bool) -> dict:
    for r in rows:
        if r["code"] in (None, ""):
            r["label"] = _("not stated")
    chart = charts.BarChart([charts.BarSeries(str(STAGE_TOTALS[s]), [float(r[s]) for r in rows])
                             for s in funding_selectors.STAGES], key=f"bars-{dim}", rtl=rtl,
                            categories=[str(r["label"]) for r in rows], x_label=_("US dollars"), unit="USD")
    label = _("%(title)s: money in US dollars at each stage of the pipeline, one row per category; "
              "the same numbers are in the table beside.") % {"title": title}
    return {"dim": dim, "title": title, "rows": rows, "chart": charts.render(chart, aria_label=label)}


def dashboard(request):
    # One read of the flows serves the totals, the breakdown and the gaps (the rows carry their summary).
    download, f, rows, error = _page(funding_lists.BREAKDOWN, request)
    if download:
        return download
    if error:
        rows = funding_selectors.funding_breakdown(request.user, f.filters(), language=current_language())
    summary = rows.summary
    rtl = translation.get_language_bidi()
    sections = [_section(dim, title, summary["breakdown"][dim], rtl) for dim, title in DIMENSIONS]
    return render(request, "wsis/partners/dashboard.html", {
        "f": f, "error": error, "summary": summary, "sections": sections,
        "gaps": funding_selectors.funding_gaps(request.user, f.filters(), values=rows.values),
        "totals": [(s, STAGE_TOTALS[s], summary["total"][s]) for s in funding_selectors.STAGES],
        "stage_codes": funding_selectors.STAGES, "stage_totals": STAGE_TOTALS, "query": _query(request),
        "share_url": chart_links(request)["share_url"], **_filter_options(current_language()),
    })


# ---------------------------------------------------------------------------------------------- agreements

def agreement_list(request):
    download, p, rows, error = _page(funding_lists.AGREEMENTS, request)
    if download:
        return download
    return render(request, "wsis/partners/agreements.html", {
        "agreements": rows, "error": error, "status": p.status, "region": p.region, "framework": p.framework,
        "q": p.q.strip(),
        "statuses": list(codes.AGREEMENT_STATUSES.items()), "frameworks": list(codes.FRAMEWORKS.items()),
        "status_labels": codes.AGREEMENT_STATUSES, "kind_labels": codes.AGREEMENT_KINDS,
        "regions": _filter_options(current_language())["regions"], "query": _query(request),
        "can_create": permissions.can_agreement_record(request.user),
    })


def _agreement_or_404(request, pk: int):
    try:
        return funding_selectors.agreement_get(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _agreement_form_from_post(post) -> dict:
    n = min(_int(post.get("party_rows")) or 0, 50)
    parties = [{"organisation": post.get(f"party-{i}-organisation", ""), "role": post.get(f"party-{i}-role", "party")}
               for i in range(n)]
    return {**{k: (post.get(k) or "").strip() for k in ("reference", "kind", "title", "summary", "language", "region",
                                                         "signed_on", "start_date", "end_date", "activities")},
            "frameworks": post.getlist("frameworks"), "public": bool(post.get("public")), "parties": parties}


def _agreement_data(form: dict) -> dict:
    return {**{k: form[k] for k in ("reference", "kind", "title", "summary", "language", "region", "signed_on",
                                    "start_date", "end_date", "frameworks", "public")},
            "region": form["region"] or None,
            "parties": [p for p in form["parties"] if p["organisation"]],
            "activities": re.split(r"[\s,;]+", form["activities"].strip()) if form["activities"].strip() else []}


def _agreement_form_initial(a) -> dict:
    if a is None:
        return {"reference": "", "kind": "", "title": "", "summary": "", "language": current_language(),
                "region": "", "signed_on": "", "start_date": "", "end_date": "", "activities": "", "frameworks": [],
                "public": True, "parties": []}
    d = funding_services.agreement_to_data(a)
    return {**{k: d[k] or "" for k in ("reference", "kind", "title", "summary", "language", "region", "signed_on",
                                       "start_date", "end_date")},
            "frameworks": d["frameworks"] or [], "public": d["public"],
            "parties": [{"organisation": str(p["organisation"]), "role": p["role"]} for p in d["parties"]],
            "activities": ", ".join(str(i) for i in d["activities"])}


@login_required
def agreement_edit(request, pk: int | None = None):
    a = _agreement_or_404(request, pk) if pk is not None else None
    if a is not None and not permissions.can_agreement_edit(request.user, a.region_id):
        messages.error(request, _("Only BDT administrators, and regional officers for its region, change this "
                                  "agreement."))
        return redirect("web:agreement", pk=a.pk)
    if a is None and not permissions.can_agreement_record(request.user):
        messages.error(request, _("Only BDT administrators and regional officers record agreements."))
        return redirect("web:agreements")
    form, errors = _agreement_form_initial(a), {}
    if request.method == "POST":
        form = _agreement_form_from_post(request.POST)
        try:
            if a is None:
                a = funding_services.agreement_create(actor=request.user, data=_agreement_data(form))
                messages.success(request, _("Agreement %(ref)s recorded as a draft.") % {"ref": a.reference})
            else:
                a = funding_services.agreement_update(actor=request.user, agreement=a, data=_agreement_data(form))
                messages.success(request, _("Changes saved."))
            return redirect("web:agreement", pk=a.pk)
        except ServiceError as exc:
            service_errors(request, exc)
            errors = _field_errors(exc)
    rows = form["parties"] + [{"organisation": "", "role": "party"}] * BLANK_PARTY_ROWS
    rows += [{"organisation": "", "role": "party"}] * max(0, MIN_PARTY_ROWS - len(rows))
    return render(request, "wsis/partners/agreement_edit.html", {
        "a": a, "form": form, "errors": errors, "party_rows": rows, "organisations": _organisations(),
        "kinds": list(codes.AGREEMENT_KINDS.items()), "roles": list(codes.PARTY_ROLES.items()),
        "frameworks": list(codes.FRAMEWORKS.items()), "text_languages": settings.LANGUAGES,
        "regions": _filter_options(current_language())["regions"],
    })


def _flow_form(**over) -> dict:
    form = {"activity": "", "funder": "", "receiver": "", "stage": "commitment", "amount": "", "currency": "",
            "value_date": "", "mechanism": "", "public": True, "agreement": "", "description": ""}
    form.update(over)
    return form


def agreement_detail(request, pk: int):
    a = _agreement_or_404(request, pk)
    lang = current_language()
    viewer = request.user
    parts = funding_selectors.agreement_page(viewer, a, lang)
    linked = parts["activities"]
    return render(request, "wsis/partners/agreement.html", {
        "a": a, **parts,
        "actions": [(x, codes.AGREEMENT_ACTION_LABELS[x]) for x in funding_services.agreement_actions(viewer, a)],
        "past_end": funding_selectors.agreement_past_end(a),
        "can_edit": permissions.can_agreement_edit(viewer, a.region_id),
        "status_labels": codes.AGREEMENT_STATUSES, "role_labels": codes.PARTY_ROLES,
        "framework_labels": codes.FRAMEWORKS, "stage_labels": codes.STAGES, "mechanism_labels": codes.MECHANISMS,
        "flow_form": _flow_form(agreement=a.reference, activity=str(linked[0][0]) if len(linked) == 1 else ""),
        "organisations": _organisations(), "currencies": ref_selectors.currency_choices(language=lang), "stages": list(codes.STAGES.items()),
        "mechanisms": list(codes.MECHANISMS.items()), "today": timezone.localdate().isoformat(),
    })


@login_required
@require_POST
def agreement_transition(request, pk: int):
    a = _agreement_or_404(request, pk)
    try:
        a = funding_services.agreement_transition(actor=request.user, agreement=a, action=request.POST.get("action", ""),
                                          on=request.POST.get("on") or None, comment=request.POST.get("comment", ""))
        messages.success(request, _("The agreement is now %(status)s.") % {"status": a.get_status_display()})
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect("web:agreement", pk=pk)


@login_required
@require_POST
def agreement_document(request, pk: int):
    a = _agreement_or_404(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file."))
        return redirect("web:agreement", pk=pk)
    try:
        doc = funding_services.document_attach(actor=request.user, owner=a, name=upload.name,
                                       content=read_upload(upload, partnership_checks.MAX_DOCUMENT_BYTES, field="file"),
                                       title=request.POST.get("title", "").strip(),
                                       content_type=upload.content_type or "")
        messages.success(request, _("Document %(title)s attached.") % {"title": doc.title})
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect("web:agreement", pk=pk)


def document_download(request, pk: int):
    try:
        doc = funding_selectors.document_get(request.user, pk)
    except NotFound as exc:
        raise Http404(_("No such document.")) from exc
    name = doc.file.name.rsplit("/", 1)[-1]
    return FileResponse(doc.file.open("rb"), as_attachment=True, filename=name,
                        content_type=doc.content_type or "application/octet-stream")


# ---------------------------------------------------------------------------------------------- flows

def flow_list(request):
    download, f, rows, error = _page(funding_lists.FLOWS, request)
    if download:
        return download
    return render(request, "wsis/partners/flows.html", {
        "f": f, "rows": rows, "error": error, "query": _query(request), "stage_labels": codes.STAGES,
        "mechanism_labels": codes.MECHANISMS, **_filter_options(current_language()),
    })


def _flow_form_from_post(post) -> dict:
    return {**{k: (post.get(k) or "").strip() for k in ("activity", "funder", "receiver", "stage", "amount", "currency",
                                                         "value_date", "mechanism", "agreement", "description")},
            "public": bool(post.get("public"))}


def _flow_data(form: dict) -> dict:
    return {"activity": form["activity"], "funder": {"id": int(form["funder"])} if form["funder"].isdigit() else None,
            "receiver": {"id": int(form["receiver"])} if form["receiver"].isdigit() else None,
            "stage": form["stage"], "amount": form["amount"], "currency": form["currency"].upper(),
            "value_date": form["value_date"], "mechanism": form["mechanism"], "public": form["public"],
            "description": form["description"], "agreement": form["agreement"] or None}


@login_required
def flow_new(request):
    form, errors = _flow_form(), {}
    if request.method == "POST":
        form = _flow_form_from_post(request.POST)
        try:
            flow = funding_services.flow_create(actor=request.user, data=_flow_data(form))
            messages.success(request, _("Funding flow recorded: %(stage)s of %(amount)s %(currency)s.") % {
                "stage": flow.get_stage_display(), "amount": f"{flow.amount:,.2f}", "currency": flow.currency})
            return redirect(_next_url(request, reverse("web:activity_funding", args=[flow.activity_id])))
        except ServiceError as exc:
            service_errors(request, exc)
            errors = _field_errors(exc)
    else:
        agreement = None
        if _int(request.GET.get("agreement")):
            try:
                agreement = funding_selectors.agreement_get(request.user, _int(request.GET["agreement"]))
            except NotFound:
                messages.error(request, _("No such agreement."))
        form = _flow_form(activity=request.GET.get("activity", ""),
                          agreement=agreement.reference if agreement else "")
    return render(request, "wsis/partners/flow_new.html", {
        "form": form, "errors": errors, "organisations": _organisations(), "stages": list(codes.STAGES.items()),
        "currencies": ref_selectors.currency_choices(language=current_language(), keep=[form["currency"].upper()]),
        "mechanisms": list(codes.MECHANISMS.items()), "next": _next_url(request, ""),
    })


@login_required
@require_POST
def flow_delete(request, pk: int):
    try:
        flow = funding_selectors.flow_get(pk)
    except NotFound as exc:
        raise Http404(_("No such funding flow.")) from exc
    activity_id = flow.activity_id
    try:
        funding_services.flow_delete(actor=request.user, flow=flow)
        messages.success(request, _("Funding flow deleted."))
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect(_next_url(request, reverse("web:activity_funding", args=[activity_id])))


def activity_funding(request, pk: int):
    try:
        activity = activity_selectors.get_visible(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    data = funding_selectors.activity_funding(request.user, activity)
    rows = funding_selectors.flow_rows(request.user, FlowFilters(activity=activity.pk), language=current_language(),
                                       values=data)
    return render(request, "wsis/partners/activity_funding.html", {
        "activity": activity, "title": activity.title(current_language()), "data": data, "rows": rows,
        "totals": [(s, STAGE_TOTALS[s], data["total"][s]) for s in funding_selectors.STAGES],
        "can_record": permissions.can_flow_record(request.user, activity),
        "stage_labels": codes.STAGES, "mechanism_labels": codes.MECHANISMS,
    })


# ---------------------------------------------------------------------------------------------- rates

def _rate_year(d: dt.date) -> float:
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def _rate_bounds(lo: float, hi: float) -> dict:
    """Y bounds that hold every rate without starting at zero (rates move little), chosen so that the chart's own
    ticks, computed again from these bounds, still reach the highest rate."""
    pad = (hi - lo) * 0.1 or abs(hi) * 0.05 or 1
    bottom, top = max(lo - pad, 0), hi + pad
    for _attempt in range(10):
        ticks = charts.nice_ticks(bottom, top)
        if ticks[-1] >= hi:
            break
        top += ticks[1] - ticks[0] if len(ticks) > 1 else pad
    return {"y_min": ticks[0], "y_max": top}


def rates(request):
    if request.method == "POST":
        return _rates_upload(request)
    download, p, rows, error = _page(funding_lists.RATES, request)
    if download:
        return download
    currency = (p.currency or "").strip().upper()
    # Without a currency the rows are every rate; the table shows the latest of each, the download all of them.
    latest = funding_selectors.latest_rates(rows if not currency else funding_selectors.rate_rows())
    history = rows if currency else []
    chart_svg = None
    if len(history) > 1:
        values = [float(r["per_usd"]) for r in history]
        chart = charts.LineChart([charts.Series(currency, [(_rate_year(dt.date.fromisoformat(r["date"])),
                                                            float(r["per_usd"]), r["date"]) for r in history])],
                                 height=260, x_label=_("Year"), key="chart-rates", rtl=translation.get_language_bidi(),
                                 y_label=_("Units of %(currency)s per US dollar") % {"currency": currency},
                                 **_rate_bounds(min(values), max(values)))
        chart_svg = charts.render(chart, aria_label=_("Units of %(currency)s per US dollar over time; the same "
                                                      "rates are in the table beside.") % {"currency": currency})
    return render(request, "wsis/partners/rates.html", {
        "latest": latest, "currency": currency, "history": history, "chart_svg": chart_svg,
        "error": error, "can_import": permissions.is_bdt_staff(request.user), "query": _query(request),
    })


def _rates_upload(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('web:login')}?next={request.path}")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file."))
        return redirect("web:rates")
    try:
        result = funding_services.rates_import(actor=request.user, rows=money.parse_rates(read_upload(upload), name=upload.name))
        messages.success(request, ngettext("%(rows)d rate read: %(created)d added, %(updated)d changed, "
                                           "%(unchanged)d unchanged.",
                                           "%(rows)d rates read: %(created)d added, %(updated)d changed, "
                                           "%(unchanged)d unchanged.", result["rows"]) % result)
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect("web:rates")


# ---------------------------------------------------------------------------------------------- organisations

def organisation_list(request):
    download, p, rows, error = _page(funding_lists.ORGANISATIONS, request)
    if download:
        return download
    return render(request, "wsis/partners/organisations.html", {
        "rows": rows, "error": error, "q": p.q.strip(), "kind": p.kind, "membership": p.membership,
        "kinds": funding_selectors.ORGANISATION_KINDS,
        "memberships": funding_selectors.ITU_MEMBERSHIPS, "kind_labels": dict(funding_selectors.ORGANISATION_KINDS),
        "membership_labels": dict(funding_selectors.ITU_MEMBERSHIPS), "query": _query(request),
    })


def _organisation_form(org, contacts) -> dict:
    return {"name": org.name, "acronym": org.acronym, "kind": org.kind, "membership": org.membership,
            "website": org.website, "identifier": org.identifier or "",
            "contacts": [{"name": c.name, "position": c.position, "email": c.email, "phone": c.phone}
                         for c in contacts]}


def _organisation_or_404(pk):
    try:
        return funding_selectors.organisation_get(pk)
    except NotFound as exc:
        raise Http404(_("No such organisation.")) from exc


def _organisation_form_from_post(post) -> dict:
    n = min(_int(post.get("contact_rows")) or 0, 50)
    contacts = [{k: (post.get(f"contact-{i}-{k}") or "").strip() for k in ("name", "position", "email", "phone")}
                for i in range(n)]
    return {**{k: (post.get(k) or "").strip() for k in ("name", "acronym", "kind", "membership", "website",
                                                         "identifier")},
            "contacts": [c for c in contacts if any(c.values())]}


def organisation_detail(request, pk: int, form: dict | None = None, errors: dict | None = None):
    org = _organisation_or_404(pk)
    viewer = request.user
    parts = funding_selectors.organisation_page(viewer, org, current_language())
    can_admin = is_bdt_admin(viewer)
    if form is None:
        form = _organisation_form(org, parts["contacts"] if parts["contacts"] is not None
                                  else funding_selectors.organisation_contacts(org))
    contact_rows = form["contacts"] + [{"name": "", "position": "", "email": "", "phone": ""}] * BLANK_CONTACT_ROWS
    return render(request, "wsis/partners/organisation.html", {
        "org": org, **parts,
        "can_admin": can_admin, "form": form, "errors": errors or {}, "contact_rows": contact_rows,
        "kinds": funding_selectors.ORGANISATION_KINDS, "memberships": funding_selectors.ITU_MEMBERSHIPS,
        "others": [o for o in _organisations() if o[0] != org.pk] if can_admin else [],
        "status_labels": codes.AGREEMENT_STATUSES, "stage_labels": codes.STAGES, "mechanism_labels": codes.MECHANISMS,
    })


@login_required
@require_POST
def organisation_edit(request, pk: int):
    org = _organisation_or_404(pk)
    form = _organisation_form_from_post(request.POST)
    try:
        org_services.organisation_update(actor=request.user, organisation=org, data=form)
        messages.success(request, _("Changes saved."))
        return redirect("web:organisation", pk=pk)
    except ServiceError as exc:
        service_errors(request, exc)
        return organisation_detail(request, pk, form=form, errors=_field_errors(exc))


@login_required
@require_POST
def organisation_merge(request, pk: int):
    duplicate = _organisation_or_404(pk)
    try:
        keep = funding_selectors.organisation_get(_int(request.POST.get("keep")))
    except NotFound:
        messages.error(request, _("Choose the organisation to keep."))
        return redirect("web:organisation", pk=pk)
    if not request.POST.get("confirm"):
        messages.error(request, _("Tick the box to confirm that this organisation will be deleted."))
        return redirect("web:organisation", pk=pk)
    name = duplicate.name
    try:
        moved = org_services.organisation_merge(actor=request.user, keep=keep, duplicate=duplicate)
    except ServiceError as exc:
        service_errors(request, exc)
        return redirect("web:organisation", pk=pk)
    n = sum(moved.values())
    detail = "; ".join(f"{k}: {v}" for k, v in sorted(moved.items()))
    messages.success(request, ngettext("%(name)s merged into this organisation: %(n)d link moved.",
                                       "%(name)s merged into this organisation: %(n)d links moved.", n)
                     % {"name": name, "n": n} + (f" ({detail})" if detail else ""))
    return redirect("web:organisation", pk=keep.pk)


urlpatterns: list = [
    path("partnerships/", dashboard, name="partnerships"),
    path("partnerships/agreements/", agreement_list, name="agreements"),
    path("partnerships/agreements/new/", agreement_edit, name="agreement_new"),
    path("partnerships/agreements/<int:pk>/", agreement_detail, name="agreement"),
    path("partnerships/agreements/<int:pk>/edit/", agreement_edit, name="agreement_edit"),
    path("partnerships/agreements/<int:pk>/transition/", agreement_transition, name="agreement_transition"),
    path("partnerships/agreements/<int:pk>/documents/", agreement_document, name="agreement_document"),
    path("partnerships/documents/<int:pk>/", document_download, name="document"),
    path("partnerships/flows/", flow_list, name="flows"),
    path("partnerships/flows/new/", flow_new, name="flow_new"),
    path("partnerships/flows/<int:pk>/delete/", flow_delete, name="flow_delete"),
    path("partnerships/rates/", rates, name="rates"),
    path("partnerships/organisations/", organisation_list, name="organisations"),
    path("partnerships/organisations/<int:pk>/", organisation_detail, name="organisation"),
    path("partnerships/organisations/<int:pk>/edit/", organisation_edit, name="organisation_edit"),
    path("partnerships/organisations/<int:pk>/merge/", organisation_merge, name="organisation_merge"),
    path("partnerships/activities/<int:pk>/funding/", activity_funding, name="activity_funding"),
]
