"""Funding pages through the test client: dashboard, agreements, flows, rates, organisations, one activity's funding."""

import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from wsis.accounts.services import organisation_create
from wsis.partnerships.funding import services as funding_services
from wsis.partnerships.models import Agreement, Document, ExchangeRate, Flow
from wsis.testing.factories import flow

pytestmark = pytest.mark.django_db


@pytest.fixture
def money(funding):  # noqa: F811
    """A signed AFR agreement, a public commitment (100,000 EUR = 111,111.11 USD), a public CHF pledge and a
    confidential commitment from the bank."""
    admin, act = funding["admin"], funding["activity"]
    agreement = funding_services.agreement_create(actor=admin, data={
        "reference": "AFR-2024-01", "kind": "cooperation", "title": "Broadband cooperation in Kenya",
        "region": "AFR", "frameworks": ["geneva_plan"],
        "parties": [{"organisation": funding["eu"].pk, "role": "funder"},
                    {"organisation": funding["ministry"].pk, "role": "implementer"}],
        "activities": [act.pk]})
    funding_services.agreement_transition(actor=admin, agreement=agreement, action="sign", on="2024-02-15")
    funding_services.flow_create(actor=admin, data=flow(act, funding["eu"], agreement="AFR-2024-01"))
    # Each funder here pays in one currency: flows_record cannot yet compare a funder's flows across currencies.
    foundation = organisation_create(actor=admin, name="Foundation (test)", kind="private_sector")
    funding_services.flow_create(actor=admin, data=flow(act, foundation, stage="pledge", amount="50000", currency="CHF",
                                                value_date="2024-02-01", mechanism="grant"))
    funding_services.flow_create(actor=admin, data=flow(act, funding["bank"], amount="70000", public=False,
                                                mechanism="development_bank_loan"))
    return {**funding, "agreement": Agreement.objects.get(pk=agreement.pk)}


def html(response) -> str:
    return response.content.decode()


def pages(m) -> list[str]:
    a, act, org = m["agreement"], m["activity"], m["eu"]
    return ["/en/partnerships/", "/en/partnerships/?region=AFR&stage=commitment", "/ar/partnerships/",
            "/en/partnerships/agreements/", f"/en/partnerships/agreements/{a.pk}/", "/en/partnerships/flows/",
            "/en/partnerships/rates/", "/en/partnerships/rates/?currency=EUR", "/en/partnerships/organisations/",
            f"/en/partnerships/organisations/{org.pk}/", f"/en/partnerships/activities/{act.pk}/funding/",
            f"/ar/partnerships/activities/{act.pk}/funding/"]


def test_pages_render_for_the_public_and_signed_in_users(client, money):
    for path in pages(money):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "<main" in html(r) and 'aria-label="Partnerships"' in html(r) or path.startswith("/ar/"), path
    for who in ("officer", "stranger", "admin"):
        client.force_login(money[who])
        for path in [*pages(money), "/en/partnerships/flows/new/", "/en/partnerships/agreements/new/"]:
            r = client.get(path)
            assert r.status_code in (200, 302), (who, path)
    client.logout()
    for path in ("/en/partnerships/flows/new/", "/en/partnerships/agreements/new/"):
        assert client.get(path)["Location"].startswith("/en/accounts/login/")


def test_dashboard_totals_in_usd_with_filters_charts_and_tables(client, money):
    page = html(client.get("/en/partnerships/", {"region": "AFR"}))
    # Only the public flows count for the public: 100,000 EUR at 0.90 and 50,000 CHF at 0.85.
    assert 'id="total-commitment">111,111' in page and 'id="total-pledge">58,824' in page
    assert "1 flow has a confidential amount and is not counted for you." in page
    for title in ("By ITU region", "By WSIS action line", "By development group", "By year", "By ITU role",
                  "By funder type", "By funding mechanism"):
        assert title in page
    assert page.count('class="chart bars"') >= 6 and "<caption>By ITU region, in US dollars</caption>" in page
    # Each bar is named in the chart and says its stage and amount on hover and focus.
    assert '<text x="' in page and 'class="category">Africa</text>' in page
    assert 'aria-label="Africa — Committed: 111,111 USD"' in page
    assert ('<th scope="row">Africa</th><td class="num">58,824</td><td class="num">111,111</td>'
            '<td class="num">0</td><td class="num">0</td>') in page
    assert "Largest funding gaps" in page and "cannot be computed" in page  # the confidential flow hides the gap
    assert "never used" in page and "add up to more than the total" in page
    assert 'id="total-commitment">0 ' in html(client.get("/en/partnerships/", {"region": "EUR"}))
    client.force_login(money["officer"])
    page = html(client.get("/en/partnerships/", {"region": "AFR"}))
    assert 'id="total-commitment">188,889' in page and "confidential" not in page  # + 70,000 EUR / 0.90
    fr = html(client.get("/fr/partnerships/", {"region": "AFR"}))
    assert 'id="total-commitment">188\u202f889' in fr or 'id="total-commitment">188\xa0889' in fr


