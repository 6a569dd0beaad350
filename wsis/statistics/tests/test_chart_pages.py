"""Charts on the statistics pages: the map and every chart keep C-locale numbers in their attributes in every
language (a decimal comma there drew only a strip of the map), name their marks, and the explorer has an
embeddable chart-only view that is the only page other sites may frame."""

import re
import xml.etree.ElementTree as ET

import pytest

from wsis.core.tests.test_charts import numbers_in_attributes
from wsis.testing.factories import internet_use_release

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(statistician):
    return internet_use_release(statistician)


def svgs(html: str) -> list[str]:
    return re.findall(r'<svg xmlns="http://www.w3.org/2000/svg".*?</svg>', html, flags=re.S)


@pytest.mark.parametrize("lang", ["fr", "ru", "ar", "es", "en"])
def test_explorer_map_and_chart_sizes_are_never_localised(client, data, lang):
    html = client.get(f"/{lang}/statistics/INTERNET_USERS/", {"economy": ["KEN", "GHA"], "year": 2020}).content.decode()
    found = svgs(html)
    kinds = [ET.fromstring(s).get("class") for s in found]
    assert kinds == ["chart line", "map"]
    for s in found:
        root = ET.fromstring(s)
        assert [float(v) for v in root.get("viewBox").split(" ")][2:] == [float(root.get("width")),
                                                                          float(root.get("height"))]
        assert numbers_in_attributes(s) > 10
    chart_map = ET.fromstring(found[1])
    assert chart_map.get("viewBox") == "0 0 960 470"
    # Numbers people read follow the language: Kenya's 2020 value in the map's tooltip.
    kenya = re.search(r'aria-label="([^"]*, 2020: 44[^"]*)"', found[1])
    assert kenya, lang
    # The table's cells carry the plain number for the CSV the browser makes.
    assert 'data-value="44' in html or 'data-value="44.0"' in html


def test_explorer_chart_has_axis_titles_a_legend_and_the_tools(client, data):
    html = client.get("/en/statistics/INTERNET_USERS/", {"economy": ["KEN"], "group": ["WORLD"]}).content.decode()
    chart = svgs(html)[0]
    assert re.findall(r'class="axis-title"[^>]*>([^<]+)<', chart) == ["Year", "Individuals using the Internet (%)"]
    assert 'aria-label="Kenya, 2020: 44\u00a0%"' in chart
    assert '<ul class="legend"' in html and "Kenya</li>" in html
    assert 'class="share-link"' in html and "embed=1" in html and "&lt;iframe" in html
    assert 'src="/static/wsis/charts.js" defer' in html


def test_embed_view_is_the_only_frameable_page(client, data):
    normal = client.get("/en/statistics/INTERNET_USERS/", {"economy": "KEN"})
    assert normal["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in normal["Content-Security-Policy"]
    embed = client.get("/en/statistics/INTERNET_USERS/", {"economy": "KEN", "embed": "1"})
    assert embed.status_code == 200 and "X-Frame-Options" not in embed
    csp = embed["Content-Security-Policy"]
    assert "frame-ancestors *" in csp and "script-src 'self'" in csp
    html = embed.content.decode()
    assert "site-header" not in html and 'class="chart line"' in html and 'id="t-over-time"' in html
    assert "Source:" in html
    # The share link in the embed view goes back to the full page with the same filters, without embed=1.
    assert re.search(r'href="http://testserver/en/statistics/INTERNET_USERS/\?economy=KEN"', html)
    for other in ("/en/statistics/", "/en/statistics/targets/", "/en/statistics/index/IDI/"):
        r = client.get(other, {"embed": "1"})
        assert r["X-Frame-Options"] == "DENY", other


def test_targets_page_charts_the_share_of_each_target_reached(client, data):
    html = client.get("/fr/statistics/targets/").content.decode()
    found = [s for s in svgs(html) if "chart bars" in s]
    assert len(found) == 1
    numbers_in_attributes(found[0])
    names = re.findall(r'class="category">([^<]+)<', found[0])
    assert names and all(" · " in n for n in names)
    assert 'stroke-dasharray="5 3"' in found[0]  # the 100 % line
    assert "Part de la cible atteinte" in html or "Share of the target reached" in html


def test_index_page_charts_the_spread_and_the_ranking(client, data):
    from wsis.web.stats_views import _index_charts

    rows = [{"economy": f"E{i}", "name": f"Economy {i}", "index": float(i * 9)} for i in range(12)] + [
        {"economy": "NON", "name": "None", "index": None}]
    from django.utils import translation

    with translation.override("ru"):
        out = _index_charts(rows, {"name": "IDI", "year": 2024}, None, "ru")
    assert [b["n"] for b in out["bands"]] == [2, 1, 1, 1, 1, 1, 1, 1, 1, 2]
    numbers_in_attributes(out["dist"]["svg"]) and numbers_in_attributes(out["ranked"]["svg"])
    assert re.findall(r'class="category">([^<]+)<', out["dist"]["svg"])[0] == "0–10"
    assert len(out["ranked_rows"]) == 12 and "Economy 11" in out["ranked"]["svg"]
    page = client.get("/ar/statistics/index/IDI/")
    assert page.status_code == 200

