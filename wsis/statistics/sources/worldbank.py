"""World Bank World Development Indicators: the bulk CSV (wide), the one-series CSV (long) and API v2 JSON.

Area codes are World Bank codes (area_kind "wb"): ISO 3166 alpha-3 for economies, the Bank's own
codes for aggregates (WLD, LDC, HIC, EAS, …, see `wsis.statistics.known_aggregates`) and a few
non-ISO economy codes (XKX Kosovo, CHI Channel Islands).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import math
import re
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator

from wsis.core.errors import ErrorItem
from wsis.core.uploads import BoundedReader
from wsis.core.validation import YEAR_MAX, YEAR_MIN, strict_json
from wsis.statistics.records import Parsed, Record, SeriesInfo

WDI = "World Bank WDI"
API_BASE = "https://api.worldbank.org/v2"

# The World Bank writes ".." for "no data" in some of its exports; it is an absent value, not an error.
WB_MISSING = ("", "..")

_PREAMBLE_KEYS = ("Data Source", "Last Updated Date")
_UNIT_IN_NAME = re.compile(r"\(([^()]+)\)\s*$")
_YEAR = re.compile(r"^\d{4}$")
_CODE = r"[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+"
_FILENAME_PATTERNS = (
    # WDI_IT.NET.BBND.P2_long.csv, WDI_IT.NET.BBND.P2.datapackage.json
    re.compile(rf"^WDI_(?P<code>{_CODE})(?:_long)?(?:\.datapackage\.json|\.csv)$", re.IGNORECASE),
    # API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv (the bulk download of one indicator)
    re.compile(rf"^API_(?P<code>{_CODE})_DS2_", re.IGNORECASE),
    # IT.NET.BBND.P2.csv, IT.NET.BBND.P2_long.csv
    re.compile(r"^(?P<code>[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+){2,})(?:_long)?\.csv$"),
)

# API v2 observation status codes.
_API_STATUS = {"": "reported", "E": "estimated"}
_API_SOURCES = {"2": WDI}


# --- helpers shared with the other file adapters -------------------------------------------------


def bulk(reader: Callable[..., Parsed]) -> Callable[..., Parsed]:
    """Run a reader with the cyclic garbage collector paused: building a million records otherwise
    triggers hundreds of needless collections (records hold no reference cycles)."""

    @functools.wraps(reader)
    def run(*args, **kwargs) -> Parsed:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return reader(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return run


def decode_text(content: bytes | str, filename: str, errors: list[ErrorItem]) -> str | None:
    """The file as text: UTF-8 with or without a byte-order mark. None (and an error) otherwise."""
    if isinstance(content, str):
        return content.removeprefix("\ufeff")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        errors.append(ErrorItem("encoding", f"the file is not UTF-8 text (invalid byte at offset {exc.start})",
                                location=filename))
        return None


def csv_rows(text: str, name: str = "the file") -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each CSV row; the number is that of the row's last physical line."""
    reader = BoundedReader(text, name)
    for row in reader:
        yield reader.line_num, row


