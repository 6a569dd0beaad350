"""Tidy tables (one observation per row) in CSV or XLSX, with a mapping from roles to columns.

    read_tidy(content, "ken.csv", mapping={"area": "Country", "year": "Year", "value": "Value",
                                           "dim:SEX": "Sex"}, defaults={"indicator": "IT_USE_II99"})

Roles: `area`, `year`, `value` (required); `indicator` (else defaults["indicator"]); `area_kind`
(else defaults["area_kind"], "iso3" when not given); `status`, `note`, `unit`, `area_name`; and
`dim:NAME` for each dimension (SEX, URBANISATION, AGE or any other code). A blank dimension cell is
the total "_T". Values may use a decimal comma; thousands separators are refused, never guessed.

This module also holds the parsing rules that the other source adapters share: numbers, years,
dimension codes for free text, status words, and the check that a series keeps one unit.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import PurePath

from wsis.core.errors import ErrorItem, Problems, problem_count
from wsis.core.uploads import BoundedReader, open_workbook, sheet_rows
from wsis.core.validation import YEAR_MAX, YEAR_MIN
from wsis.statistics.records import AREA_KINDS, STATUSES, TOTAL, Parsed, Record, SeriesInfo

# --------------------------------------------------------------------------- shared parsing rules

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
# "1,234" could be 1234 or 1.234: with a decimal comma allowed it is refused as ambiguous.
_AMBIGUOUS_COMMA = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[,.'\u2019 \u00a0\u202f]\d{3})+(?:[.,]\d+)?")


def error(
    code: str, message: str, *, field: str | None = None, location: str | None = None
) -> ErrorItem:
    return ErrorItem(code=code, message=message, field=field, location=location)


def decode_text(content: bytes, filename: str, errors: list[ErrorItem]) -> str | None:
    """UTF-8 text (a byte-order mark is dropped), or None with an error naming the file."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        errors.append(
            error(
                "encoding",
                f"{filename} is not UTF-8 text (invalid byte at offset "
                f"{exc.start}); save it as UTF-8 CSV",
                location=filename,
            )
        )
        return None


def parse_number(text: str, *, decimal_comma: bool = False) -> float:
    """A finite number written plainly ("66.3", "-1e3"); otherwise ValueError, said plainly.

    With `decimal_comma`, "12,5" is 12.5. Thousands separators ("1,234,567", "1 234", "1.234,5") are
    refused, and so is "1,234", which could be either.
    """
    s = text.strip()
    if _NUMBER.fullmatch(s):
        value = float(s)
    elif decimal_comma and _DECIMAL_COMMA.fullmatch(s) and not _AMBIGUOUS_COMMA.fullmatch(s):
        value = float(s.replace(",", "."))
    elif _GROUPED.fullmatch(s) or (decimal_comma and _AMBIGUOUS_COMMA.fullmatch(s)):
        if decimal_comma and _AMBIGUOUS_COMMA.fullmatch(s):
            raise ValueError(
                f"{s!r} is ambiguous: a thousands separator or a decimal comma? "
                f"Write the number without thousands separators, with a decimal point"
            )
        raise ValueError(f"{s!r} has thousands separators; write the number without them")
    else:
        raise ValueError(f"{s!r} is not a number")
    if not math.isfinite(value):
        raise ValueError(f"{s!r} is not a finite number")
    return value


def scale(value: float, power: int) -> float:
    """`value` × 10**power without binary rounding noise (1.5 with power 6 is 1500000.0)."""
    if not power:
        return value
    return float(Decimal(repr(value)).scaleb(power))


def parse_unit_mult(text: str) -> int:
    """An SDMX UNIT_MULT (a power of ten) or an Open SDG word ("Thousands")."""
    s = text.strip().lower()
    words = {"": 0, "units": 0, "unit": 0, "thousands": 3, "millions": 6, "billions": 9}
    if s in words:
        return words[s]
    if re.fullmatch(r"-?\d{1,2}", s):
        return int(s)
    raise ValueError(
        f"unit multiplier {text!r} is neither a power of ten nor Thousands/Millions/Billions"
    )


def parse_year(raw: object) -> int:
    """An integer year 1900–2100 from "2022", 2022 or 2022.0; ValueError otherwise."""
    if isinstance(raw, bool) or isinstance(raw, (dt.date, dt.datetime)):
        raise ValueError(f"{raw!r} is not a year (a whole number such as 2022)")
    if isinstance(raw, int):
        year = raw
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise ValueError(f"{raw!r} is not a whole year")
        year = int(raw)
    else:
        s = str(raw).strip()
        if not re.fullmatch(r"\d{4}(?:\.0+)?", s):
            raise ValueError(f"{s!r} is not a year (a whole number such as 2022)")
        year = int(s.split(".")[0])
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"year {year} is outside {YEAR_MIN}–{YEAR_MAX}")
    return year


