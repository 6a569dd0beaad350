"""Reads of funding data: totals in US dollars, gaps, flows, agreements, organisations."""

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone, translation

from wsis.accounts.models import ItuMembership, Organisation, OrganisationKind, Role
from wsis.accounts.permissions import roles_of
from wsis.core.errors import NotFound
from wsis.partnerships import codes, permissions
from wsis.partnerships.models import (
    Agreement,
    Document,
    ExchangeRate,
    Flow,
)
from wsis.partnerships.money import MissingRate, RateTable
from wsis.reference import models as ref
from wsis.stocktaking.models import Activity, ActivityActionLine, ActivityFacet
from wsis.stocktaking.search import normalise

STAGES = list(codes.STAGES)
# Groups of the development agenda the dashboards break money down by.
DEVELOPMENT_GROUPS = ("LDC", "LLDC", "SIDS")
DIMENSIONS = ("region", "group", "line", "role", "funder_kind", "mechanism", "year")
# The choices of the organisation filters and forms.
ORGANISATION_KINDS = list(OrganisationKind.choices)
ITU_MEMBERSHIPS = list(ItuMembership.choices)
# The order of the dashboard's tables and of its breakdown download.
BREAKDOWN_ORDER = ("region", "line", "group", "year", "role", "funder_kind", "mechanism")


