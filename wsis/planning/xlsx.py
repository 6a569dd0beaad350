"""XLSX form of an operational plan: one sheet per level (Plan, Objectives, Outputs, KPIs, Milestones,
Periods), a reader, its exact reverse and an empty template with a "Read me" sheet.

The reader converts cells to the interchange shape of `wsis.planning.services` and reports every type
problem at once, each with its file, sheet, row and column; codes, duplicates and contradictions are
checked by `plan_import`. The layout is defined once, in SHEETS.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import math
import re
from typing import NamedTuple

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from wsis.core.cells import xlsx_append, xlsx_put
from wsis.core.errors import ErrorItem, Problems, ValidationFailed, problem_count
from wsis.core.uploads import open_workbook, sheet_rows

# Column order of the multilingual columns; the English text is required, the others fall back to it.
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic",
                  "zh-hans": "Chinese (simplified)"}
LANGUAGE_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-hans-cn": "zh-hans"}
TEXT_PREFIXES = ("title", "name", "description")

README = "Read me"
README_HEADER = ["sheet", "column", "required?", "meaning", "example"]

DIRECTIONS = ("increase", "decrease")
SOURCES = ("manual", "activities", "indicator")
MEASURES = ("count", "economies", "budget")
ACTIVITY_KINDS = ("project", "regional_initiative", "programme", "training", "event", "publication",
                  "policy_assistance", "platform")
ACTIVITY_STATUSES = ("planned", "ongoing", "completed", "cancelled")


class Column(NamedTuple):
    name: str  # the header in row 1
    kind: str  # text | choice | list | choices | date | number | year | lang
    key: str  # the interchange key; for kind "lang" the dict of texts ("titles", "descriptions")
    required: bool  # the column must be in the header row
    meaning: str
    example: str = ""
    lang: str = ""  # for kind "lang"
    need: str = ""  # the "required?" entry of the Read me when it is conditional


class Sheet(NamedTuple):
    key: str | None  # the interchange list the rows go to; None: the one row is the top-level dict
    required: bool
    columns: tuple[Column, ...]


def _texts(prefix: str, key: str, what: str, example: str = "", required: bool = True) -> tuple[Column, ...]:
    out = []
    for lang in LANGUAGES:
        name = LANGUAGE_NAMES[lang]
        if lang == "en":
            meaning = f"{what} in English." + ("" if required else " Optional.")
            out.append(Column(f"{prefix}_en", "lang", key, required, meaning, example, "en"))
        else:
            meaning = f"{what} in {name}; when empty, readers of {name} see the English text."
            out.append(Column(f"{prefix}_{lang}", "lang", key, False, meaning, "", lang,
                              "no (falls back to English)"))
    return tuple(out)


SHEETS: dict[str, Sheet] = {
    "Plan": Sheet(None, True, (
        Column("code", "text", "code", True, "Code of the plan, unique among plans: letters, digits and "
               "hyphens.", "OP-2026"),
        Column("start", "date", "start", True, "First day of the plan (YYYY-MM-DD).", "2026-01-01"),
        Column("end", "date", "end", True, "Last day of the plan (YYYY-MM-DD); after start.", "2027-12-31"),
        *_texts("title", "titles", "Title of the plan", "ITU-D Operational Plan 2026-2027"),
    )),
    "Objectives": Sheet("objectives", True, (
        Column("code", "text", "code", True, "Code of the objective, unique within the plan; outputs refer "
               "to it.", "OBJ-1"),
        *_texts("title", "titles", "Title of the objective", "Affordable connectivity for all"),
    )),
    "Outputs": Sheet("outputs", True, (
        Column("code", "text", "code", True, "Code of the output, unique within the plan; KPIs and "
               "milestones refer to it.", "OUT-1.1"),
        Column("objective", "text", "objective", True, "Code of the objective (sheet Objectives) the "
               "output serves.", "OBJ-1"),
        Column("office", "text", "office", True, "Identifier, acronym or name of the BDT unit or ITU "
               "regional office organisation answerable for the output; its staff edit the output and "
               "report on it.", "ITU Regional Office for Africa"),
        Column("action_lines", "list", "action_lines", False, "WSIS action lines the output contributes "
               "to, by code (e.g. C2, or a C7 sub-line such as C7.e-learning), separated by ';'.",
               "C2; C7.e-learning"),
        Column("sdg_targets", "list", "sdg_targets", False, "SDG targets the output contributes to, "
               "separated by ';'. Format the cell as text: a typed 17.10 becomes the number 17.1.",
               "9.c; 17.8"),
        Column("strategic_targets", "list", "strategic_targets", False, "ITU strategic targets (Connect "
               "2030 and others) by code, separated by ';'.", "C2030-1.1"),
        Column("activities", "list", "activities", False, "Registry activities that deliver the output: "
               "activity ids written #12, or external identifiers (e.g. IATI), separated by ';'.",
               "#12; #40"),
        *_texts("title", "titles", "Title of the output", "Broadband maps for 20 economies"),
        *_texts("description", "descriptions", "What the output delivers", required=False),
    )),
    "KPIs": Sheet("kpis", False, (
        Column("output", "text", "output", True, "Code of the output (sheet Outputs) the KPI measures.",
               "OUT-1.1"),
        Column("code", "text", "code", True, "Code of the KPI, unique within its output.", "KPI-1"),
        Column("unit", "text", "unit", False, "Unit shown with the values, e.g. %, economies, people "
               "trained; with % reported values must lie between 0 and 100.", "%"),
        Column("direction", "choice", "direction", True, "increase or decrease: whether progress means the "
               "value goes up or down.", "increase"),
        Column("baseline", "number", "baseline", True, "Value in the baseline year (a number; a decimal "
               "comma is accepted).", "12.5"),
        Column("baseline_year", "year", "baseline_year", True, "The year the baseline value describes; its "
               "31 December is the baseline date.", "2025"),
        Column("target", "number", "target", True, "Value to reach by the deadline; it must not contradict "
               "the direction.", "40"),
        Column("deadline", "date", "deadline", True, "Date by which the target is to be reached "
               "(YYYY-MM-DD); after the baseline year.", "2027-12-31"),
        Column("source", "choice", "source", False, "manual (values come from approved progress updates), "
               "activities (computed live from linked activities) or indicator (an ICT indicator of the "
               "statistics module); empty means manual.", "manual"),
        Column("measure", "choice", "measure", False, "Only with source activities: count (number of linked "
               "activities), economies (number of economies they reach) or budget (sum of their "
               "budgets).", "count", need="if source is activities"),
        Column("activity_kinds", "choices", "activity_kinds", False, "Only with source activities: count only "
               f"linked activities of these kinds, separated by ';': {', '.join(ACTIVITY_KINDS)}. Empty "
               "means every kind.", "training; event"),
        Column("activity_statuses", "choices", "activity_statuses", False, "Only with source activities: "
               f"count only linked activities in these statuses, separated by ';': "
               f"{', '.join(ACTIVITY_STATUSES)}. Empty means every status.", "ongoing; completed"),
        Column("currency", "text", "currency", False, "ISO 4217 code of the budgets a budget measure adds "
               "up.", "USD", need="if measure is budget"),
        Column("indicator", "text", "indicator", False, "Only with source indicator: the code of the ICT "
               "indicator (see wsis stats indicators).", "INTERNET_USERS", need="if source is indicator"),
        Column("area", "text", "area", False, "Only with source indicator: the group whose figure is followed "
               "(WORLD, LDC, AFR…) or an economy (ISO 3166 alpha-3).", "LDC", need="if source is indicator"),
        *_texts("name", "titles", "Name of the KPI", "Economies with a national broadband map"),
    )),
    "Milestones": Sheet("milestones", False, (
        Column("output", "text", "output", True, "Code of the output (sheet Outputs) the milestone belongs "
               "to.", "OUT-1.1"),
        Column("due", "date", "due", True, "Planned date (YYYY-MM-DD); it never moves: slippage is measured "
               "against it.", "2026-06-30"),
        Column("expected", "date", "expected", False, "Current forecast of the date (YYYY-MM-DD), when it "
               "differs from the planned date.", "2026-09-30"),
        Column("completed", "date", "completed", False, "Date the milestone was completed (YYYY-MM-DD); "
               "empty while it is open.", ""),
        *_texts("title", "titles", "Title of the milestone", "Mapping methodology agreed"),
    )),
    "Periods": Sheet("periods", False, (
        Column("code", "text", "code", True, "Code of the reporting period, unique within the plan.",
               "2026-Q1"),
        Column("start", "date", "start", True, "First day of the period (YYYY-MM-DD); periods must not "
               "overlap.", "2026-01-01"),
        Column("end", "date", "end", True, "Last day of the period (YYYY-MM-DD).", "2026-03-31"),
        Column("due", "date", "due", True, "Date by which progress updates for the period are expected "
               "(YYYY-MM-DD); on or after the end of the period.", "2026-04-15"),
    )),
}

NOTES = [
    "Row 1 of every sheet is the header row. Column names are not case-sensitive and columns may come in "
    "any order; a column the template does not know is reported, so a typo is never ignored.",
    "The sheets Plan, Objectives and Outputs are required; KPIs, Milestones and Periods may be empty. "
    "The Plan sheet has exactly one row under its header. Empty rows are skipped. This sheet is not read.",
    "Dates are date cells or text written YYYY-MM-DD. Numbers may use a decimal point or a decimal comma "
    "(12.5 or 12,5), without thousands separators.",
    "List cells hold values separated by ';' (',' and line breaks also work). Format list cells as text: "
    "a spreadsheet turns a typed 17.10 into the number 17.1, and that cannot be undone on import.",
    f"Languages: {', '.join(LANGUAGES)}. The English text is required; the other languages fall back to it.",
]

# Column widths of the written sheets, by kind (multilingual columns by prefix).
WIDTHS = {"text": 16, "choice": 12, "list": 24, "choices": 24, "date": 12, "number": 10, "year": 13,
          "title": 40, "name": 40, "description": 60}

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
YEAR = re.compile(r"\d{4}")
NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?")
# "1,000": a thousands separator or a decimal comma? Neither guess is safe.
AMBIGUOUS = re.compile(r"[+-]?\d{1,3},\d{3}")
LIST_SEPARATORS = re.compile(r"[;,\n]")


# Reading -------------------------------------------------------------------------------------------------


def _text(value) -> str:
    """A cell as text; numbers without a trailing ".0" and with their shortest exact digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _header(raw) -> str:
    """A header cell in canonical form: lower case, inner spaces as "_", language aliases resolved."""
    name = "_".join(_text(raw).lstrip("\ufeff").lower().split())
    prefix, sep, lang = name.partition("_")
    if sep and prefix in TEXT_PREFIXES:
        lang = lang.replace("_", "-")
        return f"{prefix}_{LANGUAGE_ALIASES.get(lang, lang)}"
    return name


