"""Charts drawn on the server as SVG: no script, no external library, and the same definition serves the web
page (where `wsis/web/static/wsis/charts.js` adds tooltips, downloads and sharing), the embed view and print.

How to use it (a view builds the chart, a template includes `wsis/_chart.html`):

    from wsis.core import charts

    chart = charts.LineChart([charts.Series("Kenya", [(2020, 29.5), (2021, 32.1)])],
                             x_label=_("Year"), y_label=_("Individuals using the Internet (%)"),
                             unit="%", key="internet", rtl=get_language_bidi())
    ctx["chart"] = charts.render(chart, aria_label=_("Internet use in Kenya; the values are in the table."))

    {% include "wsis/_chart.html" with chart=chart table_id="t-internet" csv_url="?format=csv" %}

`render` returns a dict ({"svg", "legend", "kind", "key"}) for the template. Kinds:

- `LineChart`: series of (year, value) points; every point is a mark with its series, year and value as
  its accessible name and tooltip. `x_label`/`y_label` are drawn as axis titles (put the unit in `y_label`).
- `BarChart`: horizontal bars, one row per category (`categories` names each row inside the chart, in the
  page's language), one bar per series in each row. Without `categories` rows are numbered 1…N (reports
  whose renderer cannot draw the script of their language). `row_colours` colours each row (SDG goals:
  `sdg_colour(goal)`).
- `map_svg`: a choropleth from shapes (`{"d", "fill", "label"}`) such as `wsis.statistics.worldmap` draws.

Rules kept here so that pages need not think about them: every number inside an attribute is written by
Python in the C locale (never `960,0`), every number a person reads (tick labels, tooltips) is formatted
for the active language (`human`). Marks carry `tabindex="0"`, `role="img"`, an `aria-label` and a
`<title>` with the same text (hover tooltip without script). Colours: the official SDG goal colours for
goals, Okabe–Ito (colour-blind safe, with dash or fill patterns) for anything else. Every chart on a page
has its data in a table too."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from html import escape

from babel.numbers import format_compact_decimal, format_decimal

from wsis.core.i18n import cldr_locale, current_language

# The 17 official colours of the UN Sustainable Development Goals (UN Department of Global Communications,
# SDG guidelines for the use of the SDG logo, 2023).
SDG_COLOURS = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2", 7: "#FCC30B",
    8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E", 13: "#3F7E44", 14: "#0A97D9",
    15: "#56C02B", 16: "#00689D", 17: "#19486A",
}


def sdg_colour(goal) -> str:
    """The official colour of an SDG goal given as 1–17, "1" or a target code such as "4.4" / "SDG 4"."""
    text = str(goal).upper().replace("SDG", "").strip()
    try:
        return SDG_COLOURS[int(text.split(".")[0])]
    except (KeyError, ValueError):
        return "#4a5563"


# Colour-blind-safe palette (Okabe–Ito), each paired with a dash pattern so series differ without colour too.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "3 6"]

FONT = 13          # px in the chart's own units; CSS keeps a chart at least MIN_WIDTH px wide (see site.css)
TEXT = "#1b1f24"


def num(v: float) -> str:
    """A number for an attribute: C locale, at most one decimal, never a thousands separator."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def human(v: float | None, decimals: int = 2) -> str:
    """A number a person reads, in the active language (CLDR: decimal comma, grouping), the same as the
    tables' `number` filter: 33149327.93 → "33,149,328" in English, "33 149 328" in French."""
    if v is None or not isinstance(v, int | float) or not math.isfinite(v):
        return "—"
    places = 0 if abs(v) >= 1000 else decimals
    pattern = "#,##0" + ("." + "#" * places if places else "")
    return format_decimal(round(float(v), places), format=pattern, locale=cldr_locale(current_language()))


def short(v: float) -> str:
    """A tick label, compact in the active language (CLDR): 400000 → "400K", "400 k", "400 ألف", "40万"."""
    if abs(v) < 1e4:
        return human(v)
    return format_compact_decimal(v, format_type="short", locale=cldr_locale(current_language()), fraction_digits=1)


def _text(x, y, label, *, anchor="middle", size=FONT, rtl=False, extra="") -> str:
    direction = ' direction="rtl"' if rtl else ""
    return (f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" font-size="{size}" fill="{TEXT}"{direction}'
            f'{extra}>{escape(label)}</text>')


def _mark(tag: str, attrs: str, label: str) -> str:
    """A focusable mark whose accessible name and tooltip say what it shows."""
    text = escape(label)
    return f'<{tag} class="mark" tabindex="0" role="img" aria-label="{text}" {attrs}><title>{text}</title></{tag}>'


