"""SDMX data messages: SDMX-ML 2.1 (generic or structure-specific), SDMX-JSON and SDMX-CSV 1.0/2.0.

SDMX-ML and SDMX-JSON are read with the `sdmx1` library (`import sdmx`); SDMX-CSV is read here with
the csv module, since sdmx1 reads only SDMX-CSV 2.x and needs the data structure to tell dimensions
from attributes. In SDMX-CSV the columns before OBS_VALUE are the dimensions and those after it the
attributes.

An observation becomes a `Record`: REF_AREA -> area, TIME_PERIOD -> year (annual periods only:
"2020", "2020-A1"), OBS_VALUE -> value ("NaN" and blanks are missing values, not records), the
indicator from the INDICATOR dimension (or SERIES, as in the UN SDG data structure; the UN's
"IT_USE_ii99" becomes "IT_USE_II99" as in the other UN sources). OBS_STATUS A
is reported, E estimated, I imputed; other codes are reported with the status in the note. When
there is no OBS_STATUS the UN's NATURE attribute gives the status. UNIT_MEASURE (dimension or
attribute) is the series' unit; UNIT_MULT scales the value.

Dimensions: FREQ is dropped when annual (and refused otherwise); REPORTING_TYPE "G" (global) is
dropped; TYPE_OF_SPEED is SPEED, with UN codes (ANYS, 10MBPS, …) turned into ours. SEX, AGE,
URBANISATION and SPEED keep "_T"; any other dimension is kept unless its value is a total ("_T")
or not applicable ("_Z"), which the importer reads as the total.
"""

from __future__ import annotations

import io
import logging
import re

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.conf import settings

from wsis.core.errors import ErrorItem, Problems, problem_count
from wsis.core.uploads import BoundedReader
from wsis.statistics.records import AREA_KINDS, TOTAL, Parsed, Record
from wsis.statistics.sources.tidy import (
    SeriesBook,
    decode_text,
    error,
    head_cells,
    head_text,
    join_notes,
    normalise_area,
    parse_number,
    parse_unit_mult,
    scale,
)
from wsis.statistics.sources.unsd import NATURE, SPEED_LOOKUP, UNIT_LABELS, canonical_series

KEPT_TOTALS = ("SEX", "AGE", "URBANISATION", "SPEED")
RENAMED = {"TYPE_OF_SPEED": "SPEED"}
NOT_APPLICABLE = "_Z"

# SDMX observation status (CL_OBS_STATUS) -> status, and a word for the note of the others.
OBS_STATUS = {"A": "reported", "E": "estimated", "I": "imputed"}
OBS_STATUS_WORDS = {
    "B": "time series break",
    "D": "definition differs",
    "F": "forecast",
    "G": "experimental",
    "M": "missing",
    "N": "not significant",
    "O": "missing",
    "P": "provisional",
    "R": "revised",
    "S": "strike",
    "U": "low reliability",
    "V": "unvalidated",
}
# SDMX unit codes (cross-domain CL_UNIT_MEASURE and the UN SDG list) -> our unit.
SDMX_UNITS = {
    **UNIT_LABELS,
    "PT": "%",
    "PC": "%",
    "PS": "persons",
    "NUM": "number",
    "NR": "number",
    "SUB": "subscriptions",
    "PER_100": "per 100 inhabitants",
}

_ANNUAL = re.compile(r"(\d{4})(?:-A1?)?")
_CSV_STRUCTURE = {"DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION"}
_CODED_ATTRIBUTES = {"OBS_STATUS", "UNIT_MEASURE", "UNIT_MULT", "NATURE", "FREQ"}


