"""Playwright helpers for the browser tests."""

import re

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page) -> list[str]:
    """WCAG 2.1 A/AA violations that axe-core finds on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    out = []
    for v in result.response["violations"]:
        targets = [n["target"] for n in v["nodes"]][:3]
        out.append(f"{v['id']} ({v['impact']}): {v['help']} — {targets}")
    return out


def sign_in(page, base, username, password):
    from playwright.sync_api import expect

    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # Signed in: the account menu in the header names the user (its items open from there).
    expect(page.locator("header .account-menu > summary")).to_contain_text(username)


def sign_out(page):
    """Open the account menu of the header and sign out."""
    from playwright.sync_api import expect

    menu = page.locator("header .account-menu")
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    menu.get_by_role("button", name=re.compile("Sign out")).click()
    expect(page.locator("header .account-menu")).to_have_count(0)


def pick(page, label: str, typed: str, option: str | None = None):
    """Choose in a type-ahead picker (wsis/picker.js): type into the combobox named `label`, then take the first
    match with Enter, or the option named `option`."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.fill(typed)
    if option:
        listbox = page.locator("#" + box.get_attribute("aria-controls"))
        listbox.get_by_role("option", name=option, exact=True).click()
    else:
        box.press("Enter")
