"""Funding flows in IATI transactions: the 2.03 round trip, real published files and broken inputs."""

import re
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest

from wsis.core.errors import ValidationFailed
from wsis.partnerships.iati import STAGES, parse_transactions, write_transactions
from wsis.testing.support import shared_file

WSIS = "{urn:wsis-sdg-tracker:iati}"
EXAMPLE = "iati-2.03_activity-standard-example-annotated.xml"
DPORTAL = "dportal_sample_100_real_activities_v1.03-2.03.xml"
USG = "real_USG_198_activities_v1.0_2012_incl_ICT_22040.xml"
DFID = "real_DFID_DRC_205_activities_v1.01_2013.xml"


def org(name, identifier="", kind=""):
    return {"name": name, "identifier": identifier, "kind": kind}


def flow(activity, stage, amount, currency, day, funder, *, receiver=None, mechanism="", reference="",
         description=""):
    return {"activity": activity, "stage": stage, "amount": Decimal(amount), "currency": currency,
            "value_date": day, "funder": funder, "receiver": receiver, "mechanism": mechanism,
            "reference": reference, "description": description}


ITU = org("International Telecommunication Union", "XM-DAC-41118", "international_org")
ARAB_FUND = org("الصندوق العربي للإنماء الاقتصادي والاجتماعي", "XM-DAC-921", "international_org")
CHINA_MINISTRY = org("中华人民共和国工业和信息化部", "CN-MIIT", "member_state")
SENEGAL = org("Agence de l'informatique de l'État", "SN-ADIE", "member_state")
SCHOOL_NET = org("Réseau des écoles connectées", "", "civil_society")
OPERATOR = org("Orange Sénégal", "SN-RCCM-1", "private_sector")
UNIVERSITY = org("Université Cheikh Anta Diop", "SN-UCAD", "academia")

ACTIVITIES = [
    {"identifier": "XM-DAC-41118-GIGA-SN", "title": "Connecter les écoles du Sénégal", "language": "fr",
     "reporting_org": ITU, "default_currency": "XOF", "flows": [
         flow("XM-DAC-41118-GIGA-SN", "pledge", "25000000", "XOF", "2024-02-01", SENEGAL,
              mechanism="voluntary_contribution", reference="GIGA-SN-P1", description="Promesse de l'État"),
         flow("XM-DAC-41118-GIGA-SN", "commitment", "150000.00", "EUR", "2024-03-15", ARAB_FUND,
              receiver=SCHOOL_NET, mechanism="development_bank_loan", reference="GIGA-SN-C1"),
         flow("XM-DAC-41118-GIGA-SN", "disbursement", "75000.50", "EUR", "2024-06-30", ARAB_FUND,
              receiver=SCHOOL_NET, mechanism="development_bank_loan", reference="GIGA-SN-D1",
              description="Première tranche"),
         flow("XM-DAC-41118-GIGA-SN", "expenditure", "1200000", "XOF", "2024-09-01", OPERATOR,
              receiver=UNIVERSITY, reference="GIGA-SN-E1"),
     ]},
    {"identifier": "XM-DAC-41118-ICTDF-7", "title": "ICT Development Fund: rural broadband", "language": "en",
     "reporting_org": ITU, "default_currency": "", "flows": [
         flow("XM-DAC-41118-ICTDF-7", "commitment", "500000", "CHF", "2023-11-20", ITU,
              mechanism="ictdf", reference="ICTDF-7-C", description="Allocation from the fund"),
         flow("XM-DAC-41118-ICTDF-7", "disbursement", "125000.25", "CHF", "2024-01-10", CHINA_MINISTRY,
              receiver=ITU, mechanism="in_kind", reference="ICTDF-7-D"),
     ]},
]


def write(tmp_path, body: str | bytes, name="flows.xml"):
    path = tmp_path / name
    path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    return path