def slug_code(text: str) -> str:
    """An upper-case code from free text: "Fixed (wired)" -> "FIXED_WIRED"."""
    return re.sub(r"[^A-Z0-9]+", "_", text.strip().upper()).strip("_")


_SEX_WORDS = {
    "f": "F",
    "female": "F",
    "females": "F",
    "women": "F",
    "m": "M",
    "male": "M",
    "males": "M",
    "men": "M",
    "_t": TOTAL,
    "total": TOTAL,
    "both sexes": TOTAL,
    "bothsex": TOTAL,
    "all": TOTAL,
}
_URBANISATION_WORDS = {
    "u": "U",
    "urban": "U",
    "r": "R",
    "rural": "R",
    "_t": TOTAL,
    "total": TOTAL,
    "all areas": TOTAL,
    "allarea": TOTAL,
    "all": TOTAL,
}
_AGE_CODE = re.compile(r"Y\d+T\d+|Y_GE\d+|Y_LT\d+|Y_LE\d+|M\d+T\d+|M_LT\d+|_T|_U|_X|_Z|_O")


def _word_code(text: str, words: dict[str, str], what: str, accepted: str) -> str:
    """The code of a known word or code; blank is the total. ValueError naming the accepted words."""
    s = text.strip().lower()
    if not s:
        return TOTAL
    if s in words:
        return words[s]
    raise ValueError(f"{what} {text.strip()!r} is not one of {accepted}")


def sex_code(text: str) -> str:
    """F, M or _T from a code or an English word; blank is the total. ValueError when unknown."""
    return _word_code(text, _SEX_WORDS, "sex", "F, M, _T, female, male, total")


def urbanisation_code(text: str) -> str:
    """U, R or _T from a code or an English word; blank is the total. ValueError when unknown."""
    return _word_code(text, _URBANISATION_WORDS, "urbanisation", "U, R, _T, urban, rural, total")


def age_code(text: str) -> str:
    """An SDMX-like age code from text: "15-24" -> "Y15T24", "15+" -> "Y_GE15", "<5" -> "Y_LT5".

    Codes already in that form are kept; blank, "total" and "all ages" are "_T"; anything else
    becomes an upper-case slug ("Not stated" -> "NOT_STATED").
    """
    s = text.strip()
    low = s.lower()
    if low in {"", "total", "all", "all ages", "allage", "_t"}:
        return TOTAL
    if _AGE_CODE.fullmatch(s.upper()):
        return s.upper()
    years = r"(?:\s*(?:years?|yrs?|y))?"
    if m := re.fullmatch(rf"(\d+)\s*(?:-|–|to)\s*(\d+){years}", low):
        return f"Y{int(m[1])}T{int(m[2])}"
    if m := re.fullmatch(
        rf"(\d+)\s*\+{years}|(\d+){years}\s*(?:and|or)\s*(?:over|older|above|more)", low
    ):
        return f"Y_GE{int(m[1] or m[2])}"
    if m := re.fullmatch(rf"(?:<|under|less than|below)\s*(\d+){years}", low):
        return f"Y_LT{int(m[1])}"
    return slug_code(s)


_STATUS_WORDS = {
    "reported": "reported",
    "a": "reported",
    "normal": "reported",
    "normal value": "reported",
    "estimated": "estimated",
    "e": "estimated",
    "estimate": "estimated",
    "estimated value": "estimated",
    "imputed": "imputed",
    "i": "imputed",
    "imputed value": "imputed",
}


def status_word(text: str) -> str:
    """reported / estimated / imputed from a word or an OBS_STATUS letter; ValueError otherwise."""
    s = text.strip().lower()
    if s in _STATUS_WORDS:
        return _STATUS_WORDS[s]
    raise ValueError(f"status {text.strip()!r} is not one of {', '.join(STATUSES)} (or A, E, I)")


def normalise_area(code: str, area_kind: str) -> str:
    """Codes as the matcher expects them: ISO and WB codes upper-case, M49 without leading zeros."""
    code = code.strip()
    if area_kind in ("iso3", "wb"):
        return code.upper()
    if area_kind == "m49" and code.isascii() and code.isdigit():
        return str(int(code))
    return code


