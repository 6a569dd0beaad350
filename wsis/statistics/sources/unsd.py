"""The UN SDG Global Database (UNSD) in three shapes, and Open SDG platform data files.

* `read_ddf` — Gapminder DDF datapoints CSV, `ddf--datapoints--<series>--by--<keys>.csv`, as built
  from the UNSD SDG API by open-numbers (`ddf--unstats--sdg_indicators`). `read_ddf_concepts` and
  `read_ddf_geo` read the concept and geo-area files of the same dataset.
* `read_sdg_api_json` — one page of `/v1/sdg/Series/Data`; `fetch_sdg_api` follows every page.
* `read_open_sdg_csv` — an Open SDG indicator data file: `Year,<disaggregations…>,Value`.

Areas are UN M49 numeric codes (area_kind "m49", written without leading zeros: "4", "1", "199").
Series codes are upper-cased ("IT_USE_ii99" becomes "IT_USE_II99") so that every source of a UN
series gives the same code.

Dimension codes become SDMX-style codes, totals explicit ("_T"):

    sex            bothsex -> _T, female -> F, male -> M (o/u/x -> _O/_U/_X)
    age            allage -> _T, 15 / "15+" -> Y_GE15, 15_24 / "15-24" -> Y15T24,
                   lt5y / "<5Y" -> Y_LT5, lt_45y / "<=45Y" -> Y_LE45, lt1m / "<1M" -> M_LT1,
                   m12t23 -> M12T23 (see AGE_CODES)
    location       allarea -> URBANISATION _T, urban -> U, rural -> R
    type_of_speed  anys -> SPEED _T, 256kt2mbps -> S256KT2M, 2mt10mbps -> S2MT10M, 10mbps -> S_GE10M

"notspec" (not specified) means the series is not broken down by that dimension in the source: the
dimension is left out of the record, which the importer reads as the total. The frequency is
dropped (these series are annual) and so is the reporting type "G" (global data, the only kind
the ITU series have). `nature` and `units` are attributes: the status (see NATURE) and the unit of
the series.
"""

from __future__ import annotations

import csv
import io
import math
import re
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import PurePath

from wsis.core.errors import ErrorItem, Problems, problem_count
from wsis.core.uploads import BoundedReader
from wsis.core.validation import strict_json
from wsis.statistics.m49_aggregates import m49_name
from wsis.statistics.records import TOTAL, Parsed, Record, SeriesInfo
from wsis.statistics.sources.tidy import (
    CODED_DIMENSIONS,
    SeriesBook,
    cell_text,
    decode_text,
    error,
    head_cells,
    head_text,
    join_notes,
    normalise_area,
    parse_number,
    parse_unit_mult,
    parse_year,
    scale,
    slug_code,
)

UNSD = "UN SDG Global Database"
SDG_API = "https://unstats.un.org/sdgapi/v1/sdg/Series/Data"

# Series codes the UN spells with lower-case letters; the API wants them spelt so.
UN_SERIES_SPELLING = {"IT_USE_II99": "IT_USE_ii99"}

# --------------------------------------------------------------------------- code lists

NOT_SPECIFIED = "notspec"

