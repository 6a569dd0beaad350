"""The funding lists read a fixed number of queries however many rows they hold: flows, the dashboard's breakdown,
agreements, organisations and exchange rates, for the public, a funder and BDT."""

import datetime as dt
from decimal import Decimal

import pytest

from wsis.partnerships.funding import lists

pytestmark = pytest.mark.django_db

# The most queries each list may take, whatever its length.
BOUNDS = {"flows": 8, "breakdown": 11, "agreements": 5, "organisations": 1, "rates": 1}


@pytest.fixture(params=[2, 22], ids=["2-rows", "22-rows"])
def rows(request, funding):
    """`n` of each: funders, each with a public and a confidential flow under its own agreement, and rates."""
    from wsis.accounts.models import Organisation
    from wsis.partnerships.models import Agreement, AgreementParty, ExchangeRate, Flow
    from wsis.stocktaking.models import Activity

    n = request.param
    activity = funding["activity"]
    draft = Activity.objects.create(lead_organisation=funding["eu"], state="draft")
    orgs = Organisation.objects.bulk_create([
        Organisation(name=f"Funder {i} (test)", acronym=f"F{i}", kind="financial_institution", economy_id=None,
                     region=funding["afr"]) for i in range(n)])
    agreements = Agreement.objects.bulk_create([
        Agreement(reference=f"AFR-{i}", kind="mou", title=f"Agreement {i}", status="signed" if i % 2 else "draft",
                  region=funding["afr"], frameworks=["wsis20"], signed_on=dt.date(2024, 1, 1), public=bool(i % 3))
        for i in range(n)])
    AgreementParty.objects.bulk_create([AgreementParty(agreement=a, organisation=o, role="funder")
                                        for a, o in zip(agreements, orgs, strict=True)]
                                       + [AgreementParty(agreement=a, organisation=funding["ministry"])
                                          for a in agreements])
    Flow.objects.bulk_create([
        Flow(activity=activity if i % 2 else draft, funder=o, agreement=a, stage=stage, amount=Decimal(1000 + i),
             currency="EUR" if i % 2 else "XOF", value_date=dt.date(2024, 3, 1), mechanism="grant",
             public=stage == "commitment")
        for i, (o, a) in enumerate(zip(orgs, agreements, strict=True)) for stage in ("commitment", "pledge")])
    ExchangeRate.objects.bulk_create([ExchangeRate(currency="GBP", date=dt.date(2000, 1, 1) + dt.timedelta(days=i),
                                                    per_usd="0.7") for i in range(n)])
    return {**funding, "n": n}


def _viewers(rows):
    return {"public": None, "funder": rows["funder_user"], "bdt": rows["admin"], "officer": rows["officer"]}


@pytest.mark.parametrize("who", ["public", "funder", "bdt", "officer"])
def test_list_queries_do_not_grow_with_the_rows(rows, who, django_assert_max_num_queries):
    viewer = _viewers(rows)[who]
    for name, contract, params in (
            ("flows", lists.FLOWS, lists.FlowParams()),
            ("flows", lists.FLOWS, lists.FlowParams(region="AFR", stage="commitment")),
            ("breakdown", lists.BREAKDOWN, lists.FlowParams()),
            ("agreements", lists.AGREEMENTS, lists.AgreementParams()),
            ("agreements", lists.AGREEMENTS, lists.AgreementParams(q="agreement", framework="wsis20")),
            ("organisations", lists.ORGANISATIONS, lists.OrganisationParams()),
            ("organisations", lists.ORGANISATIONS, lists.OrganisationParams(q="funder")),
            ("rates", lists.RATES, lists.RateParams()),
            ("rates", lists.RATES, lists.RateParams(currency="gbp"))):
        if viewer is not None:
            viewer = type(viewer).objects.get(pk=viewer.pk)  # no role cache carried from one list to the next
        with django_assert_max_num_queries(BOUNDS[name]):
            found = contract.rows(viewer, params, "en")
        assert isinstance(found, list), name
    if who == "bdt":
        # Every row is read: the bound is not met by an empty list.
        n = rows["n"]
        assert len(lists.FLOWS.rows(rows["admin"], lists.FlowParams(), "en")) == 2 * n
        assert len(lists.AGREEMENTS.rows(rows["admin"], lists.AgreementParams(), "en")) == n
        assert len(lists.RATES.rows(None, lists.RateParams(currency="GBP"), "en")) == n
        assert len(lists.ORGANISATIONS.rows(None, lists.OrganisationParams(q="funder"), "en")) == n


@pytest.mark.parametrize("n", [2, 22])
def test_rates_page_reads_the_latest_rates_at_once(client, n, django_assert_max_num_queries):
    """The page's table of each currency's latest rate costs the same however many currencies there are."""
    import string

    from wsis.partnerships.models import ExchangeRate

    codes = [f"Q{a}{b}" for a in string.ascii_uppercase for b in string.ascii_uppercase][:n]
    ExchangeRate.objects.bulk_create([ExchangeRate(currency=c, date=dt.date(2024, m, 1), per_usd="1.5")
                                      for c in codes for m in (1, 2)])
    with django_assert_max_num_queries(4):
        page = client.get("/en/partnerships/rates/")
    assert page.status_code == 200 and page.content.decode().count("History of Q") == n