def head_text(head: bytes | str) -> str:
    """The first bytes of a file as text, for sniffing (a character cut at the end is dropped)."""
    if isinstance(head, bytes):
        return head.decode("utf-8-sig", errors="ignore")
    return head.removeprefix("\ufeff")


def head_cells(head: bytes | str) -> list[str]:
    """The stripped cells of the first line of a CSV head."""
    first = head_text(head).lstrip("\r\n").split("\n", 1)[0]
    return [c.strip() for c in next(csv.reader([first]), [])]


def join_notes(*notes: str) -> str:
    return "; ".join(n for n in (x.strip() for x in notes) if n)


class SeriesBook:
    """The series a file speaks of; a series given in two units is an error (values do not mix)."""

    def __init__(self, source: str, errors: list[ErrorItem]):
        self.source = source
        self.errors = errors
        self.series: dict[str, SeriesInfo] = {}
        self._conflicts: set[tuple[str, str]] = set()

    def add(
        self,
        code: str,
        *,
        unit: str = "",
        name: str = "",
        sdg_indicator: str = "",
        location: str | None = None,
        field: str | None = None,
    ) -> bool:
        """Note a series (and its unit); False, with an error, when the unit differs from before."""
        info = self.series.get(code)
        if info is None:
            self.series[code] = SeriesInfo(
                code=code, name=name, unit=unit, source=self.source, sdg_indicator=sdg_indicator
            )
            return True
        if unit and info.unit and unit != info.unit:
            if (code, unit) not in self._conflicts:
                self._conflicts.add((code, unit))
                self.errors.append(
                    error(
                        "mixed_units",
                        f"series {code} is given in {info.unit!r} and in {unit!r}; "
                        f"one series must have one unit",
                        field=field,
                        location=location,
                    )
                )
            return False
        info.unit = info.unit or unit
        info.name = info.name or name
        info.sdg_indicator = info.sdg_indicator or sdg_indicator
        return True


# --------------------------------------------------------------------------- the tidy reader

ROLES = ("area", "year", "value", "indicator", "area_kind", "status", "note", "unit", "area_name")
REQUIRED_ROLES = ("area", "year", "value")
DEFAULT_KEYS = (
    "indicator",
    "area_kind",
    "status",
    "note",
    "unit",
    "source",
    "series_name",
    "sdg_indicator",
)
FORMATS = ("csv", "xlsx")


def parse_mapping(text: str) -> dict[str, str]:
    """ "area=Country,year=Year,value=Value,dim:SEX=Sex" -> {"area": "Country", …}.

    Raises ValueError, with a message for the command line, when the text is not such a list.
    """
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        role, sep, column = part.partition("=")
        role, column = role.strip(), column.strip()
        if not sep or not role or not column:
            raise ValueError(f"{part.strip()!r} is not role=Column (e.g. area=Country)")
        if role.lower().startswith("dim:"):
            name = role[4:].strip().upper()
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
                raise ValueError(f"dimension name {role[4:]!r} must be a code such as SEX or AGE")
            role = f"dim:{name}"
        else:
            role = role.lower()
            if role not in ROLES:
                raise ValueError(
                    f"unknown role {role!r}; roles are {', '.join(ROLES)} and dim:NAME"
                )
        if role in mapping:
            raise ValueError(f"role {role!r} is given twice")
        mapping[role] = column
    missing = [r for r in REQUIRED_ROLES if r not in mapping]
    if missing:
        raise ValueError(
            f"the mapping needs {', '.join(missing)} (e.g. area=Country,year=Year,value=Value)"
        )
    return mapping


