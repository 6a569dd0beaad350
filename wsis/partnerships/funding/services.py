"""Writes to funding data: agreements and their documents, exchange rates, funding flows. Validated whole before anything is written, permission-checked, atomic, audited."""

import datetime as dt
import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wsis.accounts.models import Organisation
from wsis.core import validation as val
from wsis.core.audit import audit
from wsis.core.errors import (
    ErrorCode,
    ErrorItem,
    PermissionDenied,
    ValidationFailed,
)
from wsis.core.workflow import Workflow, step
from wsis.partnerships import codes, permissions
from wsis.partnerships.models import (
    Agreement,
    AgreementParty,
    AgreementStep,
    Document,
    ExchangeRate,
    Flow,
)
from wsis.partnerships.money import MissingRate, RateTable, check_rate, known_currency
from wsis.partnerships.shared import (
    MAX_AMOUNT,
    MAX_DOCUMENT_BYTES,
    Errors,
    _choice,
    _date,
    _fits,
    _int,
    _org_fits,
    _orgs_by_id,
)
from wsis.reference import models as ref
from wsis.stocktaking.models import Activity
from wsis.stocktaking.services import resolve_organisation

# ---------------------------------------------------------------------------------------------- agreements

def _agreement_data(data: dict, *, current: Agreement | None = None) -> tuple[dict, Errors]:
    errors = Errors()
    d = {"reference": str(data.get("reference") or "").strip(), "title": str(data.get("title") or "").strip(),
         "summary": str(data.get("summary") or "").strip(), "language": data.get("language") or "en",
         "public": bool(data.get("public", True))}
    if not d["reference"]:
        errors.add("reference", "a reference is required", "required")
    elif Agreement.objects.filter(reference=d["reference"]).exclude(pk=getattr(current, "pk", None)).exists():
        errors.add("reference", f"an agreement with reference {d['reference']} exists", "duplicate")
    if not d["title"]:
        errors.add("title", "a title is required", "required")
    _fits(Agreement, {f: d[f] for f in ("reference", "title", "summary")}, errors)
    d["kind"] = _choice(data.get("kind"), codes.AGREEMENT_KINDS, "kind", errors)
    _choice(d["language"], dict.fromkeys(settings.LANGUAGE_CODES), "language", errors)
    d["frameworks"] = list(dict.fromkeys(data.get("frameworks") or []))
    for f in d["frameworks"]:
        if f not in codes.FRAMEWORKS:
            errors.add("frameworks", f"unknown framework '{f}'; use one of {', '.join(codes.FRAMEWORKS)}",
                       "unknown_code")
    for f in ("signed_on", "start_date", "end_date"):
        d[f] = _date(data.get(f), f, errors)
    if d["start_date"] and d["end_date"] and d["end_date"] < d["start_date"]:
        errors.add("end_date", "the end comes before the start")
    region = data.get("region") or None
    d["region"] = None
    if region:
        d["region"] = ref.Group.objects.filter(code=region, kind="itu_region").first()
        if d["region"] is None:
            errors.add("region", f"'{region}' is not an ITU region", "unknown_code")
    parties = data.get("parties") or []
    orgs = _orgs_by_id([p.get("organisation") for p in parties], "parties", errors)
    by_id = {o.pk: o for o in orgs}
    d["parties"] = []
    for i, p in enumerate(parties):
        role = p.get("role") or "party"
        if role not in codes.PARTY_ROLES:
            errors.add(f"parties[{i}].role", f"'{role}' is not one of {', '.join(codes.PARTY_ROLES)}", "invalid_choice")
        org = by_id.get(_int(p.get("organisation")))
        if org and all(o.pk != org.pk for o, _r in d["parties"]):
            d["parties"].append((org, role))
    if len(d["parties"]) < 2:
        errors.add("parties", "an agreement has at least two different parties", "required")
    given = list(dict.fromkeys(data.get("activities") or []))
    ids = [i for i in map(val.as_id, given) if i is not None]
    for g in given:
        if val.as_id(g) is None:
            errors.add("activities", f"{g} is not an activity number.", "invalid")
    d["activities"] = list(Activity.objects.filter(pk__in=ids, revision_of__isnull=True))
    missing = [g for g in given if val.as_id(g) is not None and val.as_id(g) not in {a.pk for a in d["activities"]}]
    if missing:
        errors.add("activities", f"unknown activity #{', #'.join(map(str, missing))}", "unknown_code")
    return d, errors