def test_dashboard_downloads_the_breakdown_with_the_same_filters(client, money):
    js = client.get("/en/partnerships/", {"region": "AFR", "format": "json"}).json()
    total = next(r for r in js["results"] if r["dimension"] == "total")
    assert total["commitment"] == "111111.11" and total["pledge"] == "58823.53"
    assert {"region", "line", "year", "role", "funder_kind", "mechanism"} <= {
        r["dimension"] for r in js["results"]}
    assert next(r for r in js["results"] if r["dimension"] == "region")["code"] == "AFR"
    mech = client.get("/en/partnerships/", {"region": "AFR", "mechanism": "grant", "format": "json"}).json()
    assert next(r for r in mech["results"] if r["dimension"] == "total")["commitment"] == "0"
    csv_r = client.get("/en/partnerships/", {"region": "AFR", "format": "csv"})
    assert csv_r["Content-Type"].startswith("text/csv")
    lines = csv_r.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("dimension,code,label,pledge,commitment") and "111111.11" in lines[1]
    xlsx = client.get("/en/partnerships/", {"region": "AFR", "format": "xlsx"})
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert ws.cell(1, 1).value == "dimension" and ws.cell(2, 5).value == "111111.11"


def test_dashboard_lists_flows_without_a_rate_instead_of_converting_them(client, money):
    funding_services.flow_create(actor=money["admin"], data=flow(money["activity"], money["ministry"], amount="6000000",
                                                         currency="XOF", value_date="2024-05-02"))
    ExchangeRate.objects.filter(currency="XOF").delete()
    page = html(client.get("/en/partnerships/"))
    assert "Flows left out: no exchange rate" in page
    assert '<th scope="row">XOF</th><td>2024-05-02</td><td class="num">1</td>' in page
    assert 'id="total-commitment">111,111' in page
    fund = html(client.get(f"/en/partnerships/activities/{money['activity'].pk}/funding/"))
    assert "XOF on 2024-05-02: 1 flow" in fund and "no rate" in fund


def test_flow_list_hides_confidential_amounts_and_downloads_with_filters(client, money):
    page = html(client.get("/en/partnerships/flows/"))
    assert "confidential" in page and "70,000" not in page and "100,000.00 EUR" in page
    rows = client.get("/en/partnerships/flows/", {"format": "json"}).json()["results"]
    hidden = next(r for r in rows if r["confidential"])
    assert hidden["amount"] is None and hidden["usd"] is None and hidden["funder"] == "Development Bank (test)"
    only = client.get("/en/partnerships/flows/", {"stage": "pledge", "format": "json"}).json()
    assert only["count"] == 1 and only["results"][0]["currency"] == "CHF" and only["results"][0]["usd"] == "58823.53"
    csv_r = client.get("/en/partnerships/flows/", {"stage": "pledge", "format": "csv"})
    assert len(csv_r.content.decode("utf-8-sig").strip().splitlines()) == 2
    xlsx = client.get("/en/partnerships/flows/", {"stage": "pledge", "format": "xlsx"})
    assert load_workbook(io.BytesIO(xlsx.content)).active.max_row == 2
    client.force_login(money["officer"])
    assert "70,000.00 EUR" in html(client.get("/en/partnerships/flows/"))


def agreement_post(m, **over) -> dict:
    data = {"reference": "AFR-2024-02", "kind": "mou", "title": "Digital skills in East Africa", "summary": "",
            "language": "en", "region": "AFR", "frameworks": ["wsis20", "agenda2030"], "public": "1",
            "signed_on": "", "start_date": "2024-03-01", "end_date": "2026-12-31",
            "activities": str(m["activity"].pk), "party_rows": "4",
            "party-0-organisation": str(m["eu"].pk), "party-0-role": "funder",
            "party-1-organisation": str(m["ministry"].pk), "party-1-role": "implementer",
            "party-2-organisation": "", "party-2-role": "party", "party-3-organisation": "", "party-3-role": "party"}
    data.update(over)
    return data


