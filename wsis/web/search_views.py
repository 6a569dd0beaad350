"""The site search page: the header box's form lands here (works without JavaScript)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from wsis.core.bounds import SEARCH_QUERY_MAX
from wsis.core.errors import ValidationFailed
from wsis.core.i18n import current_language
from wsis.search import selectors


def search(request):
    q = " ".join((request.GET.get("q") or "").split())
    answer, error = None, ""
    if len(q) > SEARCH_QUERY_MAX:
        error = _("Search for at most %(max)s characters.") % {"max": SEARCH_QUERY_MAX}
    elif q:
        viewer = request.user if request.user.is_authenticated else None
        try:
            answer = selectors.search(viewer, q, language=current_language(), limit=selectors.PAGE_LIMIT)
        except ValidationFailed as exc:
            error = exc.message
    status = 400 if error else 200
    return render(request, "wsis/search/results.html", {
        "search_q": q, "answer": answer, "error": error, "q_max": SEARCH_QUERY_MAX,
    }, status=status)