def _split(value) -> list[str]:
    if isinstance(value, str):
        parts = LIST_SEPARATORS.split(value.replace("\r", "\n"))
    else:
        parts = [_text(value)]
    return [p.strip() for p in parts if p.strip()]


def _convert(kind: str, value):
    """(value, problem) of one cell for a column kind; empty cells give the kind's empty value."""
    if kind in ("text", "lang"):
        return _text(value), None
    if kind == "choice":
        return _text(value).lower(), None
    if kind == "list":
        return _split(value), None
    if kind == "choices":
        return [p.lower() for p in _split(value)], None
    if kind == "date":
        return _date(value)
    if kind == "number":
        return _number(value)
    if kind == "year":
        return _year(value)
    raise ValueError(kind)


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    text = _text(value)
    if not text:
        return None, None
    if isinstance(value, int | float):
        return None, f"{text} is a number, not a date; write the date as YYYY-MM-DD, e.g. 2026-03-31."
    if not DATE.fullmatch(text):
        return None, f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31."
    try:
        return dt.date.fromisoformat(text), None
    except ValueError:
        return None, f"{text!r} is not a calendar date."


def _number(value):
    if isinstance(value, bool) or isinstance(value, dt.date | dt.time):
        return None, f"{_text(value)!r} is not a number."
    if isinstance(value, int | float):
        f = float(value)
        return (f, None) if math.isfinite(f) else (None, f"{value!r} is not a finite number.")
    text = _text(value)
    if not text:
        return None, None
    if AMBIGUOUS.fullmatch(text):
        return None, (f"{text!r} is ambiguous (a thousands separator or a decimal comma?); write "
                      f"{text.replace(',', '')} or {text.replace(',', '.')}.")
    if not NUMBER.fullmatch(text):
        return None, (f"{text!r} is not a number; write digits with a decimal point or comma, e.g. 12.5 "
                      "(no thousands separators, units or % signs).")
    f = float(text.replace(",", "."))
    return (f, None) if math.isfinite(f) else (None, f"{text!r} is not a finite number.")


