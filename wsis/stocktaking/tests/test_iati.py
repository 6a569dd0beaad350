"""IATI reading and writing: real published files, hostile or broken inputs, and the 2.03 round trip."""

import datetime as dt
import re
from collections import Counter
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest

from wsis.core.errors import ValidationFailed
from wsis.stocktaking import schema
from wsis.stocktaking.iati import build_iati, parse_iati, parse_iati_organisations, summary_of
from wsis.testing.support import shared_file

ACTIVITY_KEYS = {
    "external_id", "kind", "original_language", "texts", "lead_organisation", "partners", "scope",
    "economies", "groups", "action_lines", "sdg_targets", "matrix_justification", "strategic_targets",
    "priority", "status", "start_date", "end_date", "beneficiary_groups", "budget_amount",
    "budget_currency", "links", "contact_name", "contact_email",
}

ACTIVITY_FILES = {
    "iati-2.03_activity-standard-example-annotated.xml": 1,
    "dportal_sample_100_real_activities_v1.03-2.03.xml": 100,
    "real_USG_198_activities_v1.0_2012_incl_ICT_22040.xml": 198,
    "real_DFID_DRC_205_activities_v1.01_2013.xml": 205,
    "real_CAFOD_57_activities_v1.00_2013_incl_22030.xml": 57,
}
EXAMPLE = "iati-2.03_activity-standard-example-annotated.xml"
ORGANISATION_EXAMPLE = "iati-2.03_organisation-standard-example-annotated.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def by_id(parsed):
    return {data["external_id"]: (location, data) for location, data in parsed}


def write(tmp_path, body: str | bytes, name="input.xml"):
    path = tmp_path / name
    path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    return path


def failure(path, **kwargs) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as info:
        parse_iati(path, **kwargs)
    return info.value


# Real files --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), ACTIVITY_FILES.items())
def test_real_activity_files_parse_completely(name, expected):
    path = shared_file("iati", name)
    assert len(re.findall(rb"<iati-activity[\s>]", path.read_bytes())) == expected

    parsed = parse_iati(path)

    assert len(parsed) == expected
    assert len({data["external_id"] for _, data in parsed}) == expected
    for location, data in parsed:
        assert re.match(rf"{re.escape(name)}:\d+ iati-activity\[\d+\]$", location)
        assert set(data) == ACTIVITY_KEYS
        assert data["kind"] == "project" and data["kind"] in schema.KINDS
        assert data["original_language"] in schema.LANGUAGES
        assert data["texts"][data["original_language"]]["title"]
        assert set(data["texts"]) <= set(schema.LANGUAGES)
        assert data["scope"] in schema.SCOPES and data["status"] in schema.STATUSES
        assert data["lead_organisation"]["name"]
        kinds = [*schema.ORGANISATION_KINDS, ""]
        assert data["lead_organisation"]["kind"] in kinds
        assert all(p["role"] in schema.PARTNER_ROLES and p["kind"] in kinds for p in data["partners"])
        assert all(re.fullmatch(r"[A-Z]{3}", e) for e in data["economies"])
        if data["budget_amount"] is None:
            assert data["budget_currency"] == ""
        else:
            assert Decimal(data["budget_amount"]) == Decimal(data["budget_amount"]).quantize(Decimal("0.01"))
        assert all(link.startswith(("http://", "https://")) for link in data["links"])
        for day in (data["start_date"], data["end_date"]):
            assert day is None or dt.date.fromisoformat(day)
        assert data["groups"] == data["strategic_targets"] == data["beneficiary_groups"] == []
        assert data["priority"] == data["matrix_justification"] == ""


