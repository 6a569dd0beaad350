"""Site search: one query over activities, economies, indicators, organisations, action lines and SDG targets,
contributions and plan outputs, answered as groups (kind, count, the first hits, a link to the full list).

Each group reads through its own app's rule of who sees what (`stocktaking.selectors.visible` for activities,
`planning.permissions.can_plan_view` for plan outputs; the other kinds are public), so the search shows nothing
a viewer could not open. Activities go through the registry's own search index (word forms included) and are
counted and cut in the database; the small catalogues (economies, frameworks, indicators) are matched in
memory against their names in the six languages, cached per process and refreshed when their rows change.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wsis.core.bounds import SEARCH_QUERY_MAX
from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.words import folded_query, matches, query_forms, text_words

KINDS = {
    "economies": _("Economies"),
    "activities": _("Activities"),
    "frameworks": _("Action lines and SDG targets"),
    "indicators": _("Indicators"),
    "organisations": _("Organisations"),
    "contributions": _("Contributions"),
    "plan_outputs": _("Plan outputs"),
}
LIMIT_MAX = 50
SUGGEST_LIMIT = 5
PAGE_LIMIT = 20
# Economies whose names the query matches this well or better also bring their activities.
ECONOMY_ACTIVITIES_MAX = 3
CACHE_SECONDS = 300


@dataclass
class Hit:
    title: str
    url: str
    context: str = ""
    code: str = ""
    lang: str = ""  # the language of the title when it is not the page's
    summary: str = ""  # a sentence of the record's own text (the results page shows it, suggestions do not)
    score: int = 0

    @property
    def context_parts(self) -> list[str]:
        """The context's pieces, each isolated on the page so that mixed scripts keep their order."""
        return [p for p in self.context.split(" · ") if p]


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit] = field(default_factory=list)
    more_url: str = ""


def clean_query(q: str | None) -> str:
    q = " ".join((q or "").split())
    if not q:
        raise ValidationFailed([ErrorItem("required", "Type a word to search for.", field="q")])
    if len(q) > SEARCH_QUERY_MAX:
        raise ValidationFailed([ErrorItem("too_long", f"Search for at most {SEARCH_QUERY_MAX} characters.", field="q")])
    return q


def clean_kinds(kinds) -> list[str]:
    if not kinds:
        return list(KINDS)
    items = [k.strip() for raw in ([kinds] if isinstance(kinds, str) else kinds) for k in str(raw).split(",") if k.strip()]
    unknown = [k for k in items if k not in KINDS]
    if unknown:
        raise ValidationFailed([ErrorItem("invalid_choice", f"Unknown kind '{unknown[0]}'; use any of {', '.join(KINDS)}.",
                                          field="kinds")])
    return [k for k in KINDS if k in items]


def search(viewer, q: str, *, language: str, kinds=None, limit: int = PAGE_LIMIT) -> dict:
    """The groups of a search, in a fixed order, empty groups left out; `limit` hits per group at most."""
    q = clean_query(q)
    wanted = clean_kinds(kinds)
    limit = max(1, min(int(limit), LIMIT_MAX))
    query = _Query(q)
    groups: list[Group] = []
    with translation.override(language):
        economies = _economies(query, language) if ("economies" in wanted or "activities" in wanted) else []
        for kind in wanted:
            if kind == "economies":
                g = _group(kind, economies, limit, reverse("web:economies"))
            elif kind == "activities":
                g = _activities(viewer, query, language, limit, economies)
            elif kind == "frameworks":
                g = _group(kind, _frameworks(query, language), limit, reverse("web:action_lines"))
            elif kind == "indicators":
                g = _group(kind, _indicators(query, language), limit, reverse("web:stats"))
            elif kind == "organisations":
                g = _group(kind, _organisations(query), limit,
                           reverse("web:organisations") + "?" + urlencode({"q": q}))
            elif kind == "contributions":
                g = _contributions(query, limit)
            else:
                g = _group(kind, _plan_outputs(viewer, query, language), limit, "")
            if g.count:
                groups.append(g)
    return {"q": q, "lang": language, "total": sum(g.count for g in groups), "groups": groups}


