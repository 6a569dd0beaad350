"""ICT statistics reads: indicators, observations, group aggregates with coverage, the digital divide,
target tracking, index scores, economy profiles and release comparison."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
from django.db.models import Count, Max, Min

from wsis.core.bounds import check_year
from wsis.core.errors import ErrorItem, NotFound, ValidationFailed
from wsis.core.i18n import prefetch_translations
from wsis.reference.models import Economy, Group, Membership
from wsis.statistics.models import Indicator, Observation, PublishedAggregate, Release
from wsis.statistics.records import dims_string

WORLD = "WORLD"
# Membership of a group counts for a year when it is valid on 1 July of that year (mid-year, as population is).
MID_YEAR = (7, 1)


def kept(name: str, compute, *parts, version: str | None = None):
    """`compute()` kept in the cache per data version (see `data_version`) and `parts`."""
    import hashlib

    from django.core.cache import cache

    key = f"stats:{name}:" + hashlib.sha256(repr((parts, version or data_version())).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, AGGREGATE_CACHE_SECONDS)
    return value


def indicator_list(language: str) -> list[Indicator]:
    qs = prefetch_translations(Indicator.objects.select_related("weight"), language)
    stats = kept("indicator-stats", lambda: {r["indicator"]: r for r in Observation.objects.filter(
        is_current=True).values("indicator").annotate(n=Count("id"), first=Min("year"), last=Max("year"),
                                                      economies=Count("economy", distinct=True))})
    result = []
    for ind in qs:
        s = stats.get(ind.pk, {})
        ind.n_observations, ind.first_year, ind.last_year = s.get("n", 0), s.get("first"), s.get("last")
        ind.n_economies = s.get("economies", 0)
        result.append(ind)
    return result


def indicator_rows(language: str) -> list[dict]:
    """The indicator list as rows: name in the language, weight by code, observations and the years covered."""
    return [{"code": i.code, "name": i.text("name", language), "unit": i.unit, "rule": i.rule,
             "weight": i.weight.code if i.weight else None, "dimensions": i.dimensions,
             "sdg_indicator": i.sdg_indicator, "aliases": i.aliases, "higher_is_better": i.higher_is_better,
             "observations": i.n_observations, "economies": i.n_economies, "first_year": i.first_year,
             "last_year": i.last_year} for i in indicator_list(language)]


def rule_labels() -> dict[str, str]:
    """Aggregation rule → its label in the active language."""
    from wsis.statistics.models import RULES

    return {k: str(v) for k, v in RULES.items()}


def indicator_get(code: str) -> Indicator:
    ind = Indicator.objects.select_related("weight").prefetch_related("translations").filter(code=code).first()
    if ind is None:
        raise NotFound(f"No indicator {code!r}.")
    return ind


def total_dims(indicator: Indicator) -> str:
    return dims_string(indicator.dimensions)


def dims_param(indicator: Indicator, text: str | None) -> str:
    """'SEX=F' → the canonical key with the other dimensions at their totals; errors name the field."""
    if not text:
        return total_dims(indicator)
    given = {}
    for part in text.replace(",", "|").split("|"):
        if not part.strip():
            continue
        k, _sep, v = part.partition("=")
        k, v = k.strip().upper(), v.strip()
        if k not in indicator.dimensions or not v:
            raise ValidationFailed([ErrorItem("invalid", f"{indicator.code} has the dimensions "
                                              f"{', '.join(indicator.dimensions) or 'none'}; {part!r} is not one.",
                                              field="dims")])
        given[k] = v
    return dims_string(indicator.dimensions, given)


def available_dims(indicator: Indicator) -> list[str]:
    return sorted(Observation.objects.filter(indicator=indicator, is_current=True)
                  .values_list("dims", flat=True).distinct())


def observations(indicator: Indicator, *, dims: str, economies: list[str] | None = None,
                 years: tuple[int, int] | None = None, release: Release | None = None) -> list[dict]:
    qs = Observation.objects.filter(indicator=indicator, dims=dims)
    qs = qs.filter(release=release) if release else qs.filter(is_current=True)
    if economies:
        qs = qs.filter(economy__iso3__in=economies)
    if years:
        qs = qs.filter(year__gte=years[0], year__lte=years[1])
    return [{"indicator": indicator.code, "economy": iso3, "year": y, "dims": d, "value": v, "status": s, "note": n,
             "release": rel} for iso3, y, d, v, s, n, rel in qs.order_by("economy__iso3", "year").values_list(
             "economy__iso3", "year", "dims", "value", "status", "note", "release_id")]


def year_span(indicator: Indicator, dims: str) -> tuple[int, int] | None:
    r = Observation.objects.filter(indicator=indicator, dims=dims, is_current=True).aggregate(a=Min("year"), b=Max("year"))
    return (r["a"], r["b"]) if r["a"] is not None else None


def economy_names(language: str) -> dict[str, str]:
    """ISO3 → the economy's name in the language, ordered by ISO3."""
    return {e.iso3: e.text("name", language)
            for e in prefetch_translations(Economy.objects.order_by("iso3"), language)}


