"""Funding endpoints: dashboard totals, flows (CSV, XLSX, JSON, IATI), exchange rates, agreements, organisations."""

import datetime as dt
from typing import Literal

from django.http import HttpResponse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from wsis.accounts.models import Organisation
from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id, Year
from wsis.core.errors import NotFound
from wsis.core.export import download
from wsis.core.i18n import language_param
from wsis.core.uploads import read_upload
from wsis.partnerships import files
from wsis.partnerships.funding import selectors, services
from wsis.partnerships.models import ExchangeRate, Flow
from wsis.partnerships.money import parse_rates
from wsis.reference.api import ErrorEnvelope
from wsis.stocktaking.selectors import get_visible

router = Router(tags=["partnerships"])
ERRORS = {400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope,
          422: ErrorEnvelope}
Fmt = Literal["json", "csv", "xlsx"]
Lang = Literal["ar", "zh-hans", "en", "fr", "ru", "es", "zh", "zh-Hans"]


class FlowParams(Schema):
    region: str = ""
    group: str = ""
    line: str = ""
    year: Year | None = None
    stage: str = ""
    mechanism: str = ""
    funder_kind: str = ""
    activity: Id | None = None
    funder: Id | None = None
    agreement: Id | None = None


def _filters(p: FlowParams) -> selectors.FlowFilters:
    return selectors.FlowFilters(**p.dict())


def _money(d: dict) -> dict:
    return {k: str(v) for k, v in d.items()}


class OrgIn(Schema):
    id: Id | None = None
    name: str = ""
    identifier: str = ""
    kind: str = ""


class FlowIn(Schema):
    activity: str
    funder: OrgIn
    receiver: OrgIn | None = None
    stage: str
    amount: str
    currency: str
    value_date: str
    mechanism: str
    public: bool = True
    description: str = ""
    reference: str | None = None
    agreement: str | None = None


@router.get("/summary", response={200: dict, **ERRORS}, summary="Funding totals in US dollars and their breakdowns")
def funding_summary(request, params: Query[FlowParams], lang: Lang = "en", format: Fmt = "json"):
    """Pledged, committed, disbursed and spent, in US dollars, by region, LDC/LLDC/SIDS group, action line,
    ITU role, funder type, mechanism and year. Amounts are converted with the rate of the flow's date or the
    latest earlier one; flows without such a rate are listed in `missing`, never converted with a guess.
    Confidential amounts the caller may not see are left out and counted in `confidential`."""
    from django.utils import translation

    with translation.override(language_param(lang)):
        s = selectors.funding_summary(request.user, _filters(params))
        rows = [{"dimension": dim, "code": str(r["code"]), "label": str(r["label"]),
                 **{st: str(r[st]) for st in selectors.STAGES}} for dim, rs in s["breakdown"].items() for r in rs]
    if format != "json":
        return download(rows, "funding-summary", format)
    return {"total_usd": _money(s["total"]), "breakdown": rows, "flows": s["flows"], "confidential": s["confidential"],
            "missing": [{**m, "date": m["date"].isoformat()} for m in s["missing"]]}


@router.get("/flows", response={200: dict, **ERRORS}, summary="Funding flows")
def flow_list(request, params: Query[FlowParams], format: Literal["json", "csv", "xlsx", "iati"] = "json"):
    """Each flow in its original currency with its US-dollar value and the rate used (units per USD and the
    rate's date). Confidential amounts are blank unless the caller is the funder, the implementer or BDT.
    `format=iati` gives IATI 2.03 XML transactions (public amounts only)."""
    rows = selectors.flow_rows(request.user, _filters(params))
    if format == "iati":
        resp = HttpResponse(files.iati_export(request.user, rows), content_type="application/xml")
        resp["Content-Disposition"] = 'attachment; filename="funding-flows-iati.xml"'
        return resp
    if format != "json":
        return download(rows, "funding-flows", format)
    return {"count": len(rows), "results": rows}


@router.post("/flows", response={201: dict, **ERRORS}, auth=django_auth, summary="Record a funding flow")
def flow_create(request, payload: FlowIn):
    data = payload.dict()
    data["funder"] = {k: v for k, v in data["funder"].items() if v}
    data["receiver"] = {k: v for k, v in (data["receiver"] or {}).items() if v} or None
    flow = services.flow_create(actor=request.user, data=data)
    return Status(201, {"id": flow.pk})


@router.post("/flows/import", response={200: dict, **ERRORS}, auth=django_auth,
             summary="Import funding flows (CSV, XLSX or IATI XML)")
def flow_import(request, file: File[UploadedFile], mechanism: Form[str] = "", accept_overruns: Form[bool] = False):
    """All rows are checked first; any error rejects the whole file and names its row and field.
    IATI transactions without a mechanism take `mechanism`. Disbursements beyond the commitments on record
    reject the file unless `accept_overruns`; then they are listed in `flags`."""
    items, notes = files.read_upload(file, default_mechanism=mechanism)
    result = services.flows_record(actor=request.user, items=items, accept_overruns=accept_overruns)
    return {"created": result["created"], "updated": result["updated"], "notes": dict(notes),
            "flags": result["flags"]}


@router.delete("/flows/{int:flow_id}", response={204: None, **ERRORS}, auth=django_auth, summary="Delete a flow")
def flow_delete(request, flow_id: Id):
    flow = Flow.objects.select_related("activity").filter(pk=flow_id).first()
    if flow is None:
        raise NotFound(f"No funding flow #{flow_id}.")
    services.flow_delete(actor=request.user, flow=flow)
    return Status(204, None)