# (DDF code, API / entity name, SDMX-style code) for every code of ddf--entities--age.csv.
AGE_CODES: tuple[tuple[str, str, str | None], ...] = (
    ("10", "10+", "Y_GE10"),
    ("10_14", "10-14", "Y10T14"),
    ("10_17", "10-17", "Y10T17"),
    ("12", "12+", "Y_GE12"),
    ("12_14", "12-14", "Y12T14"),
    ("12_24", "12-24", "Y12T24"),
    ("14", "14+", "Y_GE14"),
    ("15", "15+", "Y_GE15"),
    ("15_19", "15-19", "Y15T19"),
    ("15_24", "15-24", "Y15T24"),
    ("15_49", "15-49", "Y15T49"),
    ("15_64", "15-64", "Y15T64"),
    ("16", "16+", "Y_GE16"),
    ("16_65", "16-65", "Y16T65"),
    ("18", "18+", "Y_GE18"),
    ("18_29", "18-29", "Y18T29"),
    ("18_74", "18-74", "Y18T74"),
    ("1_14", "1-14", "Y1T14"),
    ("1_4", "1-4", "Y1T4"),
    ("20", "20+", "Y_GE20"),
    ("20_24", "20-24", "Y20T24"),
    ("20_64", "20-64", "Y20T64"),
    ("20_74", "20-74", "Y20T74"),
    ("25", "25+", "Y_GE25"),
    ("25_34", "25-34", "Y25T34"),
    ("25_44", "25-44", "Y25T44"),
    ("25_54", "25-54", "Y25T54"),
    ("25_74", "25-74", "Y25T74"),
    ("2_14", "2-14", "Y2T14"),
    ("3", "3+", "Y_GE3"),
    ("30_70", "30-70", "Y30T70"),
    ("35_44", "35-44", "Y35T44"),
    ("45_54", "45-54", "Y45T54"),
    ("45_64", "45-64", "Y45T64"),
    ("46", "46+", "Y_GE46"),
    ("5", "5+", "Y_GE5"),
    ("50", "50+", "Y_GE50"),
    ("55_64", "55-64", "Y55T64"),
    ("5_12", "5-12", "Y5T12"),
    ("5_14", "5-14", "Y5T14"),
    ("5_17", "5-17", "Y5T17"),
    ("6", "6+", "Y_GE6"),
    ("65", "65+", "Y_GE65"),
    ("65_74", "65-74", "Y65T74"),
    ("6_17", "6-17", "Y6T17"),
    ("6_65", "6-65", "Y6T65"),
    ("75", "75+", "Y_GE75"),
    ("75_84", "75-84", "Y75T84"),
    ("7_17", "7-17", "Y7T17"),
    ("85", "85+", "Y_GE85"),
    ("allage", "ALLAGE", TOTAL),
    ("lt10y", "<10Y", "Y_LT10"),
    ("lt15y", "<15Y", "Y_LT15"),
    ("lt16y", "<16Y", "Y_LT16"),
    ("lt18y", "<18Y", "Y_LT18"),
    ("lt1m", "<1M", "M_LT1"),
    ("lt1y", "<1Y", "Y_LT1"),
    ("lt25y", "<25Y", "Y_LT25"),
    ("lt35y", "<35Y", "Y_LT35"),
    ("lt45y", "<45Y", "Y_LT45"),
    ("lt5y", "<5Y", "Y_LT5"),
    ("lt6y", "<6Y", "Y_LT6"),
    ("lt8y", "<8Y", "Y_LT8"),
    ("lt_45y", "<=45Y", "Y_LE45"),
    ("m12t23", "M12T23", "M12T23"),
    ("m24t35", "M24T35", "M24T35"),
    ("m24t59", "M24T59", "M24T59"),
    ("m36t47", "M36T47", "M36T47"),
    ("m36t59", "M36T59", "M36T59"),
    ("m48t59", "M48T59", "M48T59"),
    (NOT_SPECIFIED, "NOTSPEC", None),
    ("u", "_U", "_U"),
    ("x", "_X", "_X"),
)
# (DDF code, API name, code) for sex, location (-> URBANISATION) and type of speed (-> SPEED).
SEX_CODES: tuple[tuple[str, str, str | None], ...] = (
    ("bothsex", "BOTHSEX", TOTAL),
    ("female", "FEMALE", "F"),
    ("male", "MALE", "M"),
    (NOT_SPECIFIED, "NOTSPEC", None),
    ("o", "_O", "_O"),
    ("u", "_U", "_U"),
    ("x", "_X", "_X"),
)
LOCATION_CODES: tuple[tuple[str, str, str | None], ...] = (
    ("allarea", "ALLAREA", TOTAL),
    ("urban", "URBAN", "U"),
    ("rural", "RURAL", "R"),
    (NOT_SPECIFIED, "NOTSPEC", None),
)
SPEED_CODES: tuple[tuple[str, str, str | None], ...] = (
    ("anys", "ANYS", TOTAL),
    ("256kt2mbps", "256KT2MBPS", "S256KT2M"),
    ("2mt10mbps", "2MT10MBPS", "S2MT10M"),
    ("10mbps", "10MBPS", "S_GE10M"),
    (NOT_SPECIFIED, "NOTSPEC", None),
)


