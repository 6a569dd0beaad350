"""A timeline (Gantt) chart drawn on the server as SVG: one bar per item from its start to its end, rows grouped
under headings, a vertical line for today.

As in `wsis.core.charts`, the SVG holds no words that need shaping: the row names go in HTML beside the chart (the
template draws `Timeline.lines`, one per SVG row, at the same height), so Arabic and Chinese are shaped by the
browser, and an Arabic page mirrors the whole chart (`rtl`: time runs from right to left, names on the right).
Every bar is a link with its own accessible name, so the chart can be read and used with the keyboard. Numbers
in attributes are written here with a full stop whatever the page's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape

from wsis.core.charts import BarSeries, _fill

# Marks drawn over a status colour, so statuses differ without colour too.
_MARKS = {
    "hatch": '<path d="M0 6 L6 0" stroke="{m}" stroke-width="1.6"/>',
    "rhatch": '<path d="M0 0 L6 6" stroke="{m}" stroke-width="1.6"/>',
    "dots": '<circle cx="3" cy="3" r="1.3" fill="{m}"/>',
    "cross": '<path d="M0 3 H6 M3 0 V6" stroke="{m}" stroke-width="1.4"/>',
    "dash": '<path d="M0 3 H3" stroke="{m}" stroke-width="1.4"/>',
}


@dataclass
class Style:
    """How one kind of bar (a status) is drawn and named in the legend."""

    label: str
    colour: str
    pattern: str = "solid"
    mark: str = "#ffffff"
    count: int | None = None


@dataclass
class Bar:
    start: dt.date
    end: dt.date
    style: str
    name: str  # the name shown beside the bar (HTML)
    aria_label: str  # the bar's accessible name: what, when, status
    href: str = ""
    markers: list[tuple[dt.date, bool]] = field(default_factory=list)  # (date, done)
    note: str = ""  # a short word after the name, e.g. the status


@dataclass
class Group:
    name: str


@dataclass
class Timeline:
    start: dt.date
    end: dt.date
    rows: list[Bar | Group]
    styles: dict[str, Style]
    today: dt.date | None = None
    today_label: str = ""
    key: str = "tl"
    width: int = 640
    row: int = 28
    bar: int = 14
    axis: int = 46
    rtl: bool = False
    legend: list[dict] = field(default_factory=list)

    def __post_init__(self):
        if self.end <= self.start:
            self.end = self.start + dt.timedelta(days=1)
        self.legend = [{"key": k, "label": s.label, "count": s.count, "swatch": _swatch(s, f"{self.key}-l-{k}")}
                       for k, s in self.styles.items()]

    @property
    def height(self) -> int:
        return self.axis + len(self.rows) * self.row + 6

    @property
    def lines(self) -> list[dict]:
        """The HTML names beside the chart, one per SVG row, top to bottom."""
        return [{"group": True, "name": r.name} if isinstance(r, Group) else
                {"group": False, "name": r.name, "note": r.note, "style": r.style, "href": r.href} for r in self.rows]

    def x(self, d: dt.date) -> float:
        pad = 10
        plot = self.width - 2 * pad
        share = (d - self.start).days / (self.end - self.start).days
        share = min(max(share, 0.0), 1.0)
        return self.width - pad - share * plot if self.rtl else pad + share * plot


def _n(v: float) -> str:
    """A coordinate as SVG wants it: a full stop, never the page's decimal comma."""
    return f"{v:.1f}"


