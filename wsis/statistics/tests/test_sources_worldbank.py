"""World Bank and Our World in Data adapters: the real sample files, hand-made edge cases, detection."""

import csv
import io
import json
from collections import Counter

import pycountry
import pytest

from wsis.statistics.known_aggregates import NON_ISO_WB_CODES, WB_AGGREGATES, WB_GROUP_EQUIVALENTS
from wsis.statistics.records import AREA_KINDS, Parsed, Record
from wsis.statistics.sources import ADAPTERS, Adapter, detect, owid, worldbank
from wsis.testing.support import shared_file

WIDE = "API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv"
META = "Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv"
OWID_FILE = "population-covered-by-mobile-network-by-network-capability.csv"
LONG_FILES = {  # file → (folder, code, records, areas, first year, last year, WLD 2023, KEN 2023)
    "WDI_IT.NET.BBND.P2_long.csv": ("ict_indicators/wb_wdi", "IT.NET.BBND.P2", 5319, 255, 1998, 2025,
                                    18.58, 2.38882511128724),
    "WDI_IT.CEL.SETS.P2_long.csv": ("ict_indicators/wb_wdi", "IT.CEL.SETS.P2", 13017, 261, 1960, 2025,
                                    109.8, 120.612416887959),
    "WDI_IT.MLT.MAIN.P2_long.csv": ("ict_indicators/wb_wdi", "IT.MLT.MAIN.P2", 14528, 260, 1960, 2025,
                                    10.6, 0.12258984861003),
    "WDI_SP.POP.TOTL_long.csv": ("population", "SP.POP.TOTL", 17394, 264, 1960, 2025,
                                 8_062_923_417, 55_339_003),
}
OUR_GROUPS = {"WORLD", "LDC", "LLDC", "SIDS", "DEVELOPED", "DEVELOPING", "WB-LIC", "WB-LMC", "WB-UMC", "WB-HIC",
              "AFR", "AMS", "ARB", "ASP", "CIS", "EUR"}


def wb_file(name: str):
    return shared_file("ict_indicators", "wb_wdi", name)


def by_key(parsed: Parsed) -> dict[tuple[str, str, int], Record]:
    return {(r.indicator, r.area, r.year): r for r in parsed.records}


def check_records(parsed: Parsed) -> None:
    """Every record keeps the contract of `wsis.statistics.records`."""
    for r in parsed.records:
        assert isinstance(r.value, float) and r.value == r.value and abs(r.value) != float("inf")
        assert isinstance(r.year, int) and r.area and r.area_kind in AREA_KINDS
        assert r.indicator in parsed.series and r.location


# --- real files ------------------------------------------------------------------------------------


def test_wide_bulk_file():
    path = wb_file(WIDE)
    parsed = worldbank.read_wdi_wide(path.read_bytes(), path.name)
    assert parsed.errors == []
    check_records(parsed)
    assert len(parsed.records) == 8320
    assert len({r.area for r in parsed.records}) == 261  # 266 rows; CHI, IMN, INX, MAF, SXM have no value
    assert (min(r.year for r in parsed.records), max(r.year for r in parsed.records)) == (1960, 2023)
    assert {r.area_kind for r in parsed.records} == {"wb"}
    info = parsed.series["IT.NET.USER.ZS"]
    assert (info.name, info.unit, info.source) == (
        "Individuals using the Internet (% of population)", "% of population", "World Bank WDI")
    values = by_key(parsed)
    world = values["IT.NET.USER.ZS", "WLD", 2023]
    assert (world.value, world.area_name, world.location) == (67.4, "World", f"{WIDE}:261")
    assert values["IT.NET.USER.ZS", "IND", 2020].value == 43.4054
    assert ("IT.NET.USER.ZS", "IND", 2021) not in values  # India's last value is 2020
    assert values["IT.NET.USER.ZS", "KEN", 2022].value == 40.8137
    # Economies (not aggregates) with a value, per year, as SOURCES.md counts them.
    per_year = Counter(r.year for r in parsed.records if r.area not in WB_AGGREGATES)
    assert {y: per_year[y] for y in (2000, 2010, 2019, 2020, 2021, 2022, 2023)} == {
        2000: 196, 2010: 201, 2019: 186, 2020: 192, 2021: 190, 2022: 183, 2023: 59}


