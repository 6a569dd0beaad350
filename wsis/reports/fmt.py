"""Numbers, percentages, US dollars and dates written for the report's language (CLDR through babel)."""

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from wsis.core.i18n import cldr_locale


def value(v, kind: str, language: str) -> str:
    """A cell as text; empty and missing values print as an em dash."""
    if v is None or v == "":
        return "—"
    loc = cldr_locale(language)
    if kind == "int":
        return format_decimal(Decimal(str(v)), format="#,##0", locale=loc)
    if kind in ("decimal", "usd"):
        return format_decimal(Decimal(str(v)), format="#,##0" if kind == "usd" else "#,##0.0", locale=loc)
    if kind == "percent":
        return format_decimal(Decimal(str(v)), format="#,##0.0", locale=loc) + "\u00a0%"
    if kind == "date":
        day = v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])
        return format_date(day, format="long", locale=loc)
    return str(v)