def _pattern(s: Style, pid: str) -> str:
    if s.pattern == "solid" or s.pattern not in _MARKS:
        return ""
    return (f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{s.colour}"/>{_MARKS[s.pattern].format(m=s.mark)}</pattern>')


def _fill_of(s: Style, pid: str) -> str:
    return _fill(BarSeries(s.label, [], s.colour, s.pattern if s.pattern in _MARKS else "solid"), pid)


def _swatch(s: Style, pid: str) -> str:
    return (f'<svg width="22" height="14" aria-hidden="true" focusable="false"><defs>{_pattern(s, pid)}</defs>'
            f'<rect x="0.5" y="0.5" width="21" height="13" fill="{_fill_of(s, pid)}" stroke="#1b1f24"/></svg>')


def _months(start: dt.date, end: dt.date):
    d = dt.date(start.year, start.month, 1)
    while d <= end:
        yield d
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def timeline_svg(chart: Timeline, *, aria_label: str) -> str:
    if not chart.rows:
        return ""
    w, h, top = chart.width, chart.height, chart.axis
    bottom = h - 4
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" role="group" '
           f'aria-label="{escape(aria_label)}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" direction="ltr">']
    defs = "".join(_pattern(s, f"{chart.key}-p-{k}") for k, s in chart.styles.items())
    if defs:
        out.append(f"<defs>{defs}</defs>")
    out.append('<g aria-hidden="true">')
    # Group bands, then month and year lines with the years written at the top.
    for i, r in enumerate(chart.rows):
        if isinstance(r, Group):
            out.append(f'<rect x="0" y="{top + i * chart.row}" width="{w}" height="{chart.row}" fill="#eef1f5"/>')
    span_days = (chart.end - chart.start).days
    for m in _months(chart.start, chart.end):
        if m < chart.start:
            continue
        x = _n(chart.x(m))
        january = m.month == 1
        out.append(f'<line x1="{x}" x2="{x}" y1="{top - (10 if january else 4)}" y2="{bottom}" '
                   f'stroke="{"#8a94a3" if january else "#e1e5eb"}"/>')
        if january or m == dt.date(chart.start.year, chart.start.month, 1):
            # The year sits in the middle of its span on the axis when there is room, else at its first month.
            anchor = "end" if chart.rtl else "start"
            dx = -4 if chart.rtl else 4
            out.append(f'<text x="{_n(chart.x(m) + dx)}" y="{top - 16}" text-anchor="{anchor}" font-size="12" '
                       f'font-weight="600" fill="#1b1f24">{m.year}</text>')
        elif span_days <= 800 and m.month in (4, 7, 10):
            out.append(f'<text x="{x}" y="{top - 5}" text-anchor="middle" font-size="10" fill="#4a5563">'
                       f'{m.month:02d}</text>')
    out.append(f'<line x1="0" x2="{w}" y1="{top}" y2="{top}" stroke="#4a5563"/>')
    out.append("</g>")
    for i, r in enumerate(chart.rows):
        if isinstance(r, Group):
            continue
        s = chart.styles[r.style]
        y = top + i * chart.row + (chart.row - chart.bar) / 2
        x0, x1 = sorted((chart.x(r.start), chart.x(r.end)))
        bar = (f'<rect class="bar" x="{_n(x0)}" y="{_n(y)}" width="{_n(max(x1 - x0, 2.0))}" height="{chart.bar}" '
               f'rx="2" fill="{_fill_of(s, f"{chart.key}-p-{r.style}")}" stroke="#1b1f24" stroke-width="0.8"/>')
        marks = []
        for d, done in r.markers:
            cx, cy, k = chart.x(d), y + chart.bar / 2, chart.bar / 2 + 1
            marks.append(f'<path d="M{_n(cx)} {_n(cy - k)} L{_n(cx + k)} {_n(cy)} L{_n(cx)} {_n(cy + k)} '
                         f'L{_n(cx - k)} {_n(cy)} Z" fill="{"#1b1f24" if done else "#ffffff"}" stroke="#1b1f24" '
                         'stroke-width="1.2"/>')
        body = bar + (f'<g aria-hidden="true">{"".join(marks)}</g>' if marks else "")
        title = f"<title>{escape(r.aria_label)}</title>"
        if r.href:
            out.append(f'<a href="{escape(r.href)}" aria-label="{escape(r.aria_label)}">{title}{body}</a>')
        else:
            out.append(f'<g role="img" aria-label="{escape(r.aria_label)}">{title}{body}</g>')
    if chart.today and chart.start <= chart.today <= chart.end:
        x = chart.x(chart.today)
        near_end = (x > w - 60) if not chart.rtl else (x > 60)
        anchor = "end" if near_end else "start"
        dx = -4 if near_end else 4
        out.append(f'<g class="today" aria-hidden="true"><line x1="{_n(x)}" x2="{_n(x)}" y1="16" '
                   f'y2="{bottom}" stroke="#a4161a" stroke-width="2" stroke-dasharray="5 3"/>'
                   f'<text x="{_n(x + dx)}" y="12" text-anchor="{anchor}" font-size="11" font-weight="700" '
                   f'fill="#a4161a">{escape(chart.today_label)}</text></g>')
    out.append("</svg>")
    return "".join(out)