@pytest.mark.parametrize("name", sorted(LONG_FILES))
def test_long_files(name):
    folder, code, n, areas, first, last, world_2023, kenya_2023 = LONG_FILES[name]
    path = shared_file(*folder.split("/"), name)
    assert worldbank.indicator_from_filename(path.name) == code
    parsed = worldbank.read_wdi_long(path.read_bytes(), path.name, indicator=code)
    assert parsed.errors == []
    check_records(parsed)
    assert len(parsed.records) == n
    assert len({r.area for r in parsed.records}) == areas
    assert (min(r.year for r in parsed.records), max(r.year for r in parsed.records)) == (first, last)
    values = by_key(parsed)
    assert values[code, "WLD", 2023].value == world_2023
    assert values[code, "WLD", 2023].area_name == "World"
    assert values[code, "KEN", 2023].value == kenya_2023
    assert values[code, "KEN", 2023].location.startswith(f"{name}:")

    info = worldbank.read_datapackage(path.with_name(name.replace("_long.csv", ".datapackage.json")).read_bytes())
    assert info.code == code and info.source == "World Bank WDI" and info.name


def test_long_files_detail():
    path = shared_file("population", "WDI_SP.POP.TOTL_long.csv")
    pop = worldbank.read_wdi_long(path.read_bytes(), path.name, indicator="SP.POP.TOTL")
    years = Counter(r.area for r in pop.records)
    # Complete 1960–2025 for every code, except West Bank and Gaza (from 1990).
    assert {a for a, n in years.items() if n != 66} == {"PSE"}
    assert min(r.year for r in pop.records if r.area == "PSE") == 1990
    assert by_key(pop)["SP.POP.TOTL", "XKX", 2023].area_name == "Kosovo"
    assert pop.series["SP.POP.TOTL"].source == "World Bank WDI"

    # In the ICT files, 2025 holds only World Bank aggregates (nowcasts).
    for name in ("WDI_IT.NET.BBND.P2_long.csv", "WDI_IT.CEL.SETS.P2_long.csv", "WDI_IT.MLT.MAIN.P2_long.csv"):
        path = wb_file(name)
        parsed = worldbank.read_wdi_long(path.read_bytes(), name, indicator=worldbank.indicator_from_filename(name))
        in_2025 = {r.area for r in parsed.records if r.year == 2025}
        assert len(in_2025) == 32 and in_2025 <= set(WB_AGGREGATES)
    per_year = Counter(r.year for r in parsed.records)  # the fixed-telephone file
    assert (per_year[2022], per_year[2023], per_year[2024]) == (257, 197, 178)


def test_datapackages():
    path = wb_file("WDI_IT.NET.BBND.P2.datapackage.json")
    info = worldbank.read_datapackage(path.read_bytes())
    assert (info.code, info.name, info.unit) == (
        "IT.NET.BBND.P2", "Fixed broadband subscriptions (per 100 people)", "per 100 people")
    pop = worldbank.read_datapackage(shared_file("population", "WDI_SP.POP.TOTL.datapackage.json").read_bytes())
    assert (pop.code, pop.name, pop.unit) == ("SP.POP.TOTL", "Population, total", "")
    assert worldbank.read_datapackage(b'{"title": "X (USD)", "unit": "current US$", "name": "ny.gdp"}').unit == (
        "current US$")
    assert worldbank.read_datapackage(b"not json") is None
    assert worldbank.read_datapackage(b"[1, 2]") is None
    assert worldbank.read_datapackage(b"{}") is None


def test_owid_file():
    path = shared_file("ict_indicators", "owid", OWID_FILE)
    parsed = owid.read_grapher_csv(path.read_bytes(), path.name)
    assert parsed.errors == []
    check_records(parsed)
    assert len(parsed.records) == 8146
    assert set(parsed.series) == {"_9_c_1__it_mob_4gntwk", "_9_c_1__it_mob_3gntwk", "_9_c_1__it_mob_2gntwk"}
    counts = {}
    for code in parsed.series:
        rows = [r for r in parsed.records if r.indicator == code]
        counts[code] = (len(rows), len({(r.area_kind, r.area) for r in rows}), min(r.year for r in rows),
                        max(r.year for r in rows), sum(r.area_kind == "name" for r in rows))
    assert counts == {
        "_9_c_1__it_mob_4gntwk": (1978, 233, 2012, 2023, 135),
        "_9_c_1__it_mob_3gntwk": (2582, 237, 2007, 2023, 140),
        "_9_c_1__it_mob_2gntwk": (3586, 229, 2000, 2023, 140),
    }
    areas = {(r.area_kind, r.area) for r in parsed.records}
    assert len(areas) == 241
    names = {a for kind, a in areas if kind == "name"}
    assert len(names) == 15 and {"World", "Asia (UN)", "Small Island Developing States (SIDS)"} <= names
    assert max(r.year for r in parsed.records if r.area_kind == "iso3") == 2022  # regions only in 2023
    values = by_key(parsed)
    assert values["_9_c_1__it_mob_4gntwk", "World", 2023].value == 90.1  # Code OWID_WRL
    assert values["_9_c_1__it_mob_4gntwk", "KEN", 2022].value == 97.0
    assert values["_9_c_1__it_mob_2gntwk", "AFG", 2014].location == f"{OWID_FILE}:2"