def test_agreement_form_creates_edits_and_shows_field_errors(client, money):
    client.force_login(money["officer"])
    assert client.get("/en/partnerships/agreements/new/").status_code == 200
    r = client.post("/en/partnerships/agreements/new/", agreement_post(money, title="", end_date="2020-01-01"))
    page = html(r)
    assert r.status_code == 200 and "a title is required" in page and "the end comes before the start" in page
    assert 'value="AFR-2024-02"' in page and 'aria-invalid="true" aria-describedby="err-title"' in page
    assert Agreement.objects.count() == 1
    r = client.post("/en/partnerships/agreements/new/", agreement_post(money, activities="12x"))
    assert "12x is not an activity number." in html(r) and Agreement.objects.count() == 1
    r = client.post("/en/partnerships/agreements/new/", agreement_post(money, **{"party-1-organisation": ""}))
    assert "an agreement has at least two" in html(r) and Agreement.objects.count() == 1
    r = client.post("/en/partnerships/agreements/new/", agreement_post(money))
    a = Agreement.objects.get(reference="AFR-2024-02")
    assert r.status_code == 302 and r["Location"].endswith(f"/partnerships/agreements/{a.pk}/")
    assert a.region.code == "AFR" and a.frameworks == ["wsis20", "agenda2030"] and a.status == "draft"
    assert {p.role for p in a.party_links.all()} == {"funder", "implementer"}
    assert list(a.activities.values_list("pk", flat=True)) == [money["activity"].pk]
    edit = html(client.get(f"/en/partnerships/agreements/{a.pk}/edit/"))
    assert 'value="Digital skills in East Africa"' in edit and "checked> 2030 Agenda" in edit
    r = client.post(f"/en/partnerships/agreements/{a.pk}/edit/", agreement_post(money, title="Digital skills, East"))
    a.refresh_from_db()
    assert r.status_code == 302 and a.title == "Digital skills, East"


def test_agreement_list_filters_and_downloads(client, money):
    client.force_login(money["officer"])
    client.post("/en/partnerships/agreements/new/", agreement_post(money))
    page = html(client.get("/en/partnerships/agreements/", {"status": "signed"}))
    assert "AFR-2024-01</a>" in page and "AFR-2024-02</a>" not in page
    js = client.get("/en/partnerships/agreements/", {"framework": "wsis20", "format": "json"}).json()
    assert [r["reference"] for r in js["results"]] == ["AFR-2024-02"]
    csv_r = client.get("/en/partnerships/agreements/", {"q": "broadband", "format": "csv"})
    assert len(csv_r.content.decode("utf-8-sig").strip().splitlines()) == 2
    xlsx = client.get("/en/partnerships/agreements/", {"region": "AFR", "format": "xlsx"})
    assert load_workbook(io.BytesIO(xlsx.content)).active.max_row == 3
    client.logout()
    # A draft is not shown to the public.
    assert "AFR-2024-02" not in html(client.get("/en/partnerships/agreements/"))
    draft = Agreement.objects.get(reference="AFR-2024-02")
    assert client.get(f"/en/partnerships/agreements/{draft.pk}/").status_code == 404


def test_agreement_page_steps_transitions_and_past_end_warning(client, money):
    a = money["agreement"]
    client.force_login(money["officer"])
    page = html(client.get(f"/en/partnerships/agreements/{a.pk}/"))
    assert "Record entry into force" in page and "Record termination" in page and "Record signature" not in page
    assert "European Union (test)" in page and "Geneva Plan of Action" in page and "2024-02-15" in page
    r = client.post(f"/en/partnerships/agreements/{a.pk}/transition/", {"action": "enter_into_force", "on": "2099-01-01"},
                    follow=True)
    assert "cannot be in the future" in html(r)
    a.refresh_from_db()
    assert a.status == "signed"
    client.post(f"/en/partnerships/agreements/{a.pk}/transition/", {"action": "enter_into_force", "on": "2024-03-01"})
    a.refresh_from_db()
    assert a.status == "in_force" and a.start_date.isoformat() == "2024-03-01"
    Agreement.objects.filter(pk=a.pk).update(end_date="2024-12-31")
    page = html(client.get(f"/en/partnerships/agreements/{a.pk}/"))
    assert "This agreement ended on 2024-12-31 but is still recorded as in force" in page
    client.force_login(money["stranger"])
    client.post(f"/en/partnerships/agreements/{a.pk}/transition/", {"action": "expire", "on": "2024-12-31"})
    a.refresh_from_db()
    assert a.status == "in_force"
    page = html(client.get(f"/en/partnerships/agreements/{a.pk}/"))
    assert "Record expiry" not in page and "Record a funding flow" not in page