def agreement_to_data(a: Agreement) -> dict:
    return {"reference": a.reference, "kind": a.kind, "title": a.title, "summary": a.summary, "language": a.language,
            "status": a.status, "signed_on": a.signed_on and a.signed_on.isoformat(),
            "start_date": a.start_date and a.start_date.isoformat(), "end_date": a.end_date and a.end_date.isoformat(),
            "region": a.region.code if a.region_id else None, "frameworks": a.frameworks, "public": a.public,
            "parties": [{"organisation": p.organisation_id, "role": p.role} for p in a.party_links.all()],
            "activities": sorted(a.activities.values_list("pk", flat=True))}


def _agreement_apply(a: Agreement, d: dict) -> None:
    for f in ("reference", "kind", "title", "summary", "language", "public", "frameworks", "signed_on", "start_date",
              "end_date", "region"):
        setattr(a, f, d[f])
    a.save()
    a.party_links.all().delete()
    AgreementParty.objects.bulk_create([AgreementParty(agreement=a, organisation=o, role=r) for o, r in d["parties"]])
    a.activities.set(d["activities"])


def agreement_create(*, actor, data: dict, is_demo: bool = False) -> Agreement:
    d, errors = _agreement_data(data)
    if errors:
        raise ValidationFailed(errors)
    if not permissions.can_agreement_edit(actor, getattr(d["region"], "pk", None)):
        raise PermissionDenied("Only BDT administrators, and regional officers for their region, record agreements.")
    with transaction.atomic():
        a = Agreement(created_by=actor if getattr(actor, "pk", None) else None, is_demo=is_demo)
        _agreement_apply(a, d)
        AgreementStep.objects.create(agreement=a, from_status="", to_status="draft", on=timezone.localdate(),
                                     actor=a.created_by)
        audit(actor=actor, verb="agreement.create", target=a, after=agreement_to_data(a))
    return a


def agreement_update(*, actor, agreement: Agreement, data: dict) -> Agreement:
    if not permissions.can_agreement_edit(actor, agreement.region_id):
        raise PermissionDenied("You may not change this agreement.")
    d, errors = _agreement_data(data, current=agreement)
    if errors:
        raise ValidationFailed(errors)
    if not permissions.can_agreement_edit(actor, getattr(d["region"], "pk", None)):
        raise PermissionDenied("You may not move the agreement to a region you do not follow.")
    with transaction.atomic():
        before = agreement_to_data(agreement)
        _agreement_apply(agreement, d)
        audit(actor=actor, verb="agreement.update", target=agreement, before=before, after=agreement_to_data(agreement))
    return agreement


def _may_edit(actor, agreement: Agreement) -> bool:
    return permissions.can_agreement_edit(actor, agreement.region_id)


def _ends_after_start(agreement: Agreement, ctx) -> list[ErrorItem]:
    end = ctx["on"] if ctx["action"] == "terminate" or not agreement.end_date else agreement.end_date
    if agreement.start_date and end < agreement.start_date:
        return [ErrorItem(ErrorCode.INVALID, "the end comes before the entry into force", field="on")]
    return []


def _agreement_change(agreement: Agreement, t, ctx):
    day = ctx["on"]
    agreement.status = t.target
    if t.action == "sign":
        agreement.signed_on = day
    elif t.action == "enter_into_force" and not agreement.start_date:
        agreement.start_date = day
    elif t.action in ("expire", "terminate"):
        agreement.end_date = day if not agreement.end_date or t.action == "terminate" else agreement.end_date
    agreement.save()


def _agreement_record(agreement: Agreement, before, t, actor, ctx):
    AgreementStep.objects.create(agreement=agreement, from_status=before, to_status=t.target, on=ctx["on"],
                                 comment=ctx["comment"], actor=actor if getattr(actor, "pk", None) else None)


