"""SDMX data messages (SDMX-ML, SDMX-JSON, SDMX-CSV) and tidy CSV/XLSX tables."""

import io
import json

import pytest
from openpyxl import Workbook

from wsis.statistics.records import Record
from wsis.statistics.sources import sdmx_source, tidy
from wsis.statistics.sources.sdmx_source import read_sdmx
from wsis.statistics.sources.tidy import parse_mapping, read_tidy

# --------------------------------------------------------------------------- SDMX-ML

GENERIC = """<?xml version="1.0" encoding="UTF-8"?>
<message:GenericData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
    xmlns:generic="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic"
    xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
  <message:Header>
    <message:ID>SDG_IT_2023</message:ID>
    <message:Test>false</message:Test>
    <message:Prepared>2023-12-15T09:30:00</message:Prepared>
    <message:Sender id="UNSD"/>
    <message:Structure structureID="UNSD_SDG_1_0" dimensionAtObservation="TIME_PERIOD">
      <common:Structure><Ref agencyID="UNSD" id="SDG" version="1.0"/></common:Structure>
    </message:Structure>
  </message:Header>
  <message:DataSet structureRef="UNSD_SDG_1_0">
    <generic:Series>
      <generic:SeriesKey>
        <generic:Value id="FREQ" value="A"/>
        <generic:Value id="REPORTING_TYPE" value="G"/>
        <generic:Value id="SERIES" value="IT_USE_ii99"/>
        <generic:Value id="REF_AREA" value="404"/>
        <generic:Value id="SEX" value="_T"/>
        <generic:Value id="AGE" value="_T"/>
        <generic:Value id="URBANISATION" value="_T"/>
        <generic:Value id="INCOME_WEALTH_QUANTILE" value="_Z"/>
        <generic:Value id="EDUCATION_LEV" value="_T"/>
        <generic:Value id="UNIT_MEASURE" value="PT"/>
      </generic:SeriesKey>
      <generic:Attributes><generic:Value id="UNIT_MULT" value="0"/></generic:Attributes>
      <generic:Obs>
        <generic:ObsDimension value="2017"/>
        <generic:ObsValue value="17.83"/>
        <generic:Attributes><generic:Value id="NATURE" value="E"/></generic:Attributes>
      </generic:Obs>
      <generic:Obs>
        <generic:ObsDimension value="2021"/>
        <generic:ObsValue value="28.76"/>
        <generic:Attributes>
          <generic:Value id="OBS_STATUS" value="P"/>
          <generic:Value id="COMMENT_OBS" value="ITU estimate."/>
        </generic:Attributes>
      </generic:Obs>
      <generic:Obs>
        <generic:ObsDimension value="2022"/>
        <generic:ObsValue value="NaN"/>
      </generic:Obs>
    </generic:Series>
    <generic:Series>
      <generic:SeriesKey>
        <generic:Value id="FREQ" value="A"/>
        <generic:Value id="REPORTING_TYPE" value="G"/>
        <generic:Value id="SERIES" value="IT_USE_ii99"/>
        <generic:Value id="REF_AREA" value="1"/>
        <generic:Value id="SEX" value="F"/>
        <generic:Value id="AGE" value="Y15T24"/>
        <generic:Value id="URBANISATION" value="U"/>
        <generic:Value id="INCOME_WEALTH_QUANTILE" value="Q1"/>
        <generic:Value id="EDUCATION_LEV" value="_T"/>
        <generic:Value id="UNIT_MEASURE" value="PT"/>
      </generic:SeriesKey>
      <generic:Obs>
        <generic:ObsDimension value="2022"/>
        <generic:ObsValue value="63.4"/>
        <generic:Attributes><generic:Value id="NATURE" value="N"/></generic:Attributes>
      </generic:Obs>
    </generic:Series>
    <generic:Series>
      <generic:SeriesKey>
        <generic:Value id="FREQ" value="A"/>
        <generic:Value id="REPORTING_TYPE" value="G"/>
        <generic:Value id="SERIES" value="IT_NET_BBNDN"/>
        <generic:Value id="REF_AREA" value="404"/>
        <generic:Value id="TYPE_OF_SPEED" value="10MBPS"/>
        <generic:Value id="UNIT_MEASURE" value="NUMBER"/>
      </generic:SeriesKey>
      <generic:Attributes><generic:Value id="UNIT_MULT" value="3"/></generic:Attributes>
      <generic:Obs>
        <generic:ObsDimension value="2021"/>
        <generic:ObsValue value="383.2"/>
        <generic:Attributes><generic:Value id="OBS_STATUS" value="A"/></generic:Attributes>
      </generic:Obs>
    </generic:Series>
  </message:DataSet>
</message:GenericData>
"""


