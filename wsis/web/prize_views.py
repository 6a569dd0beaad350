"""WSIS Prizes pages: contests, entry form, expert worklist, ballot, results; voter sign-up and e-mail confirmation."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wsis.accounts.services import email_confirm, email_confirmation_token, voter_register
from wsis.accounts.signin import mail_in_language, user_language
from wsis.core import charts
from wsis.core.errors import NotFound, ServiceError, ValidationFailed
from wsis.core.i18n import current_language
from wsis.core.net import client_address
from wsis.prizes import lists, permissions, selectors, services
from wsis.prizes.models import PHASES
from wsis.prizes.selectors import PUBLIC_STATES
from wsis.web.feedback import service_errors


def _contest(year):
    try:
        return selectors.contest_get(year)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def contests(request):
    return render(request, "wsis/prizes/contests.html", {"contests": selectors.contest_list()})


def contest(request, year: int):
    c = _contest(year)
    answer = _listing(request, lists.SUBMISSIONS, year=year)
    if not isinstance(answer, tuple):
        return answer  # the download of the entries the visitor may see
    _params, rows = answer
    lang = current_language()
    user = request.user if request.user.is_authenticated else None
    phase = c.phase()
    insider = user is not None and (permissions.can_contest_manage(user) or permissions.expert_seat(user, c))
    return render(request, "wsis/prizes/contest.html", {
        "c": c, "phase": phase, "phases": [(k, v, k == phase) for k, v in PHASES.items()],
        "nominated": [r for r in rows if r["state"] in PUBLIC_STATES] if phase != "results" else [],
        "results": selectors.results(c, lang), "insider": insider,
        "ballot": selectors.ballot_cards(c, user, lang) if phase == "voting" else [],
        "can_vote": permissions.can_vote(user), "can_enter": phase == "submission" and user is not None,
    })


def _listing(request, contract, **path):
    """The list's rows or its download; a filter the page can't read is left out."""
    try:
        return contract.for_page(request, **path)
    except ValidationFailed as exc:
        query = request.GET.copy()
        for e in exc.errors:
            query.pop(e.field, None)
        request.GET = query
        return contract.for_page(request, **path)


@login_required
def enter(request, year: int):
    c = _contest(year)
    if request.method == "POST":
        try:
            activity = selectors.eligible_activity(request.user, int(request.POST.get("activity") or 0))
            category = selectors.category_get(c, request.POST.get("category", ""))
            services.submission_create(actor=request.user, contest=c, category=category, activity=activity,
                                       description=request.POST.get("description", ""),
                                       language=request.POST.get("language", "en"))
            messages.success(request, _("Your entry is registered."))
            return redirect("web:prize_contest", year=year)
        except (NotFound, ValueError):
            messages.error(request, _("Choose one of your published activities and a category."))
        except ServiceError as exc:
            service_errors(request, exc)
    lang = current_language()
    return render(request, "wsis/prizes/enter.html", {
        "c": c, "activities": [(a.pk, a.title(lang)) for a in selectors.eligible_activities(request.user)],
        "categories": selectors.line_names(lang), "form": request.POST,
        "codes": selectors.category_codes(c),
    })


@login_required
def experts(request, year: int):
    c = _contest(year)
    seat = permissions.expert_seat(request.user, c)
    if seat is None and not permissions.can_contest_manage(request.user):
        raise Http404(_("This page is for the expert group."))
    if request.method == "POST":
        try:
            sub = selectors.submission_get(int(request.POST.get("submission") or 0), contest=c)
            what = request.POST.get("do")
            if what == "score":
                services.score_set(actor=request.user, submission=sub, value=int(request.POST.get("value") or -1),
                                   comment=request.POST.get("comment", ""))
            elif what == "conflict":
                services.conflict_declare(actor=request.user, submission=sub, reason=request.POST.get("reason", ""))
            elif what in ("nominate", "unnominate"):
                services.nominate(actor=request.user, submissions=[sub], nominated=what == "nominate")
            elif what == "winner":
                services.winner_choose(actor=request.user, submission=sub)
            messages.success(request, _("Saved."))
        except (NotFound, ValueError):
            messages.error(request, _("Unknown entry or value."))
        except ServiceError as exc:
            service_errors(request, exc)
        return redirect("web:prize_experts", year=year)
    return render(request, "wsis/prizes/experts.html", {
        "c": c, "phase": c.phase(), "rows": selectors.submission_rows(c, current_language(), with_votes=True),
        "is_chair": permissions.can_nominate(request.user, c),
    })


@login_required
@require_POST
def finalists(request, year: int):
    c = _contest(year)
    try:
        if request.POST.get("do") == "publish":
            services.results_publish(actor=request.user, contest=c)
            messages.success(request, _("The results are published."))
        else:
            services.finalists_select(actor=request.user, contest=c)
            messages.success(request, _("The most-voted entries are now finalists."))
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect("web:prize_experts", year=year)


@require_POST
def vote(request, year: int):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('web:login')}?next={reverse('web:prize_contest', args=[year])}")
    c = _contest(year)
    try:
        sub = selectors.submission_get(int(request.POST.get("submission") or 0), contest=c)
        services.vote_cast(voter=request.user, submission=sub, address=client_address(request))
        messages.success(request, _("Thank you: your vote in %(category)s is recorded.") % {"category": sub.category.code})
    except (NotFound, ValueError):
        messages.error(request, _("Choose a project to vote for."))
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect(reverse("web:prize_contest", args=[year]) + "#ballot")


def results(request, year: int):
    c = _contest(year)
    answer = _listing(request, lists.RESULTS, year=year)
    if not isinstance(answer, tuple):
        return answer  # the download
    params, rows = answer
    from wsis.reference.selectors import group_list

    return render(request, "wsis/prizes/results.html", {
        "c": c, "rows": rows, "region": params.region or None,
        "regions": group_list(language=current_language(), kind="itu_region"), "charts": _results_charts(rows),
    })


def _results_charts(rows: list[dict]) -> list[dict]:
    """One bar chart per category: the valid votes of each winning and champion project, named."""
    out: list[dict] = []
    for r in rows:
        if "votes" not in r:
            return []
        if not out or out[-1]["category"] != r["category"]:
            out.append({"category": r["category"], "name": r["category_name"], "rows": []})
        out[-1]["rows"].append(r)
    for i, group in enumerate(out):
        chart = charts.BarChart([charts.BarSeries(_("Votes"), [float(r["votes"]) for r in group["rows"]])],
                                categories=[r["title"] for r in group["rows"]], key=f"chart-votes-{i}",
                                x_label=_("Valid votes"), rtl=translation.get_language_bidi(), label_chars=34)
        group["chart"] = charts.render(chart, aria_label=_("Valid votes for each winning and champion project of "
                                                           "%(category)s; the votes are in the table below.")
                                       % {"category": f"{group['category']} {group['name']}"})
    return out


def register(request):
    if request.method == "POST":
        try:
            outcome = voter_register(username=request.POST.get("username", ""), email=request.POST.get("email", ""),
                                     password=request.POST.get("password", ""), language=current_language())
        except ValidationFailed as exc:
            return render(request, "wsis/prizes/register.html", {"errors": exc.errors, "form": request.POST})
        email = request.POST.get("email", "").strip()
        _registration_mail(request, outcome, email, request.POST.get("username", "").strip())
        # One answer for a new account, a known address and a taken name: the difference is in the mail.
        return render(request, "wsis/prizes/register_done.html", {"email": email})
    return render(request, "wsis/prizes/register.html", {"form": {}})


def _registration_mail(request, outcome, email: str, username: str) -> None:
    if outcome.user is not None:
        link = request.build_absolute_uri(reverse("web:confirm_email", args=[email_confirmation_token(outcome.user)]))
        mail_in_language(current_language(), gettext_lazy("Confirm your e-mail address"), format_lazy(
            gettext_lazy("Open this link to confirm your address and vote in the WSIS Prizes:\n{link}"), link=link),
            outcome.user.email)
    elif outcome.existing is not None:
        language = user_language(outcome.existing)
        with translation.override(language):
            signin = request.build_absolute_uri(reverse("web:login"))
            reset = request.build_absolute_uri(reverse("web:password_reset"))
        mail_in_language(language, gettext_lazy("You already have an account"), format_lazy(
            gettext_lazy("Someone, perhaps you, tried to create an account to vote in the WSIS Prizes with this "
                         "e-mail address. An account with this address exists already: its user name is {name}.\n\n"
                         "Sign in: {signin}\nForgot your password? Choose a new one: {reset}\n\n"
                         "If it was not you, ignore this message."),
            name=outcome.existing.get_username(), signin=signin, reset=reset), email)
    else:
        again = request.build_absolute_uri(reverse("web:register"))
        mail_in_language(current_language(), gettext_lazy("Choose another user name"), format_lazy(
            gettext_lazy("Someone, perhaps you, tried to create an account to vote in the WSIS Prizes with this "
                         "e-mail address and the user name {name}. That user name is taken, so no account was "
                         "made. Choose another name: {again}\n\nIf it was not you, ignore this message."),
            name=username, again=again), email)


def confirm_email(request, token: str):
    try:
        user = email_confirm(token=token)
    except ValidationFailed as exc:
        messages.error(request, exc.message)
        return redirect("web:prizes")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your e-mail address is confirmed. You can vote now."))
    return redirect("web:prizes")
