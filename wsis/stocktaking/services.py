"""Writes to the registry: validated against the reference data, permission-checked, atomic, audited."""

import datetime as dt
import re
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from wsis.accounts.models import Organisation
from wsis.core import validation as val
from wsis.core.audit import audit
from wsis.core.errors import (
    ErrorCode,
    ErrorItem,
    InvalidTransition,
    PermissionDenied,
    Problems,
    ServiceError,
    ValidationFailed,
    problem_count,
)
from wsis.core.workflow import Workflow, step
from wsis.reference import models as ref
from wsis.reference.selectors import code_key, is_currency
from wsis.stocktaking import permissions, schema
from wsis.stocktaking.models import (
    Activity,
    ActivityActionLine,
    ActivityFacet,
    ActivitySearch,
    ActivityTranslation,
    ActivityVersion,
    Beneficiary,
    Participant,
    Transition,
)
from wsis.stocktaking.search import backend, body_text, normalise

# From this many written activities on, an import refreshes the planner's statistics.
BULK = 50
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CENT = Decimal("0.01")
CURRENCY = re.compile(r"^[A-Z]{3}$")
EMPTY = {
    "external_id": None, "kind": "", "original_language": "en", "texts": {}, "lead_organisation": {},
    "partners": [], "scope": "", "economies": [], "groups": [], "action_lines": [], "sdg_targets": [],
    "matrix_justification": "", "strategic_targets": [], "priority": "", "status": "", "start_date": None,
    "end_date": None, "beneficiary_groups": [], "budget_amount": None, "budget_currency": "", "links": [],
    "contact_name": "", "contact_email": "",
}


class Lookups:
    """Reference codes loaded once per validation run, so a 1,000-row import costs a few queries."""

    def __init__(self):
        self.economies = dict(ref.Economy.objects.values_list("iso3", "id"))
        self.groups = dict(ref.Group.objects.values_list("code", "id"))
        self.lines = dict(ref.ActionLine.objects.values_list("code", "id"))
        self.targets = dict(ref.SdgTarget.objects.values_list("code", "id"))
        self.strategic = dict(ref.StrategicTarget.objects.values_list("code", "id"))


def _date(value, field, location, errors):
    try:
        return val.clean_date(value, field, location=location or None)
    except ValidationFailed as exc:
        errors += exc.errors
        return None