def test_sdmx_ml_generic():
    parsed = read_sdmx(GENERIC.encode(), "sdg_it.xml", area_kind="m49")
    assert parsed.errors == []
    assert parsed.source == "SDMX data from UNSD"
    assert parsed.records == [
        Record(
            "IT_USE_II99",
            "404",
            "m49",
            2017,
            17.83,
            (("AGE", "_T"), ("SEX", "_T"), ("URBANISATION", "_T")),
            "estimated",
            "",
            "sdg_it.xml:observation 1",
        ),
        Record(
            "IT_USE_II99",
            "404",
            "m49",
            2021,
            28.76,
            (("AGE", "_T"), ("SEX", "_T"), ("URBANISATION", "_T")),
            "reported",
            "OBS_STATUS P (provisional); ITU estimate.",
            "sdg_it.xml:observation 2",
        ),
        Record(
            "IT_USE_II99",
            "1",
            "m49",
            2022,
            63.4,
            (
                ("AGE", "Y15T24"),
                ("INCOME_WEALTH_QUANTILE", "Q1"),
                ("SEX", "F"),
                ("URBANISATION", "U"),
            ),
            "reported",
            "nature N: non-relevant (an aggregate)",
            "sdg_it.xml:observation 4",
        ),
        Record(
            "IT_NET_BBNDN",
            "404",
            "m49",
            2021,
            383200.0,
            (("SPEED", "S_GE10M"),),
            "reported",
            "",
            "sdg_it.xml:observation 5",
        ),
    ]
    assert {c: s.unit for c, s in parsed.series.items()} == {
        "IT_USE_II99": "%",
        "IT_NET_BBNDN": "number",
    }
    assert parsed.series["IT_USE_II99"].source == "UNSD"


STRUCTURE_SPECIFIC = """<?xml version="1.0" encoding="UTF-8"?>
<message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
    xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
    xmlns:ns1="urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=ITU:ICT(1.0):ObsLevelDim:TIME_PERIOD"
    xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <message:Header>
    <message:ID>ICT</message:ID><message:Test>false</message:Test>
    <message:Prepared>2024-06-01T00:00:00</message:Prepared><message:Sender id="ITU"/>
    <message:Structure structureID="ITU_ICT_1_0" dimensionAtObservation="TIME_PERIOD"
        namespace="urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=ITU:ICT(1.0):ObsLevelDim:TIME_PERIOD">
      <common:Structure><Ref agencyID="ITU" id="ICT" version="1.0"/></common:Structure>
    </message:Structure>
  </message:Header>
  <message:DataSet ss:structureRef="ITU_ICT_1_0" xsi:type="ns1:DataSetType">
    <Series FREQ="A" REF_AREA="KEN" INDICATOR="i99H" SEX="F">
      <Obs TIME_PERIOD="2022" OBS_VALUE="35.1" OBS_STATUS="E"/>
      <Obs TIME_PERIOD="2023-Q1" OBS_VALUE="36"/>
    </Series>
  </message:DataSet>
</message:StructureSpecificData>
"""


def test_sdmx_ml_structure_specific_without_structure():
    parsed = read_sdmx(STRUCTURE_SPECIFIC.encode(), "ict.xml")
    assert parsed.records == [
        Record(
            "i99H",
            "KEN",
            "iso3",
            2022,
            35.1,
            (("SEX", "F"),),
            "estimated",
            "",
            "ict.xml:observation 1",
        )
    ]
    assert [(e.code, e.field, e.location) for e in parsed.errors] == [
        ("invalid_period", "TIME_PERIOD", "ict.xml:observation 2")
    ]


def test_malformed_and_unsafe_xml_are_error_items():
    broken = GENERIC.replace("</generic:SeriesKey>", "</generic:Series>", 1).encode()
    parsed = read_sdmx(broken, "broken.xml")
    assert [e.code for e in parsed.errors] == ["malformed_xml"] and parsed.records == []
    assert parsed.errors[0].location == "broken.xml:27"  # where the mismatched end tag is
    assert "broken.xml is not well-formed XML" in parsed.errors[0].message
    bomb = b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><m>&a;</m>'
    assert [e.code for e in read_sdmx(bomb, "bomb.xml").errors] == ["malformed_xml"]
    other = read_sdmx(b'<?xml version="1.0"?><html><body>Not found</body></html>', "page.xml")
    assert [e.code for e in other.errors] == ["invalid_sdmx"]
    assert "page.xml" in other.errors[0].message