# --- the table of World Bank aggregates -----------------------------------------------------------


def _all_wb_codes() -> dict[str, dict[str, str]]:
    """Code → name, per file, in every real World Bank file."""
    files = {}
    path = wb_file(WIDE)
    files[WIDE] = {r.area: r.area_name for r in worldbank.read_wdi_wide(path.read_bytes(), WIDE).records}
    with path.open(encoding="utf-8-sig", newline="") as f:
        files[WIDE] |= {row["Country Code"]: row["Country Name"] for row in csv.DictReader(f)}
    for name, (folder, code, *_rest) in LONG_FILES.items():
        path = shared_file(*folder.split("/"), name)
        files[name] = {r.area: r.area_name for r in
                       worldbank.read_wdi_long(path.read_bytes(), name, indicator=code).records}
    return files


def test_every_wb_aggregate_is_known():
    with wb_file(META).open(encoding="utf-8-sig", newline="") as f:
        meta = {row["Country Code"]: row for row in csv.DictReader(f)}
    aggregates = {code for code, row in meta.items() if not row["Region"]}
    assert len(aggregates) == 48
    assert aggregates <= set(WB_AGGREGATES)
    economies = set(meta) - aggregates
    assert not economies & set(WB_AGGREGATES)
    assert set(NON_ISO_WB_CODES) <= economies  # the Bank lists both as economies

    # Every code in every file is an ISO 3166 alpha-3 economy, a known non-ISO one, or a known aggregate.
    files = _all_wb_codes()
    codes = set().union(*files.values())
    assert codes - set(meta) == {"INX"}  # "Not classified" is in the wide file but not in its metadata
    iso = {c.alpha_3 for c in pycountry.countries}
    assert codes - iso - set(NON_ISO_WB_CODES) == set(WB_AGGREGATES)  # all 49 are used, none is missing
    assert not set(WB_AGGREGATES) & iso

    # The typed names are the Bank's, as in the newest file that has the code.
    newest = files["WDI_SP.POP.TOTL_long.csv"]
    for code, (name, _group) in WB_AGGREGATES.items():
        assert name == newest.get(code, files[WIDE][code]), code


def test_aggregates_map_only_to_true_equivalents():
    assert WB_GROUP_EQUIVALENTS == {"WLD": "WORLD", "LDC": "LDC", "LIC": "WB-LIC", "LMC": "WB-LMC",
                                    "UMC": "WB-UMC", "HIC": "WB-HIC"}
    assert {group for _name, group in WB_AGGREGATES.values() if group} <= OUR_GROUPS
    # Look-alikes that must stay unmapped.
    for code in ("ARB", "SST", "PSS", "CSS", "OSS", "EUU", "ECS", "MIC", "LMY", "INX"):
        assert WB_AGGREGATES[code][1] is None, code
    income = {"LIC", "LMC", "UMC", "HIC"}
    for code, group in WB_GROUP_EQUIVALENTS.items():
        assert group.startswith("WB-") == (code in income), code
    assert set(NON_ISO_WB_CODES) == {"XKX", "CHI"} and not set(NON_ISO_WB_CODES) & set(WB_AGGREGATES)


# --- hand-made files: wide -------------------------------------------------------------------------

