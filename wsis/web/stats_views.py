"""ICT statistics pages: indicator list, explorer (chart, table, group figures with coverage, map), digital
divide, economy profile, target dashboard, ICT Development Index, releases and their comparison, import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from wsis.core import charts
from wsis.core.bounds import ID_MAX, year_or_none
from wsis.core.errors import NotFound, ServiceError
from wsis.core.export import download
from wsis.core.i18n import current_language
from wsis.core.uploads import read_upload
from wsis.reference import selectors as reference
from wsis.reference.selectors import NOT_ECONOMIES, economy_search_names
from wsis.statistics import lists, selectors, services, worldmap
from wsis.statistics.labels import unit_label
from wsis.web.embed import chart_links, embeddable, is_embed
from wsis.web.feedback import service_errors

FORMATS = ("csv", "json", "xlsx")
DEFAULT_ECONOMIES = ["KEN", "IND", "BRA", "DEU"]
TARGET_STATUS = {"achieved": "done", "on_track": "on_track", "off_track": "off_track",
                 "insufficient_data": "no_data"}


def _indicator(code):
    try:
        return selectors.indicator_get(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _int(value, default=None):
    """A whole number from the query string within the database's 64-bit range, else the default."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        return default
    return n if abs(n) <= ID_MAX else default


def index(request):
    answer = lists.INDICATORS.for_page(request, current_language())
    if not isinstance(answer, tuple):
        return answer  # the download
    return render(request, "wsis/stats/index.html", {
        "indicators": answer[1], "rules": selectors.rule_labels(),
        "can_import": services.can_statistics_import(request.user)})


def _codes(request, *names) -> list[str]:
    """Codes of the query string, as repeated parameters or comma-separated."""
    return [c.strip() for name in names for v in request.GET.getlist(name) for c in v.split(",") if c.strip()]


def explorer(request, code: str):
    ind = _indicator(code)
    lang = current_language()
    try:
        dims = selectors.dims_param(ind, request.GET.get("dims"))
        method = selectors.method_from(request.GET)
    except ServiceError as exc:
        service_errors(request, exc)
        dims, method = selectors.total_dims(ind), selectors.method_from({})
    all_groups = selectors.group_names(lang)
    groups = ([g for g in _codes(request, "group", "groups") if g in all_groups]
              or ["WORLD", "LDC", "DEVELOPED", "DEVELOPING"])
    economies = [e.upper() for e in _codes(request, "economy")] or DEFAULT_ECONOMIES
    if request.GET.get("format"):
        # The download: the rows of the economies (or groups) shown, with the query's other filters.
        try:
            if request.GET.get("what") == "aggregates":
                return lists.AGGREGATES.for_page(request, lang, code=ind.code, groups=groups)
            return lists.OBSERVATIONS.for_page(request, lang, code=ind.code, economy=economies)
        except ServiceError as exc:
            service_errors(request, exc)
    names = selectors.economy_names(lang)
    span = selectors.year_span(ind, dims)
    ctx = {"ind": ind, "name": ind.text("name", lang), "dims": dims, "dims_choices": selectors.available_dims(ind),
           "groups": groups, "group_names": all_groups, "economies": economies, "method": method, "span": span,
           "economy_choices": [(c, n) for c, n in names.items() if c not in NOT_ECONOMIES or c in economies],
           "economy_labels": [names.get(e, e) for e in economies],
           "economy_search": economy_search_names(language=lang)}
    if span is None:
        return render(request, "wsis/stats/explorer.html", ctx)
    obs = selectors.observations(ind, dims=dims, economies=economies)
    agg = selectors.aggregates(ind, dims=dims, groups=groups, method=method) if ind.rule != "none" else []
    series = [charts.Series(names.get(e, e), [(o["year"], o["value"]) for o in obs if o["economy"] == e])
              for e in economies]
    series += [charts.Series(all_groups.get(g, g), [(r["year"], r["value"]) for r in agg if r["group"] == g])
               for g in groups]
    chart = charts.LineChart([s for s in series if s.points], y_min=0 if ind.unit == "%" else None,
                             y_max=100 if ind.unit == "%" else None, x_label=_("Year"),
                             y_label=_axis_title(ctx["name"], unit_label(ind.unit)), unit=unit_label(ind.unit), key="chart-over-time",
                             rtl=get_language_bidi())
    years = list(range(span[0], span[1] + 1))
    table = []
    obs_by = {(o["economy"], o["year"]): o["value"] for o in obs}
    agg_by = {(r["group"], r["year"]): r for r in agg}
    for y in years:
        table.append({"year": y, "economies": [obs_by.get((e, y)) for e in economies],
                      "groups": [agg_by.get((g, y), {}).get("value") for g in groups]})
    map_year = year_or_none(request.GET.get("year")) or span[1]
    ctx.update({
        "chart": charts.render(chart, aria_label=_("Line chart of %(name)s; the values are in the table below.")
                               % {"name": ctx["name"]}),
        "table": [r for r in table if any(v is not None for v in r["economies"] + r["groups"])],
        "economy_labels": [names.get(e, e) for e in economies], "agg": [r for r in agg if r["year"] >= span[1] - 9],
        "map": world_map(ind, dims, map_year, names), "map_year": map_year, "years": years,
        "query": _query(request), "links": chart_links(request),
    })
    if is_embed(request):
        return embeddable(render(request, "wsis/stats/explorer_embed.html", ctx))
    return render(request, "wsis/stats/explorer.html", ctx)


