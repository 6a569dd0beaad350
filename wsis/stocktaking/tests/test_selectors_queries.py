"""The registry's list reads cost a fixed number of queries: the same bound with 2 activities and with 24.

And the bulk interchange rows of the export are exactly what `services.to_data` gives one activity at a time.
"""

import json

import pytest

from wsis.stocktaking import selectors
from wsis.stocktaking.services import activities_import, to_data
from wsis.testing.factories import sample

pytestmark = pytest.mark.django_db

# Measured on SQLite, the same with 2 and 24 activities: page 8-10, export rows 10-12, facets 23-25 by viewer (a
# regional reviewer costs one query more to find out what it may see).
PAGE_QUERIES = 10
EXPORT_QUERIES = 12
FACET_QUERIES = 25


def _activities(people, n: int) -> None:
    items = []
    for i in range(n):
        over = {"external_id": f"QC-{i}", "economies": ["KEN", "EGY"][: 1 + i % 2],
                "scope": "regional" if i % 2 else "national", "groups": ["LDC"] if i % 3 else [],
                "strategic_targets": [], "beneficiary_groups": ["youth", "women_girls"][: 1 + i % 2],
                "partners": [{"name": f"Partner {i}", "role": "implementing"},
                             {"name": "Funder (test)", "role": "funding"}]}
        if i % 4 == 0:
            over["texts"] = {"en": {"title": f"Activity {i}", "summary": "", "description": ""},
                             "fr": {"title": f"Activité {i}", "summary": "", "description": ""}}
        items.append((f"q.csv:{i + 2}", sample(**over)))
    # Half published (the public sees them), half left as drafts (the author and the administrator see them).
    activities_import(actor=people["admin"], items=items[: n // 2], publish=True)
    activities_import(actor=people["admin"], items=items[n // 2:])


VIEWERS = [None, "author", "admin", "afr_reviewer"]


@pytest.fixture(params=[2, 24], ids=["2-activities", "24-activities"])
def registry(request, reference, people):
    _activities(people, request.param)
    return request.param


def _viewer(people, who):
    return people[who] if who else None


@pytest.mark.parametrize("who", VIEWERS)
def test_search_page_queries_do_not_grow(registry, people, who, django_assert_max_num_queries):
    viewer = _viewer(people, who)
    with django_assert_max_num_queries(PAGE_QUERIES):
        result = selectors.page(viewer, selectors.Filters(), language="fr", limit=selectors.MAX_LIMIT)
    assert result["count"] == len(result["results"]) >= 1
    with django_assert_max_num_queries(PAGE_QUERIES):
        selectors.page(viewer, selectors.Filters(values={"economy": ["KEN"]}, sort="title"), language="en", limit=5)


@pytest.mark.parametrize("who", VIEWERS)
def test_export_rows_queries_do_not_grow(registry, people, who, django_assert_max_num_queries):
    viewer = _viewer(people, who)
    with django_assert_max_num_queries(EXPORT_QUERIES):
        rows = selectors.export_rows(viewer, selectors.Filters())
    assert rows
    if who == "admin":
        assert len(rows) == registry


@pytest.mark.parametrize("who", VIEWERS)
def test_facet_counts_queries_do_not_grow(registry, people, who, django_assert_max_num_queries):
    viewer = _viewer(people, who)
    with django_assert_max_num_queries(FACET_QUERIES):
        facets = selectors.facet_counts(viewer, selectors.Filters(values={"region": ["AFR"]}), "fr")
    assert set(facets) == set(selectors.FACETS)


def test_export_rows_are_to_data_of_each_activity(reference, people):
    from wsis.stocktaking.models import Activity

    _activities(people, 6)
    rows = selectors.export_rows(people["admin"], selectors.Filters(sort="title"))
    by_id = {r["identifier"]: r for r in rows}
    for a in Activity.objects.all():
        row = dict(by_id[a.external_id])
        assert row.pop("last_updated") == a.updated_at.isoformat()
        assert row.pop("identifier") == a.external_id
        assert json.dumps(row, sort_keys=True) == json.dumps(to_data(a), sort_keys=True)


def test_page_json_download_equals_api_export(reference, people, client):
    _activities(people, 4)
    client.force_login(people["admin"])
    query = {"economy": "KEN", "format": "json"}
    page = client.get("/en/activities/", query)
    api = client.get("/api/v1/activities/export", query)
    assert page.status_code == api.status_code == 200
    assert json.loads(page.content) == json.loads(api.content)
    assert json.loads(page.content)["count"] >= 1