def validate_data(data: dict, *, location: str = "", lookups: Lookups | None = None) -> tuple[dict, list[ErrorItem]]:
    """Check one ActivityData against the codes and rules; return it normalised, and every problem found."""
    lk = lookups or Lookups()
    errors: list[ErrorItem] = []
    d = {**EMPTY, **{k: v for k, v in data.items() if k in EMPTY}}

    def err(field, message, code="invalid"):
        errors.append(ErrorItem(code, message, field=field, location=location or None))

    for field, allowed in (("kind", schema.KINDS), ("scope", schema.SCOPES), ("status", schema.STATUSES)):
        if d[field] not in allowed:
            err(field, f"'{d[field]}' is not one of {', '.join(allowed)}" if d[field] else "required", "invalid_choice")
    if d["priority"] and d["priority"] not in schema.PRIORITIES:
        err("priority", f"'{d['priority']}' is not one of {', '.join(schema.PRIORITIES)}", "invalid_choice")
    if d["original_language"] not in schema.LANGUAGES:
        err("original_language", f"'{d['original_language']}' is not one of {', '.join(schema.LANGUAGES)}", "invalid_choice")
    texts = {}
    for lang, fields in (d["texts"] or {}).items():
        if lang not in schema.LANGUAGES:
            err(f"texts.{lang}", f"unknown language '{lang}'", "invalid_choice")
            continue
        clean = {f: str(fields.get(f) or "").strip() for f in schema.TEXT_FIELDS}
        if any(clean.values()):
            if not clean["title"]:
                err(f"texts.{lang}.title", "a text in this language needs a title", "required")
            errors.extend(val.model_errors(ActivityTranslation, clean, location=location or None,
                                           prefix=f"texts.{lang}."))
            texts[lang] = clean
    d["texts"] = texts
    if d["original_language"] in schema.LANGUAGES and not texts.get(d["original_language"], {}).get("title"):
        err(f"texts.{d['original_language']}.title", "a title in the original language is required", "required")
    lead = d["lead_organisation"] or {}
    if not (lead.get("name") or "").strip() and not lead.get("id"):
        err("lead_organisation", "a lead organisation is required", "required")
    for prefix, org in [("lead_organisation.", lead)] + [(f"partners[{i}].", p) for i, p in enumerate(d["partners"])]:
        if org.get("id") not in (None, ""):
            if val.as_id(org["id"]) is None:
                err(prefix.rstrip("."), f"'{org['id']}' is not an organisation id")
            elif not Organisation.objects.filter(pk=val.as_id(org["id"])).exists():
                err(prefix.rstrip("."), f"unknown organisation #{org['id']}", "unknown_code")
        errors.extend(val.model_errors(Organisation, {k: str(org.get(k) or "").strip() for k in ("name", "identifier")},
                                       location=location or None, prefix=prefix))
    errors.extend(val.model_errors(Activity, {k: d[k] for k in ("external_id", "matrix_justification", "contact_name",
                                                                "contact_email", "budget_currency")},
                                   location=location or None))
    for i, p in enumerate(d["partners"]):
        if not (p.get("name") or "").strip() and not p.get("id"):
            err(f"partners[{i}]", "a partner needs a name", "required")
        if p.get("role", "implementing") not in schema.PARTNER_ROLES:
            err(f"partners[{i}].role", f"'{p.get('role')}' is not one of {', '.join(schema.PARTNER_ROLES)}", "invalid_choice")
    for field, known, what in (("economies", lk.economies, "economy"), ("groups", lk.groups, "region or group"),
                               ("action_lines", lk.lines, "action line"), ("sdg_targets", lk.targets, "SDG target"),
                               ("strategic_targets", lk.strategic, "strategic target")):
        values = list(dict.fromkeys(d[field] or []))
        for v in values:
            if v not in known:
                err(field, f"unknown {what} '{v}'", "unknown_code")
        d[field] = values
    for b in d["beneficiary_groups"]:
        if b not in schema.BENEFICIARIES:
            err("beneficiary_groups", f"unknown beneficiary group '{b}'", "unknown_code")
    d["beneficiary_groups"] = list(dict.fromkeys(d["beneficiary_groups"]))
    d["start_date"] = _date(d["start_date"], "start_date", location, errors)
    d["end_date"] = _date(d["end_date"], "end_date", location, errors)
    if d["start_date"] and d["end_date"] and d["end_date"] < d["start_date"]:
        err("end_date", "the end date is before the start date")
    if d["budget_amount"] not in (None, ""):
        try:
            d["budget_amount"] = val.clean_decimal_for(Activity._meta.get_field("budget_amount"), d["budget_amount"],
                                                       location=location or None, min_value=0
                                                       ).quantize(CENT)
        except ValidationFailed as exc:
            errors.extend(exc.errors)
        if not CURRENCY.match(d["budget_currency"] or ""):
            err("budget_currency", "an amount needs an ISO 4217 currency code such as USD", "required")
        elif not is_currency(d["budget_currency"]):
            err("budget_currency", f"'{d['budget_currency']}' is not a current ISO 4217 currency code",
                "unknown_currency")
    else:
        d["budget_amount"] = None
    if d["contact_email"] and not EMAIL.match(d["contact_email"]):
        err("contact_email", f"'{d['contact_email']}' is not an e-mail address")
    for link in d["links"]:
        if not isinstance(link, str) or not re.match(r"^https?://\S+$", link) or val.text_problem(link, max_length=2000):
            err("links", f"'{link}' is not a web address (http:// or https://)")
    return d, errors