def _axis_title(name: str, unit: str) -> str:
    """The y axis title: the indicator's name with its unit, or the unit alone when the name is too long."""
    if not unit:
        return name if len(name) <= 48 else ""
    full = f"{name} ({unit})"
    return full if len(full) <= 48 else _("Value (%(unit)s)") % {"unit": unit}


def _query(request):
    q = request.GET.copy()
    for name in ("format", "what", "embed"):
        q.pop(name, None)
    return q.urlencode()


def world_map(ind, dims, year, names: dict[str, str]):
    """The statistics map of one indicator and year, with its legend and rows (the explorer and the home page)."""
    values = {o["economy"]: o["value"] for o in selectors.observations(ind, dims=dims, years=(year, year))}
    by_m49 = selectors.map_codes()
    breaks = worldmap.classes(list(values.values()))
    shapes = []
    for m49, shape in worldmap.shapes().items():
        iso3 = by_m49.get(m49)
        v = values.get(iso3) if iso3 else None
        name = names.get(iso3, shape["name"])
        shapes.append({"d": shape["d"], "fill": worldmap.colour(v, breaks) if v is not None else None,
                       "label": f"{name}, {year}: {charts.human(v)}" + (f"\u00a0{ind.unit}" if ind.unit == "%" else "")
                       if v is not None else f"{name}, {year}: {_('no data')}"})
    legend = []
    edges = [None, *breaks, None]
    for i in range(len(breaks) + 1):
        legend.append({"colour": worldmap.PALETTE[min(i, len(worldmap.PALETTE) - 1)], "low": edges[i], "high": edges[i + 1]})
    rows = sorted(((names.get(k, k), k, v) for k, v in values.items()), key=lambda r: r[0])
    svg = charts.map_svg(shapes, width=worldmap.WIDTH, height=worldmap.HEIGHT, outline=worldmap.outline(),
                         aria_label=_("World map of the values in %(year)s; every value is in the table below the "
                                      "map.") % {"year": year})
    return {"svg": svg, "legend": legend, "rows": rows}


def divide(request, code: str):
    ind = _indicator(code)
    lang = current_language()
    try:
        data = selectors.divide(ind, year=year_or_none(request.GET.get("year")))
    except ServiceError as exc:
        service_errors(request, exc)
        data = None
    names = selectors.group_names(lang)
    chart_svg = ""
    if data and data["dispersion"] and data["dispersion"]["series"]:
        s = data["dispersion"]["series"]
        chart = charts.LineChart([charts.Series("Gini", [(r["year"], r["gini"]) for r in s])], height=240, y_min=0,
                                 x_label=_("Year"), y_label=_("Gini coefficient (0–1)"), key="chart-gini",
                                 rtl=get_language_bidi())
        chart_svg = charts.render(chart, aria_label=_("Gini coefficient across economies by year; the values are "
                                                      "in the table beside."))
    return render(request, "wsis/stats/divide.html", {"ind": ind, "name": ind.text("name", lang), "data": data,
                                                      "names": names, "chart_svg": chart_svg})


def targets(request):
    answer = lists.TARGETS.for_page(request, current_language())
    if not isinstance(answer, tuple):
        return answer  # the download
    rows = answer[1]
    names = selectors.group_names(current_language())
    for r in rows:
        r["badge"] = TARGET_STATUS.get(r["status"], "no_data")
    return render(request, "wsis/stats/targets.html", {"rows": rows, "names": names,
                                                       "chart": _targets_chart(rows, names)})


def _share_of_target(value, target, comparator) -> float | None:
    """How far a figure is towards its target, in per cent (100 = met): value/target, or target/value for a
    target that is a ceiling ("at most")."""
    if value is None or not target:
        return None
    if comparator == "<=":
        return round(target / value * 100, 1) if value else None
    return round(value / target * 100, 1)


def _targets_chart(rows: list[dict], names: dict) -> dict | None:
    drawn = [r for r in rows if r.get("latest_value") is not None and r.get("target")]
    if not drawn:
        return None
    for r in drawn:
        r["share_latest"] = _share_of_target(r["latest_value"], r["target"], r.get("comparator"))
        r["share_projected"] = _share_of_target(r.get("projection"), r["target"], r.get("comparator"))
    chart = charts.BarChart([
        charts.BarSeries(_("Latest figure"), [r["share_latest"] for r in drawn]),
        charts.BarSeries(_("Projected at the deadline"), [r["share_projected"] for r in drawn]),
    ], categories=[f"{r['code']} · {names.get(r['group'], r['group'])}" for r in drawn], key="chart-targets",
        x_label=_("Share of the target reached (%)"), unit="%", rtl=get_language_bidi(), label_chars=30,
        reference=100)
    return charts.render(chart, aria_label=_("Each strategic target: its latest figure and its projection at the "
                                             "deadline as a share of the target (100 % = met); the figures are in "
                                             "the table below."))


