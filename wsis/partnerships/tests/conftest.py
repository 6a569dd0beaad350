import datetime as dt

import pytest


@pytest.fixture
def funding(people):
    """Rates, a published activity led by the Kenyan ministry, and the people of the registry fixtures."""
    from conftest import sample
    from wsis.accounts.models import Organisation, Role
    from wsis.accounts.services import organisation_create, role_grant
    from wsis.partnerships.models import ExchangeRate
    from wsis.reference.models import Group
    from wsis.stocktaking.services import activity_create, activity_transition

    admin = people["admin"]
    ExchangeRate.objects.bulk_create([
        ExchangeRate(currency="EUR", date=dt.date(2024, 1, 1), per_usd="0.90"),
        ExchangeRate(currency="EUR", date=dt.date(2024, 7, 1), per_usd="0.80"),
        ExchangeRate(currency="CHF", date=dt.date(2024, 1, 1), per_usd="0.85"),
        ExchangeRate(currency="XOF", date=dt.date(2024, 1, 1), per_usd="600"),
    ])
    activity = activity_create(actor=admin, data=sample(budget_amount="900000", budget_currency="EUR",
                                                        start_date="2024-02-01"))
    for action in ("submit", "start_review", "publish"):
        activity = activity_transition(actor=admin, activity=activity, action=action)
    eu = organisation_create(actor=admin, name="European Union (test)", kind="international_org")
    fund = organisation_create(actor=admin, name="Development Bank (test)", kind="financial_institution")
    afr = Group.objects.get(code="AFR")
    ro_org = Organisation.objects.get(name="RO Africa (test)")
    from wsis.accounts.services import user_create

    officer = user_create(actor=admin, username="afr_officer", organisation=ro_org)
    role_grant(actor=admin, user=officer, role=Role.REGIONAL_OFFICER, region=afr)
    funder_user = user_create(actor=admin, username="eu_user", organisation=eu)
    role_grant(actor=admin, user=funder_user, role=Role.CONTRIBUTOR)
    return {**people, "activity": activity, "eu": eu, "bank": fund, "officer": officer, "funder_user": funder_user,
            "ministry": activity.lead_organisation, "afr": afr}


def flow(activity, funder, stage="commitment", amount="100000", currency="EUR", value_date="2024-03-01", **over):
    return {"activity": activity.pk, "funder": {"id": funder.pk}, "stage": stage, "amount": amount,
            "currency": currency, "value_date": value_date, "mechanism": "trust_fund", **over}
