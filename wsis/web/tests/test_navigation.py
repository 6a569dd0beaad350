"""The header menu, the breadcrumbs and the language switch, as HTML."""

import re

import pytest

from wsis.web import navigation

pytestmark = pytest.mark.django_db

LANGS = ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.mark.parametrize(("path", "section"), [
    ("/en/", ""), ("/en/activities/5/", "registry"), ("/fr/statistics/targets/", "data"),
    ("/ar/partnerships/", "cooperation"), ("/ar/partnerships/requests/", "cooperation"),
    ("/ru/partnerships/organisations/3/", "registry"), ("/es/plan/x/timeline/", "plan"),
    ("/en/prizes/2025/", "prizes"), ("/en/reports/1/view/", "reports"), ("/zh-hans/economies/KEN/", "reference"),
    ("/en/sdgs/", "reference"), ("/en/nothing/", ""),
])
def test_section_of_a_path(path, section):
    assert navigation.section_of(path) == section


def test_menu_groups_and_current_section(client, reference):
    html = client.get("/en/statistics/").content.decode()
    nav = html[html.index('<nav class="main-nav"'):html.index("</nav>", html.index('<nav class="main-nav"'))]
    for label in ("Registry", "Data", "Cooperation", "Plan", "Prizes", "Reports", "Reference"):
        assert f">{label}<" in nav
    # The group of the current page is marked, and the page's own link.
    assert re.search(r'<summary class="top current" aria-current="true">Data</summary>', nav)
    assert 'href="/en/statistics/" aria-current="page"' in nav
    assert nav.count('aria-current="true"') == 1
    for url in ("/en/activities/", "/en/partnerships/requests/", "/en/plan/", "/en/prizes/", "/en/reports/",
                "/en/action-lines/", "/en/economies/", "/en/statistics/index/IDI/", "/api/v1/docs"):
        assert f'href="{url}"' in nav, url


def test_phone_menu_is_a_disclosure_and_header_has_landmarks(client, reference):
    html = client.get("/en/").content.decode()
    assert '<details class="nav-menu" data-nav-menu>' in html  # closed by default, opens without script
    assert '<summary class="menu-button">' in html
    assert html.count('<header class="site-header">') == 1 and '<main id="main"' in html
    assert '<nav class="main-nav" aria-label="Main">' in html
    assert "{# search box #}" not in html  # a template comment, not output
    assert 'rel="icon"' in html and "/static/wsis/logo.svg" in html and "/static/wsis/nav.js" in html


def test_breadcrumbs_below_the_first_level(client, reference):
    assert 'class="breadcrumbs"' not in client.get("/en/statistics/").content.decode()
    html = client.get("/en/statistics/targets/").content.decode()
    crumbs = html[html.index('<nav class="breadcrumbs"'):]
    crumbs = crumbs[:crumbs.index("</nav>")]
    assert 'aria-label="Breadcrumb"' in crumbs
    assert re.findall(r'href="([^"]+)"', crumbs) == ["/en/", "/en/statistics/"]
    trail = navigation.breadcrumbs("/en/partnerships/requests/12/")
    assert [c["url"] for c in trail] == ["/en/", "/en/partnerships/", "/en/partnerships/requests/"]
    assert [c["url"] for c in navigation.breadcrumbs("/en/reports/3/view/")] == ["/en/", "/en/reports/", "/en/reports/3/"]
    assert navigation.breadcrumbs("/en/plan/outputs/4/")[-1]["url"] == "/en/plan/"


def test_no_duplicate_crumbs_on_a_detail_page(client, reference, people):
    from wsis.stocktaking.services import activities_import
    from wsis.testing.factories import sample

    activities_import(actor=people["admin"], items=[("a", sample(external_id="NAV-1"))], publish=True)
    from wsis.stocktaking.models import Activity

    pk = Activity.objects.get().pk
    html = client.get(f"/fr/activities/{pk}/").content.decode()
    assert html.count('class="breadcrumbs"') == 1 and 'class="crumbs"' not in html
    assert 'href="/fr/activities/"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_keeps_the_page_and_query(client, reference, lang):
    html = client.get(f"/{lang}/economies/?region=CIS&q=ka").content.decode()
    assert f'name="next" type="hidden" value="/{lang}/economies/?region=CIS&amp;q=ka"' in html
    assert "data-autosubmit" in html and '<button type="submit">' in html  # the button stays for no-script use
    r = client.post("/i18n/setlang/", {"language": "ru", "next": f"/{lang}/economies/?region=CIS&q=ka"})
    assert r.status_code == 302 and r["Location"] == "/ru/economies/?region=CIS&q=ka"


def test_account_menu_for_a_signed_in_user(client, reference, people):
    user = people["admin"]
    client.force_login(user)
    html = client.get("/en/").content.decode()
    menu = html[html.index('<details class="group account-menu"'):]
    menu = menu[:menu.index("</details>")]
    for part in ("/en/activities/mine/", "/en/activities/review/", "/en/plan/reminders/", "/en/accounts/logout/",
                 f"Sign out ({user.get_username()})"):
        assert part in menu, part
    assert "Sign in" not in html[html.index("<header"):html.index("</header>")]


def test_demo_banner_has_a_short_form_for_phones(client, reference, settings):
    from unittest import mock

    settings.WSIS_DEMO_BANNER = True
    with mock.patch("wsis.accounts.selectors.has_demo_data", return_value=True):
        html = client.get("/en/").content.decode()
    assert 'class="short"' in html and 'class="long"' in html