def map_codes() -> dict[str, str]:
    """M49 code as the world map names it (no leading zeros) → ISO3."""
    return {str(int(m)): iso3 for m, iso3 in Economy.objects.exclude(m49__isnull=True).values_list("m49", "iso3")}


def economy_index() -> tuple[list[str], dict[int, int]]:
    ids = list(Economy.objects.order_by("iso3").values_list("pk", "iso3"))
    return [iso3 for _, iso3 in ids], {pk: i for i, (pk, _) in enumerate(ids)}



def membership_matrices(groups: list[str], years: list[int], index: dict[int, int], n: int) -> dict[str, np.ndarray]:
    """Group code → economies × years booleans, from the memberships valid at mid-year."""
    out = {code: np.ones((n, len(years)), dtype=bool) if code == WORLD else np.zeros((n, len(years)), dtype=bool)
           for code in groups}
    days = [dt.date(y, *MID_YEAR) for y in years]
    # One query for every group asked for.
    for code, eco, start, end in Membership.objects.filter(group__code__in=[g for g in groups if g != WORLD]).values_list(
            "group__code", "economy_id", "valid_from", "valid_to"):
        m = out[code]
        for j, day in enumerate(days):
            if (start is None or start <= day) and (end is None or end > day):
                m[index[eco], j] = True
    return out


def peer_classes(years: list[int], index: dict[int, int], n: int) -> np.ndarray:
    """Economies × years peer class ids (ITU region × World Bank income group), -1 where unknown."""
    region = np.full((n, len(years)), -1)
    income = np.full((n, len(years)), -1)
    for target, kind in ((region, "itu_region"), (income, "income")):
        codes = {}
        for eco, code, start, end in Membership.objects.filter(group__kind=kind).values_list(
                "economy_id", "group__code", "valid_from", "valid_to"):
            c = codes.setdefault(code, len(codes))
            for j, y in enumerate(years):
                day = dt.date(y, *MID_YEAR)
                if (start is None or start <= day) and (end is None or end > day):
                    target[index[eco], j] = c
    # A single id per (region, income) pair; economies without a region have no peers.
    return np.where(region >= 0, region * 10 + np.maximum(income, 0) + (income >= 0), -1)


def group_names(language: str) -> dict[str, str]:
    from django.utils.translation import gettext as _

    names = {WORLD: _("World")}
    for g in prefetch_translations(Group.objects.exclude(kind="custom"), language):
        names[g.code] = g.text("name", language)
    return names


def default_groups() -> list[str]:
    codes = list(Group.objects.filter(kind__in=["itu_region", "development", "income"]).exclude(
        code="SIDS-M49").values_list("code", flat=True))
    return [WORLD, *codes]


def published(indicator: Indicator, dims: str, years: tuple[int, int] | None = None) -> dict[tuple[str, int], float]:
    """Our group code and year → the figure the source publishes itself."""
    qs = PublishedAggregate.objects.filter(indicator=indicator, dims=dims, is_current=True).exclude(group_code="")
    if years:
        qs = qs.filter(year__gte=years[0], year__lte=years[1])
    return {(g, y): v for g, y, v in qs.values_list("group_code", "year", "value")}