def checks(activity: Activity, *, today: dt.date | None = None) -> list[dict]:
    """Automatic checks shown to author and reviewer; level 'error' blocks submission and publication."""
    today = today or timezone.localdate()
    out = []

    def add(code, level, message, field=""):
        out.append({"code": code, "level": level, "message": message, "field": field})

    lines = list(activity.action_line_links.select_related("action_line"))
    targets = list(activity.sdg_targets.values_list("code", flat=True))
    if not activity.translations.filter(language=activity.original_language).exclude(title="").exists():
        add("title", "error", "A title in the original language is required.", "texts")
    if not lines:
        add("action_line", "error", "Choose at least one WSIS action line (the first is the primary one).", "action_lines")
    if not targets:
        add("sdg_target", "error", "Tag at least one SDG target.", "sdg_targets")
    if lines and targets:
        suggested = set(_matrix_targets([link.action_line.code for link in lines]))
        outside = sorted(set(targets) - suggested)
        if outside and not activity.matrix_justification.strip():
            add("matrix", "error", "Targets outside the WSIS–SDG matrix for the chosen action lines need a written "
                f"justification: {', '.join(outside)}.", "matrix_justification")
    s, e = activity.start_date, activity.end_date
    if activity.status == "completed" and not (e and e <= today):
        add("dates", "error", "A completed activity needs an end date that is not in the future.", "end_date")
    if activity.status == "ongoing" and not (s and s <= today):
        add("dates", "error", "An ongoing activity needs a start date that is not in the future.", "start_date")
    if activity.status == "ongoing" and e and e < today:
        add("dates", "error", "An ongoing activity cannot have ended; mark it completed or change the end date.", "end_date")
    if activity.status == "planned" and s and s < today:
        add("dates", "warning", "A planned activity whose start date has passed: is it ongoing?", "status")
    if activity.kind in schema.PARTNERSHIP_KINDS and not activity.participants.exclude(role="lead").exists():
        add("partners", "error", "Name at least one partner for a project, programme or regional initiative.", "partners")
    if activity.scope == "national" and activity.economies.count() != 1:
        add("scope", "error", "A national activity concerns exactly one economy.", "economies")
    if activity.scope in ("regional", "inter_regional") and not (activity.economies.exists() or activity.groups.exists()):
        add("scope", "error", "Name the economies, regions or groups a regional activity covers.", "economies")
    if not activity.beneficiary_groups_list():
        add("beneficiaries", "warning", "No beneficiary group is named (non-exclusion principle).", "beneficiary_groups")
    if not activity.translations.filter(language=activity.original_language).exclude(summary="").exists():
        add("summary", "warning", "A short summary helps the public find the activity.", "texts")
    return out


def _matrix_targets(line_codes: list[str]) -> list[str]:
    codes = set(line_codes) | {c.split(".")[0] for c in line_codes}
    return list(ref.MatrixTarget.objects.filter(action_line__code__in=codes).values_list("target__code", flat=True))


def resolve_organisation(spec: dict, cache: dict) -> Organisation:
    """Find an organisation by identifier and name, or create it.

    Published files sometimes give one identifier to several organisations (e.g. a generic code);
    an identifier only matches when the names agree, otherwise the name decides.
    """
    if spec.get("id"):
        return Organisation.objects.get(pk=spec["id"])
    ident = (spec.get("identifier") or "").strip() or None
    name = (spec.get("name") or "").strip()
    key = (ident, name.casefold())
    if key in cache:
        return cache[key]
    org, ident_taken = None, False
    if ident:
        org = Organisation.objects.filter(identifier=ident).first()
        if org is not None and name and org.name.casefold() != name.casefold():
            org, ident_taken = None, True
    if org is None and name:
        org = Organisation.objects.filter(name__iexact=name).order_by("id").first()
    if org is None:
        kind = spec.get("kind") if spec.get("kind") in schema.ORGANISATION_KINDS else "international_org"
        org = Organisation.objects.create(name=(name or ident)[:300], kind=kind,
                                          identifier=None if ident_taken else ident)
    elif ident and not ident_taken and not org.identifier:
        org.identifier = ident
        org.save(update_fields=["identifier"])
    cache[key] = org
    return org


