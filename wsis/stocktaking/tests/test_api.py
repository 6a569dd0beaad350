import csv
import io

import pytest

from wsis.stocktaking.models import Activity
from wsis.stocktaking.services import activity_create, activity_transition
from wsis.testing.factories import published_activity, sample

pytestmark = pytest.mark.django_db


def as_json(data):
    import json

    return json.loads(json.dumps(data, default=str))


@pytest.fixture
def published(people):
    return published_activity(people["author"], reviewer=people["afr_reviewer"])


@pytest.fixture
def draft(people):
    return activity_create(actor=people["author"], data=sample(texts={"en": {"title": "Secret draft on satellites"}}))


def test_openapi_lists_the_activity_endpoints(client):
    paths = {p for p in client.get("/api/v1/openapi.json").json()["paths"] if p.startswith("/api/v1/activities")}
    assert paths == {
        "/api/v1/activities", "/api/v1/activities/facets", "/api/v1/activities/export", "/api/v1/activities/template",
        "/api/v1/activities/suggest", "/api/v1/activities/import", "/api/v1/activities/{activity_id}",
        "/api/v1/activities/{activity_id}/transitions", "/api/v1/activities/{activity_id}/revise",
        "/api/v1/activities/{activity_id}/duplicates", "/api/v1/activities/{activity_id}/versions",
    }


def test_anonymous_sees_only_published_everywhere(client, reference, published, draft):
    body = client.get("/api/v1/activities").json()
    assert [r["id"] for r in body["results"]] == [published.pk]
    assert client.get(f"/api/v1/activities/{draft.pk}").status_code == 404
    assert client.get("/api/v1/activities", {"q": "satellites"}).json()["count"] == 0
    assert client.get("/api/v1/activities", {"state": "draft"}).json()["count"] == 0
    facets = client.get("/api/v1/activities/facets").json()
    assert sum(v["count"] for v in facets["kind"]) == 1
    assert {v["code"] for v in facets["state"]} == {"published"}
    for fmt in ("csv", "json", "iati", "xlsx"):
        r = client.get("/api/v1/activities/export", {"format": fmt})
        assert r.status_code == 200
        assert b"Secret draft" not in r.content, fmt
    page = client.get("/en/activities/", {"q": "satellites"}).content.decode()
    assert "Secret draft" not in page
    assert client.get(f"/en/activities/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/activities/{draft.pk}/duplicates").status_code == 404


def test_permissions_matrix_for_reading_a_draft(client, reference, people, draft):
    expected = {"author": 200, "colleague": 200, "stranger": 404, "afr_reviewer": 404, "bdt_reviewer": 404,
                "admin": 200, "no_role": 404}
    for who, status in expected.items():
        client.force_login(people[who])
        assert client.get(f"/api/v1/activities/{draft.pk}").status_code == status, who
    activity_transition(actor=people["author"], activity=draft, action="submit")
    expected.update({"afr_reviewer": 200, "bdt_reviewer": 200, "eur_reviewer": 404})
    for who, status in expected.items():
        client.force_login(people[who])
        assert client.get(f"/api/v1/activities/{draft.pk}").status_code == status, who


def test_create_update_and_workflow_through_the_api(client, reference, people):
    data = as_json(sample())
    assert client.post("/api/v1/activities", data, content_type="application/json").status_code == 401
    client.force_login(people["stranger"])
    r = client.post("/api/v1/activities", data, content_type="application/json")
    assert r.status_code == 403 and r.json()["errors"][0]["code"] == "permission_denied"
    client.force_login(people["author"])
    r = client.post("/api/v1/activities", data, content_type="application/json")
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    assert r.json()["state"] == "draft" and "submit" in r.json()["actions"]
    bad = {**data, "economies": ["KEN", "ZZZ"], "kind": "party"}
    r = client.put(f"/api/v1/activities/{pk}", bad, content_type="application/json")
    assert r.status_code == 400 and {e["field"] for e in r.json()["errors"]} == {"economies", "kind"}
    r = client.post(f"/api/v1/activities/{pk}/transitions", {"action": "publish"}, content_type="application/json")
    assert r.status_code == 409 and "draft" in r.json()["errors"][0]["message"]
    r = client.post(f"/api/v1/activities/{pk}/transitions", {"action": "fly"}, content_type="application/json")
    assert r.status_code == 400
    assert client.post(f"/api/v1/activities/{pk}/transitions", {"action": "submit"},
                       content_type="application/json").json()["state"] == "submitted"
    r = client.put(f"/api/v1/activities/{pk}", data, content_type="application/json")
    assert r.status_code == 409
    client.force_login(people["afr_reviewer"])
    for action in ("start_review", "publish"):
        r = client.post(f"/api/v1/activities/{pk}/transitions", {"action": action}, content_type="application/json")
        assert r.status_code == 200, r.content
    assert r.json()["state"] == "published" and r.json()["version"] == 1
    client.logout()
    assert client.get(f"/api/v1/activities/{pk}/versions").json()[0]["number"] == 1


def test_suggestions_both_ways(client, reference):
    r = client.get("/api/v1/activities/suggest", {"action_line": "C5"}).json()
    assert r["sdg_targets"] and r["action_lines"] == []
    r = client.get("/api/v1/activities/suggest", {"target": "9.c"}).json()
    assert "C2" in r["action_lines"]


def test_export_uses_the_filters(client, reference, published, people):
    published_activity(people["author"], reviewer=people["bdt_reviewer"], texts={"en": {"title": "Training in Europe"}},
                       economies=["FRA"], kind="training", partners=[])
    r = client.get("/api/v1/activities/export", {"format": "csv", "region": "EUR"})
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert [row["title_en"] for row in rows] == ["Training in Europe"]
    assert client.get("/api/v1/activities", {"region": "EUR"}).json()["count"] == 1
    page = client.get("/en/activities/", {"region": "EUR", "format": "csv"})
    assert page["Content-Type"].startswith("text/csv") and b"Training in Europe" in page.content
    assert Activity.objects.count() == 2