def _year(value):
    if isinstance(value, bool) or isinstance(value, dt.date | dt.time):
        return None, f"{_text(value)!r} is not a year."
    if isinstance(value, int):
        return value, None
    if isinstance(value, float):
        return (int(value), None) if value.is_integer() else (None, f"{value!r} is not a year.")
    text = _text(value)
    if not text:
        return None, None
    if not YEAR.fullmatch(text):
        return None, f"{text!r} is not a year; write four digits, e.g. 2025."
    return int(text), None


def _empty_item(sheet: Sheet) -> dict:
    item: dict = {}
    for col in sheet.columns:
        if col.kind == "lang":
            item.setdefault(col.key, {})
        elif col.kind in ("list", "choices"):
            item[col.key] = []
        elif col.kind in ("date", "number", "year"):
            item[col.key] = None
        else:
            item[col.key] = ""
    return item


def _read_sheet(name: str, title: str, rows: list[tuple], filename: str, errors: list[ErrorItem]) -> list[dict]:
    sheet = SHEETS[name]
    where = f"{filename}, sheet {title}"
    by_name = {col.name: col for col in sheet.columns}
    header = rows[0] if rows else ()
    index: dict[int, Column] = {}
    named: set[int] = set()
    for i, raw in enumerate(header):
        canonical = _header(raw)
        if not canonical:
            continue
        named.add(i)
        col = by_name.get(canonical)
        if col is None:
            close = difflib.get_close_matches(canonical, list(by_name), n=1, cutoff=0.75)
            hint = f"; did you mean {close[0]!r}?" if close else f"; the {name} sheet takes {', '.join(by_name)}."
            errors.append(ErrorItem("unknown_column", f"Unknown column {_text(raw)!r} in sheet {title}{hint}",
                                    field=_text(raw), location=f"{where}, row 1"))
        elif col in index.values():
            errors.append(ErrorItem("duplicate", f"Column {col.name!r} appears more than once in the header.",
                                    field=col.name, location=f"{where}, row 1"))
        else:
            index[i] = col
    present = set(index.values())
    for col in sheet.columns:
        if col.required and col not in present:
            errors.append(ErrorItem("missing_column", f"Sheet {title} has no column {col.name!r}, which is "
                                    "required.", field=col.name, location=f"{where}, row 1"))

    items = []
    reported: set[int] = set()
    for n, cells in enumerate(rows[1:], start=2):
        if not any(_text(v) for v in cells):
            continue
        loc = f"{where}, row {n}"
        item = _empty_item(sheet)
        for i, value in enumerate(cells):
            col = index.get(i)
            if col is None:
                if i not in named and i not in reported and _text(value):
                    reported.add(i)
                    letter = get_column_letter(i + 1)
                    errors.append(ErrorItem("unknown_column", f"Values in column {letter}, which has no name "
                                            "in the header row.", field=f"column {letter}", location=loc))
                continue
            result, problem = _convert(col.kind, value)
            if problem:
                errors.append(ErrorItem("invalid", problem, field=col.name, location=loc))
            elif col.kind == "lang":
                if result:
                    item[col.key][col.lang] = result
            else:
                item[col.key] = result
        item["_loc"] = loc
        items.append(item)
    return items


