"""The figures of the public home page and of a signed-in person's "My work" page.

This module sits in the reports layer because, like a report, it reads every domain below it (statistics,
registry, partnerships, planning, prizes) and only reads: the web and API layers above call it, nothing
below knows it. Every public figure is what an anonymous visitor may see on the figure's own page
(published activities, public amounts, active plans), never a draft.

The public dashboard is cached per language. The key holds a stamp of what the figures are made of (the
latest statistics release, the latest activity change, the latest funding flow, the latest progress update,
the prize contests, today's date), so any import, publication or decision shows at once; edits that leave
no stamp (a milestone's date, an exchange rate) show within `CACHE_SECONDS`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wsis.core.errors import NotFound
from wsis.core.i18n import pick, prefetch_translations
from wsis.partnerships.codes import OPEN_REQUEST_STATES
from wsis.partnerships.funding import selectors as funding
from wsis.partnerships.models import Flow
from wsis.planning import reminders as plan_reminders
from wsis.planning import selectors as planning
from wsis.planning import status as plan_status
from wsis.planning.models import Output, ProgressUpdate
from wsis.prizes.models import PHASES, Contest, Submission
from wsis.reference.models import ActionLine
from wsis.statistics import selectors as stats
from wsis.statistics.divide import people_offline
from wsis.stocktaking import selectors as registry
from wsis.stocktaking.models import Activity, ActivityFacet

INTERNET = "INTERNET_USERS"
CACHE_SECONDS = 300
LATEST = 8
TOP_BARS = 8


# ---------------------------------------------------------------------------------------------- public figures

def version(today: dt.date | None = None) -> str:
    """The stamp of what the public figures are made of (a few aggregate queries): a cache key part."""
    return _stamp(today or timezone.localdate())


def _stamp(today: dt.date) -> str:
    # The statistics part is the group figures' own data version (releases and memberships: coverage
    # counts members), so both caches turn over on the same events.
    act = Activity.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    flow = Flow.objects.aggregate(n=Count("id"), last=Max("id"))
    upd = ProgressUpdate.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    con = Contest.objects.aggregate(n=Count("id"), last=Max("results_published_at"))
    parts = [today, stats.data_version(), *act.values(), *flow.values(), *upd.values(), *con.values()]
    return "|".join(str(p) for p in parts).replace(" ", "_")


def dashboard(language: str, *, now: dt.datetime | None = None, use_cache: bool = True,
              stamp: str | None = None) -> dict:
    """Every headline figure of the home page, each with its year, its coverage and its trend. `stamp`: the
    caller's `version()` of the same moment, so the stamp queries run once per page."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    key = f"wsis:dashboard:{language}:{stamp or _stamp(today)}"
    if use_cache:
        hit = cache.get(key)
        if hit is not None:
            return hit
    with translation.override(language):
        internet, offline = _internet()
        data = {
            "as_of": today,
            "internet": internet,
            "offline": offline,
            "activities": _activities(language, today),
            "funding": _funding(),
            "plan": _plan(language, today),
            "prizes": _prizes(now),
            "latest": latest_activities(language),
        }
    if use_cache:
        cache.set(key, data, CACHE_SECONDS)
    return data


def _empty(code: str, label: str) -> dict:
    return {"code": code, "label": label, "value": None, "year": None, "unit": "", "coverage": None,
            "reported": None, "members": None, "trend": [], "source": ""}


def _internet() -> tuple[dict, dict]:
    """The world's share of people using the Internet, and people offline, in the latest year whose world
    figure is published (enough economies report it; see the aggregation's minimum coverage)."""
    internet = _empty(INTERNET, _("People using the Internet"))
    offline = _empty("OFFLINE", _("People offline"))
    try:
        ind = stats.indicator_get(INTERNET)
    except NotFound:  # no catalogue yet: the cards say "no data"
        return internet, offline
    rows = [r for r in stats.aggregates(ind, groups=[stats.WORLD]) if r["group"] == stats.WORLD]
    published = [r for r in rows if r["value"] is not None]
    internet.update(unit="%", source=ind.source)
    offline.update(unit="people", source=ind.source)
    if not published:
        return internet, offline
    last = max(published, key=lambda r: r["year"])
    internet.update(value=last["value"], year=last["year"], coverage=last["coverage"], reported=last["n_reported"],
                    members=last["n_members"], trend=[(r["year"], r["value"]) for r in sorted(published, key=lambda r: r["year"])])
    if ind.weight_id:
        pops = {r["year"]: r["value"] for r in stats.aggregates(ind.weight, groups=[stats.WORLD])
                if r["group"] == stats.WORLD and r["value"] is not None}
        trend = [(r["year"], people_offline(pops[r["year"]], r["value"])) for r in published if r["year"] in pops]
        trend.sort()
        if trend:
            year, value = trend[-1]
            src = next(r for r in published if r["year"] == year)
            offline.update(value=value, year=year, coverage=src["coverage"], reported=src["n_reported"],
                           members=src["n_members"], trend=trend)
    return internet, offline


