"""The one conversion to US dollars, through the dated exchange-rate table, and the reader of rate files.

Rule: an amount dated D in currency C is converted with the rate of C dated D, or else the latest
rate of C dated before D. A rate dated after D is never used, nor any made-up rate: without an
earlier rate the conversion fails with MissingRate, naming the currency and date. US dollars need
no rate.
"""

import bisect
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pycountry

from wsis.core.errors import ErrorItem, ServiceError, ValidationFailed
from wsis.core.tables import read_rows
from wsis.core.validation import clean_date, clean_decimal_for, clean_text

CENT = Decimal("0.01")


class MissingRate(ServiceError):
    def __init__(self, currency: str, day: dt.date):
        super().__init__(f"No exchange rate for {currency} on or before {day.isoformat()}; import one first "
                         f"(wsis partnerships rates FILE).", code="missing_rate", status=400)
        self.currency, self.day = currency, day


def known_currency(code: str) -> bool:
    return len(code or "") == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code) is not None


@dataclass(frozen=True)
class Conversion:
    usd: Decimal
    rate: Decimal
    rate_date: dt.date | None


class RateTable:
    """All rates of some currencies, read once; `convert` is then a binary search, no query."""

    def __init__(self, rows):
        self._dates: dict[str, list[dt.date]] = {}
        self._rates: dict[str, list[Decimal]] = {}
        for currency, day, per_usd in sorted(rows):
            self._dates.setdefault(currency, []).append(day)
            self._rates.setdefault(currency, []).append(Decimal(per_usd))

    @classmethod
    def load(cls, currencies=None) -> "RateTable":
        from wsis.partnerships.models import ExchangeRate

        qs = ExchangeRate.objects.all()
        if currencies is not None:
            qs = qs.filter(currency__in=set(currencies) - {"USD"})
        return cls(qs.values_list("currency", "date", "per_usd"))

    def rate(self, currency: str, day: dt.date) -> tuple[Decimal, dt.date | None]:
        if currency == "USD":
            return Decimal(1), None
        dates = self._dates.get(currency, [])
        i = bisect.bisect_right(dates, day)
        if i == 0:
            raise MissingRate(currency, day)
        return self._rates[currency][i - 1], dates[i - 1]

    def convert(self, amount: Decimal, currency: str, day: dt.date) -> Conversion:
        rate, rate_date = self.rate(currency, day)
        return Conversion((Decimal(amount) / rate).quantize(CENT, ROUND_HALF_UP), rate, rate_date)


def check_rate(per_usd, source, location=None) -> tuple[Decimal | None, list[ErrorItem]]:
    """A rate as its column holds it exactly (never rounded, never zero, never too large), and its source."""
    from wsis.partnerships.models import ExchangeRate

    errors = []
    rate = None
    try:
        rate = clean_decimal_for(ExchangeRate._meta.get_field("per_usd"), per_usd, "per_usd", location=location,
                                 positive=True)
    except ValidationFailed as exc:
        errors += exc.errors
    try:
        clean_text(source, "source", max_length=200, location=location)
    except ValidationFailed as exc:
        errors += exc.errors
    return rate, errors


def parse_rates(data: bytes, *, name: str) -> list[dict]:
    """Rows of a CSV or XLSX rate file with columns currency, date, per_usd (units per US dollar), source.

    Every bad row is reported with its row number; nothing is returned unless all rows are good.
    """
    rows = read_rows(data, name)
    if not rows:
        raise ValidationFailed([ErrorItem("empty", "the file has no rows", location=name)])
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [c for c in ("currency", "date", "per_usd") if c not in header]
    if missing:
        raise ValidationFailed([ErrorItem("missing_column", f"missing column(s): {', '.join(missing)}; expected "
                                          "currency, date, per_usd and optionally source", location=f"{name}:1")])
    errors, out, seen = [], [], {}
    for n, raw in enumerate(rows[1:], start=2):
        row = dict(zip(header, raw, strict=False))
        if all(v in (None, "") for v in row.values()):
            continue
        where = f"{name}:{n}"
        currency = str(row.get("currency") or "").strip().upper()
        if not known_currency(currency):
            errors.append(ErrorItem("unknown_currency", f"unknown currency code '{currency}'", field="currency",
                                    location=where))
        try:
            day = clean_date(row.get("date"), "date", location=where, required=True)
        except ValidationFailed as exc:
            errors += exc.errors
            day = None
        rate, problems = check_rate(row.get("per_usd"), row.get("source"), where)
        errors += problems
        source = "" if problems else str(row.get("source") or "").strip()
        if currency == "USD":
            errors.append(ErrorItem("invalid", "US dollars need no rate", field="currency", location=where))
        if day and currency:
            if (currency, day) in seen:
                errors.append(ErrorItem("duplicate", f"{currency} on {day} is also on row {seen[currency, day]}",
                                        field="date", location=where))
            seen[currency, day] = n
        out.append({"currency": currency, "date": day, "per_usd": rate, "source": source, "location": where})
    if errors:
        raise ValidationFailed(errors)
    return out


def read_rates_file(path: Path) -> list[dict]:
    path = Path(path)
    return parse_rates(path.read_bytes(), name=path.name)
