"""Numbers as people read them on the economy profile and indicator pages, and the indicator's method block."""

import functools

from django import template

register = template.Library()


@functools.lru_cache(maxsize=16)
def _babel_locale(code: str):
    from babel import Locale

    return Locale.parse(code)


def _locale():
    from wsis.core.i18n import cldr_locale, current_language

    return _babel_locale(cldr_locale(current_language()))


@functools.lru_cache(maxsize=16)
def _symbols(locale) -> tuple[str, str, str]:
    """(group separator, decimal mark, percent template) of a locale, read once from what babel writes."""
    from babel.numbers import format_decimal, format_percent

    sample = format_decimal(1234567.5, format="#,##0.#", locale=locale)  # e.g. 1,234,567.5 / 1 234 567,5
    group, decimal = sample[1], sample[-2]
    percent = format_percent(0.5, locale=locale).replace("50", "{}", 1)  # the locale's own pattern: 50 % in French
    return group, decimal, percent


def _plain_number(value: float, decimals: int, locale) -> str:
    """#,##0.## for the locale without babel's per-call pattern work (a profile writes hundreds of numbers)."""
    group, decimal, _p = _symbols(locale)
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", group)


@register.filter
def human(value, unit=""):
    """A value with its unit for people, in the page's language: 33.1 million people, 94.3 %, 104 per 100
    inhabitants. Large numbers are written in words (CLDR compact forms: "33.1 million", "3311万")."""
    from babel.numbers import format_compact_decimal

    if value in (None, ""):
        return "—"
    value = float(value)
    locale = _locale()
    unit = unit or ""
    if unit == "%":
        return _symbols(locale)[2].format(_plain_number(value, 1, locale))
    if abs(value) >= 1e6:
        text = format_compact_decimal(value, format_type="long", fraction_digits=1, locale=locale)
    else:
        text = _plain_number(value, 2 if abs(value) < 100 else 1, locale)
    from wsis.statistics.labels import unit_label

    return f"{text} {unit_label(unit)}".strip()


@register.filter
def plain(value):
    """A number for attributes and machine-read text: never localised."""
    return "" if value is None else f"{float(value):g}"


@register.simple_tag
def indicator_meta(ind):
    """The indicator's definition, source series, aggregation rule and method in words (see `indicator_about`)."""
    from wsis.core.i18n import current_language
    from wsis.statistics.selectors import indicator_about

    return indicator_about(ind, current_language())
