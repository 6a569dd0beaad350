"""The plan's Gantt chart: its rows (selector), the SVG (chart code) and the timeline page in six languages."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from wsis.core.timeline_chart import Bar, Group, Style, Timeline, timeline_svg
from wsis.planning import selectors
from wsis.planning.models import STATUS_LABELS, Output

pytestmark = pytest.mark.django_db
D = dt.date
LANGS = ["en", "fr", "es", "ru", "zh-hans", "ar"]
NUMERIC = {"x", "y", "width", "height", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "stroke-width"}


def _gantt(plan, today):
    return selectors.gantt(selectors.evaluate(plan, language="en", today=today))


def test_rows_grouped_by_objective_ordered_by_deadline(gantt_plan):
    g = _gantt(gantt_plan, D(2026, 4, 15))
    assert [(r.objective, r.code) for r in g.rows] == [("O1", "O1.2"), ("O1", "O1.1"), ("O2", "O2.1")]
    assert [(code, [r.code for r in rows]) for code, _t, rows in g.groups()] == [
        ("O1", ["O1.2", "O1.1"]), ("O2", ["O2.1"])]
    o12, o11, o21 = g.rows
    assert all(r.start == D(2025, 1, 1) for r in g.rows)
    # The deadline is the latest KPI deadline or milestone due date; the plan's end when there is none.
    assert (o12.deadline, o11.deadline, o21.deadline) == (D(2026, 6, 30), D(2027, 12, 31), D(2027, 12, 31))
    assert o11.milestones == [(D(2025, 6, 30), "Survey done", "done")]
    assert o12.output_id == Output.objects.get(code="O1.2").pk


def test_row_statuses_and_legend_counts(gantt_plan):
    g = _gantt(gantt_plan, D(2026, 4, 15))
    assert {r.code: r.status for r in g.rows} == {"O1.2": "late", "O1.1": "no_data", "O2.1": "no_data"}
    assert dict(g.counts()) == {"done": 0, "on_track": 0, "at_risk": 0, "off_track": 0, "late": 1, "no_data": 2}
    early = _gantt(gantt_plan, D(2026, 1, 10))
    assert {r.code: r.status for r in early.rows}["O1.2"] == "on_track"


def test_today_line_inside_the_plan_only(gantt_plan):
    g = _gantt(gantt_plan, D(2026, 4, 15))
    assert g.today == D(2026, 4, 15) and g.today_shown
    assert (g.start, g.end) == (D(2025, 1, 1), D(2027, 12, 31))
    later = _gantt(gantt_plan, D(2030, 1, 1))
    assert not later.today_shown


def _chart(**over):
    styles = {"late": Style("Late", "#000000", "rhatch"), "done": Style("Done", "#0072B2", count=3)}
    rows = [Group("O1 · Connectivity"),
            Bar(D(2025, 1, 1), D(2026, 6, 30), "late", "O1.2 · Toolkit", "O1.2 Toolkit, late", href="/o/2",
                markers=[(D(2026, 3, 31), False)]),
            Bar(D(2025, 1, 1), D(2027, 12, 31), "done", "O1.1 · Sites", "O1.1 Sites, done", href="/o/1")]
    kw = {"today": D(2026, 4, 15), "today_label": "Today", **over}
    return Timeline(start=D(2025, 1, 1), end=D(2027, 12, 31), rows=rows, styles=styles, **kw)


def _numbers(svg: str) -> list[float]:
    root = ET.fromstring(svg)
    values = []
    for el in root.iter():
        for name, value in el.attrib.items():
            if name in NUMERIC:
                values.append(float(value))  # raises on a decimal comma
        if "viewBox" in el.attrib:
            values += [float(v) for v in el.attrib["viewBox"].split()]
        if "d" in el.attrib:
            values += [float(v) for v in re.findall(r"[-\d.,]+", el.attrib["d"])]
    return values


@pytest.mark.parametrize("lang", ["fr", "ar", "ru"])
def test_svg_numbers_parse_as_floats_in_every_language(lang):
    with translation.override(lang):
        svg = timeline_svg(_chart(), aria_label="Plan")
    assert len(_numbers(svg)) > 40


def test_svg_bars_links_today_line_and_mirroring():
    chart = _chart()
    svg = timeline_svg(chart, aria_label="Plan")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    links = root.findall(f"{ns}a")
    assert [a.get("aria-label") for a in links] == ["O1.2 Toolkit, late", "O1.1 Sites, done"]
    assert [a.get("href") for a in links] == ["/o/2", "/o/1"]
    assert root.get("role") == "group"  # not "img", which would hide the links from assistive technology
    today = root.find(f"{ns}g[@class='today']")
    assert today is not None and today.find(f"{ns}text").text == "Today"
    x_today = float(today.find(f"{ns}line").get("x1"))
    assert abs(x_today - chart.x(D(2026, 4, 15))) < 0.1
    # The bars end at their deadlines; in Arabic the time axis runs from right to left.
    late = links[0].find(f"{ns}rect")
    assert abs(float(late.get("x")) + float(late.get("width")) - chart.x(D(2026, 6, 30))) < 0.2
    rtl = _chart(rtl=True)
    assert rtl.x(D(2025, 1, 1)) > rtl.x(D(2027, 12, 31))
    assert _chart().x(D(2025, 1, 1)) < _chart().x(D(2027, 12, 31))
    # No today line outside the chart's span.
    assert "today" not in timeline_svg(_chart(today=D(2031, 1, 1)), aria_label="Plan")


def test_legend_names_counts_and_rows_beside_the_bars():
    chart = _chart()
    assert [(entry["label"], entry["count"]) for entry in chart.legend] == [("Late", None), ("Done", 3)]
    assert all("<svg" in entry["swatch"] for entry in chart.legend)
    assert [(line["group"], line["name"]) for line in chart.lines] == [
        (True, "O1 · Connectivity"), (False, "O1.2 · Toolkit"), (False, "O1.1 · Sites")]
    assert chart.height == chart.axis + 3 * chart.row + 6


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_page_in_six_languages(client, gantt_plan, lang):
    resp = client.get(f"/{lang}/plan/op-test/timeline/", {"at": "2026-04-15"})
    assert resp.status_code == 200
    html = resp.content.decode()
    svg = re.search(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline".*?</svg>', html, re.S).group(0)
    _numbers(svg)
    root = ET.fromstring(svg)
    links = root.findall("{http://www.w3.org/2000/svg}a")
    assert len(links) == 3
    with translation.override(lang):
        late, no_data = str(STATUS_LABELS["late"]), str(STATUS_LABELS["no_data"])
    o12 = Output.objects.get(code="O1.2")
    assert links[0].get("href") == f"/{lang}/plan/outputs/{o12.pk}/"
    assert "O1.2" in links[0].get("aria-label") and late in links[0].get("aria-label")
    # Dates in the accessible name are written for the reader, not as ISO dates.
    assert "2026-06-30" not in links[0].get("aria-label") and "2026" in links[0].get("aria-label")
    # The legend names every status with its count; the names of the outputs are written beside the bars.
    assert f"<span>{late}</span> <span class=\"muted\">(1)</span>" in html
    assert f"<span>{no_data}</span> <span class=\"muted\">(2)</span>" in html
    assert 'class="gantt-name" title="O1.2 · Toolkit"' in html
    assert 'class="data gantt-table"' in html and html.count(f'href="/{lang}/plan/outputs/{o12.pk}/"') >= 2
    assert ('dir="rtl"' in html) == (lang == "ar")


def test_tree_status_chart_has_a_legend_with_names_and_counts(client, gantt_plan):
    html = client.get("/en/plan/op-test/", {"at": "2026-04-15"}).content.decode()
    assert 'class="legend bar-legend"' in html
    assert "<span>Late</span> <span class=\"muted\">(1)</span>" in html
    assert "<span>No data</span> <span class=\"muted\">(2)</span>" in html
    assert "<bdi>O1 · Connectivity</bdi>" in html and "Late 1 · No data 1" in html


def test_offices_status_chart_names_offices_and_statuses(client, gantt_plan):
    html = client.get("/en/plan/op-test/offices/", {"at": "2026-04-15"}).content.decode()
    assert 'class="legend bar-legend"' in html and "<span>Late</span> <span class=\"muted\">(1)</span>" in html
    assert "<bdi>BDT</bdi>" in html or "<bdi>BDT (test)</bdi>" in html
    assert "Late 1 · No data 1" in html  # the BDT unit's two outputs


def test_timeline_of_an_office_without_outputs(client, gantt_plan, staff):
    from wsis.accounts.models import Organisation

    other = Organisation.objects.exclude(plan_outputs__isnull=False).first()
    html = client.get("/en/plan/op-test/timeline/", {"office": other.pk}).content.decode()
    assert "chart timeline" not in html and "No output matches." in html
