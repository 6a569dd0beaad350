"""Requests the API and the pages must answer with the envelope, quickly, whatever the parameters."""

import time

import pytest
from django.test import Client

from wsis.testing.factories import internet_use_release

pytestmark = pytest.mark.django_db
TWENTY_DIGITS = "12345678901234567890"


@pytest.fixture
def data(statistician):
    return internet_use_release(statistician)


def _error(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.content[:300]
    assert resp["Content-Type"].startswith("application/json")
    body = resp.json()
    assert body["ok"] is False and body["status"] == status and body["errors"]
    assert all({"code", "message"} <= set(e) for e in body["errors"])
    if code:
        assert body["errors"][0]["code"] == code, body
    return body


@pytest.mark.parametrize("year", ["9999", "3027463", "10000", "-1", "99999", "1000"])
def test_an_unbounded_year_is_refused_quickly(client, data, year):
    started = time.monotonic()
    for url in (f"/api/v1/statistics/economies/KEN?year={year}", f"/api/v1/statistics/indicators/INTERNET_USERS/divide?year={year}",
                f"/api/v1/statistics/index/IDI?year={year}",
                f"/api/v1/statistics/indicators/INTERNET_USERS/aggregates?start=2018&end={year}"):
        _error(client.get(url), 422, "invalid")
    assert time.monotonic() - started < 5


def test_the_profile_page_ignores_an_unbounded_year(client, data):
    started = time.monotonic()
    for year in ("9999", "3027463", TWENTY_DIGITS):
        assert client.get(f"/en/economies/KEN/?year={year}").status_code == 200
    assert time.monotonic() - started < 10


def test_the_selectors_refuse_an_unbounded_year(data):
    from wsis.core.errors import ValidationFailed
    from wsis.statistics import selectors

    ind = selectors.indicator_get("INTERNET_USERS")
    for call in (lambda: selectors.aggregates(ind, years=(2018, 9999)), lambda: selectors.divide(ind, year=9999),
                 lambda: selectors.profile("KEN", language="en", year=3027463)):
        with pytest.raises(ValidationFailed):
            call()


@pytest.mark.parametrize("url", [f"/api/v1/activities/{TWENTY_DIGITS}", f"/api/v1/plans/outputs/{TWENTY_DIGITS}",
                                 f"/api/v1/statistics/releases/{TWENTY_DIGITS}/compare/1",
                                 f"/api/v1/statistics/indicators/INTERNET_USERS/observations?release={TWENTY_DIGITS}",
                                 f"/api/v1/partnerships/flows?activity={TWENTY_DIGITS}",
                                 f"/api/v1/reference/sdg/targets?goal={TWENTY_DIGITS}"])
def test_an_id_beyond_64_bits_is_refused(client, reference, url):
    _error(client.get(url), 422, "invalid")


def test_a_forged_page_link_is_refused(client, reference):
    import base64
    import json

    for forged in ([None, int(TWENTY_DIGITS)], [{"a": 1}, 1], ["x"]):
        cursor = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode().rstrip("=")
        _error(client.get(f"/api/v1/activities?cursor={cursor}"), 400, "invalid")


@pytest.mark.parametrize("url", ["/api/v1/activities?q=a%00b", "/api/v1/reference/economies/K%00E",
                                 "/api/v1/reference/economies?q=%00", "/api/v1/statistics/indicators/X%00/aggregates"])
def test_a_nul_character_in_the_path_or_query_is_refused(client, reference, url):
    _error(client.get(url), 400, "invalid")


def test_an_overlong_query_string_is_refused(client, reference):
    _error(client.get("/api/v1/activities?q=" + "x" * 5000), 400, "query_too_long")


@pytest.fixture
def officer(reference, admin_user):
    from wsis.accounts.models import Role, User
    from wsis.accounts.services import organisation_create, role_grant, user_create

    org = organisation_create(actor=admin_user, name="BDT (bounds)", kind="bdt_unit")
    u = user_create(actor=admin_user, username="bdt-bounds", organisation=org)
    role_grant(actor=admin_user, user=u, role=Role.BDT_ADMIN)
    return User.objects.get(pk=u.pk)


def test_anonymous_write_answers_401_and_missing_csrf_403(reference, officer):
    strict = Client(enforce_csrf_checks=True)
    _error(strict.post("/api/v1/plans", {}, content_type="application/json"), 401, "unauthenticated")
    strict.force_login(officer)
    _error(strict.post("/api/v1/plans", {}, content_type="application/json"), 403, "csrf_failed")


def test_multipart_without_boundary_is_a_bad_request(client, officer):
    client.force_login(officer)
    for url in ("/api/v1/statistics/releases", "/api/v1/activities/import", "/api/v1/partnerships/rates/import"):
        _error(client.generic("POST", url, b"--x\r\n", content_type="multipart/form-data"), 400, "malformed_body")


def test_a_body_of_an_unread_type_is_refused(client, officer):
    client.force_login(officer)
    _error(client.generic("POST", "/api/v1/plans", b"<plan/>", content_type="application/xml"), 415,
           "unsupported_media_type")


def test_a_wrong_method_answers_the_envelope(client, reference):
    resp = client.delete("/api/v1/reference/economies")
    _error(resp, 405, "method_not_allowed")
    assert "GET" in resp["Allow"]


def test_plans_with_nulls_is_refused_not_a_server_error(client, officer):
    client.force_login(officer)
    resp = client.post("/api/v1/plans", {"code": None, "title": None, "start": None, "end": None},
                       content_type="application/json")
    assert 400 <= resp.status_code < 500, resp.content[:300]
    _error(resp, resp.status_code)
    for body in ({"code": "OP-X", "objectives": [None]}, {"code": 5, "titles": None},
                 {"code": "OP-X", "outputs": [{"code": None, "action_lines": [None]}]},
                 {"code": "OP-X", "objectives": "abc"}, {"code": "OP-X", "kpis": [{"titles": ["x"]}]},
                 {"code": "OP-X", "outputs": [{"code": "O1", "activities": ["#" + TWENTY_DIGITS, TWENTY_DIGITS]}]}):
        resp = client.post("/api/v1/plans", body, content_type="application/json")
        assert resp.status_code in (400, 422), body
        _error(resp, resp.status_code)


def test_assistance_requests_download_as_xlsx_and_csv(client, officer):
    import io

    from openpyxl import load_workbook

    from wsis.partnerships.cooperation import services as cooperation_services

    cooperation_services.request_create(actor=officer, data={"economy": "KEN", "title": "Child online protection",
                                                 "description": "Help draft a strategy.", "action_lines": ["C5"]})
    client.force_login(officer)
    resp = client.get("/api/v1/partnerships/requests?format=xlsx")
    assert resp.status_code == 200, resp.content[:300]
    assert resp["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = list(load_workbook(io.BytesIO(resp.content)).active.values)
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert "days_received" in header and row["days_received"] is not None
    resp = client.get("/api/v1/partnerships/requests?format=csv")
    assert resp.status_code == 200 and "days_received" in resp.content.decode()


def test_the_document_declares_bounds_errors_and_files(client):
    doc = client.get("/api/v1/openapi.json").json()
    profile = doc["paths"]["/api/v1/statistics/economies/{iso3}"]["get"]
    year = next(p for p in profile["parameters"] if p["name"] == "year")
    flat = str(year["schema"])
    assert "'maximum'" in flat and "'minimum': 1960" in flat
    assert {"400", "404", "422", "500"} <= set(profile["responses"])
    create = doc["paths"]["/api/v1/plans"]["post"]
    assert {"401", "403", "413", "415"} <= set(create["responses"])
    reqs = doc["paths"]["/api/v1/partnerships/requests"]["get"]["responses"]["200"]["content"]
    assert "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" in reqs and "text/csv" in reqs
    assert doc["components"]["schemas"]["ErrorEnvelope"]["required"] == ["ok", "status", "errors"]
