"""Loading and changing reference data: idempotent, validated before any write, atomic and audited."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import babel
import pycountry
from django.db import transaction

from wsis.accounts import permissions
from wsis.core.audit import audit
from wsis.core.errors import ErrorItem, PermissionDenied, ValidationFailed
from wsis.reference import models as m
from wsis.reference.data import (
    frameworks,
    itu_roles,
    memberships,
    sdg_codes,
    strategic_targets,
    wsis_sdg_matrix,
)
from wsis.reference.upsert import Tally, upsert, upsert_translations

LANGS = ["en", "fr", "es", "ru", "ar", "zh-hans"]
BABEL_LOCALES = {"en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh-hans": "zh_Hans"}

# Membership facts typed by the project: one source row each, so every membership is traceable.
SOURCES = {
    "resolution-30": (itu_roles.RESOLUTION, "https://www.itu.int/pub/D-TDC-WTDC-2022"),
    "wsis-action-lines": ("WSIS Geneva Plan of Action (2003) and WSIS Forum action-line facilitation", "https://www.itu.int/net/wsis/docs/geneva/official/poa.html"),
    "sdg-framework": (sdg_codes.FRAMEWORK_VERSION, "https://unstats.un.org/sdgs/indicators/indicators-list/"),
    "wsis-sdg-matrix": (wsis_sdg_matrix.SOURCE, ""),
    "iso-3166": ("ISO 3166-1 codes (pycountry {v})", ""),
    "cldr": ("Unicode CLDR {v} territory names (babel {b})", "https://cldr.unicode.org/"),
    "itu-regions": ("ITU/BDT regions, ITU-D ICT statistics definitions", "https://www.itu.int/en/ITU-D/Statistics/Pages/definitions/regions.aspx"),
    "un-ldc": ("UN list of least developed countries (UN DESA / UN-OHRLLS)", "https://www.un.org/development/desa/dpad/least-developed-country-category.html"),
    "un-lldc": ("UN list of landlocked developing countries (UN-OHRLLS)", "https://www.un.org/ohrlls/content/list-lldcs"),
    "un-sids": ("UN-OHRLLS list of small island developing States (UN members)", "https://www.un.org/ohrlls/content/list-sids"),
    "m49-sids": ("UNSD M49 small island developing States", "https://unstats.un.org/unsd/methodology/m49/"),
    "m49-developed": ("UNSD M49 developed/developing regions (as used until 2021)", "https://unstats.un.org/unsd/methodology/m49/historical-classification-of-developed-and-developing-regions/"),
}

# Groups whose memberships `wsis init` owns; memberships of other groups are left alone.
INIT_GROUPS = ["LDC", "LLDC", "SIDS", "SIDS-M49", "DEVELOPED", "DEVELOPING"]


def _source(code: str, tally: Tally) -> m.ReferenceSource:
    title, url = SOURCES[code]
    if code == "cldr":
        title = title.format(v=babel.core.get_cldr_version(), b=babel.__version__)
    elif code == "iso-3166":
        title = title.format(v=_pycountry_version())
    return upsert(m.ReferenceSource, {"code": code}, {"title": title[:300], "url": url}, tally)


def _pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def reference_init(*, actor, progress: Callable[[str], None] | None = None) -> Tally:
    """Load every reference framework the project ships. Safe to run again: unchanged rows are not written."""
    if actor is not None and not isinstance(actor, str) and not permissions.can_reference_load(actor):
        raise PermissionDenied("Only BDT administrators may load reference data.")
    say = progress or (lambda _msg: None)
    tally = Tally()
    with transaction.atomic():
        sources = {code: _source(code, tally) for code in SOURCES}
        say("action lines")
        _load_action_lines(tally)
        say("SDG goals, targets and indicators")
        _load_sdg_codes(tally, sources["sdg-framework"])
        say("WSIS–SDG matrix")
        _load_matrix(tally, sources["wsis-sdg-matrix"])
        say("strategic targets")
        _load_strategic_targets(tally)
        say("economies")
        _load_economies(tally, sources)
        say("regions and groups")
        _load_groups(tally, sources)
        if tally.changed():
            audit(actor=actor, verb="reference_data.load", target=("reference", "", "reference frameworks"),
                  after={k: v for k, v in tally.items()})
    return tally


def _load_action_lines(tally: Tally):
    by_code = {}
    for row in frameworks.ACTION_LINES:
        code = row["code"]
        parent = by_code.get(row["parent"]) if row["parent"] else None
        top = row["parent"] or code
        line = upsert(m.ActionLine, {"code": code}, {
            "parent": parent,
            "order": row["order"],
            "itu_role": itu_roles.ITU_ROLES[top],
            "itu_high_priority": top in itu_roles.HIGH_PRIORITY,
            "un_lead_facilitators": list(row["un_lead_facilitators"]),
        }, tally)
        by_code[code] = line
        upsert_translations(m.ActionLineTranslation, "action_line", line,
                            {lang: {"name": row["names"][lang]} for lang in LANGS}, tally, source="wsis-action-lines")


def target_codes() -> list[tuple[int, str, int]]:
    """(goal, target code, order) for the 169 targets, numeric ones first, then lettered."""
    out = []
    for goal, (count, letters) in sorted(sdg_codes.TARGETS.items()):
        subs = [str(i) for i in range(1, count + 1)] + list(letters)
        out += [(goal, f"{goal}.{s}", i) for i, s in enumerate(subs, 1)]
    return out


def _load_sdg_codes(tally: Tally, source):
    goals = {}
    for n in range(1, sdg_codes.GOAL_COUNT + 1):
        goals[n] = upsert(m.SdgGoal, {"number": n}, {}, tally)
        names = frameworks.SDG_GOAL_NAMES[n]
        # Only the short names are typed here; official long titles come from `wsis load sdg-texts`,
        # so an existing title is kept.
        for lang in LANGS:
            row = m.SdgGoalTranslation.objects.filter(goal=goals[n], language=lang).first()
            if row is None:
                m.SdgGoalTranslation.objects.create(goal=goals[n], language=lang, short=names[lang],
                                                    source="sdg-framework")
                tally["created"] += 1
            elif row.short != names[lang] and row.source == "sdg-framework":
                row.short = names[lang]
                row.save(update_fields=["short"])
                tally["updated"] += 1
            else:
                tally["unchanged"] += 1
    targets = {}
    for goal, code, order in target_codes():
        targets[code] = upsert(m.SdgTarget, {"code": code}, {"goal": goals[goal], "order": order}, tally)
    current = set()
    for target_code, codes in sdg_codes.INDICATORS.items():
        for order, code in enumerate(codes, 1):
            current.add(code)
            upsert(m.SdgIndicator, {"code": code},
                   {"target": targets[target_code], "order": order, "status": m.IndicatorStatus.CURRENT}, tally)
    # An indicator dropped from the shipped list stays (activities may cite it) but is marked legacy.
    stale = m.SdgIndicator.objects.filter(status=m.IndicatorStatus.CURRENT).exclude(code__in=current)
    tally["updated"] += stale.update(status=m.IndicatorStatus.LEGACY)


def _load_matrix(tally: Tally, source):
    lines = {a.code: a for a in m.ActionLine.objects.all()}
    goals = {g.number: g for g in m.SdgGoal.objects.all()}
    targets = {t.code: t for t in m.SdgTarget.objects.all()}
    want_goals, want_targets = set(), set()
    for code, entry in wsis_sdg_matrix.MATRIX.items():
        for g in entry["goals"]:
            want_goals.add((code, g))
            upsert(m.MatrixGoal, {"action_line": lines[code], "goal": goals[g]}, {"source": source}, tally)
        for t in entry["targets"]:
            want_targets.add((code, t))
            upsert(m.MatrixTarget, {"action_line": lines[code], "target": targets[t]}, {"source": source}, tally)
    for row in m.MatrixGoal.objects.select_related("action_line", "goal"):
        if (row.action_line.code, row.goal.number) not in want_goals:
            row.delete()
            tally["deleted"] += 1
    for row in m.MatrixTarget.objects.select_related("action_line", "target"):
        if (row.action_line.code, row.target.code) not in want_targets:
            row.delete()
            tally["deleted"] += 1


def _load_strategic_targets(tally: Tally):
    indicators = {i.code: i for i in m.SdgIndicator.objects.all()}
    for order, row in enumerate(strategic_targets.STRATEGIC_TARGETS, 1):
        value = row["value"]
        st = upsert(m.StrategicTarget, {"code": row["code"]}, {
            "framework": row["framework"],
            "goal": str(row["goal"]),
            "indicator": row["indicator"],
            "sdg_indicator": indicators.get(row["sdg_indicator"]) if row["sdg_indicator"] else None,
            "scope": row["scope"],
            "comparator": row["comparator"],
            "value": Decimal(str(value)) if value not in (None, "") else None,
            "unit": row["unit"],
            "baseline_year": row["baseline_year"],
            "deadline": _date(row["deadline"]),
            "source": row["source"][:500],
            "verified": bool(row["verified"]),
            "note": row["note"],
            "order": order,
        }, tally)
        upsert_translations(m.StrategicTargetTranslation, "strategic_target", st, {"en": {"text": row["text"]}}, tally,
                            source="strategic-targets")


def economy_names() -> dict[str, dict[str, str]]:
    """CLDR short names of every ISO 3166 territory in the six languages, keyed by alpha-2."""
    out = {}
    for lang, loc in BABEL_LOCALES.items():
        territories = babel.Locale.parse(loc).territories
        for code, name in territories.items():
            if len(code) == 2 and code.isalpha():
                out.setdefault(code, {})[lang] = name
    return out


# Antarctica is the one ISO entry the M49 developed/developing split left unclassified.
NOT_CLASSIFIED = {"ATA"}


def _load_economies(tally: Tally, sources):
    names = economy_names()
    cldr = sources["cldr"]
    for c in pycountry.countries:
        # M49 uses the ISO 3166 numeric code for every area that has one.
        eco = upsert(m.Economy, {"iso3": c.alpha_3}, {"iso2": c.alpha_2, "m49": c.numeric}, tally)
        texts = {lang: {"name": names.get(c.alpha_2, {}).get(lang) or c.name} for lang in LANGS}
        upsert_translations(m.EconomyTranslation, "economy", eco, texts, tally, source=cldr.title[:200])


def _group(code: str, kind: str, order: int, names: dict, abbr: dict | None, exclusive: bool, tally: Tally):
    g = upsert(m.Group, {"code": code}, {"kind": kind, "order": order, "exclusive": exclusive}, tally)
    upsert_translations(m.GroupTranslation, "group", g,
                        {lang: {"name": names[lang], "abbr": (abbr or {}).get(lang, "")} for lang in LANGS}, tally,
                        source="project")
    return g


def _sync_members(group, rows: list[tuple[str, str | None, str | None]], source, economies, tally: Tally):
    """Make the group's memberships exactly `rows` (iso3, valid_from, valid_to)."""
    want = {(iso3, _date(f), _date(t)) for iso3, f, t in rows}
    have = {}
    for ms in m.Membership.objects.filter(group=group).select_related("economy"):
        key = (ms.economy.iso3, ms.valid_from, ms.valid_to)
        if key in want and key not in have and ms.source_id == source.pk:
            have[key] = ms
        else:
            ms.delete()
            tally["deleted"] += 1
    for key in sorted(want - set(have), key=lambda k: (k[0], k[1] or dt.date.min)):
        iso3, f, t = key
        m.Membership.objects.create(group=group, economy=economies[iso3], valid_from=f, valid_to=t, source=source)
        tally["created"] += 1
    tally["unchanged"] += len(have)