def text_width(label: str, size: float = FONT) -> float:
    """About how wide a label is drawn: Chinese, Japanese and Korean characters take a full em, others ~0.6."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in label)


def _clip(label: str, n: int) -> str:
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


def _open(kind: str, key: str, width, height, aria_label: str) -> str:
    # role="group": the marks inside are reachable one by one (role="img" would hide them).
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" id="{escape(key)}" role="group" '
            f'aria-label="{escape(aria_label)}" viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" '
            f'height="{num(height)}" direction="ltr" font-family="Noto Sans, Noto Sans Arabic, Noto Sans SC, '
            f'sans-serif">')


@dataclass
class Series:
    label: str
    points: list[tuple]          # (x, y) or (x, y, "the x as people read it", e.g. a date)
    colour: str = ""
    dash: str = ""


@dataclass
class LineChart:
    series: list[Series]
    title: str = ""
    width: int = 720
    height: int = 320
    y_label: str = ""            # the y axis title, with its unit: "Individuals using the Internet (%)"
    y_min: float | None = None
    y_max: float | None = None
    legend: list[dict] = field(default_factory=list)
    x_label: str = ""            # the x axis title, usually "Year"
    unit: str = ""               # appended to values in tooltips: "45.2 %"
    key: str = "chart"           # the SVG's id, unique on the page
    rtl: bool = False            # labels in a right-to-left script (the time axis still runs left to right)
    compact: bool = True         # tick labels in the page's language ("400 k", "400 ألف"); False: "400k" (print)

    def __post_init__(self):
        for i, s in enumerate(self.series):
            s.colour = s.colour or COLOURS[i % len(COLOURS)]
            s.dash = s.dash if s.dash else DASHES[i % len(DASHES)]
        self.legend = [{"label": s.label, "colour": s.colour, "dash": s.dash} for s in self.series]


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=raw)
    start = math.floor(lo / step) * step
    # The last tick is at or above `hi`, so the axis always contains the data.
    ticks = [round(start, 10)]
    while ticks[-1] < hi - step * 0.001:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _fmt(v: float) -> str:
    """Kept for callers that want a locale-free tick (file names, tests); pages use `short`."""
    if abs(v) >= 1e9:
        return f"{v / 1e9:g}G"
    if abs(v) >= 1e6:
        return f"{v / 1e6:g}M"
    if abs(v) >= 1e4:
        return f"{v / 1e3:g}k"
    return f"{v:g}"


def _value(v: float, unit: str) -> str:
    if not unit:
        return human(v)
    return f"{human(v)}\u00a0{unit}" if unit in ("%", "‰") else f"{human(v)} {unit}"


def point_label(series: str, x, y: float, unit: str = "") -> str:
    """The tooltip and accessible name of a point: "Kenya, 2021: 32,1 %". `x` is the year, or the text that
    names the point's time (a date) when the point's tuple has a third element."""
    year = x if isinstance(x, str) else int(x) if float(x).is_integer() else human(x, 1)
    return f"{series}, {year}: {_value(y, unit)}"


def svg(chart: LineChart, *, aria_label: str) -> str:
    pts = [p for s in chart.series for p in s.points if p[1] is not None and math.isfinite(p[1])]
    if not pts:
        return ""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1 = min(xs), max(xs)
    if x1 == x0:
        x1 = x0 + 1
    ticks = nice_ticks(chart.y_min if chart.y_min is not None else min(0.0, min(ys)),
                       chart.y_max if chart.y_max is not None else max(ys))
    y0, y1 = ticks[0], ticks[-1]
    # The right margin holds half of the last year label, which is centred on the last point; the left one
    # the tick labels and, turned, the y axis title.
    left = 62 + (20 if chart.y_label else 0)
    right, top = 24, 14
    bottom = 30 + (22 if chart.x_label else 0)
    w, h = chart.width - left - right, chart.height - top - bottom

    def X(x):
        return left + (x - x0) / (x1 - x0) * w

    def Y(y):
        return top + h - (y - y0) / ((y1 - y0) or 1) * h

    out = [_open("line", chart.key, chart.width, chart.height, aria_label)]
    for t in ticks:
        out.append(f'<line x1="{left}" x2="{left + w}" y1="{num(Y(t))}" y2="{num(Y(t))}" stroke="#d5dbe3"/>')
        out.append(_text(left - 6, Y(t) + 4, short(t) if chart.compact else _fmt(t), anchor="end"))
    span = int(x1 - x0)
    step = max(1, math.ceil(span / 8))
    for x in range(int(x0), int(x1) + 1, step):
        out.append(_text(X(x), top + h + 19, str(x)))
    if chart.x_label:
        out.append(_text(left + w / 2, chart.height - 8, chart.x_label, rtl=chart.rtl, extra=' class="axis-title"'))
    if chart.y_label:
        cy = top + h / 2
        out.append(_text(16, cy, _clip(chart.y_label, 48), rtl=chart.rtl,
                         extra=f' class="axis-title" transform="rotate(-90 16 {num(cy)})"'))
    out.append(f'<line x1="{left}" x2="{left + w}" y1="{top + h}" y2="{top + h}" stroke="#4a5563"/>')
    marks = []
    for s in chart.series:
        run: list[tuple] = []
        runs = [run]
        for p in sorted(s.points, key=lambda p: p[0]):
            x, y = p[0], p[1]
            if y is None or not math.isfinite(y):
                run = []
                runs.append(run)
                continue
            run.append((x, y, p[2] if len(p) > 2 else x))
        for r in runs:
            if len(r) > 1:
                dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
                line = " ".join(f"{num(X(x))},{num(Y(y))}" for x, y, _when in r)
                out.append(f'<polyline points="{line}" fill="none" stroke="{s.colour}" stroke-width="2.2"{dash}/>')
            for x, y, when in r:
                marks.append(_mark("circle", f'cx="{num(X(x))}" cy="{num(Y(y))}" r="3.2" fill="{s.colour}"',
                                   point_label(s.label, when, y, chart.unit)))
    out.extend(marks)  # above every line, so each point can be hovered
    out.append("</svg>")
    return "".join(out)


# Bar fills for the series of a bar chart: a pattern as well as a colour, so stages differ without colour.
BAR_COLOURS = ["#0072B2", "#A84C00", "#00734F", "#7A3E8C", "#4a5563", "#B0306A"]
BAR_PATTERNS = ["solid", "hatch", "dots", "cross", "solid", "hatch"]


@dataclass
class BarSeries:
    label: str
    values: list[float | None]
    colour: str = ""
    pattern: str = ""


@dataclass
class BarChart:
    """Horizontal bars: one row per category, one bar per series in each row.

    `categories` names the rows inside the chart (clipped to `label_chars`, the full name in the tooltip);
    without it the rows are numbered and the names go in the table beside, in the same order. `key` makes
    the ids unique when a page has several charts; `rtl` makes the bars grow from the right, as an Arabic
    reader expects, with the names on the right. `row_colours` gives each row its own colour (SDG goals).
    `x_label` titles the value axis (with its unit); `unit` follows values in tooltips; `values_on_bars`
    writes each value at the end of its bar (on by default when there are few bars); `reference` draws a
    dashed line at that value (e.g. 100 for "target met"). `compact=False` writes ticks without words
    ("400k"), for renderers that cannot shape every script (the reports' PDF and Word files).
    """

    series: list[BarSeries]
    key: str = "bars"
    width: int = 480
    bar: int = 9
    gap: int = 10
    rtl: bool = False
    legend: list[dict] = field(default_factory=list)
    categories: list[str] | None = None
    x_label: str = ""
    unit: str = ""
    row_colours: list[str] | None = None
    label_chars: int = 26
    values_on_bars: bool | None = None
    reference: float | None = None
    compact: bool = True

    def __post_init__(self):
        for i, s in enumerate(self.series):
            s.colour = s.colour or BAR_COLOURS[i % len(BAR_COLOURS)]
            s.pattern = s.pattern or BAR_PATTERNS[i % len(BAR_PATTERNS)]
        self.legend = [{"label": s.label, "colour": s.colour, "pattern": s.pattern,
                        "swatch": _swatch(s, f"{self.key}-l{i}")} for i, s in enumerate(self.series)]
        if self.categories is not None:
            # Room for the names and for bars thick enough to point at.
            self.width = max(self.width, 640)
            self.bar = max(self.bar, 14 if len(self.series) == 1 else 11)

    @property
    def rows(self) -> int:
        return max((len(s.values) for s in self.series), default=0)


def _pattern(s: BarSeries, pid: str) -> str:
    """An SVG <pattern> for the series fill, or '' for a solid fill."""
    if s.pattern == "solid":
        return ""
    marks = {
        "hatch": '<path d="M0 6 L6 0" stroke="#ffffff" stroke-width="1.6"/>',
        "dots": '<circle cx="3" cy="3" r="1.3" fill="#ffffff"/>',
        "cross": '<path d="M0 3 H6 M3 0 V6" stroke="#ffffff" stroke-width="1.4"/>',
    }.get(s.pattern, "")
    return (f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{s.colour}"/>{marks}</pattern>')


def _fill(s: BarSeries, pid: str) -> str:
    return s.colour if s.pattern == "solid" else f"url(#{pid})"


def _swatch(s: BarSeries, pid: str) -> str:
    return (f'<svg width="22" height="14" aria-hidden="true" focusable="false"><defs>{_pattern(s, pid)}</defs>'
            f'<rect x="0.5" y="0.5" width="21" height="13" fill="{_fill(s, pid)}" stroke="#1b1f24"/></svg>')


def bar_label(category: str, series: str, v: float, unit: str = "") -> str:
    """The tooltip and accessible name of a bar: "Africa — Committed: 1,200 USD"."""
    return f"{category} — {series}: {_value(v, unit)}" if series else f"{category}: {_value(v, unit)}"


def bar_svg(chart: BarChart, *, aria_label: str) -> str:
    values = [v for s in chart.series for v in s.values if v is not None and math.isfinite(v)]
    if not values or chart.rows == 0:
        return ""
    top_value = max(values + ([chart.reference] if chart.reference is not None else []))
    ticks = nice_ticks(min(0.0, min(values)), top_value if top_value > 0 else 1.0, n=4)
    # nice_ticks may stop one step short of the largest value; the axis must hold every bar.
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    while ticks[-1] < top_value:
        ticks.append(round(ticks[-1] + step, 10))
    lo, hi = ticks[0], ticks[-1]
    named = chart.categories is not None
    on_bars = chart.values_on_bars if chart.values_on_bars is not None else (
        named and chart.rows * len(chart.series) <= 24)
    if named:
        widest = max((text_width(_clip(c, chart.label_chars), FONT) for c in chart.categories), default=0)
        number = min(chart.width * 0.42, widest + 12)
    else:
        number = 28
    pad = 64 if on_bars else 40
    top = 8
    bottom = 24 + (22 if chart.x_label else 0)
    plot = chart.width - number - pad
    n = len(chart.series)
    band = n * chart.bar + chart.gap
    height = top + chart.rows * band + bottom

    def X(v):
        x = (v - lo) / ((hi - lo) or 1) * plot
        return chart.width - number - x if chart.rtl else number + x

    out = [_open("bars", chart.key, chart.width, height, aria_label)]
    defs = "".join(_pattern(s, f"{chart.key}-p{i}") for i, s in enumerate(chart.series))
    if defs:
        out.append(f"<defs>{defs}</defs>")
    base_y = top + chart.rows * band
    for t in ticks:
        out.append(f'<line x1="{num(X(t))}" x2="{num(X(t))}" y1="{top}" y2="{base_y}" stroke="#d5dbe3"/>')
        out.append(_text(X(t), base_y + 17, short(t) if chart.compact else _fmt(t), size=FONT - 1))
    if chart.x_label:
        out.append(_text((X(lo) + X(hi)) / 2, height - 6, chart.x_label, rtl=chart.rtl,
                         extra=' class="axis-title"'))
    for row in range(chart.rows):
        y = top + row * band + chart.gap / 2
        mid = y + n * chart.bar / 2 + 4.5
        name = chart.categories[row] if named and row < len(chart.categories) else str(row + 1)
        if named:
            # The name ends next to the axis: at the right of the label column, or at its left in Arabic.
            nx = chart.width - number + 6 if chart.rtl else number - 6
            out.append(_text(nx, mid, _clip(name, chart.label_chars), anchor="end", rtl=chart.rtl,
                             extra=' class="category"'))
        else:
            nx = chart.width - number / 2 if chart.rtl else number / 2
            out.append(_text(nx, mid, name, size=11))
        for i, s in enumerate(chart.series):
            v = s.values[row] if row < len(s.values) else None
            if v is None or not math.isfinite(v):
                continue
            x0, x1 = sorted((X(0), X(v)))
            fill = _fill(s, f"{chart.key}-p{i}")
            if chart.row_colours and row < len(chart.row_colours) and s.pattern == "solid":
                fill = chart.row_colours[row]
            by = y + i * chart.bar
            label = bar_label(name, s.label if n > 1 or not named else "", v, chart.unit)
            if v != 0:
                out.append(_mark("rect", f'x="{num(x0)}" y="{num(by)}" width="{num(max(x1 - x0, 1))}" '
                                         f'height="{chart.bar}" fill="{fill}" stroke="#1b1f24" stroke-width="0.6"',
                                 label))
            if on_bars:
                end = X(v)
                tx = end - 4 if chart.rtl else end + 4
                out.append(_text(tx, by + chart.bar / 2 + 4, human(v), anchor="end" if chart.rtl else "start",
                                 size=FONT - 2, extra=' aria-hidden="true"'))
    out.append(f'<line x1="{num(X(0))}" x2="{num(X(0))}" y1="{top}" y2="{base_y}" stroke="#4a5563"/>')
    if chart.reference is not None:
        out.append(f'<line x1="{num(X(chart.reference))}" x2="{num(X(chart.reference))}" y1="{top - 4}" '
                   f'y2="{base_y}" stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="5 3"/>')
    out.append("</svg>")
    return "".join(out)


NO_DATA = "map-nodata"


def map_svg(shapes: list[dict], *, width: float, height: float, aria_label: str, outline: str = "",
            key: str = "map") -> str:
    """A choropleth: each shape {"d", "fill" (None for no data), "label"} becomes a path; shapes with data
    are focusable marks, "no data" is hatched (not white) so it differs from the lightest class."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="map" id="{escape(key)}" role="group" '
           f'aria-label="{escape(aria_label)}" viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" '
           f'height="{num(height)}">',
           f'<defs><pattern id="{key}-{NO_DATA}" width="5" height="5" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="5" height="5" fill="#ffffff"/>'
           '<line x1="0" y1="0" x2="0" y2="5" stroke="#9aa4b1" stroke-width="1.2"/></pattern></defs>']
    if outline:
        out.append(f'<path d="{outline}" fill="#f3f5f8" stroke="#c9d0da"/>')
    marks = []
    for s in shapes:
        if s.get("fill"):
            marks.append(_mark("path", f'd="{s["d"]}" fill="{s["fill"]}" stroke="#6b7685" stroke-width="0.4"',
                               s["label"]))
        else:
            out.append(f'<path d="{s["d"]}" fill="url(#{key}-{NO_DATA})" stroke="#6b7685" stroke-width="0.4">'
                       f'<title>{escape(s["label"])}</title></path>')
    out.extend(marks)
    out.append("</svg>")
    return "".join(out)


