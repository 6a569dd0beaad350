"""Reads of the registry: who sees what, search, facet counts, keyset pagination, list rows."""

import base64
import datetime as dt
import json
from dataclasses import dataclass, field

from django.db.models import Count, Q

from wsis.accounts.models import Role
from wsis.accounts.permissions import is_bdt_admin, roles_of
from wsis.core.bounds import ID_MAX
from wsis.core.errors import ErrorItem, NotFound, ValidationFailed
from wsis.core.i18n import pick, prefetch_translations
from wsis.reference.selectors import code_key
from wsis.stocktaking import permissions, schema
from wsis.stocktaking.models import Activity, ActivityFacet
from wsis.stocktaking.search import backend, normalise

# Filter name → facet column. The same names are used by the web UI, the API and exports.
FACETS = ["kind", "status", "scope", "priority", "region", "group", "economy", "line", "role", "goal", "target",
          "stakeholder", "year", "beneficiary", "state"]
SORTS = {
    "-published": ("published_at", True),
    "published": ("published_at", False),
    "-updated": ("updated_at", True),
    "-start": ("start_date", True),
    "start": ("start_date", False),
    "title": ("search__sort_title", False),
}
MAX_LIMIT = 200


@dataclass
class Filters:
    q: str = ""
    values: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "-published"
    mine: bool = False

    @classmethod
    def from_params(cls, params) -> "Filters":
        """Build from a QueryDict or dict: repeated keys (?region=AFR&region=ASP) or comma lists."""
        values = {}
        for name in FACETS:
            raw = params.getlist(name) if hasattr(params, "getlist") else params.get(name) or []
            if isinstance(raw, str):
                raw = [raw]
            items = [v.strip() for r in raw for v in str(r).split(",") if v.strip()]
            if items:
                values[name] = items
        sort = (params.get("sort") or "-published")
        if sort not in SORTS:
            raise ValidationFailed([ErrorItem("invalid_choice", f"Unknown sort '{sort}'; use one of {', '.join(SORTS)}.", field="sort")])
        return cls(q=(params.get("q") or "").strip(), values=values, sort=sort,
                   mine=str(params.get("mine") or "").lower() in ("1", "true", "yes", "on"))

    def as_query(self) -> list[tuple[str, str]]:
        out = [("q", self.q)] if self.q else []
        out += [(k, v) for k, vs in self.values.items() for v in vs]
        if self.sort != "-published":
            out.append(("sort", self.sort))
        if self.mine:
            out.append(("mine", "1"))
        return out


def visible(viewer) -> "Q":
    """The one rule of visibility: the public sees published activities only."""
    public = Q(state="published", revision_of__isnull=True)
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return public
    if is_bdt_admin(viewer):
        return Q(pk__isnull=False)
    rule = public
    if viewer.organisation_id and permissions.can_activity_create(viewer):
        rule |= Q(lead_organisation_id=viewer.organisation_id)
    review_states = ["submitted", "in_review", "returned", "rejected"]
    reviewer = [r for r in roles_of(viewer) if r.role == Role.REVIEWER]
    if any(r.region_id is None and r.economy_id is None for r in reviewer):
        rule |= Q(state__in=review_states)
    else:
        from wsis.reference.models import Group

        codes = list(Group.objects.filter(pk__in=[r.region_id for r in reviewer if r.region_id]).values_list("code", flat=True))
        if codes:
            rule |= Q(state__in=review_states, pk__in=ActivityFacet.objects.filter(facet="region", code__in=codes)
                      .values("activity_id"))
    return rule


def filtered(viewer, filters: Filters, *, rule: Q | None = None):
    """The activities the viewer may see that pass the filters (`rule`: visible(viewer), when already known)."""
    qs = Activity.objects.filter(visible(viewer) if rule is None else rule)
    if "merged" not in filters.values.get("state", []):
        # A merged revision lives on in its published original; listing it too would show a duplicate.
        qs = qs.exclude(state="merged")
    if filters.mine:
        qs = qs.filter(lead_organisation_id=getattr(viewer, "organisation_id", None) or -1)
    for name, codes in filters.values.items():
        qs = qs.filter(pk__in=ActivityFacet.objects.filter(facet=name, code__in=codes).values("activity_id"))
    if filters.q:
        qs = backend().filter(qs, filters.q)
    return qs


