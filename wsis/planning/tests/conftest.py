import datetime as dt

import pytest

from conftest import sample

D = dt.date


def plan_dict(**over) -> dict:
    """A small plan: two outputs of two offices, manual and activity KPIs, milestones, four periods."""
    data = {
        "code": "op-test", "start": D(2025, 1, 1), "end": D(2027, 12, 31),
        "titles": {"en": "Operational plan (test)", "fr": "Plan opérationnel (test)", "zh-hans": "运营计划（测试）"},
        "objectives": [{"code": "O1", "titles": {"en": "Connectivity", "ar": "التوصيل"}}],
        "outputs": [
            {"code": "O1.1", "objective": "O1", "office": "RO Africa (test)", "titles": {"en": "Rural sites"},
             "action_lines": ["C2"], "sdg_targets": ["9.c"], "strategic_targets": [], "activities": ["A-1"]},
            {"code": "O1.2", "objective": "O1", "office": "BDT (test)", "titles": {"en": "Toolkit"},
             "action_lines": ["C6"], "sdg_targets": [], "strategic_targets": [], "activities": []},
        ],
        "kpis": [
            {"output": "O1.1", "code": "K1", "titles": {"en": "Sites connected"}, "unit": "sites",
             "direction": "increase", "baseline": 0, "baseline_year": 2024, "target": 300, "deadline": D(2027, 12, 31)},
            {"output": "O1.1", "code": "K2", "titles": {"en": "Projects linked"}, "unit": "projects",
             "direction": "increase", "baseline": 0, "baseline_year": 2024, "target": 2, "deadline": D(2027, 12, 31),
             "source": "activities", "measure": "count"},
            {"output": "O1.2", "code": "K1", "titles": {"en": "Price of broadband"}, "unit": "%",
             "direction": "decrease", "baseline": 6, "baseline_year": 2024, "target": 2, "deadline": D(2027, 12, 31)},
        ],
        "milestones": [
            {"output": "O1.1", "titles": {"en": "Survey done"}, "due": D(2025, 6, 30), "completed": D(2025, 6, 1)},
            {"output": "O1.2", "titles": {"en": "Toolkit v1"}, "due": D(2026, 3, 31)},
        ],
        "periods": [
            {"code": "2025-H1", "start": D(2025, 1, 1), "end": D(2025, 6, 30), "due": D(2025, 7, 31)},
            {"code": "2025-H2", "start": D(2025, 7, 1), "end": D(2025, 12, 31), "due": D(2026, 1, 31)},
            {"code": "2026-H1", "start": D(2026, 1, 1), "end": D(2026, 6, 30), "due": D(2026, 7, 31)},
            {"code": "2026-H2", "start": D(2026, 7, 1), "end": D(2026, 12, 31), "due": D(2027, 1, 31)},
        ],
    }
    data.update(over)
    return data


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
