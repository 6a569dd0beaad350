"""In a real browser: Kenya's profile shows its IDI rank and charts; comparing Kenya and Nigeria by typing their
codes; no sideways scroll at phone width; WCAG checks; screenshots in en/zh-hans/ar at 1366 and 390 px."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from wsis.testing.browser import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("WSIS_SHOTS_DIR", "/tmp/shots-economy"))


@pytest.fixture
def demo_statistics(statistician):
    from wsis.statistics.demo import load_demo_statistics

    load_demo_statistics()


def test_kenya_profile_and_comparison(page, live_server, demo_statistics):
    base = live_server.url
    page.goto(f"{base}/en/economies/KEN/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kenya")
    expect(page.locator("#idi")).to_contain_text("Rank")
    expect(page.locator("#idi")).to_contain_text("economies")
    expect(page.locator("svg.chart").first).to_be_visible()
    page.get_by_text("Data table").first.click()
    expect(page.locator("figure table").first).to_be_visible()
    assert not violations(page)

    page.get_by_role("link", name="Compare with other economies").click()
    box = page.get_by_label("Economies (ISO alpha-3 codes)")
    box.fill("KEN NGA")
    page.get_by_role("button", name="Compare").click()
    table = page.locator("#compare-table")
    expect(table).to_contain_text("Nigeria")
    expect(table).to_contain_text("Kenya")
    expect(page.locator("svg.chart").first).to_be_visible()
    assert not violations(page)

    box = page.get_by_label("Economies (ISO alpha-3 codes)")
    box.fill("KEN")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose from 2 to 5 economies")


@pytest.mark.parametrize("width", [1366, 390])
def test_profile_and_comparison_fit_and_are_photographed(browser, live_server, demo_statistics, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    saved = []
    for name, path in (("profile", "/{l}/economies/KEN/"), ("compare", "/{l}/economies/compare/?e=KEN&e=NGA&e=IND")):
        for lang in ("en", "zh-hans", "ar"):
            page.goto(live_server.url + path.format(l=lang))
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, lang)
            shot = SHOTS / f"{name}-{lang}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            saved.append(str(shot))
    ctx.close()
    print("screenshots:", *saved, sep="\n  ")