# The (from, to) of each action are in codes.AGREEMENT_ACTIONS; who may take them and what is checked, here.
AGREEMENT_WORKFLOW = Workflow(
    "agreement", codes.AGREEMENT_STATUSES,
    [step(action, froms, to, may=_may_edit, denied="You may not change this agreement.",
          checks=_ends_after_start if action in ("expire", "terminate") else None)
     for action, (froms, to) in codes.AGREEMENT_ACTIONS.items()],
    field="status",
    change=_agreement_change,
    record=_agreement_record,
    audit_after=lambda a, before, t, ctx: {"status": t.target, "on": ctx["on"].isoformat()},
    refused=lambda a, action, state, sources: (f"An agreement that is {state} cannot be moved with '{action}'; "
                                               f"it must be {' or '.join(sorted(sources))}."),
    unknown="unknown action '{action}'; use one of {actions}",
)


def agreement_actions(actor, agreement: Agreement) -> list[str]:
    return AGREEMENT_WORKFLOW.available(actor, agreement)


def agreement_transition(*, actor, agreement: Agreement, action: str, on=None, comment: str = "") -> Agreement:
    AGREEMENT_WORKFLOW.check_action(action)
    if not _may_edit(actor, agreement):
        raise PermissionDenied("You may not change this agreement.")
    errors = Errors()
    day = _date(on, "on", errors) or timezone.localdate()
    if errors:
        raise ValidationFailed(errors)
    if day > timezone.localdate():
        raise ValidationFailed([ErrorItem(ErrorCode.INVALID, "the date of a step cannot be in the future", field="on")])
    return AGREEMENT_WORKFLOW.apply(actor=actor, obj=agreement, action=action,
                                    ctx={"action": action, "on": day, "comment": comment})


def document_attach(*, actor, owner, name: str, content: bytes, title: str = "", content_type: str = "") -> Document:
    """Attach a file to an agreement or a contribution."""
    is_agreement = isinstance(owner, Agreement)
    allowed = (permissions.can_agreement_edit(actor, owner.region_id) if is_agreement
               else permissions.can_contribution_edit(actor, owner))
    if not allowed:
        raise PermissionDenied("You may not attach documents here.")
    if not content:
        raise ValidationFailed([ErrorItem("empty", f"the file {name} is empty", field="file")])
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationFailed([ErrorItem("too_large", f"the file {name} has {len(content):,} bytes; the limit is "
                                          f"{MAX_DOCUMENT_BYTES:,}", field="file")])
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)[-120:] or "document"
    with transaction.atomic():
        doc = Document(agreement=owner if is_agreement else None, contribution=None if is_agreement else owner,
                       title=(title or name)[:300], content_type=content_type[:120], size=len(content),
                       sha256=hashlib.sha256(content).hexdigest(),
                       uploaded_by=actor if getattr(actor, "pk", None) else None)
        doc.file.save(safe, ContentFile(content), save=False)
        doc.save()
        audit(actor=actor, verb="document.attach", target=doc, after={"owner": str(owner), "sha256": doc.sha256})
    return doc


# ---------------------------------------------------------------------------------------------- rates

