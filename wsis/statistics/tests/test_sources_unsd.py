"""The UN SDG Global Database adapters (DDF, API JSON, Open SDG CSV) and the M49 aggregates."""

import csv
import io
import json
import urllib.error
import urllib.parse

import pytest

from wsis.statistics import m49_aggregates
from wsis.statistics.m49_aggregates import M49_AGGREGATES, M49_OTHER_AREAS, aggregate_group
from wsis.statistics.records import TOTAL, Record
from wsis.statistics.sources import unsd
from wsis.testing.support import shared_file

DDF = ("ict_indicators", "unsd_sdg_db")

# file series -> (records, distinct dims, SDG indicator, unit)
EXPECTED = {
    "it_mob_2gntwk": (3533, {()}, "9.c.1", "%"),
    "it_mob_3gntwk": (2509, {()}, "9.c.1", "%"),
    "it_mob_4gntwk": (1894, {()}, "9.c.1", "%"),
    "it_mob_own": (1116, {(("SEX", TOTAL),), (("SEX", "F"),), (("SEX", "M"),)}, "5.b.1", "%"),
    "it_net_bbnd": (
        9038,
        {(("SPEED", s),) for s in (TOTAL, "S256KT2M", "S2MT10M", "S_GE10M")},
        "17.6.1",
        "per 100 inhabitants",
    ),
    "it_net_bbndn": (
        8683,
        {(("SPEED", s),) for s in (TOTAL, "S256KT2M", "S2MT10M", "S_GE10M")},
        "17.6.1",
        "number",
    ),
    "it_use_ii99": (7504, {(("SEX", TOTAL),), (("SEX", "F"),), (("SEX", "M"),)}, "17.8.1", "%"),
}


def ddf_path(name):
    return shared_file(*DDF, name)


def datapoint_files():
    folder = shared_file(*DDF)
    files = sorted(folder.glob("ddf--datapoints--*.csv"))
    assert len(files) == 7
    return files


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.fixture(scope="module")
def concepts():
    return unsd.read_ddf_concepts(ddf_path("ddf--concepts--continuous--it_only.csv").read_bytes())


@pytest.fixture(scope="module")
def real(concepts):
    geo = unsd.read_ddf_geo(ddf_path("ddf--entities--geo_area.csv").read_bytes())
    return {
        p.name.split("--")[2]: (
            p,
            unsd.read_ddf(p.read_bytes(), p.name, concepts=concepts, geo_names=geo),
        )
        for p in datapoint_files()
    }


# --------------------------------------------------------------------------- real DDF files


def test_every_real_ddf_file_parses_without_errors(real):
    assert set(real) == set(EXPECTED)
    for series, (path, parsed) in real.items():
        records, dims, sdg, unit = EXPECTED[series]
        value_column = series
        non_empty = sum(1 for row in read_csv(path) if row[value_column].strip())
        assert parsed.errors == [], (series, parsed.errors[:3])
        assert len(parsed.records) == non_empty == records, series
        code = series.upper()
        assert {r.indicator for r in parsed.records} == {code}
        assert {r.dims for r in parsed.records} == dims, series
        assert {r.area_kind for r in parsed.records} == {"m49"}
        assert all(not r.area.startswith("0") for r in parsed.records)
        info = parsed.series[code]
        assert (info.unit, info.sdg_indicator, info.source) == (unit, sdg, unsd.UNSD)
        assert parsed.source == "UN SDG Global Database (DDF)"


def test_real_ddf_status_follows_nature(real):
    path, parsed = real["it_use_ii99"]
    natures = [row["nature"] for row in read_csv(path)]
    assert {n: natures.count(n) for n in set(natures)} == {"c": 4570, "e": 2262, "n": 672}
    statuses = [r.status for r in parsed.records]
    assert statuses.count("estimated") == 2262
    assert statuses.count("reported") == 4570 + 672
    assert sum(1 for r in parsed.records if r.note.startswith("nature N")) == 672


def spot(parsed, area, year, **dims):
    want = tuple(sorted(dims.items()))
    hits = [r for r in parsed.records if r.area == area and r.year == year and r.dims == want]
    assert len(hits) == 1, (area, year, want, hits)
    return hits[0]