class _Query:
    def __init__(self, text: str):
        self.text = text
        self.forms = query_forms(text)
        self.folded = folded_query(text)

    def score(self, *texts: str) -> int:
        return self.best([prepare(t) for t in texts if t])[0]

    def best(self, prepared) -> tuple[int, str]:
        """The best score over prepared texts (see `prepare`) and the text that earned it."""
        score, text = 0, ""
        for t, words, folded in prepared:
            s = matches(self.forms, words, folded, self.folded)
            if s > score:
                score, text = s, t
        return score, text


def prepare(text: str) -> tuple[str, list[str], str]:
    words, folded = text_words(text)
    return text, words, folded


def _group(kind: str, hits: list[Hit], limit: int, more_url: str) -> Group:
    hits = sorted(hits, key=lambda h: (-h.score, h.title.casefold()))
    return Group(kind, str(KINDS[kind]), len(hits), hits[:limit], more_url if len(hits) > limit else "")


# ---------------------------------------------------------------------------------------------- catalogues

_cache: dict[str, tuple[float, tuple, list]] = {}


def _cached(name: str, version, load):
    """Rows of a small catalogue kept for a few minutes and reloaded as soon as its version (count, last id) moves."""
    now = time.monotonic()
    hit = _cache.get(name)
    if hit and hit[1] == version and now - hit[0] < CACHE_SECONDS:
        return hit[2]
    rows = load()
    _cache[name] = (now, version, rows)
    return rows


def _version(qs):
    return tuple(qs.aggregate(n=Count("pk"), last=Max("pk")).values())


def _names(rows, language: str) -> tuple[str, str]:
    """The name in the reader's language (English, then any, as fallbacks) and the language it is in."""
    by_lang = dict(rows)
    for lang in (language, "en"):
        if by_lang.get(lang):
            return by_lang[lang], lang
    for lang, name in rows:
        if name:
            return name, lang
    return "", ""


def _economy_rows() -> list[dict]:
    from wsis.reference.models import Economy, EconomyTranslation

    def load():
        names: dict[int, list[tuple[str, str]]] = {}
        for eco_id, lang, name in EconomyTranslation.objects.values_list("economy_id", "language", "name"):
            names.setdefault(eco_id, []).append((lang, name))
        return [{"iso3": iso3, "iso2": iso2 or "", "names": names.get(pk, []),
                 "index": [prepare(n) for _l, n in names.get(pk, []) if n]}
                for pk, iso3, iso2 in Economy.objects.values_list("pk", "iso3", "iso2")]

    return _cached("economies", _version(EconomyTranslation.objects) + _version(Economy.objects), load)


def _economies(query: _Query, language: str) -> list[Hit]:
    hits = []
    upper = query.text.upper()
    for row in _economy_rows():
        score, best_name = query.best(row["index"])
        if upper in (row["iso3"], row["iso2"]):
            score = 3
        if not score:
            continue
        title, lang = _names(row["names"], language)
        context = row["iso3"]
        if best_name and best_name != title:
            context = f"{best_name} · {row['iso3']}"
        hits.append(Hit(title=title or row["iso3"], url=reverse("web:economy", args=[row["iso3"]]), context=context,
                        code=row["iso3"], lang=lang if lang != language else "", score=score))
    return hits


def _framework_rows() -> list[dict]:
    from wsis.reference.models import (
        ActionLine,
        ActionLineTranslation,
        SdgGoal,
        SdgTarget,
        SdgTargetTranslation,
    )

    def load():
        rows = []
        names: dict[int, list] = {}
        for pk, lang, name in ActionLineTranslation.objects.values_list("action_line_id", "language", "name"):
            names.setdefault(pk, []).append((lang, name))
        for pk, code in ActionLine.objects.values_list("pk", "code"):
            rows.append({"kind": "line", "code": code, "names": names.get(pk, []), "goal": None})
        for row in rows:
            row["index"] = [prepare(n) for _l, n in row["names"] if n]
        goals: dict[int, list] = {}
        for g in SdgGoal.objects.prefetch_related("translations"):
            goals[g.number] = [(t.language, t.short) for t in g.translations.all()]
            rows.append({"kind": "goal", "code": str(g.number), "names": [
                *goals[g.number], *[(t.language, t.title) for t in g.translations.all() if t.title]], "goal": g.number})
        tnames: dict[int, list] = {}
        for pk, lang, title in SdgTargetTranslation.objects.values_list("target_id", "language", "title"):
            tnames.setdefault(pk, []).append((lang, title))
        for pk, code, number in SdgTarget.objects.values_list("pk", "code", "goal__number"):
            rows.append({"kind": "target", "code": code, "names": tnames.get(pk, []), "goal": number})
        for row in rows:
            row["index"] = [prepare(n) for _l, n in row["names"] if n]
        return rows

    return _cached("frameworks", _version(ActionLineTranslation.objects) + _version(SdgTargetTranslation.objects), load)


