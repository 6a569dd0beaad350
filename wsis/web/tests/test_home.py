"""The home dashboard and My work pages on the demo data; the sign-in lands on My work."""

import re

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

LANGS = ["ar", "zh-hans", "en", "fr", "ru", "es"]
PASSWORD = "x-demo-pass"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from wsis.site.demo import load_demo
    from wsis.testing.support import module_data

    with module_data(django_db_blocker):
        load_demo(password=PASSWORD)
        yield


def tr(text: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


@pytest.mark.parametrize("lang", LANGS)
def test_home_dashboard_in_six_languages(client, demo, lang):
    from wsis.reports import dashboard

    r = client.get(f"/{lang}/")
    assert r.status_code == 200
    html = r.content.decode()
    assert f'lang="{lang}"' in html and ('dir="rtl"' in html) == (lang == "ar")
    d = dashboard.dashboard(lang)
    # Every headline card links to the page its figure comes from.
    for href in (f"/{lang}/statistics/INTERNET_USERS/", f"/{lang}/statistics/INTERNET_USERS/divide/",
                 f"/{lang}/activities/", f"/{lang}/partnerships/", f"/{lang}/plan/{d['plan']['code']}/",
                 f"/{lang}/prizes/{d['prizes']['year']}/"):
        assert f'href="{href}"' in html, href
    assert str(d["internet"]["year"]) in html and 'class="sparkline"' in html
    # The map: numbers in its attributes stay in the C locale whatever the language.
    box = re.search(r'class="map"[^>]*viewBox="([^"]*)"', html).group(1).split()
    assert [float(v) for v in box] == [0, 0, 960, 470], box
    for a in d["latest"]:
        assert f'href="/{lang}/activities/{a["id"]}/"' in html
    assert html.count('class="sdg-tile sdg-') == 17
    assert tr("Sustainable Development Goals", lang) in html


def test_home_figures_in_english(client, demo):
    from wsis.reports import dashboard

    html = client.get("/en/").content.decode()
    d = dashboard.dashboard("en")
    assert f"{d['internet']['value']:.1f}\u00a0%" in html
    assert f"{d['internet']['reported']} of {d['internet']['members']} economies reporting" in html
    assert f"World, {d['internet']['year']}" in html
    assert d["prizes"]["phase_label"] in html
    for r in d["activities"]["by_region"]:
        assert r["label"] in html
    # Goal 1 takes white text (4.5:1 on #E5243B), goal 7 dark text; colours come from classes, not inline styles.
    assert re.search(r'class="sdg-tile sdg-1 ink-light"', html) and re.search(r'class="sdg-tile sdg-7 ink-dark"', html)
    assert "style=" not in html.split("<main", 1)[1]
    # No group reads "0 economies": income groups without a loaded classification are left out.
    assert "Low income" not in html


def test_sdg_colours_meet_contrast():
    from wsis.web.home_views import SDG_COLOURS, SDG_INK, _contrast_ink

    assert SDG_COLOURS[1] == "#E5243B" and SDG_COLOURS[17] == "#19486A" and len(SDG_COLOURS) == 17
    assert {n for n, ink in SDG_INK.items() if ink == "light"} == {1, 4, 8, 10, 13, 16, 17}
    assert _contrast_ink("#FFFFFF") == "dark" and _contrast_ink("#000000") == "light"


def _login(client, username):
    r = client.post("/en/accounts/login/", {"username": username, "password": PASSWORD})
    assert r.status_code == 302, r.content[:300]
    return r


def test_sign_in_lands_on_my_work(client, demo):
    r = _login(client, "afr.officer")
    assert r["Location"] == "/en/my/"
    assert client.get(r["Location"]).status_code == 200


def test_sign_in_from_the_home_page_lands_on_my_work_and_from_elsewhere_goes_back(client, demo):
    r = client.post("/en/accounts/login/?next=/en/", {"username": "ke.focal", "password": PASSWORD})
    assert r.status_code == 302 and r["Location"] == "/en/my/"
    client.post("/en/accounts/logout/")
    r = client.post("/en/accounts/login/?next=/en/activities/", {"username": "ke.focal", "password": PASSWORD})
    assert r["Location"] == "/en/activities/"


def test_my_work_needs_sign_in(client, demo):
    r = client.get("/en/my/")
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


@pytest.mark.parametrize("username", ["admin", "reviewer", "afr.officer", "arb.officer", "ke.focal", "satellite"])
def test_my_work_per_role(client, demo, username):
    from wsis.accounts.models import User
    from wsis.reports import dashboard

    user = User.objects.get(username=username)
    client.force_login(user)
    r = client.get("/en/my/")
    assert r.status_code == 200
    html = r.content.decode()
    work = dashboard.my_work(user, "en")
    for key, heading in (("drafts", "Drafts"), ("returned", "Returned to you"), ("reminders", "Reminders"),
                         ("review", "Activities awaiting your review"), ("plan_review", "Progress updates to decide"),
                         ("updates_due", "Progress updates due"), ("requests", "Open assistance requests")):
        group = work[key]
        if group is None:
            assert heading not in html, (username, key)
            continue
        pattern = rf'<span class="work-count( zero)?">{group["count"]}</span> {re.escape(heading)}'
        assert re.search(pattern, html), \
            (username, key, group["count"])


def test_my_work_counts_follow_the_roles(demo):
    from wsis.accounts.models import User
    from wsis.planning import selectors as planning
    from wsis.reports import dashboard
    from wsis.stocktaking.models import Activity

    officer = User.objects.get(username="afr.officer")
    work = dashboard.my_work(officer, "en")
    assert work["drafts"]["count"] == Activity.objects.filter(
        lead_organisation_id=officer.organisation_id, state="draft").count()
    assert work["returned"]["count"] == Activity.objects.filter(
        lead_organisation_id=officer.organisation_id, state="returned").count()
    assert work["plan_review"] is None  # an officer does not decide plan updates
    reviewer = dashboard.my_work(User.objects.get(username="reviewer"), "en")
    assert reviewer["review"]["count"] > 0
    admin = User.objects.get(username="admin")
    assert dashboard.my_work(admin, "en")["plan_review"]["count"] == len(planning.review_queue(admin))
    focal = dashboard.my_work(User.objects.get(username="ke.focal"), "en")
    assert focal["review"] is None and focal["plan_review"] is None


def test_my_work_empty_states_say_what_to_do(client, demo):
    from wsis.accounts.models import User

    client.force_login(User.objects.get(username="voter00"))
    html = client.get("/en/my/").content.decode()
    assert "Nothing was returned." in html and "No unread reminder." in html