def _load_groups(tally: Tally, sources):
    economies = {e.iso3: e for e in m.Economy.objects.all()}
    for order, row in enumerate(frameworks.ITU_REGIONS, 1):
        g = _group(row["code"], m.GroupKind.ITU_REGION, order, row["names"], None, True, tally)
        members = memberships.ITU_REGION_MEMBERS[row["code"]]
        _sync_members(g, [(iso3, None, None) for iso3 in members], sources["itu-regions"], economies, tally)
    defs = {row["code"]: row for row in frameworks.GROUPS}
    lists = {
        "LDC": (memberships.LDC, "un-ldc"),
        "LLDC": (memberships.LLDC, "un-lldc"),
        "SIDS": (memberships.SIDS_UN_MEMBERS, "un-sids"),
        "SIDS-M49": (memberships.SIDS_M49, "m49-sids"),
    }
    developed = set(memberships.DEVELOPED)
    # Developing is the M49 complement of developed, over economies that M49 lists.
    developing = sorted(e for e, obj in economies.items() if e not in developed and obj.m49 and e not in NOT_CLASSIFIED)
    lists["DEVELOPED"] = ([(e, None, None) for e in sorted(developed)], "m49-developed")
    lists["DEVELOPING"] = ([(e, None, None) for e in developing], "m49-developed")
    for order, row in enumerate(frameworks.GROUPS, 1):
        code = row["code"]
        _group(code, row["kind"], order, row["names"], row.get("abbr"), row["kind"] == "income", tally)
    sids = defs["SIDS"]
    _group("SIDS-M49", m.GroupKind.DEVELOPMENT, len(frameworks.GROUPS) + 1,
           {lang: f"{sids['names'][lang]} (M49)" for lang in LANGS},
           {lang: f"{sids['abbr'][lang]} (M49)" for lang in LANGS}, False, tally)
    for code in INIT_GROUPS:
        rows, src = lists[code]
        _sync_members(m.Group.objects.get(code=code), list(rows), sources[src], economies, tally)


