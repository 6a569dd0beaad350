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


@register.filter
def human(value, unit=""):
    """A value with its unit for people, in the page's language: 33.1 million people, 94.3 %, 104 per 100
    inhabitants. Large numbers are written in words (CLDR compact forms: "33.1 million", "3311万")."""
    from babel.numbers import format_compact_decimal, format_decimal, format_percent

    if value in (None, ""):
        return "—"
    value = float(value)
    locale = _locale()
    unit = unit or ""
    if unit == "%":
        return format_percent(value / 100, format="#,##0.#%", locale=locale)
    if abs(value) >= 1e6:
        text = format_compact_decimal(value, format_type="long", fraction_digits=1, locale=locale)
    else:
        text = format_decimal(value, format="#,##0.##" if abs(value) < 100 else "#,##0.#", locale=locale)
    return f"{text} {unit}".strip()


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
