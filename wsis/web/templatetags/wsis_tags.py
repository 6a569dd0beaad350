from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def language_label(code):
    from django.conf import settings

    return dict(settings.LANGUAGES).get(code, code)