def first_row(rows: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """The line number and stripped cells of the first row that is not blank; (0, []) if none."""
    for line, row in rows:
        cells = [c.strip() for c in row]
        if any(cells):
            return line, cells
    return 0, []


def opened_csv(content: bytes | str, filename: str, errors: list[ErrorItem]):
    """(rows, header line, header cells) of a CSV file with a header row, or None with the error named."""
    text = decode_text(content, filename, errors)
    if text is None:
        return None
    rows = csv_rows(text, filename)
    line, header = first_row(rows)
    if not header:
        errors.append(ErrorItem("empty", "no header row found", location=filename))
        return None
    return rows, line, header


def to_float(raw: object) -> float | None:
    """A finite float, or None when `raw` is not a finite number (bools are not numbers)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        try:
            value = float(raw)
        except OverflowError:  # an integer too large for a float
            return None
    elif isinstance(raw, str):
        try:
            value = float(raw.strip())
        except ValueError:
            return None
    else:
        return None
    return value if math.isfinite(value) else None


def to_year(raw: object) -> int | None:
    """A data year within YEAR_MIN–YEAR_MAX, or None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        year = raw
    elif isinstance(raw, str) and _YEAR.match(raw.strip()):
        year = int(raw)
    else:
        return None
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def value_error(raw: object, column: str, location: str) -> ErrorItem:
    return ErrorItem("invalid_value", f"{raw!r} is not a finite number", field=column, location=location)


def year_error(raw: object, column: str, location: str) -> ErrorItem:
    return ErrorItem("invalid_year", f"{raw!r} is not a year ({YEAR_MIN}–{YEAR_MAX})", field=column, location=location)


def unit_from_name(name: str) -> str:
    """The unit World Bank series names end with: "Individuals using the Internet (% of population)"."""
    m = _UNIT_IN_NAME.search(name)
    return m.group(1).strip() if m else ""


# --- bulk CSV, wide -------------------------------------------------------------------------------

WIDE_KEYS = ("Country Name", "Country Code", "Indicator Name", "Indicator Code")


@bulk
def read_wdi_wide(content: bytes, filename: str) -> Parsed:
    """The WDI bulk CSV: one row per economy and series, one column per year.

    Handles the 4-line preamble of the World Bank download ("Data Source", "Last Updated Date"),
    a byte-order mark, a trailing empty column and several series in one file.
    """
    out = Parsed(source="World Bank WDI bulk CSV (wide)")
    text = decode_text(content, filename, out.errors)
    if text is None:
        return out
    rows = csv_rows(text, filename)
    header = None
    for line, row in rows:
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0] in _PREAMBLE_KEYS:
            continue
        if tuple(cells[:4]) == WIDE_KEYS:
            header = cells
            break
        out.errors.append(ErrorItem("missing_column", "expected the header "
                                    + ",".join(WIDE_KEYS) + ",<years>…", location=f"{filename}:{line}"))
        return out
    if header is None:
        out.errors.append(ErrorItem("empty", "no header row found", location=filename))
        return out
    years = []
    for i, h in enumerate(header[4:], start=4):
        if not h:
            continue  # the trailing empty column of the download
        year = to_year(h)
        if year is None:
            # A column that is not a year would be dropped with all its values: say so instead.
            out.errors.append(ErrorItem("invalid_year", f"column {h!r} is not a year ({YEAR_MIN}–{YEAR_MAX})",
                                        field=h, location=f"{filename}:{line}"))
        else:
            years.append((i, year, h))
    if out.errors:
        return out
    if not years:
        out.errors.append(ErrorItem("missing_column", "no year columns after Indicator Code",
                                    location=f"{filename}:{line}"))
        return out

    records, errors, series = out.records, out.errors, out.series
    for line, row in rows:
        if len(row) < 4:
            if any(c.strip() for c in row):
                errors.append(ErrorItem("short_row", f"{len(row)} cells, expected at least 4",
                                        location=f"{filename}:{line}"))
            continue
        name, area, ind_name, indicator = (c.strip() for c in row[:4])
        location = f"{filename}:{line}"
        if not area or not indicator:
            if any(c.strip() for c in row):
                column = "Country Code" if not area else "Indicator Code"
                errors.append(ErrorItem("missing_code", f"{column} is empty", field=column, location=location))
            continue
        if indicator not in series:
            series[indicator] = SeriesInfo(indicator, ind_name, unit_from_name(ind_name), WDI)
        n = len(row)
        for i, year, column in years:
            if i >= n:
                break
            raw = row[i].strip()
            if raw in WB_MISSING:
                continue
            value = to_float(raw)
            if value is None:
                errors.append(value_error(raw, column, location))
                continue
            records.append(Record(indicator, area, "wb", year, value, (), "reported", "", location, name))
    return out


# --- one series, long ----------------------------------------------------------------------------

LONG_KEYS = ("Country Name", "Country Code", "Year", "Value")


