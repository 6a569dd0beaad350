"""In a real browser: a chart's point reached with the Tab key shows its value, year and series in a tooltip and
the arrow keys move along the series; the world map fills its box in every language (the decimal comma once
shrank it to a strip); charts download as SVG, PNG and CSV; labels stay readable on a phone."""

import re

import pytest
from playwright.sync_api import expect

from wsis.testing.browser import violations
from wsis.testing.factories import internet_use_release

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EXPLORER = "/{lang}/statistics/INTERNET_USERS/?economy=KEN&group=WORLD&year=2021"


@pytest.fixture
def data(statistician):
    return internet_use_release(statistician)


def _tab_to_mark(page, limit=150):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.classList.contains('mark')"):
            return page.evaluate("document.activeElement.getAttribute('aria-label')")
    raise AssertionError("no chart point reached with the Tab key")


def test_keyboard_focus_on_a_point_shows_its_value_year_and_series(page, live_server, data):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + EXPLORER.format(lang="en"))
    label = _tab_to_mark(page)
    assert label == "Kenya, 2018: 40\u00a0%"
    tip = page.locator("#chart-over-time").locator("xpath=ancestor::figure").locator(".chart-tip")
    expect(tip).to_be_visible()
    expect(tip).to_have_text("Kenya, 2018: 40\u00a0%")
    page.keyboard.press("ArrowRight")
    expect(tip).to_have_text("Kenya, 2019: 42\u00a0%")
    # One tab stop per chart: the next Tab leaves the chart's points.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#chart-over-time') === null")
    expect(tip).to_be_hidden()
    # Hover shows the same tooltip.
    page.locator("#chart-over-time .mark").nth(3).hover()
    expect(tip).to_contain_text("Kenya, 2021")
    assert violations(page) == []


def test_french_tooltip_uses_the_decimal_comma_and_the_csv_does_not(page, live_server, data):
    page.goto(live_server.url + EXPLORER.format(lang="fr"))
    marks = page.locator("#chart-over-time .mark")
    labels = [marks.nth(i).get_attribute("aria-label") for i in range(marks.count())]
    assert any(re.search(r"\d,\d", v) for v in labels if "Monde" in v), labels  # the World's aggregate has decimals
    figure = page.locator("#chart-over-time").locator("xpath=ancestor::figure")
    with page.expect_download() as dl:
        figure.get_by_role("button", name=re.compile("SVG")).click()
    svg_text = open(dl.value.path(), encoding="utf-8").read()
    assert svg_text.startswith("<svg") and "Kenya" in svg_text and 'viewBox="0 0 720 ' in svg_text
    with page.expect_download() as dl:
        figure.get_by_role("button", name=re.compile("PNG")).click()
    assert dl.value.suggested_filename == "INTERNET_USERS.png"
    assert open(dl.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    map_figure = page.locator("svg.map").locator("xpath=ancestor::figure")
    with page.expect_download() as dl:
        map_figure.get_by_role("button", name=re.compile("CSV")).click()
    rows = open(dl.value.path(), encoding="utf-8-sig").read().splitlines()
    assert rows[1].count(",") == 1 and re.fullmatch(r"[A-Z]{3},\d+(\.\d+)?", rows[1]), rows[:3]


@pytest.mark.parametrize("width", [1366, 390])
def test_the_map_fills_its_box_in_every_language(page, live_server, data, width):
    page.set_viewport_size({"width": width, "height": 900})
    for lang in ("en", "fr", "ar", "ru", "es", "zh-hans"):
        page.goto(live_server.url + EXPLORER.format(lang=lang))
        ratio = page.evaluate("""() => { const m = document.querySelector('svg.map');
            return m.getBoundingClientRect().width / m.parentElement.getBoundingClientRect().width; }""")
        assert ratio >= 0.9, (lang, width, ratio)
        height = page.evaluate("document.querySelector('svg.map').getBoundingClientRect().height")
        assert height > 0.4 * page.evaluate("document.querySelector('svg.map').getBoundingClientRect().width")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (lang, width)
        # Labels stay readable: the chart's 13-unit text is drawn at 9 px or more, even on a phone.
        px = page.evaluate("""() => { const s = document.querySelector('#chart-over-time');
            return s.getBoundingClientRect().width / s.viewBox.baseVal.width * 13; }""")
        assert px >= 9, (lang, width, px)


def test_the_embed_view_renders_inside_another_page(page, live_server, data):
    page.goto(live_server.url + EXPLORER.format(lang="ar"))
    snippet = page.locator("details.embed textarea").input_value()
    src = re.search(r'src="([^"]+)"', snippet).group(1)
    assert "embed=1" in src
    page.set_content(f'<iframe src="{src}" width="760" height="620" title="chart"></iframe>')
    frame = page.frame_locator("iframe")
    expect(frame.locator("svg.chart")).to_be_visible()
    expect(frame.locator("html")).to_have_attribute("dir", "rtl")
