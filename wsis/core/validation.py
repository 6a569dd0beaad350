"""The one validation layer for values: every value that enters (forms, API, command line, imports) is
checked here against what its database column can hold and what makes sense, before anything is written.

Two ways in:
- small functions (`clean_text`, `clean_identifier`, `clean_decimal`, `clean_int`, `clean_year`,
  `clean_percent`, `loads_json`) that validators call on one value and that raise `ValidationFailed`
  naming the field (and the file row, for imports);
- `model_errors(Model, values)` and the pre-save guard (`guard_instance`, connected for every model of
  the platform in `wsis.core.apps`): each text, decimal, integer and float is checked against its model
  field, so a value no column can hold never reaches the database, whatever path it came by.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import math
import re
from decimal import Decimal, InvalidOperation

from django.db import connection, models

from wsis.core.bounds import ID_MAX, whole_number
from wsis.core.errors import ErrorItem, ValidationFailed

# Control characters that no text may hold: C0 (tab, newline and carriage return are allowed in long
# texts only), DEL, and the non-characters U+FFFE/U+FFFF. NUL cannot be stored by PostgreSQL at all, and
# XLSX (XML 1.0) cannot carry any C0 control, so one such value breaks every export that contains it.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Invisible characters that make two identifiers look equal while they differ.
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
# Field names whose values are identifiers or codes rather than prose.
IDENTIFIER_NAMES = re.compile(r"(^|_)(code|codes|reference|symbol|identifier|external_id|iso3|iso2|currency|slug|"
                              r"username|email|sha256|language|kind|state|status|stage|mechanism|role|adapter)$")
YEAR_MIN, YEAR_MAX = 1900, 2100

_location: contextvars.ContextVar[str | None] = contextvars.ContextVar("validation_location", default=None)


@contextlib.contextmanager
def at(location: str | None):
    """Name the file row being written, so that the pre-save guard's messages point at it."""
    token = _location.set(location)
    try:
        yield
    finally:
        _location.reset(token)


def _fail(code: str, message: str, field: str | None, location: str | None):
    raise ValidationFailed([ErrorItem(code, message, field=field, location=location or _location.get())])


def _show(value, limit: int = 40) -> str:
    s = str(value)
    return repr(s if len(s) <= limit else s[:limit] + "…")


# ---------------------------------------------------------------------------------------------- texts

def text_problem(value: str, *, multiline: bool = False, identifier: bool = False,
                 max_length: int | None = None) -> tuple[str, str] | None:
    """(code, message) of what is wrong with a text, or None when it may be stored."""
    if _SURROGATE.search(value):
        return "invalid_text", "holds an unpaired surrogate (not valid Unicode)"
    m = (_CONTROL_MULTILINE if multiline else _CONTROL).search(value)
    if m:
        ch = m.group()
        what = "a NUL byte" if ch == "\x00" else f"the control character U+{ord(ch):04X}"
        allowed = " (only tab and line breaks are allowed in long texts)" if multiline else ""
        return "control_character", f"holds {what} at position {m.start() + 1}{allowed}"
    if identifier:
        m = _ZERO_WIDTH.search(value)
        if m:
            return "invisible_character", (f"holds the invisible character U+{ord(m.group()):04X} at position "
                                           f"{m.start() + 1}; retype the code")
    if max_length is not None and len(value) > max_length:
        return "too_long", f"has {len(value):,} characters; at most {max_length:,} fit"
    return None


