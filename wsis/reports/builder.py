"""Report builder: parameters (type, period, scope, language) → one Document, assembled from the selectors of
the registry, statistics, partnerships, planning and prizes. Reads only what the public may see, so no
confidential amount can reach a report. Statuses are evaluated at the end of the period (or today, if that
comes first), a parameter recorded in the document, so the same inputs give the same document."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.i18n import normalise_language
from wsis.reference import models as ref
from wsis.reports.document import Chart, Column, Document, Paragraph, Section, Source, Table

KINDS = ("cwg", "sg", "regional", "economy")
LANGUAGES = tuple(settings.LANGUAGE_CODES)
DEVELOPMENT = ("LDC", "LLDC", "SIDS")
KEY_INDICATORS = ("INTERNET_USERS", "MOBILE_100", "FBB_100", "COVERAGE_4G", "MOBILE_OWNERSHIP")


def kind_labels() -> dict[str, str]:
    return {"cwg": _("Annual summary of ITU-D's WSIS and SDG activities for CWG-WSIS&SDG"),
            "sg": _("ITU-D contribution to the Secretary-General's report on WSIS"),
            "regional": _("Regional input to the WSIS Forum, Prizes and Stocktaking"),
            "economy": _("Economy profile")}


def check_params(kind: str, period, scope: str, language: str) -> tuple[int, str, str]:
    errors = []
    if kind not in KINDS:
        errors.append(ErrorItem("invalid_choice", f"unknown report type '{kind}'; use one of {', '.join(KINDS)}",
                                field="type"))
    try:
        year = int(period)
        if not 1990 <= year <= 2100:
            raise ValueError
    except (TypeError, ValueError):
        errors.append(ErrorItem("invalid", f"'{period}' is not a year", field="period"))
        year = 0
    try:
        language = normalise_language(language or "en")
    except ValueError as exc:
        errors.append(ErrorItem("invalid_choice", str(exc), field="lang"))
    scope = scope or "world"
    if scope != "world":
        known = ref.Group.objects.filter(code=scope).exists() or ref.Economy.objects.filter(iso3=scope.upper()).exists()
        if not known:
            errors.append(ErrorItem("unknown_code", f"unknown scope '{scope}': use world, a region or group code, or "
                                    "an ISO 3166 alpha-3 code", field="scope"))
    if kind == "regional" and not ref.Group.objects.filter(code=scope, kind="itu_region").exists():
        errors.append(ErrorItem("invalid", "a regional input needs an ITU region as its scope (AFR, AMS, ARB, ASP, "
                                "CIS, EUR)", field="scope"))
    if kind == "economy" and not ref.Economy.objects.filter(iso3=(scope or "").upper()).exists():
        errors.append(ErrorItem("invalid", "an economy profile needs an economy (ISO 3166 alpha-3) as its scope",
                                field="scope"))
    if errors:
        raise ValidationFailed(errors)
    return year, (scope.upper() if len(scope) == 3 and ref.Economy.objects.filter(iso3=scope.upper()).exists()
                  else scope), language


class Builder:
    """Collects sections, tables and sources while a report is assembled; `progress` is told each step."""

    def __init__(self, kind, year, scope, language, progress: Callable[[int, str], None] | None = None):
        self.kind, self.year, self.scope, self.language = kind, year, scope, language
        self.start, self.end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        self.as_of = min(self.end, timezone.localdate())
        self.progress = progress or (lambda pct, step: None)
        self.sections: list[Section] = []
        self.sources: list[Source] = []
        self._n = 0
        self.acts: list = []  # the activities of the period, read once by the activities section
        self.economy = ref.Economy.objects.filter(iso3=scope).first() if len(scope) == 3 else None
        self.group = ref.Group.objects.filter(code=scope).first() if scope != "world" and not self.economy else None

    # -- plumbing
    def source(self, label: str, params: dict, release: str, path: str = "") -> str:
        key = f"S{len(self.sources) + 1}"
        self.sources.append(Source(key, label, params, release, path))
        return key

    def table(self, caption, columns, rows, source, note="") -> Table:
        self._n += 1
        return Table(f"T{self._n}", caption, [Column(*c) for c in columns], rows, source, note)

    def section(self, key, heading, blocks, empty_note="") -> None:
        self.sections.append(Section(key, heading, [b for b in blocks if b is not None], 1, empty_note))

    @property
    def scope_label(self) -> str:
        if self.economy:
            return self.economy.text("name", self.language)
        if self.group:
            return self.group.text("name", self.language)
        return _("World")

    # -- data
    def activities(self):
        from wsis.stocktaking.models import Activity

        qs = Activity.objects.filter(state="published", revision_of__isnull=True).filter(
            Q(start_date__lte=self.end) | Q(start_date__isnull=True)).filter(
            Q(end_date__gte=self.start) | Q(end_date__isnull=True)).filter(
            Q(start_date__isnull=False) | Q(published_at__year=self.year))
        if self.economy:
            qs = qs.filter(facets__facet="economy", facets__code=self.economy.iso3)
        elif self.group:
            facet = "region" if self.group.kind == "itu_region" else "group"
            qs = qs.filter(facets__facet=facet, facets__code=self.group.code)
        return qs.distinct().order_by("id")

    def registry_source(self, ids) -> str:
        from wsis.stocktaking.models import Activity

        last = Activity.objects.filter(pk__in=ids).aggregate(m=Max("published_at"))["m"]
        return self.source(_("Stocktaking registry: published activities under way in the period"),
                           {"year": self.year, "scope": self.scope, "state": "published"},
                           _("registry as last published on %(date)s") % {"date": last.date().isoformat()}
                           if last else _("no published activity"),
                           f"/api/v1/activities?year={self.year}" + (f"&region={self.scope}" if self.group else ""))


def build(kind: str, *, period, scope: str = "world", language: str = "en",
          progress: Callable[[int, str], None] | None = None) -> Document:
    year, scope, language = check_params(kind, period, scope, language)
    with translation.override(language):
        b = Builder(kind, year, scope, language, progress)
        steps = {"cwg": [_activities, _indicators, _divide, _targets, _funding, _capacity, _plan, _prizes, _annex],
                 "sg": [_activities, _indicators, _targets, _funding, _capacity],
                 "regional": [_activities, _indicators, _capacity, _funding, _prizes, _annex],
                 "economy": [_profile, _activities, _annex]}[kind]
        for i, step in enumerate(steps):
            b.progress(int(100 * i / len(steps)), step.__name__.strip("_"))
            step(b)
        b.progress(100, "done")
        title = kind_labels()[kind]
        subtitle = _("%(scope)s, %(year)s") % {"scope": b.scope_label, "year": year}
        return Document(kind=kind, title=title, subtitle=subtitle, language=language, period=year, scope=scope,
                        scope_label=b.scope_label, as_of=b.as_of.isoformat(),
                        params={"type": kind, "period": year, "scope": scope, "lang": language},
                        sections=b.sections, sources=b.sources, generated_at=timezone.now().isoformat())


# ---------------------------------------------------------------------------------------------- sections

def _activities(b: Builder) -> None:
    from wsis.stocktaking.models import ActivityFacet

    acts = list(b.activities().select_related("lead_organisation").prefetch_related(
        "translations", "action_line_links__action_line", "economies"))
    b.acts = acts
    ids = [a.pk for a in acts]
    src = b.registry_source(ids)
    facets = Counter()
    for facet, code in ActivityFacet.objects.filter(activity_id__in=ids, facet__in=("line", "goal", "region",
                                                                                        "economy")).values_list(
            "facet", "code"):
        facets[facet, code] += 1
    from wsis.stocktaking.models import Participant

    partners = Participant.objects.filter(activity_id__in=ids).values("organisation_id").distinct().count()
    economies = sum(1 for f, _c in facets if f == "economy")
    summary = Paragraph(_("In %(year)s, %(n)s published activities were under way in %(scope)s, with %(partners)s "
                          "organisations taking part and %(economies)s economies named.")
                        % {"year": b.year, "n": len(acts), "scope": b.scope_label, "partners": partners,
                           "economies": economies}, src)
    lines = list(ref.ActionLine.objects.filter(parent__isnull=True).prefetch_related("translations"))
    roles = dict(ref.ItuRole.choices)
    line_rows = [{"code": ln.code, "name": ln.text("name", b.language), "role": str(roles.get(ln.itu_role, "")),
                  "activities": facets["line", ln.code]} for ln in lines]
    t_lines = b.table(_("Activities by WSIS action line, with ITU's role"),
                      [("code", _("Action line")), ("name", _("Name")), ("role", _("ITU role")),
                       ("activities", _("Activities"), "int")], line_rows, src,
                      _("An activity counts under each action line it is tagged with."))
    goals = list(ref.SdgGoal.objects.prefetch_related("translations"))
    t_goals = b.table(_("Activities by Sustainable Development Goal"),
                      [("goal", _("Goal")), ("name", _("Name")), ("activities", _("Activities"), "int")],
                      [{"goal": str(g.number), "name": g.text("short", b.language),
                        "activities": facets["goal", str(g.number)]} for g in goals], src)
    regions = list(ref.Group.objects.filter(kind="itu_region").prefetch_related("translations"))
    t_regions = b.table(_("Activities by ITU region"), [("region", _("Region")), ("activities", _("Activities"),
                                                                                    "int")],
                        [{"region": g.text("name", b.language), "activities": facets["region", g.code]}
                         for g in regions], src,
                        _("An activity concerning several regions counts in each of them."))
    recent = sorted(acts, key=lambda a: (a.published_at or timezone.now(), a.pk), reverse=True)[:5]
    highlights = [Paragraph(f"{a.title(b.language)} — {a.lead_organisation.name}", src, kind="highlight")
                  for a in recent]
    blocks = [summary, t_lines, Chart("C-lines", t_lines.caption, t_lines.key, "code", ["activities"], source=src)]
    if b.kind != "economy":
        blocks += [t_goals, Chart("C-goals", t_goals.caption, t_goals.key, "goal", ["activities"], source=src)]
    if b.kind in ("cwg", "sg") and not b.economy:
        blocks += [t_regions, Chart("C-regions", t_regions.caption, t_regions.key, "region", ["activities"],
                                    source=src)]
    b.section("activities", _("Activities of the period"), blocks,
              "" if acts else _("No published activity was under way in this period and scope."))
    if highlights:
        b.section("highlights", _("Highlights"), [Paragraph(_("The most recently published activities of the "
                                                              "period:"), src), *highlights])


def _release_label(codes) -> str:
    """The data releases whose current observations feed these indicators."""
    from django.db.models import Exists, OuterRef

    from wsis.statistics.models import Observation, Release

    # One indexed EXISTS per release (the observation key starts with the release), not a scan of all rows.
    rels = list(Release.objects.filter(Exists(Observation.objects.filter(
        release=OuterRef("pk"), indicator__code__in=list(codes), is_current=True))).order_by("id"))
    if not rels:
        return _("no data release")
    return "; ".join(f"#{r.pk} {r.source} ({r.imported_at.date().isoformat()})" for r in rels)


def _indicators(b: Builder) -> None:
    from wsis.statistics import selectors as st
    from wsis.statistics.models import Indicator

    if b.economy:
        return
    groups = [st.WORLD, "AFR", "AMS", "ARB", "ASP", "CIS", "EUR", *DEVELOPMENT]
    if b.group and b.group.code not in groups:
        groups.append(b.group.code)
    names = st.group_names(b.language)
    inds = [i for i in Indicator.objects.filter(code__in=KEY_INDICATORS).prefetch_related("translations")
            if i.rule != "none"]
    inds.sort(key=lambda i: KEY_INDICATORS.index(i.code))
    src = b.source(_("ICT statistics: group figures (population-weighted, declared gap filling)"),
                   {"indicators": [i.code for i in inds], "year": b.year, "groups": groups},
                   _release_label([i.code for i in inds]), "/api/v1/statistics/indicators/{code}/aggregates")
    rows = []
    cols = [("group", _("Group"))]
    for ind in inds:
        figures = {}
        for r in st.aggregates(ind, groups=groups, years=(b.year - 5, b.year)):
            if r["value"] is not None:
                figures.setdefault(r["group"], {})[r["year"]] = r["value"]
        cols.append((ind.code, f"{ind.text('name', b.language)} ({ind.unit})", "decimal"))
        cols.append((f"{ind.code}_year", _("Year"), "text"))
        for g in groups:
            years = figures.get(g, {})
            y = max(years) if years else None
            row = next((x for x in rows if x["code"] == g), None)
            if row is None:
                row = {"code": g, "group": names.get(g, g)}
                rows.append(row)
            row[ind.code] = round(years[y], 1) if y else None
            row[f"{ind.code}_year"] = str(y) if y else ""
    for r in rows:
        r.pop("code")
    t = b.table(_("Key ICT indicators: the latest figure up to the period, by group"), cols, rows, src,
                _("Figures are the latest of the five years up to the period; the year column says which."))
    main = inds[0].code if inds else None
    blocks = [t]
    if main:
        blocks.append(Chart("C-ind", inds[0].text("name", b.language), t.key, "group", [main], source=src))
    b.section("indicators", _("Key ICT indicators and the digital divide"), blocks if inds else [],
              "" if inds and rows else _("No ICT statistics are available for this period."))


def _divide(b: Builder) -> None:
    from wsis.statistics import selectors as st
    from wsis.statistics.models import Indicator

    ind = Indicator.objects.filter(code="INTERNET_USERS").first()
    if ind is None:
        return
    d = st.divide(ind, year=b.year)
    names = st.group_names(b.language)
    src = b.source(_("ICT statistics: digital-divide gaps between groups"), {"indicator": ind.code, "year": b.year},
                   _release_label([ind.code]), f"/api/v1/statistics/indicators/{ind.code}/divide?year={b.year}")
    rows = [{"group": names.get(g["group"], g["group"]), "value": g["value"] and round(g["value"], 1),
             "reference": names.get(g["reference"], g["reference"]),
             "reference_value": g["reference_value"] and round(g["reference_value"], 1),
             "gap": g["gap"] and round(g["gap"], 1)} for g in d.get("gaps", [])]
    t = b.table(_("Internet use: gaps between groups (percentage points)"),
                [("group", _("Group")), ("value", _("Value"), "decimal"), ("reference", _("Compared with")),
                 ("reference_value", _("Value"), "decimal"), ("gap", _("Gap"), "decimal")], rows, src)
    section = next((s for s in b.sections if s.key == "indicators"), None)
    if section is not None and rows:
        section.blocks.append(t)


def _targets(b: Builder) -> None:
    from wsis.statistics import selectors as st

    rows = st.targets()
    src = b.source(_("ICT statistics: strategic targets tracked against group figures"), {"as_of": b.as_of.isoformat()},
                   _release_label(sorted({r["indicator"] for r in rows})), "/api/v1/statistics/targets")
    labels = {"met": _("Met"), "on_track": _("On track"), "off_track": _("Off track"),
              "insufficient_data": _("Insufficient data")}
    t = b.table(_("Strategic targets: status"), [
        ("code", _("Target")), ("text", _("Text")), ("latest_year", _("Latest year")),
        ("latest_value", _("Latest value"), "decimal"), ("target", _("Target value"), "decimal"),
        ("status", _("Status"))],
        [{"code": r["code"], "text": r["text"], "latest_year": str(r.get("latest_year") or ""),
          "latest_value": r.get("latest_value") and round(r["latest_value"], 1), "target": r.get("target"),
          "status": str(labels.get(r.get("status"), r.get("status") or ""))} for r in rows], src)
    b.section("targets", _("Strategic targets"), [t] if rows else [], "" if rows else _("No target is tracked."))


def _funding(b: Builder) -> None:
    from wsis.partnerships.funding import selectors as funding_selectors

    f = funding_selectors.FlowFilters(year=b.year, region=b.scope if b.group and b.group.kind == "itu_region" else "",
                       group=b.scope if b.group and b.group.kind != "itu_region" else "")
    # The public view: confidential amounts are never read into a report.
    s = funding_selectors.funding_summary(None, f)
    from wsis.partnerships.models import ExchangeRate

    last_rate = ExchangeRate.objects.aggregate(m=Max("date"))["m"]
    src = b.source(_("Partnerships: public funding flows converted to US dollars at the rate of their date"),
                   {**f.as_params(), "viewer": "public"},
                   _("%(n)s flows; exchange rates up to %(date)s") % {"n": s["flows"], "date": last_rate or "—"},
                   "/api/v1/partnerships/summary?" + "&".join(f"{k}={v}" for k, v in f.as_params().items()))
    stage_cols = [("pledge", _("Pledged"), "usd"), ("commitment", _("Committed"), "usd"),
                  ("disbursement", _("Disbursed"), "usd"), ("expenditure", _("Spent"), "usd")]
    total = b.table(_("Resources mobilised in the period, in US dollars"), [("label", _("Total"))] + stage_cols,
                    [{"label": _("All public flows"), **s["total"]}], src)
    by_mech = b.table(_("Resources by funding mechanism, in US dollars"), [("label", _("Mechanism"))] + stage_cols,
                      [{"label": str(r["label"]), **{k: r[k] for k, *_x in stage_cols}}
                       for r in s["breakdown"]["mechanism"]], src)
    by_region = b.table(_("Resources by ITU region, in US dollars"), [("label", _("Region"))] + stage_cols,
                        [{"label": str(r["label"]), **{k: r[k] for k, *_x in stage_cols}}
                         for r in s["breakdown"]["region"]], src,
                        _("A flow to an activity in several regions counts in each of them."))
    blocks = [total, by_mech, Chart("C-mech", by_mech.caption, by_mech.key, "label", ["commitment", "disbursement"],
                                    source=src)]
    if not b.group:
        blocks.append(by_region)
    if s["missing"]:
        blocks.append(Paragraph(_("%(n)s flows have no exchange rate for their date and are not counted.")
                                % {"n": sum(m["flows"] for m in s["missing"])}, src))
    b.section("funding", _("Partnerships and resources mobilised"), blocks if s["flows"] else [],
              "" if s["flows"] else _("No funding flow is recorded for this period and scope."))


def _capacity(b: Builder) -> None:
    from wsis.partnerships.cooperation import selectors as cooperation_selectors

    region = b.scope if b.group and b.group.kind == "itu_region" else ""
    events = list(cooperation_selectors.event_activities(None, year=b.year, region=region))
    c = cooperation_selectors.capacity_summary([e.pk for e in events])
    src = b.source(_("Capacity building: participants recorded for published trainings and events"),
                   {"year": b.year, "region": region}, _("%(n)s events") % {"n": len(events)},
                   f"/api/v1/partnerships/events?year={b.year}" + (f"&region={region}" if region else ""))
    from wsis.partnerships.codes import SEXES

    t = b.table(_("Participants in trainings and events, by sex"),
                [("sex", _("Sex")), ("participants", _("Participants"), "int"), ("share", _("Share"), "percent")],
                [{"sex": str(SEXES[k]), "participants": v, "share": round(100 * v / c["total"], 1) if c["total"]
                  else None} for k, v in c["by_sex"].items()], src)
    p = Paragraph(_("%(events)s trainings and events; %(total)s participants recorded for %(reported)s of them; "
                    "%(certificates)s certificates issued.") % {k: c[k] for k in ("events", "total", "reported",
                                                                                  "certificates")}, src)
    b.section("capacity", _("Capacity building"), [p, t] if c["total"] else [p],
              "" if events else _("No training or event is recorded for this period."))


def _plan(b: Builder) -> None:
    from wsis.planning import selectors as pl
    from wsis.planning.models import Plan

    plan = Plan.objects.filter(state__in=("active", "closed"), start__lte=b.end, end__gte=b.start).order_by(
        "-start").first()
    if plan is None:
        b.section("plan", _("Operational plan"), [], _("No operational plan covers this period."))
        return
    view = pl.evaluate(plan, language=b.language, today=b.as_of)
    src = b.source(_("Operational plan: statuses computed from approved updates and linked activities"),
                   {"plan": plan.code, "as_of": b.as_of.isoformat()}, _("evaluated as of %(date)s") % {
                       "date": b.as_of.isoformat()}, f"/api/v1/plans/{plan.code}?at={b.as_of.isoformat()}")
    counts = Counter(o.status for o in view.outputs())
    t = b.table(_("Operational-plan outputs by status"), [("status", _("Status")), ("outputs", _("Outputs"), "int")],
                [{"status": str(pl.status_label(s)), "outputs": n} for s, n in sorted(counts.items())], src)
    b.section("plan", _("Operational plan"), [Paragraph(_("Plan %(title)s: overall status %(status)s.") % {
        "title": view.title, "status": pl.status_label(view.status)}, src), t])


def _prizes(b: Builder) -> None:
    from wsis.prizes import selectors as pz
    from wsis.prizes.models import Contest

    contest = Contest.objects.filter(year=b.year).first()
    rows = pz.results(contest, b.language, region=b.scope if b.group and b.group.kind == "itu_region" else None,
                      include_votes=False) if contest else []
    src = b.source(_("WSIS Prizes: published results"), {"year": b.year}, _("contest %(year)s") % {"year": b.year}
                   if contest else _("no contest"), f"/api/v1/prizes/{b.year}/results")
    t = b.table(_("WSIS Prizes winners and champions"), [("category", _("Category")), ("title", _("Project")),
                                                        ("organisation", _("Organisation")), ("state", _("Result"))],
                [{"category": r["category_name"], "title": r["title"], "organisation": r["organisation"],
                  "state": r["state_label"]} for r in rows], src)
    b.section("prizes", _("WSIS Prizes"), [t] if rows else [],
              "" if rows else _("No WSIS Prizes results are published for this year."))


def _profile(b: Builder) -> None:
    from wsis.statistics import selectors as st

    p = st.profile(b.economy.iso3, language=b.language)
    names = st.group_names(b.language)
    src = b.source(_("ICT statistics: the economy's latest values beside its groups"), {"economy": b.economy.iso3},
                   _release_label([r["indicator"] for r in p["rows"]]), f"/api/v1/statistics/economies/{b.economy.iso3}")
    region = next((g for g in p["groups"] if g in ("AFR", "AMS", "ARB", "ASP", "CIS", "EUR")), None)
    cols = [("name", _("Indicator")), ("unit", _("Unit")), ("year", _("Year")), ("value", b.scope_label, "decimal"),
            ("world", names.get(st.WORLD, _("World")), "decimal")]
    if region:
        cols.insert(4, ("region", names.get(region, region), "decimal"))
    rows = [{"name": r["name"], "unit": r["unit"], "year": str(r["year"]),
             "value": r["value"] if r["value"] is None else round(r["value"], 1),
             "region": r["groups"].get(region) and round(r["groups"][region], 1),
             "world": r["groups"].get(st.WORLD) and round(r["groups"][st.WORLD], 1)} for r in p["rows"]]
    t = b.table(_("ICT indicators: the latest value, with the region and the world"), cols, rows, src)
    b.section("profile", _("ICT indicators"), [t] if rows else [],
              "" if rows else _("No ICT statistics are available for this economy."))


def _annex(b: Builder) -> None:
    src = b.sources[0].key if b.sources else ""
    rows = [{"id": a.pk, "title": a.title(b.language), "kind": str(a.get_kind_display()),
             "lead": a.lead_organisation.name,
             "lines": ", ".join(link.action_line.code for link in a.action_line_links.all()),
             "economies": ", ".join(e.iso3 for e in a.economies.all())} for a in b.acts]
    t = b.table(_("Annex: the activities counted"), [("id", _("No.")), ("title", _("Title")), ("kind", _("Kind")),
                                                    ("lead", _("Lead organisation")), ("lines", _("Action lines")),
                                                    ("economies", _("Economies"))], rows, src)
    b.section("annex", _("Annex"), [t] if rows else [], "" if rows else _("No activity to list."))