def rates_import(*, actor, rows: list[dict]) -> dict:
    """Add or replace rates (one per currency and day); rows come from money.parse_rates."""
    if not permissions.is_bdt_staff(actor):
        raise PermissionDenied("Only BDT staff import exchange rates.")
    errors = Errors()
    for i, r in enumerate(rows):
        where = r.get("location") or f"row {i + 1}"
        if not known_currency(r.get("currency") or "") or r.get("currency") == "USD":
            errors.add("currency", f"unknown currency code '{r.get('currency')}'", "unknown_currency", where)
        if not isinstance(r.get("date"), dt.date):
            errors.add("date", f"'{r.get('date')}' is not a date (YYYY-MM-DD)", location=where)
        _rate, problems = check_rate(r.get("per_usd"), r.get("source"), where)
        errors += problems
    if errors:
        raise ValidationFailed(errors)
    rows = [{k: r[k] for k in ("currency", "date", "per_usd", "source") if k in r} for r in rows]
    created = updated = 0
    with transaction.atomic():
        existing = {(c, d): (pk, r) for pk, c, d, r in ExchangeRate.objects.filter(
            currency__in={r["currency"] for r in rows}).values_list("pk", "currency", "date", "per_usd")}
        new, changed = [], []
        for r in rows:
            old = existing.get((r["currency"], r["date"]))
            if old is None:
                new.append(ExchangeRate(**r))
            elif old[1] != r["per_usd"]:
                changed.append(ExchangeRate(pk=old[0], **r))
        ExchangeRate.objects.bulk_create(new, batch_size=1000)
        ExchangeRate.objects.bulk_update(changed, ["per_usd", "source"], batch_size=1000)
        created, updated = len(new), len(changed)
        audit(actor=actor, verb="exchange_rate.import", target=("partnerships.exchangerate", "", "exchange rates"),
              after={"rows": len(rows), "created": created, "updated": updated,
                     "currencies": sorted({r["currency"] for r in rows})})
    return {"rows": len(rows), "created": created, "updated": updated, "unchanged": len(rows) - created - updated}


# ---------------------------------------------------------------------------------------------- flows

FLOW_FIELDS = ("activity", "funder", "receiver", "stage", "amount", "currency", "value_date", "mechanism", "public",
               "description", "reference", "agreement")


def _activity_for(value, cache: dict):
    if value in cache:
        return cache[value]
    qs = Activity.objects.filter(revision_of__isnull=True).select_related("lead_organisation")
    if isinstance(value, Activity):
        found = value
    elif str(value).isdigit():
        found = qs.filter(pk=val.as_id(value) or 0).first()
    else:
        found = qs.filter(external_id=str(value)).first() if value else None
    cache[value] = found
    return found


def _existing_org(spec: dict | None, cache: dict):
    """The organisation a spec names, without creating it; None when it would be new."""
    if not spec:
        return None
    key = (spec.get("id"), (spec.get("identifier") or "").strip(), (spec.get("name") or "").strip().casefold())
    if key not in cache:
        org = None
        if spec.get("id"):
            org = Organisation.objects.filter(pk=val.as_id(spec["id"]) or 0).first()
        else:
            ident, name = key[1], (spec.get("name") or "").strip()
            org = Organisation.objects.filter(identifier=ident).first() if ident else None
            if org is not None and name and org.name.casefold() != name.casefold():
                org = None
            if org is None and name:
                org = Organisation.objects.filter(name__iexact=name).order_by("id").first()
        cache[key] = org
    return cache[key]


def _funder_key(spec: dict, cache: dict):
    org = _existing_org(spec, cache)
    return ("org", org.pk) if org else ("new", (spec.get("identifier") or spec.get("name") or "").strip().casefold())