def _not_xlsx(filename: str, why: str) -> ValidationFailed:
    return ValidationFailed([ErrorItem(
        "malformed", f"{filename} is not an Excel .xlsx workbook ({why}); save it from the spreadsheet "
                     "program as 'Excel Workbook (.xlsx)' and import it again.", location=filename)])


def read_plan_xlsx(content: bytes, filename: str) -> dict:
    """A plan workbook as the interchange dict of `plan_import`; every problem at once as ValidationFailed."""
    try:
        wb = open_workbook(content, filename)
        try:
            sheets = {}
            for ws in wb.worksheets:
                where = f"{filename}, sheet {ws.title}"
                sheets[ws.title] = list(sheet_rows(ws, where, locate=lambda n, where=where: f"{where}, row {n}"))
        finally:
            wb.close()
    except ValidationFailed:
        raise
    except Exception as exc:
        if bytes(content[:8]).startswith(b"\xd0\xcf\x11\xe0"):
            why = "it is an Excel 97-2003 .xls file"
        else:
            why = str(exc) or type(exc).__name__
        raise _not_xlsx(filename, why) from None

    titles = {t.strip().lower(): t for t in sheets}
    errors: list[ErrorItem] = Problems()
    data: dict = {}
    for name, sheet in SHEETS.items():
        title = titles.get(name.lower())
        if title is None:
            if sheet.key is not None:
                data[sheet.key] = []
            others = [t for t in titles if t not in {s.lower() for s in SHEETS} and t != README.lower()]
            close = difflib.get_close_matches(name.lower(), others, n=1, cutoff=0.75)
            if sheet.required or close:
                why = ", which is required" if sheet.required else ""
                hint = f"; is the sheet {titles[close[0]]!r} meant to be it?" if close else "."
                errors.append(ErrorItem("missing_sheet", f"The workbook has no sheet {name!r}{why}{hint}",
                                        field=name, location=filename))
            continue
        items = _read_sheet(name, title, sheets[title], filename, errors)
        if sheet.key is not None:
            data[sheet.key] = items
        elif len(items) == 1:
            data.update(items[0])
        elif not items:
            errors.append(ErrorItem("required", f"Sheet {title} needs one row under the header: the code, "
                                    "dates and titles of the plan.", location=f"{filename}, sheet {title}, row 2"))
        else:
            for extra in items[1:]:
                errors.append(ErrorItem("invalid", f"Sheet {title} takes exactly one row (one plan); this is "
                                        "another.", location=extra["_loc"]))
    if errors:
        raise ValidationFailed(errors, message=f"{problem_count(errors)} problem(s) in {filename}; nothing was imported")
    return data