def failure(path, **kwargs) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as info:
        parse_transactions(path, **kwargs)
    return info.value


# Round trip --------------------------------------------------------------------------------------

def test_round_trip_gives_the_same_flows(tmp_path):
    path = write(tmp_path, write_transactions(ACTIVITIES))

    flows, notes = parse_transactions(path)

    assert [data for _location, data in flows] == [f for a in ACTIVITIES for f in a["flows"]]
    assert {data["stage"] for _location, data in flows} == set(STAGES)
    assert notes == Counter()
    locations = [location for location, _data in flows]
    assert locations[:2] == ["flows.xml:11 transaction[1]", "flows.xml:22 transaction[2]"]


def test_written_xml_is_deterministic_and_follows_the_schema_order():
    generated = datetime(2024, 10, 1, 12, 0, tzinfo=UTC)
    body = write_transactions(ACTIVITIES, generated=generated)

    assert body == write_transactions(ACTIVITIES, generated=generated)
    assert body.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<iati-activities ")
    assert b'xmlns:wsis="urn:wsis-sdg-tracker:iati"' in body
    assert b'generated-datetime="2024-10-01T12:00:00Z"' in body
    assert b"generated-datetime" not in write_transactions(ACTIVITIES)
    root = ET.fromstring(body)
    assert root.get("version") == "2.03"
    first, second = root.findall("iati-activity")
    assert [child.tag for child in first][:3] == ["iati-identifier", "reporting-org", "title"]
    assert first.get("default-currency") == "XOF" and second.get("default-currency") is None
    pledge, commitment, disbursement, expenditure = first.findall("transaction")
    types = [t.find("transaction-type").get("code") for t in (pledge, commitment, disbursement, expenditure)]
    assert types == ["13", "11", "1", "4"]
    assert [child.tag for child in disbursement] == [
        "transaction-type", "transaction-date", "value", "description", "provider-org", "receiver-org",
        "finance-type",
    ]
    assert disbursement.get("ref") == "GIGA-SN-D1"
    assert disbursement.get(f"{WSIS}mechanism") == "development_bank_loan"
    assert disbursement.find("finance-type").get("code") == "421"
    assert disbursement.find("value").attrib == {"currency": "EUR", "value-date": "2024-06-30"}
    assert disbursement.find("value").text == "75000.50"
    assert disbursement.find("provider-org").attrib == {"ref": "XM-DAC-921", "type": "40"}
    assert disbursement.find("provider-org/narrative").text == ARAB_FUND["name"]
    assert expenditure.get(f"{WSIS}mechanism") is None
    assert expenditure.find("finance-type") is None


def test_a_loan_written_without_the_extension_is_still_read_as_a_loan(tmp_path):
    body = write_transactions(ACTIVITIES).replace(b'wsis:mechanism="development_bank_loan"', b"")
    flows, _notes = parse_transactions(write(tmp_path, body))
    assert [data["mechanism"] for _location, data in flows[1:3]] == ["development_bank_loan"] * 2


def test_references_are_generated_the_same_way_on_every_import(tmp_path):
    activities = [{**ACTIVITIES[1], "flows": [{**f, "reference": ""} for f in ACTIVITIES[1]["flows"]]}]
    path = write(tmp_path, write_transactions(activities))

    first = [data["reference"] for _location, data in parse_transactions(path)[0]]
    second = [data["reference"] for _location, data in parse_transactions(path)[0]]

    assert first == second
    assert all(re.fullmatch(r"iati:[0-9a-f]{16}", ref) for ref in first)
    assert len(set(first)) == 2


# Real files --------------------------------------------------------------------------------------