def release_list() -> list[Release]:
    return list(Release.objects.select_related("imported_by").order_by("-imported_at", "-id"))


def release_rows() -> list[dict]:
    """The releases as rows, newest first (times to the second: the same text in the API and in a file)."""
    return [{"id": r.pk, "source": r.source, "format": r.adapter, "file": r.filename,
             "imported_at": r.imported_at.replace(microsecond=0),
             "imported_by": r.imported_by.get_username() if r.imported_by else "", "counts": r.counts,
             "unmatched": r.unmatched, "is_demo": r.is_demo} for r in release_list()]


def release_get(pk: int) -> Release:
    release = Release.objects.filter(pk=pk).first()
    if release is None:
        raise NotFound(f"No release #{pk}.")
    return release


def release_diff(old: Release, new: Release, *, limit: int = 500) -> dict:
    """What changed from one release to another, key by key (indicator, economy, year, dimensions)."""
    def load(rel):
        return {(i, e, y, d): v for i, e, y, d, v in Observation.objects.filter(release=rel).values_list(
            "indicator__code", "economy__iso3", "year", "dims", "value").iterator(chunk_size=20000)}

    a, b = load(old), load(new)
    added = [k for k in b if k not in a]
    removed = [k for k in a if k not in b]
    changed = [k for k in b if k in a and a[k] != b[k]]
    rows = [{"indicator": k[0], "economy": k[1], "year": k[2], "dims": k[3], "old": a[k], "new": b[k],
             "change": b[k] - a[k]} for k in sorted(changed, key=lambda k: -abs(b[k] - a[k]))[:limit]]
    rows += [{"indicator": k[0], "economy": k[1], "year": k[2], "dims": k[3], "old": None, "new": b[k], "change": None}
             for k in sorted(added)[: max(0, limit - len(rows))]]
    rows += [{"indicator": k[0], "economy": k[1], "year": k[2], "dims": k[3], "old": a[k], "new": None, "change": None}
             for k in sorted(removed)[: max(0, limit - len(rows))]]
    return {"old": old.pk, "new": new.pk, "added": len(added), "removed": len(removed), "changed": len(changed),
            "unchanged": len(b) - len(added) - len(changed), "rows": rows, "truncated": len(rows) < len(added)
            + len(removed) + len(changed)}



STATUS_CODE = {"reported": 0, "estimated": 1, "imputed": 2}


def _panel(indicator: Indicator, dims: str, years: list[int], economies: list[str], index: dict[int, int]):
    from wsis.statistics.aggregate import Panel

    n = len(economies)
    values = np.full((n, len(years)), np.nan)
    status = np.zeros((n, len(years)), dtype=np.int8)
    y0 = years[0]
    qs = Observation.objects.filter(indicator=indicator, dims=dims, is_current=True, year__gte=years[0],
                                    year__lte=years[-1])
    for eco, year, value, st in qs.values_list("economy_id", "year", "value", "status").iterator(chunk_size=20000):
        i, j = index[eco], year - y0
        values[i, j] = value
        status[i, j] = STATUS_CODE.get(st, 0)
    return Panel(economies, years, values, status)


def method_from(params: dict | None):
    """GapFill from request parameters; bad values name the parameter."""
    from wsis.statistics.aggregate import GapFill

    p = params or {}
    try:
        return GapFill(
            interpolate=str(p.get("interpolate", "true")).lower() not in ("false", "0", "no"),
            carry_forward=int(p.get("carry_forward", 3)), carry_back=int(p.get("carry_back", 0)),
            impute=p.get("impute", "peer_mean"), min_coverage=float(p.get("min_coverage", 0.5)))
    except (TypeError, ValueError) as exc:
        raise ValidationFailed([ErrorItem("invalid", str(exc), field="method")]) from exc


