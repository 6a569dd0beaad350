"""WSIS Prizes endpoints: contests, entries, expert scoring and nomination, public voting, results."""

from typing import Literal

from ninja import Query, Router, Status

from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id, Year
from wsis.core.errors import PermissionDenied
from wsis.core.i18n import language_param
from wsis.core.net import client_address
from wsis.core.schemas import ERRORS as BASE_ERRORS
from wsis.core.schemas import ErrorEnvelope, Fmt, Lang
from wsis.prizes import lists, permissions, selectors, services
from wsis.prizes.schemas import (
    ConflictOut,
    ContestOut,
    InvalidateIn,
    InvalidateOut,
    NominateIn,
    NominateOut,
    ReasonIn,
    ScoreIn,
    ScoreOut,
    SubmissionIn,
    SubmissionOut,
    VoteOut,
    WinnerOut,
)

__all__ = ["router", "client_address"]

router = Router(tags=["prizes"])
ERRORS = {**BASE_ERRORS, 429: ErrorEnvelope}  # voting is throttled
PUBLIC_STATES = selectors.PUBLIC_STATES


def _viewer(request):
    return request.user if request.user.is_authenticated else None


@router.get("/contests", response={200: list[ContestOut], **ERRORS}, summary="WSIS Prizes contests and their phases")
def contests(request):
    return selectors.contest_list()


@router.get("/contests/{int:year}/submissions", response={200: lists.SUBMISSIONS.answer, **ERRORS},
            summary="Entries of a contest (the public sees nominated projects and above)")
def submissions(request, year: Year, filters: Query[lists.SubmissionFilters], lang: Lang = "en",
                format: Fmt = "json"):
    params = lists.SubmissionParams(year=year, **filters.model_dump())
    return lists.SUBMISSIONS.respond(_viewer(request), params, language_param(lang), format)


@router.post("/contests/{int:year}/submissions", auth=django_auth, response={201: SubmissionOut, **ERRORS},
             summary="Enter a published activity in a category")
def submission_create(request, year: Year, payload: SubmissionIn):
    contest = selectors.contest_get(year)
    category = selectors.category_get(contest, payload.category)
    activity = selectors.activity_get(payload.activity)
    sub = services.submission_create(actor=request.user, contest=contest, category=category, activity=activity,
                                     description=payload.description, language=payload.language)
    return Status(201, next(r for r in selectors.submission_rows(contest, "en") if r["id"] == sub.pk))


@router.post("/submissions/{int:pk}/score", auth=django_auth, response={200: ScoreOut, **ERRORS},
             summary="Expert score (0–10)")
def score(request, pk: Id, payload: ScoreIn):
    s = services.score_set(actor=request.user, submission=selectors.submission_get(pk), value=payload.value,
                           comment=payload.comment)
    return {"submission": pk, "value": s.value}


@router.post("/submissions/{int:pk}/conflict", auth=django_auth, response={200: ConflictOut, **ERRORS},
             summary="Declare a conflict of interest")
def conflict(request, pk: Id, payload: ReasonIn):
    services.conflict_declare(actor=request.user, submission=selectors.submission_get(pk), reason=payload.reason)
    return {"submission": pk, "declared": True}


@router.post("/contests/{int:year}/nominate", auth=django_auth, response={200: NominateOut, **ERRORS},
             exclude_unset=True, summary="Put entries on the public shortlist (chair or BDT)")
def nominate(request, year: Year, payload: NominateIn):
    subs = selectors.submissions_in(selectors.contest_get(year), payload.submissions)
    services.nominate(actor=request.user, submissions=subs, nominated=payload.nominated)
    return {"nominated" if payload.nominated else "removed": sorted(s.pk for s in subs)}


@router.post("/submissions/{int:pk}/vote", auth=django_auth, response={201: VoteOut, **ERRORS},
             summary="Vote for a nominated project (one vote per account per category)")
def vote(request, pk: Id):
    v = services.vote_cast(voter=request.user, submission=selectors.submission_get(pk),
                           address=client_address(request))
    return Status(201, {"id": v.pk, "submission": pk, "category": v.category.code, "flagged": v.flagged})


@router.post("/votes/invalidate", auth=django_auth, response={200: InvalidateOut, **ERRORS},
             summary="Invalidate votes with a reason (BDT); they stay recorded and stop counting")
def invalidate(request, payload: InvalidateIn):
    votes = selectors.votes_get(payload.votes)
    return {"invalidated": services.votes_invalidate(actor=request.user, votes=votes, reason=payload.reason)}


@router.get("/contests/{int:year}/tally", auth=django_auth, response={200: list[SubmissionOut], **ERRORS},
            summary="Valid votes and expert scores per entry (BDT and experts)")
def tally(request, year: Year, lang: Lang = "en"):
    contest = selectors.contest_get(year)
    if not permissions.is_insider(request.user, contest):
        raise PermissionDenied("Tallies are for BDT and the expert group until the results are published.")
    return selectors.submission_rows(contest, language_param(lang), states=PUBLIC_STATES, with_votes=True)


@router.post("/contests/{int:year}/finalists", auth=django_auth, response={200: dict[str, list[int]], **ERRORS},
             summary="Send the most-voted entries of each category to the expert selection",
             description="Answers the chosen finalists' ids by category code.")
def finalists(request, year: Year):
    return services.finalists_select(actor=request.user, contest=selectors.contest_get(year))


@router.post("/submissions/{int:pk}/winner", auth=django_auth, response={200: WinnerOut, **ERRORS},
             summary="Choose the winner of a category; the other finalists become champions")
def winner(request, pk: Id):
    s = services.winner_choose(actor=request.user, submission=selectors.submission_get(pk))
    return {"winner": s.pk, "category": s.category.code}


@router.post("/contests/{int:year}/publish", auth=django_auth, response={200: ContestOut, **ERRORS},
             summary="Publish the results")
def publish(request, year: Year):
    c = services.results_publish(actor=request.user, contest=selectors.contest_get(year))
    return next(x for x in selectors.contest_list() if x["year"] == c.year)


@router.get("/contests/{int:year}/results", response={200: lists.RESULTS.answer, **ERRORS},
            summary="Winners and champions by category (and region), JSON or CSV")
def results(request, year: Year, filters: Query[lists.ResultFilters], lang: Lang = "en",
            format: Literal["json", "csv"] = "json"):
    params = lists.ResultParams(year=year, **filters.model_dump())
    return lists.RESULTS.respond(_viewer(request), params, language_param(lang), format)
