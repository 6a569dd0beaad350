"""Cooperation in a real browser: a Kenyan focal point files an assistance request, the Africa regional officer
assesses and assigns it, and the focal point follows its dated steps; a member of the public registers for a
training. WCAG checks on the request page and the events list, left-to-right and right-to-left."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from wsis.testing.browser import pick, sign_out, violations
from wsis.testing.factories import published_activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-coop-123"


def sign_in(page, base, username):
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("header .account-menu > summary")).to_contain_text(username)


def no_violations(page, urls) -> None:
    found = {}
    for url in urls:
        page.goto(url)
        v = violations(page)
        if v:
            found[url] = v
    assert found == {}, "\n".join(f"{p}:\n  " + "\n  ".join(v) for p, v in found.items())


@pytest.fixture
def coop(funding):
    from wsis.accounts.models import Role, User
    from wsis.accounts.services import role_grant, user_create
    from wsis.reference.models import Economy

    admin = funding["admin"]
    focal = user_create(actor=admin, username="ke_focal", organisation=funding["ministry"])
    role_grant(actor=admin, user=focal, role=Role.FOCAL_POINT, economy=Economy.objects.get(iso3="KEN"))
    for user in (User.objects.get(pk=focal.pk), funding["officer"]):
        user.set_password(PASSWORD)
        user.save()
    return funding


def test_request_filed_assigned_and_followed_by_the_focal_point(page, live_server, coop):
    from wsis.testing.factories import active_plan

    active_plan(coop["admin"])
    base = live_server.url

    sign_in(page, base, "ke_focal")
    no_violations(page, [f"{base}/ar/partnerships/requests/new/", f"{base}/en/partnerships/requests/"])
    page.get_by_role("link", name="File a request").click()
    expect(page.get_by_label("Economy")).to_have_value("KEN")
    page.get_by_label("Topic").fill("Review of the national spectrum policy")
    page.get_by_label("Description of the help needed").fill("We ask for an expert review of the draft policy.")
    pick(page, "WSIS action lines", "C2")
    pick(page, "WSIS action lines", "C6")
    page.get_by_role("button", name="File the request").click()
    expect(page.locator("h1")).to_contain_text("Review of the national spectrum policy")
    expect(page.locator(".meta .badge").first).to_have_text("Received")
    request_url = page.url
    no_violations(page, [request_url.replace("/en/", "/ar/"), request_url])
    sign_out(page)

    sign_in(page, base, "afr_officer")
    page.goto(request_url)
    page.locator("#c-assess").fill("Fits output O1.1 of the plan.")
    page.get_by_role("button", name="Mark assessed").click()
    expect(page.locator(".meta .badge").first).to_have_text("Assessed")
    page.get_by_label("Office").select_option(label="RO Africa (test)")
    page.get_by_label("Operational-plan output").select_option(label="O1.1 · Rural sites")
    page.locator("#c-assign").fill("The regional office leads.")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".meta .badge").first).to_have_text("Assigned")
    sign_out(page)

    sign_in(page, base, "ke_focal")
    page.goto(f"{base}/en/partnerships/requests/")
    page.get_by_role("link", name=re.compile("Review of the national spectrum policy")).click()
    steps = page.get_by_role("table", name="Dated steps of this request")
    expect(steps.get_by_role("row")).to_have_count(4)
    expect(steps).to_contain_text("Received → Assessed")
    expect(steps).to_contain_text("Fits output O1.1 of the plan.")
    expect(steps).to_contain_text("Assessed → Assigned")
    expect(steps).to_contain_text("afr_officer")
    expect(steps).to_contain_text(dt.date.today().isoformat())
    timers = page.get_by_role("table", name="Time this request spent in each state")
    expect(timers.get_by_role("row")).to_have_count(4)
    expect(timers.get_by_role("row", name=re.compile("Assigned current"))).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("O1.1 · Rural sites")
    expect(page.get_by_role("heading", name="Handle this request")).to_have_count(0)


def test_public_registers_for_an_open_training(page, live_server, coop):
    from wsis.partnerships.cooperation import services as cooperation_services
    from wsis.partnerships.models import Registration

    admin = coop["admin"]
    start = dt.date.today() + dt.timedelta(days=60)
    training = published_activity(
        admin, kind="training", status="planned", start_date=start.isoformat(),
        end_date=(start + dt.timedelta(days=2)).isoformat(),
        texts={"en": {"title": "Digital skills for women in Kenya", "summary": "", "description": ""},
               "ar": {"title": "المهارات الرقمية للنساء في كينيا", "summary": "", "description": ""}})
    cooperation_services.event_save(actor=admin, activity=training, data={
        "mode": "hybrid", "venue": "Nairobi", "online_url": "https://example.org/live", "registration_open": True})
    cooperation_services.attendance_set(actor=admin, activity=training, cells=[
        {"sex": "F", "stakeholder": "civil_society", "economy": "KEN", "count": 3}])
    base = live_server.url

    page.goto(f"{base}/en/partnerships/events/")
    page.get_by_role("link", name="Digital skills for women in Kenya").click()
    page.get_by_label("Name").fill("Amina Wanjiru")
    page.get_by_label("E-mail address").fill("amina@example.org")
    page.get_by_label("Sex").select_option(label="Women")
    page.get_by_label("Stakeholder type").select_option(label="Civil society")
    page.get_by_label("Economy").select_option("KEN")
    page.get_by_label("Organisation").fill("Women in ICT Kenya")
    page.get_by_role("button", name="Register for this event").click()
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text("Thank you, Amina Wanjiru: you are registered.")
    reg = Registration.objects.get()
    assert (reg.email, reg.sex, reg.stakeholder, reg.economy.iso3) == ("amina@example.org", "F", "civil_society", "KEN")

    no_violations(page, [f"{base}/en/partnerships/events/", f"{base}/ar/partnerships/events/",
                         f"{base}/ar/partnerships/events/{training.pk}/", f"{base}/ar/partnerships/contributions/"])
    # The organisers' page, with the registration just made, in both directions.
    sign_in(page, base, "afr_officer")
    no_violations(page, [f"{base}/ar/partnerships/events/{training.pk}/manage/",
                         f"{base}/en/partnerships/events/{training.pk}/manage/"])
    expect(page.get_by_role("table", name="People registered for this event")).to_contain_text("amina@example.org")
