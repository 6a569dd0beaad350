"""Funding endpoints: dashboard totals, flows (CSV, XLSX, JSON, IATI), exchange rates, agreements, organisations."""

from typing import Literal

from django.http import HttpResponse
from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile

from wsis.accounts.services import organisation_merge as merge_organisations
from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id
from wsis.core.export import download
from wsis.core.i18n import language_param
from wsis.core.lists import list_route
from wsis.core.schemas import ERRORS, READ_ERRORS, Fmt, Lang
from wsis.core.uploads import read_upload
from wsis.partnerships import files
from wsis.partnerships.funding import lists, selectors, services
from wsis.partnerships.funding.lists import FlowParams
from wsis.partnerships.funding.schemas import (
    ActivityFundingOut,
    AgreementIn,
    AgreementOut,
    Created,
    FlowImportOut,
    FlowIn,
    MergeIn,
    MergeOut,
    RateImportOut,
    StepIn,
    SummaryOut,
)
from wsis.partnerships.money import parse_rates
from wsis.stocktaking.selectors import get_visible

router = Router(tags=["partnerships"])


def _money(d: dict) -> dict:
    return {k: str(v) for k, v in d.items()}


def _viewer(request):
    return request.user if request.user.is_authenticated else None


@router.get("/summary", response={200: SummaryOut, **READ_ERRORS},
            summary="Funding totals in US dollars and their breakdowns")
def funding_summary(request, params: Query[FlowParams], lang: Lang = "en", format: Fmt = "json"):
    """Pledged, committed, disbursed and spent, in US dollars, by region, LDC/LLDC/SIDS group, action line,
    ITU role, funder type, mechanism and year. Amounts are converted with the rate of the flow's date or the
    latest earlier one; flows without such a rate are listed in `missing`, never converted with a guess.
    Confidential amounts the caller may not see are left out and counted in `confidential`.
    `/summary/breakdown` gives the same rows as a list, with the total first."""
    from django.utils import translation

    with translation.override(language_param(lang)):
        s = selectors.funding_summary(request.user, params.filters())
        rows = selectors.breakdown_rows(s, total=False, order=selectors.DIMENSIONS)
    if format != "json":
        return download(rows, "funding-summary", format, list(lists.BreakdownRow.model_fields))
    return {"total_usd": _money(s["total"]), "breakdown": rows, "flows": s["flows"], "confidential": s["confidential"],
            "missing": [{**m, "date": m["date"].isoformat()} for m in s["missing"]]}


list_route(router, "/summary/breakdown", lists.BREAKDOWN,
           summary="The dashboard's breakdown rows: the total, then one row per dimension and category",
           description="The rows of the funding dashboard's download: amounts in US dollars at each stage, the "
                       "total first, then by ITU region, action line, development group, year, ITU role, funder type "
                       "and mechanism. Filters as for `/summary`.")


@router.get("/flows", response={200: lists.FLOWS.answer, **READ_ERRORS}, summary="Funding flows")
def flow_list(request, params: Query[FlowParams], lang: Lang = "en",
              format: Literal["json", "csv", "xlsx", "iati"] = "json"):
    """Each flow in its original currency with its US-dollar value and the rate used (units per USD and the
    rate's date). Confidential amounts are blank unless the caller is the funder, the implementer or BDT.
    `format=iati` gives IATI 2.03 XML transactions (public amounts only)."""
    if format == "iati":
        rows = lists.FLOWS.select(_viewer(request), params, language_param(lang))
        resp = HttpResponse(files.iati_export(request.user, rows), content_type="application/xml")
        resp["Content-Disposition"] = 'attachment; filename="funding-flows-iati.xml"'
        return resp
    return lists.FLOWS.respond(_viewer(request), params, language_param(lang), format)


@router.post("/flows", response={201: Created, **ERRORS}, auth=django_auth, summary="Record a funding flow")
def flow_create(request, payload: FlowIn):
    data = payload.dict()
    data["funder"] = {k: v for k, v in data["funder"].items() if v}
    data["receiver"] = {k: v for k, v in (data["receiver"] or {}).items() if v} or None
    flow = services.flow_create(actor=request.user, data=data)
    return Status(201, {"id": flow.pk})