YEARS = ",".join(f'"{y}"' for y in range(2019, 2024))
PREAMBLE = '"Data Source","World Development Indicators",\r\n\r\n"Last Updated Date","2024-10-24",\r\n\r\n'
WIDE_BODY = (
    f'"Country Name","Country Code","Indicator Name","Indicator Code",{YEARS},\r\n'
    '"Kenya","KEN","Individuals using the Internet (% of population)","IT.NET.USER.ZS","","29.5","33","40.8","",\r\n'
    '"World","WLD","Individuals using the Internet (% of population)","IT.NET.USER.ZS","56.7","","","","67.4",\r\n'
    '"Kenya","KEN","Population, total","SP.POP.TOTL","51985780","","","","55339003",\r\n'
)


@pytest.mark.parametrize("prefix", ["", "\ufeff", PREAMBLE, "\ufeff" + PREAMBLE])
def test_wide_preamble_bom_trailing_column(prefix):
    parsed = worldbank.read_wdi_wide((prefix + WIDE_BODY).encode(), "wdi.csv")
    assert parsed.errors == []
    values = {(r.indicator, r.area, r.year): r.value for r in parsed.records}
    assert values == {
        ("IT.NET.USER.ZS", "KEN", 2020): 29.5, ("IT.NET.USER.ZS", "KEN", 2021): 33.0,
        ("IT.NET.USER.ZS", "KEN", 2022): 40.8, ("IT.NET.USER.ZS", "WLD", 2019): 56.7,
        ("IT.NET.USER.ZS", "WLD", 2023): 67.4, ("SP.POP.TOTL", "KEN", 2019): 51985780.0,
        ("SP.POP.TOTL", "KEN", 2023): 55339003.0,
    }
    assert set(parsed.series) == {"IT.NET.USER.ZS", "SP.POP.TOTL"}
    assert parsed.series["SP.POP.TOTL"].name == "Population, total"
    offset = prefix.count("\n")
    assert {r.location for r in parsed.records if r.area == "WLD"} == {f"wdi.csv:{3 + offset}"}


def test_wide_errors_are_all_collected():
    body = (f"Country Name,Country Code,Indicator Name,Indicator Code,{YEARS.replace(chr(34), '')}\n"
            "Kenya,KEN,Internet,IT.NET.USER.ZS,1,n/a,3,..,5\n"
            "Chad,TCD,Internet,IT.NET.USER.ZS,inf,2,x,,\n"
            ",,,,\n"
            "Nowhere,,Internet,IT.NET.USER.ZS,1,,,,\n")
    parsed = worldbank.read_wdi_wide(body.encode(), "wdi.csv")
    got = [(e.code, e.field, e.location) for e in parsed.errors]
    assert got == [("invalid_value", "2020", "wdi.csv:2"), ("invalid_value", "2019", "wdi.csv:3"),
                   ("invalid_value", "2021", "wdi.csv:3"), ("missing_code", "Country Code", "wdi.csv:5")]
    assert "'n/a'" in parsed.errors[0].message
    # Everything else is read; ".." (the Bank's "no data") and blanks are absent values.
    assert sorted((r.area, r.year) for r in parsed.records) == [
        ("KEN", 2019), ("KEN", 2021), ("KEN", 2023), ("TCD", 2020)]


def test_wide_bad_files():
    assert [e.code for e in worldbank.read_wdi_wide(b"a,b,c\n1,2,3\n", "x.csv").errors] == ["missing_column"]
    assert [e.code for e in worldbank.read_wdi_wide(b"", "x.csv").errors] == ["empty"]
    latin1 = "Country Name,Country Code,Indicator Name,Indicator Code,2020\nCôte,CIV,I,X.Y,1\n".encode("latin-1")
    errors = worldbank.read_wdi_wide(latin1, "x.csv").errors
    assert [(e.code, e.location) for e in errors] == [("encoding", "x.csv")]
    no_years = worldbank.read_wdi_wide(b"Country Name,Country Code,Indicator Name,Indicator Code\n", "x.csv")
    assert [(e.code, e.location) for e in no_years.errors] == [("missing_column", "x.csv:1")]


# --- hand-made files: long -------------------------------------------------------------------------


