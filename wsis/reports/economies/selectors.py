"""Reads of the economy profile and of the comparison of economies (see the package's docstring)."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.cache import cache
from django.db.models import Max

from wsis.core.errors import ErrorItem, NotFound, ValidationFailed
from wsis.core.i18n import prefetch_translations
from wsis.reference import selectors as reference
from wsis.reference.models import Economy, Group, Membership
from wsis.statistics import selectors as stats
from wsis.statistics.models import Indicator, Observation

# The indicators the profile draws as charts beside the region and the world, in this order.
KEY_INDICATORS = ["INTERNET_USERS", "HH_INTERNET", "MBB_100", "FBB_100", "COVERAGE_4G", "MOBILE_OWNERSHIP"]
# The indicator that places an economy in the digital divide (quintiles among economies).
DIVIDE_INDICATOR = "INTERNET_USERS"
GROUP_KINDS = ("itu_region", "income", "development")
COMPARE_MIN, COMPARE_MAX = 2, 5
INDEX_CODE = "IDI"


def _economy(iso3: str) -> Economy:
    eco = Economy.objects.filter(iso3=str(iso3).upper()).first()
    if eco is None:
        raise NotFound(f"No economy with ISO alpha-3 code {iso3!r}.")
    return eco


def _cached(name: str, version: str, compute):
    key = f"profile:{name}:" + hashlib.sha256(version.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, stats.AGGREGATE_CACHE_SECONDS)
    return value


def index_ranks(version: str) -> dict:
    """The newest index scores of every economy with their rank (1 = highest), kept per data version."""
    def compute():
        try:
            result = stats.index_scores(INDEX_CODE)
        except NotFound:
            return {"year": None, "version": None, "ranks": {}, "n": 0}
        scored = [(iso3, s.index) for iso3, s in result["scores"].items() if s.index is not None]
        scored.sort(key=lambda kv: -kv[1])
        ranks, previous, rank = {}, None, 0
        for i, (iso3, value) in enumerate(scored, start=1):
            if value != previous:
                rank, previous = i, value
            ranks[iso3] = (value, rank)
        return {"year": result["year"], "version": result["version"], "ranks": ranks, "n": len(scored),
                "verified": result["verified"]}
    return _cached("idi", version, compute)


def _latest_values(ind: Indicator, version: str) -> dict:
    """Each economy's latest value of an indicator at its total: {iso3: (year, value)}, kept per data version."""
    def compute():
        out = {}
        qs = (Observation.objects.filter(indicator=ind, dims=stats.total_dims(ind), is_current=True)
              .order_by("year").values_list("economy__iso3", "year", "value"))
        for iso3, y, v in qs:
            out[iso3] = (y, v)  # ordered by year: the latest wins
        return out
    return _cached(f"latest:{ind.pk}", version, compute)