@router.get("/activities/{int:activity_id}/funding", response={200: dict, **ERRORS},
            summary="An activity's pipeline, budget and funding gap")
def activity_funding(request, activity_id: Id):
    """Gap = budget − committed, both in US dollars (the budget at the rate of the activity's start date).
    `gap` is null when a confidential or unconvertible flow makes it unknowable for the caller."""
    activity = get_visible(request.user, activity_id)
    f = selectors.activity_funding(request.user, activity)
    return {"activity": activity.pk, "total_usd": _money(f["total"]),
            "budget_usd": f["budget_usd"] and str(f["budget_usd"]), "budget_error": f["budget_error"],
            "gap_usd": None if f["gap"] is None else str(f["gap"]), "complete": f["complete"],
            "confidential": f["confidential"]}


@router.get("/rates", response={200: dict, **ERRORS}, summary="Exchange rates (units per US dollar)")
def rate_list(request, currency: str = "", format: Fmt = "json"):
    qs = ExchangeRate.objects.all()
    if currency:
        qs = qs.filter(currency=currency.upper())
    rows = [{"currency": c, "date": d.isoformat(), "per_usd": str(r), "source": s}
            for c, d, r, s in qs.values_list("currency", "date", "per_usd", "source")]
    if format != "json":
        return download(rows, "exchange-rates", format)
    return {"count": len(rows), "results": rows}


@router.post("/rates/import", response={200: dict, **ERRORS}, auth=django_auth,
             summary="Import exchange rates (CSV or XLSX: currency, date, per_usd, source)")
def rate_import(request, file: File[UploadedFile]):
    rows = parse_rates(read_upload(file), name=file.name or "rates.csv")
    return services.rates_import(actor=request.user, rows=rows)


# ---------------------------------------------------------------------------------------------- agreements

class PartyIn(Schema):
    organisation: Id
    role: str = "party"


class AgreementIn(Schema):
    reference: str
    kind: str
    title: str
    summary: str = ""
    language: str = "en"
    region: str | None = None
    frameworks: list[str] = []
    public: bool = True
    parties: list[PartyIn]
    activities: list[int] = []
    signed_on: str | None = None
    start_date: str | None = None
    end_date: str | None = None


class StepIn(Schema):
    action: str
    on: dt.date | None = None
    comment: str = ""


def _agreement_out(a) -> dict:
    return {"id": a.pk, **services.agreement_to_data(a),
            "steps": [{"from": s.from_status, "to": s.to_status, "on": s.on.isoformat(), "comment": s.comment}
                      for s in a.steps.all()]}


@router.get("/agreements", response={200: dict, **ERRORS}, summary="Agreements")
def agreement_list(request, status: str = "", region: str = "", framework: str = "", q: str = "",
                   format: Fmt = "json"):
    rows = selectors.agreement_rows(selectors.agreement_list(request.user, status=status, region=region,
                                                             framework=framework, q=q))
    if format != "json":
        return download(rows, "agreements", format)
    return {"count": len(rows), "results": rows}


@router.get("/agreements/{int:agreement_id}", response={200: dict, **ERRORS}, summary="One agreement")
def agreement_detail(request, agreement_id: Id):
    return _agreement_out(selectors.agreement_get(request.user, agreement_id))


@router.post("/agreements", response={201: dict, **ERRORS}, auth=django_auth, summary="Record an agreement")
def agreement_create(request, payload: AgreementIn):
    a = services.agreement_create(actor=request.user, data=payload.dict())
    return Status(201, _agreement_out(a))


@router.put("/agreements/{int:agreement_id}", response={200: dict, **ERRORS}, auth=django_auth,
            summary="Change an agreement")
def agreement_update(request, agreement_id: Id, payload: AgreementIn):
    a = selectors.agreement_get(request.user, agreement_id)
    return _agreement_out(services.agreement_update(actor=request.user, agreement=a, data=payload.dict()))


@router.post("/agreements/{int:agreement_id}/transition", response={200: dict, **ERRORS}, auth=django_auth,
             summary="Sign, bring into force, expire or terminate an agreement")
def agreement_transition(request, agreement_id: Id, payload: StepIn):
    a = selectors.agreement_get(request.user, agreement_id)
    return _agreement_out(services.agreement_transition(actor=request.user, agreement=a, action=payload.action,
                                                        on=payload.on, comment=payload.comment))



# ---------------------------------------------------------------------------------------------- organisations

class MergeIn(Schema):
    duplicate: Id


@router.get("/organisations", response={200: dict, **ERRORS}, summary="Organisations")
def organisation_list(request, q: str = "", kind: str = "", membership: str = "", format: Fmt = "json"):
    rows = selectors.organisation_rows(q=q, kind=kind, membership=membership)
    if format != "json":
        return download(rows, "organisations", format)
    return {"count": len(rows), "results": rows}


@router.post("/organisations/{int:org_id}/merge", response={200: dict, **ERRORS}, auth=django_auth,
             summary="Merge a duplicate organisation into this one, keeping every link")
def organisation_merge(request, org_id: Id, payload: MergeIn):
    from wsis.accounts.services import organisation_merge as merge

    keep = Organisation.objects.filter(pk=org_id).first()
    duplicate = Organisation.objects.filter(pk=payload.duplicate).first()
    if keep is None or duplicate is None:
        raise NotFound("No such organisation.")
    return {"kept": keep.pk, "moved": merge(actor=request.user, keep=keep, duplicate=duplicate)}

