"""The server-drawn charts: numbers in attributes never localised, numbers people read always are, marks that
say their series, year and value, names and axis titles inside the chart, official SDG colours."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from wsis.core import charts

NUMERIC = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "stroke-width", "font-size"}


def numbers_in_attributes(svg: str) -> int:
    """Parse the SVG and every number-valued attribute as floats; the count of numbers checked."""
    root = ET.fromstring(svg)
    n = 0
    for el in root.iter():
        for name, value in el.attrib.items():
            if name in NUMERIC:
                float(value)
                n += 1
            elif name == "viewBox":
                assert len([float(v) for v in value.split(" ")]) == 4
                n += 4
            elif name == "points":
                for pair in value.split(" "):
                    x, y = pair.split(",")
                    float(x), float(y)
                    n += 2
            elif name == "transform":
                for v in re.findall(r"[-\d.,]+", value):
                    assert "," not in v
                    float(v)
    return n


def line(**kw):
    return charts.LineChart([charts.Series("Kenya", [(2019, 21.5), (2020, 29.25), (2021, 1234567.5)]),
                             charts.Series("World", [(2019, 50.0), (2020, None), (2021, 60.5)])],
                            x_label="Year", y_label="People online (%)", unit="%", key="t", **kw)


def bars(**kw):
    return charts.BarChart([charts.BarSeries("Pledged", [361111.11, 0.5]), charts.BarSeries("Committed", [5, 90])],
                           categories=["Africa", "Arab States"], key="b", x_label="US dollars", **kw)


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "ar", "es", "zh-hans"])
def test_attributes_stay_in_the_c_locale_and_text_follows_the_language(lang):
    with translation.override(lang):
        line_svg = charts.svg(line(rtl=lang == "ar"), aria_label="Line")
        bar_svg = charts.bar_svg(bars(rtl=lang == "ar"), aria_label="Bars")
        map_svg = charts.map_svg([{"d": "M0 0 L10 0 L10 10 Z", "fill": "#1f64a0", "label": "Kenya, 2020: 1,5"},
                                  {"d": "M20 0 L30 0 L30 10 Z", "fill": None, "label": "Chad, 2020: no data"}],
                                 width=960.0, height=470.0, aria_label="Map")
    for svg in (line_svg, bar_svg, map_svg):
        assert numbers_in_attributes(svg) > 4
    assert 'viewBox="0 0 960 470" width="960" height="470"' in map_svg
    label = re.search(r'aria-label="(Kenya, 2020: [^"]+)"', line_svg).group(1)
    assert label == {"en": "Kenya, 2020: 29.25\u00a0%", "fr": "Kenya, 2020: 29,25\u00a0%", "ru": "Kenya, 2020: 29,25\u00a0%",
                     "es": "Kenya, 2020: 29,25\u00a0%", "zh-hans": "Kenya, 2020: 29.25\u00a0%"}.get(lang, label)
    big = re.search(r'aria-label="(Kenya, 2021: [^"]+)"', line_svg).group(1)
    if lang == "en":
        assert big == "Kenya, 2021: 1,234,568\u00a0%"
    if lang == "fr":
        assert "1\u202f234\u202f568" in big or "1\u00a0234\u00a0568" in big


def test_every_point_is_a_focusable_mark_with_its_series_year_and_value():
    with translation.override("en"):
        svg = charts.svg(line(), aria_label="Internet use")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    marks = [c for c in root.iter(f"{ns}circle")]
    assert len(marks) == 5  # the gap in World's series is not a point
    for m in marks:
        assert m.get("tabindex") == "0" and m.get("role") == "img" and m.get("class") == "mark"
        assert m.find(f"{ns}title").text == m.get("aria-label")
    assert [m.get("aria-label") for m in marks][:2] == ["Kenya, 2019: 21.5\u00a0%", "Kenya, 2020: 29.25\u00a0%"]
    assert root.get("role") == "group"  # role="img" would hide the marks from assistive technology


def test_axis_titles_and_category_names_are_drawn_in_the_chart():
    with translation.override("en"):
        line_svg = charts.svg(line(), aria_label="x")
        bar_svg = charts.bar_svg(bars(), aria_label="x")
    titles = re.findall(r'class="axis-title"[^>]*>([^<]+)<', line_svg)
    assert titles == ["Year", "People online (%)"]
    assert "rotate(-90" in line_svg
    assert re.findall(r'class="category">([^<]+)<', bar_svg) == ["Africa", "Arab States"]
    assert re.findall(r'class="axis-title">([^<]+)<', bar_svg) == ["US dollars"]
    assert 'aria-label="Africa — Pledged: 361,111"' in bar_svg
    assert ">1<" not in bar_svg and ">2<" not in bar_svg  # no row numbers when the rows are named


def test_long_names_are_clipped_in_the_chart_but_whole_in_the_tooltip():
    name = "Information and communication infrastructure for everyone"
    chart = charts.BarChart([charts.BarSeries("Votes", [3])], categories=[name], key="v", label_chars=20)
    with translation.override("en"):
        svg = charts.bar_svg(chart, aria_label="x")
    assert re.findall(r'class="category">([^<]+)<', svg) == ["Information and com…"]
    assert f'aria-label="{name}: 3"' in svg


def test_arabic_bars_grow_from_the_right_with_their_names_on_the_right():
    with translation.override("ar"):
        svg = charts.bar_svg(charts.BarChart([charts.BarSeries("x", [10.0])], categories=["أفريقيا"], rtl=True,
                                             key="r"), aria_label="x")
    name = re.search(r'<text x="([\d.]+)"[^>]*direction="rtl" class="category">أفريقيا<', svg)
    rect = re.search(r'<rect class="mark"[^>]* x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    x, width = float(rect.group(1)), float(rect.group(2))
    assert name and float(name.group(1)) > x + width  # the name sits right of the bar's start
    assert re.search(r'viewBox="0 0 (\d+) ', svg).group(1) == "640"


def test_numbered_rows_without_names_for_renderers_that_cannot_draw_the_script():
    with translation.override("en"):
        svg = charts.bar_svg(charts.BarChart([charts.BarSeries("P", [1.0, 2.0])], key="n"), aria_label="x")
    assert re.findall(r">(\d)</text>", svg)[-2:] == ["1", "2"]


def test_sdg_goals_have_their_official_colours():
    assert len(charts.SDG_COLOURS) == 17
    assert charts.SDG_COLOURS[1] == "#E5243B" and charts.SDG_COLOURS[17] == "#19486A"
    assert charts.sdg_colour("4.4") == "#C5192D" and charts.sdg_colour("SDG 9") == "#FD6925"
    assert charts.sdg_colour(13) == "#3F7E44" and charts.sdg_colour("x") == "#4a5563"
    chart = charts.BarChart([charts.BarSeries("Activities", [5, 7], pattern="solid")], categories=["Goal 1", "Goal 4"],
                            row_colours=[charts.sdg_colour(1), charts.sdg_colour(4)], key="g")
    with translation.override("en"):
        svg = charts.bar_svg(chart, aria_label="x")
    assert 'fill="#E5243B"' in svg and 'fill="#C5192D"' in svg


def test_tick_labels_are_compact_in_the_page_language():
    with translation.override("fr"):
        assert charts.short(400000) == "400\u00a0k" and charts.short(2.5) == "2,5"
    with translation.override("en"):
        assert charts.short(400000) == "400K" and charts.human(33149327.93) == "33,149,328"
    with translation.override("ru"):
        assert "тыс" in charts.short(400000)


def test_a_reference_line_and_an_empty_chart():
    with translation.override("en"):
        svg = charts.bar_svg(charts.BarChart([charts.BarSeries("x", [80.0])], categories=["a"], reference=100,
                                             key="ref"), aria_label="x")
    assert 'stroke-dasharray="5 3"' in svg and ">100<" in svg
    assert charts.svg(charts.LineChart([charts.Series("x", [])]), aria_label="x") == ""
    assert charts.bar_svg(charts.BarChart([charts.BarSeries("x", [])]), aria_label="x") == ""


def test_render_gives_the_template_what_it_needs():
    with translation.override("en"):
        out = charts.render(bars(), aria_label="Money")
    assert out["kind"] == "bars" and out["key"] == "b" and out["svg"].startswith("<svg")
    assert [item["label"] for item in out["legend"]] == ["Pledged", "Committed"]


def test_the_goal_badges_of_the_site_use_the_same_official_colours():
    from pathlib import Path

    import wsis

    css = (Path(wsis.__file__).parent / "web" / "static" / "wsis" / "site.css").read_text()
    found = dict(re.findall(r"\.goal-no\.goal-(\d+) \{ background: (#[0-9A-F]{6});", css))
    assert {int(k): v for k, v in found.items()} == charts.SDG_COLOURS
