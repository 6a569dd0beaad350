"""In a real browser: a unit head submits a progress update, a manager returns it, the head corrects and resubmits,
the manager approves, and the output's status and the roll-up to the objective and plan change. Plus WCAG checks."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from wsis.planning.models import ProgressUpdate
from wsis.testing.browser import sign_out, violations
from wsis.testing.factories import plan_dict, sample

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _relative_plan(staff):
    """The test plan moved so that today falls in its second year, whatever the date the suite runs."""
    from wsis.planning import services
    from wsis.stocktaking.services import activities_import

    y = dt.date.today().year
    data = plan_dict(start=dt.date(y - 1, 1, 1), end=dt.date(y + 1, 12, 31))
    for k in data["kpis"]:
        k.update(baseline_year=y - 2, deadline=dt.date(y + 1, 12, 31))
    data["milestones"] = [{"output": "O1.1", "titles": {"en": "Survey done"}, "due": dt.date(y - 1, 6, 30),
                           "completed": dt.date(y - 1, 6, 1)}]
    data["periods"] = [{"code": f"{y - 1}-H1", "start": dt.date(y - 1, 1, 1), "end": dt.date(y - 1, 6, 30),
                        "due": dt.date(y - 1, 7, 31)}]
    activities_import(actor=staff["admin"], publish=True, items=[
        ("t", sample(external_id="A-1", status="completed", start_date=f"{y - 1}-02-01", end_date=f"{y - 1}-09-30"))])
    plan = services.plan_import(actor=staff["admin"], data=data)
    services.plan_set_state(actor=staff["admin"], plan=plan, state="active")
    for who in ("head", "bdt_reviewer"):
        staff[who].set_password("pw-plan-123")
        staff[who].save()
    return plan


def _sign_in(page, base, username):
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill("pw-plan-123")
    page.get_by_role("button", name="Sign in").click()


def _statuses(page, base):
    page.goto(f"{base}/en/plan/op-test/")
    tree = page.locator(".plan-tree")
    objective = tree.locator("h3").first.locator(".status").inner_text()
    output = tree.locator("li li", has_text="O1.1 · Rural sites").first.locator(":scope > .status").inner_text()
    plan = page.locator(".lead .status").inner_text()
    return output, objective, plan


def test_submit_return_resubmit_approve_changes_status_and_roll_up(page, live_server, staff):
    plan = _relative_plan(staff)
    base = live_server.url
    assert _statuses(page, base) == ("On track", "On track", "On track")

    _sign_in(page, base, "afr.head")
    page.goto(f"{base}/en/plan/op-test/")
    page.get_by_role("link", name="O1.1 · Rural sites").click()
    page.get_by_label("What was done in the period").fill("Twenty sites connected.")
    page.get_by_label("K1 · Sites connected (sites)").fill("20")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Update submitted for review.")).to_be_visible()
    assert ProgressUpdate.objects.get().state == "submitted"

    sign_out(page)
    _sign_in(page, base, "bdt_rev")
    page.goto(f"{base}/en/plan/review/")
    page.get_by_role("link", name="O1.1").click()
    page.get_by_label("Comment").fill("Give the sites per country.")
    page.get_by_role("button", name="Return to the office").click()
    expect(page.get_by_text("Update returned to the office.")).to_be_visible()
    # Returned, not approved: nothing changes yet.
    assert _statuses(page, base) == ("On track", "On track", "On track")

    sign_out(page)
    _sign_in(page, base, "afr.head")
    page.goto(f"{base}/en/plan/reminders/")  # the return is also in the reminders after the daily sweep
    page.goto(f"{base}/en/plan/op-test/")
    page.get_by_role("link", name="O1.1 · Rural sites").click()
    expect(page.get_by_role("alert")).to_contain_text("Give the sites per country.")
    page.get_by_label("What was done in the period").fill("Twenty sites: 12 in Kenya, 8 in Uganda.")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Update submitted for review.")).to_be_visible()

    sign_out(page)
    _sign_in(page, base, "bdt_rev")
    page.goto(f"{base}/en/plan/review/")
    page.get_by_role("link", name="O1.1").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Update approved.")).to_be_visible()

    # 20 of 300 sites in half a year of three: far below the pace needed.
    assert _statuses(page, base) == ("Off track", "Off track", "Off track")
    u = ProgressUpdate.objects.get()
    assert [s.to_state for s in u.steps.all()] == ["submitted", "returned", "submitted", "approved"]
    assert plan.periods.count() == 1


def test_plan_pages_have_no_wcag_violations(page, live_server, staff):
    from wsis.planning.models import Output

    _relative_plan(staff)
    pk = Output.objects.get(code="O1.1").pk
    found = {}
    _sign_in(page, live_server.url, "afr.head")
    for path in ("/en/plan/op-test/", "/ar/plan/op-test/", "/en/plan/op-test/timeline/", "/zh-hans/plan/op-test/overdue/",
                 "/en/plan/op-test/offices/", f"/en/plan/outputs/{pk}/", f"/ar/plan/outputs/{pk}/",
                 "/en/plan/reminders/"):
        page.goto(live_server.url + path)
        v = violations(page)
        if v:
            found[path] = v
    assert not found, found