def data_version() -> str:
    """A fingerprint of everything a group figure depends on besides the indicator's own definition: the
    releases (every import or deletion of data adds or removes one, and only imports change which
    observations are current; the time of the newest tells apart two databases that reuse an id) and the
    memberships of groups. One query."""
    from django.db import connection

    rel, mem = Release._meta.db_table, Membership._meta.db_table
    with connection.cursor() as cur:
        cur.execute(f"SELECT (SELECT COUNT(*) FROM {rel}), (SELECT MAX(id) FROM {rel}), (SELECT MAX(imported_at) FROM {rel}), "
                    f"(SELECT COUNT(*) FROM {mem}), (SELECT MAX(id) FROM {mem}), "
                    f"(SELECT MAX(valid_from) FROM {mem}), (SELECT MAX(valid_to) FROM {mem})")
        return "|".join(str(v) for v in cur.fetchone())


# Group figures are recomputed from the whole panel of an indicator (tens of milliseconds each, several per
# page); they change only with a new release or new memberships, so they are kept per data version. The
# time limit bounds how long an edit made outside those (an indicator's rule in the admin) could go unseen.
AGGREGATE_CACHE_SECONDS = 3600


def aggregates(indicator: Indicator, *, dims: str | None = None, groups: list[str] | None = None,
               years: tuple[int, int] | None = None, method=None, version: str | None = None) -> list[dict]:
    """Every group × year figure of the indicator with coverage, what was filled, and the source's own
    group figure beside ours when it publishes one. Kept in the cache per data version (see `data_version`;
    pass `version` when calling many times in one request)."""
    import hashlib

    from django.core.cache import cache

    key = repr((indicator.pk, indicator.code, indicator.rule, indicator.weight_id, indicator.scale,
                dims, tuple(groups) if groups else None, tuple(years) if years else None, repr(method),
                version or data_version()))
    key = "stats:agg:" + hashlib.sha256(key.encode()).hexdigest()
    rows = cache.get(key)
    if rows is None:
        rows = _aggregates(indicator, dims=dims, groups=groups, years=years, method=method)
        cache.set(key, rows, AGGREGATE_CACHE_SECONDS)
    return rows


def _aggregates(indicator: Indicator, *, dims: str | None = None, groups: list[str] | None = None,
                years: tuple[int, int] | None = None, method=None) -> list[dict]:
    from wsis.statistics.aggregate import GapFill, aggregate, published_difference

    if indicator.rule == "none":
        raise ValidationFailed([ErrorItem("not_aggregable", f"{indicator.code} is not aggregable: its aggregation "
                                          "rule is 'none'.", field="indicator")])
    if years:
        # The panel spans every year from the first asked or observed to the last: bound them.
        check_year(years[0], "from")
        check_year(years[1], "to")
    dims = dims if dims is not None else total_dims(indicator)
    data_span = year_span(indicator, dims)
    if data_span is None:
        return []
    span = years or data_span
    # Gap filling reads the whole series (interpolation needs later years, carrying forward earlier ones);
    # only the rows of the years asked for are returned.
    year_list = list(range(min(span[0], data_span[0]), max(span[1], data_span[1]) + 1))
    economies, index = economy_index()
    n = len(economies)
    groups = groups or default_groups()
    known = set(Group.objects.filter(code__in=groups).values_list("code", flat=True)) | {WORLD}
    unknown = [g for g in groups if g not in known]
    if unknown:
        raise ValidationFailed([ErrorItem("unknown_code", f"Unknown group {g!r}.", field="groups") for g in unknown])
    panel = _panel(indicator, dims, year_list, economies, index)
    weights = denominator = None
    if indicator.weight_id:
        w = _panel(indicator.weight, total_dims(indicator.weight), year_list, economies, index)
        if indicator.rule == "ratio_of_sums":
            denominator = w
        else:
            weights = w.values
    if indicator.rule == "weighted_mean" and weights is None:
        raise ValidationFailed([ErrorItem("no_weight", f"{indicator.code} is a weighted mean without a weight "
                                          "indicator.", field="indicator")])
    rows = aggregate(panel, groups=membership_matrices(groups, year_list, index, n), rule=indicator.rule,
                     weights=weights, method=method or GapFill(), peers=peer_classes(year_list, index, n),
                     denominator=denominator, scale=indicator.scale)
    theirs = published(indicator, dims, span)
    out = []
    for r in rows:
        if not span[0] <= r.year <= span[1]:
            continue
        d = r.as_dict()
        d["filled"] = dict(sorted(d["filled"].items()))
        d["indicator"], d["dims"] = indicator.code, dims
        d["published_by_source"] = theirs.get((r.group, r.year))
        d["difference"] = published_difference(r.value, d["published_by_source"])
        d["n_filled"] = len(d["filled"])
        out.append(d)
    return out