def facet_counts(viewer, filters: Filters, language: str) -> dict[str, list[dict]]:
    """Counts per facet value over the filtered set (each facet ignores its own filter, so choices stay visible)."""
    out: dict[str, list[dict]] = {}
    rule = visible(viewer)  # once: a regional reviewer's rule costs queries of its own
    base_ids = filtered(viewer, Filters(q=filters.q, values={}, mine=filters.mine), rule=rule).values("id")
    groups = {}
    for name in FACETS:
        others = Filters(q=filters.q, values={k: v for k, v in filters.values.items() if k != name}, mine=filters.mine)
        ids = filtered(viewer, others, rule=rule).values("id") if others.values else base_ids
        rows = (ActivityFacet.objects.filter(facet=name, activity_id__in=ids)
                .values("code").annotate(n=Count("activity_id", distinct=True)).order_by("-n", "code"))
        groups[name] = [(r["code"], r["n"]) for r in rows]
    labels = _labels(language, groups)
    for name, rows in groups.items():
        selected = set(filters.values.get(name, []))
        out[name] = [{"code": c, "label": labels.get((name, c), c), "count": n, "selected": c in selected}
                     for c, n in rows]
    return out


def _labels(language: str, groups: dict) -> dict:
    from django.utils import translation

    from wsis.accounts.models import OrganisationKind
    from wsis.reference import models as ref

    out = {}
    with translation.override(language):
        for name, choices in (("kind", schema.KINDS), ("status", schema.STATUSES), ("scope", schema.SCOPES),
                              ("priority", schema.PRIORITIES), ("beneficiary", schema.BENEFICIARIES),
                              ("state", schema.STATES)):
            out.update({(name, k): str(v) for k, v in choices.items()})
        out.update({("role", k): str(v) for k, v in ref.ItuRole.choices})
        out.update({("stakeholder", k): str(v) for k, v in OrganisationKind.choices})
    codes = {c for n in ("region", "group") for c, _n in groups.get(n, [])}
    for g in prefetch_translations(ref.Group.objects.filter(code__in=codes), language):
        name = pick(g, "name", language)
        out[("region", g.code)] = out[("group", g.code)] = name
    for e in prefetch_translations(ref.Economy.objects.filter(iso3__in=[c for c, _n in groups.get("economy", [])]), language):
        out[("economy", e.iso3)] = pick(e, "name", language)
    for a in prefetch_translations(ref.ActionLine.objects.all(), language):
        out[("line", a.code)] = f"{a.code} {pick(a, 'name', language)}"
    goal_names = {g.number: pick(g, "short", language) for g in prefetch_translations(ref.SdgGoal.objects.all(), language)}
    for c, _n in groups.get("goal", []):
        out[("goal", c)] = f"{c}. {goal_names.get(int(c), '')}"
    return out


def _encode(value, pk) -> str:
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    return base64.urlsafe_b64encode(json.dumps([value, pk]).encode()).decode().rstrip("=")


def _decode(cursor: str):
    try:
        value, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        pk = int(pk)
        if not 0 <= pk <= ID_MAX or not isinstance(value, str | int | float | None):
            raise ValueError("not a page link")
        return value, pk
    except (ValueError, TypeError) as exc:
        raise ValidationFailed([ErrorItem("invalid", "This page link is broken; start from the first page.", field="cursor")]) from exc


