"""WSIS Prizes endpoints: contests, entries, expert scoring and nomination, public voting, results."""

from typing import Literal

from ninja import Router, Schema, Status

from wsis.accounts.permissions import is_bdt_admin
from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id, Year
from wsis.core.errors import NotFound, PermissionDenied
from wsis.core.export import csv_response
from wsis.core.i18n import language_param
from wsis.core.net import client_address
from wsis.prizes import permissions, selectors, services
from wsis.prizes.models import Submission, Vote
from wsis.reference.api import ErrorEnvelope

router = Router(tags=["prizes"])
ERRORS = {400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope,
          422: ErrorEnvelope, 429: ErrorEnvelope}
Lang = Literal["ar", "zh-hans", "en", "fr", "ru", "es", "zh", "zh-Hans"]
PUBLIC_STATES = ["nominated", "finalist", "winner", "champion"]


class ContestOut(Schema):
    year: int
    title: str
    phase: str
    phase_label: str
    submission_opens: str
    voting_opens: str
    voting_closes: str
    is_demo: bool


class SubmissionOut(Schema):
    id: int
    category: str
    category_name: str
    activity: int
    title: str
    organisation: str
    regions: list[str]
    state: str
    state_label: str
    description: str
    language: str
    votes: int | None = None
    score: float | None = None


class SubmissionIn(Schema):
    category: str
    activity: Id
    description: str
    language: str = "en"


class ScoreIn(Schema):
    value: int
    comment: str = ""


class ReasonIn(Schema):
    reason: str


class NominateIn(Schema):
    submissions: list[int]
    nominated: bool = True


class InvalidateIn(Schema):
    votes: list[int]
    reason: str


class VoteOut(Schema):
    id: int
    submission: int
    category: str
    flagged: str


def _sub(pk: int) -> Submission:
    sub = Submission.objects.select_related("contest", "category", "activity").filter(pk=pk).first()
    if sub is None:
        raise NotFound(f"No prize submission #{pk}.")
    return sub


def _insider(user, contest) -> bool:
    return is_bdt_admin(user) or permissions.expert_seat(user, contest) is not None


@router.get("/contests", response={200: list[ContestOut], **ERRORS}, summary="WSIS Prizes contests and their phases")
def contests(request):
    return selectors.contest_list()


@router.get("/contests/{int:year}/submissions", response={200: list[SubmissionOut], **ERRORS},
            summary="Entries of a contest (the public sees nominated projects and above)")
def submissions(request, year: Year, category: str | None = None, lang: Lang = "en"):
    contest = selectors.contest_get(year)
    insider = request.user.is_authenticated and _insider(request.user, contest)
    rows = selectors.submission_rows(contest, language_param(lang), category=category,
                                     states=None if insider else PUBLIC_STATES, with_votes=insider)
    return rows


@router.post("/contests/{int:year}/submissions", auth=django_auth, response={201: SubmissionOut, **ERRORS},
             summary="Enter a published activity in a category")
def submission_create(request, year: Year, payload: SubmissionIn):
    from wsis.stocktaking.models import Activity

    contest = selectors.contest_get(year)
    category = contest.categories.filter(code=payload.category).first()
    activity = Activity.objects.filter(pk=payload.activity).first()
    if category is None or activity is None:
        raise NotFound("No such category or activity.")
    sub = services.submission_create(actor=request.user, contest=contest, category=category, activity=activity,
                                     description=payload.description, language=payload.language)
    return Status(201, next(r for r in selectors.submission_rows(contest, "en") if r["id"] == sub.pk))


@router.post("/submissions/{int:pk}/score", auth=django_auth, response={200: dict, **ERRORS}, summary="Expert score (0–10)")
def score(request, pk: Id, payload: ScoreIn):
    s = services.score_set(actor=request.user, submission=_sub(pk), value=payload.value, comment=payload.comment)
    return {"submission": pk, "value": s.value}


