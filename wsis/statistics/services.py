"""ICT statistics writes: the indicator catalogue, and importing a release — match every area, check every
value, then write all of it in one transaction or nothing."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef

from wsis.accounts.models import Role
from wsis.accounts.permissions import has_role, is_bdt_admin
from wsis.core.audit import audit
from wsis.core.errors import ErrorItem, PermissionDenied, Problems, ValidationFailed, problem_count
from wsis.core.validation import YEAR_MAX, YEAR_MIN, text_problem
from wsis.reference.models import Economy, EconomyTranslation
from wsis.reference.upsert import Tally, upsert, upsert_translations
from wsis.statistics import catalogue
from wsis.statistics.models import (
    IndexDefinition,
    Indicator,
    IndicatorTranslation,
    Observation,
    PublishedAggregate,
    Release,
)
from wsis.statistics.records import Parsed, dims_string

BATCH = 20000
# Units that mean the same thing, written differently by different sources.
UNIT_SYNONYMS = {
    "%": "%", "percent": "%", "per cent": "%", "percentage": "%", "% of population": "%",
    "per 100 inhabitants": "per 100", "per 100 people": "per 100", "per 100 population": "per 100",
    "per_100_pop": "per 100",
    "people": "people", "persons": "people", "number": "number", "subscriptions": "number",
}


def can_statistics_import(user) -> bool:
    return is_bdt_admin(user) or has_role(user, Role.STATISTICIAN)


def _unit(u: str) -> str:
    u = (u or "").strip().lower()
    return UNIT_SYNONYMS.get(u, u)


def catalogue_init(*, actor="wsis init") -> Tally:
    """Create or update the indicators the platform ships (idempotent)."""
    tally = Tally()
    with transaction.atomic():
        rows = {}
        for i, d in enumerate(catalogue.INDICATORS):
            rows[d["code"]] = upsert(Indicator, {"code": d["code"]}, {
                "unit": d["unit"], "rule": d["rule"], "dimensions": d["dimensions"], "sdg_indicator": d["sdg"],
                "aliases": d["aliases"], "higher_is_better": d["higher_is_better"], "source": d["source"],
                "order": i}, tally)
            upsert_translations(IndicatorTranslation, "indicator", rows[d["code"]],
                                {lang: {"name": name} for lang, name in d["names"].items()}, tally)
        for d in catalogue.INDICATORS:
            weight = rows[d["weight"]] if d["weight"] else None
            upsert(Indicator, {"code": d["code"]}, {"weight": weight}, tally)
        from wsis.statistics.idi_2023 import IDI_2023

        upsert(IndexDefinition, {"code": "IDI", "version": IDI_2023.version},
               {"name": IDI_2023.name, "definition": index_as_data(IDI_2023), "verified": IDI_2023.verified,
                "notes": IDI_2023.notes}, tally)
        if tally.changed():
            audit(actor=actor, verb="indicator.load_catalogue", target=("statistics", "", "indicator catalogue"),
                  after=dict(tally))
    return tally


def index_as_data(defn) -> dict:
    """An index definition as plain JSON data (what the database keeps and the API shows)."""
    import dataclasses

    d = dataclasses.asdict(defn)
    d["components"] = [dict(c) for c in d["components"]]
    d["pillars"] = {k: list(v) for k, v in d["pillars"].items()}
    return d


@dataclass
class Matcher:
    """Finds the economy or the published aggregate an area code of a source stands for."""

    iso3: dict[str, int] = field(default_factory=dict)
    m49: dict[str, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Matcher:
        m = cls()
        for pk, iso3, m49 in Economy.objects.values_list("pk", "iso3", "m49"):
            m.iso3[iso3] = pk
            if m49:
                m.m49[str(int(m49))] = pk
        for eco, name in EconomyTranslation.objects.filter(language="en").values_list("economy_id", "name"):
            m.names[name.casefold()] = eco
        return m

    def match(self, area: str, kind: str) -> tuple[str, object]:
        """("economy", pk) | ("aggregate", (code, our group code or "")) | ("unmatched", None)."""
        from wsis.statistics import known_aggregates, m49_aggregates

        a = area.strip()
        if kind in ("iso3", "wb"):
            if kind == "wb" and a in known_aggregates.WB_AGGREGATES:
                return "aggregate", (a, known_aggregates.WB_AGGREGATES[a][1] or "")
            if kind == "wb" and a == "CHI":  # Guernsey and Jersey together: kept as a published aggregate
                return "aggregate", (a, "")
            if a.upper() in self.iso3:
                return "economy", self.iso3[a.upper()]
        elif kind == "m49":
            key = a.lstrip("0") or "0"
            if key in self.m49:
                return "economy", self.m49[key]
            if key in m49_aggregates.M49_AGGREGATES:
                return "aggregate", (key, m49_aggregates.M49_AGGREGATES[key][1] or "")
        elif kind == "name":
            pk = self.names.get(a.casefold())
            if pk is not None:
                return "economy", pk
            if a.casefold() == "world":
                return "aggregate", (a, "WORLD")
            return "aggregate", (a, "")
        return "unmatched", None


@dataclass
class ImportResult:
    release: Release | None
    created: bool
    observations: int = 0
    aggregates: int = 0
    indicators: list[str] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)
    replaced: int = 0


def _insert_observations(rows: list[tuple]) -> None:
    """Rows straight to the database: COPY on PostgreSQL, parameterised INSERTs elsewhere. Model instances
    and Django's per-backend batch limits cost most of the time of a large import (measured: 15 of 22 s for
    100 000 rows on SQLite; row-by-row INSERTs took 158 s for a million rows on PostgreSQL)."""
    if not rows:
        return
    from django.db import connection

    table = connection.ops.quote_name(Observation._meta.db_table)
    cols = ("release_id", "indicator_id", "economy_id", "year", "dims", "value", "status", "note", "is_current")
    col_sql = ", ".join(connection.ops.quote_name(c) for c in cols)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY text format, built in one string: per-row write calls cost more than the database's work.
            def esc(text: str) -> str:
                if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
                    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                return text

            data = "".join(f"{rel}\t{ind}\t{eco}\t{year}\t{esc(dims)}\t{value!r}\t{status}\t{esc(note)}\t"
                           f"{'t' if current else 'f'}\n"
                           for rel, ind, eco, year, dims, value, status, note, current in rows)
            with cursor.cursor.copy(f"COPY {table} ({col_sql}) FROM STDIN") as copy:
                copy.write(data.encode())
        else:
            cursor.executemany(f"INSERT INTO {table} ({col_sql}) VALUES ({', '.join(['%s'] * len(cols))})", rows)


def _analyze() -> None:
    """Fresh planner statistics after a bulk load: with stale ones PostgreSQL plans the superseding update as
    a nested loop over the whole table (measured: minutes for a million rows)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Observation._meta.db_table)}")


