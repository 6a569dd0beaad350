"""Charts drawn on the server as SVG: no script, no external library, and the same definition can be used
for print. Text inside the SVG is limited to numbers and years; labels (in any language, Arabic included)
go in the HTML legend beside the chart, where the browser shapes them properly. Every chart on a page has
its data in a table too."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

# Colour-blind-safe palette (Okabe–Ito), each paired with a dash pattern so series differ without colour too.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "3 6"]


@dataclass
class Series:
    label: str
    points: list[tuple[float, float]]
    colour: str = ""
    dash: str = ""


@dataclass
class LineChart:
    series: list[Series]
    title: str = ""
    width: int = 720
    height: int = 320
    y_label: str = ""
    y_min: float | None = None
    y_max: float | None = None
    legend: list[dict] = field(default_factory=list)

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
    if abs(v) >= 1e9:
        return f"{v / 1e9:g}G"
    if abs(v) >= 1e6:
        return f"{v / 1e6:g}M"
    if abs(v) >= 1e4:
        return f"{v / 1e3:g}k"
    return f"{v:g}"


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
    # The right margin holds half of the last year label, which is centred on the last point.
    left, right, top, bottom = 52, 24, 12, 28
    w, h = chart.width - left - right, chart.height - top - bottom

    def X(x):
        return left + (x - x0) / (x1 - x0) * w

    def Y(y):
        return top + h - (y - y0) / ((y1 - y0) or 1) * h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="{escape(aria_label)}" '
           f'viewBox="0 0 {chart.width} {chart.height}" width="{chart.width}" height="{chart.height}" '
           'direction="ltr">']
    for t in ticks:
        out.append(f'<line x1="{left}" x2="{left + w}" y1="{Y(t):.1f}" y2="{Y(t):.1f}" stroke="#d5dbe3"/>')
        out.append(f'<text x="{left - 6}" y="{Y(t) + 4:.1f}" text-anchor="end" font-size="11" fill="#1b1f24">'
                   f'{escape(_fmt(t))}</text>')
    span = int(x1 - x0)
    step = max(1, math.ceil(span / 10))
    for x in range(int(x0), int(x1) + 1, step):
        out.append(f'<text x="{X(x):.1f}" y="{top + h + 18}" text-anchor="middle" font-size="11" fill="#1b1f24">'
                   f'{x}</text>')
    out.append(f'<line x1="{left}" x2="{left + w}" y1="{top + h}" y2="{top + h}" stroke="#4a5563"/>')
    for s in chart.series:
        run: list[str] = []
        runs = [run]
        for x, y in sorted(s.points):
            if y is None or not math.isfinite(y):
                run = []
                runs.append(run)
                continue
            run.append(f"{X(x):.1f},{Y(y):.1f}")
        for r in runs:
            if len(r) > 1:
                dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
                out.append(f'<polyline points="{" ".join(r)}" fill="none" stroke="{s.colour}" stroke-width="2.2"'
                           f'{dash}/>')
            for p in r:
                cx, cy = p.split(",")
                out.append(f'<circle cx="{cx}" cy="{cy}" r="2.6" fill="{s.colour}"/>')
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

    Rows are numbered in the SVG; the category names go in the HTML table beside the chart, in the same
    order and with the same numbers. `key` makes the pattern ids unique when a page has several charts;
    `rtl` makes the bars grow from the right, as an Arabic reader expects.
    """

    series: list[BarSeries]
    key: str = "bars"
    width: int = 480
    bar: int = 9
    gap: int = 10
    rtl: bool = False
    legend: list[dict] = field(default_factory=list)

    def __post_init__(self):
        for i, s in enumerate(self.series):
            s.colour = s.colour or BAR_COLOURS[i % len(BAR_COLOURS)]
            s.pattern = s.pattern or BAR_PATTERNS[i % len(BAR_PATTERNS)]
        self.legend = [{"label": s.label, "colour": s.colour, "pattern": s.pattern,
                        "swatch": _swatch(s, f"{self.key}-l{i}")} for i, s in enumerate(self.series)]

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


def bar_svg(chart: BarChart, *, aria_label: str) -> str:
    values = [v for s in chart.series for v in s.values if v is not None and math.isfinite(v)]
    if not values or chart.rows == 0:
        return ""
    ticks = nice_ticks(min(0.0, min(values)), max(values) if max(values) > 0 else 1.0, n=4)
    # nice_ticks may stop one step short of the largest value; the axis must hold every bar.
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    while ticks[-1] < max(values):
        ticks.append(round(ticks[-1] + step, 10))
    lo, hi = ticks[0], ticks[-1]
    number, pad, top, bottom = 28, 40, 8, 24
    plot = chart.width - number - pad
    n = len(chart.series)
    band = n * chart.bar + chart.gap
    height = top + chart.rows * band + bottom

    def X(v):
        x = (v - lo) / ((hi - lo) or 1) * plot
        return chart.width - number - x if chart.rtl else number + x

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" role="img" aria-label="{escape(aria_label)}" '
           f'viewBox="0 0 {chart.width} {height}" width="{chart.width}" height="{height}" direction="ltr">']
    defs = "".join(_pattern(s, f"{chart.key}-p{i}") for i, s in enumerate(chart.series))
    if defs:
        out.append(f"<defs>{defs}</defs>")
    base_y = top + chart.rows * band
    for t in ticks:
        out.append(f'<line x1="{X(t):.1f}" x2="{X(t):.1f}" y1="{top}" y2="{base_y}" stroke="#d5dbe3"/>')
        out.append(f'<text x="{X(t):.1f}" y="{base_y + 16}" text-anchor="middle" font-size="11" fill="#1b1f24">'
                   f'{escape(_fmt(t))}</text>')
    for row in range(chart.rows):
        y = top + row * band + chart.gap / 2
        nx = chart.width - number / 2 if chart.rtl else number / 2
        out.append(f'<text x="{nx:.1f}" y="{y + n * chart.bar / 2 + 4:.1f}" text-anchor="middle" font-size="11" '
                   f'fill="#1b1f24">{row + 1}</text>')
        for i, s in enumerate(chart.series):
            v = s.values[row] if row < len(s.values) else None
            if v is None or not math.isfinite(v) or v == 0:
                continue
            x0, x1 = sorted((X(0), X(v)))
            out.append(f'<rect x="{x0:.1f}" y="{y + i * chart.bar:.1f}" width="{max(x1 - x0, 1):.1f}" '
                       f'height="{chart.bar}" fill="{_fill(s, f"{chart.key}-p{i}")}" stroke="#1b1f24" '
                       'stroke-width="0.6"/>')
    out.append(f'<line x1="{X(0):.1f}" x2="{X(0):.1f}" y1="{top}" y2="{base_y}" stroke="#4a5563"/>')
    out.append("</svg>")
    return "".join(out)


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