def read_sdmx(
    content: bytes,
    filename: str,
    *,
    area_dimension: str = "REF_AREA",
    time_dimension: str = "TIME_PERIOD",
    indicator_dimension: str | None = "INDICATOR",
    area_kind: str = "iso3",
    indicator: str | None = None,
    source: str = "",
) -> Parsed:
    """Observations from an SDMX data message.

    `indicator_dimension` names the dimension holding the series code; with the default "INDICATOR"
    a SERIES dimension is used when there is no INDICATOR. For a data flow of one series without
    such a dimension, give `indicator_dimension=None` and `indicator="CODE"`.
    """
    errors: list[ErrorItem] = Problems()
    parsed = Parsed(source=source or "SDMX data", errors=errors)
    indicator_dimension = indicator_dimension or None  # "" from a command line means none
    if area_kind not in AREA_KINDS:
        errors.append(
            error(
                "invalid_option",
                f"area kind {area_kind!r} is not one of {', '.join(AREA_KINDS)}",
                field="area_kind",
            )
        )
        return parsed
    if indicator_dimension is None and not (indicator and indicator.strip()):
        errors.append(
            error(
                "invalid_option",
                "without an indicator dimension, give the indicator",
                field="indicator",
            )
        )
        return parsed
    head = content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        rows, sender = _ml_rows(content, filename, errors)
    elif head.startswith((b"{", b"[")):
        rows, sender = _sdmx_lib_rows(content, filename, errors, "SDMX-JSON")
    else:
        rows, sender = _csv_rows(content, filename, errors)
    if errors and not rows:
        return parsed
    parsed.source = source or (f"SDMX data from {sender}" if sender else "SDMX data")
    book = SeriesBook(source or sender or "SDMX", errors)
    converter = _Converter(
        area_dimension,
        time_dimension,
        indicator_dimension,
        area_kind,
        (indicator or "").strip(),
        book,
        errors,
    )
    for where, key, attrs, value in rows:
        record = converter.record(where, key, attrs, value)
        if record is not None:
            parsed.records.append(record)
    parsed.series = book.series
    return parsed


# --------------------------------------------------------------------------- reading the formats

Row = tuple[str, dict[str, str], dict[str, str], str]


def _ml_rows(content: bytes, filename: str, errors: list[ErrorItem]) -> tuple[list[Row], str]:
    """SDMX-ML, checked first as plain well-formed XML without DTDs or entities."""
    limit = settings.WSIS_MAX_XML_ELEMENTS
    try:
        for count, (_, elem) in enumerate(iterparse(io.BytesIO(content), forbid_dtd=True), 1):
            elem.clear()
            if count > limit:
                errors.append(error("too_large", f"{filename} has more than {limit:,} XML elements "
                                                 "(WSIS_MAX_XML_ELEMENTS); split it into smaller files",
                                    location=filename))
                return [], ""
    except DefusedXmlException as exc:
        errors.append(
            error(
                "malformed_xml",
                f"{filename} declares a DTD or entities, which are not "
                f"accepted ({exc.__class__.__name__})",
                location=filename,
            )
        )
        return [], ""
    except Exception as exc:  # xml.etree.ElementTree.ParseError and expat errors
        position = getattr(exc, "position", None)
        where = f"{filename}:{position[0]}" if position else filename
        errors.append(
            error("malformed_xml", f"{filename} is not well-formed XML: {exc}", location=where)
        )
        return [], ""
    return _sdmx_lib_rows(content, filename, errors, "SDMX-ML")


def _code(value: object) -> str:
    """The text of a key value, attribute value or code object of sdmx1."""
    for attr in ("value", "id"):
        while hasattr(value, attr) and not isinstance(value, str | int | float):
            value = getattr(value, attr)
    return "" if value is None else str(value).strip()


def _sdmx_lib_rows(
    content: bytes, filename: str, errors: list[ErrorItem], kind: str
) -> tuple[list[Row], str]:
    import sdmx
    import sdmx.message

    logger = logging.getLogger("sdmx")
    level = logger.level
    logger.setLevel(logging.ERROR)  # "no structure= argument" is expected: messages carry no DSD
    try:
        msg = sdmx.read_sdmx(io.BytesIO(content))
    except Exception as exc:  # the library raises many kinds; the user needs the message only
        errors.append(
            error(
                "invalid_sdmx",
                f"{filename} is not an {kind} data message this reader understands: {exc}",
                location=filename,
            )
        )
        return [], ""
    finally:
        logger.setLevel(level)
    if not isinstance(msg, sdmx.message.DataMessage):
        errors.append(
            error(
                "invalid_sdmx",
                f"{filename} is an SDMX {type(msg).__name__}, not a data message",
                location=filename,
            )
        )
        return [], ""
    sender = _code(getattr(getattr(msg, "header", None), "sender", None) or "")
    rows: list[Row] = []
    n = 0
    for ds in msg.data:
        ds_attrs = {k: _code(v) for k, v in (getattr(ds, "attrib", None) or {}).items()}
        for obs in ds.obs:
            n += 1
            key = {k: _code(v) for k, v in obs.key.values.items()}
            if obs.series_key is not None:
                key = {**{k: _code(v) for k, v in obs.series_key.values.items()}, **key}
            attrs = dict(ds_attrs)
            if obs.series_key is not None:
                attrs.update({k: _code(v) for k, v in (obs.series_key.attrib or {}).items()})
            attrs.update({k: _code(v) for k, v in obs.attrib.items()})
            value = obs.value
            text = (
                "" if value is None else repr(value) if isinstance(value, float) else _code(value)
            )
            rows.append((f"{filename}:observation {n}", key, attrs, text))
    return rows, sender