def test_real_ddf_spot_values(real):
    _, use = real["it_use_ii99"]
    world = spot(use, "1", 2022, SEX=TOTAL)
    assert world.value == 66.3
    assert world.area_name == "World"
    assert world.location.endswith(
        "ddf--datapoints--it_use_ii99--by--age--geo_area--nature--sex--units--year.csv:24"
    )
    assert spot(use, "199", 2022, SEX=TOTAL).value == 36.14
    assert spot(use, "432", 2022, SEX=TOTAL).value == 36.44
    assert spot(use, "722", 2022, SEX=TOTAL).value == 66.33
    assert spot(use, "150", 2022, SEX=TOTAL).value == 90.1
    assert spot(use, "1", 2022, SEX="F").value == 63.4
    assert spot(use, "1", 2022, SEX="M").value == 69.2
    afg = spot(use, "4", 2017, SEX=TOTAL)
    assert (afg.value, afg.status, afg.area_name) == (13.5, "estimated", "Afghanistan")
    _, bbnd = real["it_net_bbnd"]
    assert spot(bbnd, "404", 2021, SPEED=TOTAL).value == 1.48851
    assert spot(bbnd, "404", 2021, SPEED="S_GE10M").value == 0.7139
    assert spot(bbnd, "1", 2022, SPEED=TOTAL).value == 17.6


def test_concepts_and_geo_names(concepts):
    assert set(concepts) == {
        "IT_MOB_2GNTWK",
        "IT_MOB_3GNTWK",
        "IT_MOB_4GNTWK",
        "IT_MOB_OWN",
        "IT_NET_BBND",
        "IT_NET_BBNDN",
        "IT_USE_II99",
    }
    use = concepts["IT_USE_II99"]
    assert (use.name, use.unit, use.sdg_indicator) == (
        "Proportion of individuals using the Internet (%)",
        "%",
        "17.8.1",
    )
    # The UN's text has a no-break space inside "per 100 inhabitants".
    assert concepts["IT_NET_BBND"].unit == "per 100 inhabitants"
    geo = unsd.read_ddf_geo(ddf_path("ddf--entities--geo_area.csv").read_bytes())
    assert len(geo) == 459
    assert (geo["1"], geo["4"], geo["722"]) == (
        "World",
        "Afghanistan",
        "Small island developing States (SIDS)",
    )


def entity_codes(name):
    rows = read_csv(ddf_path(f"ddf--entities--{name}.csv"))
    return {row[name]: row["name"] for row in rows}


def test_every_entity_code_is_mapped():
    age = entity_codes("age")
    assert len(age) == 73 == len(unsd.AGE_CODES)
    table = {code: (name, ours) for code, name, ours in unsd.AGE_CODES}
    assert {code: name for code, (name, _) in table.items()} == age
    for code, name in age.items():  # DDF code and API name give the same code
        assert unsd.un_dimension("age", code) == unsd.un_dimension("Age", name)
    assert unsd.un_dimension("age", "15") == ("AGE", "Y_GE15")
    assert unsd.un_dimension("age", "15_24") == ("AGE", "Y15T24")
    assert unsd.un_dimension("Age", "<5Y") == ("AGE", "Y_LT5")
    assert unsd.un_dimension("Age", "ALLAGE") == ("AGE", TOTAL)
    assert unsd.un_dimension("age", "notspec") is None
    assert {code for code, _, _ in unsd.SEX_CODES} == set(entity_codes("sex"))
    assert {code for code, _, _ in unsd.SPEED_CODES} - {"notspec"} == set(
        entity_codes("type_of_speed")
    )
    assert set(entity_codes("nature")) <= set(unsd.NATURE)
    for name in ("2mt10mbps", "2MT10MBPS"):
        assert unsd.un_dimension("type_of_speed", name) == ("SPEED", "S2MT10M")
    with pytest.raises(ValueError, match="not a code of the UN SDG database"):
        unsd.un_dimension("age", "99_100")


# --------------------------------------------------------------------------- M49 aggregates