def _frameworks(query: _Query, language: str) -> list[Hit]:
    hits = []
    code = query.text.casefold().removeprefix("sdg").strip()
    for row in _framework_rows():
        score = 3 if code == row["code"].casefold() else query.best(row["index"])[0]
        if not score:
            continue
        title, lang = _names(row["names"], language)
        if row["kind"] == "line":
            url = reverse("web:action_lines") + f"#line-{row['code']}"
            label = str(_("Action line %(code)s")) % {"code": row["code"]}
        elif row["kind"] == "goal":
            url = reverse("web:sdg_goal", args=[row["goal"]])
            label = str(_("SDG %(code)s")) % {"code": row["code"]}
        else:
            url = reverse("web:sdg_goal", args=[row["goal"]]) + f"#t{row['code']}"
            label = str(_("SDG target %(code)s")) % {"code": row["code"]}
        hits.append(Hit(title=Truncator(title).chars(140) or row["code"], url=url, context=label, code=row["code"],
                        lang=lang if lang != language else "", score=score))
    return hits


def _indicator_rows() -> list[dict]:
    from wsis.statistics.models import Indicator, IndicatorTranslation

    def load():
        names: dict[int, list] = {}
        for pk, lang, name in IndicatorTranslation.objects.values_list("indicator_id", "language", "name"):
            names.setdefault(pk, []).append((lang, name))
        return [{"code": code, "unit": unit, "aliases": aliases or [], "names": names.get(pk, []),
                 "index": [prepare(n) for _l, n in names.get(pk, []) if n]}
                for pk, code, unit, aliases in Indicator.objects.values_list("pk", "code", "unit", "aliases")]

    return _cached("indicators", _version(IndicatorTranslation.objects) + _version(Indicator.objects), load)


def _indicators(query: _Query, language: str) -> list[Hit]:
    hits = []
    folded = query.text.casefold()
    for row in _indicator_rows():
        codes = [row["code"], *row["aliases"]]
        score = 3 if folded in (c.casefold() for c in codes) else query.best(row["index"])[0]
        if not score:
            continue
        title, lang = _names(row["names"], language)
        hits.append(Hit(title=title or row["code"], url=reverse("web:stats_indicator", args=[row["code"]]),
                        context=" · ".join(x for x in (row["code"], row["unit"]) if x), code=row["code"],
                        lang=lang if lang != language else "", score=score))
    return hits


# ---------------------------------------------------------------------------------------------- records

def _organisations(query: _Query) -> list[Hit]:
    """Organisations are public records (their pages are open to everyone); names are matched as typed in any script."""
    from wsis.accounts.models import Organisation, OrganisationKind

    labels = dict(OrganisationKind.choices)
    hits = []
    folded = query.text.casefold()
    for pk, name, acronym, kind in Organisation.objects.values_list("pk", "name", "acronym", "kind").iterator():
        score = 3 if acronym and acronym.casefold() == folded else query.score(name, acronym)
        if score:
            hits.append(Hit(title=name, url=reverse("web:organisation", args=[pk]),
                            context=" · ".join(str(x) for x in (acronym, labels.get(kind, kind)) if x), score=score))
    return hits