def _csv_rows(content: bytes, filename: str, errors: list[ErrorItem]) -> tuple[list[Row], str]:
    text = decode_text(content, filename, errors)
    if text is None:
        return [], ""
    reader = BoundedReader(text, filename)
    header = next(reader, None)
    if not header:
        errors.append(error("empty", f"{filename} has no header row", location=filename))
        return [], ""
    labelled = [":" in h for h in header]
    ids = [h.split(":", 1)[0].strip() for h in header]
    if "OBS_VALUE" not in ids:
        errors.append(
            error(
                "missing_column",
                f"{filename} has no OBS_VALUE column: not SDMX-CSV",
                field="OBS_VALUE",
                location=f"{filename}:1",
            )
        )
        return [], ""
    at = ids.index("OBS_VALUE")
    dims = [i for i in range(at) if ids[i].upper() not in _CSV_STRUCTURE]
    attrs = list(range(at + 1, len(ids)))
    structure = next((i for i in range(at) if ids[i].upper() in ("DATAFLOW", "STRUCTURE_ID")), None)
    action = next((i for i in range(at) if ids[i].upper() == "ACTION"), None)

    def cell(row, i, coded):
        v = row[i].strip() if i < len(row) else ""
        if coded and labelled[i] and ": " in v:
            v = v.split(": ", 1)[0].strip()
        return v

    rows: list[Row] = []
    sender = ""
    for row in reader:
        where = f"{filename}:{reader.line_num}"
        if not any(c.strip() for c in row):
            continue
        if action is not None and cell(row, action, True).upper() == "D":
            errors.append(
                error(
                    "unsupported",
                    "deletions (ACTION D) are not imported",
                    field="ACTION",
                    location=where,
                )
            )
            continue
        if structure is not None and not sender:
            sender = cell(row, structure, True).split(":", 1)[0] if ":" in row[structure] else ""
        key = {ids[i]: cell(row, i, True) for i in dims}
        attributes = {ids[i]: cell(row, i, ids[i] in _CODED_ATTRIBUTES) for i in attrs}
        rows.append((where, key, attributes, cell(row, at, False)))
    return rows, sender


# --------------------------------------------------------------------------- to records


