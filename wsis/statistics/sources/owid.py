"""Our World in Data grapher exports: `Entity,Code,Year,<series>,<series>,…`.

Economies carry an ISO 3166 alpha-3 `Code`. Aggregates (World, "Asia (UN)", "Least Developed
Countries (LDCs)", …) have an empty Code or an OWID-made one (OWID_WRL, OWID_KOS) and are matched
by name.
"""

from __future__ import annotations

import re

from wsis.core.errors import ErrorItem
from wsis.statistics.records import Parsed, Record, SeriesInfo
from wsis.statistics.sources.worldbank import (
    bulk,
    csv_rows,
    decode_text,
    first_row,
    to_float,
    to_year,
    value_error,
    year_error,
)

OWID = "Our World in Data"
KEYS = ("Entity", "Code", "Year")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@bulk
def read_grapher_csv(content: bytes, filename: str, *, columns: dict[str, str] | None = None) -> Parsed:
    """Each value column is a series, coded by its column name unless `columns` maps it to a code."""
    out = Parsed(source="Our World in Data grapher CSV")
    text = decode_text(content, filename, out.errors)
    if text is None:
        return out
    rows = csv_rows(text, filename)
    line, header = first_row(rows)
    if not header:
        out.errors.append(ErrorItem("empty", "no header row found", location=filename))
        return out
    if tuple(header[:3]) != KEYS:
        out.errors.append(ErrorItem("missing_column", "expected the header Entity,Code,Year,<series>…",
                                    location=f"{filename}:{line}"))
        return out
    columns = columns or {}
    for column in columns:
        if column not in header[3:]:
            out.errors.append(ErrorItem("missing_column", f"column {column!r} not found in the header",
                                        field=column, location=f"{filename}:{line}"))
    value_cols = [(i, h, columns.get(h, h)) for i, h in enumerate(header) if i >= 3 and h]
    if not value_cols:
        out.errors.append(ErrorItem("missing_column", "no value columns after Year",
                                    location=f"{filename}:{line}"))
        return out
    for _, column, code in value_cols:
        out.series.setdefault(code, SeriesInfo(code, name=column, source=OWID))

    records, errors = out.records, out.errors
    for line, row in rows:
        if len(row) < 3:
            if any(c.strip() for c in row):
                errors.append(ErrorItem("short_row", f"{len(row)} cells, expected {len(header)}",
                                        location=f"{filename}:{line}"))
            continue
        location = f"{filename}:{line}"
        entity, code = row[0].strip(), row[1].strip()
        # Empty, OWID_-made or otherwise not ISO 3166 alpha-3: matched by the entity's name.
        area, kind = (code, "iso3") if _ISO3.match(code) else (entity, "name")
        if not area:
            errors.append(ErrorItem("missing_code", "Entity and Code are both empty", field="Entity",
                                    location=location))
            continue
        year = None
        n = len(row)
        for i, column, series in value_cols:
            if i >= n:
                break
            raw = row[i].strip()
            if not raw:
                continue
            if year is None:
                year = to_year(row[2])
                if year is None:
                    errors.append(year_error(row[2], "Year", location))
                    break
            value = to_float(raw)
            if value is None:
                errors.append(value_error(raw, column, location))
                continue
            records.append(Record(series, area, kind, year, value, (), "reported", "", location, entity))
    return out
