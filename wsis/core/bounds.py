"""Bounds every request is held to, declared once so the API schemas, the pages and the selectors agree.

A year, an id or a page size is a number a caller chooses; unbounded, a year of 9999 turns into an array of
eight thousand columns per economy and an id of twenty digits overflows the database's 64-bit integer.
"""

import datetime as dt
from typing import Annotated

from pydantic import Field

# Statistics series start in 1960 (World Bank, ITU); targets and projections look a few years ahead.
YEAR_MIN = 1960
YEAR_HORIZON = 15
YEAR_MAX = dt.date.today().year + YEAR_HORIZON
ID_MAX = 2**63 - 1  # signed 64-bit: BigAutoField on SQLite and PostgreSQL
QUERY_STRING_MAX = 4096  # the whole query string of one request, in bytes: bounds every text parameter

Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX, description=f"A year, {YEAR_MIN}–{YEAR_MAX}.")]
Id = Annotated[int, Field(ge=1, le=ID_MAX, description="A record id (a positive 64-bit integer).")]


def year_or_none(value) -> int | None:
    """A year from a page's query string, or None when it is missing, not a number or out of bounds."""
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def check_year(year: int | None, field: str = "year") -> int | None:
    """The year, or a ValidationFailed naming the field when it is outside the bounds."""
    from wsis.core.errors import ErrorItem, ValidationFailed

    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        raise ValidationFailed([ErrorItem("out_of_range", f"Give a year from {YEAR_MIN} to {YEAR_MAX}.", field=field)])
    return year


def whole_number(value) -> int | None:
    """A non-negative whole number from a form or query string that fits a 64-bit id column, else None."""
    value = str(value or "").strip()
    # More digits than the largest id has: refused before int() (which refuses over 4,300 digits itself).
    if not value.isascii() or not value.isdigit() or len(value.lstrip("0")) > len(str(ID_MAX)):
        return None
    n = int(value)
    return n if n <= ID_MAX else None

# A site search is a few words; longer text is refused (422 naming `q`) rather than matched word by word.
SEARCH_QUERY_MAX = 100