def _lookup(table: tuple[tuple[str, str, str | None], ...]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for code, name, sdmx in table:
        out[code.lower()] = sdmx
        out[name.lower()] = sdmx
    return out


# dimension -> (our dimension name, {source code or name, lower-case: our code or None = left out})
_DIMENSIONS: dict[str, tuple[str, dict[str, str | None]]] = {
    "sex": ("SEX", _lookup(SEX_CODES)),
    "age": ("AGE", _lookup(AGE_CODES)),
    "location": ("URBANISATION", _lookup(LOCATION_CODES)),
    "type of speed": ("SPEED", _lookup(SPEED_CODES)),
}
SPEED_LOOKUP = _DIMENSIONS["type of speed"][1]

# UN "nature" of the data -> (status, note).
NATURE: dict[str, tuple[str, str]] = {
    "c": ("reported", ""),  # country data
    "ca": ("reported", "country data adjusted by the custodian agency for comparability"),
    "cs": ("reported", "country data, custodian agency's own survey"),
    "e": ("estimated", ""),  # estimated by the custodian agency
    "g": ("reported", "global monitoring data"),
    "m": ("estimated", "modelled"),
    "n": ("reported", "nature N: non-relevant (an aggregate)"),
    NOT_SPECIFIED: ("reported", ""),
    "": ("reported", ""),
}

# UN unit codes -> the unit as we write it; other codes are kept as the UN writes them.
UNIT_LABELS = {
    "PERCENT": "%",
    "NUMBER": "number",
    "PER_100_POP": "per 100 inhabitants",
    "PER_1000_POP": "per 1,000 inhabitants",
    "PER_10000_POP": "per 10,000 inhabitants",
    "PER_100000_POP": "per 100,000 inhabitants",
    "PER_1000000_POP": "per 1,000,000 inhabitants",
    "NUM_TH": "thousands",
    "NUM_M": "millions",
    "INDEX": "index",
    "RATIO": "ratio",
    "SCORE": "score",
    "CU_USD": "current US$",
    "CU_USD_M": "current US$ millions",
    "CU_USD_B": "current US$ billions",
    "CON_USD": "constant US$",
    "CON_USD_M": "constant US$ millions",
}


def unit_label(code: str) -> str:
    c = code.strip()
    return UNIT_LABELS.get(c.upper(), c)


def nature_status(code: str) -> tuple[str, str]:
    """(status, note) for a UN nature code; ValueError when the code is unknown."""
    key = code.strip().lower()
    if key not in NATURE:
        raise ValueError(f"nature {code.strip()!r} is not one of C, CA, CS, E, G, M, N")
    return NATURE[key]


def un_dimension(name: str, raw: str) -> tuple[str, str] | None:
    """(our dimension, code) for a UN dimension value; None when it is left out.

    `name` is a DDF column ("type_of_speed") or an API dimension name ("Type of speed"). Raises
    ValueError for a code the UN SDG database does not use.
    """
    key = name.strip().lower().replace("_", " ")
    value = raw.strip()
    if key in _DIMENSIONS:
        ours, table = _DIMENSIONS[key]
        low = value.lower()
        if low not in table:
            raise ValueError(f"{name} {value!r} is not a code of the UN SDG database")
        code = table[low]
        return (ours, code) if code is not None else None
    if key in ("freq", "frequency"):
        if value.lower() in ("", NOT_SPECIFIED, "a", "annual"):
            return None
        raise ValueError(f"frequency {value!r} is not annual; only annual data can be imported")
    if key == "reporting type":
        if value.upper() in ("", "G", NOT_SPECIFIED.upper()):
            return None
        return "REPORTING_TYPE", value.upper()
    # Any other breakdown: its totals and "not specified" are left out (the importer reads a
    # missing dimension as the total); other values are kept as upper-case codes.
    if value.lower() in ("", NOT_SPECIFIED, "_t") or value.lower().startswith("all"):
        return None
    return slug_code(name), value.upper()


def un_series_code(code: str) -> str:
    """A series code of the UN SDG database, upper-cased: "it_use_ii99" -> "IT_USE_II99"."""
    return code.strip().upper()


def canonical_series(code: str) -> str:
    """A series code from another source: the UN's lower-case spellings upper-cased, others as given
    (ITU's own codes such as "i99H" are case-sensitive)."""
    c = code.strip()
    return c.upper() if c.upper() in UN_SERIES_SPELLING else c


def _area(raw: str) -> str:
    s = raw.strip()
    if not (s.isascii() and s.isdigit()):
        raise ValueError(f"{s!r} is not a UN M49 numeric code")
    return normalise_area(s, "m49")


# --------------------------------------------------------------------------- DDF

_DDF_NAME = re.compile(
    r"^ddf--datapoints--(?P<series>[A-Za-z0-9_]+)--by--(?P<keys>[A-Za-z0-9_-]+)\.csv$"
)
# Columns that are keys, not values, in a DDF datapoints file of the UN SDG dataset.
DDF_KEYS = (
    "geo_area",
    "year",
    "nature",
    "units",
    "age",
    "sex",
    "location",
    "freq",
    "type_of_speed",
    "reporting_type",
)


def read_ddf_concepts(content: bytes) -> dict[str, SeriesInfo]:
    """Series code (upper-case) -> name, unit, SDG indicator; from ddf--concepts--continuous.csv."""
    text = content.decode("utf-8-sig")
    out: dict[str, SeriesInfo] = {}
    for row in csv.DictReader(io.StringIO(text, newline="")):
        kind, concept = (row.get("concept_type") or "").strip(), (row.get("concept") or "").strip()
        if kind != "measure" or not concept:
            continue
        code = un_series_code(concept)
        description = (row.get("description") or "").strip()
        description = " ".join(description.split())  # the UN's names carry no-break spaces
        m = re.search(r"\(([^()]+)\)\s*$", description)
        out[code] = SeriesInfo(
            code=code,
            name=description,
            unit=m[1].strip() if m else "",
            source=UNSD,
            sdg_indicator=(row.get("indicator") or "").strip(),
        )
    return out


def read_ddf_geo(content: bytes) -> dict[str, str]:
    """M49 code (without leading zeros) -> English name, from ddf--entities--geo_area.csv."""
    text = content.decode("utf-8-sig")
    return {
        normalise_area(row["geo_area"], "m49"): (row.get("name") or "").strip()
        for row in csv.DictReader(io.StringIO(text, newline=""))
        if (row.get("geo_area") or "").strip()
    }


def read_ddf(
    content: bytes,
    filename: str,
    *,
    concepts: dict[str, SeriesInfo] | None = None,
    geo_names: dict[str, str] | None = None,
) -> Parsed:
    """Observations from one DDF datapoints file of the UN SDG database.

    The series is the value column of the header (`it_use_ii99` -> "IT_USE_II99"); `concepts`
    (from `read_ddf_concepts`) adds names and SDG indicators, `geo_names` area names for messages.
    """
    errors: list[ErrorItem] = Problems()
    parsed = Parsed(source=f"{UNSD} (DDF)", errors=errors)
    book = SeriesBook(UNSD, errors)
    text = decode_text(content, filename, errors)
    if text is None:
        return parsed
    reader = BoundedReader(text, filename)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        errors.append(error("empty", f"{filename} has no header row", location=filename))
        return parsed
    header = [h.strip() for h in header]
    m = _DDF_NAME.match(PurePath(filename).name)
    if m:
        keys = m["keys"].split("--")
        for key in keys:
            if key not in header:
                errors.append(
                    error(
                        "missing_column",
                        f"{filename} names the key {key!r} but its header has no such column",
                        field=key,
                        location=f"{filename}:1",
                    )
                )
        values = [h for h in header if h not in keys]
        if m["series"] not in values:
            errors.append(
                error(
                    "missing_column",
                    f"{filename} names the series {m['series']!r} but its "
                    f"header has no such column",
                    field=m["series"],
                    location=f"{filename}:1",
                )
            )
    else:
        keys = [h for h in header if h in DDF_KEYS]
        values = [h for h in header if h not in DDF_KEYS]
    for key in ("geo_area", "year"):
        if key not in header:
            errors.append(
                error(
                    "missing_column",
                    f"{filename} has no {key!r} column",
                    field=key,
                    location=f"{filename}:1",
                )
            )
    if not values:
        errors.append(
            error("missing_column", f"{filename} has no value column", location=f"{filename}:1")
        )
    if errors:
        return parsed

    concepts = concepts or {}
    geo_names = geo_names or {}
    index = {h: i for i, h in enumerate(header)}
    value_cols = [(index[v], v, un_series_code(v)) for v in values]
    dim_cols = [(index[k], k) for k in keys if k not in ("geo_area", "year", "nature", "units")]
    for _, _, code in value_cols:
        info = concepts.get(code)
        book.add(
            code, name=info.name if info else "", sdg_indicator=info.sdg_indicator if info else ""
        )
    i_geo, i_year = index["geo_area"], index["year"]
    i_nature, i_units = index.get("nature"), index.get("units")

    for row in reader:
        line = reader.line_num
        where = f"{filename}:{line}"
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            errors.append(
                error(
                    "short_row",
                    f"{len(row)} cells where the header has {len(header)}",
                    location=where,
                )
            )
            continue
        present = [(i, column, code) for i, column, code in value_cols if row[i].strip()]
        if not present:
            continue
        before = problem_count(errors)
        try:
            area = _area(row[i_geo])
        except ValueError as exc:
            errors.append(error("invalid_area", str(exc), field="geo_area", location=where))
        try:
            year = parse_year(row[i_year])
        except ValueError as exc:
            errors.append(error("invalid_year", str(exc), field="year", location=where))
        status, note = "reported", ""
        if i_nature is not None:
            try:
                status, note = nature_status(row[i_nature])
            except ValueError as exc:
                errors.append(error("invalid_nature", str(exc), field="nature", location=where))
        dims = {}
        for i, column in dim_cols:
            try:
                pair = un_dimension(column, row[i])
            except ValueError as exc:
                errors.append(error("invalid_dimension", str(exc), field=column, location=where))
                continue
            if pair:
                dims[pair[0]] = pair[1]
        unit = unit_label(row[i_units]) if i_units is not None else ""
        for i, column, code in present:
            try:
                value = parse_number(row[i])
            except ValueError as exc:
                errors.append(error("invalid_value", str(exc), field=column, location=where))
                continue
            if problem_count(errors) > before:
                continue
            if not book.add(code, unit=unit, location=where, field="units"):
                continue
            parsed.records.append(_m49_record(code, area, year, value, dims, status, note, where,
                                              geo_names.get(area)))
    parsed.series = book.series
    return parsed


def _m49_record(code, area, year, value, dims: dict, status, note, where, name) -> Record:
    """A record of an area coded by M49, named as the file names it or else by the M49 list."""
    return Record(indicator=code, area=area, area_kind="m49", year=year, value=value, dims=tuple(sorted(dims.items())),
                  status=status, note=note, location=where, area_name=name or m49_name(area))


# --------------------------------------------------------------------------- UN SDG API v1


def sdg_api_url(series: str, *, page: int = 1, page_size: int = 10000) -> str:
    """The API address of one page of a series' data (series codes in the UN's own spelling)."""
    code = UN_SERIES_SPELLING.get(series.strip().upper(), series.strip())
    query = urllib.parse.urlencode({"seriesCode": code, "pageSize": page_size, "page": page})
    return f"{SDG_API}?{query}"


def read_sdg_api_json(content: bytes, filename: str) -> Parsed:
    """Observations from one response of `/v1/sdg/Series/Data` (one page)."""
    errors: list[ErrorItem] = Problems()
    parsed = Parsed(source=f"{UNSD} (API)", errors=errors)
    book = SeriesBook(UNSD, errors)
    doc = _load_json(content, filename, errors)
    if doc is not None:
        _read_api_doc(doc, filename, parsed, book)
    parsed.series = book.series
    return parsed


def fetch_sdg_api(
    series: str,
    *,
    opener: Callable = urllib.request.urlopen,
    page_size: int = 10000,
    timeout: float = 120.0,
    max_pages: int = 1000,
) -> Parsed:
    """All pages of a series from the UN SDG API as one `Parsed`; a failed request is an error."""
    errors: list[ErrorItem] = Problems()
    parsed = Parsed(source=f"{UNSD} (API)", errors=errors)
    book = SeriesBook(UNSD, errors)
    code = UN_SERIES_SPELLING.get(series.strip().upper(), series.strip())
    page, total = 1, 1
    while page <= min(total, max_pages):
        url = sdg_api_url(series, page=page, page_size=page_size)
        label = f"UN SDG API {code} page {page}"
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        try:
            with opener(request, timeout=timeout) as response:
                body = response.read()
        except (OSError, ValueError) as exc:  # URLError and HTTPError are OSErrors
            errors.append(error("fetch_failed", f"could not fetch {url}: {exc}", location=label))
            break
        doc = _load_json(body, label, errors)
        if doc is None:
            break
        _read_api_doc(doc, label, parsed, book)
        if not isinstance(doc, dict):
            break
        pages = doc.get("totalPages")
        total = pages if isinstance(pages, int) and not isinstance(pages, bool) and pages > 0 else 1
        if not doc.get("data"):
            break
        page += 1
    if total > max_pages:
        errors.append(
            error(
                "fetch_failed",
                f"{code} has {total} pages; only {max_pages} were read",
                location=f"UN SDG API {code}",
            )
        )
    parsed.series = book.series
    return parsed


def _load_json(content: bytes, filename: str, errors: list[ErrorItem]):
    text = decode_text(content, filename, errors)
    if text is None:
        return None
    try:
        return strict_json(text)
    except ValueError as exc:
        errors.append(
            error(
                "invalid_json",
                f"{filename} is not valid JSON: {getattr(exc, 'msg', exc)}",
                location=f"{filename}:{exc.lineno}" if hasattr(exc, "lineno") else filename,
            )
        )
        return None




def _read_api_doc(doc: object, filename: str, parsed: Parsed, book: SeriesBook) -> None:
    errors = parsed.errors
    data = doc.get("data") if isinstance(doc, dict) else None
    if not isinstance(data, list):
        errors.append(
            error(
                "invalid_json",
                f'{filename} is not an SDG API Series/Data response (no "data" list)',
                location=filename,
            )
        )
        return
    for n, item in enumerate(data):
        where = f"{filename}:data[{n}]"
        if not isinstance(item, dict):
            errors.append(error("invalid_json", "an observation is not an object", location=where))
            continue
        raw_value = item.get("value")
        if raw_value is None or (
            isinstance(raw_value, str) and raw_value.strip().lower() in ("", "nan")
        ):
            continue
        before = problem_count(errors)
        code = un_series_code(cell_text(item.get("series")))
        if not code:
            errors.append(
                error("missing_series", "the series code is empty", field="series", location=where)
            )
        try:
            if isinstance(raw_value, bool):
                raise ValueError(f"{raw_value!r} is not a number")
            value = (
                float(raw_value)
                if isinstance(raw_value, int | float)
                else parse_number(str(raw_value))
            )
            if not math.isfinite(value):
                raise ValueError(f"{raw_value!r} is not a finite number")
        except ValueError as exc:
            errors.append(error("invalid_value", str(exc), field="value", location=where))
        try:
            area = _area(cell_text(item.get("geoAreaCode")))
        except ValueError as exc:
            errors.append(error("invalid_area", str(exc), field="geoAreaCode", location=where))
        try:
            year = parse_year(item.get("timePeriodStart"))
        except ValueError as exc:
            errors.append(error("invalid_year", str(exc), field="timePeriodStart", location=where))
        attributes = item.get("attributes") if isinstance(item.get("attributes"), dict) else {}
        status, nature_note = "reported", ""
        try:
            status, nature_note = nature_status(cell_text(attributes.get("Nature")))
        except ValueError as exc:
            errors.append(
                error("invalid_nature", str(exc), field="attributes.Nature", location=where)
            )
        dims = {}
        dimensions = item.get("dimensions") if isinstance(item.get("dimensions"), dict) else {}
        for name, raw in dimensions.items():
            try:
                pair = un_dimension(str(name), cell_text(raw))
            except ValueError as exc:
                errors.append(
                    error("invalid_dimension", str(exc), field=f"dimensions.{name}", location=where)
                )
                continue
            if pair:
                dims[pair[0]] = pair[1]
        if problem_count(errors) > before:
            continue
        mult = cell_text(attributes.get("UnitMultiplier") or attributes.get("Unit multiplier"))
        if mult:
            try:
                value = scale(value, parse_unit_mult(mult))
            except ValueError as exc:
                errors.append(
                    error("invalid_unit_mult", str(exc), field="attributes", location=where)
                )
                continue
        footnotes = item.get("footnotes")
        if isinstance(footnotes, list):
            footnote = "; ".join(cell_text(f) for f in footnotes if cell_text(f))
        else:
            footnote = cell_text(footnotes)
        indicators = item.get("indicator")
        sdg = (
            ", ".join(cell_text(i) for i in indicators)
            if isinstance(indicators, list)
            else cell_text(indicators)
        )
        if not book.add(
            code,
            unit=unit_label(cell_text(attributes.get("Units"))),
            name=cell_text(item.get("seriesDescription")),
            sdg_indicator=sdg,
            location=where,
            field="attributes.Units",
        ):
            continue
        parsed.records.append(_m49_record(code, area, year, value, dims, status, join_notes(nature_note, footnote),
                                          where, cell_text(item.get("geoAreaName"))))


# --------------------------------------------------------------------------- Open SDG

# Columns of an Open SDG data file that are not disaggregations.
_OPEN_SDG_SPECIAL = {
    "year",
    "value",
    "geocode",
    "units",
    "series",
    "observation status",
    "unit multiplier",
}
_OPEN_SDG_DIMS = {
    "sex": "SEX",
    "age": "AGE",
    "location": "URBANISATION",
    "urbanisation": "URBANISATION",
    "urbanization": "URBANISATION",
    "type of speed": "SPEED",
    "speed": "SPEED",
}
_OPEN_SDG_STATUS = {
    "": ("reported", ""),
    "a": ("reported", ""),
    "normal": ("reported", ""),
    "normal value": ("reported", ""),
    "e": ("estimated", ""),
    "estimated": ("estimated", ""),
    "estimated value": ("estimated", ""),
    "i": ("imputed", ""),
    "imputed": ("imputed", ""),
    "imputed value": ("imputed", ""),
}
_SERIES_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_.]*")