def _apply(activity: Activity, d: dict, lk: Lookups, org_cache: dict) -> None:
    """Write a validated ActivityData onto an activity row and its related rows."""
    activity.external_id = d["external_id"] or None
    for f in ("kind", "original_language", "scope", "status", "priority", "matrix_justification", "contact_name",
              "contact_email"):
        setattr(activity, f, d[f] or "")
    activity.start_date, activity.end_date, activity.links = d["start_date"], d["end_date"], d["links"] or []
    activity.budget_amount = d["budget_amount"]
    activity.budget_currency = d["budget_currency"] if d["budget_amount"] is not None else ""
    activity.lead_organisation = resolve_organisation(d["lead_organisation"], org_cache)
    activity.save()
    activity.translations.exclude(language__in=list(d["texts"])).delete()
    for lang, fields in d["texts"].items():
        ActivityTranslation.objects.update_or_create(
            activity=activity, language=lang,
            defaults={**fields, "verified": lang == d["original_language"] or fields.get("verified", True)})
    activity.economies.set([lk.economies[c] for c in d["economies"]])
    activity.groups.set([lk.groups[c] for c in d["groups"]])
    activity.sdg_targets.set([lk.targets[c] for c in d["sdg_targets"]])
    activity.strategic_targets.set([lk.strategic[c] for c in d["strategic_targets"]])
    activity.action_line_links.all().delete()
    ActivityActionLine.objects.bulk_create([
        ActivityActionLine(activity=activity, action_line_id=lk.lines[c], primary=(i == 0), order=i)
        for i, c in enumerate(d["action_lines"])])
    activity.participants.all().delete()
    seen = {(activity.lead_organisation_id, "lead")}
    rows = [Participant(activity=activity, organisation=activity.lead_organisation, role="lead")]
    for p in d["partners"]:
        org = resolve_organisation(p, org_cache)
        key = (org.pk, p.get("role") or "implementing")
        if key not in seen:
            seen.add(key)
            rows.append(Participant(activity=activity, organisation=org, role=key[1]))
    Participant.objects.bulk_create(rows)
    activity.beneficiaries.all().delete()
    Beneficiary.objects.bulk_create([Beneficiary(activity=activity, code=b) for b in d["beneficiary_groups"]])
    reindex([activity.pk])


def to_data(activity: Activity) -> dict:
    """The interchange shape of an activity (for versions, exports and revisions)."""
    return interchange_shape(
        activity,
        partners=activity.participants.select_related("organisation").order_by("pk"),
        action_lines=[link.action_line.code for link in
                      activity.action_line_links.select_related("action_line").order_by("order")],
        economies=activity.economies.values_list("iso3", flat=True),
        groups=activity.groups.values_list("code", flat=True),
        sdg_targets=activity.sdg_targets.values_list("code", flat=True),
        strategic_targets=activity.strategic_targets.values_list("code", flat=True))


def interchange_shape(a: Activity, *, partners, action_lines, economies, groups, sdg_targets,
                      strategic_targets) -> dict:
    """The one definition of the interchange dict; callers read the relations their own way (one activity
    with plain queries, or a batch with prefetched rows) and hand them in."""
    lead = a.lead_organisation
    return {
        "external_id": a.external_id,
        "kind": a.kind,
        "original_language": a.original_language,
        "texts": {t.language: {"title": t.title, "summary": t.summary, "description": t.description}
                  for t in a.translations.all()},
        "lead_organisation": {"name": lead.name, "identifier": lead.identifier or "", "kind": lead.kind},
        "partners": [{"name": p.organisation.name, "identifier": p.organisation.identifier or "",
                      "kind": p.organisation.kind, "role": p.role} for p in partners if p.role != "lead"],
        "scope": a.scope,
        "economies": sorted(economies),
        "groups": sorted(groups),
        "action_lines": list(action_lines),
        "sdg_targets": sorted(sdg_targets, key=code_key),
        "matrix_justification": a.matrix_justification,
        "strategic_targets": sorted(strategic_targets),
        "priority": a.priority,
        "status": a.status,
        "start_date": a.start_date.isoformat() if a.start_date else None,
        "end_date": a.end_date.isoformat() if a.end_date else None,
        "beneficiary_groups": a.beneficiary_groups_list(),
        "budget_amount": str(a.budget_amount) if a.budget_amount is not None else None,
        "budget_currency": a.budget_currency,
        "links": list(a.links or []),
        "contact_name": a.contact_name,
        "contact_email": a.contact_email,
    }