def test_standard_example_2_03():
    [(location, data)], notes = parse_transactions(shared_file("iati", EXAMPLE))

    # Line 265: <transaction ref="1234"> with type 1 (incoming funds), 1000 EUR, finance-type 110 (grant).
    assert location == f"{EXAMPLE}:265 transaction[1]"
    assert data == {
        "activity": "AA-AAA-123456789-ABC123", "stage": "disbursement", "amount": Decimal("1000"),
        "currency": "EUR", "value_date": "2012-01-01",
        "funder": {"name": "Agency B", "identifier": "BB-BBB-123456789", "kind": "member_state"},
        "receiver": {"name": "Agency A", "identifier": "AA-AAA-123456789", "kind": "civil_society"},
        "mechanism": "", "reference": "1234", "description": "Transaction description text",
    }
    assert notes == Counter()


def test_usg_version_1_0_commitments_and_disbursements():
    path = shared_file("iati", USG)
    text = path.read_text()
    assert text.count('<transaction-type code="D">') == 146
    assert text.count('<transaction-type code="C">') == 109

    flows, notes = parse_transactions(path)

    assert Counter(data["stage"] for _location, data in flows) == {"disbursement": 146, "commitment": 109}
    assert notes == Counter()
    location, first = flows[0]
    # Line 5: no provider-org, so the reporting-org (US, type 10) funds; USD is the default-currency.
    assert location == f"{USG}:5 transaction[1]"
    assert first["activity"] == "US-5-2009000624"
    assert first["amount"] == Decimal("39000")
    assert (first["currency"], first["value_date"]) == ("USD", "2009-12-31")
    assert first["funder"] == {"name": "United States Government", "identifier": "US", "kind": "member_state"}
    assert first["receiver"] is None and first["description"] == "2009 CRS transaction"
    assert first["reference"].startswith("iati:")
    assert len({(data["activity"], data["reference"]) for _location, data in flows}) == 255


def test_dfid_corrections_are_refused_with_their_lines():
    exc = failure(shared_file("iati", DFID))

    assert Counter(e.code for e in exc.errors) == {"negative_amount": 30}
    first = exc.errors[0]
    # Line 1018: <value currency="GBP" value-date="2011-10-06">-647</value> on an expenditure.
    assert first.location == f"{DFID}:1018 transaction[27]"
    assert first.field == "value"
    assert first.message.startswith("negative value -647 (a correction or refund)")
    assert f"{DFID}:5266 transaction[200]" in {e.location for e in exc.errors}


def test_dportal_sample_names_every_problem():
    exc = failure(shared_file("iati", DPORTAL))

    found = Counter((e.code, e.field) for e in exc.errors)
    assert found == {("negative_amount", "value"): 41, ("missing_currency", "value/@currency"): 15,
                     ("required", "provider-org"): 1}
    # The file breaks lines with bare carriage returns too, which XML counts as line ends.
    # Line 17, British Red Cross GB-CHC-220949-D353: currency="" and no default-currency.
    missing = {e.location for e in exc.errors if e.code == "missing_currency"}
    assert {location.split(" ")[0] for location in missing} == {f"{DPORTAL}:17"}
    # Line 43, NO-BRC-977538319_X9SM1403 (version 1.03): incoming funds, 4945560.80 NOK, no provider-org.
    [provider] = [e for e in exc.errors if e.field == "provider-org"]
    assert provider.location == f"{DPORTAL}:43 transaction[363]"


# Skipped and broken inputs -----------------------------------------------------------------------

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<iati-activities version="2.03" xmlns:wsis="urn:wsis-sdg-tracker:iati">\n')


def activity(*transactions: str, identifier="XM-1", currency='default-currency="USD"') -> str:
    """One activity whose transactions start on the lines 6, 7, 8 ... of the file."""
    return (f'<iati-activity xml:lang="en" {currency}>\n'
            f"<iati-identifier>{identifier}</iati-identifier>\n"
            '<reporting-org ref="XM-DAC-41118" type="40"><narrative>ITU</narrative></reporting-org>\n'
            + "".join(t + "\n" for t in transactions) + "</iati-activity>\n")


