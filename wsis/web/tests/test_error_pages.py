"""Error pages: inside the site's layout, in the page's language, with a way back; the API keeps its JSON."""

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db

LANGS = ["ar", "zh-hans", "en", "fr", "ru", "es"]


def tr(text: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


def layout(html: str, lang: str):
    assert f'<html lang="{lang}"' in html
    assert ('dir="rtl"' in html) == (lang == "ar")
    for part in ('<header class="site-header"', 'class="main-nav"', '<main id="main"', "<footer", "/static/wsis/site.css"):
        assert part in html, part
    assert f'href="/{lang}/"' in html  # the way home


@pytest.mark.parametrize("lang", LANGS)
def test_404_in_the_layout_and_language(client, reference, lang):
    r = client.get(f"/{lang}/no-such-page/")
    assert r.status_code == 404
    html = r.content.decode()
    layout(html, lang)
    assert tr("Page not found", lang) in html
    assert 'name="q"' in html  # a search box


def test_404_of_a_missing_record(client, reference):
    r = client.get("/fr/economies/XYZ/")
    assert r.status_code == 404 and "site-header" in r.content.decode()


def test_way_back_to_the_previous_page_of_this_site_only(client, reference):
    html = client.get("/en/nothing/", HTTP_REFERER="http://testserver/en/sdgs/?x=1").content.decode()
    assert 'href="/en/sdgs/?x=1"' in html and "Back to the previous page" in html
    html = client.get("/en/nothing/", HTTP_REFERER="https://elsewhere.example/en/sdgs/").content.decode()
    assert "elsewhere.example" not in html and "Back to the previous page" not in html


def test_405_of_a_post_only_view_keeps_allow(client, reference):
    r = client.get("/ru/accounts/logout/")
    assert r.status_code == 405
    assert r["Allow"] == "POST"
    html = r.content.decode()
    layout(html, "ru")
    assert tr("Method not allowed", "ru") in html


def test_403_page(rf, reference):
    from django.core.exceptions import PermissionDenied

    from wsis.web.errors import permission_denied

    request = rf.get("/ar/plan/review/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    with translation.override("ar"):
        r = permission_denied(request, PermissionDenied("x"))
    assert r.status_code == 403
    html = r.content.decode()
    layout(html, "ar")
    assert tr("Access denied", "ar") in html


def test_403_of_a_refused_form_is_the_site_page(reference):
    client = Client(enforce_csrf_checks=True)
    r = client.post("/es/accounts/login/", {"username": "x", "password": "y"})
    assert r.status_code == 403
    html = r.content.decode()
    layout(html, "es")
    assert tr("Access denied", "es") in html


def test_400_page(rf, reference):
    from wsis.web.errors import bad_request

    request = rf.get("/zh-hans/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    with translation.override("zh-hans"):
        r = bad_request(request)
    assert r.status_code == 400
    layout(r.content.decode(), "zh-hans")


def test_500_page_needs_neither_database_nor_context_processors(rf, django_assert_num_queries):
    from wsis.web.errors import server_error

    request = rf.get("/fr/statistics/")
    with translation.override("fr"), django_assert_num_queries(0):
        r = server_error(request)
    assert r.status_code == 500
    html = r.content.decode()
    layout(html, "fr")
    assert tr("Server error", "fr") in html


def test_500_through_the_handler(reference, settings):
    from django.urls import path

    from config import urls

    def boom(request):
        raise RuntimeError("boom")

    class Conf:
        urlpatterns = [path("en/boom/", boom), *urls.urlpatterns]
        handler500 = urls.handler500

    settings.ROOT_URLCONF = Conf
    client = Client(raise_request_exception=False)
    r = client.get("/en/boom/")
    assert r.status_code == 500
    assert "site-header" in r.content.decode() and "Server error" in r.content.decode()


def test_api_paths_keep_answering_json(client, reference):
    for url in ("/api/v1/nothing", "/api/v1/reference/economies/XYZ", "/api/elsewhere"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert r["Content-Type"].startswith("application/json")
        body = r.json()
        assert body["ok"] is False and body["errors"][0]["code"] == "not_found"


def test_api_csrf_refusal_keeps_its_code(reference):
    client = Client(enforce_csrf_checks=True)
    from wsis.accounts.models import User

    User.objects.create_user("csrf-user", "c@example.org", "pw-csrf-123")
    client.login(username="csrf-user", password="pw-csrf-123")
    r = client.post("/api/v1/reports", data="{}", content_type="application/json")
    assert r.status_code == 403
    assert r.json()["errors"][0]["code"] == "csrf_failed"


def test_api_index(client):
    r = client.get("/api/v1/")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/json")
    body = r.json()
    assert body["docs"] == "/api/v1/docs" and body["openapi"] == "/api/v1/openapi.json"
    assert body["version"] == "1" and "ru" in body["languages"]
    paths = {res["path"] for res in body["resources"]}
    assert {"/api/v1/activities", "/api/v1/reference/economies", "/api/v1/statistics/indicators"} <= paths
    # Every path listed answers.
    for p in sorted(paths):
        assert client.get(p).status_code in (200, 401), p


def test_favicon(client, reference):
    r = client.get("/favicon.ico")
    assert r.status_code == 302 and r["Location"].endswith("favicon.svg")
    from django.contrib.staticfiles import finders

    svg = finders.find("wsis/favicon.svg")
    assert svg and open(svg, encoding="utf-8").read().startswith("<svg")
    assert 'rel="icon"' in client.get("/en/").content.decode()
