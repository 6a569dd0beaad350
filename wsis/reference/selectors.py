"""Reads of reference data as plain rows in one language, shared by the web pages, the API and exports."""

import datetime as dt

import babel
import babel.numbers
import pycountry
from django.db.models import Count, Prefetch, Q

from wsis.core.errors import ErrorItem, NotFound, ValidationFailed
from wsis.core.i18n import pick, prefetch_translations
from wsis.reference import models as m


def action_line_list(*, language: str, itu_role: str | None = None) -> list[dict]:
    qs = m.ActionLine.objects.select_related("parent").order_by("parent__order", "order")
    if itu_role:
        qs = qs.filter(itu_role=itu_role)
    qs = prefetch_translations(qs, language).prefetch_related(
        Prefetch("matrix_goals", queryset=m.MatrixGoal.objects.select_related("goal").order_by("goal__number")),
        Prefetch("matrix_targets", queryset=m.MatrixTarget.objects.select_related("target__goal")),
    )
    rows = []
    for a in qs:
        rows.append({
            "code": a.code,
            "parent": a.parent.code if a.parent else None,
            "name": pick(a, "name", language),
            "itu_role": a.itu_role,
            "itu_role_label": str(m.ItuRole(a.itu_role).label),
            "itu_high_priority": a.itu_high_priority,
            "un_lead_facilitators": a.un_lead_facilitators,
            "sdg_goals": [mg.goal.number for mg in a.matrix_goals.all()],
            "sdg_targets": sorted((mt.target.code for mt in a.matrix_targets.all()), key=code_key),
        })
    # Sub-lines right after their parent.
    tops = [r for r in rows if r["parent"] is None]
    subs = [r for r in rows if r["parent"] is not None]
    ordered = []
    for t in tops:
        ordered.append(t)
        ordered += [s for s in subs if s["parent"] == t["code"]]
    return ordered


def code_key(code: str):
    return [int(p) if p.isdigit() else 100 + ord(p[0]) for p in str(code).split(".")]


def sdg_goal_list(*, language: str) -> list[dict]:
    # Meta.ordering does not apply to a GROUP BY query: the order is explicit.
    qs = prefetch_translations(m.SdgGoal.objects.annotate(n_targets=Count("targets")).order_by("number"), language)
    return [{"code": str(g.number), "number": g.number, "short": pick(g, "short", language),
             "title": pick(g, "title", language), "targets": g.n_targets} for g in qs]


def sdg_target_list(*, language: str, goal: int | None = None) -> list[dict]:
    qs = m.SdgTarget.objects.select_related("goal")
    if goal is not None:
        qs = qs.filter(goal__number=goal)
    qs = prefetch_translations(qs, language)
    return [{"code": t.code, "goal": t.goal.number, "title": pick(t, "title", language)} for t in qs]


def sdg_indicator_list(*, language: str, goal: int | None = None, target: str | None = None,
                       status: str | None = "current") -> list[dict]:
    qs = m.SdgIndicator.objects.select_related("target__goal")
    if goal is not None:
        qs = qs.filter(target__goal__number=goal)
    if target:
        qs = qs.filter(target__code=target)
    if status:
        qs = qs.filter(status=status)
    qs = prefetch_translations(qs, language)
    return [{"code": i.code, "target": i.target.code, "goal": i.target.goal.number, "status": i.status,
             "title": pick(i, "title", language)} for i in qs]


def matrix_list(*, action_line: str | None = None, goal: int | None = None) -> list[dict]:
    qs = m.MatrixTarget.objects.select_related("action_line", "target__goal", "source")
    gq = m.MatrixGoal.objects.select_related("action_line", "goal", "source")
    if action_line:
        qs, gq = qs.filter(action_line__code=action_line), gq.filter(action_line__code=action_line)
    if goal is not None:
        qs, gq = qs.filter(target__goal__number=goal), gq.filter(goal__number=goal)
    rows = [{"action_line": r.action_line.code, "goal": r.goal.number, "target": None, "source": r.source.title} for r in gq]
    rows += [{"action_line": r.action_line.code, "goal": r.target.goal.number, "target": r.target.code,
              "source": r.source.title} for r in qs]
    rows.sort(key=lambda r: (code_key(r["action_line"].replace("C", "").split(".")[0]), r["action_line"], r["goal"],
                             code_key(r["target"] or "0")))
    return rows


def suggest_targets_for_lines(codes: list[str]) -> list[str]:
    """SDG targets the matrix links to any of these action lines (tag suggestions)."""
    codes = set(codes) | {c.split(".")[0] for c in codes}
    qs = m.MatrixTarget.objects.filter(action_line__code__in=codes).values_list("target__code", flat=True)
    return sorted(set(qs), key=code_key)


