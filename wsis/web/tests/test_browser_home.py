"""The home dashboard in Debian Chromium: headline cards lead to their pages, by keyboard too; no overflow."""

import re

import pytest
from playwright.sync_api import expect

from wsis.testing.browser import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_cards_link_to_their_pages_by_keyboard(page, live_server, reference):
    from wsis.site.demo import load_demo

    load_demo(password="x-demo-pass")
    base = live_server.url
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{base}/en/")
    cards = page.locator("ul.kpis > li.kpi h3 a")
    expect(cards).to_have_count(6)
    hrefs = [cards.nth(i).get_attribute("href") for i in range(6)]
    for href in hrefs:
        assert page.request.get(base + href).status == 200, href
    # Keyboard: Tab reaches the first card's link; Enter opens the indicator's page.
    first = cards.first
    for _ in range(80):
        page.keyboard.press("Tab")
        if first.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the first headline card is not reachable by Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/statistics/INTERNET_USERS/$"))
    page.go_back()
    # Every card link is in the tab order (no tabindex=-1) and has a visible name.
    for i in range(6):
        link = cards.nth(i)
        assert link.get_attribute("tabindex") in (None, "0")
        assert link.inner_text().strip()
    assert not violations(page), violations(page)


@pytest.mark.parametrize("lang", ["en", "zh-hans", "ar"])
def test_home_fits_a_phone(page, live_server, reference, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/{lang}/")
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    tiles = page.locator("a.sdg-tile")
    expect(tiles).to_have_count(17)
    # The goal colours are the official ones (set by class, the page's CSP forbids inline styles).
    assert tiles.first.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(229, 36, 59)"
