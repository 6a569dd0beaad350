"""Demo WSIS Prizes: one contest in each phase, built through the services with simulated clocks."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from wsis.accounts.models import User
from wsis.prizes import services
from wsis.prizes.models import Contest, Submission

DESCRIPTION = {
    "en": "This project connects communities that were offline, trains local people to run and maintain the service, "
          "and works with the regulator so that the model can be repeated elsewhere. ",
    "fr": "Ce projet connecte des communautés restées hors ligne, forme des personnes sur place à exploiter et "
          "entretenir le service, et travaille avec le régulateur pour que le modèle puisse être reproduit ailleurs. ",
    "es": "Este proyecto conecta comunidades que estaban desconectadas, capacita a personas del lugar para operar y "
          "mantener el servicio y trabaja con el regulador para que el modelo pueda replicarse en otros lugares. ",
}
PHASE_OF_YEAR = {2023: "results", 2024: "selection", 2025: "voting", 2026: "review", 2027: "submission", 2028: "announced"}


def _description(lang: str, rng: random.Random) -> str:
    base = DESCRIPTION[lang].split()
    words = []
    while len(words) < 160:
        words += base
    return " ".join(words[: rng.randint(155, 195)])


def _dates(phase: str, now):
    day = dt.timedelta(days=1)
    # Where "now" falls inside the contest calendar for each phase.
    start = now + {"announced": 10, "submission": -5, "review": -15, "voting": -25, "selection": -40, "results": -60}[phase] * day
    return {"submission_opens": start, "submission_closes": start + 10 * day, "review_closes": start + 20 * day,
            "voting_opens": start + 20 * day, "voting_closes": start + 35 * day, "selection_closes": start + 50 * day}


def load_demo_prizes(*, admin: User, reviewer: User) -> int:
    from wsis.stocktaking.models import Activity

    if Contest.objects.filter(is_demo=True).exists():
        return Contest.objects.filter(is_demo=True).count()
    rng = random.Random(2025)
    now = timezone.now().replace(microsecond=0)
    candidates = list(Activity.objects.filter(is_demo=True, state="published", revision_of__isnull=True,
                                              status__in=["ongoing", "completed"])
                      .prefetch_related("action_line_links__action_line").order_by("pk"))
    voters = []
    for i in range(40):
        u = User.objects.filter(username=f"voter{i:02d}").first() or User.objects.create_user(
            f"voter{i:02d}", f"voter{i:02d}@example.org", None, is_demo=True, email_verified_at=now)
        voters.append(u)
    used: set[int] = set()
    with transaction.atomic():
        for year, phase in PHASE_OF_YEAR.items():
            dates = _dates(phase, now)
            contest = services.contest_create(actor=admin, year=year, title=f"WSIS Prizes {year} (demo)",
                                              dates=dates, finalists_per_category=3, is_demo=True)
            services.expert_add(actor=admin, contest=contest, user=admin, is_chair=True)
            seat = services.expert_add(actor=admin, contest=contest, user=reviewer)
            if phase == "announced":
                continue
            cats = {c.code: c for c in contest.categories.all()}
            at = dates["submission_opens"] + dt.timedelta(hours=1)
            taken: set[tuple[int, int]] = set()
            subs = []
            for a in candidates:
                if a.pk in used or len(subs) >= 36:
                    continue
                line = next((link.action_line.code for link in a.action_line_links.all() if link.primary), None)
                cat = cats.get(line)
                if cat is None or (cat.pk, a.lead_organisation_id) in taken:
                    continue
                subs.append(services.submission_create(actor=admin, contest=contest, category=cat, activity=a,
                                                       description=_description(rng.choice(list(DESCRIPTION)), rng),
                                                       language="en", now=at))
                taken.add((cat.pk, a.lead_organisation_id))
                used.add(a.pk)
            if phase == "submission":
                continue
            at = dates["submission_closes"] + dt.timedelta(hours=1)
            for s in subs:
                if not services.has_conflict(seat, s):
                    services.score_set(actor=reviewer, submission=s, value=rng.randint(4, 10), now=at)
            services.nominate(actor=admin, submissions=[s for s in subs if rng.random() < 0.8], now=at)
            if phase == "review":
                continue
            nominated = list(Submission.objects.filter(contest=contest, state="nominated").select_related("contest"))
            by_cat: dict[int, list[Submission]] = {}
            for s in nominated:
                by_cat.setdefault(s.category_id, []).append(s)
            vote_time = dates["voting_opens"]
            for v in voters:
                for _cat, options in by_cat.items():
                    if rng.random() < 0.7:
                        vote_time += dt.timedelta(minutes=7)
                        if vote_time >= min(now, dates["voting_closes"]):
                            break
                        services.vote_cast(voter=v, submission=rng.choice(options), address=f"192.0.2.{rng.randint(1, 200)}",
                                           now=vote_time)
            if phase == "voting":
                continue
            at = dates["voting_closes"] + dt.timedelta(hours=1)
            chosen = services.finalists_select(actor=admin, contest=contest, now=at)
            if phase == "selection":
                continue
            for ids in chosen.values():
                if ids:
                    services.winner_choose(actor=admin, submission=Submission.objects.get(pk=ids[0]), now=at)
            services.results_publish(actor=admin, contest=contest, now=at)
    return len(PHASE_OF_YEAR)