def reindex(activity_ids: list[int]) -> None:
    """Rebuild the derived facet rows and the search text of these activities."""
    if not activity_ids:
        return
    today = timezone.localdate()
    acts = (Activity.objects.filter(pk__in=activity_ids)
            .select_related("lead_organisation")
            .prefetch_related("translations", "economies", "groups", "sdg_targets__goal", "beneficiaries",
                              "action_line_links__action_line__parent", "participants__organisation"))
    economy_ids = {e.pk for a in acts for e in a.economies.all()}
    memberships: dict[int, list[tuple[str, str]]] = {}
    for eco_id, code, kind in (ref.Membership.objects.valid_on(today).filter(economy_id__in=economy_ids)
                               .values_list("economy_id", "group__code", "group__kind")):
        memberships.setdefault(eco_id, []).append((code, kind))
    facets, bodies = [], []
    old = dict(ActivitySearch.objects.filter(pk__in=activity_ids).values_list("pk", "body"))
    for a in acts:
        values: set[tuple[str, str]] = {("kind", a.kind), ("status", a.status), ("scope", a.scope),
                                        ("state", a.state), ("org", str(a.lead_organisation_id))}
        if a.priority:
            values.add(("priority", a.priority))
        for e in a.economies.all():
            values.add(("economy", e.iso3))
            for code, kind in memberships.get(e.pk, []):
                values.add(("region" if kind == "itu_region" else "group", code))
        for g in a.groups.all():
            values.add(("region" if g.kind == "itu_region" else "group", g.code))
        for link in a.action_line_links.all():
            line = link.action_line
            values.add(("line", line.code))
            if line.parent:
                values.add(("line", line.parent.code))
            values.add(("role", line.itu_role))
        for t in a.sdg_targets.all():
            values.add(("target", t.code))
            values.add(("goal", str(t.goal.number)))
        for b in a.beneficiaries.all():
            values.add(("beneficiary", b.code))
        for p in a.participants.all():
            values.add(("stakeholder", p.organisation.kind))
        if a.start_date:
            values.add(("year", str(a.start_date.year)))
        facets += [ActivityFacet(activity=a, facet=f, code=c) for f, c in values]
        texts = [x for t in a.translations.all() for x in (t.title, t.summary, t.description) if x]
        original = next((t.title for t in a.translations.all() if t.language == a.original_language), "")
        bodies.append((a.pk, body_text(texts), normalise(original)[:200]))
    ActivityFacet.objects.filter(activity_id__in=activity_ids).delete()
    ActivityFacet.objects.bulk_create(facets)
    ActivitySearch.objects.filter(pk__in=activity_ids).delete()
    ActivitySearch.objects.bulk_create([ActivitySearch(activity_id=pk, body=b, sort_title=t) for pk, b, t in bodies])
    backend().index([(pk, b) for pk, b, _t in bodies], [pk for pk in activity_ids if pk not in {x[0] for x in bodies}], old)


def _snapshot_audit(activity):
    return {"state": activity.state, "version": activity.version}


def activity_create(*, actor, data: dict, is_demo: bool = False) -> Activity:
    if not permissions.can_activity_create(actor):
        raise PermissionDenied("Only contributors, focal points and regional officers with an organisation may record activities.")
    d, errors = validate_data(data)
    if errors:
        raise ValidationFailed(errors)
    lead_ok = permissions.is_bdt_admin(actor) or _lead_is_own(actor, d["lead_organisation"])
    if not lead_ok:
        raise PermissionDenied("You may record activities only for your own organisation as lead.")
    with transaction.atomic():
        activity = Activity(created_by=actor if getattr(actor, "pk", None) else None, is_demo=is_demo)
        _apply(activity, d, Lookups(), {})
        Transition.objects.create(activity=activity, from_state="", to_state="draft", actor=actor)
        audit(actor=actor, verb="activity.create", target=activity, after=to_data(activity))
    return activity


def _lead_is_own(actor, lead: dict) -> bool:
    org_id = getattr(actor, "organisation_id", None)
    if org_id is None:
        return False
    if lead.get("id"):
        return int(lead["id"]) == org_id
    org = actor.organisation
    return (lead.get("identifier") and lead["identifier"] == org.identifier) or (
        (lead.get("name") or "").strip().casefold() == org.name.casefold())