# --------------------------------------------------------------------------- SDMX-JSON and SDMX-CSV

SDMX_JSON = {
    "header": {"id": "IREF1", "prepared": "2024-01-01T00:00:00", "sender": {"id": "ITU"}},
    "dataSets": [
        {
            "action": "Information",
            "series": {
                "0:0:0": {"attributes": [], "observations": {"0": [26.1, 0], "1": [29.0, None]}},
                "0:1:0": {"attributes": [], "observations": {"0": [30.5, 1]}},
            },
        }
    ],
    "structure": {
        "dimensions": {
            "series": [
                {
                    "id": "REF_AREA",
                    "name": "Reference area",
                    "values": [{"id": "KEN", "name": "Kenya"}],
                },
                {
                    "id": "SEX",
                    "name": "Sex",
                    "values": [{"id": "F", "name": "Female"}, {"id": "M", "name": "Male"}],
                },
                {"id": "INDICATOR", "name": "Indicator", "values": [{"id": "IT_USE_II99"}]},
            ],
            "observation": [
                {"id": "TIME_PERIOD", "name": "Time", "values": [{"id": "2021"}, {"id": "2022"}]}
            ],
        },
        "attributes": {
            "dataSet": [],
            "series": [],
            "observation": [
                {
                    "id": "OBS_STATUS",
                    "name": "Observation status",
                    "values": [{"id": "E"}, {"id": "A"}],
                }
            ],
        },
    },
}


def test_sdmx_json():
    parsed = read_sdmx(json.dumps(SDMX_JSON).encode(), "ken.json")
    assert parsed.errors == []
    assert [(r.indicator, r.area, r.year, r.value, r.dims, r.status) for r in parsed.records] == [
        ("IT_USE_II99", "KEN", 2021, 26.1, (("SEX", "F"),), "estimated"),
        ("IT_USE_II99", "KEN", 2022, 29.0, (("SEX", "F"),), "reported"),
        ("IT_USE_II99", "KEN", 2021, 30.5, (("SEX", "M"),), "reported"),
    ]


SDMX_CSV_1 = """DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,SEX,AGE,URBANISATION,UNIT_MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,NATURE,UNIT_MULT,COMMENT_OBS
UNSD:DF_SDG_GLH(1.0),A,G,IT_USE_ii99,4,_T,_T,_T,PT,2017,13.5,,E,0,ITU estimate.
UNSD:DF_SDG_GLH(1.0),A,G,IT_USE_ii99,4,F,_T,_T,PT,2017,,,E,0,
UNSD:DF_SDG_GLH(1.0),A,G,IT_USE_ii99,199,_T,_T,_T,PT,2022,36.14,,N,0,
UNSD:DF_SDG_GLH(1.0),A,N,IT_USE_ii99,404,_T,Y_GE15,_T,PT,2022,40.8,A,C,0,
UNSD:DF_SDG_GLH(1.0),M,G,IT_USE_ii99,404,_T,_T,_T,PT,2022-01,40.8,A,C,0,
UNSD:DF_SDG_GLH(1.0),A,G,IT_USE_ii99,404,_T,_T,_T,PER_100_POP,2020,n.a.,A,C,0,
"""


def test_sdmx_csv_1():
    parsed = read_sdmx(SDMX_CSV_1.encode(), "sdg.csv", area_kind="m49")
    assert parsed.source == "SDMX data from UNSD"
    totals = (("AGE", "_T"), ("SEX", "_T"), ("URBANISATION", "_T"))
    assert parsed.records == [
        Record(
            "IT_USE_II99", "4", "m49", 2017, 13.5, totals, "estimated", "ITU estimate.", "sdg.csv:2"
        ),
        Record(
            "IT_USE_II99",
            "199",
            "m49",
            2022,
            36.14,
            totals,
            "reported",
            "nature N: non-relevant (an aggregate)",
            "sdg.csv:4",
        ),
        Record(
            "IT_USE_II99",
            "404",
            "m49",
            2022,
            40.8,
            (("AGE", "Y_GE15"), ("REPORTING_TYPE", "N"), ("SEX", "_T"), ("URBANISATION", "_T")),
            "reported",
            "",
            "sdg.csv:5",
        ),
    ]
    assert [(e.code, e.field, e.location) for e in parsed.errors] == [
        ("invalid_period", "TIME_PERIOD", "sdg.csv:6"),
        ("invalid_period", "FREQ", "sdg.csv:6"),
        ("invalid_value", "OBS_VALUE", "sdg.csv:7"),
    ]