def test_m49_table_covers_every_non_country_code():
    countries = {
        str(int(row["M49 Code"])) for row in read_csv(shared_file("groupings", "UNSD_M49_en.csv"))
    }
    assert len(countries) == 249
    used = set()
    for path in datapoint_files():
        used |= {row["geo_area"] for row in read_csv(path)}
    not_countries = used - countries
    assert len(used) == 259 and len(not_countries) == 30
    assert not_countries <= set(M49_AGGREGATES) | set(M49_OTHER_AREAS)
    assert not_countries - set(M49_AGGREGATES) == {"412"}  # Kosovo: an area, not an aggregate
    geo = unsd.read_ddf_geo(ddf_path("ddf--entities--geo_area.csv").read_bytes())
    all_not_countries = set(geo) - countries
    assert all_not_countries == set(M49_AGGREGATES) | set(M49_OTHER_AREAS)
    assert not set(M49_AGGREGATES) & set(M49_OTHER_AREAS)
    assert not set(M49_AGGREGATES) & countries
    for code, (name, _) in M49_AGGREGATES.items():
        assert " ".join(geo[code].split()) == name


def test_m49_groups():
    groups = {code: group for code, (_, group) in M49_AGGREGATES.items() if group}
    assert groups == {
        "1": "WORLD",
        "199": "LDC",
        "432": "LLDC",
        "722": "SIDS-M49",
        "514": "DEVELOPED",
        "515": "DEVELOPING",
    }
    assert aggregate_group("001") == "WORLD"
    assert aggregate_group("150") is None
    assert m49_aggregates.is_aggregate("0150") and not m49_aggregates.is_aggregate("404")
    assert m49_aggregates.m49_name("412") == "Kosovo"


# --------------------------------------------------------------------------- DDF problems

DDF_NAME = "ddf--datapoints--it_use_ii99--by--age--geo_area--nature--sex--units--year.csv"


def ddf(text, name=DDF_NAME, **kw):
    return unsd.read_ddf(text.encode(), name, **kw)


def test_ddf_collects_every_problem_with_file_and_line():
    parsed = ddf(
        "age,geo_area,nature,sex,units,year,it_use_ii99\n"
        "notspec,004,e,bothsex,percent,2017,13.5\n"
        "notspec,4,e,female,percent,2018,\n"
        "15,4,c,bothsex,percent,2019,n/a\n"
        "99_100,4,c,bothsex,percent,2019,12\n"
        "notspec,AFG,c,bothsex,percent,2019,12\n"
        "notspec,4,c,intersex,percent,20x9,12\n"
        "notspec,4,q,male,percent,2019,12\n"
        '15_24,404,c,male,percent,2019,"1,5"\n'
        "15_24,404,c,male,percent,2020,41.5\n"
    )
    assert [(r.area, r.year, r.value, r.dims, r.status) for r in parsed.records] == [
        ("4", 2017, 13.5, (("SEX", "_T"),), "estimated"),
        ("404", 2020, 41.5, (("AGE", "Y15T24"), ("SEX", "M")), "reported"),
    ]
    got = [(e.code, e.field, e.location) for e in parsed.errors]
    assert got == [
        ("invalid_value", "it_use_ii99", f"{DDF_NAME}:4"),
        ("invalid_dimension", "age", f"{DDF_NAME}:5"),
        ("invalid_area", "geo_area", f"{DDF_NAME}:6"),
        ("invalid_year", "year", f"{DDF_NAME}:7"),
        ("invalid_dimension", "sex", f"{DDF_NAME}:7"),
        ("invalid_nature", "nature", f"{DDF_NAME}:8"),
        ("invalid_value", "it_use_ii99", f"{DDF_NAME}:9"),
    ]
    assert "'n/a' is not a number" in parsed.errors[0].message
    assert "'1,5' is not a number" in parsed.errors[-1].message


def test_ddf_header_must_match_the_file_name():
    parsed = ddf(
        "age,geo_area,nature,sex,units,year,it_mob_own\nnotspec,4,c,bothsex,percent,2019,1\n"
    )
    assert [e.code for e in parsed.errors] == ["missing_column"]
    assert "it_use_ii99" in parsed.errors[0].message and parsed.records == []
    parsed = ddf("geo_area,nature,units,it_use_ii99\n4,c,percent,1\n", name="extract.csv")
    assert [e.field for e in parsed.errors] == ["year"]


