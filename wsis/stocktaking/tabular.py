"""CSV and XLSX form of activities: the template, a reader that checks all it can without the database, a writer."""

import codecs
import csv
import datetime as dt
import difflib
import functools
import io
import math
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation

from wsis.core.cells import csv_guard, csv_unguard, xlsx_put
from wsis.core.errors import ErrorItem, Problems, ValidationFailed, problem_count
from wsis.core.uploads import csv_rows, open_workbook, sheet_rows
from wsis.core.validation import clean_decimal
from wsis.stocktaking import schema

TEXT_COLUMNS = [f"{field}_{lang}" for lang in schema.LANGUAGES for field in schema.TEXT_FIELDS]

COLUMNS = [
    "external_id", "kind", "original_language",
    *TEXT_COLUMNS,
    "lead_organisation", "lead_organisation_identifier", "partners",
    "scope", "economies", "groups", "action_lines", "sdg_targets", "matrix_justification",
    "strategic_targets", "priority", "status", "start_date", "end_date", "beneficiary_groups",
    "budget_amount", "budget_currency", "links", "contact_name", "contact_email",
]

REQUIRED = ["kind", "original_language", "lead_organisation", "scope", "status"]

_POSITION = {col: i for i, col in enumerate(COLUMNS)}

LIST_COLUMNS = ("economies", "groups", "action_lines", "sdg_targets", "strategic_targets", "beneficiary_groups", "links")
DEFAULT_ROLE = "implementing"
CENT = Decimal("0.01")
# DecimalField(max_digits=16, decimal_places=2) leaves 14 digits before the point.
MAX_AMOUNT = Decimal(10) ** 14

# Limits of the model fields the registry writes to, so a long cell fails here with its row and column.
MAX_LENGTH = {
    "external_id": 200,
    "lead_organisation": 300,
    "lead_organisation_identifier": 120,
    "contact_name": 200,
    **{f"title_{lang}": 500 for lang in schema.LANGUAGES},
}
# The same for each item of a list column.
MAX_ITEM_LENGTH = {"partners": 300, "groups": 60, "strategic_targets": 40}

CHOICES = {
    "kind": schema.KINDS,
    "scope": schema.SCOPES,
    "status": schema.STATUSES,
    "priority": schema.PRIORITIES,
    "beneficiary_groups": schema.BENEFICIARIES,
    "role": schema.PARTNER_ROLES,
}

PARTNER = re.compile(r"(.*?)\s*\[([^\[\]]*)\]")
ACTION_LINE = re.compile(r"C(\d{1,2})(?:\.E-([A-Z]+))?")
SDG_TARGET = re.compile(r"(\d{1,2})\.(\d{1,2}|[a-z])")
ISO3 = re.compile(r"[A-Z]{3}")
CURRENCY = re.compile(r"[A-Z]{3}")
GROUP = re.compile(r"[A-Za-z0-9_-]+")
STRATEGIC_TARGET = re.compile(r"[A-Za-z0-9._-]+")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
AMOUNT = re.compile(r"-?\d+(?:\.\d+)?")

_url = URLValidator(schemes=["http", "https"])


def _failure(errors: list[ErrorItem], source: str) -> ValidationFailed:
    return ValidationFailed(errors, message=f"{problem_count(errors)} problem(s) in {source}; nothing was written")


@functools.cache
def _lookup(name: str) -> dict[str, str]:
    """Codes of one choice list, also reachable by their English label ("Training or workshop")."""
    choices = CHOICES[name]
    with translation.override("en"):
        out = {" ".join(str(label).lower().split()): code for code, label in choices.items()}
    out.update({code: code for code in choices})
    return out


def _choice(name: str, value: str) -> str | None:
    table = _lookup(name)
    key = " ".join(value.lower().split())
    return table.get(key) or table.get(key.replace("-", "_").replace(" ", "_"))


def _language(value: str) -> str | None:
    code = value.strip().lower().replace("_", "-")
    if code in ("zh", "zh-cn", "zh-hans-cn"):
        code = "zh-hans"
    return code if code in schema.LANGUAGES else None


