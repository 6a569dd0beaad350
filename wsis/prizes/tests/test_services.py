import datetime as dt
import multiprocessing
import random
import threading

import pytest
from django.db import connection
from django.utils import timezone

from wsis.accounts.models import User
from wsis.core.errors import InvalidTransition, PermissionDenied, ValidationFailed
from wsis.core.models import AuditLog
from wsis.prizes import selectors, services
from wsis.prizes.models import Submission, Vote
from wsis.testing.factories import WORDS_170, make_contest, published_activity, shift_contest, voter

pytestmark = pytest.mark.django_db

def test_default_categories(reference, people):
    contest = make_contest(people["admin"])
    codes = list(contest.categories.values_list("code", flat=True))
    assert len(codes) == 18 and "C7" not in codes and codes[:2] == ["C1", "C2"] and "C7.e-health" in codes
    with pytest.raises(PermissionDenied):
        make_contest(people["author"], year=2027)
    with pytest.raises(ValidationFailed):
        make_contest(people["admin"])  # same year again


def test_phase_boundaries(reference, people):
    contest = make_contest(people["admin"])
    assert contest.phase(contest.submission_opens - dt.timedelta(microseconds=1)) == "announced"
    assert contest.phase(contest.submission_opens) == "submission"
    assert contest.phase(contest.voting_opens) == "voting"
    assert contest.phase(contest.voting_closes - dt.timedelta(microseconds=1)) == "voting"
    assert contest.phase(contest.voting_closes) == "selection"


def test_voting_window_is_enforced_at_the_boundaries(entries):
    contest, s1, _s2, s3 = entries
    early = voter("early")
    with pytest.raises(InvalidTransition):
        services.vote_cast(voter=early, submission=s1, now=contest.voting_opens - dt.timedelta(microseconds=1))
    services.vote_cast(voter=early, submission=s1, now=contest.voting_opens)
    late = voter("late")
    services.vote_cast(voter=late, submission=s1, now=contest.voting_closes - dt.timedelta(microseconds=1))
    with pytest.raises(InvalidTransition):
        services.vote_cast(voter=late, submission=s3, now=contest.voting_closes)


@pytest.mark.parametrize("words,ok", [(149, False), (150, True), (200, True), (201, False)])
def test_description_length(reference, people, words, ok):
    contest = make_contest(people["admin"])
    a = published_activity(people["admin"], external_id=f"W-{words}")
    call = lambda: services.submission_create(actor=people["author"], contest=contest,  # noqa: E731
                                              category=contest.categories.get(code="C2"), activity=a,
                                              description=" ".join(["word"] * words), language="en")
    if ok:
        call()
    else:
        with pytest.raises(ValidationFailed) as err:
            call()
        assert err.value.errors[0].field == "description"


def test_word_count_in_chinese_and_arabic():
    assert services.word_count("宽带" * 150) == 150
    assert services.word_count("النطاق العريض " * 80) == 160


def test_eligibility_rules(reference, people):
    contest = make_contest(people["admin"])
    c2, c5 = contest.categories.get(code="C2"), contest.categories.get(code="C5")
    a = published_activity(people["admin"], external_id="E-1")
    planned = published_activity(people["admin"], external_id="E-2", status="planned", start_date="2031-01-01",
                                 texts={"en": {"title": "Planned thing"}})
    ok = services.submission_create(actor=people["author"], contest=contest, category=c2, activity=a,
                                    description=WORDS_170, language="en")
    def refused(activity, category, field, actor=people["author"]):
        with pytest.raises((ValidationFailed, PermissionDenied)) as err:
            services.submission_create(actor=actor, contest=contest, category=category, activity=activity,
                                       description=WORDS_170, language="en")
        if field:
            assert field in {e.field for e in err.value.errors}, err.value.errors
    refused(a, c5, "activity")          # one category per project (and C5 is not its line)
    refused(planned, c2, "activity")    # planned work is not eligible by default
    b = published_activity(people["admin"], external_id="E-3", texts={"en": {"title": "Another broadband project"}})
    refused(b, c2, "category")          # one project per entity per category
    refused(b, c2, None, actor=people["stranger"])  # not their organisation
    # A past winner cannot enter again.
    Submission.objects.filter(pk=ok.pk).update(state="winner")
    later = make_contest(people["admin"], year=2027)
    refused(a, later.categories.get(code="C2"), "activity")


