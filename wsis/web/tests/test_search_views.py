import pytest

from wsis.search import selectors
from wsis.testing.factories import draft_activity, published_activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    selectors._cache.clear()


def test_the_results_page_groups_what_it_found(client, people):
    a = published_activity(people["author"], reviewer=people["bdt_reviewer"])
    draft_activity(people["author"], texts={"en": {"title": "Draft Kenya plan nobody may see"}})
    r = client.get("/en/search/", {"q": "Кении"})
    assert r.status_code == 200
    html = r.content.decode()
    assert 'id="results-economies"' in html and 'href="/en/economies/KEN/"' in html
    assert 'id="results-activities"' in html and f'href="/en/activities/{a.pk}/"' in html
    assert "Draft Kenya plan" not in html
    assert 'value="Кении"' in html  # the box keeps the query


def test_nothing_found_says_what_to_try(client, reference):
    html = client.get("/en/search/", {"q": "xyzzyplugh"}).content.decode()
    assert "Nothing found" in html and "ISO code" in html


def test_an_empty_query_shows_the_form_and_an_overlong_one_an_error(client, reference):
    r = client.get("/en/search/")
    assert r.status_code == 200 and 'name="q"' in r.content.decode()
    r = client.get("/en/search/", {"q": "x" * 101})
    assert r.status_code == 400 and 'role="alert"' in r.content.decode()


def test_every_page_has_the_search_box(client, reference):
    html = client.get("/zh-hans/").content.decode()
    assert 'class="site-search"' in html and 'action="/zh-hans/search/"' in html
    assert 'for="site-search-q"' in html and 'data-lang="zh-hans"' in html
    assert "wsis/search.js" in html