def _column_name(raw) -> str:
    name = "_".join(_text(raw).lstrip("\ufeff").lower().split())
    field, _sep, lang = name.partition("_")
    if field in schema.TEXT_FIELDS and lang:
        lang = _language(lang) or lang
        return f"{field}_{lang}"
    return name


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _split(value: str, separators: str = ";") -> list[str]:
    parts = re.split(f"[{re.escape(separators)}]", value) if value else []
    out = []
    for part in parts:
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return out


def _date(value) -> tuple[str | None, str | None]:
    """(ISO date, problem)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    text = _text(value)
    if not text:
        return None, None
    if not DATE.fullmatch(text):
        return None, f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31"
    try:
        return dt.date.fromisoformat(text).isoformat(), None
    except ValueError:
        return None, f"{text!r} is not a calendar date"


def _amount(value) -> tuple[str | None, str | None]:
    """(normalised decimal string with two places, problem)."""
    if isinstance(value, bool):
        return None, "expected a number"
    if isinstance(value, float):
        if not math.isfinite(value):
            return None, "expected a number"
        amount = Decimal(repr(value))
    elif isinstance(value, int | Decimal):
        amount = Decimal(value)
    else:
        text = _text(value)
        if not text:
            return None, None
        if not AMOUNT.fullmatch(text):
            return None, (f"{text!r} is not a number; write digits with a decimal point, e.g. 1500.00 "
                          "(no thousands separators or currency signs)")
        amount = Decimal(text)
    if not amount.is_finite():
        return None, "expected a number"
    if amount < 0:
        return None, "must not be negative"
    if amount >= MAX_AMOUNT:
        return None, "is too large"
    if isinstance(value, float):
        # A number cell holds a binary double; cents are all a budget carries.
        amount = amount.quantize(CENT)
    elif amount != amount.quantize(CENT):
        return None, f"{str(value).strip()!r} has more than two decimal places"
    try:
        amount = clean_decimal(amount, "budget_amount", max_digits=16, decimal_places=2).quantize(CENT)
    except ValidationFailed as exc:
        return None, exc.errors[0].message
    return str(amount), None


def _normal_amount(value) -> str:
    if value is None or value == "":
        return ""
    try:
        return str(Decimal(str(value)).quantize(CENT))
    except InvalidOperation:
        return str(value)


def rows_to_activities(rows: list[tuple[int, dict]], source: str, columns: list | None = None) -> list[tuple[str, dict]]:
    """Rows (row number, {column: value}) as (f"{source}:{row}", ActivityData); every problem at once.

    `columns` is the header row; without it the header is the keys the rows use.
    """
    return _convert(rows, source, columns, Problems())


def _convert(rows, source: str, header, errors: list[ErrorItem]) -> list[tuple[str, dict]]:
    if header is None:
        if not rows:
            return []
        header = []
        for _n, row in rows:
            header.extend(k for k in row if k not in header)
    canonical: dict = {}
    seen: set[str] = set()
    for raw in header:
        name = _column_name(raw)
        if not name:
            continue
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.75)
            hint = f"; did you mean {close[0]!r}?" if close else "; use the column names of the template"
            errors.append(ErrorItem("unknown_column", f"unknown column {_text(raw)!r}{hint}",
                                    field=_text(raw), location=f"{source}:1"))
        elif name in seen:
            errors.append(ErrorItem("duplicate", f"column {name!r} appears more than once in the header",
                                    field=name, location=f"{source}:1"))
        else:
            seen.add(name)
            canonical[raw] = name
    has_titles = any(name.startswith("title_") for name in seen)
    missing = [c for c in REQUIRED if c not in seen] + ([] if has_titles else ["title_<original language>"])
    if missing:
        errors.append(ErrorItem("missing_column", f"missing required column(s): {', '.join(missing)}",
                                location=f"{source}:1"))

    out = []
    first_row_of: dict[str, int] = {}
    for n, row in rows:
        if not any(_text(v) for v in row.values()):
            continue
        where = f"{source}:{n}"

        def bad(field, code, message, where=where):
            errors.append(ErrorItem(code, message, field=field, location=where))

        values = {canonical[k]: v for k, v in row.items() if k in canonical}
        before = len(errors)
        data = _activity(values, seen, has_titles, bad)
        ext = data["external_id"]
        if ext:
            if ext in first_row_of:
                bad("external_id", "duplicate", f"external_id {ext!r} is also on row {first_row_of[ext]}")
            else:
                first_row_of[ext] = n
        # A row's problems in the order of its columns, as the reader scans the sheet.
        errors[before:] = sorted(errors[before:], key=lambda e: _POSITION.get(e.field, len(COLUMNS)))
        out.append((where, data))
    if errors:
        raise _failure(errors, source)
    return out


def _activity(values: dict, present: set[str], has_titles: bool, bad) -> dict:
    def text(col: str) -> str:
        value = _text(values.get(col))
        limit = MAX_LENGTH.get(col)
        if limit and len(value) > limit:
            bad(col, "too_long", f"longer than {limit} characters ({len(value)})")
        return value

    def required(col: str) -> str:
        value = text(col)
        if not value and col in present:
            bad(col, "required", f"{col} is required")
        return value

    def unknown(col: str, name: str, raw: str, choices) -> None:
        bad(col, "invalid_choice", f"unknown {name} {raw!r}; use one of: {', '.join(choices)}")

    def choice(col: str, required_: bool = False) -> str:
        raw = required(col) if required_ else text(col)
        if not raw:
            return ""
        code = _choice(col, raw)
        if code is None:
            unknown(col, col, raw, CHOICES[col])
            return ""
        return code

    def codes(col: str, normalise, what: str) -> list[str]:
        out = []
        for raw in _split(text(col), ";,"):
            code = normalise(raw)
            if code is None:
                bad(col, "invalid", f"{raw!r} is not {what}")
                continue
            limit = MAX_ITEM_LENGTH.get(col)
            if limit and len(code) > limit:
                bad(col, "too_long", f"{raw!r} is longer than {limit} characters")
                continue
            if code not in out:
                out.append(code)
        return out

    external_id = text("external_id")
    kind = choice("kind", required_=True)
    lang_raw = required("original_language")
    lang = _language(lang_raw) if lang_raw else None
    if lang_raw and lang is None:
        bad("original_language", "invalid_choice",
            f"unknown language {lang_raw!r}; use one of: {', '.join(schema.LANGUAGES)}")

    texts = {}
    for code in schema.LANGUAGES:
        entry = {field: text(f"{field}_{code}") for field in schema.TEXT_FIELDS}
        if not any(entry.values()):
            continue
        if not entry["title"] and code != lang:
            bad(f"title_{code}", "required", f"title_{code} is required when summary_{code} or description_{code} is given")
        texts[code] = entry
    if lang and has_titles and not texts.get(lang, {}).get("title"):
        bad(f"title_{lang}", "required", f"a title in the original language ({lang}) is required")

    lead = required("lead_organisation")
    partners = []
    for item in _split(text("partners")):
        match = PARTNER.fullmatch(item)
        name, role_raw = (match[1].strip(), match[2].strip()) if match else (item, "")
        role = _choice("role", role_raw) if role_raw else DEFAULT_ROLE
        if not name:
            bad("partners", "required", f"{item!r} has a role but no organisation name")
        elif len(name) > MAX_ITEM_LENGTH["partners"]:
            bad("partners", "too_long", f"partner name longer than {MAX_ITEM_LENGTH['partners']} characters")
        if role is None:
            bad("partners", "invalid_choice", f"unknown partner role {role_raw!r} in {item!r}; "
                                              f"use one of: {', '.join(schema.PARTNER_ROLES)}")
        partners.append({"name": name, "identifier": "", "kind": "", "role": role or DEFAULT_ROLE})
    if kind in schema.PARTNERSHIP_KINDS and lead and not any(
            p["name"] and p["name"].casefold() != lead.casefold() for p in partners):
        bad("partners", "required",
            f"a {kind.replace('_', ' ')} is a partnership: name at least one partner besides the lead organisation")

    start, problem = _date(values.get("start_date"))
    if problem:
        bad("start_date", "invalid_date", problem)
    end, problem = _date(values.get("end_date"))
    if problem:
        bad("end_date", "invalid_date", problem)
    if start and end and end < start:
        bad("end_date", "invalid_date", f"the end date {end} is before the start date {start}")

    amount, problem = _amount(values.get("budget_amount"))
    if problem:
        bad("budget_amount", "invalid_value", f"budget_amount {problem}")
    currency = text("budget_currency").upper()
    if currency and not CURRENCY.fullmatch(currency):
        bad("budget_currency", "invalid", f"{currency!r} is not an ISO 4217 currency code (three letters, e.g. USD)")
    elif amount is not None and not currency:
        bad("budget_currency", "required", "a currency (e.g. USD) is required when a budget amount is given")

    beneficiaries = []
    for raw in _split(text("beneficiary_groups"), ";,"):
        code = _choice("beneficiary_groups", raw)
        if code is None:
            unknown("beneficiary_groups", "beneficiary group", raw, schema.BENEFICIARIES)
        elif code not in beneficiaries:
            beneficiaries.append(code)

    links = []
    for url in _split(text("links")):
        try:
            _url(url)
        except ValidationError:
            bad("links", "invalid", f"{url!r} is not an http:// or https:// address")
            continue
        links.append(url)

    email = text("contact_email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            bad("contact_email", "invalid", f"{email!r} is not an e-mail address")

    return {
        "external_id": external_id or None,
        "kind": kind,
        "original_language": lang or "",
        "texts": texts,
        "lead_organisation": {"name": lead, "identifier": text("lead_organisation_identifier"), "kind": ""},
        "partners": partners,
        "scope": choice("scope", required_=True),
        "economies": codes("economies", _matching(ISO3, str.upper), "an ISO 3166 alpha-3 code such as KEN"),
        "groups": codes("groups", _matching(GROUP), "a group code such as LDC"),
        "action_lines": codes("action_lines", _action_line, "a WSIS action line code: C1 to C11, or C7.e-health"),
        "sdg_targets": codes("sdg_targets", _sdg_target, "an SDG target code such as 9.c or 17.19"),
        "matrix_justification": text("matrix_justification"),
        "strategic_targets": codes("strategic_targets", _matching(STRATEGIC_TARGET),
                                   "a strategic target code such as C2030-1.1"),
        "priority": choice("priority"),
        "status": choice("status", required_=True),
        "start_date": start,
        "end_date": end,
        "beneficiary_groups": beneficiaries,
        "budget_amount": amount,
        "budget_currency": currency,
        "links": links,
        "contact_name": text("contact_name"),
        "contact_email": email,
    }


def _matching(pattern: re.Pattern, normalise=str):
    def check(raw: str) -> str | None:
        code = normalise(raw)
        return code if pattern.fullmatch(code) else None
    return check


def _action_line(raw: str) -> str | None:
    match = ACTION_LINE.fullmatch(raw.upper())
    if not match:
        return None
    number = int(match[1])
    if match[2]:
        return f"C7.e-{match[2].lower()}" if number == 7 else None
    return f"C{number}" if 1 <= number <= 11 else None


def _sdg_target(raw: str) -> str | None:
    match = SDG_TARGET.fullmatch(raw.lower())
    if not match or not 1 <= int(match[1]) <= 17:
        return None
    tail = match[2]
    return f"{int(match[1])}.{int(tail) if tail.isdigit() else tail}"


def _table(header: list, body, source: str, label) -> list[tuple[str, dict]]:
    """Rows of cells under a header row, as rows_to_activities takes them."""
    names = [_text(cell) or None for cell in header]
    if not any(names):
        raise _failure([ErrorItem("empty", "the file is empty: row 1 must be the header row of the template",
                                  location=f"{source}:1")], source)
    errors: list[ErrorItem] = Problems()
    reported: set[int] = set()
    rows = []
    for n, cells in body:
        row = {}
        for i, cell in enumerate(cells):
            name = names[i] if i < len(names) else None
            if name is None:
                if i not in reported and _text(cell):
                    reported.add(i)
                    errors.append(ErrorItem("unknown_column", "values in a column that has no name in the header row",
                                            field=label(i), location=f"{source}:{n}"))
                continue
            row.setdefault(name, cell)
        rows.append((n, row))
    return _convert(rows, source, [name for name in names if name], errors)


def _unguard(value: str) -> str:
    return csv_unguard(value.strip())


def read_csv(path: Path) -> list[tuple[str, dict]]:
    """A UTF-8 CSV (comma, semicolon or tab separated) with the template's header in line 1."""
    path = Path(path)
    source = path.name
    data = path.read_bytes()
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + len(data) - len(body)
        line = data[:offset].count(b"\n") + 1
        utf16 = " (it is UTF-16)" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else ""
        raise _failure([ErrorItem(
            "encoding", f"{source} is not UTF-8{utf16}: byte {offset} (0x{data[offset]:02X}) on line {line} cannot "
                        "be read as UTF-8; save the file as 'CSV UTF-8' and import it again",
            location=f"{source}:{line}")], source) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","
    try:
        records = [(line, [_unguard(c) for c in cells]) for line, cells in csv_rows(text, source, delimiter=delimiter)]
    except ValidationFailed as exc:
        raise _failure(exc.errors, source) from None
    header, body = (records[0][1], records[1:]) if records else ([], [])
    return _table(header, body, source, lambda i: f"column {i + 1}")