def test_conflict_of_interest(entries, people):
    contest, s1, s2, _s3 = entries
    shift_contest(contest, "review")
    own = services.expert_add(actor=people["admin"], contest=contest, user=people["colleague"])  # same org as s1
    other = services.expert_add(actor=people["admin"], contest=contest, user=people["bdt_reviewer"])
    with pytest.raises(PermissionDenied):
        services.score_set(actor=people["colleague"], submission=s1, value=9)
    services.score_set(actor=people["colleague"], submission=s2, value=7)
    services.score_set(actor=people["bdt_reviewer"], submission=s1, value=8)
    services.conflict_declare(actor=people["bdt_reviewer"], submission=s1, reason="Former employer")
    with pytest.raises(PermissionDenied):
        services.score_set(actor=people["bdt_reviewer"], submission=s1, value=8)
    assert not s1.scores.exists()
    with pytest.raises(PermissionDenied):
        services.score_set(actor=people["stranger"], submission=s2, value=5)
    with pytest.raises(ValidationFailed):
        services.score_set(actor=people["bdt_reviewer"], submission=s2, value=11)
    assert own.pk and other.pk


def test_votes_rules_invalidation_and_retally(entries, people, settings):
    contest, s1, s2, s3 = entries
    with pytest.raises(PermissionDenied):
        services.vote_cast(voter=voter("unverified", verified=False), submission=s1)
    v1 = voter("v1")
    services.vote_cast(voter=v1, submission=s1, address="192.0.2.1")
    with pytest.raises(services.AlreadyVoted):
        services.vote_cast(voter=v1, submission=s2, address="192.0.2.1")   # same category, other project
    services.vote_cast(voter=v1, submission=s3, address="192.0.2.1")       # another category is fine
    v2 = voter("v2")
    vote = services.vote_cast(voter=v2, submission=s1, address="192.0.2.2")
    assert services.tally(contest) == {s1.pk: 2, s3.pk: 1}
    with pytest.raises(PermissionDenied):
        services.votes_invalidate(actor=people["bdt_reviewer"], votes=[vote], reason="bot")
    assert services.votes_invalidate(actor=people["admin"], votes=[vote], reason="Automated account") == 1
    assert services.tally(contest) == {s1.pk: 1, s3.pk: 1}
    assert Vote.objects.count() == 3  # never deleted
    with pytest.raises(services.AlreadyVoted):
        services.vote_cast(voter=v2, submission=s1)
    assert AuditLog.objects.filter(verb="vote.cast").count() == 3
    assert AuditLog.objects.filter(verb="vote.invalidate").count() == 1


def test_throttling_and_bursts(entries, settings):
    contest, s1, _s2, s3 = entries
    settings.WSIS_VOTE_LIMIT_ADDRESS = "3/3600"
    for i in range(3):
        services.vote_cast(voter=voter(f"a{i}"), submission=s1, address="198.51.100.7")
    with pytest.raises(services.Throttled) as err:
        services.vote_cast(voter=voter("a3"), submission=s1, address="198.51.100.7")
    assert err.value.status == 429
    settings.WSIS_VOTE_LIMIT_ACCOUNT = "1/60"
    busy = voter("busy")
    services.vote_cast(voter=busy, submission=s1, address="198.51.100.8")
    with pytest.raises(services.Throttled):
        services.vote_cast(voter=busy, submission=s3, address="198.51.100.8")
    settings.WSIS_VOTE_BURST = "4/60"
    flagged = [services.vote_cast(voter=voter(f"b{i}"), submission=s3, address=f"203.0.113.{i}").flagged
               for i in range(6)]
    assert flagged[:4] == ["", "", "", ""] and all(f.startswith("burst") for f in flagged[4:])


