"""The economy profile, the comparison of economies, and the indicator's method page."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from wsis.core import charts
from wsis.core.errors import NotFound, ValidationFailed
from wsis.core.export import download
from wsis.core.i18n import current_language
from wsis.reports.economies import selectors
from wsis.reports.economies.api import file_rows
from wsis.statistics import selectors as stats
from wsis.statistics.labels import unit_label
from wsis.web.embed import chart_links, embeddable, is_embed
from wsis.web.templatetags.profile_tags import human

FORMATS = ("csv", "json", "xlsx")


def _chart(series: list[tuple[str, list]], unit: str, label: str, *, key: str, y_label: str = "",
           height: int = 280, width: int = 480) -> dict | None:
    """A line chart for `wsis/_chart.html` (None without data); percentages on a 0–100 axis."""
    chart = charts.LineChart([charts.Series(name, points) for name, points in series if points], height=height, width=width,
                             y_min=0 if unit == "%" else None, y_max=100 if unit == "%" else None,
                             x_label=_("Year"), y_label=y_label, unit=unit_label(unit), key=key,
                             rtl=get_language_bidi())
    if not chart.series:
        return None
    return charts.render(chart, aria_label=label)


def economy(request, iso3: str):
    lang = current_language()
    if iso3 != iso3.upper():
        return redirect("web:economy", iso3=iso3.upper(), permanent=True)
    try:
        p = selectors.profile(iso3, language=lang, viewer=request.user)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return download(file_rows(p), f"profile-{p['iso3']}", fmt)
    region = p["region"]["name"] if p["region"] else None
    key = []
    for r in p["indicators"]:
        if not r["key"]:
            continue
        series = [(p["name"], r["series"])]
        if region:
            series.append((region, r["region_series"]))
        series.append((_("World"), r["world_series"]))
        chart = _chart(series, r["unit"], _("Line chart of %(indicator)s in %(economy)s beside its region and "
                                            "the world; the values are in the table below the chart.")
                       % {"indicator": r["name"], "economy": p["name"]},
                       key=f"chart-{r['indicator']}", y_label=f"{r['name']} ({unit_label(r['unit'])})" if r["unit"] else r["name"])
        years = sorted({y for _n, pts in series for y, _v in pts})
        lookup = [dict(pts) for _n, pts in series]
        table = [{"year": y, "values": [human(d.get(y), r["unit"]) for d in lookup]} for y in years]
        key.append({**r, "chart": chart, "table": table, "labels": [n for n, _p in series]})
    if is_embed(request):
        return embeddable(render(request, "wsis/economy_embed.html", {"p": p, "key": key,
                                                                        "links": chart_links(request)}))
    return render(request, "wsis/economy_profile.html", {
        "p": p, "key": key, "others": [r for r in p["indicators"] if not r["key"]], "links": chart_links(request),
        "activities_url": reverse("web:activities") + f"?economy={p['iso3']}",
        "requests_url": reverse("web:requests") + f"?economy={p['iso3']}",
        "funding_total": sum(p["funding"]["total"].values()),
    })


def _compare_codes(request) -> list[str]:
    return [c for v in request.GET.getlist("e") for c in v.replace(",", " ").split() if c.strip()]


def compare(request):
    lang = current_language()
    codes = _compare_codes(request)
    ctx = {"codes": codes, "text": " ".join(codes), "min": selectors.COMPARE_MIN, "max": selectors.COMPARE_MAX}
    if not codes:
        return render(request, "wsis/economy_compare.html", ctx)
    try:
        data = selectors.compare(codes, language=lang)
    except ValidationFailed as exc:
        ctx["errors"] = [e.message for e in exc.errors]
        return render(request, "wsis/economy_compare.html", ctx, status=400)
    if request.GET.get("format") in FORMATS:
        rows = [{"indicator": r["indicator"], "name": r["name"], "unit": r["unit"],
                 **{f"{c['economy']}_{k}": c[k] for c in r["values"] for k in ("year", "value")}}
                for r in data["indicators"]]
        return download(rows, "compare-" + "-".join(e["iso3"] for e in data["economies"]), request.GET["format"])
    names = [e["name"] for e in data["economies"]]
    for r in data["indicators"]:
        r["chart"] = _chart([(names[i], c["series"]) for i, c in enumerate(r["values"])], r["unit"],
                            _("Line chart of %(indicator)s in the economies compared; the values are in "
                              "the table above.") % {"indicator": r["name"]},
                            key=f"chart-{r['indicator']}", y_label=f"{r['name']} ({unit_label(r['unit'])})" if r["unit"] else r["name"])
    ctx.update(data=data, query=request.GET.urlencode())
    return render(request, "wsis/economy_compare.html", ctx)


def stats_economy_moved(request, iso3: str):
    """The statistics profile became a section of the one economy profile."""
    url = reverse("web:economy", kwargs={"iso3": iso3.upper()})
    if request.GET.get("format"):
        url += "?format=" + request.GET["format"]
    return redirect(url, permanent=True)


def indicator_about(request, code: str):
    try:
        ind = stats.indicator_get(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    about = stats.indicator_about(ind, current_language())
    chart = None
    if about["coverage"]:
        chart = charts.LineChart([charts.Series(_("Economies with a value"),
                                                [(r["year"], r["economies"]) for r in about["coverage"]])],
                                 height=220, y_min=0, x_label=_("Year"), y_label=_("Economies"), key="coverage",
                                 rtl=get_language_bidi())
        chart = charts.render(chart, aria_label=_("Economies with a value of %(name)s each year; the values are in the "
                                             "table beside.") % {"name": about["name"]})
    return render(request, "wsis/stats/about.html", {"ind": ind, "about": about, "chart": chart})