# Writing -------------------------------------------------------------------------------------------------


def _as_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


def _put_text(ws, r: int, c: int, text: str):
    cell = xlsx_put(ws, r, c, text)
    # Stored text, never a formula, whatever the cell holds.
    cell.data_type = "s"
    return cell


def _write_item(ws, r: int, sheet: Sheet, item: dict) -> None:
    for c, col in enumerate(sheet.columns, start=1):
        if col.kind == "lang":
            value = (item.get(col.key) or {}).get(col.lang)
        else:
            value = item.get(col.key)
        if value is None or value == "" or value == []:
            continue
        if col.kind in ("list", "choices"):
            _put_text(ws, r, c, "; ".join(_text(v) for v in value))
        elif col.kind == "date":
            value = _as_date(value)
            if isinstance(value, dt.date):
                ws.cell(r, c, value).number_format = "yyyy-mm-dd"
            else:
                _put_text(ws, r, c, _text(value))
        elif col.kind in ("number", "year") and isinstance(value, int | float) and not isinstance(value, bool):
            ws.cell(r, c, value)
        else:
            _put_text(ws, r, c, _text(value) if not isinstance(value, str) else value)


def _style_header(ws, widths: list[int]) -> None:
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    ws.freeze_panes = "A2"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _width(col: Column) -> int:
    key = col.name.partition("_")[0] if col.kind == "lang" else col.kind
    return max(WIDTHS.get(key, 14), len(col.name) + 3)


def _readme(ws) -> None:
    ws.append(README_HEADER)
    wrap = Alignment(wrap_text=True, vertical="top")
    for name, sheet in SHEETS.items():
        for col in sheet.columns:
            required = "yes" if col.required else (col.need or "no")
            xlsx_append(ws, [name, col.name, required, col.meaning, col.example])
            for cell in ws[ws.max_row]:
                cell.alignment = wrap
    ws.append([])
    ws.append(["Notes"])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    for note in NOTES:
        xlsx_append(ws, [note])
    _style_header(ws, [12, 20, 26, 90, 34])


def write_plan_xlsx(data: dict) -> bytes:
    """The workbook of a plan in the interchange shape: a "Read me" sheet, then one sheet per level."""
    wb = Workbook()
    _readme(wb.active)
    wb.active.title = README
    for name, sheet in SHEETS.items():
        ws = wb.create_sheet(name)
        xlsx_append(ws, [col.name for col in sheet.columns])
        _style_header(ws, [_width(col) for col in sheet.columns])
        if sheet.key is None:
            has_plan = any(data.get(k) for k in ("code", "start", "end", "titles"))
            items = [data] if has_plan else []
        else:
            items = data.get(sheet.key) or []
        for r, item in enumerate(items, start=2):
            _write_item(ws, r, sheet, item)
        for col_no, col in enumerate(sheet.columns, start=1):
            if col.kind != "choice":
                continue
            choices = {"direction": DIRECTIONS, "source": SOURCES, "measure": MEASURES}[col.key]
            letter = get_column_letter(col_no)
            dv = DataValidation(type="list", formula1=f'"{",".join(choices)}"', allow_blank=True,
                                showErrorMessage=True, errorStyle="warning",
                                error=f"Use one of: {', '.join(choices)} (see the 'Read me' sheet).")
            dv.add(f"{letter}2:{letter}1048576")
            ws.add_data_validation(dv)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def plan_template_xlsx() -> bytes:
    """The empty workbook: the "Read me" sheet and the header rows of the six sheets."""
    return write_plan_xlsx({})