@bulk
def read_wdi_long(content: bytes, filename: str, *, indicator: str) -> Parsed:
    """`Country Name,Country Code,Year,Value` for one series whose code the file does not carry."""
    out = Parsed(source="World Bank WDI CSV (long)")
    indicator = (indicator or "").strip()
    if not indicator:
        out.errors.append(ErrorItem("missing_indicator", "the series code (indicator) is required for "
                                    "this layout", field="indicator", location=filename))
        return out
    opened = opened_csv(content, filename, out.errors)
    if opened is None:
        return out
    rows, line, header = opened
    missing = [k for k in LONG_KEYS if k not in header]
    if missing:
        for k in missing:
            out.errors.append(ErrorItem("missing_column", f"column {k!r} not found in the header",
                                        field=k, location=f"{filename}:{line}"))
        return out
    i_name, i_area, i_year, i_value = (header.index(k) for k in LONG_KEYS)
    width = max(i_name, i_area, i_year, i_value) + 1

    out.series[indicator] = SeriesInfo(indicator, source=WDI)
    records, errors = out.records, out.errors
    years: dict[str, int | None] = {}
    isfinite = math.isfinite
    for line, row in rows:
        if len(row) < width:
            if any(c.strip() for c in row):
                errors.append(ErrorItem("short_row", f"{len(row)} cells, expected {len(header)}",
                                        location=f"{filename}:{line}"))
            continue
        raw = row[i_value].strip()
        if raw in WB_MISSING:
            continue
        location = f"{filename}:{line}"
        area = row[i_area].strip()
        if not area:
            errors.append(ErrorItem("missing_code", "Country Code is empty", field="Country Code",
                                    location=location))
            continue
        raw_year = row[i_year]
        if raw_year in years:
            year = years[raw_year]
        else:
            year = years[raw_year] = to_year(raw_year)
        if year is None:
            errors.append(year_error(raw_year, "Year", location))
            continue
        try:
            value = float(raw)
        except ValueError:
            value = None
        if value is None or not isfinite(value):
            errors.append(value_error(raw, "Value", location))
            continue
        records.append(Record(indicator, area, "wb", year, value, (), "reported", "", location,
                              row[i_name].strip()))
    return out


def indicator_from_filename(filename: str) -> str | None:
    """The series code in a World Bank file name, e.g. "WDI_IT.NET.BBND.P2_long.csv" → "IT.NET.BBND.P2".

    A `data.csv` inside a folder named after the code (`indicators/it.net.bbnd.p2/data.csv`, the
    datasets/world-development-indicators layout) gives that code; a bare `data.csv` gives None.
    """
    path = filename.replace("\\", "/").rstrip("/")
    base = path.rsplit("/", 1)[-1]
    for pattern in _FILENAME_PATTERNS:
        m = pattern.match(base)
        if m:
            return m.group("code").upper()
    if base == "data.csv" and "/" in path:
        parent = path.rsplit("/", 2)[-2]
        if re.fullmatch(_CODE, parent):
            return parent.upper()
    return None


def read_datapackage(content: bytes) -> SeriesInfo | None:
    """What a WDI `datapackage.json` says about its series (code, title, unit); None if it says nothing.

    These files carry `title` ("Fixed broadband subscriptions (per 100 people)"), `name` and
    `worldbank.indicator` (the code in lower case) and a `readme` (the definition). They have no
    separate unit: it is the parenthesised end of the title, as in the series names of the Bank.
    """
    try:
        data = json.loads(content.decode("utf-8-sig") if isinstance(content, bytes) else content)
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    wb = data.get("worldbank") if isinstance(data.get("worldbank"), dict) else {}
    code = wb.get("indicator") or data.get("name") or ""
    title = data.get("title") or ""
    if not isinstance(code, str) or not isinstance(title, str) or not (code or title):
        return None
    unit = data.get("unit") if isinstance(data.get("unit"), str) else ""
    return SeriesInfo(code=code.strip().upper(), name=title.strip(), unit=unit or unit_from_name(title),
                      source=WDI)


# --- API v2 JSON ---------------------------------------------------------------------------------


def api_url(indicator: str, *, date: str = "2000:2025", per_page: int = 20000, page: int = 1) -> str:
    """The API v2 address of one indicator for every economy and aggregate."""
    query = urllib.parse.urlencode({"format": "json", "per_page": per_page, "date": date, "page": page},
                                   safe=":")
    return f"{API_BASE}/country/all/indicator/{urllib.parse.quote(indicator, safe='.')}?{query}"


def fetch_api(indicator: str, *, opener: Callable = urllib.request.urlopen, timeout: float = 60,
              **kw) -> list[bytes]:
    """The raw bodies of every page of the API answer for `indicator` (`kw` as in `api_url`).

    Stops after the first page when it is an error message or says there is only one page.
    """
    def get(page: int) -> bytes:
        with contextlib.closing(opener(api_url(indicator, page=page, **kw), timeout=timeout)) as resp:
            return resp.read()

    first = get(1)
    bodies = [first]
    meta = _api_meta(first)
    pages = meta.get("pages") if meta else None
    if isinstance(pages, str) and pages.isdigit():
        pages = int(pages)
    if isinstance(pages, int) and not isinstance(pages, bool):
        bodies.extend(get(page) for page in range(2, pages + 1))
    return bodies