def test_long_errors_and_blanks():
    body = ("\ufeffCountry Name,Country Code,Year,Value\r\n"
            "Kenya,KEN,2022,40.8\r\n"
            "Kenya,KEN,2023,\r\n"
            '"Korea, Rep.",KOR,2023,abc\r\n'
            "World,WLD,year,1\r\n"
            "World,WLD,2024,nan\r\n"
            "World,WLD,2023,1e2\r\n")
    parsed = worldbank.read_wdi_long(body.encode(), "data.csv", indicator="IT.NET.USER.ZS")
    assert [(e.code, e.field, e.location) for e in parsed.errors] == [
        ("invalid_value", "Value", "data.csv:4"), ("invalid_year", "Year", "data.csv:5"),
        ("invalid_value", "Value", "data.csv:6")]
    assert parsed.records == [
        Record("IT.NET.USER.ZS", "KEN", "wb", 2022, 40.8, location="data.csv:2", area_name="Kenya"),
        Record("IT.NET.USER.ZS", "WLD", "wb", 2023, 100.0, location="data.csv:7", area_name="World"),
    ]
    assert parsed.series["IT.NET.USER.ZS"].source == "World Bank WDI"


def test_long_needs_indicator_and_columns():
    body = b"Country Name,Country Code,Year,Value\nKenya,KEN,2022,1\n"
    missing = worldbank.read_wdi_long(body, "data.csv", indicator=" ")
    assert [(e.code, e.field) for e in missing.errors] == [("missing_indicator", "indicator")]
    with pytest.raises(TypeError):
        worldbank.read_wdi_long(body, "data.csv")  # the keyword is required
    wrong = worldbank.read_wdi_long(b"Country,Code,Year,Value\n", "data.csv", indicator="X.Y")
    assert [(e.field, e.location) for e in wrong.errors] == [("Country Name", "data.csv:1"),
                                                              ("Country Code", "data.csv:1")]


