"""Thin views: parse the request, call a selector, render."""

from urllib.parse import urlsplit

from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wsis.core.errors import NotFound, ValidationFailed
from wsis.core.i18n import current_language
from wsis.reference import selectors
from wsis.reference.lists import ACTION_LINES, ECONOMIES, SDG_GOALS, SDG_TARGETS, STRATEGIC_TARGETS


def _listing(request, contract, lang: str):
    """(params, rows) of a list page, or its download; a refused filter is a 400."""
    try:
        return contract.for_page(request, lang)
    except ValidationFailed as exc:
        raise BadRequest(exc.message) from exc


def action_lines(request):
    answer = _listing(request, ACTION_LINES, current_language())
    if not isinstance(answer, tuple):
        return answer  # the download
    return render(request, "wsis/action_lines.html", {"lines": answer[1]})


def sdgs(request):
    answer = _listing(request, SDG_GOALS, current_language())
    if not isinstance(answer, tuple):
        return answer
    return render(request, "wsis/sdgs.html", {"goals": answer[1]})


def sdg_goal(request, number: int):
    lang = current_language()
    goal = next((g for g in selectors.sdg_goal_list(language=lang) if g["number"] == number), None)
    if goal is None:
        raise Http404(_("No such goal."))
    # The page lists the goal's targets: its download is the targets list for this goal, whatever `goal` says.
    query = request.GET.copy()
    query["goal"] = str(number)
    request.GET = query
    answer = _listing(request, SDG_TARGETS, lang)
    if not isinstance(answer, tuple):
        return answer
    targets = answer[1]
    indicators = selectors.sdg_indicator_list(language=lang, goal=number)
    for t in targets:
        t["indicators"] = [i for i in indicators if i["target"] == t["code"]]
    lines = [row for row in selectors.matrix_list(goal=number)]
    return render(request, "wsis/sdg_goal.html", {"goal": goal, "targets": targets, "matrix": lines})


def economies(request):
    lang = current_language()
    error = None
    try:
        answer = ECONOMIES.for_page(request, lang)
    except (NotFound, ValidationFailed) as exc:
        answer, error = (ECONOMIES.params(), []), exc.message
    if not isinstance(answer, tuple):
        return answer  # the download
    params, rows = answer
    region, group, at, q = params.region or None, params.group or None, params.at, (params.q or "").strip() or None
    groups = selectors.group_list(language=lang)
    regions, others = selectors.split_groups(groups)
    query = request.GET.copy()
    query.pop("format", None)
    return render(request, "wsis/economies.html", {
        "rows": rows, "error": error, "region": region, "group": group, "at": at or "", "q": q or "",
        "regions": regions, "groups": others,
        "group_names": {g["code"]: g["abbr"] or g["name"] for g in groups},
        "query": query.urlencode(),
    })


def strategic_targets(request):
    answer = _listing(request, STRATEGIC_TARGETS, current_language())
    if not isinstance(answer, tuple):
        return answer
    return render(request, "wsis/strategic_targets.html", {"rows": answer[1]})


class SignIn(LoginView):
    template_name = "wsis/login.html"
    redirect_authenticated_user = True

    def get_redirect_url(self, request=None):
        """The page the person came from, except the public home page: from there they land on My work."""
        url = super().get_redirect_url(request)
        if url and urlsplit(url).path.rstrip("/") in ("", f"/{current_language()}"):
            return ""  # LOGIN_REDIRECT_URL: My work
        return url


@require_POST
def sign_out(request):
    logout(request)
    return redirect("web:home")