def test_usg_ict_activity_maps_to_c2():
    parsed = by_id(parse_iati(shared_file("iati", "real_USG_198_activities_v1.0_2012_incl_ICT_22040.xml")))
    location, data = parsed["US-17-2009031990"]

    assert location.endswith("iati-activity[184]")
    assert "ICT SECTOR OPPORTUNITIES" in data["texts"]["en"]["title"]
    assert data["action_lines"] == ["C2"]
    assert data["economies"] == ["BRA"] and data["scope"] == "national"
    assert data["status"] == "ongoing"
    assert (data["start_date"], data["end_date"]) == ("2009-01-01", "2009-12-31")
    assert data["lead_organisation"] == {"name": "United States Government", "identifier": "US",
                                         "kind": "member_state"}
    roles = {p["identifier"]: p["role"] for p in data["partners"]}
    assert roles == {"US-1": "funding", "US-17": "implementing", "50000": "implementing"}
    # 22010 (communications policy) is C6; activities without a 220xx sector get no action line.
    lines = Counter(tuple(d["action_lines"]) for _, d in parsed.values())
    assert lines[("C6",)] == 1 and lines[()] == 196


def test_cafod_media_activities_map_to_c9():
    path = shared_file("iati", "real_CAFOD_57_activities_v1.00_2013_incl_22030.xml")
    parsed = parse_iati(path)
    with_media = {d["external_id"] for _, d in parsed if d["action_lines"] == ["C9"]}
    assert len(with_media) == 3
    _, first = parsed[0]
    assert first["external_id"] == "GB-CHC-285776-DRC173"
    assert first["action_lines"] == ["C9"]
    assert first["lead_organisation"]["kind"] == "civil_society"
    assert first["partners"] == [{"name": "Caritas DR Congo Bukavu Diocese", "identifier": "",
                                  "kind": "", "role": "implementing"}]
    assert (first["start_date"], first["end_date"]) == ("2009-10-07", "2012-09-30")
    assert first["economies"] == ["COD"]
    assert first["contact_name"] == "CAFOD" and first["contact_email"] == "cafod@cafod.org.uk"


def test_dfid_version_1_01_dates_in_text_and_revised_budgets():
    parsed = by_id(parse_iati(shared_file("iati", "real_DFID_DRC_205_activities_v1.01_2013.xml")))
    _, parent = parsed["GB-1-105838"]
    assert parent["status"] == "completed"
    assert (parent["start_date"], parent["end_date"]) == ("2004-01-01", "2010-12-31")
    assert parent["scope"] == "global" and parent["economies"] == []
    # The Extending organisation is DFID itself, the lead.
    assert [p["identifier"] for p in parent["partners"]] == ["GB"]

    _, child = parsed["GB-1-105838-101"]
    assert child["economies"] == ["COD"] and child["scope"] == "national"
    assert Decimal(child["budget_amount"]) == Decimal("1067912") and child["budget_currency"] == "GBP"


def test_standard_example_2_03():
    notes = Counter()
    [(location, data)] = parse_iati(shared_file("iati", EXAMPLE), notes=notes)

    assert location == f"{EXAMPLE}:8 iati-activity[1]"
    assert data["external_id"] == "AA-AAA-123456789-ABC123"
    assert data["original_language"] == "en"
    assert data["texts"]["en"]["title"] == "Activity title"
    assert data["texts"]["fr"]["title"] == "Titre de l'activité"
    assert data["texts"]["es"]["title"] == "Título de la actividad"
    description = data["texts"]["en"]["description"]
    assert description.startswith("General activity description text.")
    assert description.endswith("Objectives for the activity, for example from a logical framework.")
    assert "Statement of groups" not in description
    assert data["texts"]["en"]["summary"] == summary_of(description)
    assert data["texts"]["fr"]["description"].startswith("Activité générale")
    assert data["economies"] == ["AFG", "ATG"] and data["scope"] == "regional"
    assert data["status"] == "ongoing"
    assert (data["start_date"], data["end_date"]) == ("2012-04-28", "2015-12-31")
    assert (data["budget_amount"], data["budget_currency"]) == ("3000.00", "EUR")
    assert data["lead_organisation"] == {"name": "Organisation name", "identifier": "AA-AAA-123456789",
                                         "kind": "international_org"}
    assert [(p["identifier"], p["role"], p["kind"]) for p in data["partners"]] == [
        ("BB-BBB-123456789", "funding", "international_org"),
        ("CC-CCC-123456789", "implementing", "member_state"),
    ]
    assert (data["contact_name"], data["contact_email"]) == ("A. Example", "transparency@example.org")
    # The example carries no SDG vocabularies, its sectors are DAC 3-digit, its link lacks "//".
    assert data["sdg_targets"] == [] and data["action_lines"] == [] and data["links"] == []
    assert notes["recipient-region ignored (DAC regions are not ITU groups)"] == 1