def test_flow_recorded_from_the_agreement_page_goes_back_to_it(client, money):
    a, act = money["agreement"], money["activity"]
    client.force_login(money["officer"])
    page = html(client.get(f"/en/partnerships/agreements/{a.pk}/"))
    assert "Record a funding flow" in page and 'value="AFR-2024-01"' in page
    post = {"next": f"/en/partnerships/agreements/{a.pk}/", "activity": str(act.pk), "funder": str(money["eu"].pk),
            "receiver": "", "stage": "commitment", "amount": "-5", "currency": "eur", "value_date": "2024-08-01",
            "mechanism": "trust_fund", "public": "1", "agreement": "AFR-2024-01", "description": "Second tranche"}
    r = client.post("/en/partnerships/flows/new/", post)
    assert r.status_code == 200 and "the amount must be positive" in html(r)
    assert 'value="Second tranche"' in html(r) and f'name="next" value="/en/partnerships/agreements/{a.pk}/"' in html(r)
    assert Flow.objects.count() == 3
    r = client.post("/en/partnerships/flows/new/", {**post, "amount": "200,000"})
    assert r.status_code == 302 and r["Location"] == f"/en/partnerships/agreements/{a.pk}/"
    new = Flow.objects.latest("id")
    assert new.amount == 200000 and new.currency == "EUR" and new.agreement_id == a.pk
    page = html(client.get(r["Location"]))
    assert "200,000.00 EUR" in page and "250,000.00" in page  # at 0.80 EUR per USD from 2024-07-01


def test_flow_form_prefill_delete_and_permissions(client, money):
    act = money["activity"]
    client.force_login(money["stranger"])
    r = client.post("/en/partnerships/flows/new/", {"activity": str(act.pk), "funder": str(money["eu"].pk),
                                                    "stage": "pledge", "amount": "10", "currency": "USD",
                                                    "value_date": "2024-03-01", "mechanism": "grant"})
    assert "you may not record funding for activity" in html(r) and Flow.objects.count() == 3
    victim = Flow.objects.filter(stage="pledge").get()
    r = client.post(f"/en/partnerships/flows/{victim.pk}/delete/", follow=True)
    assert "You may not change the funding of this activity." in html(r) and Flow.objects.filter(pk=victim.pk).exists()
    client.force_login(money["officer"])
    prefill = html(client.get("/en/partnerships/flows/new/", {"activity": act.pk, "agreement": money["agreement"].pk}))
    assert f'name="activity" value="{act.pk}"' in prefill and 'value="AFR-2024-01"' in prefill
    r = client.post(f"/en/partnerships/flows/{victim.pk}/delete/")
    assert r["Location"].endswith(f"/partnerships/activities/{act.pk}/funding/")
    assert not Flow.objects.filter(pk=victim.pk).exists()


def test_activity_funding_page_gap_and_reasons(client, money):
    act = money["activity"]
    page = html(client.get(f"/en/partnerships/activities/{act.pk}/funding/"))
    assert "900,000 EUR = 1,000,000 USD" in page
    assert "Cannot be computed for you: 1 flow has a confidential amount." in page and "Delete" not in page
    client.force_login(money["officer"])
    page = html(client.get(f"/en/partnerships/activities/{act.pk}/funding/"))
    # 1,000,000 USD budget − (111,111.11 + 77,777.78) USD committed.
    assert 'id="funding-gap">811,111 USD' in page and "Delete the flow of 2024-03-01" in page
    assert f"/partnerships/flows/new/?activity={act.pk}" in page


