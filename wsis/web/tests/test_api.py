import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/reference/action-lines",
    "/api/v1/reference/sdg/goals",
    "/api/v1/reference/sdg/targets",
    "/api/v1/reference/sdg/indicators",
    "/api/v1/reference/matrix",
    "/api/v1/reference/strategic-targets",
    "/api/v1/reference/economies",
    "/api/v1/reference/groups",
    "/api/v1/reference/groups/LDC/members",
    "/api/v1/reference/sources",
]


@pytest.mark.parametrize("url", LISTS)
def test_every_list_answers_json_and_csv(client, reference, url):
    r = client.get(url)
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["count"] == len(body["results"]) > 0
    r = client.get(url, {"format": "csv"})
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == body["count"]


def test_counts_through_the_api(client, reference):
    assert client.get("/api/v1/reference/sdg/goals").json()["count"] == 17
    assert client.get("/api/v1/reference/sdg/targets").json()["count"] == 169
    assert client.get("/api/v1/reference/sdg/targets", {"goal": 9}).json()["count"] == 8
    lines = client.get("/api/v1/reference/action-lines").json()["results"]
    assert len(lines) == 19
    c2 = next(line for line in lines if line["code"] == "C2")
    assert c2["itu_role"] == "sole_facilitator" and "9.c" in c2["sdg_targets"]
    sole = client.get("/api/v1/reference/action-lines", {"itu_role": "sole_facilitator"}).json()
    assert sorted(r["code"] for r in sole["results"]) == ["C2", "C4", "C5", "C6"]


def test_texts_in_the_asked_language_with_fallback(client, reference):
    r = client.get("/api/v1/reference/economies", {"q": "CHN", "lang": "zh-hans"}).json()
    assert r["results"][0]["name"] == "中国"
    r = client.get("/api/v1/reference/economies/EGY", {"lang": "ar"}).json()
    assert r["name"] == "مصر" and r["itu_region"] == "ARB"
    r = client.get("/api/v1/reference/strategic-targets", {"lang": "ru"}).json()
    # Strategic target texts exist in English only: the Russian answer falls back to them.
    assert r["results"][0]["text"]


def test_group_membership_at_a_date(client, reference):
    in2020 = {e["iso3"] for e in client.get("/api/v1/reference/groups/LDC/members", {"at": "2020"}).json()["results"]}
    in2025 = {e["iso3"] for e in client.get("/api/v1/reference/groups/LDC/members", {"at": "2025-06-30"}).json()["results"]}
    assert "BTN" in in2020 and "BTN" not in in2025
    afr = client.get("/api/v1/reference/economies", {"region": "AFR", "group": "LDC"}).json()
    assert all(e["itu_region"] == "AFR" and "LDC" in e["groups"] for e in afr["results"])


def test_matrix_suggestions(client, reference):
    r = client.get("/api/v1/reference/matrix/suggest-targets", {"action_line": ["C2"]})
    assert r.status_code == 200 and "9.c" in r.json()


@pytest.mark.parametrize("url,status,code", [
    ("/api/v1/reference/economies/XYZ", 404, "not_found"),
    ("/api/v1/reference/groups/nope/members", 404, "not_found"),
    ("/api/v1/reference/economies?at=2025-13-40", 400, "invalid"),
    ("/api/v1/reference/economies?lang=de", 422, "invalid"),
    ("/api/v1/reference/sdg/targets?goal=nine", 422, "invalid"),
    ("/api/v1/no-such-thing", 404, "not_found"),
    ("/api/v2/reference", 404, "not_found"),
])
def test_errors_share_one_envelope(client, reference, url, status, code):
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and body["status"] == status
    assert body["errors"] and body["errors"][0]["message"]
    assert body["errors"][0]["code"] == code


def test_bad_date_names_the_field(client, reference):
    body = client.get("/api/v1/reference/economies", {"at": "yesterday"}).json()
    assert body["errors"][0]["field"] == "at"


def test_openapi_document_lists_the_reference_endpoints(client):
    doc = client.get("/api/v1/openapi.json").json()
    paths = {p for p in doc["paths"] if p.startswith("/api/v1/reference")}
    expected = {
        "/api/v1/reference/action-lines", "/api/v1/reference/sdg/goals", "/api/v1/reference/sdg/targets",
        "/api/v1/reference/sdg/indicators", "/api/v1/reference/matrix", "/api/v1/reference/matrix/suggest-targets",
        "/api/v1/reference/strategic-targets", "/api/v1/reference/economies", "/api/v1/reference/economies/{iso3}",
        "/api/v1/reference/groups", "/api/v1/reference/groups/{code}/members", "/api/v1/reference/sources",
    }
    assert set(doc["paths"]["/api/v1/reference/groups"]) == {"get", "post"}
    assert set(doc["paths"]["/api/v1/reference/groups/{code}/members"]) == {"get", "put"}
    assert paths == expected, "API contract changed: update this list deliberately"
    assert client.get("/api/v1/docs").status_code == 200


def test_non_ascii_json_parses(client, reference):
    raw = client.get("/api/v1/reference/economies/CHN", {"lang": "zh"}).content
    assert json.loads(raw)["name"] == "中国"


def test_api_docs_load_nothing_from_a_cdn(client):
    import re

    html = client.get("/api/v1/docs").content.decode()
    urls = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert urls and all(u.startswith("/static/") for u in urls), urls


def test_define_a_group_through_the_api(client, admin_user):
    from wsis.accounts.services import organisation_create, user_create

    payload = {"code": "sahel-link", "names": {"en": "Sahel link", "ar": "ربط الساحل"}, "members": ["MLI", "NER", "BFA"]}
    r = client.post("/api/v1/reference/groups", payload, content_type="application/json")
    assert r.status_code == 401 and r.json()["errors"][0]["code"] == "unauthenticated"
    org = organisation_create(actor=admin_user, name="Sahel office", kind="international_org")
    user = user_create(actor=admin_user, username="sahel", organisation=org)
    client.force_login(user)
    r = client.post("/api/v1/reference/groups", payload, content_type="application/json")
    assert r.status_code == 201, r.content
    assert r.json()["members"] == 3 and r.json()["kind"] == "custom"
    names = client.get("/api/v1/reference/groups", {"kind": "custom", "lang": "ar"}).json()["results"]
    assert names[0]["name"] == "ربط الساحل"
    r = client.post("/api/v1/reference/groups", {**payload, "members": ["MLI", "XXX"]}, content_type="application/json")
    assert r.status_code == 400
    assert {e["field"] for e in r.json()["errors"]} == {"code", "members"}
    r = client.put("/api/v1/reference/groups/sahel-link/members", {"members": ["MLI", "NER"], "on": "2025-01-01"},
                   content_type="application/json")
    assert r.status_code == 200
    at2024 = client.get("/api/v1/reference/groups/sahel-link/members", {"at": "2024-06-01"}).json()["count"]
    at2026 = client.get("/api/v1/reference/groups/sahel-link/members", {"at": "2026-06-01"}).json()["count"]
    assert (at2024, at2026) == (3, 2)
    r = client.put("/api/v1/reference/groups/LDC/members", {"members": [], "on": "2025-01-01"}, content_type="application/json")
    assert r.status_code == 403 and r.json()["errors"][0]["code"] == "permission_denied"
