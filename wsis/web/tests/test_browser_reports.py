"""Reports in a real browser: an officer requests a report, the page follows it until the worker has finished,
the file downloads; the pages pass the WCAG checks left-to-right and right-to-left."""

import re

import pytest
from playwright.sync_api import expect

from wsis.testing.browser import pick, sign_in, violations
from wsis.testing.factories import sample

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_request_follow_download_and_accessibility(page, live_server, reference, people):
    from wsis.reports.models import ReportRun
    from wsis.reports.services import report_execute
    from wsis.stocktaking.services import activities_import

    activities_import(actor=people["admin"], items=[("a", sample(external_id="BR-1", start_date="2025-02-01"))],
                      publish=True)
    officer = people["afr_reviewer"]
    officer.set_password("pw-reports-123")
    officer.save()
    base = live_server.url

    page.goto(f"{base}/en/reports/")
    expect(page.get_by_role("link", name="Sign in to generate a report")).to_be_visible()
    sign_in(page, base, "afr_rev", "pw-reports-123")
    page.goto(f"{base}/en/reports/")
    page.get_by_label("Report type").first.select_option("cwg")
    page.get_by_label("Period (year)").fill("2025")
    pick(page, "Scope", "World")
    page.get_by_label("Language of the report").select_option("en")
    page.get_by_label("Format").select_option("xlsx")
    page.get_by_role("button", name="Generate the report").click()

    run = ReportRun.objects.get()
    expect(page.get_by_text(f"Report #{run.pk} is queued")).to_be_visible()
    row = page.locator("table.report-runs tbody tr", has=page.get_by_role("link", name=f"#{run.pk}", exact=True))
    expect(row.locator(".report-status")).to_have_text("Queued")
    expect(page.get_by_text(re.compile("this page refreshes itself every 3 seconds"))).to_be_visible()
    expect(row.locator("progress")).to_have_attribute("value", "0")

    report_execute(run.pk)  # what the background worker does
    expect(row.locator(".report-status")).to_have_text("Done", timeout=15_000)
    expect(row.get_by_text("100% done")).to_be_visible()
    expect(page.get_by_text(re.compile("refreshes itself"))).to_have_count(0)
    link = row.get_by_role("link", name=re.compile("Download XLSX"))
    answer = page.request.get(base + link.get_attribute("href"))
    assert answer.status == 200 and answer.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml")

    page.get_by_role("link", name=f"#{run.pk}", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Report #{run.pk}")
    expect(page.get_by_role("heading", name="Sources")).to_be_visible()

    # A second run waits in the queue, so the pages are checked with their refresh notice too.
    second = ReportRun.objects.create(kind="cwg", period=2025, scope="AFR", language="ar", format="pdf")
    found = {}
    for path in ("/en/reports/", "/ar/reports/", f"/en/reports/{run.pk}/", f"/ar/reports/{run.pk}/",
                 f"/ar/reports/{second.pk}/", f"/en/reports/{run.pk}/compare/", f"/ar/reports/{run.pk}/view/"):
        page.goto(base + path)
        v = violations(page)
        if v:
            found[path] = v
    assert found == {}, "\n".join(f"{p}:\n  " + "\n  ".join(v) for p, v in found.items())


def test_refresh_can_be_stopped(page, live_server, reference):
    from wsis.reports.models import ReportRun

    run = ReportRun.objects.create(kind="sg", period=2025, scope="world", language="en", format="pdf")
    page.goto(f"{live_server.url}/en/reports/{run.pk}/")
    page.get_by_role("button", name="Stop refreshing").click()
    expect(page.get_by_text("Automatic refresh is off")).to_be_visible()
    ReportRun.objects.filter(pk=run.pk).update(status="running", progress=45)
    page.wait_for_timeout(4_000)
    expect(page.get_by_text("0% done", exact=True)).to_be_visible()  # not reloaded
    page.reload()
    expect(page.get_by_text("45% done")).to_be_visible()
