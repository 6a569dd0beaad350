"""The header, the phone menu and phone widths in a real browser (Debian Chromium through Playwright).

Screenshots of the pages measured go to /tmp/shots-nav/ (or WSIS_SHOTS_DIR) for a person to look at."""

import os
import re
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGS = ["ar", "zh-hans", "en", "fr", "ru", "es"]
SHOTS = Path(os.environ.get("WSIS_SHOTS_DIR", "/tmp/shots-nav"))

MEASURE = """() => {
  const tops = [...document.querySelectorAll('.main-nav ul.groups > li')].map(e => Math.round(e.getBoundingClientRect().top));
  const header = document.querySelector('header.site-header').getBoundingClientRect();
  const row = [...document.querySelectorAll('.site-header .brand, .main-nav, .lang, .account')]
      .map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));
  const search = document.querySelector('.nav-panel > [role=search]');
  return {search: search ? search.getBoundingClientRect().width : null, items: tops.length, rows: new Set(tops).size, header: header.height, bottom: header.bottom,
          spread: Math.max(...row) - Math.min(...row), overflow: document.documentElement.scrollWidth - innerWidth};
}"""


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    print(f"screenshot {SHOTS / name}.png")


def test_menu_fits_one_row_at_1366_in_six_languages(browser, live_server, reference, people):
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    from wsis.testing.browser import sign_in

    people["admin"].set_password("pw-nav-123")
    people["admin"].save()
    for signed_in in (False, True):
        if signed_in:
            sign_in(page, live_server.url, people["admin"].get_username(), "pw-nav-123")
        for lang in LANGS:
            page.goto(f"{live_server.url}/{lang}/statistics/")
            m = page.evaluate(MEASURE)
            assert m["items"] == 7 and m["rows"] == 1, (lang, signed_in, m)
            assert m["header"] < 70 and m["spread"] <= 6 and m["overflow"] <= 0, (lang, signed_in, m)
            # The real translated labels with the real search box beside them: one row, the box keeps 8rem.
            assert m["search"] >= 128, (lang, signed_in, "the search box keeps 8rem", m)
    shot(page, "menu-ar-1366-signed-in")
    ctx.close()


def test_sub_menus_by_keyboard_on_desktop(browser, live_server, reference):
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    page.goto(f"{live_server.url}/en/statistics/targets/")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    data = page.locator(".main-nav summary", has_text="Data")
    expect(data).to_have_attribute("aria-current", "true")
    registry = page.locator(".main-nav summary", has_text="Registry")
    registry.focus()
    page.keyboard.press("Enter")
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Organisations")).to_be_visible()
    data.focus()
    page.keyboard.press("Enter")  # opening one closes the other
    expect(menu.get_by_role("link", name="Organisations")).to_be_hidden()
    expect(page.locator(".main-nav a[aria-current=page]")).to_have_text("Targets")
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Indicators")).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu.get_by_role("link", name="Indicators")).to_be_hidden()
    expect(data).to_be_focused()
    # Breadcrumbs name the pages above.
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(crumbs.get_by_role("link")).to_have_text(["Home", "Statistics"])
    ctx.close()


