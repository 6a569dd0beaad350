"""The header's search box in a real browser: suggestions as you type, chosen by keyboard (WAI-ARIA combobox)."""

import re

import pytest
from playwright.sync_api import expect

from wsis.testing.browser import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fresh_cache():
    from wsis.search import selectors

    selectors._cache.clear()


def test_type_kenya_in_russian_and_choose_it_by_keyboard(page, live_server, people):
    from wsis.testing.factories import published_activity

    published_activity(people["author"], reviewer=people["bdt_reviewer"])
    page.goto(f"{live_server.url}/en/activities/")
    box = page.get_by_role("combobox", name=re.compile("Search activities"))
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("Кения", delay=30)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("group").first).to_contain_text("Economies (1)")
    expect(page.locator("#site-search-status")).to_contain_text("Suggestions found")
    box.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(first).to_contain_text("Kenya")
    assert violations(page) == []
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/economies/KEN/$"))


def test_escape_closes_and_enter_without_a_choice_opens_the_results_page(page, live_server, reference):
    page.goto(f"{live_server.url}/ar/")
    box = page.locator("#site-search-q")
    box.press_sequentially("كينيا", delay=30)
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/ar/search/\?q="))
    expect(page.locator("#results-economies")).to_contain_text("كينيا")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert violations(page) == []


def test_the_box_works_without_javascript(browser, live_server, reference):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/zh-hans/")
    page.locator("#site-search-q").fill("肯尼亚")
    page.locator("#site-search-q").press("Enter")
    expect(page).to_have_url(re.compile(r"/zh-hans/search/\?q="))
    expect(page.locator("#results-economies a").first).to_have_text("肯尼亚")
    context.close()
