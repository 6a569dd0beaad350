import pytest

from wsis.testing.factories import plan_dict, sample


@pytest.fixture
def staff(people):
    """Office staff: a unit head in the Africa regional office, a BDT unit member, a regional officer of Europe."""
    from wsis.accounts.models import Organisation, Role, User
    from wsis.accounts.services import role_grant, user_create
    from wsis.reference.models import Group

    admin = people["admin"]
    ro = Organisation.objects.get(name="RO Africa (test)")
    bdt = Organisation.objects.get(name="BDT (test)")
    head = user_create(actor=admin, username="afr.head", organisation=ro, email="afr.head@example.org")
    unit = user_create(actor=admin, username="bdt.unit", organisation=bdt, email="bdt.unit@example.org")
    officer = user_create(actor=admin, username="afr.officer2", organisation=None, email="afr.o@example.org")
    role_grant(actor=admin, user=officer, role=Role.REGIONAL_OFFICER, region=Group.objects.get(code="AFR"))
    eur = user_create(actor=admin, username="eur.officer2", organisation=None, email="eur.o@example.org")
    role_grant(actor=admin, user=eur, role=Role.REGIONAL_OFFICER, region=Group.objects.get(code="EUR"))
    return {**people, "head": User.objects.get(pk=head.pk), "unit": User.objects.get(pk=unit.pk),
            "afr_officer": User.objects.get(pk=officer.pk), "eur_officer": User.objects.get(pk=eur.pk)}


@pytest.fixture
def plan(staff):
    from wsis.planning import services
    from wsis.stocktaking.services import activities_import

    activities_import(actor=staff["admin"], publish=True, items=[
        ("t", sample(external_id="A-1", status="completed", start_date="2025-02-01", end_date="2025-09-30")),
        ("t", sample(external_id="A-2", status="ongoing", start_date="2026-02-01", end_date=None,
                     texts={"en": {"title": "Second project"}})),
    ])
    p = services.plan_import(actor=staff["admin"], data=plan_dict())
    services.plan_set_state(actor=staff["admin"], plan=p, state="active")
    return p


@pytest.fixture
def gantt_plan(staff):
    """Two objectives: O1.2 ends before O1.1 (its KPI is due mid-2026), O2.1 has no KPI nor milestone."""
    import datetime as dt

    from wsis.planning import services

    data = plan_dict()
    data["objectives"].append({"code": "O2", "titles": {"en": "Skills", "fr": "Compétences"}})
    data["outputs"].append({"code": "O2.1", "objective": "O2", "office": "BDT (test)", "titles": {"en": "Courses"},
                            "action_lines": [], "sdg_targets": [], "strategic_targets": [], "activities": []})
    for k in data["kpis"]:
        if k["output"] == "O1.2":
            k["deadline"] = dt.date(2026, 6, 30)
    for o in data["outputs"]:
        o["activities"] = []
    plan = services.plan_import(actor=staff["admin"], data=data)
    services.plan_set_state(actor=staff["admin"], plan=plan, state="active")
    return plan