def _series(rows: list[dict], group: str) -> list[tuple[int, float]]:
    return [(r["year"], r["value"]) for r in rows if r["group"] == group and r["value"] is not None]


# The comparisons of the digital-divide page: (group, reference group).
GAP_PAIRS = [("LDC", WORLD), ("LLDC", WORLD), ("SIDS", WORLD), ("DEVELOPING", "DEVELOPED"),
             ("AFR", WORLD), ("AMS", WORLD), ("ARB", WORLD), ("ASP", WORLD), ("CIS", WORLD), ("EUR", WORLD)]


def divide(indicator: Indicator, *, year: int | None = None, method=None) -> dict:
    """Gaps and ratios between groups, female/male parity, urban/rural gap, dispersion across economies
    and its trend, and people offline — for one indicator and year."""
    from wsis.statistics import divide as dv

    check_year(year)
    rows = aggregates(indicator, groups=[WORLD, *{g for pair in GAP_PAIRS for g in pair if g != WORLD}],
                      method=method)
    years_with = sorted({r["year"] for r in rows if r["value"] is not None})
    if not years_with:
        return {"indicator": indicator.code, "year": None, "gaps": [], "parity": [], "urban_rural": [],
                "dispersion": None, "offline": []}
    year = year or years_with[-1]
    val = {(r["group"], r["year"]): r["value"] for r in rows}
    gaps = [{"group": a, "reference": b, "value": val.get((a, year)), "reference_value": val.get((b, year)),
             "gap": dv.gap(val.get((a, year)), val.get((b, year))),
             "ratio": dv.ratio(val.get((a, year)), val.get((b, year)))} for a, b in GAP_PAIRS]
    out = {"indicator": indicator.code, "unit": indicator.unit, "year": year, "gaps": gaps, "parity": [],
           "urban_rural": []}
    groups = [WORLD, "LDC", "LLDC", "SIDS", "DEVELOPED", "DEVELOPING", "AFR", "AMS", "ARB", "ASP", "CIS", "EUR"]
    for dim, a, b, key in (("SEX", "F", "M", "parity"), ("URBANISATION", "U", "R", "urban_rural")):
        if dim not in indicator.dimensions:
            continue
        ra = {(r["group"], r["year"]): r["value"] for r in aggregates(
            indicator, dims=dims_param(indicator, f"{dim}={a}"), groups=groups, method=method)}
        rb = {(r["group"], r["year"]): r["value"] for r in aggregates(
            indicator, dims=dims_param(indicator, f"{dim}={b}"), groups=groups, method=method)}
        for g in groups:
            va, vb = ra.get((g, year)), rb.get((g, year))
            if key == "parity":
                score = dv.gender_parity(va, vb)
                out["parity"].append({"group": g, "female": va, "male": vb, "score": score,
                                      "band": dv.parity_band(score)})
            else:
                out["urban_rural"].append({"group": g, "urban": va, "rural": vb, **dv.urban_rural_gap(va, vb)})
    # Dispersion across economies: reported values only, population-weighted, each year.
    economies, index = economy_index()
    span = year_span(indicator, total_dims(indicator)) or (year, year)
    year_list = list(range(span[0], span[1] + 1))
    panel = _panel(indicator, total_dims(indicator), year_list, economies, index)
    pop = None
    if indicator.weight_id:
        pop = _panel(indicator.weight, total_dims(indicator.weight), year_list, economies, index).values
    series = []
    for j, y in enumerate(year_list):
        v = panel.values[:, j]
        w = pop[:, j] if pop is not None else None
        g = dv.gini(v, w)
        if g.n >= 10:
            series.append({"year": y, "gini": g.value, "cv": dv.coefficient_of_variation(v, w).value,
                           "theil": dv.theil(v, w).value, "economies": g.n})
    recent = [s for s in series if s["year"] > year - 10 and s["year"] <= year]
    tr = dv.trend([s["year"] for s in recent], [s["gini"] for s in recent]) if len(recent) >= 3 else None
    out["dispersion"] = {"series": series, "trend": tr.__dict__ if tr else None}
    out["offline"] = []
    if indicator.unit == "%" and indicator.weight_id:
        # People offline: the group's population × (1 − its share online), both as aggregated above.
        pops = {r["group"]: r["value"] for r in aggregates(indicator.weight, groups=groups, years=(year, year),
                                                           method=method)}
        for g in groups:
            share, p = val.get((g, year)), pops.get(g)
            out["offline"].append({"group": g, "population": p, "share_online": share,
                                   "offline": dv.people_offline(p, share) if None not in (p, share) else None})
    return out