def test_ddf_other_dimensions_units_and_frequency():
    keys = "age--freq--geo_area--location--nature--sex--type_of_speed--units--year"
    name = f"ddf--datapoints--it_net_bbndn--by--{keys}.csv"
    parsed = ddf(
        "age,freq,geo_area,location,nature,sex,type_of_speed,units,year,it_net_bbndn\n"
        "notspec,notspec,404,rural,c,notspec,anys,number,2021,1000\n"
        "notspec,q,404,notspec,c,notspec,anys,number,2021,1000\n"
        "notspec,notspec,404,notspec,m,notspec,10mbps,num_th,2021,7\n",
        name=name,
    )
    assert [(r.dims, r.status, r.note) for r in parsed.records] == [
        ((("SPEED", "_T"), ("URBANISATION", "R")), "reported", ""),
    ]
    assert [(e.code, e.location.rsplit(":", 1)[1]) for e in parsed.errors] == [
        ("invalid_dimension", "3"),
        ("mixed_units", "4"),
    ]
    assert "not annual" in parsed.errors[0].message
    assert "'number' and in 'thousands'" in parsed.errors[1].message


def test_ddf_not_utf8_is_one_error():
    parsed = unsd.read_ddf("geo_area,year,it_use_ii99\n4,2019,1\nÅ".encode("latin-1"), DDF_NAME)
    assert [e.code for e in parsed.errors] == ["encoding"]


# --------------------------------------------------------------------------- UN SDG API JSON


def api_item(
    area, name, year, value, *, sex="BOTHSEX", nature="E", footnotes=("ITU estimate.",), age=None
):
    dims = {"Sex": sex, "Reporting Type": "G"}
    if age:
        dims["Age"] = age
    return {
        "goal": ["17"],
        "target": ["17.8"],
        "indicator": ["17.8.1"],
        "series": "IT_USE_ii99",
        "seriesDescription": "Proportion of individuals using the Internet (%)",
        "seriesCount": "5085",
        "geoAreaCode": area,
        "geoAreaName": name,
        "timePeriodStart": float(year),
        "value": value,
        "valueType": "Float",
        "time_detail": None,
        "timeCoverage": None,
        "upperBound": None,
        "lowerBound": None,
        "basePeriod": None,
        "source": "ITU estimate." if nature == "E" else "ITU",
        "geoInfoUrl": None,
        "footnotes": list(footnotes),
        "attributes": {"Nature": nature, "Units": "PERCENT"},
        "dimensions": dims,
    }


API_PAGE = {
    "size": 8,
    "totalElements": 8,
    "totalPages": 1,
    "pageNumber": 1,
    "attributes": [],
    "dimensions": [],
    "data": [
        api_item("4", "Afghanistan", 2017, "13.5"),
        api_item("404", "Kenya", 2017, "17.83"),
        api_item("404", "Kenya", 2021, "28.76", footnotes=()),
        api_item("1", "World", 2022, "66.3", nature="N", footnotes=()),
        api_item(
            "199", "Least Developed Countries (LDCs)", 2022, "36.14", nature="N", footnotes=()
        ),
        api_item(
            "199",
            "Least Developed Countries (LDCs)",
            2022,
            "29.6",
            sex="FEMALE",
            nature="N",
            footnotes=(),
        ),
        api_item("8", "Albania", 2022, "82.6", sex="MALE", nature="C", footnotes=(), age="15+"),
        api_item("8", "Albania", 2023, "NaN", nature="C", footnotes=()),
    ],
}


