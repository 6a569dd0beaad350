"""Error pages inside the site's layout, in the page's language, with a way back.

Django calls the handlers named in config/urls.py (400, 403, 404, 500); `ErrorPages` renders the same page for a
bare error answer of a view (the 405 of `require_POST`, for instance). Paths under /api/ are left to the API,
which answers its JSON envelope.
"""

import logging
from urllib.parse import urlsplit

from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import render
from django.template import loader
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wsis.core.apicontract import API_PREFIX
from wsis.web.context import chrome

TITLES = {
    400: gettext_lazy("Bad request"),
    403: gettext_lazy("Access denied"),
    404: gettext_lazy("Page not found"),
    405: gettext_lazy("Method not allowed"),
    500: gettext_lazy("Server error"),
}
TEXTS = {
    400: gettext_lazy("The request could not be understood: a parameter of the address or of the form may be "
                      "malformed or too long."),
    403: gettext_lazy("You are not allowed to open this page or to do this action."),
    404: gettext_lazy("There is no page at this address. It may have moved, or the address may be mistyped."),
    405: gettext_lazy("This address does not answer this kind of request: a form may have been sent to the "
                      "wrong place, or a page that only accepts a form was opened directly."),
    500: gettext_lazy("Something went wrong on our side. The error has been recorded; please try again later."),
}


def _back(request) -> str:
    """The previous page of this site (from the Referer header), or ""."""
    referer = request.META.get("HTTP_REFERER", "") if request is not None else ""
    if not referer:
        return ""
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.get_host():
        return ""
    if parts.path == request.path or not parts.path.startswith("/"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _context(request, status: int, detail: str = "") -> dict:
    return {"status": status, "error_title": TITLES[status], "error_text": TEXTS[status], "detail": detail,
            "back_url": _back(request)}


def error_page(request, status: int, detail: str = "") -> HttpResponse:
    return render(request, "wsis/errors/error.html", _context(request, status, detail), status=status)


def bad_request(request, exception=None):
    return error_page(request, 400)


def permission_denied(request, exception=None):
    detail = str(exception) if exception is not None and str(exception) else ""
    return error_page(request, 403, detail)


def page_not_found(request, exception=None):
    return error_page(request, 404)


def server_error(request):
    """The 500 page: no database query and no context processor (either may be what failed)."""
    path = getattr(request, "path", "/")
    try:
        context = {**_context(request, 500), **chrome(path), "minimal_page": True, "request": None}
        html = loader.get_template("wsis/errors/error.html").render(context)
    except Exception:  # noqa: BLE001 - the last resort must answer
        logging.getLogger("wsis.web").exception("the error page itself failed")
        html = f"<!DOCTYPE html><title>{escape(_('Server error'))}</title><h1>{escape(_('Server error'))}</h1>"
    return HttpResponse(html, status=500)


def csrf_failure(request, reason=""):
    """A refused form (expired or missing CSRF token): the 403 page with what to do; the API keeps its envelope."""
    if request.path.startswith(API_PREFIX):
        return HttpResponseForbidden("CSRF verification failed.")
    return error_page(request, 403, _("The form had expired or came from another site. Go back, reload the page "
                                      "and send the form again."))


class ErrorPages:
    """Renders the error page for a bare 4xx answer of an HTML page (a view's HttpResponseNotAllowed, for one),
    keeping its status and its headers (Allow)."""

    STATUSES = (400, 403, 404, 405)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (response.status_code not in self.STATUSES or request.path.startswith(API_PREFIX)
                or getattr(response, "streaming", False)
                or not response.get("Content-Type", "").startswith("text/html")
                or b"<html" in response.content[:2000].lower()):
            return response
        page = error_page(request, response.status_code)
        for header in ("Allow", "Vary"):
            if response.has_header(header):
                page[header] = response[header]
        if request.method == "HEAD":
            page.content = b""
        return page