def read_xlsx(path: Path) -> list[tuple[str, dict]]:
    """The sheet named "activities" (or else the first sheet) of an XLSX workbook, header in row 1."""
    from openpyxl.utils import get_column_letter

    path = Path(path)
    source = path.name
    with path.open("rb") as fh:
        signature = fh.read(8)
        fh.seek(0)
        try:
            # A file object rather than the path: openpyxl refuses names that do not end in .xlsx.
            wb = open_workbook(fh, source)
            try:
                sheets = wb.worksheets
                if not sheets:
                    raise ValueError("the workbook has no worksheet")
                ws = next((s for s in sheets if s.title.strip().lower() == "activities"), sheets[0])
                rows = list(sheet_rows(ws, source))
            finally:
                wb.close()
        except ValidationFailed as exc:
            raise _failure(exc.errors, source) from None
        except Exception as exc:
            if signature.startswith(b"\xd0\xcf\x11\xe0"):
                why = "it is an Excel 97–2003 (.xls) file"
            else:
                why = str(exc) or type(exc).__name__
            raise _failure([ErrorItem(
                "malformed", f"{source} is not a valid XLSX workbook ({why}); save it from the spreadsheet "
                             "program as 'Excel Workbook (.xlsx)' and import it again",
                location=source)], source) from None
    header = list(rows[0]) if rows else []
    body = [(n, list(cells)) for n, cells in enumerate(rows[1:], start=2)]
    return _table(header, body, source, lambda i: f"column {get_column_letter(i + 1)}")


