"""WSIS Prizes: every step checked against the contest's phase and rules, atomic and audited."""

import datetime as dt
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone

from wsis.core.audit import audit
from wsis.core.errors import (
    ErrorCode,
    ErrorItem,
    InvalidTransition,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from wsis.core.validation import model_errors
from wsis.core.workflow import Workflow, step
from wsis.prizes import permissions
from wsis.prizes.models import (
    PHASES,
    SUBMISSION_STATES,
    Category,
    Conflict,
    Contest,
    Expert,
    Score,
    Submission,
    Vote,
)
from wsis.reference.models import ActionLine

MIN_WORDS, MAX_WORDS = 150, 200
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in any of the six languages. Chinese has no spaces: two characters count as one word,
    the usual equivalence for length limits of Chinese texts."""
    han = len(CJK.findall(text))
    rest = CJK.sub(" ", text)
    return len(re.findall(r"\w+", rest)) + (han + 1) // 2


class AlreadyVoted(ServiceError):
    def __init__(self):
        super().__init__("You have already voted in this category.", code="already_voted", status=409)


class Throttled(ServiceError):
    def __init__(self, message):
        super().__init__(message, code=ErrorCode.TOO_MANY_REQUESTS, status=429)


def _in_phase(phase: str):
    def guard(obj, ctx) -> str | None:
        contest = obj if isinstance(obj, Contest) else obj.contest
        current = contest.phase(ctx.get("now"))
        if current != phase:
            return (f"This is possible only during the {phase} phase; the {contest.year} contest is in its {current} "
                    "phase.")
        return None
    return guard


def _require_phase(contest: Contest, phase: str, now=None):
    message = _in_phase(phase)(contest, {"now": now})
    if message:
        raise InvalidTransition(message)


def _nominator(actor, submission: Submission) -> bool:
    return permissions.can_nominate(actor, submission.contest)


def _winners_chosen(contest: Contest, ctx) -> str | None:
    missing = [c.code for c in contest.categories.all()
               if c.submissions.filter(state__in=("finalist", "champion")).exists()
               and not c.submissions.filter(state="winner").exists()]
    return f"Choose a winner first in: {', '.join(missing)}." if missing else None


def _submission_change(submission: Submission, t, ctx):
    if t.action == "choose_winner":  # the other finalists of the category become champions
        for s in Submission.objects.filter(category=submission.category, state__in=("finalist", "champion", "winner")
                                           ).exclude(pk=submission.pk):
            s.state = "champion"
            s.save(update_fields=["state"])
    submission.state = t.target
    submission.save(update_fields=["state"])


_NOMINATOR = {"may": _nominator, "denied": "Only the chair of the expert group or a BDT administrator nominates.",
              "guard": _in_phase("review")}

# A submission: the experts' chair nominates it (or takes it back) during the review; after the vote, the finalists
# go to the selection, where one per category is chosen as the winner and the others become champions.
SUBMISSION_WORKFLOW = Workflow(
    "submission", SUBMISSION_STATES,
    [
        step("nominate", ["submitted", "nominated"], "nominated", **_NOMINATOR),
        step("unnominate", ["submitted", "nominated"], "submitted", **_NOMINATOR),
        step("choose_winner", ["finalist", "champion", "winner"], "winner", may=_nominator,
             denied="Only the chair of the expert group or a BDT administrator chooses winners.",
             guard=_in_phase("selection"), refused="Only a finalist can be chosen as the winner."),
    ],
    change=_submission_change,
    audit_before=lambda sub, before, t, ctx: None,
    audit_after=lambda sub, before, t, ctx: {"category": sub.category.code} if t.action == "choose_winner" else None,
)

# A contest moves through its phases by its dates (Contest.phase); the one step taken by hand is publishing the
# results, once every category with finalists has its winner.
CONTEST_WORKFLOW = Workflow(
    "contest", PHASES,
    [step("publish_results", "selection", "results", may=lambda actor, contest: permissions.can_contest_manage(actor),
          denied="Only BDT administrators publish results.", guard=_winners_chosen)],
    state_of=lambda contest, ctx: contest.phase(ctx.get("now")),
    change=lambda contest, t, ctx: _publish_results(contest, ctx.get("now")),
    audit_before=lambda contest, before, t, ctx: None,
    audit_after=lambda contest, before, t, ctx: None,
    refused=lambda contest, action, state, sources: (f"This is possible only during the {sources[0]} phase; the "
                                                     f"{contest.year} contest is in its {state} phase."),
)


def _publish_results(contest: Contest, now) -> None:
    contest.results_published_at = now or timezone.now()
    contest.save(update_fields=["results_published_at"])


def contest_create(*, actor, year: int, title: str, dates: dict, eligible_statuses=("ongoing", "completed"),
                   finalists_per_category: int = 5, categories: list[str] | None = None,
                   is_demo: bool = False) -> Contest:
    """A contest with its phase dates and categories (the 18 default ones: C1–C6, the C7 sub-lines, C8–C11)."""
    if not permissions.can_contest_manage(actor):
        raise PermissionDenied("Only BDT administrators manage the WSIS Prizes.")
    keys = ["submission_opens", "submission_closes", "review_closes", "voting_opens", "voting_closes", "selection_closes"]
    errors = [ErrorItem("required", "required", field=k) for k in keys if not dates.get(k)]
    if not errors:
        seq = [dates[k] for k in keys]
        if not (seq[0] < seq[1] <= seq[2] <= seq[3] < seq[4] <= seq[5]):
            errors.append(ErrorItem("invalid", "The phases must follow each other: submission, review, voting, selection.",
                                    field="dates"))
    if Contest.objects.filter(year=year).exists():
        errors.append(ErrorItem("duplicate", f"A contest for {year} exists.", field="year"))
    lines = {a.code: a for a in ActionLine.objects.all()}
    if categories is None:
        categories = [a.code for a in sorted(lines.values(), key=lambda a: (a.parent.order if a.parent else a.order,
                                                                              a.parent_id is not None, a.order))
                      if a.code != "C7"]
    for code in categories:
        if code not in lines:
            errors.append(ErrorItem("unknown_code", f"Unknown action line {code!r}.", field="categories"))
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        contest = Contest.objects.create(year=year, title=title, eligible_statuses=list(eligible_statuses),
                                         finalists_per_category=finalists_per_category, is_demo=is_demo,
                                         **{k: dates[k] for k in keys})
        Category.objects.bulk_create([Category(contest=contest, code=c, action_line=lines[c], order=i)
                                      for i, c in enumerate(categories)])
        audit(actor=actor, verb="contest.create", target=contest, after={"year": year, "categories": categories})
    return contest


def submission_create(*, actor, contest: Contest, category: Category, activity, description: str, language: str,
                      now=None) -> Submission:
    if not permissions.can_submission_create(actor, activity):
        raise PermissionDenied("Only the lead organisation of the activity may submit it.")
    _require_phase(contest, "submission", now)
    errors = []
    if category.contest_id != contest.pk:
        errors.append(ErrorItem("invalid", "This category belongs to another contest.", field="category"))
    if activity.state != "published" or activity.revision_of_id:
        errors.append(ErrorItem("ineligible", "Only published activities can be submitted.", field="activity"))
    if activity.status not in contest.eligible_statuses:
        errors.append(ErrorItem("ineligible", f"This contest accepts {', '.join(contest.eligible_statuses)} "
                                f"work; the activity is {activity.status}.", field="activity"))
    lines = set(activity.action_line_links.values_list("action_line__code", flat=True))
    lines |= {c.split(".")[0] for c in lines}
    if category.code not in lines:
        errors.append(ErrorItem("ineligible", f"The activity is not tagged with action line {category.code}.",
                                field="category"))
    if Submission.objects.filter(activity=activity, state="winner").exclude(contest=contest).exists():
        errors.append(ErrorItem("ineligible", "Past winners cannot enter again.", field="activity"))
    if Submission.objects.filter(contest=contest, activity=activity).exists():
        errors.append(ErrorItem("duplicate", "This project is already entered in a category of this contest.",
                                field="activity"))
    if Submission.objects.filter(category=category, organisation=activity.lead_organisation_id).exists():
        errors.append(ErrorItem("duplicate", "Your organisation already has a project in this category.",
                                field="category"))
    words = word_count(description)
    if not MIN_WORDS <= words <= MAX_WORDS:
        errors.append(ErrorItem("length", f"The short description has {words} words; it needs {MIN_WORDS}–{MAX_WORDS}.",
                                field="description"))
    if language not in dict(settings.LANGUAGES):
        errors.append(ErrorItem("invalid_choice", f"Unknown language {language!r}.", field="language"))
    errors += model_errors(Submission, {"description": description.strip()})
    if errors:
        raise ValidationFailed(errors)
    try:
        with transaction.atomic():
            sub = Submission.objects.create(contest=contest, category=category, activity=activity,
                                            organisation_id=activity.lead_organisation_id, description=description.strip(),
                                            language=language, submitted_by=actor if getattr(actor, "pk", None) else None)
            audit(actor=actor, verb="submission.create", target=sub, after={"category": category.code, "activity": activity.pk})
    except IntegrityError as exc:
        # Two entries racing past the checks above; the database keeps the rules.
        raise ValidationFailed([ErrorItem("duplicate", "This entry breaks the one-entry rules.", field="activity")]) from exc
    return sub


def expert_add(*, actor, contest: Contest, user, is_chair: bool = False) -> Expert:
    if not permissions.can_contest_manage(actor):
        raise PermissionDenied("Only BDT administrators appoint experts.")
    with transaction.atomic():
        expert, _created = Expert.objects.update_or_create(contest=contest, user=user, defaults={"is_chair": is_chair})
        audit(actor=actor, verb="expert.add", target=expert, after={"user": user.username, "chair": is_chair})
    return expert


def conflict_declare(*, actor, submission: Submission, reason: str) -> Conflict:
    seat = permissions.expert_seat(actor, submission.contest)
    if seat is None:
        raise PermissionDenied("Only experts of this contest declare conflicts.")
    if not reason.strip():
        raise ValidationFailed([ErrorItem("required", "Say what the conflict is.", field="reason")])
    with transaction.atomic():
        conflict, _c = Conflict.objects.get_or_create(expert=seat, submission=submission, defaults={"reason": reason})
        Score.objects.filter(expert=seat, submission=submission).delete()
        audit(actor=actor, verb="conflict.declare", target=conflict, after={"reason": reason})
    return conflict


def has_conflict(seat: Expert, submission: Submission) -> bool:
    own = seat.user.organisation_id is not None and (
        seat.user.organisation_id == submission.organisation_id
        or submission.activity.participants.filter(organisation_id=seat.user.organisation_id).exists())
    return own or Conflict.objects.filter(expert=seat, submission=submission).exists()


def score_set(*, actor, submission: Submission, value: int, comment: str = "", now=None) -> Score:
    contest = submission.contest
    seat = permissions.expert_seat(actor, contest)
    if seat is None:
        raise PermissionDenied("Only experts of this contest score submissions.")
    _require_phase(contest, "review", now)
    if has_conflict(seat, submission):
        raise PermissionDenied("You have a conflict of interest with this submission (your organisation takes part in "
                               "it, or you declared one); you cannot score it.")
    if not isinstance(value, int) or not 0 <= value <= 10:
        raise ValidationFailed([ErrorItem("invalid", "A score is a whole number from 0 to 10.", field="value")])
    with transaction.atomic():
        score, _c = Score.objects.update_or_create(expert=seat, submission=submission,
                                                   defaults={"value": value, "comment": comment})
        audit(actor=actor, verb="score.set", target=score, after={"value": value})
    return score


def nominate(*, actor, submissions: list[Submission], nominated: bool = True, now=None) -> None:
    """Put submissions on (or take them off) the shortlist the public votes on."""
    if not submissions:
        return
    contest = submissions[0].contest
    if not permissions.can_nominate(actor, contest):
        raise PermissionDenied("Only the chair of the expert group or a BDT administrator nominates.")
    _require_phase(contest, "review", now)
    with transaction.atomic():
        for sub in submissions:
            if sub.contest_id != contest.pk:
                raise ValidationFailed([ErrorItem(ErrorCode.INVALID, "Submissions of one contest at a time.",
                                                  field="submissions")])
            SUBMISSION_WORKFLOW.apply(actor=actor, obj=sub, action="nominate" if nominated else "unnominate",
                                      ctx={"now": now})


def _limit(setting: str) -> tuple[int, int]:
    count, seconds = str(getattr(settings, setting)).split("/")
    return int(count), int(seconds)


def vote_cast(*, voter, submission: Submission, address: str | None = None, now=None) -> Vote:
    """One public vote. The database refuses a second vote by the same account in the same category."""
    now = now or timezone.now()
    if not getattr(voter, "is_authenticated", False):
        raise PermissionDenied("Sign in to vote.")
    if not permissions.can_vote(voter):
        raise PermissionDenied("Confirm your e-mail address before voting.")
    contest = submission.contest
    _require_phase(contest, "voting", now)
    submission.refresh_from_db(fields=["state"])
    if submission.state != "nominated":
        raise ValidationFailed([ErrorItem("ineligible", "Only nominated projects can receive votes.", field="submission")])
    n, seconds = _limit("WSIS_VOTE_LIMIT_ACCOUNT")
    if Vote.objects.filter(voter=voter, cast_at__gt=now - dt.timedelta(seconds=seconds)).count() >= n:
        raise Throttled(f"Too many votes from this account; try again in {seconds} seconds.")
    if address:
        n, seconds = _limit("WSIS_VOTE_LIMIT_ADDRESS")
        if Vote.objects.filter(address=address, cast_at__gt=now - dt.timedelta(seconds=seconds)).count() >= n:
            raise Throttled("Too many votes from this network address; try again later.")
    try:
        with transaction.atomic():
            vote = Vote.objects.create(contest=contest, category_id=submission.category_id, submission=submission,
                                       voter=voter, address=address or None, cast_at=now)
            n, seconds = _limit("WSIS_VOTE_BURST")
            recent = Vote.objects.filter(submission=submission, cast_at__gt=now - dt.timedelta(seconds=seconds)).count()
            if recent > n:
                vote.flagged = f"burst: {recent} votes for this project within {seconds} s"
                vote.save(update_fields=["flagged"])
            audit(actor=voter, verb="vote.cast", target=vote,
                  after={"submission": submission.pk, "category": submission.category_id, "address": address or "",
                         "flagged": vote.flagged})
    except IntegrityError as exc:
        raise AlreadyVoted() from exc
    return vote


def votes_invalidate(*, actor, votes: list[Vote], reason: str) -> int:
    if not permissions.can_vote_invalidate(actor):
        raise PermissionDenied("Only BDT administrators invalidate votes.")
    if not reason.strip():
        raise ValidationFailed([ErrorItem("required", "Give the reason for invalidating.", field="reason")])
    now = timezone.now()
    done = 0
    with transaction.atomic():
        for vote in votes:
            if vote.invalidated_at:
                continue
            vote.invalidated_at, vote.invalidated_by, vote.invalidation_reason = now, actor, reason.strip()
            vote.save(update_fields=["invalidated_at", "invalidated_by", "invalidation_reason"])
            audit(actor=actor, verb="vote.invalidate", target=vote, after={"reason": reason.strip()})
            done += 1
    return done


def tally(contest: Contest) -> dict[int, int]:
    """Valid votes per submission, counted afresh from the votes each time."""
    rows = (Vote.objects.filter(contest=contest, invalidated_at__isnull=True)
            .values("submission_id").annotate(n=Count("id")))
    return {r["submission_id"]: r["n"] for r in rows}


def finalists_select(*, actor, contest: Contest, now=None) -> dict[str, list[int]]:
    """After the vote: the most-voted nominated projects of each category go to the expert selection."""
    if not permissions.can_nominate(actor, contest):
        raise PermissionDenied("Only the chair of the expert group or a BDT administrator does this.")
    _require_phase(contest, "selection", now)
    counts = tally(contest)
    avg = {r["submission_id"]: r["a"] or 0 for r in Score.objects.filter(submission__contest=contest)
           .values("submission_id").annotate(a=Avg("value"))}
    out = {}
    with transaction.atomic():
        for cat in contest.categories.all():
            subs = list(cat.submissions.filter(state__in=("nominated", "finalist")))
            # Ties: more votes, then more expert scores, then the earlier entry.
            subs.sort(key=lambda s: (-counts.get(s.pk, 0), -avg.get(s.pk, 0), s.pk))
            chosen = subs[: contest.finalists_per_category]
            for s in subs:
                s.state = "finalist" if s in chosen else "nominated"
                s.save(update_fields=["state"])
            out[cat.code] = [s.pk for s in chosen]
        audit(actor=actor, verb="contest.select_finalists", target=contest, after=out)
    return out


def winner_choose(*, actor, submission: Submission, now=None) -> Submission:
    contest = submission.contest
    if not permissions.can_nominate(actor, contest):
        raise PermissionDenied("Only the chair of the expert group or a BDT administrator chooses winners.")
    _require_phase(contest, "selection", now)
    SUBMISSION_WORKFLOW.apply(actor=actor, obj=submission, action="choose_winner", ctx={"now": now})
    submission.refresh_from_db()
    return submission


def results_publish(*, actor, contest: Contest, now=None) -> Contest:
    if not permissions.can_contest_manage(actor):
        raise PermissionDenied("Only BDT administrators publish results.")
    return CONTEST_WORKFLOW.apply(actor=actor, obj=contest, action="publish_results", ctx={"now": now})
