from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def breakdown(key):
    """A breakdown key as people read it, in the page's language ("Sex: female", "Total")."""
    from wsis.statistics.labels import breakdown_label

    return breakdown_label(key)


@register.filter
def fill_method(code):
    """How a value entered a group figure, in words of the page's language."""
    from wsis.statistics.labels import fill_label

    return fill_label(code)


@register.filter
def unit(value):
    """An indicator's unit in the page's language ("per 100 inhabitants" → "на 100 жителей")."""
    from wsis.statistics.labels import unit_label

    return unit_label(value)


@register.filter
def language_label(code):
    from django.conf import settings

    return dict(settings.LANGUAGES).get(code, code)


@register.filter
def number(value, decimals=0):
    """A number grouped and punctuated for the page's language (CLDR via babel), e.g. 1 234 567 in French."""
    from babel.numbers import format_decimal

    from wsis.core.i18n import cldr_locale, current_language

    if value in (None, ""):
        return ""
    locale = cldr_locale(current_language())
    pattern = "#,##0" + ("." + "0" * int(decimals) if int(decimals) else "")
    return format_decimal(value, format=pattern, locale=locale)