def activities_to_rows(activities: list[dict]) -> list[dict]:
    """ActivityData as template rows: every column a string, lists joined with "; "."""
    out = []
    for a in activities:
        row = dict.fromkeys(COLUMNS, "")
        row["external_id"] = a.get("external_id") or ""
        for col in ("kind", "original_language", "scope", "priority", "status", "matrix_justification",
                    "budget_currency", "contact_name", "contact_email"):
            row[col] = a.get(col) or ""
        for lang, entry in (a.get("texts") or {}).items():
            for field in schema.TEXT_FIELDS:
                if f"{field}_{lang}" in row:
                    row[f"{field}_{lang}"] = entry.get(field) or ""
        lead = a.get("lead_organisation") or {}
        row["lead_organisation"] = lead.get("name") or ""
        row["lead_organisation_identifier"] = lead.get("identifier") or ""
        row["partners"] = "; ".join(f"{p['name']} [{p.get('role') or DEFAULT_ROLE}]" for p in a.get("partners") or [])
        for col in LIST_COLUMNS:
            row[col] = "; ".join(a.get(col) or [])
        row["start_date"] = a.get("start_date") or ""
        row["end_date"] = a.get("end_date") or ""
        row["budget_amount"] = _normal_amount(a.get("budget_amount"))
        out.append(row)
    return out


