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
    ticks = []
    t = start
    while t <= hi + step * 0.001:
        ticks.append(round(t, 10))
        t += step
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
    left, right, top, bottom = 52, 12, 12, 28
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