@router.post("/flows/import", response={200: FlowImportOut, **ERRORS}, auth=django_auth,
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
    services.flow_delete(actor=request.user, flow=selectors.flow_get(flow_id))
    return Status(204, None)


@router.get("/activities/{int:activity_id}/funding", response={200: ActivityFundingOut, **READ_ERRORS},
            summary="An activity's pipeline, budget and funding gap")
def activity_funding(request, activity_id: Id):
    """Gap = budget − committed, both in US dollars (the budget at the rate of the activity's start date).
    `gap` is null when a confidential or unconvertible flow makes it unknowable for the caller."""
    activity = get_visible(request.user, activity_id)
    f = selectors.activity_funding(request.user, activity)
    return {"activity": activity.pk, "total_usd": _money(f["total"]),
            "budget_usd": None if f["budget_usd"] is None else str(f["budget_usd"]), "budget_error": f["budget_error"],
            "gap_usd": None if f["gap"] is None else str(f["gap"]), "complete": f["complete"],
            "confidential": f["confidential"]}


list_route(router, "/rates", lists.RATES, summary="Exchange rates (units per US dollar)",
           description="Every rate by currency and date, or one `currency`'s history.")


@router.post("/rates/import", response={200: RateImportOut, **ERRORS}, auth=django_auth,
             summary="Import exchange rates (CSV or XLSX: currency, date, per_usd, source)")
def rate_import(request, file: File[UploadedFile]):
    rows = parse_rates(read_upload(file), name=file.name or "rates.csv")
    return services.rates_import(actor=request.user, rows=rows)


# ---------------------------------------------------------------------------------------------- agreements

list_route(router, "/agreements", lists.AGREEMENTS, summary="Agreements",
           description="The agreements the caller may see; `q` searches reference, title, summary and parties.")


@router.get("/agreements/{int:agreement_id}", response={200: AgreementOut, **READ_ERRORS}, summary="One agreement")
def agreement_detail(request, agreement_id: Id):
    return selectors.agreement_answer(selectors.agreement_get(request.user, agreement_id))


@router.post("/agreements", response={201: AgreementOut, **ERRORS}, auth=django_auth, summary="Record an agreement")
def agreement_create(request, payload: AgreementIn):
    a = services.agreement_create(actor=request.user, data=payload.dict())
    return Status(201, selectors.agreement_answer(a))


@router.put("/agreements/{int:agreement_id}", response={200: AgreementOut, **ERRORS}, auth=django_auth,
            summary="Change an agreement")
def agreement_update(request, agreement_id: Id, payload: AgreementIn):
    a = selectors.agreement_get(request.user, agreement_id)
    return selectors.agreement_answer(services.agreement_update(actor=request.user, agreement=a, data=payload.dict()))


@router.post("/agreements/{int:agreement_id}/transition", response={200: AgreementOut, **ERRORS}, auth=django_auth,
             summary="Sign, bring into force, expire or terminate an agreement")
def agreement_transition(request, agreement_id: Id, payload: StepIn):
    a = selectors.agreement_get(request.user, agreement_id)
    return selectors.agreement_answer(services.agreement_transition(
        actor=request.user, agreement=a, action=payload.action, on=payload.on, comment=payload.comment))


# ---------------------------------------------------------------------------------------------- organisations

list_route(router, "/organisations", lists.ORGANISATIONS, summary="Organisations",
           description="`q` searches name, acronym and identifier.")


@router.post("/organisations/{int:org_id}/merge", response={200: MergeOut, **ERRORS}, auth=django_auth,
             summary="Merge a duplicate organisation into this one, keeping every link")
def organisation_merge(request, org_id: Id, payload: MergeIn):
    keep, duplicate = selectors.organisation_get(org_id), selectors.organisation_get(payload.duplicate)
    return {"kept": keep.pk, "moved": merge_organisations(actor=request.user, keep=keep, duplicate=duplicate)}