def _clean_flow(location, data, *, actor, rates: RateTable, activities: dict, agreements: dict, orgs: dict,
                errors: Errors):
    def err(field, message, code="invalid"):
        errors.add(field, message, code, location)

    d = {k: data.get(k) for k in FLOW_FIELDS}
    activity = _activity_for(d["activity"], activities)
    if activity is None:
        err("activity", f"unknown activity '{d['activity']}'; record or import it in the registry first" if d["activity"]
            else "required", "unknown_code" if d["activity"] else "required")
    elif not permissions.can_flow_record(actor, activity):
        err("activity", f"you may not record funding for activity #{activity.pk}", "permission_denied")
    d["activity"] = activity
    funder = d["funder"] if isinstance(d["funder"], dict) else ({"id": d["funder"]} if d["funder"] else {})
    _org_fits(funder, "funder", errors, location)
    _org_fits(d["receiver"], "receiver", errors, location)
    if not funder or not (funder.get("id") or (funder.get("name") or "").strip()):
        err("funder", "a funder is required", "required")
    elif funder.get("id") and _existing_org(funder, orgs) is None:
        err("funder", f"unknown organisation #{funder['id']}", "unknown_code")
    d["funder"] = funder
    receiver = d["receiver"] if isinstance(d["receiver"], dict) else ({"id": d["receiver"]} if d["receiver"] else None)
    d["receiver"] = receiver if receiver and (receiver.get("id") or (receiver.get("name") or "").strip()) else None
    _choice(d["stage"], codes.STAGES, "stage", errors, location)
    _choice(d["mechanism"], codes.MECHANISMS, "mechanism", errors, location)
    amount = None
    if d["amount"] in (None, ""):
        err("amount", "required", "required")
    else:
        try:
            raw = d["amount"].replace(",", "") if isinstance(d["amount"], str) else d["amount"]
            amount = val.clean_decimal_for(Flow._meta.get_field("amount"), raw, location=location)
        except ValidationFailed as exc:
            errors.extend(exc.errors)
    if amount is not None:
        if amount <= 0:
            err("amount", f"the amount must be positive, not {amount}; a refund or correction is recorded by "
                          "changing or deleting the flow it corrects")
            amount = None
        elif amount >= MAX_AMOUNT:
            err("amount", f"{amount} is too large (the limit is {MAX_AMOUNT:,.0f})", "out_of_range")
            amount = None
    d["amount"] = amount
    currency = str(d["currency"] or "").strip().upper()
    if not known_currency(currency):
        err("currency", f"unknown currency code '{currency}' (use ISO 4217, e.g. USD, EUR, CHF)" if currency
            else "required", "unknown_currency" if currency else "required")
        currency = None
    d["currency"] = currency
    d["value_date"] = _date(d["value_date"], "value_date", errors, location, required=True)
    if currency and d["value_date"]:
        try:
            rates.rate(currency, d["value_date"])
        except MissingRate as exc:
            err("currency", exc.message, "missing_rate")
    d["public"] = d["public"] is None or d["public"] in (True, "true", "1", 1, "yes", "on")
    d["description"] = str(d["description"] or "").strip()
    d["reference"] = str(d["reference"] or "").strip() or None
    _fits(Flow, {"description": d["description"], "reference": d["reference"]}, errors, location)
    if d["agreement"]:
        ref_ = d["agreement"].reference if isinstance(d["agreement"], Agreement) else str(d["agreement"])
        if ref_ not in agreements:
            agreements[ref_] = Agreement.objects.filter(reference=ref_).first()
        if agreements[ref_] is None:
            err("agreement", f"unknown agreement '{ref_}'", "unknown_code")
        d["agreement"] = agreements[ref_]
    else:
        d["agreement"] = None
    return d


def _check_pipeline(items: list[tuple[str, dict]], rates: RateTable, orgs: dict, errors: Errors) -> None:
    """Flag a funder's disbursements to an activity that exceed its commitments to it.

    Compared in the original currency when all those flows share one, else in US dollars at each flow's date.
    """
    replaced = {(d["activity"].pk, d["reference"]) for _l, d in items if d["reference"]}
    pairs: dict[tuple, list] = {}
    for loc, d in items:
        pairs.setdefault((d["activity"].pk, _funder_key(d["funder"], orgs)), []).append((loc, d))
    # The flows already stored for these activities, read once; the rates must cover their currencies too.
    stored: dict[tuple, list] = {}
    for f in Flow.objects.filter(activity__in={a for a, _k in pairs}).values(
            "activity_id", "funder_id", "reference", "stage", "amount", "currency", "value_date"):
        if (f["activity_id"], f["reference"]) not in replaced:
            stored.setdefault((f["activity_id"], ("org", f["funder_id"])), []).append((None, f))
    missing = {f["currency"] for fs in stored.values() for _n, f in fs} - {d["currency"] for _l, d in items}
    if missing:
        rates = RateTable.load(missing | {d["currency"] for _l, d in items})
    for key, batch in pairs.items():
        flows = stored.get(key, []) + batch
        same = len({d["currency"] for _l, d in flows}) == 1

        def value(d, same=same):
            return d["amount"] if same else rates.convert(d["amount"], d["currency"], d["value_date"]).usd

        committed = sum((value(d) for _l, d in flows if d["stage"] == "commitment"), Decimal(0))
        disbursed = Decimal(0)
        for loc, d in sorted(flows, key=lambda x: (x[1]["value_date"], x[0] is not None)):
            if d["stage"] != "disbursement":
                continue
            disbursed += value(d)
            if loc is not None and disbursed > committed:
                unit = flows[0][1]["currency"] if same else "USD"
                errors.add("amount", f"disbursements to this activity by this funder ({disbursed:,.2f} {unit}) would "
                                     f"exceed its commitments ({committed:,.2f} {unit}); record the commitment first",
                           "disbursement_exceeds_commitment", loc)
                break