def divide_place(iso3: str, ind: Indicator | None, version: str) -> dict | None:
    """Where the economy stands among economies on the divide indicator: value, year, percentile, quintile."""
    if ind is None:
        return None
    latest = _latest_values(ind, version)
    if iso3 not in latest:
        return None
    year, value = latest[iso3]
    # Compared with the economies that have a value within three years of this one.
    peers = sorted(v for y, v in latest.values() if abs(y - year) <= 3)
    below = sum(1 for v in peers if v < value)
    percentile = round(100 * below / max(1, len(peers) - 1)) if len(peers) > 1 else 50
    quintile = min(5, 1 + below * 5 // max(1, len(peers)))
    return {"indicator": ind.code, "year": year, "value": value, "percentile": percentile, "quintile": quintile,
            "economies": len(peers)}


def memberships(eco: Economy, language: str) -> list[dict]:
    """The groups the economy belongs to today (region, income group, LDC/LLDC/SIDS...), with their names."""
    today = dt.date.today()
    ms = list(Membership.objects.valid_on(today).filter(economy=eco).exclude(group__kind="custom")
              .select_related("group").order_by("group__kind", "group__order"))
    groups = {g.pk: g for g in prefetch_translations(Group.objects.filter(pk__in=[m.group_id for m in ms]), language)}
    return [{"code": m.group.code, "kind": m.group.kind, "name": groups[m.group_id].text("name", language),
             "since": m.valid_from.isoformat() if m.valid_from else None} for m in ms]


def _series(rows, group):
    return [(r["year"], r["value"]) for r in rows if r["group"] == group and r["value"] is not None]


def indicator_rows(eco: Economy, region: str | None, language: str, version: str,
                   indicators: list[Indicator]) -> tuple[list[dict], list[dict]]:
    """(one row per indicator with the economy's latest value, source and series beside its region and the
    world; the data gaps: indicators without a value, or without one since a year others have)."""
    totals = {ind.pk: stats.total_dims(ind) for ind in indicators}
    own: dict[int, dict[int, tuple[float, str, int]]] = {}
    for ind_id, y, d, v, st, rel in Observation.objects.filter(
            economy=eco, is_current=True, indicator_id__in=list(totals)).values_list(
            "indicator_id", "year", "dims", "value", "status", "release_id"):
        if d == totals[ind_id]:
            own.setdefault(ind_id, {})[y] = (v, st, rel)
    # The newest year with data of each indicator among all economies (one query, kept per version).
    newest = _cached("newest", version, lambda: dict(
        Observation.objects.filter(is_current=True).values("indicator_id").annotate(y=Max("year"))
        .values_list("indicator_id", "y")))
    releases = _cached("releases", version, lambda: {r["id"]: r["source"] for r in stats.release_rows()})
    rows, gaps = [], []
    groups = [stats.WORLD] + ([region] if region else [])
    for ind in indicators:
        values = own.get(ind.pk, {})
        overall = newest.get(ind.pk)
        if overall is None:
            continue  # no economy has data: not a gap of this one
        name = ind.text("name", language)
        if not values:
            gaps.append({"indicator": ind.code, "name": name, "unit": ind.unit, "last_year": None,
                         "missing_since": None, "newest_year": overall})
            continue
        last = max(values)
        if last < overall:
            gaps.append({"indicator": ind.code, "name": name, "unit": ind.unit, "last_year": last,
                         "missing_since": last + 1, "newest_year": overall})
        value, status, release = values[last]
        agg = stats.aggregates(ind, groups=groups, version=version) if ind.rule != "none" else []
        region_series = _series(agg, region) if region else []
        world_series = _series(agg, stats.WORLD)
        rows.append({
            "indicator": ind.code, "name": name, "unit": ind.unit, "rule": ind.rule, "year": last, "value": value,
            "status": status, "source": releases.get(release) or ind.source, "key": ind.code in KEY_INDICATORS,
            "region_value": dict(region_series).get(last), "world_value": dict(world_series).get(last),
            "series": sorted((y, v[0]) for y, v in values.items()), "region_series": region_series,
            "world_series": world_series})
    rows.sort(key=lambda r: (not r["key"], KEY_INDICATORS.index(r["indicator"]) if r["key"] else 0))
    return rows, gaps


def activities(viewer, iso3: str, language: str, limit: int = 5) -> dict:
    from wsis.stocktaking import schema
    from wsis.stocktaking import selectors as registry

    f = registry.Filters(values={"economy": [iso3]})
    qs = registry.filtered(viewer, f).filter(state="published")
    count = qs.count()
    latest = list(qs.order_by("-published_at", "-id").prefetch_related("translations")[:limit]) if count else []
    return {"count": count, "latest": [
        {"id": a.pk, "title": registry.activity_text(a, "title", language), "kind": a.kind,
         "kind_label": str(schema.KINDS.get(a.kind, a.kind)), "status": a.status,
         "published_at": a.published_at.date().isoformat() if a.published_at else None} for a in latest]}


def funding(viewer, iso3: str) -> dict:
    """Funding flows to activities concerning the economy, totals in US dollars by stage (as the viewer may see)."""
    from wsis.partnerships.funding import selectors as money
    from wsis.stocktaking.models import ActivityFacet

    concerned = ActivityFacet.objects.filter(facet="economy", code=iso3).values("activity_id")
    if not money.visible_flows(viewer).filter(activity_id__in=concerned).exists():
        return {"flows": 0, "confidential": 0, "total": {k: 0.0 for k in money.STAGES}, "missing_rates": 0}
    s = money.funding_summary(viewer, money.FlowFilters(economy=iso3))
    return {"flows": s["flows"], "confidential": s["confidential"],
            "total": {k: float(v) for k, v in s["total"].items()}, "missing_rates": len(s["missing"])}


def requests(viewer, iso3: str) -> dict:
    """Assistance requests of the economy the viewer may see, by state."""
    from wsis.partnerships import codes
    from wsis.partnerships.cooperation import selectors as coop

    states: dict[str, int] = {}
    for state in coop.request_list(viewer, economy=iso3).values_list("state", flat=True):
        states[state] = states.get(state, 0) + 1
    visible = bool(getattr(viewer, "is_authenticated", False))
    return {"visible": visible, "count": sum(states.values()),
            "open": sum(n for s, n in states.items() if s in codes.OPEN_REQUEST_STATES),
            "by_state": [{"state": s, "label": str(codes.REQUEST_STATES[s]), "count": states[s]}
                         for s in codes.REQUEST_STATES if s in states]}


def profile(iso3: str, *, language: str, viewer=None) -> dict:
    """Everything the economy's profile shows, as plain data (the page, its downloads and the API answer it)."""
    eco = _economy(iso3)
    version = stats.data_version()
    detail = reference.economy_detail(iso3=eco.iso3, language=language)
    groups = memberships(eco, language)
    region = next((g for g in groups if g["kind"] == "itu_region"), None)
    income = next((g for g in groups if g["kind"] == "income"), None)
    indicators = list(prefetch_translations(Indicator.objects.select_related("weight"), language))
    rows, gaps = indicator_rows(eco, region["code"] if region else None, language, version, indicators)
    idi = index_ranks(version)
    score = idi["ranks"].get(eco.iso3)
    divide_ind = next((i for i in indicators if i.code == DIVIDE_INDICATOR), None)
    return {
        "iso3": eco.iso3, "iso2": eco.iso2 or None, "m49": eco.m49, "name": detail["name"],
        "names": {code: detail["names"].get(code) for code in ("ar", "zh-hans", "en", "fr", "ru", "es")},
        "region": region, "income_group": income, "groups": groups,
        "history": [{k: m[k] for k in ("group", "kind", "name", "valid_from", "valid_to", "current", "source")}
                    for m in detail["memberships"]],
        "idi": {"code": INDEX_CODE, "version": idi["version"], "year": idi["year"],
                "score": score[0] if score else None, "rank": score[1] if score else None, "of": idi["n"]},
        "divide": {"income_group": income["name"] if income else None,
                   **(divide_place(eco.iso3, divide_ind, version) or {})},
        "indicators": rows, "gaps": gaps,
        "activities": activities(viewer, eco.iso3, language),
        "funding": funding(viewer, eco.iso3),
        "requests": requests(viewer, eco.iso3),
    }


def compare_codes(codes: list[str]) -> list[Economy]:
    """2–5 distinct known economies, in the order given; errors name the field `e`."""
    seen = []
    for c in codes:
        c = c.strip().upper()
        if c and c not in seen:
            seen.append(c)
    if not COMPARE_MIN <= len(seen) <= COMPARE_MAX:
        raise ValidationFailed([ErrorItem("invalid", f"Choose from {COMPARE_MIN} to {COMPARE_MAX} economies; "
                                          f"{len(seen)} given.", field="e")])
    found = {e.iso3: e for e in Economy.objects.filter(iso3__in=seen)}
    unknown = [c for c in seen if c not in found]
    if unknown:
        raise ValidationFailed([ErrorItem("unknown_code", f"Unknown economy {c!r}.", field="e") for c in unknown])
    return [found[c] for c in seen]


def compare(codes: list[str], *, language: str) -> dict:
    """The key indicators of 2–5 economies side by side: latest value and year, and each one's series."""
    economies = compare_codes(codes)
    names = {e.iso3: e.text("name", language) for e in prefetch_translations(
        Economy.objects.filter(pk__in=[e.pk for e in economies]), language)}
    inds = {i.code: i for i in prefetch_translations(Indicator.objects.filter(code__in=KEY_INDICATORS), language)}
    version = stats.data_version()
    idi = index_ranks(version)
    series: dict[tuple[str, str], list] = {}
    ids = {e.pk: e.iso3 for e in economies}
    totals = {i.pk: stats.total_dims(i) for i in inds.values()}
    codes_by_pk = {i.pk: i.code for i in inds.values()}
    for ind_id, eco_id, y, d, v in Observation.objects.filter(
            indicator_id__in=list(totals), economy_id__in=list(ids), is_current=True).order_by("year").values_list(
            "indicator_id", "economy_id", "year", "dims", "value"):
        if d == totals[ind_id]:
            series.setdefault((codes_by_pk[ind_id], ids[eco_id]), []).append((y, v))
    rows = []
    for code in KEY_INDICATORS:
        ind = inds.get(code)
        if ind is None:
            continue
        cells = []
        for e in economies:
            s = series.get((code, e.iso3), [])
            cells.append({"economy": e.iso3, "year": s[-1][0] if s else None, "value": s[-1][1] if s else None,
                          "series": s})
        rows.append({"indicator": code, "name": ind.text("name", language), "unit": ind.unit, "values": cells})
    return {"economies": [{"iso3": e.iso3, "name": names[e.iso3],
                           "idi_score": (idi["ranks"].get(e.iso3) or (None, None))[0],
                           "idi_rank": (idi["ranks"].get(e.iso3) or (None, None))[1]} for e in economies],
            "idi": {"year": idi["year"], "of": idi["n"]}, "indicators": rows}
