"""The plan's outputs and overdue lists read a fixed number of queries, however many outputs the plan has."""

import datetime as dt

import pytest

from wsis.planning import lists
from wsis.testing.factories import plan_dict

pytestmark = pytest.mark.django_db

D = dt.date
BOUND = 17  # plan, its tree (objectives, outputs, KPIs, milestones, texts, links), periods, updates, activities


def _plan(staff, n: int):
    from wsis.planning import services

    offices = ["RO Africa (test)", "BDT (test)"]
    outputs = [{"code": f"O1.{i}", "objective": "O1", "office": offices[i % 2], "titles": {"en": f"Output {i}"},
                "action_lines": ["C2"], "sdg_targets": ["9.c"], "strategic_targets": [], "activities": []}
               for i in range(1, n + 1)]
    kpis = [{"output": f"O1.{i}", "code": "K1", "titles": {"en": f"KPI {i}"}, "unit": "sites",
             "direction": "increase", "baseline": 0, "baseline_year": 2024, "target": 100, "deadline": D(2026, 3, 1)}
            for i in range(1, n + 1)]
    milestones = [{"output": f"O1.{i}", "titles": {"en": f"Milestone {i}"}, "due": D(2025, 6, 30)}
                  for i in range(1, n + 1)]
    p = services.plan_import(actor=staff["admin"], data=plan_dict(code=f"op-{n}", outputs=outputs, kpis=kpis,
                                                                  milestones=milestones))
    services.plan_set_state(actor=staff["admin"], plan=p, state="active")
    return p


@pytest.mark.parametrize("n", [2, 20])
@pytest.mark.parametrize("contract", ["OUTPUTS", "OVERDUE"])
def test_plan_lists_read_a_fixed_number_of_queries(staff, django_assert_max_num_queries, n, contract):
    plan = _plan(staff, n)
    contract = getattr(lists, contract)
    params = contract.params(code=plan.code, at="2026-04-15")
    with django_assert_max_num_queries(BOUND):
        rows = contract.rows(None, params, "en")
    if contract is lists.OUTPUTS:
        assert len(rows) == n
    else:  # each output's milestone is late, and its update for three periods is missing
        assert len(rows) == 4 * n