def page(viewer, filters: Filters, *, language: str, limit: int = 25, cursor: str | None = None) -> dict:
    """One page of results in keyset order: as fast on page 400 as on page 1."""
    limit = max(1, min(int(limit or 25), MAX_LIMIT))
    column, desc = SORTS[filters.sort]
    qs = filtered(viewer, filters)
    total = qs.count()
    # Rows without a value (never published, no start date) come last in both directions.
    has_value = qs.filter(**{f"{column}__isnull": False})
    no_value = qs.filter(**{f"{column}__isnull": True})
    order = [f"-{column}" if desc else column, "-id" if desc else "id"]
    rows: list[Activity] = []
    if cursor:
        value, pk = _decode(cursor)
        if value is None:
            part = no_value.filter(pk__lt=pk) if desc else no_value.filter(pk__gt=pk)
            rows = list(part.order_by("-id" if desc else "id")[: limit + 1])
        else:
            op = "lt" if desc else "gt"
            if column in ("published_at", "updated_at"):
                value = dt.datetime.fromisoformat(value)
            elif column == "start_date":
                value = dt.date.fromisoformat(value)
            # The first bound lets the database walk the (column, id) index from the cursor on;
            # the second breaks ties on the same value.
            bound = Q(**{f"{column}__{op}e": value})
            cond = bound & (Q(**{f"{column}__{op}": value}) | Q(**{f"pk__{op}": pk}))
            rows = list(has_value.filter(cond).order_by(*order)[: limit + 1])
            if len(rows) <= limit:
                rows += list(no_value.order_by("-id" if desc else "id")[: limit + 1 - len(rows)])
    else:
        rows = list(has_value.order_by(*order)[: limit + 1])
        if len(rows) <= limit:
            rows += list(no_value.order_by("-id" if desc else "id")[: limit + 1 - len(rows)])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        value = last.search.sort_title if column == "search__sort_title" else getattr(last, column)
        next_cursor = _encode(value, last.pk)
    return {"count": total, "results": list_rows(rows, language), "next": next_cursor}


def list_rows(activities: list[Activity], language: str) -> list[dict]:
    """Rows for lists and exports, texts in the reader's language (original language as the fallback)."""
    ids = [a.pk for a in activities]
    full = {a.pk: a for a in Activity.objects.filter(pk__in=ids).select_related("lead_organisation")
            .prefetch_related("translations", "facets", "action_line_links__action_line")}
    out = []
    for pk in ids:
        a = full[pk]
        facets: dict[str, list[str]] = {}
        for f in a.facets.all():
            facets.setdefault(f.facet, []).append(f.code)
        out.append({
            "id": a.pk, "external_id": a.external_id, "title": activity_text(a, "title", language),
            "summary": activity_text(a, "summary", language), "kind": a.kind, "kind_label": str(schema.KINDS[a.kind]),
            "status": a.status, "scope": a.scope,
            "state": a.state, "priority": a.priority, "original_language": a.original_language,
            "lead_organisation": a.lead_organisation.name,
            "start_date": a.start_date.isoformat() if a.start_date else None,
            "end_date": a.end_date.isoformat() if a.end_date else None,
            "published_at": a.published_at.isoformat() if a.published_at else None,
            "action_lines": [link.action_line.code for link in a.action_line_links.all()],
            "sdg_targets": sorted(facets.get("target", []), key=code_key),
            "regions": sorted(facets.get("region", [])), "economies": sorted(facets.get("economy", [])),
            "groups": sorted(facets.get("group", [])), "beneficiary_groups": sorted(facets.get("beneficiary", [])),
            "revision_of": a.revision_of_id,
        })
    return out



def activity_text(a: Activity, field: str, language: str) -> str:
    by_lang = {t.language: t for t in a.translations.all()}
    for lang in (language, a.original_language, "en"):
        t = by_lang.get(lang)
        if t and getattr(t, field):
            return getattr(t, field)
    return next((getattr(t, field) for t in by_lang.values() if getattr(t, field)), "")


def get_visible(viewer, pk: int) -> Activity:
    activity = Activity.objects.filter(visible(viewer), pk=pk).select_related("lead_organisation", "revision_of").first()
    if activity is None:
        raise NotFound(f"No activity #{pk} that you may see.")
    return activity


def detail(viewer, activity: Activity, language: str) -> dict:
    from wsis.stocktaking.services import allowed_actions, checks, to_data

    data = to_data(activity)
    row = list_rows([activity], language)[0]
    history = [{"from": t.from_state, "to": t.to_state, "at": t.at.isoformat(), "comment": t.comment,
                "actor": t.actor.get_username() if t.actor else ""} for t in activity.transitions.select_related("actor")]
    can_see_review = activity.state != "published" or permissions.can_activity_review(viewer, activity) or \
        permissions.is_author_side(viewer, activity) or is_bdt_admin(viewer)
    labels = _labels(language, {"region": [(c, 0) for c in row["regions"]], "group": [(c, 0) for c in row["groups"]]})
    return {
        **row, "data": data,
        "region_labels": [labels.get(("region", c), c) for c in row["regions"]],
        "group_labels": [labels.get(("group", c), c) for c in row["groups"]],
        "beneficiary_labels": [str(schema.BENEFICIARIES[c]) for c in data["beneficiary_groups"]],
        "texts": data["texts"],
        "version": activity.version,
        "history": history if can_see_review else [h for h in history if h["to"] == "published"],
        "checks": checks(activity) if can_see_review else [],
        "actions": allowed_actions(viewer, activity),
        "open_revision": next((r.pk for r in activity.revisions.exclude(state__in=("merged", "rejected", "withdrawn"))
                               if permissions.can_activity_view(viewer, r)), None),
    }