def test_results_flow(entries, people):
    contest, s1, s2, s3 = entries
    for i in range(3):
        services.vote_cast(voter=voter(f"r{i}"), submission=s2)
    services.vote_cast(voter=voter("r9"), submission=s1)
    services.vote_cast(voter=voter("r8"), submission=s3)
    with pytest.raises(InvalidTransition):
        services.finalists_select(actor=people["admin"], contest=contest)  # still voting
    shift_contest(contest, "selection")
    contest.finalists_per_category = 1
    contest.save()
    chosen = services.finalists_select(actor=people["admin"], contest=contest)
    assert chosen["C2"] == [s2.pk] and chosen["C5"] == [s3.pk]
    with pytest.raises(InvalidTransition):
        services.results_publish(actor=people["admin"], contest=contest)
    with pytest.raises(InvalidTransition):
        services.winner_choose(actor=people["admin"], submission=Submission.objects.get(pk=s1.pk))
    services.winner_choose(actor=people["admin"], submission=Submission.objects.get(pk=s2.pk))
    services.winner_choose(actor=people["admin"], submission=Submission.objects.get(pk=s3.pk))
    assert selectors.results(contest, "en") == []  # not yet public
    services.results_publish(actor=people["admin"], contest=contest)
    rows = selectors.results(contest, "en")
    assert [(r["category"], r["state"]) for r in rows] == [("C2", "winner"), ("C5", "winner")]
    assert selectors.results(contest, "en", region="EUR") == []
    assert len(selectors.results(contest, "en", region="AFR")) == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_voters_threads_and_processes(reference, people):
    """Many voters at once, each also trying to vote twice: every valid vote counts once, no duplicate does."""
    contest = make_contest(people["admin"])
    acts = [published_activity(people["admin"], external_id="C-1"),
            published_activity(people["admin"], external_id="C-2", action_lines=["C5", "C2"],
                               sdg_targets=["16.10", "9.c"], texts={"en": {"title": "CIRT"}}, matrix_justification="x")]
    subs = [services.submission_create(actor=people["author"], contest=contest, category=contest.categories.get(code=c),
                                       activity=a, description=WORDS_170, language="en")
            for c, a in (("C2", acts[0]), ("C5", acts[1]))]
    shift_contest(contest, "review")
    services.nominate(actor=people["admin"], submissions=subs)
    shift_contest(contest, "voting")
    now = timezone.now()
    voters = User.objects.bulk_create([User(username=f"cv{i}", email=f"cv{i}@example.org", email_verified_at=now)
                                       for i in range(48)])
    voters = list(User.objects.filter(username__startswith="cv").order_by("pk"))
    pairs = [(u.pk, s.pk) for u in voters for s in subs]
    attempts = pairs + pairs[::3]          # every vote once, a third of them twice
    random.Random(4).shuffle(attempts)
    chunks = [attempts[i::8] for i in range(8)]
    results = []

    def run(chunk, base):
        from wsis.prizes.tests.voter_process import cast_here

        results.append(cast_here(chunk, base))

    threads = [threading.Thread(target=run, args=(chunks[i], i)) for i in range(4)]
    for t in threads:
        t.start()
    ctx = multiprocessing.get_context("spawn")
    from django.conf import settings

    from wsis.prizes.tests.voter_process import cast

    with ctx.Pool(4) as pool:
        outs = pool.starmap(cast, [(connection.settings_dict["NAME"], str(settings.DATA_DIR), chunks[i], 100 + i)
                                   for i in range(4, 8)])
    for t in threads:
        t.join()
    results += outs
    assert sum(len(r["other"]) for r in results) == 0, [r["other"] for r in results]
    assert sum(r["ok"] for r in results) == len(pairs)
    assert sum(r["duplicate"] for r in results) == len(attempts) - len(pairs)
    assert services.tally(contest) == {subs[0].pk: 48, subs[1].pk: 48}
    assert Vote.objects.count() == len(pairs)