def _published():
    return Activity.objects.filter(registry.visible(None)).exclude(state="merged")


def _activities(language: str, today: dt.date) -> dict:
    """Activities published this year, by ITU region and by action line, and activities published per year."""
    qs = _published()
    per_year = dict(qs.filter(published_at__isnull=False).values_list("published_at__year").annotate(n=Count("id"))
                    .values_list("published_at__year", "n"))
    year = today.year
    ids = qs.filter(published_at__year=year).values("id")
    counts = {"region": Counter(), "line": Counter()}
    for facet, code, n in (ActivityFacet.objects.filter(activity_id__in=ids, facet__in=["region", "line"])
                           .values("facet", "code").annotate(n=Count("activity_id", distinct=True))
                           .values_list("facet", "code", "n")):
        counts[facet][code] = n
    labels = registry._labels(language, {"region": list(counts["region"].items())})
    # The eighteen main action lines: the C7 sub-lines count in C7 already.
    lines = {a.code: pick(a, "name", language)
             for a in prefetch_translations(ActionLine.objects.filter(parent__isnull=True), language)}
    counts["line"] = Counter({c: n for c, n in counts["line"].items() if c in lines})

    def bars(facet, name):
        rows = sorted(counts[facet].items(), key=lambda kv: (-kv[1], kv[0]))
        top = max((n for _c, n in rows), default=0)
        return [{"code": c, "label": name(c), "count": n, "share": round(100 * n / top, 1) if top else 0}
                for c, n in rows]

    by_region = bars("region", lambda c: labels.get(("region", c), c))
    by_line = bars("line", lambda c: f"{c} {lines.get(c, '')}".strip())
    return {"year": year, "count": per_year.get(year, 0), "total": qs.count(),
            "trend": sorted((y, float(n)) for y, n in per_year.items() if y <= year),
            "by_region": by_region, "by_line": by_line[:TOP_BARS], "lines_more": max(0, len(by_line) - TOP_BARS)}


def _funding() -> dict:
    """Committed funding in US dollars over the public flows, with the commitments of each year."""
    summary = funding.funding_summary(None)
    years = sorted((r["code"], float(r["commitment"])) for r in summary["breakdown"].get("year", []))
    return {"committed": float(summary["total"]["commitment"]), "disbursed": float(summary["total"]["disbursement"]),
            "currency": "USD", "flows": summary["flows"], "confidential": summary["confidential"],
            "without_rate": sum(m["flows"] for m in summary["missing"]),
            "year": years[-1][0] if years else None, "trend": years}


def _plan(language: str, today: dt.date) -> dict:
    """The current operational plan's outputs by status, as the plan page computes them today."""
    plan = planning.current_plan(None)
    if plan is None:
        return {"code": None, "title": "", "outputs": 0, "by_status": [], "as_of": today}
    view = planning.evaluate(plan, language=language, today=today)
    counts = Counter(o.status for ob in view.objectives for o in ob.outputs)
    total = sum(counts.values())
    return {"code": plan.code, "title": view.title, "outputs": total, "as_of": today,
            "by_status": [{"code": s, "label": planning.status_label(s), "count": counts[s],
                           "share": round(100 * counts[s] / total, 1) if total else 0}
                          for s in plan_status.STATUSES if counts.get(s)]}


NEXT_STEP = {
    "announced": ("submission_opens", gettext_lazy("Submissions open")),
    "submission": ("submission_closes", gettext_lazy("Submissions close")),
    "review": ("voting_opens", gettext_lazy("Public voting opens")),
    "voting": ("voting_closes", gettext_lazy("Public voting closes")),
    "selection": ("selection_closes", gettext_lazy("Winners are selected")),
}


def _prizes(now: dt.datetime) -> dict:
    """The contest of the year (or the latest), its phase and the date of its next step."""
    contests = list(Contest.objects.order_by("-year"))
    if not contests:
        return {"year": None, "title": "", "phase": None, "phase_label": "", "steps": [], "next": None, "next_label": "",
                "submissions": 0}
    contest = next((c for c in contests if c.year <= now.year + 1 and c.submission_opens <= now), contests[-1])
    upcoming = [c for c in contests if c.submission_opens > now]
    if upcoming and contest.phase(now) == "results":
        contest = min(upcoming, key=lambda c: c.submission_opens)
    phase = contest.phase(now)
    step = NEXT_STEP.get(phase)
    order = list(PHASES)
    steps = [{"code": c, "label": str(PHASES[c]), "current": c == phase, "done": order.index(c) < order.index(phase)}
             for c in order if c != "announced"]
    return {"year": contest.year, "title": contest.title, "phase": phase, "phase_label": str(PHASES[phase]),
            "steps": steps,
            "next": getattr(contest, step[0]) if step else None, "next_label": str(step[1]) if step else "",
            "submissions": Submission.objects.filter(contest=contest).exclude(state="withdrawn").count()}


def latest_activities(language: str, limit: int = LATEST) -> list[dict]:
    """The latest published activities, newest first."""
    return registry.page(None, registry.Filters(sort="-published"), language=language, limit=limit)["results"]


