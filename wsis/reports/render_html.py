"""A report Document as a self-contained HTML page (the same page WeasyPrint prints as the PDF)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from html import escape
from pathlib import Path

from babel.dates import format_datetime
from django.template import Context, Engine
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wsis.core import charts
from wsis.core.i18n import cldr_locale
from wsis.reports import figures, fmt
from wsis.reports.document import Chart, Document, Paragraph, Section, Table

HERE = Path(__file__).resolve().parent
CSS_PATH = HERE / "static" / "reports" / "report.css"
NUMERIC = ("int", "decimal", "percent", "usd")
# BCP 47 tags for the lang attribute; the fonts and CJK glyph variants follow it.
LANG_TAGS = {"zh-hans": "zh-Hans"}
SCRIPTS = {"ar": "lang-ar", "zh-hans": "lang-zh"}


@cache
def _engine() -> Engine:
    # An engine of our own, so rendering does not depend on the app being installed in the settings.
    return Engine(dirs=[str(HERE / "templates")], autoescape=True,
                  libraries={"i18n": "django.templatetags.i18n"})


@cache
def stylesheet() -> str:
    """The report CSS, for a web page that embeds the report with `standalone=False`."""
    return CSS_PATH.read_text(encoding="utf-8")


def render_html(doc: Document, *, standalone: bool = True) -> str:
    with translation.override(doc.language):
        context = _context(doc)
        name = "reports/document.html" if standalone else "reports/article.html"
        return _engine().get_template(name).render(Context(context))


# ---------------------------------------------------------------------------------------------- context

def _context(doc: Document) -> dict:
    lang = doc.language
    drawn = {b.key: _chart(doc, b) for s in doc.sections for b in s.blocks if isinstance(b, Chart)}
    # Only the tables behind a bar chart actually drawn need the row numbers of its bars.
    bar_tables = {b.table for s in doc.sections for b in s.blocks
                  if isinstance(b, Chart) and b.style != "line" and drawn[b.key] and drawn[b.key]["numbered"]}
    sections = [_section(doc, s, drawn, bar_tables) for s in doc.sections]
    facts = _("Period: %(period)s, scope: %(scope)s, evaluated as of %(as_of)s, generated %(generated)s") % {
        "period": doc.period, "scope": doc.scope_label or doc.scope,
        "as_of": fmt.value(doc.as_of or None, "date", lang), "generated": _generated(doc)}
    return {
        "lang": LANG_TAGS.get(lang, lang), "dir": "rtl" if doc.rtl else "ltr", "script": SCRIPTS.get(lang, "lang-latn"),
        "title": doc.title, "subtitle": doc.subtitle, "facts": facts, "created": w3c_date(doc.generated_at),
        "css": mark_safe(stylesheet()),  # our own file, printed inside <style>
        "sections": sections, "sources": [_source(s) for s in doc.sources],
    }


def w3c_date(value: str) -> str:
    """`generated_at` as a W3C date-time to the second (what PDF metadata accepts), or '' if unknown."""
    moment = _moment(value)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""


def _moment(value: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def _generated(doc: Document) -> str:
    moment = _moment(doc.generated_at)
    if moment is None:
        return "—"
    return format_datetime(moment, "long", tzinfo=dt.UTC, locale=cldr_locale(doc.language))


def _cite(doc: Document, key: str) -> dict | None:
    if not key:
        return None
    src = doc.source(key)
    return {"key": key, "href": f"src-{key}", "title": src.label if src else ""}


def _section(doc: Document, section: Section, drawn: dict[str, dict | None], bar_tables: set[str]) -> dict:
    blocks: list[dict] = []
    # A chart is drawn just before the table holding its figures, when that table is in the same section.
    tables_here = {b.key for b in section.blocks if isinstance(b, Table)}
    charts_of = {}
    for block in section.blocks:
        if isinstance(block, Chart) and block.table in tables_here:
            charts_of.setdefault(block.table, []).append(block)
    for block in section.blocks:
        if isinstance(block, Table):
            blocks += [drawn[c.key] for c in charts_of.get(block.key, []) if drawn[c.key]]
        if isinstance(block, Paragraph) and block.kind == "highlight":
            item = {"text": block.text, "cite": _cite(doc, block.source)}
            if blocks and blocks[-1]["kind"] == "list":
                blocks[-1]["items"].append(item)
            else:
                blocks.append({"kind": "list", "items": [item]})
        elif isinstance(block, Paragraph):
            blocks.append({"kind": "paragraph", "text": block.text, "cite": _cite(doc, block.source)})
        elif isinstance(block, Table):
            blocks.append(_table(doc, block, numbered=block.key in bar_tables))
        elif isinstance(block, Chart) and block.table not in tables_here and drawn[block.key]:
            blocks.append(drawn[block.key])
    return {"id": f"sec-{section.key}", "heading": section.heading, "level": section.level, "blocks": blocks,
            "empty_note": section.empty_note or _("No figure is available for this period and scope.")}


def _table(doc: Document, table: Table, *, numbered: bool) -> dict:
    lang = doc.language
    headers = [{"label": c.label, "num": c.kind in NUMERIC} for c in table.columns]
    rows = []
    for i, row in enumerate(table.rows, start=1):
        cells = [{"text": fmt.value(row.get(c.key), c.kind, lang), "num": c.kind in NUMERIC, "th": n == 0}
                 for n, c in enumerate(table.columns)]
        if numbered:
            # The bars of the chart are numbered in the same order as these rows.
            cells.insert(0, {"text": fmt.value(i, "int", lang), "num": True, "th": False})
        rows.append(cells)
    if numbered:
        headers.insert(0, {"label": _("No."), "num": True})
    return {"kind": "table", "id": f"tbl-{table.key}", "caption": table.caption, "cite": _cite(doc, table.source),
            "headers": headers, "rows": rows, "note": table.note,
            "none": _("No figure is available for this period and scope.")}


def _chart(doc: Document, chart: Chart) -> dict | None:
    fig = figures.figure(doc, chart, named=not doc.rtl)
    if fig is None:
        return None
    aria = _("%(caption)s: the figures are in the table that goes with this chart.") % {"caption": chart.caption}
    svg = figures.svg(fig, aria)
    if not svg:
        return None
    if isinstance(fig.chart, charts.LineChart):
        legend = [{"label": s["label"], "swatch": mark_safe(_line_swatch(s["colour"], s["dash"]))}
                  for s in fig.chart.legend]
    else:
        legend = [{"label": s["label"], "swatch": mark_safe(s["swatch"])} for s in fig.chart.legend]
    return {"kind": "chart", "id": f"fig-{chart.key}", "caption": chart.caption, "cite": _cite(doc, chart.source),
            "svg": mark_safe(svg), "legend": legend, "table_id": f"tbl-{fig.table.key}",
            "table_caption": fig.table.caption,
            "numbered": fig.numbered and chart.style != "line",
            "data_note": _("The figures, with the numbered rows of the chart, are in the table:")
            if fig.numbered and chart.style != "line" else _("The figures are in the table:")}


def _line_swatch(colour: str, dash: str) -> str:
    pattern = f' stroke-dasharray="{escape(dash)}"' if dash else ""
    return (f'<svg width="22" height="14" aria-hidden="true" focusable="false"><line x1="1" x2="21" y1="7" y2="7" '
            f'stroke="{escape(colour)}" stroke-width="2.2"{pattern}/></svg>')


def _source(src) -> dict:
    params = []
    for k, v in (src.params or {}).items():
        if isinstance(v, list | tuple):
            v = ",".join(str(x) for x in v)
        params.append(f"{k}={v}")
    return {"id": f"src-{src.key}", "key": src.key, "label": src.label, "params": params, "release": src.release,
            "path": src.path}