def test_mixed_versions_and_misfiled_codes_in_dportal_sample():
    notes = Counter()
    parsed = by_id(parse_iati(shared_file("iati", "dportal_sample_100_real_activities_v1.03-2.03.xml"),
                              notes=notes))
    # A DAC region code published as recipient-country counts as a region, not as an error.
    _, spanish = parsed["ES-DIR3-E04585801-009-085581"]
    assert spanish["economies"] == [] and spanish["scope"] == "regional"
    assert spanish["original_language"] == "es"
    _, unknown = parsed["XM-DAC-903-SII-36027"]
    assert "XX" not in unknown["economies"]
    assert notes["recipient-country XX (ISO user-assigned code) ignored"] == 1
    # Swedish narratives beside English ones are counted, not reported.
    assert notes["text in another language (sv) ignored"] > 0
    assert any(d["original_language"] == "fr" for _, d in parsed.values())


def test_organisation_file():
    path = shared_file("iati", ORGANISATION_EXAMPLE)
    exc = failure(path)
    assert exc.errors[0].code == "organisation_file"
    assert "organisation file" in exc.errors[0].message

    [(location, org)] = parse_iati_organisations(path)
    assert location == f"{ORGANISATION_EXAMPLE}:8 iati-organisation[1]"
    assert org == {"identifier": "AA-AAA-123456789", "name": "Organisation name",
                   "names": {"en": "Organisation name", "fr": "Nom de l'organisme"},
                   "kind": "international_org"}


def test_activity_file_is_not_an_organisation_file():
    with pytest.raises(ValidationFailed) as info:
        parse_iati_organisations(shared_file("iati", EXAMPLE))
    assert info.value.errors[0].code == "activity_file"


# Broken and hostile inputs -----------------------------------------------------------------------

MINIMAL = """<iati-activity>
  <iati-identifier>{identifier}</iati-identifier>
  <reporting-org ref="XM-DAC-0" type="40"><narrative>Reporter</narrative></reporting-org>
  <title><narrative>Title</narrative></title>
  <activity-status code="2"/>
  {extra}
 </iati-activity>"""