def _api_meta(body: bytes) -> dict | None:
    with contextlib.suppress(UnicodeDecodeError, ValueError):
        data = json.loads(body)
        if isinstance(data, list) and data and isinstance(data[0], dict) and "message" not in data[0]:
            return data[0]
    return None


@bulk
def read_api_json(content: bytes, filename: str) -> Parsed:
    """One page of an API v2 answer: `[{page, pages, …}, [observation, …]]`.

    The location of an observation is its position in the page, e.g. "wb.json:item 12". Null values
    are absent observations; obs_status "E" is an estimate.
    """
    out = Parsed(source="World Bank API v2 JSON")
    text = decode_text(content, filename, out.errors)
    if text is None:
        return out
    try:
        data = strict_json(text)
    except ValueError as exc:
        out.errors.append(ErrorItem("invalid_json", f"not JSON: {exc}", location=filename))
        return out
    if isinstance(data, list) and data and isinstance(data[0], dict) and "message" in data[0]:
        out.errors.append(ErrorItem("api_error", _api_message(data[0]["message"]), location=filename))
        return out
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], dict)
            and (data[1] is None or isinstance(data[1], list))):
        out.errors.append(ErrorItem("invalid_json", "expected the API v2 shape [{page, pages, …}, [observations]]",
                                    location=filename))
        return out
    source = _API_SOURCES.get(str(data[0].get("sourceid", "2")), f"World Bank API source {data[0].get('sourceid')}")
    records, errors, series = out.records, out.errors, out.series
    for n, obs in enumerate(data[1] or [], start=1):
        location = f"{filename}:item {n}"
        if not isinstance(obs, dict):
            errors.append(ErrorItem("invalid_json", "an observation is not an object", location=location))
            continue
        raw = obs.get("value")
        if raw is None or (isinstance(raw, str) and raw.strip() in WB_MISSING):
            continue
        ind = obs.get("indicator") if isinstance(obs.get("indicator"), dict) else {}
        country = obs.get("country") if isinstance(obs.get("country"), dict) else {}
        indicator = str(ind.get("id") or "").strip()
        if not indicator:
            errors.append(ErrorItem("missing_code", "no indicator id", field="indicator", location=location))
            continue
        # Aggregates carry the Bank's 3-letter codes (WLD, LDC, AFE); when countryiso3code is empty the
        # 2-letter country.id is kept, and matching reports it if it is unknown.
        area = str(obs.get("countryiso3code") or "").strip() or str(country.get("id") or "").strip()
        if not area:
            errors.append(ErrorItem("missing_code", "no countryiso3code or country id", field="countryiso3code",
                                    location=location))
            continue
        year = to_year(obs.get("date"))
        if year is None:
            errors.append(ErrorItem("invalid_year", f"{obs.get('date')!r} is not a year (annual data only)",
                                    field="date", location=location))
            continue
        value = to_float(raw)
        if value is None:
            errors.append(value_error(raw, "value", location))
            continue
        obs_status = str(obs.get("obs_status") or "").strip()
        status = _API_STATUS.get(obs_status, "reported")
        note = "" if obs_status in _API_STATUS else f"obs_status {obs_status}"
        if indicator not in series:
            name = str(ind.get("value") or "").strip()
            unit = str(obs.get("unit") or "").strip() or unit_from_name(name)
            series[indicator] = SeriesInfo(indicator, name, unit, source)
        records.append(Record(indicator, area, "wb", year, value, (), status, note, location,
                              str(country.get("value") or "").strip()))
    return out


def read_api_pages(bodies: list[bytes], name: str) -> Parsed:
    """Every page `fetch_api` returned, as one `Parsed`; page n is located as "<name> page n"."""
    out = Parsed(source="World Bank API v2 JSON")
    for n, body in enumerate(bodies, start=1):
        page = read_api_json(body, f"{name} page {n}" if len(bodies) > 1 else name)
        out.records.extend(page.records)
        out.errors.extend(page.errors)
        for code, info in page.series.items():
            out.series.setdefault(code, info)
    return out


def _api_message(message: object) -> str:
    parts = []
    for m in message if isinstance(message, list) else [message]:
        if isinstance(m, dict):
            text = ": ".join(str(m[k]) for k in ("key", "value") if m.get(k))
            parts.append(f"{text} (API message {m['id']})" if m.get("id") else text)
        else:
            parts.append(str(m))
    return "World Bank API error: " + ("; ".join(p for p in parts if p) or "no detail given")
