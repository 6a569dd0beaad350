"""In a real browser: a statistician imports a release, a bad file is refused with its line named, and the
explorer shows the new figures in its chart, table and map; the statistics pages pass the WCAG checks."""

import pytest
from playwright.sync_api import expect

from wsis.statistics.models import Release
from wsis.testing.browser import pick, violations
from wsis.testing.factories import long_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, base):
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("User name").fill("stat")
    page.get_by_label("Password").fill("pw-stat-123")
    page.get_by_role("button", name="Sign in").click()


def test_statistician_imports_and_explores(page, live_server, statistician, tmp_path):
    base = live_server.url
    bad = tmp_path / "WDI_IT.CEL.SETS.P2_long.csv"
    bad.write_bytes(long_csv([("Kenya", "KEN", 2021, "118.2"), ("Kenya", "KEN", 2022, "n/a")]))
    _sign_in(page, base)
    page.goto(f"{base}/en/statistics/import/")
    page.get_by_label("File", exact=True).set_input_files(str(bad))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("WDI_IT.CEL.SETS.P2_long.csv:3")).to_be_visible()
    assert not Release.objects.exists()

    good = tmp_path / "good" / "WDI_IT.CEL.SETS.P2_long.csv"
    good.parent.mkdir()
    good.write_bytes(long_csv([("Kenya", "KEN", 2021, "118.2"), ("Kenya", "KEN", 2022, "121.5"),
                               ("Ghana", "GHA", 2022, "130.1"), ("World", "WLD", 2022, "108")]))
    page.get_by_label("File", exact=True).set_input_files(str(good))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("3 observations, 1 published aggregates")).to_be_visible()

    page.goto(f"{base}/en/statistics/")
    page.get_by_role("link", name="Mobile-cellular subscriptions per 100 inhabitants").click()
    # Kenya is among the economies shown first; add Ghana.
    expect(page.get_by_role("button", name="Remove Kenya (KEN)")).to_be_visible()
    pick(page, "Economies", "Ghana")
    expect(page.get_by_role("button", name="Remove Ghana (GHA)")).to_be_visible()
    page.get_by_role("button", name="Show").first.click()
    expect(page.locator("svg.chart")).to_be_visible()
    page.get_by_text("Data table").click()
    table = page.locator("table", has=page.locator("caption", has_text="Mobile-cellular"))
    expect(table.locator("tr", has_text="2022")).to_contain_text("121.5")
    expect(page.locator('svg.map path[aria-label="Kenya, 2022: 121.5"]')).to_have_count(1)


def test_statistics_pages_have_no_wcag_violations(page, live_server, statistician):
    from wsis.statistics.demo import load_demo_statistics

    load_demo_statistics()
    found = {}
    for path in ("/en/statistics/", "/en/statistics/INTERNET_USERS/", "/ar/statistics/INTERNET_USERS/",
                 "/en/statistics/INTERNET_USERS/divide/", "/zh-hans/statistics/targets/",
                 "/en/statistics/index/IDI/", "/fr/economies/KEN/", "/en/statistics/releases/"):
        page.goto(live_server.url + path)
        v = violations(page)
        if v:
            found[path] = v
    assert not found, found
