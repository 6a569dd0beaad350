"""Helpers shared by the WSIS Prizes tests."""

import datetime as dt

from django.utils import timezone

from conftest import sample
from wsis.accounts.models import User
from wsis.prizes import services
from wsis.stocktaking.services import activities_import

WORDS_170 = " ".join(["connectivity"] * 170)


def make_contest(admin, year=2026, phase="submission", now=None):
    now = now or timezone.now()
    day = dt.timedelta(days=1)
    offsets = {  # where `now` falls
        "submission": -1, "review": -11, "voting": -21, "selection": -31,
    }[phase]
    start = now + offsets * day
    dates = {"submission_opens": start, "submission_closes": start + 10 * day, "review_closes": start + 20 * day,
             "voting_opens": start + 20 * day, "voting_closes": start + 30 * day, "selection_closes": start + 40 * day}
    return services.contest_create(actor=admin, year=year, title=f"WSIS Prizes {year}", dates=dates)


def published_activity(people, ext, **over):
    activities_import(actor=people["admin"], items=[("t", sample(external_id=ext, **over))], publish=True)
    from wsis.stocktaking.models import Activity

    return Activity.objects.get(external_id=ext)


def shift(contest, phase):
    """Move the contest's dates so that now falls in `phase`."""
    now = timezone.now()
    day = dt.timedelta(days=1)
    start = now + {"submission": -1, "review": -11, "voting": -21, "selection": -31}[phase] * day
    contest.submission_opens, contest.submission_closes = start, start + 10 * day
    contest.review_closes, contest.voting_opens = start + 20 * day, start + 20 * day
    contest.voting_closes, contest.selection_closes = start + 30 * day, start + 40 * day
    contest.save()
    return contest


def voter(username, verified=True):
    u = User.objects.create_user(username, f"{username}@example.org", "pw-voter-123")
    if verified:
        u.email_verified_at = timezone.now()
        u.save()
    return u