def activity_update(*, actor, activity: Activity, data: dict) -> Activity:
    """Change an activity. Authors change drafts and returned ones; BDT administrators may correct any
    activity, and a correction to a published one becomes a new published version."""
    admin = permissions.is_bdt_admin(actor)
    if not admin and not permissions.can_activity_edit(actor, activity):
        if activity.state not in ("draft", "returned", "withdrawn"):
            raise InvalidTransition(f"An activity that is {activity.state} cannot be edited; "
                                    "revise the published version or wait for the review.")
        raise PermissionDenied("You may edit only activities your organisation leads.")
    if activity.state == "merged":
        raise InvalidTransition("This revision has been merged into the published activity; edit that one.")
    d, errors = validate_data(data)
    if errors:
        raise ValidationFailed(errors)
    if not admin and not _lead_is_own(actor, d["lead_organisation"]):
        raise PermissionDenied("The lead organisation must stay your own organisation.")
    with transaction.atomic():
        before = to_data(activity)
        _apply(activity, d, Lookups(), {})
        after = to_data(activity)
        if activity.state == "published":
            activity.version += 1
            activity.save(update_fields=["version"])
            ActivityVersion.objects.create(activity=activity, number=activity.version, data=after,
                                           published_by=actor if getattr(actor, "pk", None) else None)
        audit(actor=actor, verb="activity.correct" if activity.state == "published" else "activity.update",
              target=activity, before=before, after=after)
    return activity


AUTHOR_ONLY = "Only the lead organisation's contributors may do this."
REVIEWER_ONLY = "Only a reviewer for this activity's region, or a BDT reviewer, may do this."


def _may(actor, activity, who) -> bool:
    if permissions.is_bdt_admin(actor):
        return True
    if who == "author":
        return permissions.is_author_side(actor, activity)
    return permissions.can_activity_review(actor, activity)


def _author(actor, activity) -> bool:
    return _may(actor, activity, "author")


def _reviewer(actor, activity) -> bool:
    return _may(actor, activity, "reviewer")


def _passes_checks(activity, ctx) -> list[ErrorItem]:
    return [ErrorItem(ErrorCode.CHECKS_FAILED, c["message"], field=c["field"])
            for c in checks(activity) if c["level"] == "error"]


def _checks_failed(problems) -> ServiceError:
    return ServiceError("The activity does not pass the checks yet.", code=ErrorCode.CHECKS_FAILED, status=409,
                        errors=problems)


def _commented(activity, ctx) -> list[ErrorItem]:
    return [] if ctx["comment"] else [ErrorItem(ErrorCode.REQUIRED, "Say why in a comment.", field="comment")]


def _not_a_revision(activity, ctx) -> str | None:
    return "A revision is withdrawn through its original." if activity.revision_of_id else None


_BY_AUTHOR = {"may": _author, "denied": AUTHOR_ONLY}
_BY_REVIEWER = {"may": _reviewer, "denied": REVIEWER_ONLY}
_SUBMIT = {"checks": _passes_checks, "failure": _checks_failed}


def _change(activity, t, ctx):
    if t.target == "published":
        target = _publish(activity, ctx["actor"])
    else:
        activity.state = t.target
        activity.save(update_fields=["state", "updated_at"])
        reindex([activity.pk])
        target = activity
    ctx["published_into"] = target.pk
    return target


def _record(activity, before, t, actor, ctx):
    Transition.objects.create(activity=activity, from_state=before, to_state=activity.state, actor=actor,
                              comment=ctx["comment"])