def _open_sdg_dim(ours: str, text: str) -> str:
    if ours in CODED_DIMENSIONS:
        return CODED_DIMENSIONS[ours](text)
    low = text.strip().lower()  # SPEED
    if not low or low == "total":
        return TOTAL
    if low in SPEED_LOOKUP:
        return SPEED_LOOKUP[low] or TOTAL
    return slug_code(text)


def read_open_sdg_csv(
    content: bytes,
    filename: str,
    *,
    indicator: str,
    area: str | None = None,
    area_kind: str = "iso3",
) -> Parsed:
    """Observations from an Open SDG data file (`Year,<disaggregations…>,Value`).

    Open SDG platforms are national: the area is `area` (e.g. "GBR") unless a `GeoCode` column gives
    one (3 letters: ISO alpha-3, digits: M49). Sex, Age and Location/Urbanisation become SEX, AGE
    and URBANISATION with "_T" for a blank cell; other disaggregations are kept as upper-case codes
    and left out when blank. A `Series` column holding a code sets the series (IT_USE_ii99 ->
    IT_USE_II99); descriptive series names are appended to `indicator` ("17-8-1:ADULTS_AGED_16").
    """
    errors: list[ErrorItem] = Problems()
    parsed = Parsed(source="Open SDG data", errors=errors)
    book = SeriesBook("Open SDG platform", errors)
    if not indicator or not indicator.strip():
        errors.append(
            error("invalid_option", "give the indicator this file is for", field="indicator")
        )
        return parsed
    text = decode_text(content, filename, errors)
    if text is None:
        return parsed
    reader = BoundedReader(text, filename)
    header = [h.strip() for h in next(reader, [])]
    low = [h.lower() for h in header]
    for required in ("year", "value"):
        if required not in low:
            errors.append(
                error(
                    "missing_column",
                    f"{filename} has no {required.title()!r} column",
                    field=required.title(),
                    location=f"{filename}:1",
                )
            )
    has_geo = "geocode" in low
    if not has_geo and not (area and area.strip()):
        errors.append(
            error(
                "invalid_option",
                f"{filename} has no GeoCode column: give the area "
                f"(e.g. area='GBR') this national data is for",
                field="area",
            )
        )
    if errors:
        return parsed
    col = {h: i for i, h in reversed(list(enumerate(low)))}
    dims = [
        (i, header[i], _OPEN_SDG_DIMS.get(h))
        for i, h in enumerate(low)
        if h and h not in _OPEN_SDG_SPECIAL
    ]

    for row in reader:
        where = f"{filename}:{reader.line_num}"
        if not any(c.strip() for c in row):
            continue
        row = row + [""] * (len(header) - len(row))

        def cell(name, row=row):
            i = col.get(name)
            return row[i].strip() if i is not None else ""

        if not cell("value"):
            continue
        before = problem_count(errors)
        try:
            value = parse_number(cell("value"))
        except ValueError as exc:
            errors.append(error("invalid_value", str(exc), field="Value", location=where))
        try:
            year = parse_year(cell("year"))
        except ValueError as exc:
            errors.append(error("invalid_year", str(exc), field="Year", location=where))
        geo, kind = cell("geocode"), area_kind
        if geo:
            if re.fullmatch(r"[A-Za-z]{3}", geo):
                kind = "iso3"
            elif geo.isascii() and geo.isdigit():
                kind = "m49"
            else:
                errors.append(
                    error(
                        "invalid_area",
                        f"GeoCode {geo!r} is neither an ISO alpha-3 nor a UN M49 code",
                        field="GeoCode",
                        location=where,
                    )
                )
        elif area and area.strip():
            geo = area.strip()
        else:
            errors.append(
                error(
                    "missing_area",
                    "GeoCode is empty and no area was given",
                    field="GeoCode",
                    location=where,
                )
            )
        record_dims = {}
        for i, column, ours in dims:
            raw = row[i].strip()
            try:
                if ours:
                    record_dims[ours] = _open_sdg_dim(ours, raw)
                elif raw:
                    record_dims[slug_code(column)] = slug_code(raw)
            except ValueError as exc:
                errors.append(error("invalid_dimension", str(exc), field=column, location=where))
        if problem_count(errors) > before:
            continue
        try:
            value = scale(value, parse_unit_mult(cell("unit multiplier")))
        except ValueError as exc:
            errors.append(
                error("invalid_unit_mult", str(exc), field="Unit multiplier", location=where)
            )
            continue
        status, note = _OPEN_SDG_STATUS.get(
            cell("observation status").lower(),
            ("reported", f"observation status: {cell('observation status')}"),
        )
        code, name = indicator.strip(), ""
        if series := cell("series"):
            if _SERIES_CODE.fullmatch(series):
                code = canonical_series(series)
            else:
                code, name = f"{code}:{slug_code(series)}", series
        if not book.add(code, unit=cell("units"), name=name, location=where, field="Units"):
            continue
        parsed.records.append(
            Record(
                indicator=code,
                area=normalise_area(geo, kind),
                area_kind=kind,
                year=year,
                value=value,
                dims=tuple(sorted(record_dims.items())),
                status=status,
                note=note,
                location=where,
            )
        )
    parsed.series = book.series
    return parsed


# --------------------------------------------------------------------------- recognising the files

_API_START = re.compile(r'^\s*\{\s*"(?:size|totalElements|totalPages|pageNumber|pageSize)"')


def sniff_ddf(filename: str, head: bytes | str) -> bool:
    """A DDF datapoints file of the UN SDG dataset, by its name or its geo_area/year header."""
    if _DDF_NAME.match(PurePath(filename).name):
        return True
    cells = head_cells(head) if filename.lower().endswith(".csv") else []
    return "geo_area" in cells and "year" in cells


def sniff_sdg_api(filename: str, head: bytes | str) -> bool:
    """A `/v1/sdg/Series/Data` response: a JSON object opening with its paging fields."""
    return bool(_API_START.match(head_text(head)))


def sniff_open_sdg(filename: str, head: bytes | str) -> bool:
    """An Open SDG data file: a CSV header from Year to Value."""
    cells = head_cells(head) if filename.lower().endswith(".csv") else []
    return len(cells) >= 2 and cells[0] == "Year" and cells[-1] == "Value"