def test_sdg_api_page():
    parsed = unsd.read_sdg_api_json(json.dumps(API_PAGE).encode(), "it_use_ii99.json")
    assert parsed.errors == []
    assert parsed.source == "UN SDG Global Database (API)"
    assert len(parsed.records) == 7  # NaN is no value
    assert parsed.records[0] == Record(
        indicator="IT_USE_II99",
        area="4",
        area_kind="m49",
        year=2017,
        value=13.5,
        dims=(("SEX", "_T"),),
        status="estimated",
        note="ITU estimate.",
        location="it_use_ii99.json:data[0]",
        area_name="Afghanistan",
    )
    ldc_f = parsed.records[5]
    assert (ldc_f.area, ldc_f.value, ldc_f.dims, ldc_f.status) == (
        "199",
        29.6,
        (("SEX", "F"),),
        "reported",
    )
    assert ldc_f.note.startswith("nature N")
    assert parsed.records[6].dims == (("AGE", "Y_GE15"), ("SEX", "M"))
    info = parsed.series["IT_USE_II99"]
    assert (info.name, info.unit, info.sdg_indicator) == (
        "Proportion of individuals using the Internet (%)",
        "%",
        "17.8.1",
    )


def test_sdg_api_problems():
    page = json.loads(json.dumps(API_PAGE))
    page["data"][0]["value"] = ">95"
    page["data"][1]["dimensions"]["Sex"] = "BOTH"
    page["data"][2]["dimensions"]["Location"] = "SUBURB"
    page["data"][3]["attributes"]["Nature"] = "Z"
    page["data"][4]["geoAreaCode"] = "LDC"
    page["data"][5]["timePeriodStart"] = 2022.5
    parsed = unsd.read_sdg_api_json(json.dumps(page).encode(), "p.json")
    assert [(e.code, e.field, e.location) for e in parsed.errors] == [
        ("invalid_value", "value", "p.json:data[0]"),
        ("invalid_dimension", "dimensions.Sex", "p.json:data[1]"),
        ("invalid_dimension", "dimensions.Location", "p.json:data[2]"),
        ("invalid_nature", "attributes.Nature", "p.json:data[3]"),
        ("invalid_area", "geoAreaCode", "p.json:data[4]"),
        ("invalid_year", "timePeriodStart", "p.json:data[5]"),
    ]
    assert len(parsed.records) == 1
    assert [e.code for e in unsd.read_sdg_api_json(b"{not json", "x.json").errors] == [
        "invalid_json"
    ]
    assert [e.code for e in unsd.read_sdg_api_json(b'{"message": "bad"}', "x.json").errors] == [
        "invalid_json"
    ]


def test_sdg_api_url():
    url = unsd.sdg_api_url("IT_USE_II99", page=2, page_size=500)
    assert url.startswith("https://unstats.un.org/sdgapi/v1/sdg/Series/Data?")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query == {"seriesCode": ["IT_USE_ii99"], "pageSize": ["500"], "page": ["2"]}
    assert "seriesCode=IT_NET_BBND&" in unsd.sdg_api_url("IT_NET_BBND")


class FakeResponse(io.BytesIO):
    pass


def test_fetch_sdg_api_follows_pages():
    first, second = json.loads(json.dumps(API_PAGE)), json.loads(json.dumps(API_PAGE))
    first.update(totalPages=2, pageNumber=1, data=API_PAGE["data"][:4])
    second.update(totalPages=2, pageNumber=2, data=API_PAGE["data"][4:])
    asked = []

    def opener(request, timeout=None):
        asked.append((request.full_url, timeout))
        page = int(urllib.parse.parse_qs(urllib.parse.urlsplit(request.full_url).query)["page"][0])
        return FakeResponse(json.dumps([first, second][page - 1]).encode())

    parsed = unsd.fetch_sdg_api("IT_USE_II99", opener=opener, page_size=4, timeout=5)
    assert parsed.errors == []
    assert [url for url, _ in asked] == [
        unsd.sdg_api_url("IT_USE_II99", page=p, page_size=4) for p in (1, 2)
    ]
    assert {t for _, t in asked} == {5}
    assert len(parsed.records) == 7
    assert parsed.records[4].location == "UN SDG API IT_USE_ii99 page 2:data[0]"
    assert parsed.series["IT_USE_II99"].unit == "%"


def test_fetch_sdg_api_network_failure_is_an_error_item():
    def opener(request, timeout=None):
        raise urllib.error.URLError("Name or service not known")

    parsed = unsd.fetch_sdg_api("IT_USE_II99", opener=opener)
    assert [e.code for e in parsed.errors] == ["fetch_failed"]
    assert "Name or service not known" in parsed.errors[0].message and parsed.records == []


