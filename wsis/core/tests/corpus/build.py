"""Write the malformed-input corpus: one bad file or body per case, and manifest.json saying for each where it
goes, who sends it, and the error expected (HTTP status, code, and the field and file row it must name).

Run from the repository root to regenerate:
`DJANGO_SETTINGS_MODULE=config.settings python -c "import django, runpy; django.setup();
runpy.run_path('wsis/core/tests/corpus/build.py', run_name='__main__')"`. Every case changes one
thing in a file that imports cleanly (the `valid` cases, which the test imports too), so each refusal is
about that one thing.
"""

import io
import json
from pathlib import Path

HERE = Path(__file__).parent
CASES: list[dict] = []

ZW = "\u200b"


def case(path, target, user, status, code, field=None, where=None, data=None, **extra):
    """Record a case; `data` is str/bytes written to `path` under the corpus folder."""
    if data is not None:
        p = HERE / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    CASES.append({"case": path, "target": target, "user": user, "status": status, "code": code, "field": field,
                  "where": where, **extra})


def csv_text(rows):
    import csv

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def xlsx(rows, title=None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if title:
        ws.title = title
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------- rates

RATE_HEAD = ["currency", "date", "per_usd", "source"]
RATE_OK = ["EUR", "2031-03-01", "0.91", "ECB"]


def rate(name, change: dict, code, field, *, user="officer"):
    r = dict(zip(RATE_HEAD, RATE_OK, strict=True))
    r.update(change)
    good = ["EUR", "2030-12-01", "0.92", "ECB"]
    case(f"rates/{name}.csv", "rates", user, 400, code, field, f"{name}.csv:3",
         csv_text([RATE_HEAD, good, list(r.values())]))


case("rates/valid.csv", "rates", "officer", 200, None, data=csv_text([RATE_HEAD, RATE_OK]), valid=True)
for name, change, code, field in [
    ("rate_1e25", {"per_usd": "1e25"}, "out_of_range", "per_usd"),
    ("rate_13_digits", {"per_usd": "1000000000000"}, "out_of_range", "per_usd"),
    ("rate_rounds_to_zero", {"per_usd": "0.000000001"}, "rounds_to_zero", "per_usd"),
    ("rate_nine_decimals", {"per_usd": "0.912345678"}, "too_many_decimals", "per_usd"),
    ("rate_zero", {"per_usd": "0"}, "not_positive", "per_usd"),
    ("rate_negative", {"per_usd": "-0.9"}, "not_positive", "per_usd"),
    ("rate_nan", {"per_usd": "NaN"}, "invalid", "per_usd"),
    ("rate_infinity", {"per_usd": "Infinity"}, "invalid", "per_usd"),
    ("rate_words", {"per_usd": "ninety"}, "invalid", "per_usd"),
    ("rate_empty", {"per_usd": ""}, "invalid", "per_usd"),
    ("date_feb_30", {"date": "2031-02-30"}, "invalid", "date"),
    ("date_year_1", {"date": "0001-03-01"}, "out_of_range", "date"),
    ("date_year_9999", {"date": "9999-03-01"}, "out_of_range", "date"),
    ("source_nul", {"source": "EC\x00B"}, "control_character", "source"),
    ("source_escape", {"source": "EC\x1bB"}, "control_character", "source"),
    ("source_too_long", {"source": "S" * 201}, "too_long", "source"),
    ("currency_unknown", {"currency": "EUX"}, "unknown_currency", "currency"),
    ("currency_zero_width", {"currency": f"EU{ZW}R"}, "unknown_currency", "currency"),
    ("currency_usd", {"currency": "USD"}, "invalid", "currency"),
]:
    rate(name, change, code, field)
case("rates/rate_1e25.xlsx", "rates", "officer", 400, "out_of_range", "per_usd", "rate_1e25.xlsx:2",
     xlsx([RATE_HEAD, ["EUR", "2031-03-01", "1e25", "typo"]]))
case("rates/rate_too_precise.xlsx", "rates", "officer", 400, "too_many_decimals", "per_usd",
     "rate_too_precise.xlsx:2", xlsx([RATE_HEAD, ["EUR", "2031-03-01", 0.123456789012, "x"]]))
case("rates/missing_column.csv", "rates", "officer", 400, "missing_column", None, "missing_column.csv:1",
     csv_text([["currency", "date", "rate"], ["EUR", "2031-03-01", "0.9"]]))

# ---------------------------------------------------------------------------------------------- flows

FLOW_HEAD = ["activity", "funder", "stage", "amount", "currency", "value_date", "mechanism", "reference",
             "description"]
FLOW_OK = ["XM-CORPUS-1", "Corpus Funder", "commitment", "1000.00", "EUR", "2024-03-01", "trust_fund", "F-1",
           "First tranche"]


def flow(name, change: dict, code, field, *, ext="csv", user="officer"):
    r = dict(zip(FLOW_HEAD, FLOW_OK, strict=True))
    r.update(change)
    ok = dict(zip(FLOW_HEAD, FLOW_OK, strict=True), reference="F-0")
    rows = [FLOW_HEAD, list(ok.values()), list(r.values())]
    data = csv_text(rows) if ext == "csv" else xlsx(rows)
    case(f"flows/{name}.{ext}", "flows", user, 400, code, field, f"{name}.{ext}:3", data)


case("flows/valid.csv", "flows", "officer", 200, None, data=csv_text([FLOW_HEAD, FLOW_OK]), valid=True)
for name, change, code, field in [
    ("amount_40_digits", {"amount": "9" * 40}, "out_of_range", "amount"),
    ("amount_three_decimals", {"amount": "10.005"}, "too_many_decimals", "amount"),
    ("amount_negative", {"amount": "-5"}, "invalid", "amount"),
    ("amount_nan", {"amount": "NaN"}, "invalid", "amount"),
    ("amount_1e400", {"amount": "1e400"}, "out_of_range", "amount"),
    ("amount_empty", {"amount": ""}, "required", "amount"),
    ("description_nul", {"description": "first\x00tranche"}, "control_character", "description"),
    ("description_bell", {"description": "first\x07tranche"}, "control_character", "description"),
    ("description_newline", {"description": "first\ntranche"}, "control_character", "description"),
    ("description_too_long", {"description": "d" * 501}, "too_long", "description"),
    ("reference_too_long", {"reference": "R" * 201}, "too_long", "reference"),
    ("reference_zero_width", {"reference": f"F{ZW}-9"}, "invisible_character", "reference"),
    ("reference_bom", {"reference": "F-9\ufeff"}, "invisible_character", "reference"),
    ("funder_nul", {"funder": "Corpus\x00Funder"}, "control_character", "funder.name"),
    ("funder_too_long", {"funder": "F" * 301}, "too_long", "funder.name"),
    ("activity_20_digits", {"activity": "12345678901234567890"}, "unknown_code", "activity"),
    ("value_date_feb_30", {"value_date": "2024-02-30"}, "invalid", "value_date"),
    ("value_date_year_1", {"value_date": "0001-01-01"}, "out_of_range", "value_date"),
    ("value_date_year_9999", {"value_date": "9999-12-31"}, "out_of_range", "value_date"),
    ("currency_unknown", {"currency": "EUX"}, "unknown_currency", "currency"),
    ("stage_unknown", {"stage": "promise"}, "invalid_choice", "stage"),
    ("mechanism_unknown", {"mechanism": "gift"}, "invalid_choice", "mechanism"),
    ("no_rate_yet", {"value_date": "2023-01-01"}, "missing_rate", "currency"),
]:
    flow(name, change, code, field)
flow("amount_40_digits", {"amount": "9" * 40}, "out_of_range", "amount", ext="xlsx")
flow("reference_zero_width", {"reference": f"F{ZW}-9"}, "invisible_character", "reference", ext="xlsx")
flow("description_too_long", {"description": "d" * 501}, "too_long", "description", ext="xlsx")


def iati_flows(value, currency="EUR", date="2024-03-01", ref="F-X"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="{currency}">
  <iati-identifier>XM-CORPUS-1</iati-identifier>
  <reporting-org ref="XM-CORPUS-FUNDER" type="10"><narrative>Corpus Funder</narrative></reporting-org>
  <title><narrative>Corpus activity</narrative></title>
  <transaction ref="{ref}">
   <transaction-type code="2"/>
   <transaction-date iso-date="{date}"/>
   <value currency="{currency}" value-date="{date}">{value}</value>
   <provider-org ref="XM-CORPUS-FUNDER"><narrative>Corpus Funder</narrative></provider-org>
  </transaction>
 </iati-activity>
</iati-activities>
"""


case("flows/iati_amount_1e25.xml", "flows", "officer", 400, "out_of_range", "amount", "iati_amount_1e25.xml",
     iati_flows("1e25"), form={"mechanism": "trust_fund"})
case("flows/iati_amount_precise.xml", "flows", "officer", 400, "too_many_decimals", "amount",
     "iati_amount_precise.xml", iati_flows("10.123"), form={"mechanism": "trust_fund"})
case("flows/iati_date_year_9999.xml", "flows", "officer", 400, None, None, "iati_date_year_9999.xml",
     iati_flows("100", date="9999-03-01"), form={"mechanism": "trust_fund"})

# ---------------------------------------------------------------------------------------------- activities

ACT_HEAD = ["external_id", "kind", "original_language", "title_en", "summary_en", "description_en",
            "lead_organisation", "partners", "scope", "economies", "action_lines", "sdg_targets", "status",
            "start_date", "end_date", "budget_amount", "budget_currency", "links", "contact_name", "contact_email"]
ACT_OK = ["XM-CORPUS-2", "project", "en", "Corpus broadband plan", "A plan.", "Technical assistance.",
          "Corpus Ministry", "Corpus Partner [implementing]", "national", "KEN", "C2", "9.c", "ongoing",
          "2024-01-01", "", "1000", "USD", "https://example.org/c", "A. Focal", "focal@example.org"]


def activity(name, change: dict, code, field, *, ext="csv", user="admin", status=400, **extra):
    r = dict(zip(ACT_HEAD, ACT_OK, strict=True))
    r.update(change)
    ok = dict(zip(ACT_HEAD, ACT_OK, strict=True), external_id="XM-CORPUS-3")
    rows = [ACT_HEAD, list(ok.values()), list(r.values())]
    data = csv_text(rows) if ext == "csv" else xlsx(rows, "activities")
    case(f"activities/{name}.{ext}", "activities", user, status, code, field, f"{name}.{ext}:3", data, **extra)


case("activities/valid.csv", "activities", "admin", 200, None, data=csv_text([ACT_HEAD, ACT_OK]), valid=True,
     form={"publish": "true"})
for name, change, code, field in [
    ("budget_40_digits", {"budget_amount": "9" * 40}, None, "budget_amount"),
    ("budget_15_digits", {"budget_amount": "100000000000000"}, None, "budget_amount"),
    ("budget_three_decimals", {"budget_amount": "10.005"}, None, "budget_amount"),
    ("budget_negative", {"budget_amount": "-10"}, None, "budget_amount"),
    ("title_nul", {"title_en": "Corpus\x00plan"}, "control_character", "texts.en.title"),
    ("title_tab", {"title_en": "Corpus\tplan"}, "control_character", "texts.en.title"),
    ("summary_escape", {"summary_en": "A\x1b[31m plan"}, "control_character", "texts.en.summary"),
    ("description_nul", {"description_en": "Tech\x00nical"}, "control_character", "texts.en.description"),
    ("title_too_long", {"title_en": "T" * 501}, None, "title_en"),
    ("external_id_zero_width", {"external_id": f"XM-{ZW}CORPUS-9"}, "invisible_character", "external_id"),
    ("external_id_word_joiner", {"external_id": "XM-CORPUS\u2060-9"}, "invisible_character", "external_id"),
    ("external_id_too_long", {"external_id": "X" * 201}, None, "external_id"),
    ("lead_nul", {"lead_organisation": "Corpus\x00Ministry"}, "control_character", "lead_organisation.name"),
    ("lead_too_long", {"lead_organisation": "L" * 301}, None, "lead_organisation"),
    ("contact_name_nul", {"contact_name": "A.\x00Focal"}, "control_character", "contact_name"),
    ("start_feb_30", {"start_date": "2024-02-30"}, None, "start_date"),
    ("start_year_1800", {"start_date": "1800-01-01"}, "out_of_range", "start_date"),
    ("end_before_start", {"end_date": "2023-01-01"}, None, "end_date"),
    ("economy_unknown", {"economies": "XKX"}, None, "economies"),
    ("action_line_unknown", {"action_lines": "C99"}, None, "action_lines"),
    ("email_invalid", {"contact_email": "focal-at-example"}, None, "contact_email"),
    ("kind_unknown", {"kind": "party"}, None, "kind"),
]:
    activity(name, change, code, field)
activity("publish_without_lines", {"action_lines": "", "sdg_targets": ""}, "checks_failed", "action_lines",
         status=409, form={"publish": "true"})
activity("budget_40_digits", {"budget_amount": "9" * 40}, None, "budget_amount", ext="xlsx")
activity("title_too_long", {"title_en": "T" * 501}, None, "title_en", ext="xlsx")
activity("external_id_zero_width", {"external_id": f"XM-{ZW}CORPUS-9"}, "invisible_character", "external_id",
         ext="xlsx")
activity("start_year_1800", {"start_date": "1800-01-01"}, "out_of_range", "start_date", ext="xlsx")


def iati_activity(ident="XM-CORPUS-4", title="Corpus IATI activity", budget="1000", start="2024-01-01"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="USD" xml:lang="en">
  <iati-identifier>{ident}</iati-identifier>
  <reporting-org ref="XM-CORPUS-MIN" type="10"><narrative>Corpus Ministry</narrative></reporting-org>
  <title><narrative>{title}</narrative></title>
  <description><narrative>Technical assistance.</narrative></description>
  <participating-org role="4" ref="XM-CORPUS-MIN"><narrative>Corpus Ministry</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="{start}"/>
  <recipient-country code="KE"/>
  <sector vocabulary="99" code="C2"/>
  <budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/>
   <value currency="USD" value-date="2024-01-01">{budget}</value></budget>
 </iati-activity>
</iati-activities>
"""


case("activities/iati_valid.xml", "activities", "admin", 200, None, data=iati_activity(), valid=True)
case("activities/iati_identifier_zero_width.xml", "activities", "admin", 400, "invisible_character", "external_id",
     "iati_identifier_zero_width.xml", iati_activity(ident=f"XM-CORPUS{ZW}-4"))
case("activities/iati_budget_1e25.xml", "activities", "admin", 400, None, "budget_amount",
     "iati_budget_1e25.xml", iati_activity(budget="1e25"))
case("activities/iati_title_too_long.xml", "activities", "admin", 400, None, "title",
     "iati_title_too_long.xml", iati_activity(title="T" * 501))
case("activities/iati_start_year_1066.xml", "activities", "admin", 400, None, "start_date",
     "iati_start_year_1066.xml", iati_activity(start="1066-10-14"))

# ---------------------------------------------------------------------------------------------- statistics

WB_LONG = "Country Name,Country Code,Year,Value\n"
WIDE_HEAD = "Country Name,Country Code,Indicator Name,Indicator Code,2021,{h},\n"
WIDE_ROW = "Kenya,KEN,Individuals using the Internet (% of population),IT.NET.USER.ZS,40,{v},\n"
LONG_NAME = "WDI_IT.NET.USER.ZS_long.csv"


def stats_long(name, rows, code, field, row, status=400):
    fname = f"WDI_IT.NET.USER.ZS_long__{name}.csv"
    body = WB_LONG + "Kenya,KEN,2020,39\n" + "".join(f"{r}\n" for r in rows)
    case(f"statistics/{fname}", "statistics", "statistician", status, code, field, f"{fname}:{row}", body,
         form={"format": "wb-long", "indicator": "IT.NET.USER.ZS"})


case(f"statistics/{LONG_NAME}", "statistics", "statistician", 201, None, data=WB_LONG + "Kenya,KEN,2020,39\n",
     valid=True)
for name, rows, code, field in [
    ("percent_negative", ["Uganda,UGA,2020,-5"], "out_of_range", "value"),
    ("percent_250", ["Uganda,UGA,2020,250"], "out_of_range", "value"),
    ("year_two_digits", ["Uganda,UGA,20,40"], "invalid_year", "Year"),
    ("year_1850", ["Uganda,UGA,1850,40"], "invalid_year", "Year"),
    ("year_2200", ["Uganda,UGA,2200,40"], "invalid_year", "Year"),
    ("year_a_date", ["Uganda,UGA,2023-02-30,40"], "invalid_year", "Year"),
    ("value_words", ["Uganda,UGA,2020,forty"], "invalid_value", "Value"),
    ("value_1e400", ["Uganda,UGA,2020,1e400"], "invalid_value", "Value"),
    ("value_nan", ["Uganda,UGA,2020,NaN"], "invalid_value", "Value"),
]:
    stats_long(name, rows, code, field, 3)
for name, header, code in [("header_feb_30", "2023-02-30", "invalid_year"), ("header_notes", "Notes", "invalid_year"),
                           ("header_1850", "1850", "invalid_year"), ("header_two_digits", "23", "invalid_year")]:
    fname = f"API_IT.NET.USER.ZS_DS2_en_csv_v2_{name}.csv"
    case(f"statistics/{fname}", "statistics", "statistician", 400, code, header, f"{fname}:1",
         WIDE_HEAD.format(h=header) + WIDE_ROW.format(v="41"))
fname = "API_IT.NET.USER.ZS_DS2_en_csv_v2_percent.csv"
case(f"statistics/{fname}", "statistics", "statistician", 400, "out_of_range", "value", f"{fname}:2",
     WIDE_HEAD.format(h="2022") + WIDE_ROW.format(v="101"))
TIDY_MAP = "area=Country,year=Year,value=Value,indicator=Series"
for name, line, code, field in [
    ("year_words", "KEN,twenty,IT.NET.USER.ZS,40", "invalid_year", "Year"),
    ("value_words", "KEN,2020,IT.NET.USER.ZS,forty", None, "Value"),
    ("percent_over", "KEN,2020,IT.NET.USER.ZS,100.5", "out_of_range", "value"),
]:
    fname = f"tidy_{name}.csv"
    case(f"statistics/{fname}", "statistics", "statistician", 400, code, field, f"{fname}:3",
         "Country,Year,Series,Value\nKEN,2019,IT.NET.USER.ZS,30\n" + line + "\n",
         form={"format": "tidy", "mapping": TIDY_MAP})
api_page = '[{"page": 1, "pages": 1, "per_page": 50, "total": 1, "page": 2}, []]'
case("statistics/wb_api_duplicate_key.json", "statistics", "statistician", 400, "invalid_json", None,
     "wb_api_duplicate_key.json", api_page, form={"format": "wb-api-json"})
case("statistics/wb_api_nan.json", "statistics", "statistician", 400, "invalid_json", None, "wb_api_nan.json",
     '[{"page": 1, "pages": 1, "per_page": 50, "total": 1}, [{"indicator": {"id": "IT.NET.USER.ZS", "value": '
     '"Internet"}, "country": {"id": "KE", "value": "Kenya"}, "countryiso3code": "KEN", "date": "2020", '
     '"value": NaN, "unit": "", "obs_status": "", "decimal": 0}]]', form={"format": "wb-api-json"})

# ---------------------------------------------------------------------------------------------- plans

PLAN = {
    "code": "OP-CORPUS", "start": "2026-01-01", "end": "2027-12-31", "titles": {"en": "Corpus plan"},
    "objectives": [{"code": "O1", "titles": {"en": "Connect"}}],
    "outputs": [{"code": "O1.1", "objective": "O1", "office": "Corpus Office", "titles": {"en": "Sites"},
                 "action_lines": ["C2"], "sdg_targets": [], "strategic_targets": [], "activities": []}],
    "kpis": [{"output": "O1.1", "code": "K1", "titles": {"en": "Coverage"}, "unit": "%", "direction": "increase",
              "baseline": 10, "baseline_year": 2025, "target": 40, "deadline": "2027-12-31"}],
    "milestones": [], "periods": [{"code": "2026-Q1", "start": "2026-01-01", "end": "2026-03-31",
                                   "due": "2026-04-15"}],
}


def plan_json(name, mutate, code, field, raw=None):
    import copy

    d = copy.deepcopy(PLAN)
    mutate(d)
    case(f"plans/{name}.json", "plan-json", "admin", 400, code, field, None,
         raw if raw is not None else json.dumps(d, ensure_ascii=False))


def plan_xlsx(name, mutate, code, field, where):
    import copy
    import datetime as dt

    from wsis.planning.xlsx import write_plan_xlsx

    d = copy.deepcopy(PLAN)
    for k in ("start", "end"):
        d[k] = dt.date.fromisoformat(d[k])
    d["kpis"][0]["deadline"] = dt.date(2027, 12, 31)
    d["periods"][0].update({k: dt.date.fromisoformat(d["periods"][0][k]) for k in ("start", "end", "due")})
    mutate(d)
    case(f"plans/{name}.xlsx", "plan-xlsx", "admin", 400, code, field, where, write_plan_xlsx(d))


case("plans/valid.json", "plan-json", "admin", 201, None, data=json.dumps(PLAN), valid=True)
plan_json("duplicate_key", lambda d: None, "duplicate_key", "code",
          raw=json.dumps(PLAN)[:-1] + ', "code": "OP-OTHER"}')
plan_json("title_nul", lambda d: d["titles"].update(en="Corpus\x00plan"), "control_character", "titles.en")
plan_json("code_zero_width", lambda d: d["objectives"][0].update(code=f"O{ZW}1"), "invisible_character", "code")
plan_json("kpi_percent_target", lambda d: d["kpis"][0].update(target=140), "out_of_range", "target")
plan_json("kpi_percent_baseline", lambda d: d["kpis"][0].update(baseline=-5), "out_of_range", "baseline")
plan_json("kpi_code_too_long", lambda d: d["kpis"][0].update(code="K" * 41), "too_long", "code")
plan_json("period_code_too_long", lambda d: d["periods"][0].update(code="P" * 21), "too_long", "code")
plan_json("baseline_year_1800", lambda d: d["kpis"][0].update(baseline_year=1800), "invalid", "baseline_year")
plan_json("activity_20_digits", lambda d: d["outputs"][0].update(activities=["#12345678901234567890"]),
          "unknown_code", "activities")
plan_json("start_feb_30", lambda d: d.update(start="2026-02-30"), "invalid", "start")
plan_json("nan_baseline", lambda d: None, "invalid_json", None,
          raw=json.dumps(PLAN).replace('"baseline": 10', '"baseline": NaN'))


def _set(path, value):
    def mutate(d):
        obj = d
        for p in path[:-1]:
            obj = obj[p]
        obj[path[-1]] = value
    return mutate


plan_xlsx("kpi_percent_target", _set(["kpis", 0, "target"], 140), "out_of_range", "target", "KPIs")
plan_xlsx("title_too_long", _set(["titles", "en"], "T" * 301), "too_long", "titles.en", "Plan")
plan_xlsx("output_code_too_long", _set(["outputs", 0, "code"], "O" * 41), "too_long", "code", "Outputs")
plan_xlsx("objective_code_zero_width", _set(["objectives", 0, "code"], f"O{ZW}1"), "invisible_character",
          "code", "Objectives")
plan_xlsx("kpi_baseline_year_1800", _set(["kpis", 0, "baseline_year"], 1800), None, "baseline_year", "KPIs")

# ---------------------------------------------------------------------------------------------- API bodies

AGREEMENT = {"reference": "AG-CORPUS-1", "kind": "mou", "title": "Corpus agreement", "summary": "",
             "language": "en", "parties": [{"organisation": "@ministry", "role": "party"},
                                           {"organisation": "@funder", "role": "party"}],
             "activities": [], "frameworks": [], "region": "AFR"}
CONTRIBUTION = {"symbol": "SG1-C.1", "body": "sg1", "question": "", "meeting": "SG1 2025", "date": "2025-03-01",
                "title": "Corpus contribution", "summary": "", "language": "en", "sources": ["@ministry"],
                "action_lines": ["C2"], "sdg_targets": []}
REQUEST = {"economy": "KEN", "title": "Help with a broadband map", "description": "We need a map.",
           "language": "en", "action_lines": ["C2"], "requester": "@ministry"}
REGISTRATION = {"name": "A. Participant", "email": "p@example.org", "sex": "F", "stakeholder": "academia",
                "economy": "KEN", "organisation_name": ""}
FLOW = {"activity": "XM-CORPUS-1", "funder": {"name": "Corpus Funder"}, "stage": "commitment", "amount": "100",
        "currency": "EUR", "value_date": "2024-03-01", "mechanism": "trust_fund", "description": ""}
ACTIVITY = dict(zip(ACT_HEAD, ACT_OK, strict=True))
ACTIVITY_JSON = {"external_id": None, "kind": "project", "original_language": "en",
                 "texts": {"en": {"title": "Corpus activity", "summary": "", "description": ""}},
                 "lead_organisation": {"name": "Corpus Ministry"}, "partners": [{"name": "Corpus Partner"}],
                 "scope": "national", "economies": ["KEN"], "groups": [], "action_lines": ["C2"],
                 "sdg_targets": ["9.c"], "matrix_justification": "", "strategic_targets": [], "priority": "",
                 "status": "ongoing", "start_date": "2024-01-01", "end_date": None, "beneficiary_groups": [],
                 "budget_amount": "1000", "budget_currency": "USD", "links": [], "contact_name": "",
                 "contact_email": ""}
ENDPOINTS = {
    "agreement": ("/api/v1/partnerships/agreements", "admin", AGREEMENT),
    "contribution": ("/api/v1/partnerships/contributions", "admin", CONTRIBUTION),
    "request": ("/api/v1/partnerships/requests", "admin", REQUEST),
    "registration": ("/api/v1/partnerships/events/@event/registrations", "anonymous", REGISTRATION),
    "flow": ("/api/v1/partnerships/flows", "officer", FLOW),
    "activity": ("/api/v1/activities", "admin", ACTIVITY_JSON),
}


def body(kind, name, change=None, code=None, field=None, raw=None, status=400):
    url, user, base = ENDPOINTS[kind]
    d = json.loads(json.dumps(base))
    if change:
        change(d) if callable(change) else d.update(change)
    text = raw if raw is not None else json.dumps(d, ensure_ascii=False)
    case(f"api/{kind}/{name}.json", "api", user, status, code, field, None, text, url=url)


for kind in ENDPOINTS:
    body(kind, "valid", status=201)
    CASES[-1]["valid"] = True
    CASES[-1]["status"] = 201
    body(kind, "duplicate_key", code="duplicate_key",
         field=next(iter(ENDPOINTS[kind][2])), raw=json.dumps(ENDPOINTS[kind][2])[:-1] + ", "
         + json.dumps({next(iter(ENDPOINTS[kind][2])): "again"})[1:])
body("agreement", "title_nul", {"title": "Corpus\x00agreement"}, "control_character", "title")
body("agreement", "reference_zero_width", {"reference": f"AG-{ZW}1"}, "invisible_character", "reference")
body("agreement", "reference_bom", {"reference": "\ufeffAG-1"}, "invisible_character", "reference")
body("agreement", "reference_too_long", {"reference": "A" * 81}, "too_long", "reference")
body("agreement", "title_surrogate", None, "invalid_text", "title",
     raw=json.dumps(AGREEMENT).replace('"Corpus agreement"', '"Corpus \\ud800 agreement"'))
body("agreement", "summary_escape", {"summary": "a\x1b[2Jb"}, "control_character", "summary")
body("agreement", "activity_20_digits", {"activities": [12345678901234567890]}, "unknown_code", "activities")
body("agreement", "party_20_digits", lambda d: d["parties"][1].update(organisation=12345678901234567890),
     "invalid", "parties", status=422)
body("agreement", "signed_feb_30", {"signed_on": "2025-02-30"}, "invalid", "signed_on")
body("agreement", "start_year_1", {"start_date": "0001-01-01"}, "out_of_range", "start_date")
body("contribution", "symbol_zero_width", {"symbol": f"SG1{ZW}-C.1"}, "invisible_character", "symbol")
body("contribution", "title_nul", {"title": "Corpus\x00contribution"}, "control_character", "title")
body("contribution", "meeting_too_long", {"meeting": "M" * 201}, "too_long", "meeting")
body("contribution", "date_feb_30", {"date": "2025-02-30"}, "invalid", "date")
body("request", "title_nul", {"title": "Help\x00map"}, "control_character", "title")
body("request", "description_nul", {"description": "We need\x00 a map."}, "control_character", "description")
body("request", "title_too_long", {"title": "T" * 301}, "too_long", "title")
body("registration", "name_nul", {"name": "A.\x00P"}, "control_character", "name")
body("registration", "organisation_too_long", {"organisation_name": "O" * 301}, "too_long", "organisation_name")
body("flow", "amount_1e25", {"amount": "1e25"}, "out_of_range", "amount")
body("flow", "description_nul", {"description": "a\x00b"}, "control_character", "description")
body("flow", "activity_20_digits", {"activity": "12345678901234567890"}, "unknown_code", "activity")
body("flow", "funder_id_20_digits", {"funder": {"id": 12345678901234567890}}, "invalid", "funder", status=422)
body("activity", "budget_40_digits", {"budget_amount": "9" * 40}, "out_of_range", "budget_amount")
body("activity", "budget_rounded", {"budget_amount": "1.999"}, "too_many_decimals", "budget_amount")
body("activity", "title_nul", lambda d: d["texts"]["en"].update(title="Corpus\x00activity"), "control_character",
     "texts.en.title")
body("activity", "title_surrogate", None, "invalid_text", "texts.en.title",
     raw=json.dumps(ACTIVITY_JSON).replace('"Corpus activity"', '"Corpus \\udfff activity"'))
body("activity", "external_id_zero_width", {"external_id": f"XM{ZW}-1"}, "invisible_character", "external_id")
body("activity", "link_nul", {"links": ["https://example.org/\x00"]}, "invalid", "links")
body("activity", "nested_duplicate_key", None, "duplicate_key", "title",
     raw=json.dumps(ACTIVITY_JSON).replace('"title": "Corpus activity"', '"title": "A", "title": "B"'))
body("activity", "lead_id_20_digits", {"lead_organisation": {"id": 12345678901234567890}}, "invalid",
     "lead_organisation", status=422)
body("activity", "lead_id_unknown", {"lead_organisation": {"id": 987654321}}, "unknown_code", "lead_organisation")
body("activity", "partner_id_20_digits", {"partners": [{"id": 12345678901234567890}]}, "invalid", "partners.0",
     status=422)
body("activity", "infinity", None, "invalid_json", None,
     raw=json.dumps(ACTIVITY_JSON).replace('"budget_amount": "1000"', '"budget_amount": Infinity'))


if __name__ == "__main__":
    (HERE / "manifest.json").write_text(json.dumps(CASES, indent=1, ensure_ascii=True) + "\n")
    bad = [c for c in CASES if not c.get("valid")]
    print(f"{len(bad)} bad cases, {len(CASES) - len(bad)} valid controls")
