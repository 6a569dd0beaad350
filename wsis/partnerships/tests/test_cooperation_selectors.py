"""The cooperation lists read in a fixed number of queries: the same bound for 2 rows as for 22."""

import pytest

from wsis.partnerships.cooperation import lists
from wsis.partnerships.cooperation import services as cooperation_services
from wsis.testing.factories import sample

pytestmark = pytest.mark.django_db

SIZES = (2, 22)


def _events(admin, n: int) -> None:
    from wsis.stocktaking.models import Activity
    from wsis.stocktaking.services import activities_import

    items = [(f"event {i}", sample(kind="training" if i % 2 else "event", economies=["KEN"],
                                   start_date=f"2025-0{1 + i % 9}-1{i % 10}",
                                   texts={"en": {"title": f"Training {i}", "summary": "", "description": ""}}))
             for i in range(n)]
    activities_import(actor=admin, items=items, publish=True)
    for i, a in enumerate(Activity.objects.filter(kind__in=("training", "event")).order_by("pk")):
        cooperation_services.event_save(actor=admin, activity=a, data={"mode": "hybrid", "venue": "Nairobi", "online_url": "https://example.org/live",
                                                                        "registration_open": i == 0, "capacity": "40"})
        if i % 2:
            cooperation_services.attendance_set(actor=admin, activity=a, cells=[
                {"sex": "F", "stakeholder": "academia", "economy": "KEN", "count": 3 + i},
                {"sex": "M", "stakeholder": "member_state", "economy": "UGA", "count": 2}])


@pytest.mark.parametrize("n", SIZES)
def test_event_rows_read_in_a_fixed_number_of_queries(funding, django_assert_max_num_queries, n):
    admin = funding["admin"]
    _events(admin, n)
    params = lists.EVENTS.params()
    with django_assert_max_num_queries(5):
        rows = lists.EVENTS.select(admin, params, "en")
    assert len(rows) == n
    with django_assert_max_num_queries(4):
        assert len(lists.EVENTS.select(None, lists.EVENTS.parse({"region": "AFR"}), "en")) == n


@pytest.mark.parametrize("n", SIZES)
def test_request_rows_read_in_a_fixed_number_of_queries(funding, django_assert_max_num_queries, n):
    admin, officer = funding["admin"], funding["officer"]
    for i in range(n):
        r = cooperation_services.request_create(actor=admin, data={
            "economy": "KEN", "title": f"Request {i}", "description": "Help.", "action_lines": ["C2", "C5"],
            "requester": funding["ministry"].pk})
        if i % 2:
            cooperation_services.request_transition(actor=officer, request=r, action="assess")
    params = lists.REQUESTS.params()
    with django_assert_max_num_queries(5):
        rows = lists.REQUESTS.select(admin, params, "en")
    assert len(rows) == n and {r["action_lines"] == ["C2", "C5"] for r in rows} == {True}
    with django_assert_max_num_queries(6):
        assert len(lists.REQUESTS.select(admin, lists.REQUESTS.parse({"state": "open", "region": "AFR"}), "en")) == n


@pytest.mark.parametrize("n", SIZES)
def test_contribution_rows_read_in_a_fixed_number_of_queries(funding, django_assert_max_num_queries, n):
    admin, ministry, eu = funding["admin"], funding["ministry"], funding["eu"]
    for i in range(n):
        cooperation_services.contribution_create(actor=admin, data={
            "symbol": f"SG1RGQ/{i}", "body": "sg1", "meeting": "SG1", "date": "2025-04-10", "title": f"Rural {i}",
            "language": "en", "sources": [ministry.pk, eu.pk], "action_lines": ["C2"], "sdg_targets": ["9.c"]})
    params = lists.CONTRIBUTIONS.params()
    with django_assert_max_num_queries(4):
        rows = lists.CONTRIBUTIONS.select(None, params, "en")
    assert len(rows) == n and all(len(r["sources"]) == 2 for r in rows)
    with django_assert_max_num_queries(4):
        assert len(lists.CONTRIBUTIONS.select(None, lists.CONTRIBUTIONS.parse({"q": "rural", "line": "C2"}),
                                              "en")) == n