def test_language_applies_on_choice_and_keeps_the_page(browser, live_server, reference):
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    page.goto(f"{live_server.url}/es/economies/?region=CIS")
    expect(page.locator("form.lang button")).to_be_hidden()  # the script applies the choice
    page.locator("#language-select").select_option("ru")
    expect(page).to_have_url(re.compile(r"/ru/economies/\?region=CIS$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    ctx.close()
    # Without JavaScript the button is there and does the same.
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{live_server.url}/fr/economies/?region=CIS")
    page.locator("#language-select").select_option("ar")
    page.locator("form.lang button").click()
    expect(page).to_have_url(re.compile(r"/ar/economies/\?region=CIS$"))
    ctx.close()


@pytest.mark.parametrize("script", [True, False], ids=["js", "nojs"])
def test_phone_menu_opens_and_closes(browser, live_server, reference, monkeypatch, settings, script):
    from wsis.accounts import selectors

    settings.WSIS_DEMO_BANNER = True
    monkeypatch.setattr(selectors, "has_demo_data", lambda: True)
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=script, has_touch=True)
    page = ctx.new_page()
    for lang in ("en", "ar", "ru"):
        page.goto(f"{live_server.url}/{lang}/activities/")
        expect(page.locator(".demo-banner")).to_be_visible()
        m = page.evaluate(MEASURE)
        assert m["bottom"] <= 120, (lang, m)  # banner + header before the content
        assert m["overflow"] <= 0, (lang, m)
    nav = page.locator(".main-nav")
    expect(nav).to_be_hidden()
    button = page.locator(".menu-button")
    expect(button).to_be_visible()
    if script:
        page.keyboard.press("Tab")  # skip link
        page.keyboard.press("Tab")  # brand
        page.keyboard.press("Tab")
        expect(button).to_be_focused()
        page.keyboard.press("Enter")
    else:
        button.click()
    expect(nav).to_be_visible()
    expect(page.locator("#language-select")).to_be_visible()
    shot(page, f"menu-open-ru-390-{'js' if script else 'nojs'}")
    with translation.override("ru"):
        reference_label = translation.pgettext("main menu", "Reference")
    page.locator(".main-nav summary", has_text=reference_label).click()
    expect(page.locator(".main-nav a[href='/ru/economies/']")).to_be_visible()
    if script:
        page.keyboard.press("Escape")  # closes the sub-menu, then the menu
        page.keyboard.press("Escape")
        expect(button).to_be_focused()
    else:
        button.click()
    expect(nav).to_be_hidden()
    ctx.close()


def test_no_sideways_scroll_at_390_and_screenshots(browser, live_server, reference, people, catalogue, settings,
                                                    tmp_path):
    from wsis.reports.models import ReportRun
    from wsis.reports.services import report_execute
    from wsis.stocktaking.models import Activity
    from wsis.stocktaking.services import activities_import
    from wsis.testing.factories import internet_use_release, sample, statistician

    settings.MEDIA_ROOT = tmp_path
    items = [(f"a{i}", sample(external_id=f"NAV-{i}", start_date="2025-02-01",
                              texts={"en": {"title": f"National broadband plan for Kenya, phase {i}",
                                            "summary": "Support to the broadband plan " * 8,
                                            "description": "Technical assistance."}})) for i in range(3)]
    activities_import(actor=people["admin"], items=items, publish=True)
    internet_use_release(statistician(people["admin"]))
    run = ReportRun.objects.create(kind="cwg", period=2025, scope="world", language="en", format="html")
    report_execute(run.pk)
    pk = Activity.objects.order_by("pk").first().pk

    pages = {"home": "/", "activities": "/activities/", "activity": f"/activities/{pk}/", "economies": "/economies/",
             "statistics": "/statistics/", "explorer": "/statistics/INTERNET_USERS/", "sdg": "/sdgs/9/",
             "action-lines": "/action-lines/", "partnerships": "/partnerships/", "requests": "/partnerships/requests/",
             "reports": "/reports/", "report-view": f"/reports/{run.pk}/view/", "plan": "/plan/", "prizes": "/prizes/",
             "not-found": "/no-such-page/"}
    shots = {"home", "activities", "explorer", "report-view"}
    found = {}
    for width in (390, 1366):
        ctx = browser.new_context(viewport={"width": width, "height": 844 if width < 700 else 900})
        page = ctx.new_page()
        for lang in ("en", "zh-hans", "ar"):
            for name, path in pages.items():
                page.goto(f"{live_server.url}/{lang}{path}")
                over = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
                if over > 0:
                    found[f"{width} {lang}{path}"] = over
                if name in shots:
                    shot(page, f"{name}-{lang}-{width}")
            # Chinese table cells keep room for a few characters.
            if lang == "zh-hans":
                page.goto(f"{live_server.url}/zh-hans/statistics/")
                narrowest = page.evaluate("() => Math.min(...[...document.querySelectorAll('table.data td, table.data th')]"
                                          ".map(c => c.getBoundingClientRect().width))")
                assert narrowest >= 40, narrowest
        ctx.close()
    assert found == {}, f"pages wider than the window (px too wide): {found}"


def test_wide_table_scrolls_in_a_focusable_named_box(browser, live_server, reference):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(f"{live_server.url}/en/economies/")
    table = page.locator("main table.data").first
    expect(table).to_have_attribute("tabindex", "0")
    assert table.evaluate("t => t.scrollWidth > t.clientWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    # Filters fold behind a button above the results on a phone.
    form = page.get_by_role("search", name="Filter economies")
    expect(form).to_be_hidden()
    page.locator("details.filter-fold > summary").click()
    expect(form).to_be_visible()
    ctx.close()
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    page.goto(f"{live_server.url}/en/economies/")
    expect(page.get_by_role("search", name="Filter economies")).to_be_visible()
    expect(page.locator("details.filter-fold > summary")).to_be_hidden()
    ctx.close()


def test_header_passes_wcag_checks_open_and_closed(browser, live_server, reference, people):
    from wsis.testing.browser import sign_in, violations

    people["admin"].set_password("pw-nav-123")
    people["admin"].save()
    found = {}
    for width in (1366, 390):
        ctx = browser.new_context(viewport={"width": width, "height": 900 if width > 700 else 844})
        page = ctx.new_page()
        sign_in(page, live_server.url, people["admin"].get_username(), "pw-nav-123")
        for lang in ("en", "ar"):
            page.goto(f"{live_server.url}/{lang}/statistics/targets/")
            if width < 700:
                page.locator(".menu-button").click()
            page.locator(".main-nav summary").first.click()
            page.locator(".account-menu > summary").click()
            v = violations(page)
            if v:
                found[f"{width} {lang}"] = v
            page.goto(f"{live_server.url}/{lang}/no-such-page/")
            v = violations(page)
            if v:
                found[f"{width} {lang} 404"] = v
        ctx.close()
    assert found == {}, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in found.items())


def test_header_never_overflows_between_phone_and_desktop(browser, live_server, reference):
    found = {}
    for width in (720, 900, 961, 1024, 1100):
        ctx = browser.new_context(viewport={"width": width, "height": 900})
        page = ctx.new_page()
        for lang in ("en", "ru", "ar"):
            page.goto(f"{live_server.url}/{lang}/sdgs/")
            over = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
            if over > 0:
                found[f"{width} {lang}"] = over
        ctx.close()
    assert found == {}, found