def clean_text(value, field: str, *, max_length: int | None = None, multiline: bool = False, required: bool = False,
               location: str | None = None, identifier: bool = False) -> str:
    """A stripped text that may be stored, or ValidationFailed naming the field."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        if isinstance(value, (dict, list, tuple, set, bytes)):
            _fail("invalid", f"expected a text, not {type(value).__name__}", field, location)
        value = str(value)
    value = value.strip()
    if required and not value:
        _fail("required", "required", field, location)
    problem = text_problem(value, multiline=multiline, identifier=identifier, max_length=max_length)
    if problem:
        _fail(problem[0], problem[1], field, location)
    return value


def clean_identifier(value, field: str, *, max_length: int | None = None, required: bool = False,
                     location: str | None = None) -> str:
    """A code or identifier: one line, no control and no invisible characters."""
    return clean_text(value, field, max_length=max_length, required=required, location=location, identifier=True)


# ---------------------------------------------------------------------------------------------- numbers

def _decimal(value, field, location) -> Decimal:
    if isinstance(value, bool):
        _fail("invalid", f"{value!r} is not a number", field, location)
    if isinstance(value, float):
        if not math.isfinite(value):
            _fail("invalid", f"{value!r} is not a finite number", field, location)
        value = repr(value)
    try:
        d = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        _fail("invalid", f"{_show(value)} is not a number", field, location)
    if not d.is_finite():
        _fail("invalid", f"{_show(value)} is not a finite number", field, location)
    return d


def clean_decimal(value, field: str, *, max_digits: int, decimal_places: int, min_value=None, max_value=None,
                  positive: bool = False, location: str | None = None) -> Decimal:
    """A decimal that its column holds exactly: never rounded, never turned into zero, never too large."""
    d = _decimal(value, field, location)
    exponent = d.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    # Trailing zeros after the point do not count (2.500 is 2.5).
    if places > decimal_places:
        normal = d.normalize()
        exp = normal.as_tuple().exponent
        places = max(0, -exp) if isinstance(exp, int) else 0
        if places > decimal_places:
            if d != 0 and d.quantize(Decimal(1).scaleb(-decimal_places)) == 0:
                _fail("rounds_to_zero", f"{_show(value)} would be stored as zero (at most {decimal_places} decimals); "
                      "check the unit", field, location)
            _fail("too_many_decimals", f"{_show(value)} has more than {decimal_places} decimals; it would be rounded",
                  field, location)
        d = normal
    integer_digits = max(0, d.adjusted() + 1) if d != 0 else 0
    if integer_digits > max_digits - decimal_places:
        limit = Decimal(10) ** (max_digits - decimal_places)
        _fail("out_of_range", f"{_show(value)} is too large: it must be below {limit:,.0f}", field, location)
    if positive and d <= 0:
        _fail("not_positive", f"{_show(value)} must be greater than zero", field, location)
    if min_value is not None and d < Decimal(min_value):
        _fail("out_of_range", f"{_show(value)} is below the minimum {min_value}", field, location)
    if max_value is not None and d > Decimal(max_value):
        _fail("out_of_range", f"{_show(value)} is above the maximum {max_value}", field, location)
    return d


def clean_decimal_for(model_field: models.DecimalField, value, field: str | None = None, *,
                      location: str | None = None, **bounds) -> Decimal:
    """`clean_decimal` with the digits and places of a model's DecimalField."""
    return clean_decimal(value, field or model_field.name, max_digits=model_field.max_digits,
                         decimal_places=model_field.decimal_places, location=location, **bounds)


def integer_range(model_field: models.Field) -> tuple[int, int]:
    """The values an integer column holds, from the database backend (64-bit, 32-bit, small, positive)."""
    internal = model_field.get_internal_type()
    lo, hi = connection.ops.integer_field_range(internal)
    # SQLite reports no bounds, but stores 64 bits; keep every backend to the narrowest so a file that
    # loads on one loads on the other.
    defaults = {"SmallIntegerField": (-32768, 32767), "PositiveSmallIntegerField": (0, 32767),
                "IntegerField": (-2147483648, 2147483647), "PositiveIntegerField": (0, 2147483647),
                "BigIntegerField": (-ID_MAX - 1, ID_MAX), "PositiveBigIntegerField": (0, ID_MAX),
                "AutoField": (1, 2147483647), "BigAutoField": (1, ID_MAX), "SmallAutoField": (1, 32767)}
    dlo, dhi = defaults.get(internal, (-ID_MAX - 1, ID_MAX))
    return (dlo if lo is None else max(lo, dlo)), (dhi if hi is None else min(hi, dhi))


def clean_int(value, field: str, *, min_value: int | None = None, max_value: int | None = None,
              location: str | None = None) -> int:
    """A whole number within bounds (by default those of a 64-bit column)."""
    if isinstance(value, bool):
        _fail("invalid", f"{value!r} is not a whole number", field, location)
    if isinstance(value, int):
        n = value
    else:
        s = str(value if value is not None else "").strip()
        if isinstance(value, float):
            if not (math.isfinite(value) and value.is_integer()):
                _fail("invalid", f"{_show(value)} is not a whole number", field, location)
            n = int(value)
        elif re.fullmatch(r"[+-]?\d{1,30}", s):
            n = int(s)
        else:
            _fail("invalid" if s else "required", f"{_show(s)} is not a whole number" if s else "required",
                  field, location)
    lo = -ID_MAX - 1 if min_value is None else min_value
    hi = ID_MAX if max_value is None else max_value
    if not lo <= n <= hi:
        _fail("out_of_range", f"{_show(n)} is outside {lo}–{hi}", field, location)
    return n