def test_long_large_synthetic_file():
    rows = ["Country Name,Country Code,Year,Value"]
    rows += [f"Economy {i % 250},E{i % 250:02d},{1900 + (i // 250) % 201},{i / 7}" for i in range(200_000)]
    parsed = worldbank.read_wdi_long("\n".join(rows).encode(), "big.csv", indicator="X.Y")
    assert parsed.errors == [] and len(parsed.records) == 200_000
    assert parsed.records[-1].location == "big.csv:200001" and parsed.records[-1].year == 1900 + (199_999 // 250) % 201


@pytest.mark.parametrize(("name", "code"), [
    ("WDI_IT.NET.BBND.P2_long.csv", "IT.NET.BBND.P2"),
    ("WDI_SP.POP.TOTL.datapackage.json", "SP.POP.TOTL"),
    ("wdi_it.cel.sets.p2_long.csv", "IT.CEL.SETS.P2"),
    ("/tmp/x/WDI_IT.MLT.MAIN.P2_long.csv", "IT.MLT.MAIN.P2"),
    ("API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv", "IT.NET.USER.ZS"),
    ("IT.NET.BBND.P2.csv", "IT.NET.BBND.P2"),
    ("indicators/it.net.bbnd.p2/data.csv", "IT.NET.BBND.P2"),
    ("data.csv", None),
    ("population.csv", None),
    ("Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv", None),
])
def test_indicator_from_filename(name, code):
    assert worldbank.indicator_from_filename(name) == code


# --- API v2 JSON -----------------------------------------------------------------------------------


def obs(iso3, cid, name, date, value, status="", indicator="IT.NET.USER.ZS"):
    return {"indicator": {"id": indicator, "value": "Individuals using the Internet (% of population)"},
            "country": {"id": cid, "value": name}, "countryiso3code": iso3, "date": date, "value": value,
            "unit": "", "obs_status": status, "decimal": 1}


def page(n, pages, rows, total=None):
    meta = {"page": n, "pages": pages, "per_page": 2, "total": total or len(rows), "sourceid": "2",
            "lastupdated": "2024-10-24"}
    return json.dumps([meta, rows]).encode()


API_ERROR = json.dumps([{"message": [{"id": "120", "key": "Invalid value",
                                      "value": "The provided parameter value is not valid"}]}]).encode()


def test_api_json_page():
    body = page(1, 1, [
        obs("KEN", "KE", "Kenya", "2022", 48.7),
        obs("WLD", "1W", "World", "2023", 67.4, status="E"),
        obs("", "XY", "Not classified", "2022", 12),
        obs("AFE", "ZH", "Africa Eastern and Southern", "2023", None),
        obs("KEN", "KE", "Kenya", "2021", "x"),
        obs("KEN", "KE", "Kenya", "2021Q1", 3),
        obs("KEN", "KE", "Kenya", "2020", 1.5, status="F"),
    ])
    parsed = worldbank.read_api_json(body, "wb.json")
    assert parsed.records == [
        Record("IT.NET.USER.ZS", "KEN", "wb", 2022, 48.7, location="wb.json:item 1", area_name="Kenya"),
        Record("IT.NET.USER.ZS", "WLD", "wb", 2023, 67.4, status="estimated", location="wb.json:item 2",
               area_name="World"),
        Record("IT.NET.USER.ZS", "XY", "wb", 2022, 12.0, location="wb.json:item 3", area_name="Not classified"),
        Record("IT.NET.USER.ZS", "KEN", "wb", 2020, 1.5, note="obs_status F", location="wb.json:item 7",
               area_name="Kenya"),
    ]
    assert [(e.code, e.field, e.location) for e in parsed.errors] == [
        ("invalid_value", "value", "wb.json:item 5"), ("invalid_year", "date", "wb.json:item 6")]
    info = parsed.series["IT.NET.USER.ZS"]
    assert (info.name, info.unit, info.source) == (
        "Individuals using the Internet (% of population)", "% of population", "World Bank WDI")
    assert isinstance(parsed.records[2].value, float)


def test_api_json_errors_and_empty_answer():
    parsed = worldbank.read_api_json(API_ERROR, "wb.json")
    assert len(parsed.errors) == 1 and parsed.records == []
    error = parsed.errors[0]
    assert (error.code, error.location) == ("api_error", "wb.json")
    assert "Invalid value: The provided parameter value is not valid" in error.message and "120" in error.message
    assert [e.code for e in worldbank.read_api_json(b"<html>", "wb.json").errors] == ["invalid_json"]
    assert [e.code for e in worldbank.read_api_json(b'{"a": 1}', "wb.json").errors] == ["invalid_json"]
    empty = worldbank.read_api_json(b'[{"page": 0, "pages": 0, "per_page": 50, "total": 0}, null]', "wb.json")
    assert empty.errors == [] and empty.records == []


class FakeOpener:
    """Stands in for urllib.request.urlopen: answers recorded bodies by page number."""

    def __init__(self, bodies):
        self.bodies, self.urls = bodies, []

    def __call__(self, url, timeout=None):
        self.urls.append(url)
        n = int(url.rsplit("page=", 1)[1])
        return io.BytesIO(self.bodies[n - 1])


def test_api_url():
    assert worldbank.api_url("IT.NET.USER.ZS") == (
        "https://api.worldbank.org/v2/country/all/indicator/IT.NET.USER.ZS"
        "?format=json&per_page=20000&date=2000:2025&page=1")
    assert worldbank.api_url("SP.POP.TOTL", date="2023", per_page=50, page=3).endswith(
        "SP.POP.TOTL?format=json&per_page=50&date=2023&page=3")


def test_fetch_api_one_and_two_pages():
    one = FakeOpener([page(1, 1, [obs("KEN", "KE", "Kenya", "2022", 48.7)])])
    assert worldbank.fetch_api("IT.NET.USER.ZS", opener=one) == one.bodies
    assert one.urls == [worldbank.api_url("IT.NET.USER.ZS")]

    two = FakeOpener([page(1, 2, [obs("KEN", "KE", "Kenya", "2022", 48.7), obs("WLD", "1W", "World", "2022", 66)],
                           total=3),
                      page(2, 2, [obs("TCD", "TD", "Chad", "2022", "bad")], total=3)])
    bodies = worldbank.fetch_api("IT.NET.USER.ZS", opener=two, date="2022", per_page=2)
    assert bodies == two.bodies
    assert two.urls == [worldbank.api_url("IT.NET.USER.ZS", date="2022", per_page=2, page=n) for n in (1, 2)]
    parsed = worldbank.read_api_pages(bodies, "IT.NET.USER.ZS.json")
    assert [(r.area, r.location) for r in parsed.records] == [
        ("KEN", "IT.NET.USER.ZS.json page 1:item 1"), ("WLD", "IT.NET.USER.ZS.json page 1:item 2")]
    assert [(e.code, e.location) for e in parsed.errors] == [("invalid_value", "IT.NET.USER.ZS.json page 2:item 1")]
    assert list(parsed.series) == ["IT.NET.USER.ZS"]

    failing = FakeOpener([API_ERROR])
    assert worldbank.fetch_api("NOPE", opener=failing) == [API_ERROR] and len(failing.urls) == 1


# --- Our World in Data, hand-made --------------------------------------------------------------------


def test_owid_columns_codes_and_errors():
    body = ("Entity,Code,Year,share_4g,share_3g\n"
            "World,OWID_WRL,2023,90.1,95\n"
            "Asia (UN),,2022,,88.5\n"
            "Kosovo,OWID_KOS,2021,70,\n"
            "Kenya,KEN,2022,97,oops\n"
            "Kenya,KEN,twenty,1,\n")
    parsed = owid.read_grapher_csv(body.encode(), "owid.csv", columns={"share_4g": "IT_MOB_4GNTWK"})
    assert sorted(parsed.series) == ["IT_MOB_4GNTWK", "share_3g"]
    assert parsed.series["IT_MOB_4GNTWK"].name == "share_4g"
    assert {(r.indicator, r.area_kind, r.area, r.year): r.value for r in parsed.records} == {
        ("IT_MOB_4GNTWK", "name", "World", 2023): 90.1, ("share_3g", "name", "World", 2023): 95.0,
        ("share_3g", "name", "Asia (UN)", 2022): 88.5, ("IT_MOB_4GNTWK", "name", "Kosovo", 2021): 70.0,
        ("IT_MOB_4GNTWK", "iso3", "KEN", 2022): 97.0,
    }
    assert [(e.code, e.field, e.location) for e in parsed.errors] == [
        ("invalid_value", "share_3g", "owid.csv:5"), ("invalid_year", "Year", "owid.csv:6")]

    unknown = owid.read_grapher_csv(body.encode(), "owid.csv", columns={"share_5g": "X"})
    assert [(e.code, e.field) for e in unknown.errors][0] == ("missing_column", "share_5g")
    assert [e.code for e in owid.read_grapher_csv(b"Country,Year,x\n", "o.csv").errors] == ["missing_column"]


# --- registry and detection -----------------------------------------------------------------------


def test_registry():
    assert {"wb-wide", "wb-long", "wb-api-json", "owid"} <= set(ADAPTERS)
    assert all(isinstance(a, Adapter) and a.name == key and a.label for key, a in ADAPTERS.items())
    assert ADAPTERS["wb-long"].needs == ("indicator",)
    assert ADAPTERS["wb-wide"].needs == ADAPTERS["wb-api-json"].needs == ADAPTERS["owid"].needs == ()
    assert ADAPTERS["owid"].reader is owid.read_grapher_csv
    parsed = ADAPTERS["wb-long"].read(b"Country Name,Country Code,Year,Value\nKenya,KEN,2022,1\n", "d.csv",
                                      indicator="X.Y")
    assert len(parsed.records) == 1


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("wdi.csv", WIDE_BODY.encode(), "wb-wide"),
    ("wdi.csv", ("\ufeff" + PREAMBLE + WIDE_BODY).encode(), "wb-wide"),
    ("data.csv", b"Country Name,Country Code,Year,Value\nAruba,ABW,1960,54922\n", "wb-long"),
    ("data.csv", "\ufeffCountry Name,Country Code,Year,Value".encode(), "wb-long"),
    ("wb.json", page(1, 1, [obs("KEN", "KE", "Kenya", "2022", 48.7)]), "wb-api-json"),
    ("wb.json", b'[\n  {\n    "page": 1, "pages": 3', "wb-api-json"),
    ("wb.json", API_ERROR, "wb-api-json"),
    ("owid.csv", b"Entity,Code,Year,_9_c_1__it_mob_4gntwk\nAfghanistan,AFG,2014,0\n", "owid"),
    ("x.datapackage.json", b'{"title": "Population, total"}', None),
    ("meta.csv", b"Country Code,Region,IncomeGroup,SpecialNotes,TableName\n", None),
    ("empty.csv", b"", None),
    ("wdi.xlsx", b"PK\x03\x04", None),
])
def test_detect(name, head, expected):
    assert detect(name, head) == expected


def test_detect_real_files():
    assert detect(WIDE, wb_file(WIDE).read_bytes()[:4096]) == "wb-wide"
    assert detect("x.csv", wb_file("WDI_IT.NET.BBND.P2_long.csv").read_bytes()[:4096]) == "wb-long"
    assert detect(OWID_FILE, shared_file("ict_indicators", "owid", OWID_FILE).read_bytes()[:4096]) == "owid"
    assert detect(META, wb_file(META).read_bytes()[:4096]) is None