SDMX_CSV_2 = """STRUCTURE,STRUCTURE_ID,ACTION,FREQ: Frequency,REF_AREA: Reference area,TIME_PERIOD: Time period,OBS_VALUE,OBS_STATUS: Observation status,UNIT_MEASURE: Unit
dataflow,ITU:DF_FBB(1.0),I,A: Annual,KEN: Kenya,2022,1.6,E: Estimated value,PER_100: per 100 inhabitants
dataflow,ITU:DF_FBB(1.0),I,A: Annual,TZA: Tanzania,2022-A1,2.1,A: Normal value,PER_100: per 100 inhabitants
dataflow,ITU:DF_FBB(1.0),D,A: Annual,UGA: Uganda,2022,,,
"""


def test_sdmx_csv_2_with_labels_and_one_series():
    parsed = read_sdmx(
        SDMX_CSV_2.encode(), "fbb.csv", indicator_dimension=None, indicator="i4213tfbb"
    )
    assert [(r.indicator, r.area, r.year, r.value, r.dims, r.status) for r in parsed.records] == [
        ("i4213tfbb", "KEN", 2022, 1.6, (), "estimated"),
        ("i4213tfbb", "TZA", 2022, 2.1, (), "reported"),
    ]
    assert parsed.series["i4213tfbb"].unit == "per 100 inhabitants"
    assert [(e.code, e.location) for e in parsed.errors] == [("unsupported", "fbb.csv:4")]


def test_sdmx_missing_series_dimension_is_reported_once():
    parsed = read_sdmx(
        SDMX_CSV_2.replace(
            "dataflow,ITU:DF_FBB(1.0),D,A: Annual,UGA: Uganda,2022,,,\n", ""
        ).encode(),
        "fbb.csv",
    )
    assert [(e.code, e.field) for e in parsed.errors] == [("missing_dimension", "INDICATOR")]
    assert read_sdmx(b"a,b\n1,2\n", "x.csv").errors[0].code == "missing_column"
    options = read_sdmx(b"", "x.csv", indicator_dimension=None)
    assert [(e.code, e.field) for e in options.errors] == [("invalid_option", "indicator")]


def test_obs_status_words():
    assert sdmx_source.OBS_STATUS == {"A": "reported", "E": "estimated", "I": "imputed"}


# --------------------------------------------------------------------------- tidy tables

MAPPING = {
    "area": "Country",
    "year": "Year",
    "value": "Value",
    "dim:SEX": "Sex",
    "dim:URBANISATION": "Area",
}


def test_tidy_csv():
    text = (
        "Country,Year,Sex,Area,Value,Status\n"
        "KEN,2022,Female,urban,35.1,estimated\n"
        "ken,2022,,Total,40.8,\n"
        "KEN,2021,M,,,\n"
        "\n"
        'UGA,2022,_T,R,"12,5",A\n'
    )
    parsed = read_tidy(
        text.encode(),
        "survey.csv",
        mapping={**MAPPING, "status": "Status"},
        defaults={"indicator": "IT_USE_II99", "unit": "%", "source": "Kenya ICT survey"},
    )
    assert parsed.errors == []
    assert parsed.source == "Kenya ICT survey"
    assert parsed.records == [
        Record(
            "IT_USE_II99",
            "KEN",
            "iso3",
            2022,
            35.1,
            (("SEX", "F"), ("URBANISATION", "U")),
            "estimated",
            "",
            "survey.csv:2",
        ),
        Record(
            "IT_USE_II99",
            "KEN",
            "iso3",
            2022,
            40.8,
            (("SEX", "_T"), ("URBANISATION", "_T")),
            "reported",
            "",
            "survey.csv:3",
        ),
        Record(
            "IT_USE_II99",
            "UGA",
            "iso3",
            2022,
            12.5,
            (("SEX", "_T"), ("URBANISATION", "R")),
            "reported",
            "",
            "survey.csv:6",
        ),
    ]
    assert parsed.series["IT_USE_II99"].unit == "%"
    assert parsed.series["IT_USE_II99"].source == "Kenya ICT survey"


