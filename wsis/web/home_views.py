"""The public home page (a dashboard of headline figures) and a signed-in person's "My work" page.

The figures come from `wsis.reports.dashboard`; this module only turns them into text for the page's
language (CLDR through babel) and into small SVG charts.
"""


from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

from wsis.core import charts
from wsis.core.i18n import cldr_locale, current_language
from wsis.reference import selectors as reference
from wsis.reports import dashboard
from wsis.statistics import selectors as stats
from wsis.web import stats_views

# Official SDG goal colours, and the text colour each needs for WCAG AA contrast (4.5:1) on it.
SDG_COLOURS = {1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2", 7: "#FCC30B",
               8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E", 13: "#3F7E44",
               14: "#0A97D9", 15: "#56C02B", 16: "#00689D", 17: "#19486A"}
PLAN_COLOURS = {"done": "#00734F", "on_track": "#0072B2", "at_risk": "#E69F00", "off_track": "#D55E00",
                "late": "#A8174A", "no_data": "#8a94a3"}


def _contrast_ink(hex_colour: str) -> str:
    """'light' when white text on the colour reaches 4.5:1, else 'dark' (#1b1f24, which does on every goal)."""
    def lum(h):
        c = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    return "light" if 1.05 / (lum(hex_colour) + 0.05) >= 4.5 else "dark"


SDG_INK = {n: _contrast_ink(c) for n, c in SDG_COLOURS.items()}


def _compact(v, loc) -> str:
    if v is None:
        return "—"
    if abs(v) < 1e6:
        return format_decimal(v, format="#,##0", locale=loc)
    return format_compact_decimal(v, format_type="long", fraction_digits=2, locale=loc)


def _coverage(item, loc) -> str:
    if item.get("reported") is None:
        return ""
    return _("%(reported)s of %(members)s economies reporting") % {
        "reported": format_decimal(item["reported"], locale=loc), "members": format_decimal(item["members"], locale=loc)}


def _spark(points, label: str, colour: str = "#0072B2") -> str:
    return charts.sparkline_svg(charts.Sparkline(points, width=192, height=48, colour=colour), aria_label=label)


def home_context(language: str) -> dict:
    """Everything the home page shows, cached per language under the dashboard's data stamp (the map, the
    reference lists and the figures change only when their data does; see wsis.reports.dashboard)."""
    stamp = dashboard.version()
    key = f"wsis:home:{language}:{stamp}"
    context = cache.get(key)
    if context is None:
        context = _home_context(language, stamp)
        cache.set(key, context, dashboard.CACHE_SECONDS)
    return {**context, "stamp": stamp, "cache_seconds": dashboard.CACHE_SECONDS, "language": language}


def _home_context(language: str, stamp: str) -> dict:
    data = dashboard.dashboard(language, stamp=stamp)
    loc = cldr_locale(language)
    net, off, acts, money, plan, prize = (data[k] for k in ("internet", "offline", "activities", "funding", "plan",
                                                              "prizes"))
    cards = {
        "internet": {
            "figure": (format_decimal(net["value"], format="#,##0.0", locale=loc) + "\u00a0%") if net["value"] is not None else "—",
            "year": net["year"], "coverage": _coverage(net, loc),
            "spark": _spark(net["trend"], _("Share of the world's people using the Internet, %(first)s to %(last)s")
                            % {"first": net["trend"][0][0], "last": net["trend"][-1][0]} if net["trend"] else ""),
            "source": net["source"],
        },
        "offline": {
            "figure": _compact(off["value"], loc), "year": off["year"], "coverage": _coverage(off, loc),
            "spark": _spark(off["trend"], _("People offline in the world, %(first)s to %(last)s")
                            % {"first": off["trend"][0][0], "last": off["trend"][-1][0]} if off["trend"] else "",
                            colour="#D55E00"),
            "source": off["source"],
        },
        "activities": {
            "figure": format_decimal(acts["count"], locale=loc), "year": acts["year"],
            "total": format_decimal(acts["total"], locale=loc),
            "spark": _spark(acts["trend"], _("Activities published per year"), colour="#009E73"),
        },
        "funding": {
            "figure": "US$\u00a0" + _compact(money["committed"], loc), "year": money["year"],
            "disbursed": "US$\u00a0" + _compact(money["disbursed"], loc),
            "flows": format_decimal(money["flows"], locale=loc), "confidential": money["confidential"],
            "spark": _spark(money["trend"], _("Funding committed per year, in US dollars"), colour="#CC79A7"),
        },
        "plan": {**plan, "segments": _segments(plan["by_status"]),
                 "as_of_text": format_date(plan["as_of"], format="long", locale=loc)},
        "prizes": {**prize, "next_text": format_date(prize["next"], format="long", locale=loc) if prize["next"] else ""},
    }
    world_map = None
    if net["year"]:  # a year only when the indicator exists and its world figure is published
        ind = stats.indicator_get(dashboard.INTERNET)
        world_map = stats_views.world_map(ind, stats.total_dims(ind), net["year"], stats.economy_names(language))
        world_map["rows"] = [(*r, format_decimal(r[2], format="#,##0.0", locale=loc)) for r in world_map["rows"]]
        for item in world_map["legend"]:
            item["low_text"] = format_decimal(item["low"], format="#,##0.#", locale=loc) if item["low"] is not None else ""
            item["high_text"] = format_decimal(item["high"], format="#,##0.#", locale=loc) if item["high"] is not None else ""
    lines = reference.action_line_list(language=language)
    regions, groups = reference.split_groups(reference.group_list(language=language))
    goals = reference.sdg_goal_list(language=language)
    for g in goals:
        g["colour"], g["ink"] = SDG_COLOURS.get(g["number"], "#00507a"), SDG_INK.get(g["number"], "light")
    return {
        "data": data, "cards": cards, "map": world_map, "map_year": net["year"],
        "lines": [line for line in lines if line["parent"] is None],
        "goals": goals,
        "regions": regions,
        # Groups without members on today's date (the World Bank income groups until their classification is
        # loaded with `wsis reference load wb-income`) would read as "0 economies": they are left out.
        "groups": [g for g in groups if g["members"]],
        "plan_colours": PLAN_COLOURS,
    }


def _segments(by_status: list[dict]) -> list[dict]:
    """The plan's status bar: one segment per status, x and width in percent of the bar (C locale)."""
    x, out = 0.0, []
    for s in by_status:
        out.append({**s, "x": f"{x:.2f}", "w": f"{s['share']:.2f}", "colour": PLAN_COLOURS.get(s["code"], "#8a94a3")})
        x += s["share"]
    return out


def home(request):
    return render(request, "wsis/home.html", home_context(current_language()))


@login_required
def my_work(request):
    work = dashboard.my_work(request.user, current_language())
    return render(request, "wsis/my_work.html", {"work": work})
