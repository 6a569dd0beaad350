"""The type-ahead pickers in a real browser: an author picks three economies and two SDG targets by typing, removes
a chip by keyboard, names a partner and a currency, and finds them saved; the explorer's picker shows the chosen
economies. Screenshots of both in en, zh-hans and ar at 1366 and 390 px go to $WSIS_SHOTS_DIR (/tmp/shots-forms)."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from wsis.stocktaking.models import Activity
from wsis.testing.browser import pick, sign_in, violations
from wsis.testing.factories import internet_use_release

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("WSIS_SHOTS_DIR", "/tmp/shots-forms"))


def test_author_picks_economies_and_targets_by_typing(page, live_server, reference, people):
    people["author"].set_password("pw-pick-123")
    people["author"].save()
    base = live_server.url
    sign_in(page, base, "author", "pw-pick-123")
    page.goto(f"{base}/en/activities/new/")
    page.get_by_label("Title (en)").fill("Community networks in East and West Africa")
    page.get_by_label("Kind").select_option("training")
    page.get_by_label("Primary action line").select_option("C4")
    page.get_by_label("Scope").select_option("regional")

    economies = page.get_by_role("combobox", name="Economies", exact=True)
    expect(economies).to_have_attribute("aria-expanded", "false")
    economies.fill("ken")
    expect(economies).to_have_attribute("aria-expanded", "true")
    listbox = page.locator("#id_economies-input-list")
    expect(listbox.get_by_role("option", name="Kenya (KEN)")).to_be_visible()
    economies.press("Enter")
    live = page.locator("#id_economies + .picker [role=status]")
    expect(live).to_have_text("Kenya (KEN) added, 1 chosen.")
    # "nig" lists Niger first, then Nigeria: the arrow keys move to it.
    economies.fill("nig")
    expect(listbox.get_by_role("option").first).to_have_text("Niger (NER)")
    economies.press("ArrowDown")
    expect(economies).to_have_attribute("aria-activedescendant", "id_economies-input-list-1")
    economies.press("Enter")
    # Accents and case do not matter: "cote" finds Côte d’Ivoire.
    economies.fill("COTE")
    expect(listbox.get_by_role("option").first).to_contain_text("Côte")
    economies.press("Escape")
    expect(economies).to_have_attribute("aria-expanded", "false")
    pick(page, "Economies", "gha")
    pick(page, "Economies", "UGA")
    for name in ("Kenya (KEN)", "Nigeria (NGA)", "Ghana (GHA)", "Uganda (UGA)"):
        expect(page.get_by_role("button", name=f"Remove {name}")).to_be_visible()
    # Antarctica is no economy: it is not offered.
    economies.fill("antarc")
    expect(page.locator("#id_economies + .picker .picker-empty")).to_have_text("No match.")
    expect(economies).to_have_attribute("aria-expanded", "false")
    economies.press("Escape")
    economies.press("Escape")

    # Remove Ghana by keyboard: focus its chip, press Enter; focus moves on to the next chip (by name: Kenya).
    page.get_by_role("button", name="Remove Ghana (GHA)").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Remove Ghana (GHA)")).to_have_count(0)
    expect(page.get_by_role("button", name="Remove Kenya (KEN)")).to_be_focused()
    expect(live).to_have_text("Ghana (GHA) removed, 3 chosen.")

    pick(page, "SDG targets", "4.4")
    pick(page, "SDG targets", "9.c")
    expect(page.get_by_role("button", name=re.compile(r"^Remove 4\.4\b"))).to_be_visible()
    expect(page.locator("#id_sdg_targets option[value='9.c']")).to_have_js_property("selected", True)

    pick(page, "Partner 1: organisation", "ro afr")
    page.get_by_label("Role", exact=True).first.select_option("funding")
    page.get_by_role("button", name="Add a partner").click()
    expect(page.get_by_role("combobox", name="Partner 4: organisation")).to_be_focused()
    page.get_by_label("Budget").fill("25000")
    pick(page, "Currency (ISO 4217)", "shilling", option="KES — Kenyan Shilling")
    expect(page.get_by_role("combobox", name="Currency (ISO 4217)")).to_have_value("KES — Kenyan Shilling")
    found = violations(page)
    assert not found, found
    page.get_by_role("button", name="Save draft").click()

    expect(page.locator("h1")).to_have_text("Community networks in East and West Africa")
    a = Activity.objects.get()
    assert sorted(a.economies.values_list("iso3", flat=True)) == ["KEN", "NGA", "UGA"]
    assert sorted(a.sdg_targets.values_list("code", flat=True)) == ["4.4", "9.c"]
    assert a.budget_currency == "KES"
    assert a.participants.filter(organisation__name="RO Africa (test)", role="funding").exists()

    # Back in the editor the chips show what was saved.
    page.goto(f"{base}/en/activities/{a.pk}/edit/")
    for name in ("Kenya (KEN)", "Nigeria (NGA)", "Uganda (UGA)", "4.4", "9.c"):
        expect(page.get_by_role("button", name=re.compile("^Remove " + re.escape(name)))).to_be_visible()
    expect(page.get_by_role("combobox", name="Partner 1: organisation")).to_have_value("RO Africa (test)")
    for lang in ("en", "zh-hans", "ar"):
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{base}/{lang}/activities/{a.pk}/edit/")
            page.locator("#id_economies-input").fill("ni")
            page.locator("#id_sdg_targets").evaluate("e => e.closest('fieldset').scrollIntoView()")
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"activity-form-{lang}-{width}.png"))
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (lang, width)
            if width == 390:
                found = violations(page)
                assert not found, (lang, found)
    print(f"screenshots: {SHOTS}/activity-form-*.png")


def test_explorer_picker_shows_the_chosen_economies(page, live_server, statistician):
    internet_use_release(statistician)
    base = live_server.url
    page.goto(f"{base}/en/statistics/INTERNET_USERS/?economy=KEN&economy=GHA")
    expect(page.get_by_role("list", name="Chosen: Economies")).to_be_visible()
    expect(page.get_by_role("button", name="Remove Kenya (KEN)")).to_be_visible()
    expect(page.get_by_role("button", name="Remove Ghana (GHA)")).to_be_visible()
    # The no-JavaScript hint about Ctrl is hidden once the picker is there.
    expect(page.get_by_text("Hold Ctrl (or Cmd) to choose several.")).to_be_hidden()
    pick(page, "Economies", "bra")
    page.get_by_role("button", name="Remove Ghana (GHA)").click()
    page.get_by_role("button", name="Show").first.click()
    expect(page).to_have_url(re.compile(r"economy=BRA"))
    assert "economy=KEN" in page.url and "GHA" not in page.url
    for name in ("Brazil (BRA)", "Kenya (KEN)"):
        expect(page.get_by_role("button", name=f"Remove {name}")).to_be_visible()
    expect(page.locator("table.data thead").first).to_contain_text("Brazil")
    found = violations(page)
    assert not found, found
    for lang in ("en", "zh-hans", "ar"):
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{base}/{lang}/statistics/INTERNET_USERS/?economy=KEN&economy=NGA&economy=IND")
            page.locator("#economy-input").fill("br")
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"explorer-picker-{lang}-{width}.png"))
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (lang, width)
    print(f"screenshots: {SHOTS}/explorer-picker-*.png")


def test_without_javascript_the_plain_select_works_and_says_what_is_chosen(browser, live_server, statistician):
    internet_use_release(statistician)
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{live_server.url}/en/statistics/INTERNET_USERS/?economy=KEN&economy=GHA")
    select = page.get_by_label("Economies", exact=True)
    expect(select).to_be_visible()
    expect(page.get_by_role("combobox", name="Economies")).to_have_count(0)
    expect(page.get_by_text("Hold Ctrl (or Cmd) to choose several.")).to_be_visible()
    expect(page.get_by_text("Chosen: Kenya, Ghana")).to_be_visible()
    select.select_option(["BRA", "KEN"])
    page.get_by_role("button", name="Show").first.click()
    expect(page.get_by_text("Chosen: Brazil, Kenya")).to_be_visible()
    ctx.close()
