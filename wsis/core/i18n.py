"""Choosing the text of stored content in the reader's language, with English as the fallback."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation

FALLBACK = "en"


def current_language() -> str:
    lang = (translation.get_language() or FALLBACK).lower()
    return lang if lang in settings.LANGUAGE_CODES else FALLBACK


def normalise_language(code: str | None) -> str:
    """Accept 'zh', 'zh-Hans', 'zh_Hans', 'ZH-HANS' for Simplified Chinese; refuse the rest."""
    if not code:
        return current_language()
    c = code.strip().lower().replace("_", "-")
    if c in ("zh", "zh-cn", "zh-hans-cn"):
        c = "zh-hans"
    if c not in settings.LANGUAGE_CODES:
        raise ValueError(f"unknown language {code!r}; use one of {', '.join(settings.LANGUAGE_CODES)}")
    return c


def cldr_locale(language: str) -> str:
    """The babel/CLDR locale of one of our language codes: 'zh-hans' → 'zh_Hans'."""
    return {"zh-hans": "zh_Hans"}.get(language, language if language in settings.LANGUAGE_CODES else FALLBACK)


def prefetch_translations(queryset, language: str, related: str = "translations"):
    """Fetch only the reader's language and the fallback, in one extra query."""
    model = queryset.model._meta.get_field(related).related_model
    wanted = {language, FALLBACK}
    return queryset.prefetch_related(
        Prefetch(related, queryset=model.objects.filter(language__in=wanted), to_attr="_tr_cache")
    )


def pick(obj, field: str, language: str, related: str = "translations") -> str:
    rows = getattr(obj, "_tr_cache", None)
    if rows is None:
        rows = list(getattr(obj, related).all())
    by_lang = {r.language: r for r in rows}
    for lang in (language, FALLBACK):
        row = by_lang.get(lang)
        if row is not None and getattr(row, field, ""):
            return getattr(row, field)
    for row in rows:
        if getattr(row, field, ""):
            return getattr(row, field)
    return ""


def language_param(code: str | None) -> str:
    """`normalise_language` for request parameters: an unknown code is a validation error on `lang`."""
    from wsis.core.errors import ErrorItem, ValidationFailed

    try:
        return normalise_language(code)
    except ValueError as exc:
        raise ValidationFailed([ErrorItem("invalid", str(exc), field="lang")]) from exc
