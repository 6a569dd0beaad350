"""The statistics API's answers, one schema each (the list rows are in `wsis.statistics.lists`)."""

from ninja import Schema
from pydantic import ConfigDict


# The digital divide of one indicator and year.
class DivideGap(Schema):
    group: str
    reference: str
    value: float | None
    reference_value: float | None
    gap: float | None
    ratio: float | None


class DivideParity(Schema):
    group: str
    female: float | None
    male: float | None
    score: float | None
    band: str | None


class DivideUrbanRural(Schema):
    group: str
    urban: float | None
    rural: float | None
    gap: float | None
    ratio: float | None


class DispersionYear(Schema):
    year: int
    gini: float | None
    cv: float | None
    theil: float | None
    economies: int


class DivideTrend(Schema):
    slope: float
    stderr: float
    n: int
    verdict: str


class DivideDispersion(Schema):
    series: list[DispersionYear]
    trend: DivideTrend | None


class DivideOffline(Schema):
    group: str
    population: float | None
    share_online: float | None
    offline: float | None


class DivideOut(Schema):
    indicator: str
    unit: str | None = None  # absent when the indicator has no group figure in any year
    year: int | None
    gaps: list[DivideGap]
    parity: list[DivideParity]
    urban_rural: list[DivideUrbanRural]
    dispersion: DivideDispersion | None
    offline: list[DivideOffline]


# A composite index: its definition held as data and every economy's score.
class IndexComponent(Schema):
    code: str
    name: str
    indicator: str
    pillar: str
    weight: float
    lower: float
    upper: float
    higher_is_better: bool
    transform: str


class IndexDefinitionOut(Schema):
    code: str
    name: str
    version: str
    pillars: dict[str, tuple[str, float]]
    components: list[IndexComponent]
    aggregation: str
    missing_rule: str
    min_share: float
    verified: bool
    notes: str


class IndexScoreRow(Schema):
    """One economy's score; besides the fields below, `pillar_<code>` per pillar and `c_<code>` per component."""

    model_config = ConfigDict(extra="allow")

    economy: str
    index: float | None
    missing: str
    rule: str


class IndexScoresOut(Schema):
    code: str
    version: str
    verified: bool
    notes: str
    year: int | None
    definition: IndexDefinitionOut
    sources: dict[str, str | None]
    scores: list[IndexScoreRow]


# An economy beside its groups.
class EconomyProfileRow(Schema):
    indicator: str
    name: str
    unit: str
    year: int
    value: float | None
    status: str | None
    groups: dict[str, float | None]


class EconomyProfileOut(Schema):
    economy: str
    groups: list[str]
    rows: list[EconomyProfileRow]


# Two releases compared.
class ReleaseChange(Schema):
    indicator: str
    economy: str
    year: int
    dims: str
    old: float | None
    new: float | None
    change: float | None


class ReleaseDiffOut(Schema):
    old: int
    new: int
    added: int
    removed: int
    changed: int
    unchanged: int
    rows: list[ReleaseChange]
    truncated: bool


# An import.
class ImportUnmatched(Schema):
    area: str
    name: str | None = None
    kind: str | None = None
    location: str | None = None
    rows: int = 0


class ReleaseImportOut(Schema):
    release: int
    created: bool
    observations: int
    aggregates: int
    indicators: list[str]
    unmatched: list[ImportUnmatched]