class _Converter:
    def __init__(
        self,
        area_dimension: str,
        time_dimension: str,
        indicator_dimension: str | None,
        area_kind: str,
        indicator: str,
        book: SeriesBook,
        errors: list[ErrorItem],
    ):
        self.area_dimension = area_dimension
        self.time_dimension = time_dimension
        self.indicator_dimension = indicator_dimension
        self.area_kind = area_kind
        self.indicator = indicator
        self.book = book
        self.errors = errors
        self._told: set[str] = set()

    def _once(self, code: str, message: str, field: str, where: str) -> None:
        # A dimension missing from the message would otherwise be reported for every observation.
        if field not in self._told:
            self._told.add(field)
            self.errors.append(error(code, message, field=field, location=where))

    def record(
        self, where: str, key: dict[str, str], attrs: dict[str, str], text: str
    ) -> Record | None:
        errors = self.errors
        if text.strip().lower() in ("", "nan"):
            return None
        key = dict(key)
        before = problem_count(errors)
        try:
            value = parse_number(text)
        except ValueError as exc:
            errors.append(error("invalid_value", str(exc), field="OBS_VALUE", location=where))
        area = key.pop(self.area_dimension, "")
        if not area:
            self._once(
                "missing_dimension",
                f"no {self.area_dimension} dimension (the area)",
                self.area_dimension,
                where,
            )
        period = key.pop(self.time_dimension, "")
        m = _ANNUAL.fullmatch(period)
        if not m:
            if period:
                errors.append(
                    error(
                        "invalid_period",
                        f"period {period!r} is not a year: only annual data can be imported",
                        field=self.time_dimension,
                        location=where,
                    )
                )
            else:
                self._once(
                    "missing_dimension",
                    f"no {self.time_dimension} dimension (the period)",
                    self.time_dimension,
                    where,
                )
        freq = key.pop("FREQ", "") or attrs.get("FREQ", "")
        if freq and freq != "A":
            errors.append(
                error(
                    "invalid_period",
                    f"frequency {freq!r} is not annual (A)",
                    field="FREQ",
                    location=where,
                )
            )
        code = ""
        if self.indicator_dimension and self.indicator_dimension in key:
            code = key.pop(self.indicator_dimension)
        elif self.indicator_dimension == "INDICATOR" and "SERIES" in key:
            code = key.pop("SERIES")
        elif self.indicator:
            code = self.indicator
        else:
            self._once(
                "missing_dimension",
                f"no {self.indicator_dimension} dimension (the series); give "
                f"the indicator for a message of one series",
                str(self.indicator_dimension),
                where,
            )
        unit = key.pop("UNIT_MEASURE", "") or attrs.get("UNIT_MEASURE", "")
        if key.get("REPORTING_TYPE") in ("G", ""):
            key.pop("REPORTING_TYPE")
        dims = {}
        for name, raw in key.items():
            name = RENAMED.get(name, name)
            if name == "SPEED":
                raw = SPEED_LOOKUP.get(raw.lower(), raw) or ""  # UN codes; NOTSPEC is left out
            if raw == NOT_APPLICABLE or not raw or (raw == TOTAL and name not in KEPT_TOTALS):
                continue
            dims[name] = raw
        status, note = self._status(attrs, where)
        if problem_count(errors) > before:
            return None
        try:
            value = scale(value, parse_unit_mult(attrs.get("UNIT_MULT", "")))
        except ValueError as exc:
            errors.append(error("invalid_unit_mult", str(exc), field="UNIT_MULT", location=where))
            return None
        code = canonical_series(code)
        if not self.book.add(
            code, unit=SDMX_UNITS.get(unit.upper(), unit), location=where, field="UNIT_MEASURE"
        ):
            return None
        return Record(
            indicator=code,
            area=normalise_area(area, self.area_kind),
            area_kind=self.area_kind,
            year=int(m[1]),
            value=value,
            dims=tuple(sorted(dims.items())),
            status=status,
            note=join_notes(note, attrs.get("COMMENT_OBS", "")),
            location=where,
        )

    def _status(self, attrs: dict[str, str], where: str) -> tuple[str, str]:
        obs_status = attrs.get("OBS_STATUS", "").upper()
        if obs_status:
            if obs_status in OBS_STATUS:
                return OBS_STATUS[obs_status], ""
            word = OBS_STATUS_WORDS.get(obs_status)
            return "reported", f"OBS_STATUS {obs_status}" + (f" ({word})" if word else "")
        nature = attrs.get("NATURE", "").lower()
        if nature in NATURE:
            return NATURE[nature]
        return "reported", f"NATURE {nature.upper()}" if nature else ""


def sniff(filename: str, head: bytes | str) -> bool:
    """SDMX-ML (by its namespace), SDMX-JSON (dataSets) or SDMX-CSV (DATAFLOW/STRUCTURE, OBS_VALUE)."""
    text = head_text(head)
    start = text.lstrip()[:1]
    if start == "<":
        return "sdmx.org/resources/sdmxml" in text
    if start == "{":
        return '"dataSets"' in text
    cells = [c.split(":", 1)[0].strip() for c in head_cells(head)]
    return bool(cells) and cells[0] in ("DATAFLOW", "STRUCTURE") and "OBS_VALUE" in cells
