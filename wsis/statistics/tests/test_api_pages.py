"""Statistics over the API and the pages: reads, downloads with the same filters, imports and permissions,
bad parameters, and every page in the six languages."""

import csv
import io

import pytest

from wsis.testing.factories import internet_use_release, long_csv

pytestmark = pytest.mark.django_db
API = "/api/v1/statistics"


@pytest.fixture
def data(statistician):
    """Eleven economies, 2018–2022: Internet use (total, women, men) and population; Ethiopia misses 2022."""
    return internet_use_release(statistician)


def test_openapi_lists_the_statistics_endpoints(client):
    doc = client.get("/api/v1/openapi.json").json()
    paths = {p for p in doc["paths"] if p.startswith(API)}
    assert paths == {f"{API}/{p}" for p in (
        "indicators", "indicators/{code}/observations", "indicators/{code}/aggregates", "indicators/{code}/divide",
        "targets", "index/{code}", "economies/{iso3}", "releases", "releases/{old}/compare/{new}")}


def test_indicators_observations_and_aggregates(client, data):
    rows = {r["code"]: r for r in client.get(f"{API}/indicators", {"lang": "fr"}).json()["results"]}
    assert rows["INTERNET_USERS"]["name"] == "Personnes utilisant l'Internet"
    assert rows["INTERNET_USERS"]["observations"] == 11 * 5 * 3 - 3 and rows["INTERNET_USERS"]["weight"] == "POP"
    obs = client.get(f"{API}/indicators/INTERNET_USERS/observations", {"economy": "KEN,ETH", "dims": "SEX=F"}).json()["results"]
    assert [(o["economy"], o["year"], o["value"]) for o in obs][:2] == [("ETH", 2018, 17.0), ("ETH", 2019, 19.0)]
    assert all(o["dims"] == "AGE=_T|SEX=F|URBANISATION=_T" for o in obs) and len(obs) == 9
    csv_rows = list(csv.DictReader(io.StringIO(client.get(
        f"{API}/indicators/INTERNET_USERS/observations", {"economy": "KEN", "format": "csv"}).content.decode("utf-8-sig"))))
    assert [r["year"] for r in csv_rows] == ["2018", "2019", "2020", "2021", "2022"]
    agg = client.get(f"{API}/indicators/INTERNET_USERS/aggregates",
                     {"groups": "WORLD,AFR", "start": 2022, "end": 2022}).json()["results"]
    world = next(r for r in agg if r["group"] == "WORLD")
    # Ethiopia's 2021 value is carried forward into 2022; the World Bank's own world figure sits beside ours.
    assert world["filled"] == {"ETH": "carried_forward"} and world["published_by_source"] == 55.0
    assert world["difference"] == pytest.approx(world["value"] - 55.0)
    no_fill = client.get(f"{API}/indicators/INTERNET_USERS/aggregates",
                         {"groups": "AFR", "start": 2022, "end": 2022, "carry_forward": 0, "impute": "none"}).json()["results"][0]
    assert no_fill["filled"] == {} and no_fill["n_reported"] == 3  # Kenya, Ghana, Nigeria; Ethiopia missing


@pytest.mark.parametrize("params,field,status", [
    ({"min_coverage": 2}, "min_coverage", 422), ({"impute": "magic"}, "method", 400), ({"groups": "NOPE"}, "groups", 400),
    ({"dims": "COLOUR=red"}, "dims", 400), ({"start": 2020}, "from", 400), ({"start": 1800, "end": 2020}, "start", 422),
])
def test_bad_parameters_name_the_field(client, data, params, field, status):
    # 422: outside the bounds the parameter declares; 400: refused by the selector.
    resp = client.get(f"{API}/indicators/INTERNET_USERS/aggregates", params)
    assert resp.status_code == status and resp.json()["errors"][0]["field"] == field


def test_not_aggregable_and_unknown(client, data):
    assert client.get(f"{API}/indicators/NOPE/aggregates").status_code == 404
    resp = client.get(f"{API}/indicators/MBB_TRAFFIC/aggregates")
    assert resp.status_code == 400 and resp.json()["errors"][0]["code"] == "not_aggregable"