def test_tidy_semicolons_decimal_comma_and_thousands():
    text = (
        "Indicator;Economy;Kind;Year;Value;Note\n"
        "FBB_SUBS;404;m49;2021;1234567;\n"
        "FBB_SUBS;404;m49;2020;1.234.567;\n"
        "FBB_SUBS;404;m49;2019;1 234 567;\n"
        "FBB_SUBS;404;m49;2018;1,234;\n"
        "FBB_SUBS;404;m49;2017;0,5;rounded\n"
        "FBB_SUBS;404;m49;1850;7;\n"
        "FBB_SUBS;404;m49;2016.5;7;\n"
        "FBB_SUBS;404;m48;2016;7;\n"
        "FBB_SUBS;404;m49;2015;45%;\n"
    )
    mapping = parse_mapping(
        "indicator=Indicator,area=Economy,area_kind=Kind,year=Year,value=Value,note=Note"
    )
    parsed = read_tidy(text.encode(), "fbb.csv", mapping=mapping)
    assert [(r.area, r.year, r.value, r.note) for r in parsed.records] == [
        ("404", 2021, 1234567.0, ""),
        ("404", 2017, 0.5, "rounded"),
    ]
    got = [(e.code, e.field, e.location) for e in parsed.errors]
    assert got == [
        ("invalid_value", "Value", "fbb.csv:3"),
        ("invalid_value", "Value", "fbb.csv:4"),
        ("invalid_value", "Value", "fbb.csv:5"),
        ("invalid_year", "Year", "fbb.csv:7"),
        ("invalid_year", "Year", "fbb.csv:8"),
        ("invalid_area_kind", "Kind", "fbb.csv:9"),
        ("invalid_value", "Value", "fbb.csv:10"),
    ]
    messages = [e.message for e in parsed.errors]
    assert "thousands separators" in messages[0] and "thousands separators" in messages[1]
    assert "ambiguous" in messages[2]
    assert "outside 1900–2100" in messages[3]


def test_tidy_missing_column_is_one_error_naming_it_and_the_file():
    parsed = read_tidy(
        b"Country,Year,Value\nKEN,2022,1\nKEN,2021,2\n",
        "upload.csv",
        mapping={**MAPPING, "dim:SEX": "Gender"},
        defaults={"indicator": "X"},
    )
    assert [(e.code, e.field, e.location) for e in parsed.errors] == [
        ("missing_column", "Gender", "upload.csv:1"),
        ("missing_column", "Area", "upload.csv:1"),
    ]
    assert "upload.csv has no column 'Gender'" in parsed.errors[0].message
    assert parsed.records == []


def test_tidy_option_errors():
    parsed = read_tidy(
        b"a\n", "x.csv", mapping={"area": "a", "year": "b"}, defaults={"colour": "red"}
    )
    assert {(e.code, e.field) for e in parsed.errors} == {
        ("invalid_option", "value"),
        ("invalid_option", "colour"),
        ("invalid_option", "indicator"),
    }
    parsed = read_tidy(b"a\n", "x.dat", mapping=MAPPING, fmt="ods", defaults={"indicator": "X"})
    assert [e.code for e in parsed.errors] == ["invalid_option"]


def test_tidy_bad_dimension_values_and_mixed_units():
    text = (
        "Country,Year,Sex,Area,Value,Unit\n"
        "KEN,2022,X,urban,1,%\n"
        "KEN,2022,F,suburb,1,%\n"
        "KEN,2021,F,U,1,%\n"
        "KEN,2020,F,U,1,per 100\n"
    )
    parsed = read_tidy(
        text.encode(), "x.csv", mapping={**MAPPING, "unit": "Unit"}, defaults={"indicator": "X"}
    )
    assert [(e.code, e.field, e.location) for e in parsed.errors] == [
        ("invalid_dimension", "Sex", "x.csv:2"),
        ("invalid_dimension", "Area", "x.csv:3"),
        ("mixed_units", "Unit", "x.csv:5"),
    ]
    assert len(parsed.records) == 1