def versions(activity: Activity) -> list[dict]:
    """What the public saw at each publication, oldest first."""
    return [{"number": v.number, "published_at": v.published_at.isoformat(), "data": v.data}
            for v in activity.versions.all()]


def export_rows(viewer, filters: Filters, *, cap: int = 100_000) -> list[dict]:
    """The activities of a search in the interchange shape (what import reads back), with the identifier the
    IATI export needs and when each was last changed: one fixed number of queries however many rows."""
    column, desc = SORTS[filters.sort]
    found = list(filtered(viewer, filters).order_by(f"-{column}" if desc else column, "id")[:cap])
    return [{**d, "identifier": d["external_id"] or f"WSIS-TRACKER-{a.pk}", "last_updated": a.updated_at.isoformat()}
            for a, d in zip(found, interchange(found), strict=True)]


def interchange(activities: list[Activity]) -> list[dict]:
    """`services.to_data` of many activities at once (the same dicts, read with prefetched relations)."""
    from django.db.models import Prefetch

    from wsis.reference import models as ref
    from wsis.stocktaking.models import ActivityActionLine, Participant

    ids = [a.pk for a in activities]
    full = {a.pk: a for a in Activity.objects.filter(pk__in=ids).select_related("lead_organisation").prefetch_related(
        "translations", "beneficiaries",
        Prefetch("participants", queryset=Participant.objects.select_related("organisation").order_by("pk")),
        Prefetch("action_line_links", queryset=ActivityActionLine.objects.select_related("action_line").order_by("order")),
        Prefetch("economies", queryset=ref.Economy.objects.only("id", "iso3")),
        Prefetch("groups", queryset=ref.Group.objects.only("id", "code")),
        Prefetch("sdg_targets", queryset=ref.SdgTarget.objects.only("id", "code")),
        Prefetch("strategic_targets", queryset=ref.StrategicTarget.objects.only("id", "code")))}
    from wsis.stocktaking.services import interchange_shape

    out = []
    for pk in ids:
        a = full[pk]
        out.append(interchange_shape(
            a, partners=a.participants.all(),
            action_lines=[link.action_line.code for link in a.action_line_links.all()],
            economies=[e.iso3 for e in a.economies.all()], groups=[g.code for g in a.groups.all()],
            sdg_targets=[t.code for t in a.sdg_targets.all()],
            strategic_targets=[t.code for t in a.strategic_targets.all()]))
    return out


def review_queue(viewer) -> Filters:
    return Filters(values={"state": ["submitted", "in_review"]}, sort="-updated")


def duplicates(viewer, activity: Activity, *, limit: int = 5) -> list[dict]:
    """Likely duplicates: same lead organisation or a shared economy, and a similar title in any language.

    Only activities the viewer may open are candidates: another organisation's draft is nobody else's business.
    """
    from difflib import SequenceMatcher

    mine = [normalise(t.title) for t in activity.translations.all() if t.title]
    if not mine:
        return []
    economies = list(activity.economies.values_list("id", flat=True))
    candidates = (Activity.objects.filter(visible(viewer)).exclude(pk=activity.pk).exclude(pk=activity.revision_of_id or 0)
                  .exclude(revision_of=activity.revision_of_id or -1)
                  .exclude(state__in=("merged", "rejected", "withdrawn"))
                  .filter(revision_of__isnull=True))
    candidates = candidates.filter(Q(lead_organisation=activity.lead_organisation_id) | Q(economies__in=economies)).distinct()
    scored = []
    for other in candidates.prefetch_related("translations")[:2000]:
        best = 0.0
        for t in other.translations.all():
            theirs = normalise(t.title)
            for m in mine:
                best = max(best, SequenceMatcher(None, m, theirs).ratio())
        if best >= 0.6:
            scored.append({"id": other.pk, "title": other.title(), "state": other.state, "similarity": round(best, 2)})
    scored.sort(key=lambda r: -r["similarity"])
    return scored[:limit]
