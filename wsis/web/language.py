"""The language switch: Django's set_language, reading the page's path in the page's own language."""

from django.conf import settings
from django.utils import translation
from django.views.i18n import set_language as django_set_language


def set_language(request):
    """Django translates `next` into the chosen language only if it resolves in the language active for this
    request (the cookie's or the browser's). A page reached in another language (a shared /es/ link read with an
    English browser) would stay in Spanish; reading `next` in its own prefix's language fixes that."""
    nxt = request.POST.get("next", request.GET.get("next", ""))
    parts = nxt.split("/")
    codes = {code for code, _name in settings.LANGUAGES}
    if len(parts) > 1 and parts[1] in codes:
        with translation.override(parts[1]):
            return django_set_language(request)
    return django_set_language(request)
