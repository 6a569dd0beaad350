"""Reads of the WSIS Prizes: contest overviews, ballots, expert worklists, results (also for reports)."""

from django.db.models import Avg, Count, Prefetch, Q

from wsis.core.errors import NotFound
from wsis.core.i18n import pick, prefetch_translations
from wsis.prizes import permissions
from wsis.prizes.models import SUBMISSION_STATES, Category, Contest, Submission, Vote
from wsis.reference.models import ActionLine
from wsis.stocktaking.models import Activity, ActivityFacet
from wsis.stocktaking.selectors import activity_text

# What the public sees of a contest's entries: the shortlist and later.
PUBLIC_STATES = ["nominated", "finalist", "winner", "champion"]


def contest_get(year: int) -> Contest:
    contest = Contest.objects.filter(year=year).first()
    if contest is None:
        raise NotFound(f"No WSIS Prizes contest for {year}.")
    return contest


def contest_list(now=None) -> list[dict]:
    return [{"year": c.year, "title": c.title, "phase": c.phase(now), "phase_label": c.phase_label(now),
             "submission_opens": c.submission_opens.isoformat(), "voting_opens": c.voting_opens.isoformat(),
             "voting_closes": c.voting_closes.isoformat(), "is_demo": c.is_demo} for c in Contest.objects.all()]


def line_names(language: str) -> dict[str, str]:
    return {a.code: pick(a, "name", language) for a in prefetch_translations(ActionLine.objects.all(), language)}


def _regions(activity_ids) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for aid, code in ActivityFacet.objects.filter(activity_id__in=activity_ids, facet="region").values_list("activity_id", "code"):
        out.setdefault(aid, []).append(code)
    return out


def submission_rows(contest: Contest, language: str, *, states=None, category: str | None = None,
                    region: str | None = None, with_votes: bool = False) -> list[dict]:
    qs = (Submission.objects.filter(contest=contest).select_related("category", "organisation", "activity")
          .prefetch_related("activity__translations"))
    if states:
        qs = qs.filter(state__in=states)
    if category:
        qs = qs.filter(category__code=category)
    # Meta.ordering does not apply once the query groups (annotate): the order is explicit.
    qs = qs.annotate(valid_votes=Count("votes", filter=Q(votes__invalidated_at__isnull=True), distinct=True),
                     mean_score=Avg("scores__value")).order_by("category__order", "id")
    subs = list(qs)
    regions = _regions([s.activity_id for s in subs])
    names = line_names(language)
    rows = []
    for s in subs:
        r = regions.get(s.activity_id, [])
        if region and region not in r:
            continue
        row = {"id": s.pk, "category": s.category.code, "category_name": names.get(s.category.code, s.category.code),
               "activity": s.activity_id, "title": activity_text(s.activity, "title", language),
               "organisation": s.organisation.name, "regions": sorted(r), "state": s.state,
               "state_label": str(SUBMISSION_STATES[s.state]), "description": s.description, "language": s.language}
        if with_votes:
            row["votes"] = s.valid_votes
            row["score"] = round(s.mean_score, 2) if s.mean_score is not None else None
        rows.append(row)
    return rows


def ballot(contest: Contest, voter, language: str) -> list[dict]:
    """Categories with their nominated projects and the voter's own choice, if any."""
    mine = dict(contest.votes.filter(voter=voter).values_list("category_id", "submission_id")) if voter else {}
    names = line_names(language)
    subs = submission_rows(contest, language, states=["nominated"])
    out = []
    for cat in Category.objects.filter(contest=contest):
        out.append({"id": cat.pk, "code": cat.code, "name": names.get(cat.code, cat.code),
                    "voted_for": mine.get(cat.pk), "submissions": [s for s in subs if s["category"] == cat.code]})
    return [c for c in out if c["submissions"]]


def _text_in(translations, field: str, language: str, original: str) -> tuple[str, str]:
    """A text in the reader's language, else the original's, else English, else any: with the language it is in."""
    by_lang = {t.language: t for t in translations}
    for lang in (language, original, "en"):
        t = by_lang.get(lang)
        if t is not None and getattr(t, field):
            return getattr(t, field), lang
    for t in translations:
        if getattr(t, field):
            return getattr(t, field), t.language
    return "", language