def flows_record(*, actor, items: list[tuple[str, dict]], is_demo: bool = False, accept_overruns: bool = False
                 ) -> dict:
    """Record funding flows: every item is checked first, then all are written, or none.

    An item whose `reference` matches a flow of the same activity replaces it, so re-importing a file
    changes nothing twice. Disbursements beyond the funder's commitments are an error, unless
    `accept_overruns` (for a publisher's file that holds only part of an activity's history): then they
    are written and returned as `flags`.
    """
    if not items:
        raise ValidationFailed([ErrorItem("empty", "no funding flows to record")])
    errors = Errors()
    rates = RateTable.load({str(d.get("currency") or "").upper() for _l, d in items})
    activities, agreements, orgs = {}, {}, {}
    cleaned = [(loc, _clean_flow(loc, data, actor=actor, rates=rates, activities=activities, agreements=agreements,
                                 orgs=orgs, errors=errors)) for loc, data in items]
    seen = {}
    for loc, d in cleaned:
        if d["reference"] and d["activity"] is not None:
            key = (d["activity"].pk, d["reference"])
            if key in seen:
                errors.add("reference", f"reference {d['reference']} is also at {seen[key]}", "duplicate", loc)
            seen[key] = loc
    if errors:
        raise ValidationFailed(errors)
    overruns = Errors()
    _check_pipeline(cleaned, rates, orgs, overruns)
    if overruns and not accept_overruns:
        raise ValidationFailed(overruns)
    created = updated = 0
    touched = []
    with transaction.atomic():
        orgs = {}
        for _loc, d in cleaned:
            funder = resolve_organisation(d["funder"], orgs)
            receiver = resolve_organisation(d["receiver"], orgs) if d["receiver"] else None
            values = {"funder": funder, "receiver": receiver, "stage": d["stage"], "amount": d["amount"],
                      "currency": d["currency"], "value_date": d["value_date"], "mechanism": d["mechanism"],
                      "public": d["public"], "description": d["description"], "agreement": d["agreement"]}
            flow = Flow.objects.filter(activity=d["activity"], reference=d["reference"]).first() if d["reference"] else None
            if flow is None:
                flow = Flow.objects.create(activity=d["activity"], reference=d["reference"], is_demo=is_demo,
                                           created_by=actor if getattr(actor, "pk", None) else None, **values)
                created += 1
            else:
                for k, v in values.items():
                    setattr(flow, k, v)
                flow.save()
                updated += 1
            touched.append(flow.pk)
        audit(actor=actor, verb="flow.record", target=("partnerships.flow", "", "funding flows"),
              after={"created": created, "updated": updated, "flows": touched[:500], "flags": len(overruns)})
    return {"created": created, "updated": updated, "flows": touched, "flags": [e.as_dict() for e in overruns]}


def flow_create(*, actor, data: dict) -> Flow:
    result = flows_record(actor=actor, items=[("form", data)])
    return Flow.objects.get(pk=result["flows"][0])


def flow_delete(*, actor, flow: Flow) -> None:
    if not permissions.can_flow_record(actor, flow.activity):
        raise PermissionDenied("You may not change the funding of this activity.")
    with transaction.atomic():
        audit(actor=actor, verb="flow.delete", target=flow,
              before={"activity": flow.activity_id, "stage": flow.stage, "amount": str(flow.amount),
                      "currency": flow.currency, "value_date": flow.value_date.isoformat()})
        flow.delete()


