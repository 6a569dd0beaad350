"""The economy profile and the comparison: selector contents (values, region and world, gaps, IDI rank, place in
the divide, activities, funding), the typed API, the pages (six languages, downloads, the old URL's redirect, the
comparison's errors) and a number of queries that does not grow with the economies."""

import csv
import io

import pytest
from django.core.cache import cache

from wsis.testing.factories import flow, internet_use_release

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cold_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def data(statistician):
    """Eleven economies, 2018–2022 (see `internet_use_release`); Ethiopia has no Internet use for 2022."""
    return internet_use_release(statistician)


def test_profile_values_beside_region_and_world(data):
    from wsis.reports.economies.selectors import profile

    p = profile("ken", language="fr")
    assert p["iso3"] == "KEN" and p["names"]["ru"] == "Кения" and p["names"]["zh-hans"] == "肯尼亚"
    assert p["region"]["code"] == "AFR" and p["region"]["name"] == "Afrique"
    rows = {r["indicator"]: r for r in p["indicators"]}
    web = rows["INTERNET_USERS"]
    assert web["key"] and web["year"] == 2022 and web["value"] == 48.0 and web["source"] == "test"
    assert web["series"] == [[2018, 40.0], [2019, 42.0], [2020, 44.0], [2021, 46.0], [2022, 48.0]] or \
        web["series"] == [(2018, 40.0), (2019, 42.0), (2020, 44.0), (2021, 46.0), (2022, 48.0)]
    # Africa here is Kenya, Ghana, Ethiopia (carried forward into 2022) and Nigeria, weighted by population.
    assert 20 < web["region_value"] < 70 and [y for y, _v in web["region_series"]] == [2018, 2019, 2020, 2021, 2022]
    assert p["indicators"][0]["indicator"] == "INTERNET_USERS"  # key indicators first
    assert p["divide"]["indicator"] == "INTERNET_USERS" and p["divide"]["economies"] == 11
    # 48 % is above Ethiopia (26, 2021), Bangladesh (43) and Nigeria (46) only: 3 of the 10 others, the second fifth.
    assert p["divide"]["percentile"] == 30 and p["divide"]["quintile"] == 2


def test_data_gaps_say_since_when(data):
    from wsis.reports.economies.selectors import profile

    gaps = {g["indicator"]: g for g in profile("ETH", language="en")["gaps"]}
    assert gaps["INTERNET_USERS"]["last_year"] == 2021 and gaps["INTERNET_USERS"]["missing_since"] == 2022
    assert gaps["INTERNET_USERS"]["newest_year"] == 2022
    assert profile("KEN", language="en")["gaps"] == []
    # An economy without any value of an indicator others have: never reported.
    never = {g["indicator"]: g for g in profile("PER", language="en")["gaps"]}
    assert never["INTERNET_USERS"]["last_year"] is None and never["POP"]["missing_since"] is None


def test_idi_rank_on_the_demo_statistics(statistician):
    from wsis.reports.economies.selectors import profile
    from wsis.statistics import selectors as stats
    from wsis.statistics.demo import load_demo_statistics

    load_demo_statistics()
    p = profile("KEN", language="en")
    scores = stats.index_scores("IDI")["scores"]
    ranked = sorted((s.index for s in scores.values() if s.index is not None), reverse=True)
    assert p["idi"]["score"] == pytest.approx(scores["KEN"].index)
    assert p["idi"]["rank"] == ranked.index(scores["KEN"].index) + 1 and p["idi"]["of"] == len(ranked)
    assert 1 <= p["divide"]["quintile"] <= 5


def test_activities_and_funding_received(funding):
    from wsis.partnerships.funding import services as funding_services
    from wsis.reports.economies.selectors import profile

    funding_services.flows_record(actor=funding["admin"], items=[("1", flow(funding["activity"], funding["eu"]))])
    p = profile("KEN", language="en")
    assert p["activities"]["count"] >= 1 and p["activities"]["latest"][0]["id"] == funding["activity"].pk
    assert p["funding"]["flows"] == 1 and p["funding"]["total"]["commitment"] == pytest.approx(100000 / 0.9)
    assert profile("NGA", language="en")["funding"]["flows"] == 0
    # Requests are not public: the anonymous reader is told so, not shown zero.
    assert p["requests"]["visible"] is False