def lines_for_targets(codes: list[str]) -> list[str]:
    """Action lines the matrix links to any of these SDG targets (tag suggestions the other way round)."""
    qs = m.MatrixTarget.objects.filter(target__code__in=codes).values_list("action_line__code", flat=True)
    return sorted(set(qs), key=lambda c: (int(c[1:].split(".")[0]), c))


# ISO 3166 entries that are no economy: no permanent population, no statistics, not an ITU member state.
# They stay in the reference data (M49 lists them, imports may name them) but the forms' pickers leave
# them out, unless a record already carries one.
NOT_ECONOMIES = frozenset({"ATA", "ATF", "BVT", "HMD", "IOT", "SGS", "UMI"})


def _short(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def economy_choices(*, language: str, keep=()) -> list[tuple[str, str]]:
    """(ISO3, "name (ISO3)") of every economy a form may pick, by name in `language`; codes in `keep` (already
    chosen on a record) stay even when they are no economy."""
    keep = set(keep or ())
    rows = ((e.iso3, pick(e, "name", language))
            for e in prefetch_translations(m.Economy.objects.all(), language)
            if e.iso3 not in NOT_ECONOMIES or e.iso3 in keep)
    return [(code, f"{name} ({code})") for code, name in sorted(rows, key=lambda x: x[1].casefold())]


def economy_search_names(*, language: str) -> dict[str, str]:
    """ISO3 → the English name, for pickers on pages in another language (people often type the English name)."""
    if language == "en":
        return {}
    return dict(m.EconomyTranslation.objects.filter(language="en").values_list("economy__iso3", "name"))


def tag_choices(*, language: str, keep_economies=()) -> dict[str, list[tuple[str, str]]]:
    """(code, label) choices of every code an activity is tagged with, for the editor's lists."""
    lines = list(prefetch_translations(m.ActionLine.objects.select_related("parent"), language))
    lines.sort(key=lambda a: (a.parent.order if a.parent else a.order, a.parent_id is not None, a.order))
    targets = prefetch_translations(m.SdgTarget.objects.select_related("goal"), language)
    strategic = prefetch_translations(m.StrategicTarget.objects.all(), language)
    return {
        "action_lines": [(a.code, f"{a.code} — {pick(a, 'name', language)}") for a in lines],
        "sdg_targets": [(t.code, f"{t.code} — {_short(pick(t, 'title', language), 140)}".rstrip(" —"))
                        for t in targets],
        "strategic_targets": [(s.code, f"{s.code} — {_short(pick(s, 'text', language), 140)}".rstrip(" —"))
                              for s in strategic],
        "economies": economy_choices(language=language, keep=keep_economies),
        "groups": [(g.code, pick(g, "name", language))
                   for g in prefetch_translations(m.Group.objects.all(), language)],
    }


def currency_choices(*, language: str, keep=()) -> list[tuple[str, str]]:
    """(code, "code — name") of the current ISO 4217 currencies (Debian iso-codes through pycountry), named by
    CLDR (babel) in `language`; codes in `keep` (already stored) stay even when withdrawn since."""
    locale = {"zh-hans": "zh_Hans"}.get(language, language)
    codes = {c.alpha_3 for c in pycountry.currencies} | {c for c in keep or () if c}
    out = []
    for code in sorted(codes):
        try:
            name = babel.numbers.get_currency_name(code, locale=locale)
        except (ValueError, LookupError, babel.UnknownLocaleError):
            name = code
        out.append((code, code if name == code else f"{code} — {name}"))
    return out


def is_currency(code: str) -> bool:
    """A current ISO 4217 currency code (upper case)."""
    return len(code or "") == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code) is not None


def strategic_target_list(*, language: str, framework: str | None = None, scope: str | None = None,
                          verified: bool | None = None) -> list[dict]:
    qs = m.StrategicTarget.objects.select_related("sdg_indicator")
    if framework:
        qs = qs.filter(framework=framework)
    if scope:
        qs = qs.filter(scope=scope)
    if verified is not None:
        qs = qs.filter(verified=verified)
    qs = prefetch_translations(qs, language)
    return [{
        "code": s.code, "framework": s.framework, "goal": s.goal, "text": pick(s, "text", language),
        "indicator": s.indicator, "sdg_indicator": s.sdg_indicator.code if s.sdg_indicator else None,
        "scope": s.scope, "scope_label": str(m.TargetScope(s.scope).label), "comparator": s.comparator,
        "comparator_label": str(m.Comparator(s.comparator).label), "value": float(s.value) if s.value is not None else None,
        "unit": s.unit, "baseline_year": s.baseline_year, "deadline": s.deadline.isoformat(), "source": s.source,
        "verified": s.verified, "note": s.note,
    } for s in qs]


def _parse_day(at: str | dt.date | None) -> dt.date:
    if at is None or at == "":
        return dt.date.today()
    if isinstance(at, dt.date):
        return at
    try:
        if len(at) == 4:
            # A year means the membership in force at the end of that year, as statistics use it.
            return dt.date(int(at), 12, 31)
        return dt.date.fromisoformat(at)
    except ValueError as exc:
        raise ValidationFailed([ErrorItem("invalid", f"'{at}' is not a date (YYYY-MM-DD) or a year (YYYY).", field="at")]) from exc