def ballot_cards(contest: Contest, voter, language: str) -> list[dict]:
    """The ballot as project cards: `ballot`'s categories, choices and the voter's own vote, each project with
    its title and summary in the reader's language where it has them (else in its original language, named by
    `title_lang`/`summary_lang` so the page can mark it), its organisation and its economies by their names in the
    reader's language."""
    from wsis.reference.models import Economy

    categories = ballot(contest, voter, language)
    ids = [s["id"] for c in categories for s in c["submissions"]]
    subs = {s.pk: s for s in Submission.objects.filter(pk__in=ids).select_related("activity", "organisation")
            .prefetch_related("activity__translations",
                              Prefetch("activity__economies", queryset=prefetch_translations(
                                  Economy.objects.order_by("iso3"), language)))}
    for cat in categories:
        cards = []
        for row in cat["submissions"]:
            sub = subs[row["id"]]
            a = sub.activity
            translations = list(a.translations.all())
            title, title_lang = _text_in(translations, "title", language, a.original_language)
            summary, summary_lang = _text_in(translations, "summary", language, a.original_language)
            if not summary:  # the entry's own description, in the language it was written in
                summary, summary_lang = sub.description, sub.language
            economies = sorted(pick(e, "name", language) or e.iso3 for e in a.economies.all())
            cards.append({
                "id": sub.pk, "activity": a.pk, "title": title, "title_lang": title_lang, "summary": summary,
                "summary_lang": summary_lang, "organisation": sub.organisation.name, "economies": economies,
                "category": cat["code"], "category_name": cat["name"], "regions": row["regions"],
            })
        cat["cards"] = cards
    return categories


def results(contest: Contest, language: str, *, region: str | None = None, include_votes: bool = True) -> list[dict]:
    """Winners and champions per category (published results only), for pages, exports and reports."""
    if not contest.results_published_at:
        return []
    rows = submission_rows(contest, language, states=["winner", "champion"], region=region, with_votes=include_votes)
    order = dict(contest.categories.values_list("code", "order"))
    rows.sort(key=lambda r: (order.get(r["category"], 0), r["state"] != "winner", -r.get("votes", 0)))
    return rows


def submission_get(pk: int, contest: Contest | None = None) -> Submission:
    qs = Submission.objects.select_related("contest", "category", "activity").filter(pk=pk)
    if contest is not None:
        qs = qs.filter(contest=contest)
    sub = qs.first()
    if sub is None:
        raise NotFound(f"No prize submission #{pk}.")
    return sub


def submissions_in(contest: Contest, ids: list[int]) -> list[Submission]:
    """The contest's entries among `ids`; NotFound when one of them is not in it."""
    subs = list(Submission.objects.filter(contest=contest, pk__in=ids).select_related("contest"))
    if len(subs) != len(set(ids)):
        raise NotFound("Some submissions are not in this contest.")
    return subs


def votes_get(ids: list[int]) -> list[Vote]:
    return list(Vote.objects.filter(pk__in=ids))


def category_get(contest: Contest, code: str) -> Category:
    category = contest.categories.filter(code=code).first()
    if category is None:
        raise NotFound(f"No category {code!r} in the {contest.year} contest.")
    return category


def category_codes(contest: Contest) -> list[str]:
    return list(contest.categories.values_list("code", flat=True))


def eligible_activities(user):
    """The activities the user's organisation may enter: its published originals (the service checks the rest)."""
    return (Activity.objects.filter(state="published", revision_of__isnull=True,
                                    lead_organisation_id=getattr(user, "organisation_id", None) or -1)
            .prefetch_related("translations"))


def eligible_activity(user, pk: int):
    activity = eligible_activities(user).filter(pk=pk).first()
    if activity is None:
        raise NotFound(f"Activity #{pk} is not one of your organisation's published activities.")
    return activity


def activity_get(pk: int):
    """Any activity, for the API's entry (the service decides whether the caller may enter it)."""
    activity = Activity.objects.filter(pk=pk).first()
    if activity is None:
        raise NotFound(f"No activity #{pk}.")
    return activity


def submission_list(contest: Contest, viewer, language: str, *, category: str | None = None) -> list[dict]:
    """A contest's entries as the viewer may see them: insiders every entry with votes and scores, the public
    the shortlist and later."""
    insider = viewer is not None and permissions.is_insider(viewer, contest)
    return submission_rows(contest, language, category=category, states=None if insider else PUBLIC_STATES,
                           with_votes=insider)