def clean_int_for(model_field: models.Field, value, field: str | None = None, *, location: str | None = None,
                  **bounds) -> int:
    lo, hi = integer_range(model_field)
    lo = max(lo, bounds.get("min_value", lo))
    hi = min(hi, bounds.get("max_value", hi))
    return clean_int(value, field or model_field.name, min_value=lo, max_value=hi, location=location)


def clean_year(value, field: str = "year", *, location: str | None = None, lo: int = YEAR_MIN,
               hi: int = YEAR_MAX) -> int:
    """A data year: four digits within lo–hi ("2023-02-30" or "23" are not years)."""
    if isinstance(value, (dt.date, dt.datetime)) or isinstance(value, bool):
        _fail("invalid_year", f"{_show(value)} is not a year (a whole number such as 2022)", field, location)
    s = str(value if value is not None else "").strip()
    if not re.fullmatch(r"\d{4}(?:\.0+)?", s):
        _fail("invalid_year", f"{_show(s)} is not a year (a whole number such as 2022)", field, location)
    year = int(s.split(".")[0])
    if not lo <= year <= hi:
        _fail("invalid_year", f"year {year} is outside {lo}–{hi}", field, location)
    return year


def clean_date(value, field: str, *, location: str | None = None, required: bool = False,
               lo: int = YEAR_MIN, hi: int = YEAR_MAX) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) whose year is within lo–hi; None when empty and not required."""
    if value in (None, ""):
        if required:
            _fail("required", "required", field, location)
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        s = str(value).strip()
        try:
            day = dt.date.fromisoformat(s[:10] if re.fullmatch(r"\d{4}-\d\d-\d\d([T ].*)?", s) else s)
        except ValueError:
            _fail("invalid", f"{_show(value)} is not a date (YYYY-MM-DD)", field, location)
    if not lo <= day.year <= hi:
        _fail("out_of_range", f"{day.isoformat()} is outside the years {lo}–{hi}", field, location)
    return day


def clean_float(value, field: str, *, min_value: float | None = None, max_value: float | None = None,
                location: str | None = None) -> float:
    """A finite float within bounds."""
    if isinstance(value, bool):
        _fail("invalid", f"{value!r} is not a number", field, location)
    try:
        f = float(value.replace(",", ".").strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError, OverflowError):
        _fail("invalid", f"{_show(value)} is not a number", field, location)
    if not math.isfinite(f):
        _fail("invalid", f"{_show(value)} is not a finite number", field, location)
    if min_value is not None and f < min_value:
        _fail("out_of_range", f"{f:g} is below {min_value:g}", field, location)
    if max_value is not None and f > max_value:
        _fail("out_of_range", f"{f:g} is above {max_value:g}", field, location)
    return f


def clean_percent(value, field: str = "value", *, location: str | None = None) -> float:
    """A share in per cent: 0–100."""
    f = clean_float(value, field, location=location)
    if not 0 <= f <= 100:
        _fail("out_of_range", f"{f:g} % is not a percentage between 0 and 100", field, location)
    return f


# ---------------------------------------------------------------------------------------------- JSON

def _no_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


class _DuplicateKey(ValueError):
    def __init__(self, key):
        super().__init__(f"the key {key!r} is given twice in one object")
        self.key = key


def strict_json(text):
    """json.loads that raises ValueError for a key given twice, NaN or Infinity (for readers that report
    ValueError themselves)."""
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)


def _no_constant(name):
    raise ValueError(f"{name} is not a number JSON allows")


def loads_json(text, *, location: str | None = None):
    """JSON that says one thing only: a key given twice, NaN or Infinity are refused, not silently resolved."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            _fail("invalid_json", f"the body is not UTF-8 (byte {exc.start + 1})", None, location)
    try:
        return strict_json(text)
    except _DuplicateKey as exc:
        _fail("duplicate_key", f"the key {exc.key!r} is given twice in one object", str(exc.key), location)
    except json.JSONDecodeError as exc:
        _fail("invalid_json", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", None,
              f"{location}:{exc.lineno}" if location else f"line {exc.lineno}")
    except (ValueError, RecursionError) as exc:
        _fail("invalid_json", f"not valid JSON: {exc}", None, location)