def index_page(request, code: str = "IDI"):
    try:
        result = selectors.index_scores(code, year=year_or_none(request.GET.get("year")))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    lang = current_language()
    names = selectors.economy_names(lang)
    rows = [{"economy": k, "name": names.get(k, k), "index": s.index, "pillars": s.pillars, "missing": s.missing}
            for k, s in result["scores"].items()]
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return download([{"economy": r["economy"], "index": r["index"], **{f"pillar_{k}": v for k, v in
                                                                           r["pillars"].items()},
                          "missing": ";".join(r["missing"])} for r in rows], f"{code}-{result['year']}", fmt)
    regions = {g["code"]: g["name"] for g in reference.group_list(language=lang, kind="itu_region")}
    region = request.GET.get("region") if request.GET.get("region") in regions else None
    return render(request, "wsis/stats/index_scores.html", {
        "r": result, "rows": rows, "pillars": result["definition"].pillars, "regions": regions, "region": region,
        **_index_charts(rows, result, region, lang), "links": chart_links(request),
        "idi_csv": f"?year={result['year']}&format=csv"})


def _index_charts(rows: list[dict], result: dict, region: str | None, lang: str) -> dict:
    """The distribution of the scores (economies per band of ten points) and the ranked scores of one ITU
    region, or of the 20 highest-scoring economies of the world."""
    scored = [r for r in rows if r["index"] is not None]
    if not scored:
        return {"dist": None, "ranked": None, "bands": []}
    bands = [{"low": lo, "high": lo + 10, "n": sum(1 for r in scored if lo <= r["index"] < lo + 10
                                                   or (lo == 90 and r["index"] == 100))} for lo in range(0, 100, 10)]
    rtl = get_language_bidi()
    dist = charts.BarChart([charts.BarSeries(_("Economies"), [b["n"] for b in bands])],
                           categories=[f"{b['low']}–{b['high']}" for b in bands], key="chart-idi-dist",
                           x_label=_("Number of economies"), rtl=rtl, label_chars=8)
    if region:
        members = {e["iso3"] for e in reference.economy_list(language=lang, region=region)}
        ranked_rows = [r for r in scored if r["economy"] in members]
    else:
        ranked_rows = scored[:20]
    ranked = charts.BarChart([charts.BarSeries(result["name"], [r["index"] for r in ranked_rows])],
                             categories=[r["name"] for r in ranked_rows], key="chart-idi-ranked",
                             x_label=_("Score (0–100)"), rtl=rtl) if ranked_rows else None
    year = result["year"]
    return {
        "bands": bands,
        "dist": charts.render(dist, aria_label=_("Number of economies by band of %(name)s score in %(year)s; the "
                                                 "counts are in the table beside.") % {"name": result["name"],
                                                                                       "year": year}),
        "ranked": charts.render(ranked, aria_label=_("%(name)s scores in %(year)s, highest first; the scores are "
                                                     "in the table below.") % {"name": result["name"], "year": year})
        if ranked else None,
        "ranked_rows": ranked_rows,
    }


def releases(request):
    a, b = _int(request.GET.get("old")), _int(request.GET.get("new"))
    diff = None
    if a and b:
        try:
            diff = selectors.release_diff(selectors.release_get(a), selectors.release_get(b), limit=300)
        except NotFound:
            messages.error(request, _("Choose two releases."))
        else:
            if request.GET.get("format") in FORMATS:
                return download(diff["rows"], f"releases-{a}-{b}", request.GET["format"])
    # Without two releases to compare, `format` asks for the list of releases as a file.
    answer = (None, selectors.release_rows()) if a and b else lists.RELEASES.for_page(request, current_language())
    if not isinstance(answer, tuple):
        return answer
    rows = answer[1]
    return render(request, "wsis/stats/releases.html", {"releases": rows, "diff": diff, "old": a, "new": b})


@login_required
def import_page(request):
    from wsis.statistics.importing import import_bytes
    from wsis.statistics.sources import ADAPTERS

    if not services.can_statistics_import(request.user):
        raise Http404(_("This page is for ICT statisticians."))
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Choose a file."))
        else:
            try:
                result = import_bytes(request.user, read_upload(upload), upload.name, fmt=request.POST.get("format", "auto"),
                                      options={k: request.POST.get(k, "") for k in ("indicator", "area", "mapping")},
                                      skip_unmatched=bool(request.POST.get("skip_unmatched")),
                                      create_indicators=bool(request.POST.get("create_indicators")))
                if result.created:
                    messages.success(request, _("Release #%(n)d imported: %(obs)d observations, %(agg)d published "
                                                "aggregates.") % {"n": result.release.pk, "obs": result.observations,
                                                                  "agg": result.aggregates})
                else:
                    messages.info(request, _("This file was already imported as release #%(n)d; nothing changed.")
                                  % {"n": result.release.pk})
                return redirect("web:stats_releases")
            except ServiceError as exc:
                service_errors(request, exc)
    return render(request, "wsis/stats/import.html", {"adapters": ADAPTERS, "form": request.POST})