def tx(code="3", value="100", *, currency="", day="2024-01-15", provider=True, extra="", attrs=""):
    value_attrs = (f' currency="{currency}"' if currency else "") + (f' value-date="{day}"' if day else "")
    provider_org = '<provider-org ref="GB-GOV-1" type="10"><narrative>FCDO</narrative></provider-org>'
    return (f'<transaction{attrs}><transaction-type code="{code}"/><value{value_attrs}>{value}</value>'
            f"{provider_org if provider else ''}{extra}</transaction>")


def document(*activities: str) -> str:
    return HEAD + "".join(activities) + "</iati-activities>\n"


def test_other_transaction_types_and_zero_values_are_counted_not_refused(tmp_path):
    body = document(activity(
        tx("5"), tx("6"), tx("IR"), tx("QP"), tx("10"), tx("99"),
        '<transaction><value>5</value></transaction>', tx("3", "0.00"), tx("1", "250"),
    ))
    flows, notes = parse_transactions(write(tmp_path, body))

    assert [(location, data["stage"], data["amount"]) for location, data in flows] == [
        ("flows.xml:14 transaction[9]", "disbursement", Decimal("250"))]
    assert notes == {
        "transaction type 5 (interest) skipped": 1, "transaction type 6 (loan repayment) skipped": 1,
        "transaction type IR (interest) skipped": 1, "transaction type QP (purchase of equity) skipped": 1,
        "transaction type 10 (credit guarantee) skipped": 1, "transaction type 99 (unknown) skipped": 1,
        "transaction without transaction-type skipped": 1, "zero-value transaction skipped": 1,
    }


def test_version_1_types_as_text_funder_and_repeated_refs(tmp_path):
    repeated = ('<transaction ref="Commitment"><transaction-type>Commitment</transaction-type>'
                '<value value-date="2012-04-01">700</value></transaction>')
    incoming = ('<transaction><transaction-type code="IF">Incoming Funds</transaction-type>'
                '<provider-org ref="GB-1" type="10">DFID</provider-org><value>900</value>'
                '<transaction-date iso-date="2012-02-01">2012-02-01</transaction-date></transaction>')
    body = document(activity(repeated, repeated, incoming).replace(
        "</reporting-org>", "</reporting-org><default-finance-type code=\"410\"/>"))

    flows, notes = parse_transactions(write(tmp_path, body))

    first, second, third = (data for _location, data in flows)
    assert (first["stage"], first["reference"]) == ("commitment", "Commitment")
    assert second["reference"] == "Commitment#2"
    assert first["funder"] == {"name": "ITU", "identifier": "XM-DAC-41118", "kind": "international_org"}
    assert first["mechanism"] == "development_bank_loan"
    assert (third["stage"], third["value_date"], third["currency"]) == ("disbursement", "2012-02-01", "USD")
    assert third["funder"] == {"name": "DFID", "identifier": "GB-1", "kind": "member_state"}
    assert notes == {"repeated transaction reference numbered": 1}


def test_negative_value(tmp_path):
    exc = failure(write(tmp_path, document(activity(tx(value="-1000.00")))))
    [error] = exc.errors
    assert (error.code, error.field, error.location) == ("negative_amount", "value",
                                                         "flows.xml:6 transaction[1]")
    assert error.message == ("negative value -1,000.00 (a correction or refund); "
                             "record it as a positive amount of the right stage")


def test_unknown_currency(tmp_path):
    [error] = failure(write(tmp_path, document(activity(tx(currency="xyz"))))).errors
    assert (error.code, error.field, error.location) == ("unknown_currency", "value/@currency",
                                                         "flows.xml:6 transaction[1]")
    assert error.message == "unknown currency code 'XYZ'"


def test_unknown_default_currency_names_the_activity_attribute(tmp_path):
    [error] = failure(write(tmp_path, document(activity(tx(), currency='default-currency="EURO"')))).errors
    assert (error.code, error.field) == ("unknown_currency", "iati-activity/@default-currency")