def content_hash(content: bytes, adapter: str, options: dict) -> str:
    h = hashlib.sha256(content)
    h.update(adapter.encode())
    h.update(repr(sorted(options.items())).encode())
    return h.hexdigest()


def import_release(*, actor, parsed: Parsed, adapter: str, filename: str, sha256: str, options: dict | None = None,
                   allow_unmatched: bool = False, create_indicators: bool = False, is_demo: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Validate everything in `parsed`, then write it as one release. Importing the same file with the same
    options again changes nothing."""
    if not (is_demo and isinstance(actor, str)) and not can_statistics_import(actor):
        raise PermissionDenied("Only ICT statisticians and BDT administrators import statistics.")
    options = options or {}
    previous = Release.objects.filter(sha256=sha256).first()
    if previous is not None:
        return ImportResult(previous, created=False, observations=previous.counts.get("observations", 0),
                            aggregates=previous.counts.get("aggregates", 0))
    errors = Problems(parsed.errors)
    # Series → indicator, by code or by a source series code.
    indicators = {}
    for ind in Indicator.objects.all():
        indicators[ind.code] = ind
        for alias in ind.aliases:
            indicators.setdefault(alias, ind)
    series = {r.indicator for r in parsed.records}
    new_series = []
    for code in sorted(series):
        if code in indicators:
            ind = indicators[code]
            info = parsed.series.get(code)
            if info and info.unit and ind.unit and _unit(info.unit) != _unit(ind.unit):
                errors.append(ErrorItem("unit_mismatch", f"Series {code} is in {info.unit!r} but indicator {ind.code} is "
                                        f"in {ind.unit!r}.", field="unit", location=filename))
        elif create_indicators:
            new_series.append(code)
        else:
            errors.append(ErrorItem("unknown_series", f"Series {code!r} is not a known indicator; add it to an "
                                    "indicator's source codes or import with --create-indicators.",
                                    field="indicator", location=filename))
    matcher = Matcher.load()
    seen: dict[tuple, tuple[float, str]] = {}
    unmatched: dict[str, dict] = {}
    rows = []
    # A release repeats the same few areas, series and dimension sets a million times: decide each once.
    matched: dict[tuple[str, str], tuple[str, object]] = {}
    keyed: dict[tuple, tuple[str, list[str]] | None] = {}
    percent: dict[str, bool] = {}
    for r in parsed.records:
        if not math.isfinite(r.value):
            errors.append(ErrorItem("invalid", f"{r.value!r} is not a number.", field="value", location=r.location))
            continue
        if not (isinstance(r.year, int) and YEAR_MIN <= r.year <= YEAR_MAX):
            errors.append(ErrorItem("invalid_year", f"{r.year!r} is not a year within {YEAR_MIN}–{YEAR_MAX}.",
                                    field="year", location=r.location))
            continue
        is_percent = percent.get(r.indicator)
        if is_percent is None:
            ind = indicators.get(r.indicator)
            info = parsed.series.get(r.indicator)
            unit = ind.unit if ind is not None and ind.unit else (info.unit if info else "")
            is_percent = percent[r.indicator] = _unit(unit) == "%"
        if is_percent and not 0 <= r.value <= 100:
            errors.append(ErrorItem("out_of_range", f"{r.value:g} is not a percentage between 0 and 100 "
                                    f"(series {r.indicator} is in per cent).", field="value", location=r.location))
            continue
        bad_text = text_problem(r.note, multiline=True) or text_problem(r.area_name) or text_problem(r.area)
        if bad_text:
            errors.append(ErrorItem(bad_text[0], f"the row {bad_text[1]}.", field="note", location=r.location))
            continue
        dk = keyed.get((r.indicator, r.dims), False)
        if dk is False:
            ind = indicators.get(r.indicator)
            allowed = ind.dimensions if ind else sorted(k for k, _ in r.dims)
            bad = [k for k, _ in r.dims if k not in allowed]
            dk = keyed[(r.indicator, r.dims)] = (None, bad) if bad and ind is not None else (
                dims_string(allowed, r.dims), [])
        if dk[0] is None:
            errors.append(ErrorItem("invalid", f"Indicator {indicators[r.indicator].code} has no dimension "
                                    f"{', '.join(dk[1])}.", field="dims", location=r.location))
            continue
        area_key = (r.area, r.area_kind)
        m = matched.get(area_key)
        if m is None:
            m = matched[area_key] = matcher.match(r.area, r.area_kind)
        kind, target = m
        if kind == "unmatched":
            u = unmatched.setdefault(r.area, {"area": r.area, "name": r.area_name, "kind": r.area_kind,
                                              "location": r.location, "rows": 0})
            u["rows"] += 1
            continue
        key = (r.indicator, kind, target, r.year, dk[0])
        if key in seen:
            value, where = seen[key]
            if value != r.value:
                errors.append(ErrorItem("duplicate", f"{r.area} {r.year} appears twice with different values "
                                        f"({value:g} at {where}, {r.value:g} here).", field="value", location=r.location))
            continue
        seen[key] = (r.value, r.location)
        rows.append((key, r))
    if unmatched and not allow_unmatched:
        listed = ", ".join(f"{u['area']}" + (f" ({u['name']})" if u["name"] else "") for u in unmatched.values())
        errors.append(ErrorItem("unmatched", f"{len(unmatched)} areas match no economy and no known aggregate: "
                                f"{listed}. Correct the file, or import with --skip-unmatched to leave them out.",
                                field="area", location=filename))
    if errors:
        raise ValidationFailed(errors, f"{problem_count(errors)} problems in {filename}; nothing was imported.")

    total = len(rows)
    with transaction.atomic():
        for code in new_series:
            info = parsed.series.get(code)
            ind = Indicator.objects.create(code=code[:60], unit=(info.unit if info else "")[:40], rule="none",
                                           source=(info.source if info else parsed.source)[:300],
                                           sdg_indicator=(info.sdg_indicator if info else "")[:12])
            IndicatorTranslation.objects.create(indicator=ind, language="en", name=(info.name if info else code)[:300])
            indicators[code] = ind
        release = Release.objects.create(source=parsed.source or adapter, adapter=adapter, filename=filename[:300],
                                         sha256=sha256, options=options, is_demo=is_demo,
                                         imported_by=actor if hasattr(actor, "pk") else None,
                                         unmatched=list(unmatched.values()))
        obs, aggs = [], []
        done = n_obs = 0
        codes = set()
        rel = release.pk
        for (code, kind, target, year, dims), r in rows:
            ind = indicators[code]
            codes.add(code)
            if kind == "economy":
                n_obs += 1
                obs.append((rel, ind.pk, target, year, dims, r.value, r.status, r.note[:300], True))
            else:
                area, group = target
                aggs.append(PublishedAggregate(release=release, indicator=ind, area=area[:40],
                                               area_name=r.area_name[:200], group_code=group, year=year, dims=dims,
                                               value=r.value, status=r.status))
            if len(obs) >= BATCH:
                _insert_observations(obs)
                done += len(obs)
                obs = []
                if progress:
                    progress(done, total)
        _insert_observations(obs)
        PublishedAggregate.objects.bulk_create(aggs, batch_size=500)
        done += len(obs) + len(aggs)
        if progress:
            progress(done, total)
        _analyze()
        # The new release is now current for every key it carries.
        touched = {indicators[c].pk for c in codes}
        replaced = 0
        older = Observation.objects.filter(indicator__in=touched, is_current=True).exclude(release=release)
        if older.exists():
            same_key = Observation.objects.filter(release=release, indicator=OuterRef("indicator"),
                                                  economy=OuterRef("economy"), year=OuterRef("year"),
                                                  dims=OuterRef("dims"))
            replaced = older.filter(Exists(same_key)).update(is_current=False)
        same_agg = PublishedAggregate.objects.filter(release=release, indicator=OuterRef("indicator"),
                                                     area=OuterRef("area"), year=OuterRef("year"), dims=OuterRef("dims"))
        (PublishedAggregate.objects.filter(is_current=True).exclude(release=release)
         .filter(Exists(same_agg)).update(is_current=False))
        if not is_demo:
            # Real data retires the demo values of the indicators it brings, so the two are never mixed.
            replaced += Observation.objects.filter(indicator__in=touched, release__is_demo=True,
                                                   is_current=True).update(is_current=False)
            PublishedAggregate.objects.filter(indicator__in=touched, release__is_demo=True,
                                              is_current=True).update(is_current=False)
        release.counts = {"observations": n_obs, "aggregates": len(rows) - n_obs, "replaced": replaced,
                          "indicators": sorted({indicators[c].code for c in codes})}
        release.save(update_fields=["counts"])
        audit(actor=actor, verb="release.import", target=release,
              after={**release.counts, "file": filename, "unmatched": len(unmatched)})
    return ImportResult(release, True, n_obs, len(rows) - n_obs, release.counts["indicators"],
                        list(unmatched.values()), replaced)