def map_year(indicator) -> int | None:
    """The latest year the indicator has values for economies (the home page's map)."""
    span = stats.year_span(indicator, stats.total_dims(indicator))
    return span[1] if span else None


# ---------------------------------------------------------------------------------------------- my work

def _activity_rows(qs, language: str, limit: int = 5) -> dict:
    n = qs.count()
    rows = registry.list_rows(list(qs.order_by("-updated_at", "-id")[:limit]), language) if n else []
    return {"count": n, "rows": rows}


def my_work(user, language: str) -> dict:
    """What a signed-in person has to do: each group with a count, the first few items, and where to go."""
    from wsis.partnerships.cooperation import selectors as coop
    from wsis.planning import permissions as plan_perms
    from wsis.prizes import permissions as prize_perms
    from wsis.stocktaking import permissions as act_perms

    out: dict = {}
    org = user.organisation_id
    may_create = act_perms.can_activity_create(user)
    # The organisation's activities (the registry's "mine"), or, for a person without one, those they created;
    # always within what the registry lets this person see.
    mine = Activity.objects.filter(registry.visible(user)).filter(
        Q(lead_organisation_id=org) if org else Q(created_by=user))
    out["can_create"] = may_create
    out["drafts"] = _activity_rows(mine.filter(state="draft"), language)
    out["returned"] = _activity_rows(mine.filter(state="returned"), language)
    out["submitted"] = _activity_rows(mine.filter(state__in=["submitted", "in_review"]), language)
    # Review: the activities in the review queue this person may see (a regional reviewer sees their region).
    out["review"] = None
    if _is_reviewer(user):
        queue = registry.filtered(user, registry.review_queue(user))
        out["review"] = _activity_rows(queue, language)
    decide = planning.review_queue(user) if plan_perms.can_update_decide(user) else None
    out["plan_review"] = None if decide is None else {"count": len(decide), "rows": [
        {"pk": u.pk, "output_pk": u.output_id, "output": u.output.code, "title": pick(u.output, "title", language), "period": u.period.code,
         "office": u.output.office.acronym or u.output.office.name} for u in decide[:5]]}
    reminders = plan_reminders.reminder_list(user, unread_only=True)
    with translation.override(language):
        out["reminders"] = {"count": len(reminders), "rows": [
            {"pk": r.pk, "text": plan_reminders.reminder_text(r)} for r in reminders[:5]]}
    out["updates_due"] = _updates_due(user, language)
    requests = coop.requests_visible(user).filter(state__in=OPEN_REQUEST_STATES)
    out["requests"] = {"count": requests.count(), "rows": [
        {"pk": r.pk, "title": r.title, "state": r.get_state_display()} for r in requests.order_by("-id")[:5]]} \
        if _has_requests(user) else None
    out["prizes"] = _prize_work(user, prize_perms)
    groups = [k for k in ("drafts", "returned", "submitted", "review", "plan_review", "reminders", "updates_due",
                          "requests", "prizes") if out.get(k) is not None]
    out["total"] = sum(out[k]["count"] for k in groups if k != "submitted")
    return out


def _is_reviewer(user) -> bool:
    from wsis.accounts.models import Role
    from wsis.accounts.permissions import is_bdt_admin, roles_of

    return is_bdt_admin(user) or any(r.role == Role.REVIEWER for r in roles_of(user))


def _has_requests(user) -> bool:
    from wsis.accounts.models import Role
    from wsis.accounts.permissions import roles_of
    from wsis.partnerships import permissions as pp

    return pp.is_bdt_staff(user) or any(r.role in (Role.FOCAL_POINT, Role.REGIONAL_OFFICER) for r in roles_of(user))


def _updates_due(user, language: str) -> dict | None:
    """Plan outputs of the person's office whose progress update for the open period is not yet submitted."""
    if not user.organisation_id:
        return None
    plan = planning.current_plan(user)
    if plan is None:
        return None
    today = timezone.localdate()
    outputs = list(prefetch_translations(
        Output.objects.filter(objective__plan=plan, office_id=user.organisation_id), language))
    if not outputs:
        return None
    rows = []
    for o in outputs:
        period = planning.open_period(plan, today, o)
        if period is not None:
            rows.append({"pk": o.pk, "output": o.code, "title": pick(o, "title", language), "period": period.code,
                         "due": period.end})
    return {"count": len(rows), "rows": rows[:5]}


def _prize_work(user, prize_perms) -> dict | None:
    """Submissions waiting for nomination in a contest under expert review, for its experts and BDT."""
    now = timezone.now()
    contests = [c for c in Contest.objects.order_by("-year") if c.phase(now) == "review"]
    contests = [c for c in contests if prize_perms.is_insider(user, c)]
    if not contests:
        return None
    rows = [{"year": c.year, "title": c.title,
             "count": Submission.objects.filter(contest=c, state="submitted").count(),
             "closes": c.review_closes} for c in contests]
    return {"count": sum(r["count"] for r in rows), "rows": rows}