def test_missing_currency(tmp_path):
    [error] = failure(write(tmp_path, document(activity(tx(), currency="")))).errors
    assert (error.code, error.field, error.location) == ("missing_currency", "value/@currency",
                                                         "flows.xml:6 transaction[1]")
    assert error.message.startswith("no currency: ")


def test_bad_and_missing_dates(tmp_path):
    bad_transaction_date = tx(day="", extra='<transaction-date iso-date="2024-02-30"/>')
    exc = failure(write(tmp_path, document(activity(tx(day="15/01/2024"), bad_transaction_date, tx(day="")))))
    found = [(e.code, e.field, e.location) for e in exc.errors]
    assert found == [
        ("invalid_date", "value/@value-date", "flows.xml:6 transaction[1]"),
        ("invalid_date", "transaction-date/@iso-date", "flows.xml:7 transaction[2]"),
        ("missing_date", "transaction-date", "flows.xml:8 transaction[3]"),
    ]
    assert exc.errors[0].message == "'15/01/2024' is not a date (YYYY-MM-DD)"


def test_incoming_funds_without_provider(tmp_path):
    exc = failure(write(tmp_path, document(activity(tx("3", provider=False), tx("11", provider=False)))))
    [error] = exc.errors
    assert (error.code, error.field, error.location) == ("required", "provider-org",
                                                         "flows.xml:7 transaction[2]")
    assert "provider-org" in error.message


def test_unknown_mechanism(tmp_path):
    exc = failure(write(tmp_path, document(activity(tx(attrs=' wsis:mechanism="crowdfunding"')))))
    [error] = exc.errors
    assert (error.code, error.field, error.location) == ("unknown_mechanism", "transaction/@wsis:mechanism",
                                                         "flows.xml:6 transaction[1]")
    assert "'crowdfunding'" in error.message and "ictdf" in error.message


def test_malformed_xml_names_the_line_and_the_label(tmp_path):
    body = document(activity(tx())).replace("</transaction>", "</transactoin>")
    path = write(tmp_path, body)

    [error] = failure(path).errors
    assert (error.code, error.location) == ("malformed_xml", "flows.xml:6")
    assert "mismatched tag" in error.message

    exc = failure(path, label="upload 7.xml")
    assert exc.errors[0].location == "upload 7.xml:6"
    assert exc.message.startswith("upload 7.xml: ")


def test_wrong_root(tmp_path):
    [error] = failure(write(tmp_path, '<?xml version="1.0"?>\n<iati-organisations/>\n')).errors
    assert error.code == "wrong_root" and "<iati-organisations>" in error.message


def test_every_problem_is_reported_at_once(tmp_path):
    body = document(
        activity(tx(value="-5"), tx(currency="ABC"), tx(), tx("13", provider=False), tx(value="lots"),
                 tx(day="2024-13-01", attrs=' wsis:mechanism="gift"')),
        activity(tx(), identifier=" "),
    )
    exc = failure(write(tmp_path, body), label="batch.xml")

    assert [(e.code, e.field, e.location) for e in exc.errors] == [
        ("negative_amount", "value", "batch.xml:6 transaction[1]"),
        ("unknown_currency", "value/@currency", "batch.xml:7 transaction[2]"),
        ("required", "provider-org", "batch.xml:9 transaction[4]"),
        ("invalid_amount", "value", "batch.xml:10 transaction[5]"),
        ("invalid_date", "value/@value-date", "batch.xml:11 transaction[6]"),
        ("unknown_mechanism", "transaction/@wsis:mechanism", "batch.xml:11 transaction[6]"),
        ("required", "iati-identifier", "batch.xml:13 iati-activity[2]"),
    ]
    assert exc.message.startswith("batch.xml: 7 problem(s)")
    assert "batch.xml:10 transaction[5], field value: value 'lots' is not a number" in str(exc)
