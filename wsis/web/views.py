"""Thin views: parse the request, call a selector, render."""

from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wsis.core.errors import NotFound, ValidationFailed
from wsis.core.i18n import current_language
from wsis.reference import selectors
from wsis.reference.lists import ECONOMIES
from wsis.reference.models import GroupKind, ItuRole


def home(request):
    lang = current_language()
    lines = selectors.action_line_list(language=lang)
    groups = selectors.group_list(language=lang)
    return render(request, "wsis/home.html", {
        "lines": [line for line in lines if line["parent"] is None],
        "roles": [(value, label, [line for line in lines if line["itu_role"] == value and line["parent"] is None])
                  for value, label in ItuRole.choices],
        "goals": selectors.sdg_goal_list(language=lang),
        "regions": [g for g in groups if g["kind"] == GroupKind.ITU_REGION],
        "groups": [g for g in groups if g["kind"] != GroupKind.ITU_REGION],
    })


def action_lines(request):
    lang = current_language()
    return render(request, "wsis/action_lines.html", {"lines": selectors.action_line_list(language=lang)})


def sdgs(request):
    return render(request, "wsis/sdgs.html", {"goals": selectors.sdg_goal_list(language=current_language())})


def sdg_goal(request, number: int):
    lang = current_language()
    goal = next((g for g in selectors.sdg_goal_list(language=lang) if g["number"] == number), None)
    if goal is None:
        raise Http404(_("No such goal."))
    targets = selectors.sdg_target_list(language=lang, goal=number)
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
    query = request.GET.copy()
    query.pop("format", None)
    return render(request, "wsis/economies.html", {
        "rows": rows, "error": error, "region": region, "group": group, "at": at or "", "q": q or "",
        "regions": [g for g in groups if g["kind"] == GroupKind.ITU_REGION],
        "groups": [g for g in groups if g["kind"] != GroupKind.ITU_REGION],
        "group_names": {g["code"]: g["abbr"] or g["name"] for g in groups},
        "query": query.urlencode(),
    })


def economy(request, iso3: str):
    try:
        eco = selectors.economy_detail(iso3=iso3, language=current_language())
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return render(request, "wsis/economy.html", {"eco": eco, "languages": request.LANGUAGE_CODE})


def strategic_targets(request):
    rows = selectors.strategic_target_list(language=current_language())
    return render(request, "wsis/strategic_targets.html", {"rows": rows})


class SignIn(LoginView):
    template_name = "wsis/login.html"
    redirect_authenticated_user = True


@require_POST
def sign_out(request):
    logout(request)
    return redirect("web:home")