WORKFLOW = Workflow(
    "activity", schema.STATES,
    [
        step("submit", ["draft", "returned"], "submitted", **_BY_AUTHOR, **_SUBMIT),
        step("start_review", "submitted", "in_review", **_BY_REVIEWER),
        step("return", ["submitted", "in_review"], "returned", **_BY_REVIEWER, checks=_commented),
        step("reject", "in_review", "rejected", **_BY_REVIEWER, checks=_commented),
        step("publish", "in_review", "published", **_BY_REVIEWER, **_SUBMIT),
        step("withdraw", ["draft", "submitted", "in_review", "returned"], "withdrawn", **_BY_AUTHOR),
        step("withdraw", "published", "withdrawn", **_BY_AUTHOR, guard=_not_a_revision, checks=_commented),
        step("reopen", "withdrawn", "draft", **_BY_AUTHOR),
    ],
    change=_change,
    record=_record,
    audit_after=lambda a, before, t, ctx: {"state": a.state, "comment": ctx["comment"],
                                           "published_into": ctx["published_into"]},
    refused=lambda a, action, state, sources: (f"Cannot {action.replace('_', ' ')} an activity that is {state}; "
                                               f"it must be {' or '.join(sources)}."),
)
ACTIONS = sorted(WORKFLOW.actions)


def allowed_actions(actor, activity: Activity) -> list[str]:
    return WORKFLOW.available(actor, activity)


def activity_transition(*, actor, activity: Activity, action: str, comment: str = "") -> Activity:
    return WORKFLOW.apply(actor=actor, obj=activity, action=action,
                          ctx={"actor": actor, "comment": comment.strip()})


def _publish(activity: Activity, actor) -> Activity:
    """Publish an activity, or a revision into its original (which stays public until this moment)."""
    now = timezone.now()
    if activity.revision_of_id:
        original = Activity.objects.select_for_update().get(pk=activity.revision_of_id)
        data = to_data(activity)
        data["external_id"] = original.external_id
        d, _errors = validate_data(data)
        _apply(original, d, Lookups(), {})
        activity.state = "merged"
        activity.save(update_fields=["state", "updated_at"])
        reindex([activity.pk])
        target = original
    else:
        activity.state = "published"
        target = activity
    target.state = "published"
    target.version += 1
    target.published_at = now
    target.save(update_fields=["state", "version", "published_at", "updated_at"])
    reindex([target.pk])
    ActivityVersion.objects.create(activity=target, number=target.version, data=to_data(target), published_by=actor
                                   if getattr(actor, "pk", None) else None)
    return target


def activity_revise(*, actor, activity: Activity) -> Activity:
    """Start a revision of a published activity; the published version stays public meanwhile."""
    if activity.state != "published" or activity.revision_of_id:
        raise InvalidTransition(f"Only a published activity can be revised; this one is {activity.state}.")
    if not (permissions.is_bdt_admin(actor) or permissions.is_author_side(actor, activity)):
        raise PermissionDenied("You may revise only activities your organisation leads.")
    open_rev = activity.revisions.exclude(state__in=("merged", "rejected", "withdrawn")).first()
    if open_rev:
        raise InvalidTransition(f"A revision (#{open_rev.pk}) is already open for this activity.")
    with transaction.atomic():
        data = to_data(activity)
        data["external_id"] = None
        d, _e = validate_data(data)
        rev = Activity(revision_of=activity, created_by=actor if getattr(actor, "pk", None) else None,
                       is_demo=activity.is_demo)
        _apply(rev, d, Lookups(), {})
        Transition.objects.create(activity=rev, from_state="", to_state="draft", actor=actor,
                                  comment=f"revision of #{activity.pk}")
        audit(actor=actor, verb="activity.revise", target=rev, after={"revision_of": activity.pk})
    return rev


