"""The chart objects of a document's Chart blocks, built once for every renderer from the SVG charts the pages draw."""

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from wsis.core import charts
from wsis.reports.document import Chart, Document, Table


def number(v) -> float | None:
    """A cell as a finite float, or None for blanks, text and booleans."""
    if v is None or v == "" or isinstance(v, bool):
        return None
    try:
        f = float(Decimal(str(v)))
    except (InvalidOperation, ValueError):
        return None
    return f if math.isfinite(f) else None


@dataclass
class Figure:
    table: Table
    chart: charts.LineChart | charts.BarChart
    series: list[str]            # the value columns drawn, in order
    numbered: bool               # the marks are numbered rows (bars, or a line over a non-numeric category)


def figure(doc: Document, c: Chart, *, line_size: dict | None = None, named: bool = False) -> Figure | None:
    """The chart of a Chart block, or None when its table is missing or empty (the table then says it all).
    `named` draws the bars' names in the chart (HTML and PDF in a script WeasyPrint shapes in SVG, i.e. not
    Arabic); otherwise the bars are numbered and the table names them. Ticks carry no words either way."""
    table = next((t for t in doc.tables() if t.key == c.table), None)
    if table is None or not table.rows:
        return None
    labels = {col.key: col.label for col in table.columns}
    series = [s for s in c.series if s in labels]
    values = [[number(r.get(s)) for r in table.rows] for s in series]
    if c.style == "line":
        xs = [number(r.get(c.category)) for r in table.rows]
        numbered = any(x is None for x in xs)
        if numbered:
            xs = list(range(1, len(table.rows) + 1))
        chart = charts.LineChart([charts.Series(labels[s], list(zip(xs, v, strict=True)))
                                  for s, v in zip(series, values, strict=True)], key=f"fig-{c.key}-svg", compact=False,
                                 **(line_size or {}))
        return Figure(table, chart, series, numbered)
    chart = charts.BarChart([charts.BarSeries(labels[s], v) for s, v in zip(series, values, strict=True)],
                            key=f"fig-{c.key}-svg", rtl=doc.rtl, compact=False,
                            categories=[str(r.get(c.category) or "—") for r in table.rows] if named else None)
    return Figure(table, chart, series, not named)


def svg(fig: Figure, aria_label: str) -> str:
    if isinstance(fig.chart, charts.BarChart):
        return charts.bar_svg(fig.chart, aria_label=aria_label)
    return charts.svg(fig.chart, aria_label=aria_label)