def targets(*, method=None) -> list[dict]:
    """Each strategic target an indicator here measures: latest figure, distance, pace, projection, status."""
    from wsis.reference.models import StrategicTarget
    from wsis.statistics import catalogue
    from wsis.statistics import divide as dv
    from wsis.statistics.targets import track

    out = []
    cache: dict = {}
    version = data_version()
    inds = {i.code: i for i in Indicator.objects.filter(
        code__in={link["indicator"] for link in catalogue.TARGET_LINKS.values()})}
    for t in StrategicTarget.objects.filter(code__in=catalogue.TARGET_LINKS).prefetch_related("translations"):
        link = catalogue.TARGET_LINKS[t.code]
        ind = inds.get(link["indicator"])
        row = {"code": t.code, "framework": t.framework, "text": t.text("text"), "indicator": link["indicator"],
               "group": link["group"], "measure": link["measure"], "deadline": t.deadline.year,
               "target": float(t.value) if t.value is not None else None, "verified": t.verified}
        series: list[tuple[int, float]] = []
        if ind is not None and ind.rule != "none":
            if link["measure"] == "parity" and "SEX" in ind.dimensions:
                key = (ind.code, "parity", link["group"])
                if key not in cache:
                    f = _series(aggregates(ind, dims=dims_param(ind, "SEX=F"), groups=[link["group"]],
                                           method=method, version=version), link["group"])
                    m = dict(_series(aggregates(ind, dims=dims_param(ind, "SEX=M"), groups=[link["group"]],
                                                method=method, version=version), link["group"]))
                    cache[key] = [(y, dv.gender_parity(v, m[y])) for y, v in f if y in m and m[y]]
                series = cache[key]
                row["target"] = catalogue.PARITY_TARGET
            elif link["measure"] == "value":
                key = (ind.code, link["group"])
                if key not in cache:
                    cache[key] = _series(aggregates(ind, groups=[link["group"]], method=method, version=version),
                                         link["group"])
                series = cache[key]
        comparator = t.comparator if t.comparator in (">=", "<=") else ">="
        row["comparator"] = comparator
        if row["target"] is None or not series:
            row.update(status="insufficient_data", latest_year=None, latest_value=None, series=[])
        else:
            r = track(series, target=row["target"], deadline=row["deadline"], comparator=comparator,
                      bounded=(0.0, 100.0) if ind.unit == "%" and link["measure"] == "value" else None)
            row.update({k: v for k, v in r.__dict__.items() if k not in ("target", "deadline")})
            row["series"] = series
        out.append(row)
    return out


def index_definition(code: str = "IDI"):
    """The stored index definition (the newest version), as the dataclasses `wsis.statistics.index` scores."""
    from wsis.statistics.index import Component
    from wsis.statistics.index import IndexDefinition as Defn
    from wsis.statistics.models import IndexDefinition

    row = IndexDefinition.objects.filter(code=code).order_by("-version").first()
    if row is None:
        raise NotFound(f"No index {code!r}.")
    d = dict(row.definition)
    d["components"] = tuple(Component(**c) for c in d["components"])
    d["pillars"] = {k: tuple(v) for k, v in d["pillars"].items()}
    return row, Defn(**d)