def write_csv(activities: list[dict], fh_or_path) -> None:
    """UTF-8 with a byte-order mark, so spreadsheet programs open Arabic and Chinese text correctly."""
    if isinstance(fh_or_path, str | Path):
        with Path(fh_or_path).open("w", encoding="utf-8", newline="") as fh:
            _write_csv(activities, fh)
    elif isinstance(fh_or_path, io.RawIOBase | io.BufferedIOBase):
        wrapper = io.TextIOWrapper(fh_or_path, encoding="utf-8", newline="")
        _write_csv(activities, wrapper)
        wrapper.flush()
        wrapper.detach()
    else:
        _write_csv(activities, fh_or_path)


def _write_csv(activities: list[dict], fh) -> None:
    fh.write("\ufeff")
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in activities_to_rows(activities):
        writer.writerow([csv_guard(row[c]) for c in COLUMNS])


WIDTHS = {
    "external_id": 26, "kind": 18, "original_language": 10, "lead_organisation": 36,
    "lead_organisation_identifier": 26, "partners": 50, "economies": 20, "action_lines": 20,
    "matrix_justification": 40, "strategic_targets": 22, "priority": 24, "beneficiary_groups": 26,
    "links": 40, "contact_name": 24, "contact_email": 28,
    **{f"title_{lang}": 40 for lang in schema.LANGUAGES},
    **{f"summary_{lang}": 50 for lang in schema.LANGUAGES},
    **{f"description_{lang}": 60 for lang in schema.LANGUAGES},
}