def cell_text(value: object) -> str:
    """A cell or JSON value as trimmed text: whole floats without '.0', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _csv_rows(text: str, filename: str) -> Iterator[tuple[int, list[object]]]:
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = BoundedReader(text, filename, delimiter=delimiter)
    for row in reader:
        yield reader.line_num, list(row)


def _xlsx_rows(
    content: bytes, filename: str, sheet: str | None, errors: list[ErrorItem]
) -> Iterator[tuple[int, list[object]]] | None:
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = open_workbook(content, filename)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as exc:
        errors.append(
            error(
                "malformed",
                f"{filename} is not a readable XLSX workbook ({exc})",
                location=filename,
            )
        )
        return None
    if sheet is not None and sheet not in wb.sheetnames:
        errors.append(
            error(
                "invalid_option",
                f"{filename} has no sheet {sheet!r} (sheets: {', '.join(wb.sheetnames)})",
                location=filename,
            )
        )
        wb.close()
        return None
    ws = wb[sheet] if sheet is not None else wb.worksheets[0]

    def rows():
        try:
            for n, row in enumerate(sheet_rows(ws, filename), 1):
                yield n, list(row)
        finally:
            wb.close()

    return rows()


def _format_of(filename: str, content: bytes) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    return "xlsx" if content[:4] == b"PK\x03\x04" else "csv"


def _value_of(raw: object) -> float:
    if isinstance(raw, bool):
        raise ValueError(f"{raw!r} is not a number")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            raise ValueError(f"{raw!r} is not a finite number")
        return float(raw)
    if isinstance(raw, dt.date | dt.datetime):
        raise ValueError(f"{cell_text(raw)} is a date, not a number")
    if isinstance(raw, Decimal):
        return float(raw)
    return parse_number(str(raw), decimal_comma=True)


# The dimensions whose codes every source writes in its own words.
CODED_DIMENSIONS = {"SEX": sex_code, "URBANISATION": urbanisation_code, "AGE": age_code}


def _dim_code(name: str, text: str) -> str:
    if name in CODED_DIMENSIONS:
        return CODED_DIMENSIONS[name](text)
    s = text.strip()
    return TOTAL if not s or s.lower() == "total" else s.upper()


def read_tidy(
    content: bytes,
    filename: str,
    *,
    mapping: dict[str, str] | str,
    fmt: str | None = None,
    defaults: dict | None = None,
    sheet: str | None = None,
) -> Parsed:
    """Observations from a tidy CSV or XLSX table; every problem is kept with its file and line.

    `mapping` is a dict of role -> column header, or its text form for `parse_mapping`.
    """
    defaults = dict(defaults or {})
    errors: list[ErrorItem] = Problems()
    parsed = Parsed(source=str(defaults.get("source") or "Tidy table"), errors=errors)
    book = SeriesBook(parsed.source, errors)
    if isinstance(mapping, str):
        try:
            mapping = parse_mapping(mapping)
        except ValueError as exc:
            errors.append(error("invalid_option", str(exc), field="mapping"))
            return parsed

    # The options first: a wrong mapping would otherwise give one error per row.
    for role in mapping:
        if role not in ROLES and not (role.startswith("dim:") and len(role) > 4):
            errors.append(
                error(
                    "invalid_option",
                    f"unknown role {role!r} in the mapping; roles are "
                    f"{', '.join(ROLES)} and dim:NAME",
                    field=role,
                )
            )
    for role in REQUIRED_ROLES:
        if role not in mapping:
            errors.append(
                error("invalid_option", f"the mapping has no column for {role!r}", field=role)
            )
    for key in defaults:
        if key not in DEFAULT_KEYS:
            errors.append(
                error(
                    "invalid_option",
                    f"unknown default {key!r}; defaults are {', '.join(DEFAULT_KEYS)}",
                    field=key,
                )
            )
    if "indicator" not in mapping and not str(defaults.get("indicator") or "").strip():
        errors.append(
            error(
                "invalid_option",
                "give an indicator column in the mapping or defaults['indicator']",
                field="indicator",
            )
        )
    default_kind = str(defaults.get("area_kind") or "iso3")
    if default_kind not in AREA_KINDS:
        errors.append(
            error(
                "invalid_option",
                f"area kind {default_kind!r} is not one of {', '.join(AREA_KINDS)}",
                field="area_kind",
            )
        )
    default_status = "reported"
    if defaults.get("status"):
        try:
            default_status = status_word(str(defaults["status"]))
        except ValueError as exc:
            errors.append(error("invalid_option", str(exc), field="status"))
    fmt = (fmt or _format_of(filename, content)).lower()
    if fmt not in FORMATS:
        errors.append(
            error(
                "invalid_option",
                f"format {fmt!r} is not one of {', '.join(FORMATS)}",
                location=filename,
            )
        )
    if errors:
        return parsed

    if fmt == "xlsx":
        rows = _xlsx_rows(content, filename, sheet, errors)
    else:
        text = decode_text(content, filename, errors)
        rows = _csv_rows(text, filename) if text is not None else None
    if rows is None:
        return parsed

    try:
        _read_rows(rows, parsed, filename, mapping, defaults, default_kind, default_status, book)
    except csv.Error as exc:
        errors.append(
            error("malformed", f"{filename} is not valid CSV ({exc})", location=filename)
        )
    finally:
        rows.close()
    parsed.series = book.series
    if defaults.get("series_name") or defaults.get("sdg_indicator"):
        for info in parsed.series.values():
            info.name = info.name or str(defaults.get("series_name") or "")
            info.sdg_indicator = info.sdg_indicator or str(defaults.get("sdg_indicator") or "")
    return parsed


def _read_rows(
    rows: Iterator[tuple[int, list[object]]],
    parsed: Parsed,
    filename: str,
    mapping: dict[str, str],
    defaults: dict,
    default_kind: str,
    default_status: str,
    book: SeriesBook,
) -> None:
    errors = parsed.errors
    header: list[str] | None = None
    columns: dict[str, int] = {}
    for line, row in rows:
        if header is None:
            if not any(cell_text(c) for c in row):
                continue
            header = [cell_text(c) for c in row]
            columns = _locate_columns(header, mapping, filename, errors)
            if errors:
                return
            continue
        cells = [cell_text(c) for c in row]
        if not any(cells):
            continue
        record = _tidy_row(
            row,
            cells,
            columns,
            mapping,
            defaults,
            default_kind,
            default_status,
            f"{filename}:{line}",
            book,
            errors,
        )
        if record is not None:
            parsed.records.append(record)
    if header is None:
        errors.append(error("empty", f"{filename} has no header row", location=filename))


def _locate_columns(
    header: list[str], mapping: dict[str, str], filename: str, errors: list[ErrorItem]
) -> dict[str, int]:
    exact = {h: i for i, h in reversed(list(enumerate(header)))}
    folded = {h.casefold(): i for i, h in reversed(list(enumerate(header)))}
    columns = {}
    for role, column in mapping.items():
        i = exact.get(column.strip(), folded.get(column.strip().casefold()))
        if i is None:
            errors.append(
                error(
                    "missing_column",
                    f"{filename} has no column {column!r} (for {role}); "
                    f"its columns are {', '.join(h for h in header if h)}",
                    field=column,
                    location=f"{filename}:1",
                )
            )
        else:
            columns[role] = i
    return columns


def _tidy_row(
    row: list[object],
    cells: list[str],
    columns: dict[str, int],
    mapping: dict[str, str],
    defaults: dict,
    default_kind: str,
    default_status: str,
    where: str,
    book: SeriesBook,
    errors: list[ErrorItem],
) -> Record | None:
    def raw(role):
        i = columns.get(role)
        return row[i] if i is not None and i < len(row) else None

    def text(role):
        i = columns.get(role)
        return cells[i] if i is not None and i < len(cells) else ""

    def column(role):
        return mapping.get(role, role)

    before = problem_count(errors)
    value_text = text("value")
    if not value_text:
        return None
    try:
        value = _value_of(raw("value"))
    except ValueError as exc:
        errors.append(error("invalid_value", str(exc), field=column("value"), location=where))
        value = None
    try:
        year = parse_year(raw("year"))
    except ValueError as exc:
        errors.append(error("invalid_year", str(exc), field=column("year"), location=where))
        year = None
    kind = text("area_kind").lower() if "area_kind" in columns else default_kind
    if kind not in AREA_KINDS:
        errors.append(
            error(
                "invalid_area_kind",
                f"area kind {kind!r} is not one of {', '.join(AREA_KINDS)}",
                field=column("area_kind"),
                location=where,
            )
        )
    area = normalise_area(text("area"), kind)
    if not area:
        errors.append(
            error("missing_area", "the area is empty", field=column("area"), location=where)
        )
    indicator = (
        text("indicator") if "indicator" in columns else str(defaults.get("indicator", "")).strip()
    )
    if not indicator:
        errors.append(
            error(
                "missing_indicator",
                "the indicator is empty",
                field=column("indicator"),
                location=where,
            )
        )
    status = default_status
    if text("status"):
        try:
            status = status_word(text("status"))
        except ValueError as exc:
            errors.append(error("invalid_status", str(exc), field=column("status"), location=where))
    dims = {}
    for role in columns:
        if role.startswith("dim:"):
            name = role[4:].upper()
            try:
                dims[name] = _dim_code(name, text(role))
            except ValueError as exc:
                errors.append(
                    error("invalid_dimension", str(exc), field=column(role), location=where)
                )
    if problem_count(errors) > before:
        return None
    unit = text("unit") if "unit" in columns else str(defaults.get("unit") or "").strip()
    if not book.add(indicator, unit=unit, location=where, field=column("unit")):
        return None
    note = text("note") if "note" in columns else str(defaults.get("note") or "").strip()
    return Record(
        indicator=indicator,
        area=area,
        area_kind=kind,
        year=year,
        value=value,
        dims=tuple(sorted(dims.items())),
        status=status,
        note=note,
        location=where,
        area_name=text("area_name"),
    )