def index_scores(code: str = "IDI", *, year: int | None = None, latest_within: int = 3) -> dict:
    """Scores of every economy for a year (see `_index_scores`), kept per data version and index definition."""
    from wsis.statistics.models import IndexDefinition

    check_year(year)
    definition = IndexDefinition.objects.filter(code=code).order_by("-version").values_list("pk", "version").first()
    return kept("index", lambda: _index_scores(code, year=year, latest_within=latest_within), code, year,
                latest_within, definition)


def _index_scores(code: str = "IDI", *, year: int | None = None, latest_within: int = 3) -> dict:
    """Scores of every economy for a year: each component takes the economy's value for that year or, failing
    that, its latest value up to `latest_within` years earlier (declared, like the aggregates' carry-forward)."""
    from wsis.statistics.index import score_many

    check_year(year)
    row, defn = index_definition(code)
    indicators = {}
    for ind in Indicator.objects.all():
        for alias in [ind.code, *ind.aliases]:
            indicators.setdefault(alias, ind)
    years_available = Observation.objects.filter(is_current=True).aggregate(y=Max("year"))["y"]
    year = year or years_available
    table: dict[str, dict[str, float | None]] = defaultdict(dict)
    sources = {}
    for c in defn.components:
        ind = indicators.get(c.indicator)
        sources[c.indicator] = ind.code if ind else None
        if ind is None or year is None:
            continue
        qs = Observation.objects.filter(indicator=ind, dims=total_dims(ind), is_current=True,
                                        year__gt=year - 1 - latest_within, year__lte=year).order_by("year")
        for iso3, _y, v in qs.values_list("economy__iso3", "year", "value"):
            table[iso3][c.indicator] = v  # ordered by year: the latest wins
    scores = score_many(defn, table) if table else {}
    return {"code": row.code, "version": row.version, "name": row.name, "verified": row.verified,
            "notes": row.notes, "year": year, "sources": sources, "definition": defn,
            "scores": dict(sorted(scores.items(), key=lambda kv: (kv[1].index is None, -(kv[1].index or 0))))}


def profile(iso3: str, *, language: str, year: int | None = None) -> dict:
    """Each indicator's latest value for the economy beside its ITU region, development groups and the world."""
    check_year(year)
    eco = Economy.objects.prefetch_related("translations").filter(iso3=iso3.upper()).first()
    if eco is None:
        raise NotFound(f"No economy {iso3!r}.")
    today = dt.date.today()
    groups = [WORLD, *Membership.objects.valid_on(today).filter(economy=eco).exclude(group__kind="custom")
              .order_by("group__kind", "group__order").values_list("group__code", flat=True)]
    rows = []
    version = data_version()
    inds = list(prefetch_translations(Indicator.objects.select_related("weight"), language))
    # The economy's current values at each indicator's total, in one query: (indicator id, year) → value, status.
    totals = {ind.pk: total_dims(ind) for ind in inds}
    own: dict[int, dict[int, tuple[float, str]]] = defaultdict(dict)
    for ind_id, y, d, v, st in Observation.objects.filter(economy=eco, is_current=True,
                                                           indicator_id__in=list(totals)).values_list(
            "indicator_id", "year", "dims", "value", "status"):
        if d == totals[ind_id]:
            own[ind_id][y] = (v, st)
    for ind in inds:
        values = own.get(ind.pk)
        if not values:
            continue
        last_year = max(values)
        y = year or last_year
        value = values.get(y)
        comparison = {}
        if ind.rule != "none":
            for r in aggregates(ind, groups=groups, years=(y, y), version=version):
                comparison[r["group"]] = r["value"]
        rows.append({"indicator": ind.code, "name": ind.text("name", language), "unit": ind.unit, "year": y,
                     "value": value[0] if value else None, "status": values[last_year][1] if y == last_year else None,
                     "groups": comparison})
    return {"economy": eco, "groups": groups, "rows": rows}