def render(chart: LineChart | BarChart, *, aria_label: str) -> dict:
    """What `wsis/_chart.html` needs: the SVG, its legend, its kind and key (the id of the SVG)."""
    if isinstance(chart, BarChart):
        return {"svg": bar_svg(chart, aria_label=aria_label), "legend": chart.legend, "kind": "bars",
                "key": chart.key, "title": aria_label}
    return {"svg": svg(chart, aria_label=aria_label), "legend": chart.legend, "kind": "line", "key": chart.key,
            "title": aria_label}


@dataclass
class Sparkline:
    """A small trend line for a headline figure: no axes, the last point marked. Its figures are beside it in
    the page (the headline value and its year), so the line only shows the direction."""

    points: list[tuple[float, float]]
    width: int = 160
    height: int = 40
    colour: str = "#0072B2"


def sparkline_svg(chart: Sparkline, *, aria_label: str) -> str:
    pts = sorted((x, y) for x, y in chart.points if y is not None and math.isfinite(y))
    if len(pts) < 2:
        return ""
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1 = min(xs), max(xs)
    lo, hi = min(ys), max(ys)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    pad = 4
    w, h = chart.width - 2 * pad, chart.height - 2 * pad

    def X(x):
        return pad + (x - x0) / ((x1 - x0) or 1) * w

    def Y(y):
        return pad + h - (y - lo) / (hi - lo) * h

    line = " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in pts)
    area = f"{X(x0):.1f},{pad + h:.1f} {line} {X(x1):.1f},{pad + h:.1f}"
    lx, ly = X(pts[-1][0]), Y(pts[-1][1])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" role="img" aria-label="{escape(aria_label)}" '
            f'viewBox="0 0 {chart.width} {chart.height}" width="{chart.width}" height="{chart.height}" direction="ltr">'
            f'<polygon points="{area}" fill="{chart.colour}" fill-opacity="0.12"/>'
            f'<polyline points="{line}" fill="none" stroke="{chart.colour}" stroke-width="2" '
            'stroke-linejoin="round" stroke-linecap="round"/>'
            f'<circle cx="{lx:.1f}" cy="{ly:.1f}" r="3" fill="{chart.colour}"/></svg>')