def economy_list(*, language: str, region: str | None = None, group: str | None = None, at=None,
                 q: str | None = None) -> list[dict]:
    day = _parse_day(at)
    qs = m.Economy.objects.all()
    for code in filter(None, [region, group]):
        if not m.Group.objects.filter(code=code).exists():
            raise NotFound(f"No region or group with code {code!r}.")
        qs = qs.filter(pk__in=m.Membership.objects.valid_on(day).filter(group__code=code).values("economy_id"))
    if q:
        qs = qs.filter(Q(iso3__iexact=q) | Q(iso2__iexact=q) | Q(m49=q) | Q(translations__name__icontains=q)).distinct()
    qs = prefetch_translations(qs, language)
    memberships = _memberships_on(day)
    rows = []
    for e in qs:
        mine = memberships.get(e.pk, [])
        rows.append({
            "iso3": e.iso3, "iso2": e.iso2, "m49": e.m49, "itu_code": e.itu_code or None,
            "name": pick(e, "name", language),
            "itu_region": next((g for g, k in mine if k == m.GroupKind.ITU_REGION), None),
            "groups": sorted(g for g, k in mine if k != m.GroupKind.ITU_REGION),
        })
    rows.sort(key=lambda r: r["name"])
    return rows


def _memberships_on(day: dt.date) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for eco_id, code, kind in m.Membership.objects.valid_on(day).values_list("economy_id", "group__code", "group__kind"):
        out.setdefault(eco_id, []).append((code, kind))
    return out


def economy_detail(*, iso3: str, language: str) -> dict:
    eco = m.Economy.objects.filter(iso3=iso3.upper()).prefetch_related("translations").first()
    if eco is None:
        raise NotFound(f"No economy with ISO alpha-3 code {iso3!r}.")
    names = {t.language: t.name for t in eco.translations.all()}
    history = []
    ms_qs = m.Membership.objects.filter(economy=eco).select_related("group", "source").order_by("group__kind", "group__order", "valid_from")
    groups = prefetch_translations(m.Group.objects.filter(pk__in=ms_qs.values("group_id")), language)
    gnames = {g.pk: pick(g, "name", language) for g in groups}
    today = dt.date.today()
    for ms in ms_qs:
        history.append({
            "group": ms.group.code, "kind": ms.group.kind, "name": gnames.get(ms.group_id, ms.group.code),
            "valid_from": ms.valid_from.isoformat() if ms.valid_from else None,
            "valid_to": ms.valid_to.isoformat() if ms.valid_to else None,
            "current": (ms.valid_from is None or ms.valid_from <= today) and (ms.valid_to is None or ms.valid_to > today),
            "source": ms.source.title if ms.source else "",
        })
    region = next((h for h in history if h["kind"] == m.GroupKind.ITU_REGION and h["current"]), None)
    return {
        "iso3": eco.iso3, "iso2": eco.iso2, "m49": eco.m49, "itu_code": eco.itu_code or None,
        "name": names.get(language) or names.get("en", eco.iso3), "names": names,
        "itu_region": region["group"] if region else None,
        "itu_region_name": region["name"] if region else None,
        "memberships": history,
    }


def group_list(*, language: str, kind: str | None = None, at=None) -> list[dict]:
    day = _parse_day(at)
    qs = m.Group.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    counts = dict(m.Membership.objects.valid_on(day).values("group_id").annotate(n=Count("id")).values_list("group_id", "n"))
    qs = prefetch_translations(qs, language)
    return [{"code": g.code, "kind": g.kind, "name": pick(g, "name", language), "abbr": pick(g, "abbr", language),
             "members": counts.get(g.pk, 0), "is_demo": g.is_demo} for g in qs]


def group_get(code: str) -> m.Group:
    group = m.Group.objects.filter(code=code).first()
    if group is None:
        raise NotFound(f"No region or group with code {code!r}.")
    return group


def itu_role_choices() -> list[tuple[str, str]]:
    return list(m.ItuRole.choices)


def split_groups(groups: list[dict]) -> tuple[list[dict], list[dict]]:
    """(ITU regions, other groups) of group_list rows."""
    return ([g for g in groups if g["kind"] == m.GroupKind.ITU_REGION],
            [g for g in groups if g["kind"] != m.GroupKind.ITU_REGION])


def group_members(*, code: str, language: str, at=None) -> list[dict]:
    if not m.Group.objects.filter(code=code).exists():
        raise NotFound(f"No region or group with code {code!r}.")
    return economy_list(language=language, group=code, at=at)


def source_list() -> list[dict]:
    return [{"code": s.code, "title": s.title, "url": s.url, "version": s.version} for s in m.ReferenceSource.objects.all()]
