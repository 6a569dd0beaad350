"""The home dashboard's figures (wsis.reports.dashboard) and GET /api/v1/dashboard, on the demo data."""

import datetime as dt

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from wsis.site.demo import load_demo
    from wsis.testing.support import module_data

    with module_data(django_db_blocker):
        load_demo(password="x-demo-pass")
        yield


def _fresh(lang="en"):
    from wsis.reports import dashboard

    return dashboard.dashboard(lang, use_cache=False)


def test_internet_figure_has_year_coverage_and_trend(demo):
    from wsis.statistics import selectors as stats

    d = _fresh()
    net = d["internet"]
    assert net["unit"] == "%" and 0 < net["value"] < 100
    assert net["year"] == max(y for y, _v in net["trend"])
    assert 0 < net["reported"] <= net["members"] and 0 < net["coverage"] <= 1
    assert len(net["trend"]) >= 5 and [y for y, _v in net["trend"]] == sorted(y for y, _v in net["trend"])
    # The same figure as the statistics explorer's world aggregate for that year.
    ind = stats.indicator_get("INTERNET_USERS")
    world = next(r for r in stats.aggregates(ind, groups=["WORLD"], years=(net["year"], net["year"]))
                 if r["group"] == "WORLD")
    assert world["value"] == pytest.approx(net["value"])
    assert world["n_reported"] == net["reported"]
    off = d["offline"]
    assert off["year"] == net["year"] and off["reported"] == net["reported"]
    pops = {r["year"]: r["value"] for r in stats.aggregates(ind.weight, groups=["WORLD"]) if r["group"] == "WORLD"}
    assert off["value"] == pytest.approx(pops[net["year"]] * (1 - net["value"] / 100))


def test_activities_count_published_only(demo):
    from wsis.stocktaking.models import Activity

    year = timezone.localdate().year
    published = Activity.objects.filter(state="published", revision_of__isnull=True, published_at__year=year)
    d = _fresh()
    assert d["activities"]["year"] == year
    assert d["activities"]["count"] == published.count() > 0
    assert {a["id"] for a in d["latest"]} <= set(published.values_list("id", flat=True))
    assert 5 <= len(d["latest"]) <= 10
    assert all(r["count"] > 0 and r["label"] for r in d["activities"]["by_region"])
    assert all("." not in r["code"] for r in d["activities"]["by_line"])  # main lines only
    # A published activity taken back to a draft leaves every figure.
    a = published.order_by("-published_at").first()
    before_regions = {r["code"]: r["count"] for r in d["activities"]["by_region"]}
    Activity.objects.filter(pk=a.pk).update(state="draft")
    after = _fresh()
    assert after["activities"]["count"] == d["activities"]["count"] - 1
    assert a.pk not in {x["id"] for x in after["latest"]}
    after_regions = {r["code"]: r["count"] for r in after["activities"]["by_region"]}
    assert sum(after_regions.values()) < sum(before_regions.values())


def test_funding_plan_and_prizes(demo):
    from wsis.partnerships.funding import selectors as funding
    from wsis.prizes.models import Contest

    d = _fresh()
    total = funding.funding_summary(None)["total"]
    assert d["funding"]["committed"] == pytest.approx(float(total["commitment"])) and d["funding"]["committed"] > 0
    assert d["funding"]["confidential"] > 0  # the demo has confidential flows: counted, not summed
    assert d["plan"]["outputs"] == sum(s["count"] for s in d["plan"]["by_status"]) > 0
    assert all(s["label"] for s in d["plan"]["by_status"])
    z = d["prizes"]
    contest = Contest.objects.get(year=z["year"])
    assert z["phase"] == contest.phase()
    assert z["next"] is None or z["next"] > timezone.now()


def test_cache_follows_the_data(demo):
    from wsis.reports import dashboard
    from wsis.stocktaking.models import Activity

    first = dashboard.dashboard("en")
    assert dashboard.dashboard("en") == first
    a = Activity.objects.filter(state="published").order_by("-published_at").first()
    a.state = "draft"
    a.save()  # updated_at moves: the stamp changes and the figures are computed again
    assert dashboard.dashboard("en")["activities"]["count"] == first["activities"]["count"] - 1


def test_dashboard_in_chinese_has_translated_labels(demo):
    d = _fresh("zh-hans")
    assert d["plan"]["by_status"] and all(s["label"] for s in d["plan"]["by_status"])


def test_api_is_typed_and_public(demo, client):
    r = client.get("/api/v1/dashboard", {"lang": "fr"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"as_of", "internet", "offline", "activities", "funding", "plan", "prizes", "latest"}
    assert dt.date.fromisoformat(body["as_of"])
    net = body["internet"]
    assert isinstance(net["value"], float) and isinstance(net["year"], int) and isinstance(net["reported"], int)
    assert net["trend"][0].keys() == {"year", "value"}
    assert all(set(b) == {"code", "label", "count"} for b in body["activities"]["by_region"])
    assert body["funding"]["currency"] == "USD"
    assert body["latest"] and {"id", "title", "kind"} <= set(body["latest"][0])
    assert client.get("/api/v1/dashboard", {"lang": "xx"}).status_code == 422


def test_api_in_openapi_document(demo, client):
    doc = client.get("/api/v1/openapi.json").json()
    op = doc["paths"]["/api/v1/dashboard"]["get"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("DashboardOut")