def _activities(viewer, query: _Query, language: str, limit: int, economies: list[Hit]) -> Group:
    """Activities the viewer may see whose texts match (word forms included), and those of the economies whose
    names the query is (Кения → every activity in Kenya): counted and cut in the database."""
    from wsis.stocktaking import schema
    from wsis.stocktaking.models import Activity
    from wsis.stocktaking.selectors import Filters, filtered, list_rows, visible

    rule = visible(viewer)
    text_ids = filtered(viewer, Filters(q=query.text), rule=rule).values("pk")
    # The economies the query names: by a whole name or code, or the one economy a word form or prefix fits
    # ("Кении", "keny"); a prefix that fits many economies ("ma") names none of them.
    codes = sorted(h.code for h in economies if h.score == 3)[:ECONOMY_ACTIVITIES_MAX]
    if not codes:
        partial = [h.code for h in economies if h.score == 2]
        codes = partial if len(partial) == 1 else []
    cond = Q(pk__in=text_ids)
    if codes:
        cond |= Q(pk__in=filtered(viewer, Filters(values={"economy": codes}), rule=rule).values("pk"))
    qs = Activity.objects.filter(cond)
    count = qs.count()
    rows = list(qs.order_by("-published_at", "-id")[:limit]) if count else []
    hits = []
    for r in list_rows(rows, language):
        bits = [str(schema.KINDS.get(r["kind"], r["kind"])), r["lead_organisation"], ", ".join(r["economies"][:5])]
        if r["state"] != "published":
            bits.insert(0, str(schema.STATES.get(r["state"], r["state"])))
        hits.append(Hit(title=r["title"] or f"#{r['id']}", url=reverse("web:activity", args=[r["id"]]),
                        context=" · ".join(b for b in bits if b), code=str(r["id"]),
                        summary=Truncator(r["summary"]).chars(200)))
    params = [("economy", c) for c in codes] if codes and len(codes) == 1 and not _text_only_more(text_ids, codes) \
        else [("q", query.text)]
    more = reverse("web:activities") + "?" + urlencode(params) if count > len(hits) else ""
    return Group("activities", str(KINDS["activities"]), count, hits, more)


def _text_only_more(text_ids, codes) -> bool:
    """True when some text matches lie outside the economies' activities (the economy filter would hide them)."""
    from wsis.stocktaking.models import ActivityFacet

    return text_ids.exclude(pk__in=ActivityFacet.objects.filter(facet="economy", code__in=codes)
                            .values("activity_id")).exists()


def _contributions(query: _Query, limit: int) -> Group:
    """Contributions to the ITU-D study groups are public documents; the cooperation list's own search finds them."""
    from wsis.partnerships.cooperation.selectors import ContributionFilters, contribution_search

    qs = contribution_search(ContributionFilters(q=query.text))
    count = qs.count()
    hits = [Hit(title=c.title, url=reverse("web:contribution", args=[c.pk]),
                context=" · ".join(x for x in (c.symbol, c.meeting, c.date.isoformat()) if x), code=c.symbol,
                score=1) for c in qs.order_by("-date", "symbol")[:limit]]
    more = reverse("web:contributions") + "?" + urlencode({"q": query.text}) if count > len(hits) else ""
    return Group("contributions", str(KINDS["contributions"]), count, hits, more)


def _plan_outputs(viewer, query: _Query, language: str) -> list[Hit]:
    """Outputs of the plans the viewer may see (a draft plan only for BDT administrators)."""
    from wsis.planning.models import Output, OutputTranslation
    from wsis.planning.selectors import plan_list

    plans = {p.pk: p for p in plan_list(viewer)}
    if not plans:
        return []
    outputs = {pk: (code, plan_id) for pk, code, plan_id in
               Output.objects.filter(objective__plan_id__in=plans).values_list("pk", "code", "objective__plan_id")}
    names: dict[int, list] = {}
    for pk, lang, title in OutputTranslation.objects.filter(output_id__in=outputs).values_list("output_id", "language", "title"):
        names.setdefault(pk, []).append((lang, title))
    hits = []
    folded = query.text.casefold()
    for pk, (code, plan_id) in outputs.items():
        score = 3 if code.casefold() == folded else query.score(*(n for _l, n in names.get(pk, [])))
        if not score:
            continue
        title, lang = _names(names.get(pk, []), language)
        hits.append(Hit(title=title or code, url=reverse("web:plan_output", args=[pk]),
                        context=" · ".join((code, plans[plan_id].code)), code=code,
                        lang=lang if lang != language else "", score=score))
    return hits