def test_divide_targets_index_profile(client, data):
    d = client.get(f"{API}/indicators/INTERNET_USERS/divide", {"year": 2021}).json()
    assert d["year"] == 2021
    world = next(p for p in d["parity"] if p["group"] == "WORLD")
    assert world["score"] < 1 and world["band"] == "disparity_against_women"
    assert d["dispersion"]["series"]
    # The world's population is known here for 11 of 249 economies: too little to publish a total, so no
    # count of people offline either.
    assert next(o for o in d["offline"] if o["group"] == "WORLD")["offline"] is None
    targets = {t["code"]: t for t in client.get(f"{API}/targets").json()["results"]}
    assert targets["C2030-1.2"]["status"] in ("achieved", "on_track", "off_track")
    assert targets["UMC-UNI-HOUSEHOLDS"]["status"] == "insufficient_data"  # no household data here
    idi = client.get(f"{API}/index/IDI", {"year": 2022}).json()
    assert idi["verified"] is False and len(idi["definition"]["components"]) == 10
    # Only one of the universal-connectivity indicators is here: no economy gets a score, and it says why.
    assert idi["scores"] and all(s["index"] is None for s in idi["scores"])
    prof = client.get(f"{API}/economies/KEN").json()
    row = next(r for r in prof["rows"] if r["indicator"] == "INTERNET_USERS")
    assert row["value"] == 48.0 and set(prof["groups"]) >= {"WORLD", "AFR"}


def test_import_over_the_api_needs_a_statistician(client, data, people, statistician):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def upload():
        return SimpleUploadedFile("WDI_IT.CEL.SETS.P2_long.csv", long_csv([("Kenya", "KEN", 2022, "120.5")]))

    assert client.post(f"{API}/releases", {"file": upload()}).status_code == 401
    client.force_login(people["author"])
    assert client.post(f"{API}/releases", {"file": upload()}).status_code == 403
    client.force_login(statistician)
    first = client.post(f"{API}/releases", {"file": upload()})
    assert first.status_code == 201 and first.json()["observations"] == 1
    again = client.post(f"{API}/releases", {"file": upload()})
    assert again.status_code == 200 and again.json()["created"] is False
    bad = client.post(f"{API}/releases", {"file": SimpleUploadedFile(
        "WDI_IT.CEL.SETS.P2_long.csv", long_csv([("Kenya", "KEN", 2023, "many")]))})
    assert bad.status_code == 400 and "WDI_IT.CEL.SETS.P2_long.csv:2" in bad.json()["errors"][0]["location"]
    releases = client.get(f"{API}/releases").json()["results"]
    assert len(releases) == 2
    diff = client.get(f"{API}/releases/{releases[1]['id']}/compare/{releases[0]['id']}").json()
    assert diff["added"] == 1


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans", "fr", "ru", "es"])
def test_pages_render_in_every_language(client, data, lang):
    for url in (f"/{lang}/statistics/", f"/{lang}/statistics/INTERNET_USERS/?economy=KEN&group=WORLD",
                f"/{lang}/statistics/INTERNET_USERS/divide/", f"/{lang}/economies/KEN/",
                f"/{lang}/statistics/targets/", f"/{lang}/statistics/index/IDI/", f"/{lang}/statistics/releases/"):
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert (b'dir="rtl"' in resp.content) == (lang == "ar")


def test_explorer_shows_chart_table_and_map_and_downloads_follow_the_filters(client, data):
    html = client.get("/en/statistics/INTERNET_USERS/", {"economy": ["KEN", "GHA"], "group": ["WORLD"],
                                                         "year": 2020}).content.decode()
    assert 'class="chart line"' in html and 'class="map"' in html and "<title>Kenya, 2020: 44\u00a0%</title>" in html
    rows = list(csv.DictReader(io.StringIO(client.get("/en/statistics/INTERNET_USERS/", {
        "economy": ["KEN", "GHA"], "format": "csv"}).content.decode("utf-8-sig"))))
    assert {r["economy"] for r in rows} == {"KEN", "GHA"} and len(rows) == 10
    agg = client.get("/en/statistics/INTERNET_USERS/", {"group": ["AFR"], "format": "json", "what": "aggregates"})
    assert {r["group"] for r in agg.json()["results"]} == {"AFR"}


def test_import_page_is_for_statisticians(client, data, people, statistician):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["author"])
    assert client.get("/en/statistics/import/").status_code == 404
    client.force_login(statistician)
    resp = client.post("/en/statistics/import/", {"format": "auto", "file": SimpleUploadedFile(
        "WDI_IT.CEL.SETS.P2_long.csv", long_csv([("Kenya", "KEN", 2023, "many")]))}, follow=True)
    assert b"WDI_IT.CEL.SETS.P2_long.csv:2" in resp.content