def xlsx_bytes(rows, title="Data"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_tidy_xlsx():
    content = xlsx_bytes(
        [
            ["Economy", "M49", "Year", "Indicator", "Age", "Value"],
            ["Kenya", 404, 2022, "IT_USE_II99", "15-24", 60.25],
            ["Kenya", "404", 2022.0, "IT_USE_II99", "", "40,8"],
            [None, None, None, None, None, None],
            ["Kenya", 404, "2021", "IT_USE_II99", "75+", "1,234,567"],
            ["Kenya", 4, 2021, "IT_USE_II99", "65 and over", True],
        ]
    )
    mapping = {
        "area": "M49",
        "area_name": "Economy",
        "year": "Year",
        "value": "Value",
        "indicator": "Indicator",
        "dim:AGE": "Age",
    }
    parsed = read_tidy(content, "survey.xlsx", mapping=mapping, defaults={"area_kind": "m49"})
    assert [(r.area, r.area_name, r.year, r.value, r.dims, r.location) for r in parsed.records] == [
        ("404", "Kenya", 2022, 60.25, (("AGE", "Y15T24"),), "survey.xlsx:2"),
        ("404", "Kenya", 2022, 40.8, (("AGE", "_T"),), "survey.xlsx:3"),
    ]
    assert [(e.code, e.location) for e in parsed.errors] == [
        ("invalid_value", "survey.xlsx:5"),
        ("invalid_value", "survey.xlsx:6"),
    ]
    assert (
        read_tidy(content, "survey.xlsx", mapping=mapping, sheet="Other").errors[0].code
        == "invalid_option"
    )
    assert read_tidy(b"not a zip", "bad.xlsx", mapping=mapping).errors[0].code == "malformed"


def test_parse_mapping():
    assert parse_mapping("area=Country, year=Year,value=Value,dim:sex=Sex,status=Flag") == {
        "area": "Country",
        "year": "Year",
        "value": "Value",
        "dim:SEX": "Sex",
        "status": "Flag",
    }
    for bad, message in [
        ("area=Country,year=Year", "needs value"),
        ("area=A,year=Y,value=V,colour=C", "unknown role"),
        ("area=A,year=Y,value=V,area=B", "given twice"),
        ("area,year=Y,value=V", "role=Column"),
        ("area=A,year=Y,value=V,dim:1x=Z", "dimension name"),
    ]:
        with pytest.raises(ValueError, match=message):
            parse_mapping(bad)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("15-24", "Y15T24"),
        ("15 to 24 years", "Y15T24"),
        ("15+", "Y_GE15"),
        ("75 and over", "Y_GE75"),
        ("<5", "Y_LT5"),
        ("under 15", "Y_LT15"),
        ("Y_GE15", "Y_GE15"),
        ("All ages", "_T"),
        ("", "_T"),
        ("Not stated", "NOT_STATED"),
    ],
)
def test_age_codes_from_free_text(text, code):
    assert tidy.age_code(text) == code


def test_numbers():
    assert tidy.parse_number(" 66.3 ") == 66.3
    assert tidy.parse_number("1e3") == 1000.0
    assert tidy.parse_number("0,125", decimal_comma=True) == 0.125
    for bad in ("1_000", "inf", "nan", "66.3%", "1,5"):
        with pytest.raises(ValueError):
            tidy.parse_number(bad)
    assert tidy.scale(1.5, 6) == 1500000.0 and tidy.scale(0.1, 3) == 100.0


def test_sdmx_sniffer():
    assert sdmx_source.sniff("sdg.xml", GENERIC.encode()[:600])
    assert sdmx_source.sniff("ict.xml", STRUCTURE_SPECIFIC.encode()[:600])
    assert sdmx_source.sniff("sdg.csv", SDMX_CSV_1.encode()[:300])
    assert sdmx_source.sniff("fbb.csv", SDMX_CSV_2.encode()[:300])
    assert sdmx_source.sniff("ken.json", json.dumps(SDMX_JSON).encode())
    assert not sdmx_source.sniff("x.csv", b"Country,Year,Value\n")
    assert not sdmx_source.sniff("x.xml", b"<?xml version='1.0'?><iati-activities/>")


def test_tidy_mapping_as_text():
    parsed = read_tidy(
        b"Country,Year,Value\nKEN,2022,40.8\n",
        "x.csv",
        mapping="area=Country,year=Year,value=Value",
        defaults={"indicator": "IT_USE_II99"},
    )
    assert parsed.errors == [] and [(r.area, r.value) for r in parsed.records] == [("KEN", 40.8)]
    parsed = read_tidy(b"Country\n", "x.csv", mapping="area=Country", defaults={"indicator": "X"})
    assert [(e.code, e.field) for e in parsed.errors] == [("invalid_option", "mapping")]
