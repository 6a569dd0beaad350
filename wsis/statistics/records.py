"""The shape every source adapter produces, before economies are matched and anything is written.

An adapter reads one file (or one API response) and returns a `Parsed`: the observations as `Record`s,
what it learnt about each series, and the problems it found (each naming file and line). Adapters never
touch the database; `wsis.statistics.services.import_release` matches areas, validates and writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from wsis.core.errors import ErrorItem

# Dimension codes follow SDMX conventions; a total is always explicit ("_T"), never blank.
TOTAL = "_T"
DIMENSIONS = {
    "SEX": {"F": "female", "M": "male", TOTAL: "total"},
    "URBANISATION": {"U": "urban", "R": "rural", TOTAL: "total"},
    # AGE codes like "Y15T24", "Y_GE15", "Y_GE75"; SPEED codes like "S256KT2M", "S2MT10M", "S_GE10M".
}
STATUSES = ("reported", "estimated", "imputed")

# How an area code in a source is to be matched: ISO 3166 alpha-3, UN M49 numeric, World Bank code
# (ISO alpha-3 for economies, own codes for aggregates), or an English name.
AREA_KINDS = ("iso3", "m49", "wb", "name")


class Record(NamedTuple):
    """One observation as the source gives it. A NamedTuple: a million of them fit in well under 1 GB."""

    indicator: str  # the source's series code, e.g. "IT.NET.USER.ZS" or "IT_USE_II99"
    area: str  # the area code as given: "KEN", "404", "WLD", or a name
    area_kind: str  # one of AREA_KINDS
    year: int
    value: float
    dims: tuple[tuple[str, str], ...] = ()  # sorted (dimension, code) pairs, e.g. (("SEX", "F"),)
    status: str = "reported"  # one of STATUSES
    note: str = ""
    location: str = ""  # "file.csv:123" — where to look when something is wrong
    area_name: str = ""  # the area's name in the source, for messages


@dataclass
class SeriesInfo:
    code: str
    name: str = ""
    unit: str = ""
    source: str = ""  # e.g. "World Bank WDI", "UN SDG Global Database"
    sdg_indicator: str = ""  # e.g. "17.8.1"


@dataclass
class Parsed:
    records: list[Record] = field(default_factory=list)
    series: dict[str, SeriesInfo] = field(default_factory=dict)
    errors: list[ErrorItem] = field(default_factory=list)
    source: str = ""  # a label for the release, e.g. "World Bank WDI bulk CSV"


def dims_key(dims: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((dims or {}).items()))


def dims_string(indicator_dims: list[str], dims: tuple[tuple[str, str], ...] | dict = ()) -> str:
    """The canonical key of an observation: every allowed dimension of the indicator, totals explicit."""
    given = dict(dims)
    return "|".join(f"{d}={given.get(d, TOTAL)}" for d in sorted(indicator_dims))