def validation_problems() -> list[str]:
    """Consistency checks of loaded reference data: one ITU region per economy, matrix targets under their goals."""
    problems = []
    today = dt.date.today()
    seen = {}
    for ms in m.Membership.objects.valid_on(today).filter(group__kind=m.GroupKind.ITU_REGION).select_related("economy", "group"):
        if ms.economy.iso3 in seen:
            problems.append(f"{ms.economy.iso3} is in two ITU regions: {seen[ms.economy.iso3]} and {ms.group.code}")
        seen[ms.economy.iso3] = ms.group.code
    for line in m.ActionLine.objects.prefetch_related("matrix_targets__target", "matrix_goals__goal"):
        goals = {mg.goal.number for mg in line.matrix_goals.all()}
        for mt in line.matrix_targets.all():
            if mt.target.goal_id and int(mt.target.code.split(".")[0]) not in goals:
                problems.append(f"{line.code}: target {mt.target.code} without its goal")
    return problems




def group_create(*, actor, code: str, names: dict[str, str], members: list[str], owner=None, is_demo: bool = False,
                 valid_from: dt.date | None = None) -> m.Group:
    """A user-defined group of economies, e.g. the countries of a regional initiative."""
    from django.utils.text import slugify

    if not permissions.can_group_create(actor):
        raise PermissionDenied("Sign in with an account that belongs to an organisation to define groups.")
    errors = []
    code = slugify(code)
    if not code:
        errors.append(ErrorItem("required", "A code is required.", field="code"))
    elif m.Group.objects.filter(code=code).exists():
        errors.append(ErrorItem("duplicate", f"A group with code {code!r} exists.", field="code"))
    if not (names.get("en") or "").strip():
        errors.append(ErrorItem("required", "An English name is required (other languages fall back to it).", field="names.en"))
    for lang in names:
        if lang not in LANGS:
            errors.append(ErrorItem("invalid_choice", f"Unknown language {lang!r}.", field=f"names.{lang}"))
    known = dict(m.Economy.objects.filter(iso3__in=members).values_list("iso3", "pk"))
    for iso3 in members:
        if iso3 not in known:
            errors.append(ErrorItem("unknown_code", f"Unknown economy {iso3!r}.", field="members"))
    if len(set(members)) != len(members):
        errors.append(ErrorItem("duplicate", "An economy is listed twice.", field="members"))
    if errors:
        raise ValidationFailed(errors)
    owner = owner or getattr(actor, "organisation", None)
    with transaction.atomic():
        group = m.Group.objects.create(code=code, kind=m.GroupKind.CUSTOM, owner=owner, is_demo=is_demo)
        for lang, name in names.items():
            if name.strip():
                m.GroupTranslation.objects.create(group=group, language=lang, name=name.strip(), source="user")
        m.Membership.objects.bulk_create(
            [m.Membership(group=group, economy_id=known[iso3], valid_from=valid_from) for iso3 in members]
        )
        audit(actor=actor, verb="group.create", target=group, after={"code": code, "names": names, "members": sorted(members)})
    return group


def group_members_set(*, actor, group: m.Group, members: list[str], on: dt.date) -> m.Group:
    """Change a group's membership from `on`: leavers get valid_to=on, joiners valid_from=on; history is kept."""
    if not permissions.can_group_edit(actor, group):
        raise PermissionDenied("You may not change this group.")
    known = dict(m.Economy.objects.filter(iso3__in=members).values_list("iso3", "pk"))
    unknown = [c for c in members if c not in known]
    if unknown:
        raise ValidationFailed([ErrorItem("unknown_code", f"Unknown economy {c!r}.", field="members") for c in unknown])
    with transaction.atomic():
        current = {ms.economy.iso3: ms for ms in m.Membership.objects.valid_on(on).filter(group=group).select_related("economy")}
        before = sorted(current)
        for iso3, ms in current.items():
            if iso3 not in members:
                ms.valid_to = on
                ms.save(update_fields=["valid_to"])
        for iso3 in members:
            if iso3 not in current:
                m.Membership.objects.create(group=group, economy_id=known[iso3], valid_from=on)
        audit(actor=actor, verb="group.set_members", target=group, before={"members": before},
              after={"members": sorted(members), "on": on.isoformat()})
    return group