def activities_import(*, actor, items: list[tuple[str, dict]], publish: bool = False, is_demo: bool = False) -> dict:
    """Import many activities: every item is checked first; all are written or none.

    Re-importing the same external identifiers updates those activities instead of adding new ones;
    items without an external identifier are always added.
    """
    if not permissions.can_activity_import(actor):
        raise PermissionDenied("You may not import activities.")
    admin = permissions.is_bdt_admin(actor)
    if publish and not admin:
        raise PermissionDenied("Only BDT administrators may publish on import.")
    lk = Lookups()
    errors, clean = Problems(), []
    seen: dict[str, str] = {}
    for location, data in items:
        d, errs = validate_data(data, location=location, lookups=lk)
        errors += errs
        ext = d["external_id"]
        if ext:
            if ext in seen:
                errors.append(ErrorItem("duplicate", f"identifier {ext} also at {seen[ext]}", field="external_id", location=location))
            seen[ext] = location
        if not admin and not _lead_is_own(actor, d["lead_organisation"]):
            errors.append(ErrorItem("permission_denied", "the lead organisation must be your own organisation",
                                    field="lead_organisation", location=location))
        clean.append((location, d))
    if not items:
        errors.append(ErrorItem("empty", "the file holds no activities"))
    if errors:
        raise ValidationFailed(errors, message=f"{problem_count(errors)} problem(s); nothing was imported")
    existing = {a.external_id: a for a in Activity.objects.filter(external_id__in=list(seen), revision_of__isnull=True)}
    for location, d in clean:
        a = existing.get(d["external_id"])
        if a is not None and not admin and a.lead_organisation_id != actor.organisation_id:
            raise PermissionDenied(f"{location}: activity {d['external_id']} belongs to another organisation.")
        if a is not None and a.state not in ("draft", "returned", "withdrawn", "published") :
            raise ValidationFailed([ErrorItem("locked", f"activity {d['external_id']} is {a.state}; finish its review first",
                                              field="external_id", location=location)])
    created = updated = unchanged = 0
    org_cache: dict = {}
    refused = Problems()  # capped like every other problem list: a large file cannot make a huge answer
    with transaction.atomic():
        for _location, d in clean:
            a = existing.get(d["external_id"])
            if a is None:
                a = Activity(created_by=actor if getattr(actor, "pk", None) else None, is_demo=is_demo)
                _apply(a, d, lk, org_cache)
                Transition.objects.create(activity=a, from_state="", to_state="draft", actor=actor, comment="imported")
                created += 1
            else:
                before = to_data(a)
                if _same(before, d):
                    unchanged += 1
                    continue
                _apply(a, d, lk, org_cache)
                updated += 1
                if a.state == "published":
                    a.version += 1
                    a.save(update_fields=["version"])
                    ActivityVersion.objects.create(activity=a, number=a.version, data=to_data(a),
                                                   published_by=actor if getattr(actor, "pk", None) else None)
            if publish and a.state != "published":
                # The same checks and the same publication step as the review workflow.
                blocking = [c for c in checks(a) if c["level"] == "error"]
                if blocking:
                    refused += [ErrorItem("checks_failed", c["message"], field=c["field"], location=_location)
                                for c in blocking]
                    continue
                before_state = a.state
                _publish(a, actor)
                Transition.objects.create(activity=a, from_state=before_state, to_state="published", actor=actor,
                                          comment="imported")
        if refused:
            # Raised inside the transaction: nothing of the import is written.
            raise ServiceError(f"{problem_count(refused)} problem(s) block publication; nothing was imported.",
                               code="checks_failed", status=409, errors=refused)
        audit(actor=actor, verb="activity.import", target=("stocktaking.activity", "", f"{len(items)} items"),
              after={"created": created, "updated": updated, "unchanged": unchanged, "publish": publish})
        if created + updated >= BULK:
            backend().after_bulk()
    return {"created": created, "updated": updated, "unchanged": unchanged}


def _same(before: dict, d: dict) -> bool:
    after = {**d, "start_date": d["start_date"].isoformat() if d["start_date"] else None,
             "end_date": d["end_date"].isoformat() if d["end_date"] else None,
             "budget_amount": str(d["budget_amount"]) if d["budget_amount"] is not None else None,
             "economies": sorted(d["economies"]), "groups": sorted(d["groups"]),
             "sdg_targets": sorted(d["sdg_targets"], key=code_key), "strategic_targets": sorted(d["strategic_targets"])}
    keys = [k for k in EMPTY if k not in ("lead_organisation", "partners", "texts")]
    if any(before.get(k) != after.get(k) for k in keys):
        return False
    texts = {lang: {f: v for f, v in t.items() if f in schema.TEXT_FIELDS} for lang, t in after["texts"].items()}
    if before["texts"] != texts:
        return False
    if before["lead_organisation"]["name"].casefold() != (d["lead_organisation"].get("name") or "").strip().casefold():
        return False
    partners = sorted(((p["name"] or "").casefold(), p.get("role") or "implementing") for p in d["partners"])
    return sorted((p["name"].casefold(), p["role"]) for p in before["partners"]) == partners