@dataclass
class FlowFilters:
    region: str = ""
    group: str = ""
    line: str = ""
    year: int | None = None
    stage: str = ""
    mechanism: str = ""
    funder_kind: str = ""
    activity: int | None = None
    funder: int | None = None
    agreement: int | None = None
    economy: str = ""  # ISO3: flows of activities concerning the economy (its profile)

    @classmethod
    def from_params(cls, params) -> "FlowFilters":
        return _from_params(cls, params)

    def as_params(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


def _from_params(cls, params):
    """A filter dataclass from request parameters: blanks dropped, integer fields kept only when numeric."""
    out = {}
    for f in fields(cls):
        v = params.get(f.name)
        if v in (None, ""):
            continue
        if "int" in str(f.type):
            if not str(v).isdigit():
                continue
            v = int(v)
        out[f.name] = v
    return cls(**out)


def _viewer_org(viewer):
    return getattr(viewer, "organisation_id", None) if getattr(viewer, "is_authenticated", False) else None


def visible_flows(viewer):
    """Flows whose existence the viewer may know: on published activities, or their own organisation's."""
    qs = Flow.objects.filter(activity__revision_of__isnull=True)
    if permissions.is_bdt_staff(viewer):
        return qs
    org = _viewer_org(viewer)
    cond = Q(activity__state="published")
    if org:
        cond |= Q(activity__lead_organisation_id=org) | Q(funder_id=org) | Q(receiver_id=org)
    return qs.filter(cond)


def _filtered(viewer, f: FlowFilters):
    qs = visible_flows(viewer)
    for facet, value in (("region", f.region), ("group", f.group), ("line", f.line), ("economy", f.economy)):
        if value:
            qs = qs.filter(activity__in=ActivityFacet.objects.filter(facet=facet, code=value).values("activity_id"))
    if f.year:
        qs = qs.filter(value_date__year=f.year)
    for field, value in (("stage", f.stage), ("mechanism", f.mechanism), ("funder__kind", f.funder_kind),
                         ("activity_id", f.activity), ("funder_id", f.funder), ("agreement_id", f.agreement)):
        if value:
            qs = qs.filter(**{field: value})
    return qs


def _may_see(viewer, bdt: bool, org, row) -> bool:
    return row["public"] or bdt or (org is not None and org in (
        row["funder_id"], row["receiver_id"], row["activity__lead_organisation_id"]))


def _activity_dims(activity_ids) -> dict[int, dict[str, set]]:
    dims: dict[int, dict[str, set]] = {a: {"region": set(), "group": set(), "line": set(), "role": set()}
                                       for a in activity_ids}
    for a, facet, code in ActivityFacet.objects.filter(activity_id__in=activity_ids, facet__in=("region", "group")
                                                       ).values_list("activity_id", "facet", "code"):
        if facet == "region" or code in DEVELOPMENT_GROUPS:
            dims[a][facet].add(code)
    # Counted under the primary action line (its main line, C1–C11) and that line's ITU role, so the
    # action-line totals add up to the grand total.
    for a, code, parent, role in ActivityActionLine.objects.filter(activity_id__in=activity_ids, primary=True).values_list(
            "activity_id", "action_line__code", "action_line__parent__code", "action_line__itu_role"):
        dims[a]["line"].add(parent or code)
        dims[a]["role"].add(role)
    return dims


def _known_agreements(viewer, ids) -> set:
    """The agreements among ``ids`` the viewer may open (agreements_visible)."""
    if not ids:
        return set()
    return set(agreements_visible(viewer).filter(pk__in=ids).values_list("pk", flat=True))


def open_activities(viewer, ids) -> set:
    """The activities among ``ids`` the viewer may open (the registry's visibility rule).

    Flows are known to more people than their activity (the funder of a draft, BDT staff), so
    the activity's title and budget are shown only to those who may open the activity itself."""
    from wsis.stocktaking.selectors import visible

    if not ids:
        return set()
    return set(Activity.objects.filter(visible(viewer), pk__in=ids).values_list("pk", flat=True))


def flow_values(viewer, f: FlowFilters | None = None, *, rates: RateTable | None = None) -> dict:
    """Every visible flow with its US-dollar value, or the reason it has none (confidential, no rate)."""
    f = f or FlowFilters()
    rows = list(_filtered(viewer, f).values(
        "id", "activity_id", "stage", "amount", "currency", "value_date", "mechanism", "public", "funder_id",
        "funder__name", "funder__kind", "funder__identifier", "receiver_id", "activity__lead_organisation_id", "description", "reference",
        "agreement_id", "agreement__reference").order_by("value_date", "id"))
    rates = rates or RateTable.load({r["currency"] for r in rows})
    bdt, org = permissions.is_bdt_staff(viewer), _viewer_org(viewer)
    agreements = _known_agreements(viewer, {r["agreement_id"] for r in rows if r["agreement_id"]})
    missing: dict[tuple, int] = {}
    for r in rows:
        if r["agreement_id"] not in agreements:
            # A flow may be public while the agreement it was paid under is not: its reference stays private.
            r["agreement_id"] = r["agreement__reference"] = None
        r["visible"] = _may_see(viewer, bdt, org, r)
        r["usd"] = r["rate"] = r["rate_date"] = None
        if not r["visible"]:
            r["amount"] = None
            continue
        try:
            c = rates.convert(r["amount"], r["currency"], r["value_date"])
            r["usd"], r["rate"], r["rate_date"] = c.usd, c.rate, c.rate_date
        except MissingRate:
            key = (r["currency"], r["value_date"])
            missing[key] = missing.get(key, 0) + 1
    return {"rows": rows, "missing": [{"currency": c, "date": d, "flows": n} for (c, d), n in sorted(missing.items())],
            "confidential": sum(1 for r in rows if not r["visible"])}


def _zero():
    return {s: Decimal(0) for s in STAGES}


def funding_summary(viewer, f: FlowFilters | None = None, *, values: dict | None = None) -> dict:
    """Pipeline totals in US dollars and their breakdowns by every dimension of the dashboards.

    A flow counts in each region and development group its activity concerns, so those rows may add up
    to more than the total; action lines, ITU roles, funder types, mechanisms and years add up to it.
    """
    data = values or flow_values(viewer, f)
    rows = [r for r in data["rows"] if r["usd"] is not None]
    dims = _activity_dims({r["activity_id"] for r in rows})
    total = _zero()
    breakdown = {d: {} for d in DIMENSIONS}
    for r in rows:
        total[r["stage"]] += r["usd"]
        values = {**dims[r["activity_id"]], "funder_kind": {r["funder__kind"]},
                  "mechanism": {r["mechanism"]}, "year": {r["value_date"].year}}
        for dim, keys in values.items():
            for key in keys:
                breakdown[dim].setdefault(key, _zero())[r["stage"]] += r["usd"]
    labels = _labels()
    out = {}
    for dim, table in breakdown.items():
        if dim == "line":
            order = sorted(table, key=lambda c: int(c[1:]) if c[1:].isdigit() else 99)
        elif dim == "year":
            order = sorted(table, reverse=True)
        else:
            order = sorted(table, key=lambda k, t=table: (-t[k]["commitment"] - t[k]["pledge"], str(k)))
        out[dim] = [{"code": k, "label": labels[dim].get(k, str(k)), **table[k]} for k in order]
    return {"total": total, "breakdown": out, "missing": data["missing"], "confidential": data["confidential"],
            "flows": len(data["rows"])}


class Breakdown(list):
    """The breakdown rows of the dashboard's download, carrying the summary and the flow values they came from,
    so that the page renders its totals, charts and gaps from the same single read of the flows."""

    summary: dict
    values: dict


def breakdown_rows(summary: dict, *, total: bool = True, order=BREAKDOWN_ORDER) -> list[dict]:
    """One row per dimension and code (the first, `total`, for the whole pipeline), amounts as strings."""
    rows = [{"dimension": "total", "code": "", "label": "", **{s: str(summary["total"][s]) for s in STAGES}}] if total else []
    for dim in order:
        for r in summary["breakdown"][dim]:
            rows.append({"dimension": dim, "code": "" if r["code"] is None else str(r["code"]), "label": str(r["label"]),
                         **{s: str(r[s]) for s in STAGES}})
    return rows


def funding_breakdown(viewer, f: FlowFilters | None = None, *, language: str = "en") -> Breakdown:
    """The dashboard's breakdown rows in `language`, with .summary and .values for the page."""
    values = flow_values(viewer, f)
    with translation.override(language):
        summary = funding_summary(viewer, f, values=values)
        rows = Breakdown(breakdown_rows(summary))
    rows.summary, rows.values = summary, values
    return rows


def flow_years() -> list[int]:
    """The years some flow is dated in, latest first (the filter's choices)."""
    return [d.year for d in Flow.objects.dates("value_date", "year", order="DESC")]


def flow_get(pk: int) -> Flow:
    flow = Flow.objects.select_related("activity").filter(pk=pk).first()
    if flow is None:
        raise NotFound(f"No funding flow #{pk}.")
    return flow


def _labels() -> dict[str, dict]:
    groups = {g.code: g.text("name") for g in ref.Group.objects.filter(
        Q(kind="itu_region") | Q(code__in=DEVELOPMENT_GROUPS)).prefetch_related("translations")}
    lines = {a.code: f"{a.code} {a.text('name')}" for a in ref.ActionLine.objects.filter(parent__isnull=True)
             .prefetch_related("translations")}
    return {"region": groups, "group": groups, "line": lines, "role": dict(ref.ItuRole.choices),
            "funder_kind": dict(OrganisationKind.choices), "mechanism": dict(codes.MECHANISMS), "year": {}}


def activity_funding(viewer, activity: Activity) -> dict:
    """One activity's pipeline in US dollars, its budget and funding gap (budget − committed)."""
    rates = RateTable.load({activity.budget_currency or "USD", *activity.flows.values_list("currency", flat=True)})
    data = flow_values(viewer, FlowFilters(activity=activity.pk), rates=rates)
    total = _zero()
    for r in data["rows"]:
        if r["usd"] is not None:
            total[r["stage"]] += r["usd"]
    budget_usd, budget_error = None, ""
    if activity.budget_amount is not None and activity.budget_currency:
        # The budget is converted at the activity's start (or, without one, the day it was recorded).
        day = activity.start_date or activity.created_at.date()
        try:
            budget_usd = rates.convert(activity.budget_amount, activity.budget_currency, day).usd
        except MissingRate as exc:
            budget_error = exc.message
    complete = not data["confidential"] and not data["missing"]
    gap = budget_usd - total["commitment"] if budget_usd is not None and complete else None
    return {"rows": data["rows"], "total": total, "budget_usd": budget_usd, "budget_error": budget_error,
            "gap": gap, "complete": complete, "missing": data["missing"], "confidential": data["confidential"]}


def funding_gaps(viewer, f: FlowFilters | None = None, *, limit: int = 20, values: dict | None = None) -> list[dict]:
    """Activities with a budget, their commitments and gap in US dollars, largest gap first.

    `values` (from flow_values with the same viewer and filters) saves reading the flows again."""
    data = values or flow_values(viewer, f)
    committed: dict[int, Decimal] = {}
    hidden: set[int] = set()
    for r in data["rows"]:
        if r["usd"] is None:
            hidden.add(r["activity_id"])
        elif r["stage"] == "commitment":
            committed[r["activity_id"]] = committed.get(r["activity_id"], Decimal(0)) + r["usd"]
    ids = {r["activity_id"] for r in data["rows"]}
    acts = Activity.objects.filter(pk__in=open_activities(viewer, ids), budget_amount__isnull=False).exclude(budget_currency="").prefetch_related(
        "translations")
    rates = RateTable.load({a.budget_currency for a in acts})
    out = []
    for a in acts:
        try:
            budget = rates.convert(a.budget_amount, a.budget_currency, a.start_date or a.created_at.date()).usd
        except MissingRate:
            budget = None
        c = committed.get(a.pk, Decimal(0))
        complete = a.pk not in hidden and budget is not None
        out.append({"activity": a.pk, "title": a.title(), "budget_usd": budget, "committed_usd": c,
                    "gap_usd": budget - c if complete else None, "complete": complete})
    out.sort(key=lambda r: (r["gap_usd"] is None, -(r["gap_usd"] or 0)))
    return out[:limit]


def flow_rows(viewer, f: FlowFilters | None = None, *, language: str = "en", values: dict | None = None) -> list[dict]:
    """The flows of a list or a download: original amount, US dollars and the rate used, or blanks when hidden.

    `values` (from flow_values or activity_funding with the same viewer and filters) saves reading the flows again."""
    data = values or flow_values(viewer, f)
    titles = {a.pk: a.title(language) for a in Activity.objects.filter(
        pk__in=open_activities(viewer, {r["activity_id"] for r in data["rows"]})).prefetch_related("translations")}
    return [{"id": r["id"], "activity": r["activity_id"], "activity_title": titles.get(r["activity_id"], ""),
             "funder": r["funder__name"], "funder_identifier": r["funder__identifier"] or "",
             "funder_kind": r["funder__kind"], "stage": r["stage"],
             "value_date": r["value_date"].isoformat(), "currency": r["currency"],
             "amount": None if r["amount"] is None else str(r["amount"]),
             "usd": None if r["usd"] is None else str(r["usd"]),
             "rate_per_usd": None if r["rate"] is None else str(r["rate"]),
             "rate_date": r["rate_date"].isoformat() if r["rate_date"] else None,
             "mechanism": r["mechanism"], "public": r["public"], "confidential": not r["visible"],
             "agreement": r["agreement__reference"], "reference": r["reference"], "description": r["description"]}
            for r in data["rows"]]


# ---------------------------------------------------------------------------------------------- agreements

def agreements_visible(viewer):
    qs = Agreement.objects.all()
    if permissions.is_bdt_staff(viewer):
        return qs
    cond = Q(public=True) & ~Q(status="draft")
    org = _viewer_org(viewer)
    if org:
        cond |= Q(party_links__organisation_id=org)
    regions = [r.region_id for r in roles_of(viewer) if r.role == Role.REGIONAL_OFFICER and r.region_id]
    if regions:
        cond |= Q(region_id__in=regions)
    return qs.filter(cond).distinct()


def agreement_list(viewer, *, status: str = "", region: str = "", framework: str = "", q: str = ""):
    qs = agreements_visible(viewer).select_related("region").prefetch_related("party_links__organisation")
    if status:
        qs = qs.filter(status=status)
    if region:
        qs = qs.filter(region__code=region)
    rows = list(qs)
    if framework:
        rows = [a for a in rows if framework in (a.frameworks or [])]
    if q:
        needle = normalise(q)
        rows = [a for a in rows if needle in normalise(f"{a.reference} {a.title} {a.summary} " + " ".join(
            p.organisation.name for p in a.party_links.all()))]
    return rows


def agreement_rows(agreements) -> list[dict]:
    """Rows of agreement_list; `party_labels` (acronym or name of each party) is for the page, not the download."""
    return [{"id": a.pk, "reference": a.reference, "kind": a.kind, "title": a.title, "status": a.status,
             "signed_on": a.signed_on.isoformat() if a.signed_on else None,
             "start_date": a.start_date.isoformat() if a.start_date else None,
             "end_date": a.end_date.isoformat() if a.end_date else None,
             "region": a.region.code if a.region_id else None, "frameworks": list(a.frameworks or []),
             "parties": [p.organisation.name for p in a.party_links.all()], "public": a.public,
             "party_labels": [p.organisation.acronym or p.organisation.name for p in a.party_links.all()]}
            for a in agreements]


def agreement_get(viewer, pk: int) -> Agreement:
    a = Agreement.objects.filter(pk=pk).select_related("region").first()
    if a is None or not permissions.can_agreement_view(viewer, a):
        raise NotFound(f"No agreement #{pk}.")
    return a


def agreement_answer(a: Agreement) -> dict:
    """The API's account of an agreement: its fields, parties, activity ids and steps."""
    a = (Agreement.objects.select_related("region").prefetch_related("party_links", "steps", "activities")
         .get(pk=a.pk))
    return {"id": a.pk, "reference": a.reference, "kind": a.kind, "title": a.title, "summary": a.summary,
            "language": a.language, "status": a.status, "signed_on": a.signed_on and a.signed_on.isoformat(),
            "start_date": a.start_date and a.start_date.isoformat(), "end_date": a.end_date and a.end_date.isoformat(),
            "region": a.region.code if a.region_id else None, "frameworks": list(a.frameworks or []),
            "public": a.public,
            "parties": [{"organisation": p.organisation_id, "role": p.role} for p in a.party_links.all()],
            "activities": sorted(x.pk for x in a.activities.all()),
            "steps": [{"from": s.from_status, "to": s.to_status, "on": s.on.isoformat(), "comment": s.comment}
                      for s in a.steps.all()]}


def agreement_page(viewer, a: Agreement, language: str) -> dict:
    """What an agreement's page shows beside the agreement: parties, steps, documents, the activities the viewer may
    open and the flows paid under it."""
    from wsis.stocktaking.selectors import visible

    linked = Activity.objects.filter(visible(viewer), pk__in=a.activities.values("pk")).prefetch_related("translations")
    return {"parties": list(a.party_links.select_related("organisation")),
            "steps": list(a.steps.select_related("actor")), "documents": list(a.documents.all()),
            "activities": [(x.pk, x.title(language)) for x in linked],
            "flows": flow_rows(viewer, FlowFilters(agreement=a.pk), language=language)}


def document_get(viewer, pk: int) -> Document:
    """A document the viewer may download: those of contributions are public, an agreement's only to those who may
    see the agreement."""
    doc = Document.objects.select_related("agreement").filter(pk=pk).first()
    if doc is None or (doc.agreement_id and not permissions.can_agreement_view(viewer, doc.agreement)):
        raise NotFound(f"No document #{pk}.")
    return doc


def agreement_past_end(a: Agreement, today: dt.date | None = None) -> bool:
    """In force on paper but past its end date: the office should record the expiry."""
    today = today or timezone.localdate()
    return a.status == "in_force" and a.end_date is not None and a.end_date < today



# ---------------------------------------------------------------------------------------------- exchange rates

def rate_rows(*, currency: str = "") -> list[dict]:
    """Every exchange rate, or one currency's, by currency and date."""
    qs = ExchangeRate.objects.order_by("currency", "date")
    if currency:
        qs = qs.filter(currency=currency.strip().upper())
    return [{"currency": c, "date": d.isoformat(), "per_usd": str(r), "source": s}
            for c, d, r, s in qs.values_list("currency", "date", "per_usd", "source")]


def latest_rates(rows: list[dict]) -> list[dict]:
    """The latest of each currency's rates among `rows` (rate_rows, ordered by currency and date)."""
    latest: dict[str, dict] = {}
    for r in rows:
        latest[r["currency"]] = r
    return list(latest.values())


# ---------------------------------------------------------------------------------------------- organisations

def organisation_choices() -> list[tuple]:
    """(id, name, acronym) of every organisation by name, for the forms' pickers."""
    return list(Organisation.objects.order_by("name").values_list("pk", "name", "acronym"))


def organisation_get(pk) -> Organisation:
    org = Organisation.objects.select_related("economy", "region").filter(pk=pk).first() if pk else None
    if org is None:
        raise NotFound(f"No organisation #{pk}.")
    return org


def organisation_contacts(org: Organisation) -> list:
    return list(org.contacts.all())


def organisation_page(viewer, org: Organisation, language: str) -> dict:
    """What an organisation's page shows: the agreements and activities the viewer may open, its flows as funder,
    and its contacts (for signed-in users only)."""
    from wsis.stocktaking.selectors import visible

    led = Activity.objects.filter(visible(viewer), lead_organisation=org, revision_of__isnull=True
                                  ).prefetch_related("translations")[:200]
    return {"agreements": list(agreements_visible(viewer).filter(party_links__organisation=org).distinct()),
            "activities": [(a.pk, a.title(language), a.state, a.get_state_display()) for a in led],
            "flows": flow_rows(viewer, FlowFilters(funder=org.pk), language=language),
            "contacts": list(org.contacts.all()) if getattr(viewer, "is_authenticated", False) else None}


def organisation_rows(*, q: str = "", kind: str = "", membership: str = "") -> list[dict]:
    qs = Organisation.objects.select_related("economy", "region")
    if kind:
        qs = qs.filter(kind=kind)
    if membership:
        qs = qs.filter(membership=membership)
    rows = list(qs)
    if q:
        needle = normalise(q)
        rows = [o for o in rows if needle in normalise(f"{o.name} {o.acronym} {o.identifier or ''}")]
    return [{"id": o.pk, "name": o.name, "acronym": o.acronym, "kind": o.kind, "membership": o.membership,
             "identifier": o.identifier, "economy": o.economy.iso3 if o.economy_id else None,
             "region": o.region.code if o.region_id else None, "website": o.website} for o in rows]