# ---------------------------------------------------------------------------------------------- model fields

def _is_identifier(f: models.Field) -> bool:
    return bool(f.choices) or isinstance(f, (models.EmailField, models.SlugField)) or bool(
        IDENTIFIER_NAMES.search(f.name))


def field_problem(f: models.Field, value) -> tuple[str, str] | None:
    """(code, message) when `value` does not fit the model field `f`; None when it does (or is empty)."""
    if value is None:
        return None
    if isinstance(f, (models.CharField, models.TextField)):
        if not isinstance(value, str):
            return None
        return text_problem(value, multiline=isinstance(f, models.TextField), identifier=_is_identifier(f),
                            max_length=f.max_length)
    if isinstance(f, models.DecimalField):
        try:
            clean_decimal(value, f.name, max_digits=f.max_digits, decimal_places=f.decimal_places)
        except ValidationFailed as exc:
            return exc.errors[0].code, exc.errors[0].message
        return None
    if isinstance(f, (models.IntegerField, models.AutoField)) and not isinstance(f, models.BooleanField):
        if isinstance(value, int) and not isinstance(value, bool):
            lo, hi = integer_range(f)
            if not lo <= value <= hi:
                return "out_of_range", f"{value} is outside {lo}–{hi}"
        return None
    if isinstance(f, models.FloatField):
        if isinstance(value, float) and not math.isfinite(value):
            return "invalid", f"{value!r} is not a finite number"
        return None
    if isinstance(f, models.JSONField):
        return _json_problem(value)
    return None


def _json_problem(value, depth: int = 0):
    if depth > 50:
        return "too_deep", "nests too deeply"
    if isinstance(value, str):
        return text_problem(value, multiline=True)
    if isinstance(value, float) and not math.isfinite(value):
        return "invalid", f"{value!r} is not a finite number"
    if isinstance(value, dict):
        for k, v in value.items():
            p = _json_problem(k, depth + 1) or _json_problem(v, depth + 1)
            if p:
                return p
    if isinstance(value, (list, tuple)):
        for v in value:
            p = _json_problem(v, depth + 1)
            if p:
                return p
    return None


def model_errors(model, values: dict, *, location: str | None = None, prefix: str = "") -> list[ErrorItem]:
    """Every value of `values` (field name -> value) that the model's column cannot hold, as ErrorItems."""
    errors = []
    for name, value in values.items():
        try:
            f = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a key that is no column is not this check's business
            continue
        problem = field_problem(f, value)
        if problem:
            errors.append(ErrorItem(problem[0], f"{f.verbose_name or name}: {problem[1]}", field=f"{prefix}{name}",
                                    location=location))
    return errors


def check_values(model, values: dict, *, location: str | None = None, prefix: str = "") -> None:
    errors = model_errors(model, values, location=location, prefix=prefix)
    if errors:
        raise ValidationFailed(errors)


def instance_errors(obj, *, location: str | None = None) -> list[ErrorItem]:
    errors = []
    for f in obj._meta.concrete_fields:
        if f.is_relation:
            continue
        problem = field_problem(f, getattr(obj, f.attname, None))
        if problem:
            model = obj._meta.verbose_name
            errors.append(ErrorItem(problem[0], f"{model} {f.verbose_name or f.name}: {problem[1]}", field=f.name,
                                    location=location or _location.get()))
    return errors


def guard_instance(obj, *, location: str | None = None) -> None:
    """Refuse to save a row with a value its columns cannot hold (the pre-save guard of every model)."""
    errors = instance_errors(obj, location=location)
    if errors:
        raise ValidationFailed(errors)


def _pre_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata restores what was dumped; checking it is the restore's business
        return
    guard_instance(instance)


def connect_guard(app_labels) -> None:
    """Check every model of these apps before each save."""
    from django.apps import apps
    from django.db.models.signals import pre_save

    for label in app_labels:
        for model in apps.get_app_config(label).get_models():
            pre_save.connect(_pre_save, sender=model, dispatch_uid=f"wsis-validation-{model._meta.label}")


def as_id(value) -> int | None:
    """A row id given as text or number, or None when it is not one a key column could hold."""
    if isinstance(value, bool):
        return None
    return whole_number(value) or None
