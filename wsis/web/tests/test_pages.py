import pytest

pytestmark = pytest.mark.django_db

LANGS = ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.mark.parametrize("lang", LANGS)
def test_home_in_six_languages(client, reference, lang):
    r = client.get(f"/{lang}/")
    assert r.status_code == 200
    html = r.content.decode()
    assert f'lang="{lang}"' in html
    assert ('dir="rtl"' in html) == (lang == "ar")
    for part in ('<main id="main"', "<header", "<nav", "<footer", 'href="/static/wsis/site'):
        assert part in html


def test_home_shows_roles_goals_and_regions(client, reference):
    html = client.get("/en/").content.decode()
    assert "Sole facilitator" in html and "C2" in html
    assert "Industry" in html  # SDG 9's short name
    assert "Arab States" in html and "Least developed countries" in html


def test_translated_headings(client, reference):
    html = client.get("/fr/").content.decode()
    assert "Grandes orientations du SMSI" in html or "SMSI" in html
    assert "Objectifs de développement durable" in html
    zh = client.get("/zh-hans/").content.decode()
    assert "可持续发展目标" in zh


def test_economy_page(client, reference):
    r = client.get("/en/economies/BTN/")
    html = r.content.decode()
    assert r.status_code == 200 and "Bhutan" in html and "2023-12-13" in html and "不丹" in html
    assert client.get("/en/economies/XYZ/").status_code == 404


def test_economy_list_filters_and_downloads(client, reference):
    r = client.get("/en/economies/", {"region": "CIS"})
    assert r.status_code == 200 and "Kazakhstan" in r.content.decode() and "France" not in r.content.decode()
    csv_r = client.get("/en/economies/", {"region": "CIS", "format": "csv"})
    assert csv_r["Content-Type"].startswith("text/csv")
    assert len(csv_r.content.decode("utf-8-sig").strip().splitlines()) == 1 + 9
    js = client.get("/en/economies/", {"region": "CIS", "format": "json"}).json()
    assert js["count"] == 9
    bad = client.get("/en/economies/", {"at": "soon"})
    assert bad.status_code == 200 and "is not a date" in bad.content.decode()


@pytest.mark.parametrize("path", ["/en/action-lines/", "/en/sdgs/", "/en/sdgs/9/", "/en/targets/", "/ar/economies/"])
def test_other_pages(client, reference, path):
    assert client.get(path).status_code == 200


def test_no_demo_banner_without_the_demo(client, reference):
    assert "Demonstration data" not in client.get("/en/").content.decode()


def test_demo_banner(demo_site):
    # The run's shared demo site: `load_demo` ran there twice (idempotent), and counted its organisations each time.
    from wsis.partnerships.demo import FUNDERS
    from wsis.site.demo import ORGS

    assert "Demonstration data" in demo_site.get("/en/").content.decode()
    assert demo_site.facts["demo_organisations"] == [len(ORGS) + len(FUNDERS)] * 2


def test_admin_lists_reference_tables(client, admin_user):
    client.force_login(admin_user)
    for url in ("/en/admin/reference/actionline/", "/en/admin/reference/economy/", "/en/admin/reference/group/",
                "/en/admin/reference/sdgindicator/", "/en/admin/core/auditlog/", "/en/admin/reference/strategictarget/",
                "/en/admin/prizes/vote/", "/en/admin/prizes/contest/", "/en/admin/stocktaking/activity/"):
        assert client.get(url).status_code == 200, url


def test_pages_load_nothing_from_elsewhere(client, reference):
    import re

    for path in ("/en/", "/ar/economies/", "/zh-hans/sdgs/9/"):
        html = client.get(path).content.decode()
        assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]*)"', html)
        assert all(a.startswith("/static/") for a in assets), (path, assets)


def test_admin_shows_an_activity_read_only(client, admin_user, people):
    from wsis.stocktaking.services import activity_create
    from wsis.testing.factories import sample

    a = activity_create(actor=people["author"], data=sample())
    client.force_login(admin_user)
    r = client.get(f"/en/admin/stocktaking/activity/{a.pk}/change/")
    assert r.status_code == 200 and "肯尼亚国家宽带计划" in r.content.decode()
    assert client.post(f"/en/admin/stocktaking/activity/{a.pk}/delete/").status_code == 403
