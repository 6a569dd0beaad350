"""Real-browser flows in Debian Chromium through Playwright."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADING = "WSIS action lines and the Sustainable Development Goals"


def translated(text: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


def test_switch_to_arabic_then_chinese(page, live_server, reference):
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("h1")).to_have_text(HEADING)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    page.get_by_label("Language").select_option("ar")  # applies on choice (the button is for no-script use)
    expect(page).to_have_url(re.compile(r"/ar/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    arabic = translated(HEADING, "ar")
    assert arabic != HEADING, "the Arabic catalogue lacks the home heading"
    expect(page.locator("h1")).to_have_text(arabic)
    # Names of reference data follow the language too.
    expect(page.locator("table").first).to_contain_text(translated("Sole facilitator", "ar"))

    page.locator("#language-select").select_option("zh-hans")
    expect(page).to_have_url(re.compile(r"/zh-hans/$"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    chinese = translated(HEADING, "zh-hans")
    assert chinese != HEADING
    expect(page.locator("h1")).to_have_text(chinese)
    expect(page.locator("h2#h-sdgs")).to_have_text(translated("Sustainable Development Goals", "zh-hans"))


def test_filter_economies_by_keyboard_and_download(page, live_server, reference):
    page.goto(f"{live_server.url}/fr/economies/")
    page.keyboard.press("Tab")
    expect(page.locator("a.skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.get_by_label(translated("ITU region", "fr")).select_option("CIS")
    page.get_by_role("button", name=translated("Filter", "fr")).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"region=CIS"))
    expect(page.locator("table.data tbody tr")).to_have_count(9)
    expect(page.locator("table.data tbody")).to_contain_text("Kazakhstan")
    link = page.get_by_role("link", name=translated("Download CSV", "fr"))
    assert "region=CIS" in link.get_attribute("href") and "format=csv" in link.get_attribute("href")


def test_economy_page_shows_membership_history(page, live_server, reference):
    page.goto(f"{live_server.url}/en/economies/BTN/")
    expect(page.locator("h1")).to_have_text("Bhutan")
    row = page.locator("tr", has_text="Least developed countries")
    expect(row).to_contain_text("2023-12-13")
    expect(page.locator("td[lang='zh-hans']")).to_have_text("不丹")