@router.post("/submissions/{int:pk}/conflict", auth=django_auth, response={200: dict, **ERRORS},
             summary="Declare a conflict of interest")
def conflict(request, pk: Id, payload: ReasonIn):
    services.conflict_declare(actor=request.user, submission=_sub(pk), reason=payload.reason)
    return {"submission": pk, "declared": True}


@router.post("/contests/{int:year}/nominate", auth=django_auth, response={200: dict, **ERRORS},
             summary="Put entries on the public shortlist (chair or BDT)")
def nominate(request, year: Year, payload: NominateIn):
    contest = selectors.contest_get(year)
    subs = list(Submission.objects.filter(contest=contest, pk__in=payload.submissions).select_related("contest"))
    if len(subs) != len(set(payload.submissions)):
        raise NotFound("Some submissions are not in this contest.")
    services.nominate(actor=request.user, submissions=subs, nominated=payload.nominated)
    return {"nominated" if payload.nominated else "removed": sorted(s.pk for s in subs)}


@router.post("/submissions/{int:pk}/vote", auth=django_auth, response={201: VoteOut, **ERRORS},
             summary="Vote for a nominated project (one vote per account per category)")
def vote(request, pk: Id):
    v = services.vote_cast(voter=request.user, submission=_sub(pk), address=client_address(request))
    return Status(201, {"id": v.pk, "submission": pk, "category": v.category.code, "flagged": v.flagged})


@router.post("/votes/invalidate", auth=django_auth, response={200: dict, **ERRORS},
             summary="Invalidate votes with a reason (BDT); they stay recorded and stop counting")
def invalidate(request, payload: InvalidateIn):
    votes = list(Vote.objects.filter(pk__in=payload.votes))
    return {"invalidated": services.votes_invalidate(actor=request.user, votes=votes, reason=payload.reason)}


@router.get("/contests/{int:year}/tally", auth=django_auth, response={200: list[SubmissionOut], **ERRORS},
            summary="Valid votes and expert scores per entry (BDT and experts)")
def tally(request, year: Year, lang: Lang = "en"):
    contest = selectors.contest_get(year)
    if not _insider(request.user, contest):
        raise PermissionDenied("Tallies are for BDT and the expert group until the results are published.")
    return selectors.submission_rows(contest, language_param(lang), states=PUBLIC_STATES, with_votes=True)


@router.post("/contests/{int:year}/finalists", auth=django_auth, response={200: dict, **ERRORS},
             summary="Send the most-voted entries of each category to the expert selection")
def finalists(request, year: Year):
    return services.finalists_select(actor=request.user, contest=selectors.contest_get(year))


@router.post("/submissions/{int:pk}/winner", auth=django_auth, response={200: dict, **ERRORS},
             summary="Choose the winner of a category; the other finalists become champions")
def winner(request, pk: Id):
    s = services.winner_choose(actor=request.user, submission=_sub(pk))
    return {"winner": s.pk, "category": s.category.code}


@router.post("/contests/{int:year}/publish", auth=django_auth, response={200: ContestOut, **ERRORS},
             summary="Publish the results")
def publish(request, year: Year):
    c = services.results_publish(actor=request.user, contest=selectors.contest_get(year))
    return next(x for x in selectors.contest_list() if x["year"] == c.year)


@router.get("/contests/{int:year}/results", response={200: list[SubmissionOut], **ERRORS},
            summary="Winners and champions by category (and region), JSON or CSV")
def results(request, year: Year, region: str | None = None, lang: Lang = "en",
            format: Literal["json", "csv"] = "json"):
    rows = selectors.results(selectors.contest_get(year), language_param(lang), region=region)
    if format == "csv":
        return csv_response(rows, f"wsis-prizes-{year}-results",
                            columns=["category", "category_name", "state", "title", "organisation", "regions", "votes",
                                     "activity"])
    return rows