def test_api_is_typed_and_404_for_unknown(client, data):
    resp = client.get("/api/v1/economies/KEN/profile", {"lang": "ru"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["name"] == "Кения" and body["idi"]["code"] == "IDI" and body["indicators"][0]["indicator"] == "INTERNET_USERS"
    bad = client.get("/api/v1/economies/XXX/profile")
    assert bad.status_code == 404 and bad.json()["errors"][0]["code"] == "not_found"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/economies/KEN/profile", {"format": "csv"})
                                           .content.decode("utf-8-sig"))))
    web = next(r for r in rows if r["indicator"] == "INTERNET_USERS")
    assert web["value"] == "48.0" and web["year"] == "2022" and web["economy"] == "KEN"
    doc = client.get("/api/v1/openapi.json").json()
    op = doc["paths"]["/api/v1/economies/{iso3}/profile"]["get"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/EconomyProfile")
    assert "404" in op["responses"]


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans", "fr", "ru", "es"])
def test_profile_page_in_six_languages(client, data, lang):
    resp = client.get(f"/{lang}/economies/KEN/")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert (' dir="rtl"' in html) == (lang == "ar")
    assert 'class="chart line"' in html and "肯尼亚" in html and "كينيا" in html and "Кения" in html
    assert "33149327" not in html and 'id="idi"' in html


def test_profile_shares_and_embeds_only_its_embed_view(client, data):
    page = client.get("/fr/economies/KEN/")
    assert "?embed=1" in page.content.decode() and page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    embed = client.get("/fr/economies/KEN/?embed=1")
    html = embed.content.decode()
    assert embed.status_code == 200 and "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    # The charts and their tables, without the site's menu.
    assert 'class="chart line"' in html and 'class="data"' in html and "main-nav" not in html


def test_people_read_numbers_with_units(client, data):
    html = client.get("/en/economies/KEN/").content.decode()
    assert "48%" in html  # Internet use, not 48.0
    assert "million people" in html  # population in words, not 10000000.0
    assert client.get("/fr/economies/KEN/").content.decode().count("millions") >= 1


def test_old_statistics_profile_redirects_and_unknown_is_404(client, data):
    resp = client.get("/en/statistics/economies/KEN/")
    assert resp.status_code == 301 and resp["Location"] == "/en/economies/KEN/"
    assert client.get("/en/statistics/economies/ken/?format=csv")["Location"] == "/en/economies/KEN/?format=csv"
    assert client.get("/en/economies/XXX/").status_code == 404
    assert client.get("/en/economies/ken/")["Location"] == "/en/economies/KEN/"
    download = client.get("/en/economies/KEN/", {"format": "csv"})
    assert download.status_code == 200 and b"INTERNET_USERS" in download.content


def test_compare_two_to_five(client, data):
    resp = client.get("/en/economies/compare/", {"e": ["KEN", "NGA", "IND"]})
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Kenya" in html and "Nigeria" in html and "India" in html and 'class="chart line"' in html
    assert client.get("/en/economies/compare/?e=KEN+NGA").status_code == 200  # one box, codes separated by spaces
    rows = list(csv.DictReader(io.StringIO(client.get("/en/economies/compare/", {"e": ["KEN", "NGA"], "format": "csv"})
                                           .content.decode("utf-8-sig"))))
    assert next(r for r in rows if r["indicator"] == "INTERNET_USERS")["NGA_value"] == "46.0"


@pytest.mark.parametrize("codes,message", [
    (["KEN"], "1 given"), (["KEN", "NGA", "IND", "DEU", "FRA", "USA"], "6 given"), (["KEN", "XXX"], "economy &#x27;XXX&#x27;"),
    (["KEN", "ken"], "1 given"),
])
def test_compare_errors_are_clear(client, data, codes, message):
    resp = client.get("/en/economies/compare/", {"e": codes})
    assert resp.status_code == 400 and message in resp.content.decode() and 'role="alert"' in resp.content.decode()


def test_compare_form_without_codes(client, data):
    resp = client.get("/en/economies/compare/")
    assert resp.status_code == 200 and b'name="e"' in resp.content


@pytest.mark.parametrize("n", [2, 20])
def test_profile_queries_do_not_grow_with_economies(statistician, django_assert_max_num_queries, n):
    """Cold cache (every group figure computed): the same bound for 2 economies with data and for 20."""
    from django.contrib.auth.models import AnonymousUser

    from wsis.reports.economies.selectors import profile
    from wsis.statistics.records import Parsed, Record
    from wsis.statistics.services import import_release

    economies = ["KEN", "GHA", "ETH", "NGA", "SEN", "DEU", "FRA", "IND", "BGD", "USA",
                 "BRA", "CHN", "JPN", "MEX", "EGY", "ZAF", "TZA", "UGA", "RWA", "MAR"][:n]
    p = Parsed(source="test")
    for iso3 in economies:
        for i, year in enumerate(range(2018, 2021)):
            p.records.append(Record("SP.POP.TOTL", iso3, "iso3", year, 1e7 * (1 + i / 10)))
            p.records.append(Record("IT.NET.USER.ZS", iso3, "iso3", year, 30.0 + i, (("SEX", "_T"),)))
    import_release(actor=statistician, parsed=p, adapter="test", filename="q.csv", sha256=f"q{n}", allow_unmatched=True)
    cache.clear()
    with django_assert_max_num_queries(50):
        profile("KEN", language="en", viewer=AnonymousUser())
    with django_assert_max_num_queries(20):  # warm: the group figures come from the cache
        profile("KEN", language="en", viewer=AnonymousUser())


def test_indicator_about_page(client, data):
    resp = client.get("/en/statistics/INTERNET_USERS/about/")
    html = resp.content.decode()
    assert resp.status_code == 200 and "Weighted mean of the economies" in html and "carried forward at most 3 years" in html
    assert 'id="coverage-table"' in html and 'id="releases-table"' in html and "test.csv" in html
    assert "IT.NET.USER.ZS" in html  # the source series
    from wsis.statistics import selectors as stats

    cov = {r["year"]: r["economies"] for r in stats.indicator_about(stats.indicator_get("INTERNET_USERS"), "en")["coverage"]}
    assert cov[2021] == 11 and cov[2022] == 10
    assert client.get("/en/statistics/NOPE/about/").status_code == 404
    # The explorer carries the same method block.
    assert "About this indicator" in client.get("/en/statistics/INTERNET_USERS/").content.decode()