def activities(*items: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n ' + "\n ".join(items) + \
        "\n</iati-activities>\n"


def test_broken_xml_names_line_and_column(tmp_path):
    path = write(tmp_path, "<iati-activities>\n<iati-activity>\n<title>x</iati-activity>\n</iati-activities>")
    exc = failure(path)
    assert exc.errors[0].code == "malformed_xml"
    assert "line 3, column" in exc.errors[0].message
    assert "mismatched tag" in exc.errors[0].message
    assert exc.errors[0].location == "input.xml:3"


def test_external_entity_is_refused(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?>\n<!DOCTYPE iati-activities [\n'
                           '<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
                           "<iati-activities><iati-activity><iati-identifier>&xxe;</iati-identifier>"
                           "</iati-activity></iati-activities>")
    exc = failure(path)
    assert exc.errors[0].code == "forbidden_xml"
    assert "forbidden: external entities" in exc.errors[0].message
    assert "file:///etc/passwd" in exc.errors[0].message
    assert "root:" not in str(exc)


def test_billion_laughs_is_refused(tmp_path):
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ]
    path = write(tmp_path, '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n' + "\n".join(entities) + "\n]>\n"
                           "<iati-activities>&lol9;</iati-activities>")
    exc = failure(path)
    assert exc.errors[0].code == "forbidden_xml"
    assert "forbidden: entity declarations" in exc.errors[0].message


def test_any_dtd_is_refused(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?>\n<!DOCTYPE iati-activities>\n<iati-activities/>')
    exc = failure(path)
    assert exc.errors[0].code == "forbidden_xml"
    assert "forbidden: document type declarations" in exc.errors[0].message


def test_latin1_declared_utf8(tmp_path):
    body = activities(MINIMAL.format(identifier="XM-1", extra="")).replace("Title", "Télécom")
    exc = failure(write(tmp_path, body.encode("latin-1")))
    error = exc.errors[0]
    assert error.code == "encoding"
    assert "not UTF-8" in error.message and "Latin-1" in error.message
    assert "0xE9" in error.message and "line 6" in error.message


def test_utf16_without_bom_declared_utf8(tmp_path):
    body = activities(MINIMAL.format(identifier="XM-1", extra=""))
    exc = failure(write(tmp_path, body.encode("utf-16-le")))
    error = exc.errors[0]
    assert error.code == "encoding"
    assert "UTF-16 without a byte-order mark" in error.message
    assert "declared as UTF-8" in error.message and "must be UTF-8" in error.message


def test_wrong_root(tmp_path):
    exc = failure(write(tmp_path, '<?xml version="1.0"?>\n<activities><activity/></activities>'))
    assert exc.errors[0].code == "wrong_root"
    assert "<activities>" in exc.errors[0].message and "<iati-activities>" in exc.errors[0].message


def test_every_activity_error_is_reported_together(tmp_path):
    body = activities(
        MINIMAL.format(identifier="XM-ok", extra='<recipient-country code="KE"/>'),
        MINIMAL.format(identifier=" ", extra=""),
        MINIMAL.format(identifier="XM-bad-country", extra='<recipient-country code="UK"/>'),
    )
    exc = failure(write(tmp_path, body))
    found = sorted((e.code, e.field, e.location) for e in exc.errors)
    assert found == [
        ("required", "iati-identifier", "input.xml:10 iati-activity[2]"),
        ("unknown_country", "recipient-country/@code", "input.xml:17 iati-activity[3]"),
    ]
    assert "'UK'" in next(e.message for e in exc.errors if e.code == "unknown_country")
    assert "input.xml:17 iati-activity[3], field recipient-country/@code" in str(exc)


def test_activity_without_title_in_un_languages(tmp_path):
    body = activities(MINIMAL.format(identifier="XM-1", extra="").replace(
        "<narrative>Title</narrative>", '<narrative xml:lang="de">Titel</narrative>'))
    exc = failure(write(tmp_path, body))
    assert [(e.code, e.field) for e in exc.errors] == [("missing_title", "title")]
    assert "de" in exc.errors[0].message


def test_file_over_the_limit_is_refused_before_parsing(tmp_path):
    # Not even well-formed: the size check must come first.
    path = write(tmp_path, "<iati-activities>" + "x" * 200)
    exc = failure(path, max_bytes=100)
    assert exc.errors[0].code == "too_large"
    assert "217 bytes" in exc.errors[0].message and "100" in exc.errors[0].message


def test_version_1_texts_sdg_vocabularies_and_languages(tmp_path):
    body = activities(
        """<iati-activity xml:lang="fr" default-currency="XOF">
  <iati-identifier>XM-1x</iati-identifier>
  <reporting-org ref="XM-1" type="22">ONG</reporting-org>
  <title>Titre</title>
  <title xml:lang="zh-CN">标题</title>
  <title xml:lang="pt">Título</title>
  <description>Premier paragraphe.

Second paragraphe.</description>
  <participating-org role="Accountable" ref="XM-2">Autre</participating-org>
  <activity-status>Cancelled</activity-status>
  <activity-date type="start-planned" iso-date="2020-01-01T00:00:00"/>
  <activity-date type="end-planned" iso-date=""/>
  <sector vocabulary="8" code="9.C"/>
  <sector vocabulary="9" code="17.8.1"/>
  <sector vocabulary="7" code="9"/>
  <sector vocabulary="8" code="4"/>
  <sector code="22030"/>
  <sector code="22040"/>
  <sector code="22020"/>
  <tag vocabulary="3" code="9.c"/>
  <tag vocabulary="2" code="17"/>
  <budget><value>100</value></budget>
  <budget><value currency="EUR">5</value></budget>
  <budget><value>50.5</value></budget>
  <document-link url="ftp://example.org/x"/>
  <document-link url="https://example.org/a b.pdf"/>
 </iati-activity>""")
    notes = Counter()
    [(_, data)] = parse_iati(write(tmp_path, body), notes=notes)
    assert data["original_language"] == "fr"
    assert data["texts"]["fr"] == {"title": "Titre", "summary": "Premier paragraphe.",
                                   "description": "Premier paragraphe.\n\nSecond paragraphe."}
    assert data["texts"]["zh-hans"]["title"] == "标题"
    assert notes["text in another language (pt) ignored"] == 1
    assert data["lead_organisation"]["kind"] == "civil_society"
    assert data["partners"] == [{"name": "Autre", "identifier": "XM-2", "kind": "", "role": "implementing"}]
    assert data["status"] == "cancelled"
    assert (data["start_date"], data["end_date"]) == ("2020-01-01", None)
    assert data["sdg_targets"] == ["9.c", "17.8"]
    assert data["action_lines"] == ["C9", "C2"]
    assert (data["budget_amount"], data["budget_currency"]) == ("150.50", "XOF")
    assert data["links"] == ["https://example.org/a%20b.pdf"]
    assert data["scope"] == "global"


# Writing and the round trip ----------------------------------------------------------------------

def texts(**by_lang):
    return {lang: {"title": title, "summary": summary_of(description), "description": description}
            for lang, (title, description) in by_lang.items()}


def activity(**fields):
    base = {
        "external_id": None, "kind": "project", "original_language": "en", "texts": {},
        "lead_organisation": {"name": "ITU BDT", "identifier": "XM-DAC-41130", "kind": "un_agency"},
        "partners": [], "scope": "global", "economies": [], "groups": [], "action_lines": [],
        "sdg_targets": [], "matrix_justification": "", "strategic_targets": [], "priority": "",
        "status": "ongoing", "start_date": None, "end_date": None, "beneficiary_groups": [],
        "budget_amount": None, "budget_currency": "", "links": [], "contact_name": "", "contact_email": "",
    }
    return {**base, **fields}


REPORTER = {"name": "International Telecommunication Union", "identifier": "XM-DAC-41130", "kind": "un_agency"}
GENERATED = dt.datetime(2025, 3, 1, 12, 30, tzinfo=dt.UTC)

SAMPLES = [
    activity(
        external_id="XM-DAC-41130-2025-001",
        texts=texts(en=("Rural broadband for schools", "Connects 300 rural schools.\n\nSecond phase in 2026."),
                    fr=("Haut débit rural pour les écoles", "Relie 300 écoles rurales.")),
        partners=[{"name": "Ministry of ICT", "identifier": "KE-GOV-1", "kind": "member_state", "role": "implementing"},
                  {"name": "Fund", "identifier": "XM-FUND", "kind": "financial_institution", "role": "funding"}],
        scope="national", economies=["KEN"], action_lines=["C2", "C7.e-learning"], sdg_targets=["9.c", "4.a"],
        start_date="2024-01-15", end_date="2026-12-31", budget_amount="250000.00", budget_currency="USD",
        links=["https://www.itu.int/en/ITU-D/Pages/default.aspx"], contact_name="Jane Doe",
        contact_email="jane.doe@itu.int", last_updated="2025-02-28T09:00:00+01:00",
    ),
    activity(
        external_id="XM-DAC-41130-2025-002", original_language="ar",
        texts=texts(ar=("الأمن السيبراني في المنطقة العربية", "بناء القدرات في مجال الأمن السيبراني."),
                    **{"zh-hans": ("阿拉伯区域网络安全", "网络安全能力建设。")},
                    en=("Cybersecurity in the Arab region", "")),
        scope="regional", economies=["EGY", "JOR", "MAR"], action_lines=["C6"], sdg_targets=["16.a"],
        status="completed", start_date="2022-05-01", end_date="2023-06-30",
        budget_amount="1234.50", budget_currency="CHF",
    ),
    activity(
        identifier="XM-DAC-41130-2025-003", original_language="zh-hans",
        texts=texts(**{"zh-hans": ("社区广播", "支持社区广播电台。")}, ru=("Общинное радио", "")),
        action_lines=["C9", "C7.e-health"], sdg_targets=[], status="planned", start_date="2026-01-01",
    ),
]


def test_round_trip(tmp_path):
    xml = build_iati(SAMPLES, reporting_org=REPORTER, generated=GENERATED)
    parsed = parse_iati(write(tmp_path, xml, "export.xml"))

    assert len(parsed) == len(SAMPLES)
    for source, (_, back) in zip(SAMPLES, parsed, strict=True):
        assert back["external_id"] == (source["external_id"] or source["identifier"])
        assert back["original_language"] == source["original_language"]
        assert back["texts"] == source["texts"]
        assert back["economies"] == source["economies"]
        assert back["scope"] == source["scope"]
        assert back["sdg_targets"] == source["sdg_targets"]
        assert back["status"] == source["status"]
        assert (back["start_date"], back["end_date"]) == (source["start_date"], source["end_date"])
        if source["budget_amount"] is None:
            assert back["budget_amount"] is None
        else:
            assert Decimal(back["budget_amount"]) == Decimal(source["budget_amount"])
        assert back["budget_currency"] == source["budget_currency"]
        assert back["action_lines"][:1] == source["action_lines"][:1]
        assert back["links"] == source["links"]
        assert (back["contact_name"], back["contact_email"]) == (source["contact_name"], source["contact_email"])
        assert back["lead_organisation"] == REPORTER | {"kind": "international_org"}

    first = parsed[0][1]
    assert {(p["identifier"], p["role"]) for p in first["partners"]} == {("KE-GOV-1", "implementing"),
                                                                       ("XM-FUND", "funding")}


def test_build_is_deterministic_and_follows_the_schema_order():
    xml = build_iati(SAMPLES, reporting_org=REPORTER, generated=GENERATED)
    assert xml == build_iati(SAMPLES, reporting_org=REPORTER, generated=GENERATED)
    assert xml != build_iati(SAMPLES, reporting_org=REPORTER, generated=GENERATED + dt.timedelta(seconds=1))

    root = ET.fromstring(xml)
    assert root.tag == "iati-activities"
    assert root.attrib == {"version": "2.03", "generated-datetime": "2025-03-01T12:30:00Z"}
    order = ["iati-identifier", "reporting-org", "title", "description", "participating-org",
             "activity-status", "activity-date", "contact-info", "activity-scope", "recipient-country",
             "sector", "tag", "budget", "document-link"]
    for act in root.findall("iati-activity"):
        positions = [order.index(child.tag) for child in act]
        assert positions == sorted(positions)

    first, second, third = root.findall("iati-activity")
    assert first.get("last-updated-datetime") == "2025-02-28T08:00:00Z"
    assert [(s.get("vocabulary"), s.get("code"), s.get("percentage")) for s in first.findall("sector")] == [
        ("1", "22020", "100"), ("8", "9.c", "50"), ("8", "4.a", "50")]
    assert [t.get("code") for t in first.findall("tag[@vocabulary='3']")] == ["9.c", "4.a"]
    assert [(c.get("code"), c.get("percentage")) for c in second.findall("recipient-country")] == [
        ("EG", "33.33"), ("JO", "33.33"), ("MA", "33.34")]
    assert second.find("sector").get("code") == "22010"
    assert second.find("activity-date[@type='4']").get("iso-date") == "2023-06-30"
    assert third.get(XML_LANG) == "zh"
    assert third.find("iati-identifier").text == "XM-DAC-41130-2025-003"
    assert third.find("sector").get("code") == "22030"
    assert third.find("activity-date").attrib == {"iso-date": "2026-01-01", "type": "1"}
    assert third.find("budget") is None
    assert [n.get(XML_LANG) for n in third.find("title")] == [None, "ru"]
    assert {n.get(XML_LANG) for n in second.find("title")} == {None, "zh", "en"}


def test_build_maps_other_action_lines_to_ict_and_needs_an_identifier():
    xml = build_iati([activity(external_id="XM-1", texts=texts(en=("T", "")), action_lines=["C7.e-health"])],
                     reporting_org=REPORTER, generated=GENERATED)
    act = ET.fromstring(xml).find("iati-activity")
    assert act.find("sector").get("code") == "22040"
    # A title alone still satisfies the schema's required description.
    assert act.find("description/narrative").text == "T"
    with pytest.raises(ValueError, match="identifier"):
        build_iati([activity(texts=texts(en=("T", "")))], reporting_org=REPORTER, generated=GENERATED)
