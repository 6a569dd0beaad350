import pytest

from wsis.search import selectors
from wsis.testing.factories import draft_activity, published_activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    selectors._cache.clear()


def test_the_answer_is_typed_grouped_and_in_the_language_asked(client, people):
    published_activity(people["author"], reviewer=people["bdt_reviewer"])
    r = client.get("/api/v1/search", {"q": "Кения", "lang": "ru", "limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"q", "lang", "total", "groups"} and body["lang"] == "ru"
    economies, activities = body["groups"][:2]
    assert economies["kind"] == "economies" and economies["label"] == "Экономики" and economies["count"] == 1
    assert economies["hits"][0] == {"title": "Кения", "url": "/ru/economies/KEN/", "context": "KEN", "code": "KEN",
                                    "lang": "", "summary": ""}
    assert activities["kind"] == "activities" and activities["count"] == 1
    assert set(activities["hits"][0]) == {"title", "url", "context", "code", "lang", "summary"}
    assert body["total"] == sum(g["count"] for g in body["groups"])


def test_suggestions_are_the_same_answer_with_a_small_limit_and_chosen_kinds(client, people):
    for i in range(3):
        published_activity(people["author"], reviewer=people["bdt_reviewer"],
                           texts={"en": {"title": f"Kenya fibre backbone {i}"}})
    body = client.get("/api/v1/search?q=kenya&limit=2&kinds=activities&kinds=economies").json()
    assert [g["kind"] for g in body["groups"]] == ["economies", "activities"]
    acts = body["groups"][1]
    assert acts["count"] == 3 and len(acts["hits"]) == 2 and acts["more_url"].startswith("/en/activities/?")


def test_the_public_never_finds_a_draft(client, people):
    draft_activity(people["author"], texts={"en": {"title": "Unpublished zeppelin broadband"}})
    assert client.get("/api/v1/search?q=zeppelin").json()["groups"] == []
    client.force_login(people["author"])
    assert client.get("/api/v1/search?q=zeppelin").json()["groups"][0]["count"] == 1


@pytest.mark.parametrize("query,field,status", [
    ("q=", "q", 422),
    ("q=" + "x" * 101, "q", 422),
    ("q=%20%20%20", "q", 400),
    ("lang=en", "q", 422),
    ("q=kenya&kinds=planets", "kinds.0", 422),
    ("q=kenya&limit=0", "limit", 422),
    ("q=kenya&limit=51", "limit", 422),
    ("q=kenya&lang=xx", "lang", 422),
])
def test_bad_input_is_refused_with_a_message_naming_the_field(client, reference, query, field, status):
    r = client.get("/api/v1/search?" + query)
    assert r.status_code == status
    error = r.json()["errors"][0]
    assert error["field"] == field and error["message"]


def test_the_search_is_in_the_openapi_document(client):
    doc = client.get("/api/v1/openapi.json").json()
    op = doc["paths"]["/api/v1/search"]["get"]
    assert {p["name"] for p in op["parameters"]} == {"q", "lang", "kinds", "limit"}
    assert "SearchAnswer" in doc["components"]["schemas"]
