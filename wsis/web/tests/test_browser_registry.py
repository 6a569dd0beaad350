"""The registry's main flow in a real browser: submit, return, fix, publish, find by a Chinese query."""


import pytest
from playwright.sync_api import expect

from wsis.testing.browser import pick, sign_in, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submit_return_fix_publish_and_find(page, live_server, reference, people):
    for who in ("author", "afr_reviewer"):
        people[who].set_password("pw-flow-123")
        people[who].save()
    base = live_server.url

    sign_in(page, base, "author", "pw-flow-123")
    page.goto(f"{base}/en/activities/new/")
    page.get_by_label("Title (en)").fill("Rural broadband for Kenyan schools")
    page.locator("summary", has_text="Chinese").click()
    page.get_by_label("Title (zh-hans)").fill("肯尼亚学校农村宽带")
    page.get_by_label("Kind").select_option("project")
    page.get_by_label("Status").select_option("planned")
    page.get_by_label("Start date").fill("2031-01-15")
    page.get_by_label("Primary action line").select_option("C2")
    # The matrix suggests targets for C2; take 9.c from the suggestions.
    page.locator("#suggestions button", has_text="9.c").click()
    expect(page.locator("#id_sdg_targets option[value='9.c']")).to_have_js_property("selected", True)
    pick(page, "Economies", "ken")
    expect(page.get_by_role("button", name="Remove Kenya (KEN)")).to_be_visible()
    pick(page, "Partner 1: organisation", "RO Africa")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("h1")).to_have_text("Rural broadband for Kenyan schools")
    activity_url = page.url
    page.get_by_role("link", name="Check and submit for review").click()
    expect(page.get_by_text("All required checks pass.")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".meta .badge").first).to_have_text("Submitted")
    sign_out(page)

    sign_in(page, base, "afr_rev", "pw-flow-123")
    page.goto(f"{base}/en/activities/review/")
    page.get_by_role("link", name="Rural broadband for Kenyan schools").click()
    page.get_by_role("button", name="Start review").click()
    page.get_by_label("Comment").first.fill("Please add a summary for the public.")
    page.get_by_role("button", name="Return to author").click()
    expect(page.locator(".meta .badge").first).to_have_text("Returned")
    sign_out(page)

    sign_in(page, base, "author", "pw-flow-123")
    page.goto(activity_url)
    expect(page.get_by_text("Please add a summary for the public.")).to_be_visible()
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Summary (en)").fill("Connecting 40 rural schools in Kenya to broadband.")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("link", name="Check and submit for review").click()
    page.get_by_role("button", name="Submit for review").click()
    sign_out(page)

    sign_in(page, base, "afr_rev", "pw-flow-123")
    page.goto(activity_url)
    page.get_by_role("button", name="Start review").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".meta .badge").first).to_have_text("Published")
    sign_out(page)

    page.goto(f"{base}/zh-hans/activities/")
    page.locator("#q").fill("宽带")
    page.locator("#q").press("Enter")
    expect(page.locator(".results-list")).to_contain_text("肯尼亚学校农村宽带")