def _method_words(method) -> list[str]:
    """The gap-filling and imputation method, in words of the active language."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    out = []
    if method.interpolate:
        out.append(_("A missing year between two values of the same economy gets the straight line between them."))
    if method.carry_forward:
        out.append(ngettext("The last value of an economy is carried forward at most %(n)d year.",
                            "The last value of an economy is carried forward at most %(n)d years.",
                            method.carry_forward) % {"n": method.carry_forward})
    if method.carry_back:
        out.append(ngettext("The first value of an economy is carried back at most %(n)d year.",
                            "The first value of an economy is carried back at most %(n)d years.",
                            method.carry_back) % {"n": method.carry_back})
    if method.impute == "peer_mean":
        out.append(_("A member still without a value gets the figure of its peers in the group (same ITU region "
                     "and income group), weighted like the indicator; imputed values never feed other imputations."))
    else:
        out.append(_("Members without a value are left out; coverage says how much of the group the figure covers."))
    out.append(_("A group figure is published when economies with reported values make up at least %(p)d %% of "
                 "the group (by weight).") % {"p": round(method.min_coverage * 100)})
    return out


def rule_words(indicator: Indicator) -> str:
    """How the indicator's group figures are computed, in words of the active language."""
    from django.utils.translation import gettext as _

    weight = indicator.weight.code if indicator.weight_id else ""
    return {
        "weighted_mean": _("Weighted mean of the economies' values, each weighted by %(w)s.") % {"w": weight},
        "mean": _("Unweighted mean of the economies' values: each economy counts the same."),
        "sum": _("Sum of the economies' values."),
        "ratio_of_sums": _("Sum of the economies' values divided by the sum of %(w)s, scaled by %(s)g.")
        % {"w": weight, "s": indicator.scale},
        "none": _("Not aggregated: the values of economies are not comparable or not additive, so no group "
                  "figure is computed."),
    }.get(indicator.rule, indicator.rule)


def indicator_about(indicator: Indicator, language: str) -> dict:
    """What a statistician asks of an indicator: definition, unit, source series, aggregation rule and
    gap-filling method in words, coverage over time (economies with a value each year) and its releases."""
    import hashlib

    from django.core.cache import cache

    from wsis.statistics.aggregate import GapFill

    dims = total_dims(indicator)
    key = "stats:about:" + hashlib.sha256(f"{indicator.pk}|{dims}|{data_version()}".encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        coverage = [{"year": y, "economies": n} for y, n in Observation.objects.filter(
            indicator=indicator, dims=dims, is_current=True).values("year").annotate(n=Count("economy_id"))
            .order_by("year").values_list("year", "n")]
        ids = set(Observation.objects.filter(indicator=indicator).values_list("release_id", flat=True).distinct())
        ids |= set(PublishedAggregate.objects.filter(indicator=indicator).values_list("release_id", flat=True)
                   .distinct())
        kept = (coverage, [r for r in release_rows() if r["id"] in ids], Economy.objects.count())
        cache.set(key, kept, AGGREGATE_CACHE_SECONDS)
    coverage, releases, n_economies = kept
    definition = ""
    for t in indicator.translations.all():
        if t.language == language and t.definition:
            definition = t.definition
    if not definition:
        definition = next((t.definition for t in indicator.translations.all() if t.language == "en"), "")
    return {"code": indicator.code, "name": indicator.text("name", language), "definition": definition,
            "unit": indicator.unit, "source": indicator.source, "aliases": list(indicator.aliases or []),
            "sdg_indicator": indicator.sdg_indicator, "rule": indicator.rule, "rule_label": rule_labels().get(
                indicator.rule, indicator.rule), "rule_words": rule_words(indicator),
            "weight": indicator.weight.code if indicator.weight_id else None,
            "method_words": _method_words(GapFill()) if indicator.rule != "none" else [],
            "dimensions": list(indicator.dimensions or []), "higher_is_better": indicator.higher_is_better,
            "coverage": coverage, "economies": n_economies, "releases": releases}