# --------------------------------------------------------------------------- Open SDG


def test_open_sdg_national_file():
    text = (
        "Year,Sex,Age,Units,Value\n"
        "2020,,,Percentage,92.1\n"
        "2020,Female,,Percentage,91.5\n"
        "2020,Male,16-24,Percentage,99.4\n"
        "2020,Male,75+,Percentage,\n"
        '2021,,65 and over,Percentage,"88,2"\n'
    )
    parsed = unsd.read_open_sdg_csv(
        text.encode(), "indicator_17-8-1.csv", indicator="17-8-1", area="gbr"
    )
    assert [(r.area, r.area_kind, r.year, r.value, r.dims) for r in parsed.records] == [
        ("GBR", "iso3", 2020, 92.1, (("AGE", "_T"), ("SEX", "_T"))),
        ("GBR", "iso3", 2020, 91.5, (("AGE", "_T"), ("SEX", "F"))),
        ("GBR", "iso3", 2020, 99.4, (("AGE", "Y16T24"), ("SEX", "M"))),
    ]
    assert [(e.code, e.location) for e in parsed.errors] == [
        ("invalid_value", "indicator_17-8-1.csv:6")
    ]
    assert parsed.series["17-8-1"].unit == "Percentage"
    assert parsed.records[0].location == "indicator_17-8-1.csv:2"


def test_open_sdg_needs_an_area_without_geocode():
    parsed = unsd.read_open_sdg_csv(b"Year,Value\n2020,1\n", "x.csv", indicator="17-8-1")
    assert [(e.code, e.field) for e in parsed.errors] == [("invalid_option", "area")]


def test_open_sdg_geocode_series_status_and_other_breakdowns():
    text = (
        "Year,Series,Location,Region,GeoCode,Observation status,Unit multiplier,Value\n"
        "2021,IT_USE_ii99,Urban,,KEN,Estimated value,,40.1\n"
        "2021,IT_USE_ii99,Rural,Nairobi,404,Provisional,,22\n"
        "2021,Internet users (adults),,,,,Thousands,1.5\n"
        "2021,IT_USE_ii99,Suburban,,E12000001,,,3\n"
    )
    parsed = unsd.read_open_sdg_csv(text.encode(), "ken.csv", indicator="17-8-1", area="KEN")
    assert [
        (r.indicator, r.area, r.area_kind, r.value, r.dims, r.status, r.note)
        for r in parsed.records
    ] == [
        ("IT_USE_II99", "KEN", "iso3", 40.1, (("URBANISATION", "U"),), "estimated", ""),
        (
            "IT_USE_II99",
            "404",
            "m49",
            22.0,
            (("REGION", "NAIROBI"), ("URBANISATION", "R")),
            "reported",
            "observation status: Provisional",
        ),
        (
            "17-8-1:INTERNET_USERS_ADULTS",
            "KEN",
            "iso3",
            1500.0,
            (("URBANISATION", "_T"),),
            "reported",
            "",
        ),
    ]
    assert parsed.series["17-8-1:INTERNET_USERS_ADULTS"].name == "Internet users (adults)"
    assert [(e.code, e.field) for e in parsed.errors] == [
        ("invalid_area", "GeoCode"),
        ("invalid_dimension", "Location"),
    ]


def test_sniffers(real):
    path, _ = real["it_use_ii99"]
    head = path.read_bytes()[:512]
    assert unsd.sniff_ddf(path.name, head) and unsd.sniff_ddf("extract.csv", head)
    assert not unsd.sniff_ddf("extract.csv", b"Country Name,Country Code,Year,Value\n")
    assert unsd.sniff_sdg_api("page.json", json.dumps(API_PAGE).encode()[:200])
    assert not unsd.sniff_sdg_api("wb.json", b'[{"page":1,"pages":1}]')
    assert unsd.sniff_open_sdg("indicator_17-8-1.csv", b"Year,Sex,Units,Value\n2020,,%,1\n")
    assert not unsd.sniff_open_sdg("x.csv", b"Year,Value,Note\n")
