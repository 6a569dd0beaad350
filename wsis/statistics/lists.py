"""The statistics lists' read contracts (see wsis.core.lists): indicators, an indicator's observations and group
figures, strategic targets and releases."""

from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import Field

from wsis.core.bounds import Id, Year
from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.lists import ListContract
from wsis.statistics import selectors
from wsis.statistics.aggregate import MAX_CARRY
from wsis.statistics.schemas import ImportUnmatched

Carry = Annotated[int, Field(ge=0, le=MAX_CARRY)]
Share = Annotated[float, Field(ge=0, le=1)]
METHOD_DOC = ("Gap filling (declared): interpolate=true|false, carry_forward=years (default 3), carry_back=years "
              "(default 0), impute=peer_mean|none, min_coverage=0..1 (default 0.5: below half of the group's "
              "population covered by reported values no figure is published).")


def _codes(values: list[str]) -> list[str] | None:
    """Codes given as repeated parameters, comma-separated, or both; None when there are none."""
    return [c.strip() for v in values for c in v.split(",") if c.strip()] or None


def _years(start: int | None, end: int | None):
    if start is None and end is None:
        return None
    if start is None or end is None or start > end:
        raise ValidationFailed([ErrorItem("invalid", "Give both from and to years, from ≤ to.", field="from")])
    return start, end


# Indicators
class IndicatorRow(Schema):
    code: str
    name: str
    unit: str
    rule: str
    weight: str | None
    dimensions: list[str]
    sdg_indicator: str
    aliases: list[str]
    higher_is_better: bool
    observations: int
    economies: int
    first_year: int | None
    last_year: int | None


INDICATORS = ListContract(
    name="statistics.indicators", row=IndicatorRow, select=lambda viewer, p, language: selectors.indicator_rows(language),
    filename="indicators", api_path="/api/v1/statistics/indicators", page="web:stats", examples=[{}])


# Observations of one indicator
class ObservationRow(Schema):
    indicator: str
    economy: str
    year: int
    dims: str
    value: float
    status: str
    note: str
    release: int


class ObservationFilters(Schema):
    economy: list[str] = Field([], description="ISO3 codes, repeated or comma-separated (KEN,GHA).")
    dims: str | None = Field(None, description="Dimensions other than their totals, e.g. SEX=F.")
    start: Year | None = None
    end: Year | None = None
    release: Id | None = Field(None, description="The values of this release instead of the current ones.")


class ObservationParams(ObservationFilters):
    code: str = ""  # the indicator, from the path


def _observations(viewer, p: ObservationParams, language: str) -> list[dict]:
    ind = selectors.indicator_get(p.code)
    rel = selectors.release_get(p.release) if p.release else None
    return selectors.observations(ind, dims=selectors.dims_param(ind, p.dims),
                                  economies=[e.upper() for e in _codes(p.economy) or []] or None,
                                  years=_years(p.start, p.end), release=rel)


OBSERVATIONS = ListContract(
    name="statistics.observations", row=ObservationRow, params=ObservationParams, select=_observations,
    filename="{code}-observations", api_path="/api/v1/statistics/indicators/{code}/observations",
    page="web:stats_indicator", page_kwargs={"code": "INTERNET_USERS"},
    examples=[{"economy": "KEN,GHA"}, {"economy": "IND", "dims": "SEX=F", "start": 2010, "end": 2015}])


# Group figures of one indicator
class GroupFigure(Schema):
    group: str
    year: int
    value: float | None
    value_unpublished: float | None
    coverage: float
    coverage_filled: float
    n_members: int
    n_reported: int
    filled: dict[str, str] = Field(description="Economy → how its value was obtained (interpolated, "
                                               "carried_forward, carried_back, imputed).")
    no_weight: list[str]
    published: bool
    indicator: str
    dims: str
    published_by_source: float | None
    difference: float | None
    n_filled: int


class AggregateFilters(Schema):
    groups: list[str] = Field([], description="Group codes, repeated or comma-separated (WORLD, AFR…, LDC, LLDC, "
                                              "SIDS, DEVELOPED, DEVELOPING, WB-HIC…, or a user-defined group).")
    dims: str | None = None
    start: Year | None = None
    end: Year | None = None
    interpolate: bool = True
    carry_forward: Carry = 3
    carry_back: Carry = 0
    impute: str = "peer_mean"
    min_coverage: Share = 0.5


class AggregateParams(AggregateFilters):
    code: str = ""  # the indicator, from the path


def _aggregates(viewer, p: AggregateParams, language: str) -> list[dict]:
    ind = selectors.indicator_get(p.code)
    method = selectors.method_from({"interpolate": p.interpolate, "carry_forward": p.carry_forward,
                                    "carry_back": p.carry_back, "impute": p.impute, "min_coverage": p.min_coverage})
    return selectors.aggregates(ind, dims=selectors.dims_param(ind, p.dims), groups=_codes(p.groups),
                                years=_years(p.start, p.end), method=method)


AGGREGATES = ListContract(
    name="statistics.aggregates", row=GroupFigure, params=AggregateParams, select=_aggregates,
    filename="{code}-aggregates", api_path="/api/v1/statistics/indicators/{code}/aggregates",
    page="web:stats_indicator", page_kwargs={"code": "INTERNET_USERS"},
    examples=[{"groups": "WORLD,AFR", "what": "aggregates"},
              {"groups": "LDC", "start": 2015, "end": 2020, "carry_forward": 0, "impute": "none",
               "what": "aggregates"}])


# Strategic targets
class TargetRow(Schema):
    code: str
    framework: str
    text: str
    indicator: str
    group: str
    measure: str
    deadline: int
    target: float | None
    verified: bool
    status: str
    comparator: str | None = None
    as_of: int | None = None
    latest_year: int | None
    latest_value: float | None
    distance: float | None = None
    pace_required: float | None = None
    pace_actual: float | None = None
    projection: float | None = None
    band_low: float | None = None
    band_high: float | None = None
    years_to_target: float | None = None
    n_points: int | None = None
    method: str | None = None
    series: list[tuple[int, float]] = Field(description="(year, value) points the projection is fitted to.")


TARGETS = ListContract(
    name="statistics.targets", row=TargetRow, select=lambda viewer, p, language: selectors.targets(),
    filename="targets", api_path="/api/v1/statistics/targets", page="web:stats_targets", file_omit=("series",),
    examples=[{}])


# Releases
class ReleaseCounts(Schema):
    observations: int = 0
    aggregates: int = 0  # the source's own group figures
    replaced: int = 0  # demo values this release retired
    indicators: list[str] = []


class ReleaseRow(Schema):
    id: int
    source: str
    format: str
    file: str
    imported_at: datetime
    imported_by: str
    counts: ReleaseCounts
    unmatched: list[ImportUnmatched]
    is_demo: bool


RELEASES = ListContract(
    name="statistics.releases", row=ReleaseRow, select=lambda viewer, p, language: selectors.release_rows(),
    filename="releases", api_path="/api/v1/statistics/releases", page="web:stats_releases", examples=[{}])