# (column of the activities sheet, codes and labels) for the "codes" sheet and the drop-down lists.
CODE_LISTS = [
    ("kind", schema.KINDS),
    ("scope", schema.SCOPES),
    ("status", schema.STATUSES),
    ("priority", schema.PRIORITIES),
    ("beneficiary_groups", schema.BENEFICIARIES),
    ("partners", schema.PARTNER_ROLES),
]


def write_xlsx(activities: list[dict], path_or_stream) -> None:
    """The "activities" sheet (bold frozen header) and a "codes" sheet of the allowed codes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "activities"
    bold = Font(bold=True)
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = bold
    ws.freeze_panes = "A2"
    for i, col in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(WIDTHS.get(col, 14), len(col) + 2)

    for r, row in enumerate(activities_to_rows(activities), start=2):
        for i, col in enumerate(COLUMNS, start=1):
            value = row[col]
            if not value:
                continue
            if col in ("start_date", "end_date"):
                cell = ws.cell(r, i, dt.date.fromisoformat(value))
                cell.number_format = "yyyy-mm-dd"
            elif col == "budget_amount":
                cell = ws.cell(r, i, Decimal(value))
                cell.number_format = "0.00"
            else:
                cell = xlsx_put(ws, r, i, value)
                # Stored text, never a formula, whatever the contributor typed.
                cell.data_type = "s"

    for col, choices in [*CODE_LISTS[:4], ("original_language", dict.fromkeys(schema.LANGUAGES))]:
        letter = get_column_letter(COLUMNS.index(col) + 1)
        dv = DataValidation(type="list", formula1=f'"{",".join(choices)}"', allow_blank=True,
                            showErrorMessage=True, errorStyle="warning",
                            error="Use one of the codes listed on the 'codes' sheet.")
        dv.add(f"{letter}2:{letter}1048576")
        ws.add_data_validation(dv)

    codes = wb.create_sheet("codes")
    codes.append(["column", "code", "label"])
    for cell in codes[1]:
        cell.font = bold
    with translation.override("en"):
        for col, choices in CODE_LISTS:
            for code, label in choices.items():
                codes.append([col, code, str(label)])
        names = {code: str(name) for code, name in settings.LANGUAGES}
        for code in schema.LANGUAGES:
            codes.append(["original_language", code, names.get(code, code)])
    codes.freeze_panes = "A2"
    for letter, width in (("A", 20), ("B", 26), ("C", 70)):
        codes.column_dimensions[letter].width = width
    wb.save(path_or_stream)


def template_csv(fh) -> None:
    """The header row alone."""
    write_csv([], fh)


def template_xlsx(stream) -> None:
    """The header row and the "codes" sheet."""
    write_xlsx([], stream)