def test_documents_upload_and_permission_checked_download(client, money, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    a = money["agreement"]
    client.force_login(money["officer"])
    upload = io.BytesIO(b"%PDF-1.4 signed copy")
    upload.name = "signed copy.pdf"
    r = client.post(f"/en/partnerships/agreements/{a.pk}/documents/", {"title": "Signed copy", "file": upload},
                    follow=True)
    assert "Document Signed copy attached." in html(r)
    doc = Document.objects.get()
    got = client.get(f"/en/partnerships/documents/{doc.pk}/")
    assert got.status_code == 200 and got["Content-Type"] == "application/pdf"
    assert b"".join(got.streaming_content) == b"%PDF-1.4 signed copy" and "attachment" in got["Content-Disposition"]
    empty = io.BytesIO(b"")
    empty.name = "empty.txt"
    r = client.post(f"/en/partnerships/agreements/{a.pk}/documents/", {"file": empty}, follow=True)
    assert Document.objects.count() == 1
    client.force_login(money["stranger"])
    other = io.BytesIO(b"x")
    other.name = "x.txt"
    r = client.post(f"/en/partnerships/agreements/{a.pk}/documents/", {"file": other}, follow=True)
    assert "You may not attach documents here." in html(r) and Document.objects.count() == 1
    client.logout()
    assert client.get(f"/en/partnerships/documents/{doc.pk}/").status_code == 200  # a public, signed agreement
    Agreement.objects.filter(pk=a.pk).update(public=False)
    assert client.get(f"/en/partnerships/documents/{doc.pk}/").status_code == 404
    client.force_login(money["funder_user"])  # a party sees its own agreement
    assert client.get(f"/en/partnerships/documents/{doc.pk}/").status_code == 200


def rate_file(text: str, name: str = "rates.csv"):
    f = io.BytesIO(text.encode())
    f.name = name
    return f


def test_rates_page_history_chart_and_upload(client, money):
    page = html(client.get("/en/partnerships/rates/"))
    assert "EUR" in page and "0.8" in page and "Import rates" not in page
    hist = html(client.get("/en/partnerships/rates/", {"currency": "eur"}))
    assert 'class="chart line"' in hist and "<caption>Units of EUR per US dollar</caption>" in hist
    assert "2024-01-01" in hist and "2024-07-01" in hist
    js = client.get("/en/partnerships/rates/", {"currency": "EUR", "format": "json"}).json()
    assert [r["per_usd"] for r in js["results"]] == ["0.90000000", "0.80000000"]
    assert client.get("/en/partnerships/rates/", {"format": "csv"})["Content-Type"].startswith("text/csv")
    r = client.post("/en/partnerships/rates/", {"file": rate_file("currency,date,per_usd\nGBP,2024-01-01,0.79\n")})
    assert r["Location"].startswith("/en/accounts/login/") and not ExchangeRate.objects.filter(currency="GBP").exists()
    client.force_login(money["stranger"])
    r = client.post("/en/partnerships/rates/", {"file": rate_file("currency,date,per_usd\nGBP,2024-01-01,0.79\n")},
                    follow=True)
    assert "Only BDT staff import exchange rates." in html(r) and not ExchangeRate.objects.filter(currency="GBP").exists()
    client.force_login(money["officer"])
    assert "Import rates" in html(client.get("/en/partnerships/rates/"))
    bad = "currency,date,per_usd,source\nGBP,2024-01-01,0.79,IMF\nGBX,2024-02-01,0.78,IMF\nGBP,2024-03-01,-1,IMF\n"
    r = client.post("/en/partnerships/rates/", {"file": rate_file(bad)}, follow=True)
    page = html(r)
    assert "rates.csv:3, currency: unknown currency code" in page and "rates.csv:4, per_usd:" in page
    assert not ExchangeRate.objects.filter(currency="GBP").exists()
    good = "currency,date,per_usd,source\nGBP,2024-01-01,0.79,IMF\nEUR,2024-01-01,0.91,IMF\n"
    r = client.post("/en/partnerships/rates/", {"file": rate_file(good)}, follow=True)
    assert "2 rates read: 1 added, 1 changed, 0 unchanged." in html(r)
    assert ExchangeRate.objects.get(currency="EUR", date="2024-01-01").per_usd == Decimal("0.91")


def test_organisation_list_detail_edit_and_merge(client, money):
    page = html(client.get("/en/partnerships/organisations/", {"kind": "financial_institution"}))
    assert "Development Bank (test)" in page and "European Union (test)" not in page
    js = client.get("/en/partnerships/organisations/", {"q": "union", "format": "json"}).json()
    assert [r["name"] for r in js["results"]] == ["European Union (test)"]
    assert client.get("/en/partnerships/organisations/", {"q": "union", "format": "csv"}).status_code == 200
    assert client.get("/en/partnerships/organisations/", {"format": "xlsx"}).status_code == 200
    eu = money["eu"]
    page = html(client.get(f"/en/partnerships/organisations/{eu.pk}/"))
    assert "AFR-2024-01" in page and "Contacts are shown to signed-in users." in page
    assert "100,000.00 EUR" in page and "Change this organisation" not in page

    client.force_login(money["stranger"])
    r = client.post(f"/en/partnerships/organisations/{eu.pk}/edit/", {"name": "Hijacked", "kind": "civil_society",
                                                                       "contact_rows": "0"})
    assert "Only BDT administrators may change organisations." in html(r)
    eu.refresh_from_db()
    assert eu.name == "European Union (test)"

    client.force_login(money["admin"])
    base = {"name": "European Union (test)", "acronym": "EU", "kind": "international_org",
            "membership": "sector_member", "website": "", "identifier": "XI-IATI-EC_INTPA", "contact_rows": "3",
            "contact-0-name": "A. Desk", "contact-0-position": "Officer", "contact-0-email": "not-an-address",
            "contact-0-phone": ""}
    r = client.post(f"/en/partnerships/organisations/{eu.pk}/edit/", base)
    assert r.status_code == 200 and "is not an e-mail address" in html(r) and 'value="not-an-address"' in html(r)
    eu.refresh_from_db()
    assert eu.acronym == "" and not eu.contacts.exists()
    r = client.post(f"/en/partnerships/organisations/{eu.pk}/edit/", {**base, "contact-0-email": "desk@example.org"})
    eu.refresh_from_db()
    assert r.status_code == 302 and eu.acronym == "EU" and eu.membership == "sector_member"
    assert list(eu.contacts.values_list("email", flat=True)) == ["desk@example.org"]
    assert "desk@example.org" in html(client.get(f"/en/partnerships/organisations/{eu.pk}/"))

    bank = money["bank"]
    r = client.post(f"/en/partnerships/organisations/{bank.pk}/merge/", {"keep": str(eu.pk)}, follow=True)
    assert "Tick the box to confirm" in html(r) and type(bank).objects.filter(pk=bank.pk).exists()
    r = client.post(f"/en/partnerships/organisations/{bank.pk}/merge/", {"keep": str(eu.pk), "confirm": "1"},
                    follow=True)
    assert r.redirect_chain[-1][0].endswith(f"/partnerships/organisations/{eu.pk}/")
    assert "Development Bank (test) merged into this organisation: 1 link moved." in html(r)
    assert not type(bank).objects.filter(pk=bank.pk).exists()
    assert Flow.objects.filter(funder=eu).count() == 2


def test_navigation_and_json_downloads_are_valid(client, money):
    page = html(client.get("/en/partnerships/"))
    for name in ("Dashboard", "Agreements", "Funding flows", "Exchange rates", "Organisations"):
        assert f">{name}</a>" in page
    assert 'aria-current="page">Dashboard' in page
    body = client.get("/en/partnerships/agreements/", {"format": "json"}).content.decode()
    assert json.loads(body)["count"] == 1


def test_bar_chart_without_names_numbers_its_rows_and_mirrors_for_arabic():
    import re

    from django.utils import translation

    from wsis.core import charts

    chart = charts.BarChart([charts.BarSeries("Pledged", [361111.11, 0]), charts.BarSeries("Committed", [5, 90])],
                            key="t")
    with translation.override("en"):
        svg = charts.bar_svg(chart, aria_label="Money by region")
    assert re.findall(r">([^<>]+)</text>", svg) == ["0", "100K", "200K", "300K", "400K", "1", "2"]
    assert ">Pledged<" not in svg and 'id="t-p1"' in svg and 'fill="url(#t-p1)"' in svg
    assert [item["label"] for item in chart.legend] == ["Pledged", "Committed"]
    assert 'id="t-l1"' in chart.legend[1]["swatch"] and "aria-hidden" in chart.legend[1]["swatch"]
    ltr = re.search(r'<rect class="mark"[^>]* x="([\d.]+)"', svg).group(1)
    rtl = charts.bar_svg(charts.BarChart([charts.BarSeries("Pledged", [10.0])], rtl=True), aria_label="x")
    x, width = map(float, re.search(r'<rect class="mark"[^>]* x="([\d.]+)" y="[\d.]+" width="([\d.]+)"',
                                    rtl).groups())
    assert float(ltr) == 28.0 and x + width == 480 - 28  # bars start at the right edge, after the row numbers
    assert charts.bar_svg(charts.BarChart([charts.BarSeries("Pledged", [])]), aria_label="x") == ""
