"""Spreadsheet form of activities: round trips, every check without a database, and broken files."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from wsis.core.errors import ValidationFailed
from wsis.stocktaking import tabular
from wsis.stocktaking.tabular import COLUMNS


def _activity(**changes) -> dict:
    data = {
        "external_id": None,
        "kind": "training",
        "original_language": "en",
        "texts": {"en": {"title": "Workshop", "summary": "", "description": ""}},
        "lead_organisation": {"name": "ITU BDT", "identifier": "", "kind": ""},
        "partners": [],
        "scope": "global",
        "economies": [],
        "groups": [],
        "action_lines": [],
        "sdg_targets": [],
        "matrix_justification": "",
        "strategic_targets": [],
        "priority": "",
        "status": "planned",
        "start_date": None,
        "end_date": None,
        "beneficiary_groups": [],
        "budget_amount": None,
        "budget_currency": "",
        "links": [],
        "contact_name": "",
        "contact_email": "",
    }
    data.update(changes)
    return data


ACTIVITIES = [
    _activity(
        external_id="XM-DAC-41114-PROJECT-00012",
        kind="project",
        original_language="ar",
        texts={
            "ar": {"title": "ربط المدارس بالإنترنت", "summary": "توصيل المدارس الريفية",
                   "description": "مشروع إقليمي لتوصيل المدارس"},
            "en": {"title": "Connecting schools", "summary": "Rural schools online", "description": ""},
        },
        lead_organisation={"name": "Ministry of Communications", "identifier": "EG-GOV-1", "kind": ""},
        partners=[
            {"name": "UNICEF", "identifier": "", "kind": "", "role": "implementing"},
            {"name": "World Bank", "identifier": "", "kind": "", "role": "funding"},
        ],
        scope="regional",
        economies=["EGY", "JOR", "MAR"],
        groups=["ARB", "LDC"],
        action_lines=["C2", "C7.e-learning"],
        sdg_targets=["4.a", "9.c", "17.19"],
        matrix_justification="Schools are the first public access point.",
        strategic_targets=["C2030-1.1", "UMC-UNI-SCHOOLS"],
        priority="affordable_connectivity",
        status="ongoing",
        start_date="2024-01-15",
        end_date="2026-12-31",
        beneficiary_groups=["youth", "rural_remote"],
        budget_amount="1500000.00",
        budget_currency="USD",
        links=["https://www.itu.int/giga", "http://example.org/schools?id=7&x=1"],
        contact_name="Amal Haddad",
        contact_email="amal.haddad@example.org",
    ),
    _activity(
        kind="training",
        original_language="zh-hans",
        texts={"zh-hans": {"title": "数字技能培训", "summary": "=SUM(A1:A3) 不是公式",
                           "description": "第一天：基础\n第二天：网络安全\n- 第三天：实践"}},
        lead_organisation={"name": "中国信息通信研究院", "identifier": "", "kind": ""},
        scope="national",
        economies=["CHN"],
        action_lines=["C4"],
        status="completed",
        start_date="2023-05-01",
        end_date="2023-05-03",
        beneficiary_groups=["women_girls", "msme"],
    ),
    _activity(
        kind="regional_initiative",
        original_language="ru",
        texts={
            "ru": {"title": "Цифровая трансформация в Центральной Азии", "summary": "Региональная инициатива",
                   "description": "Совместная работа регуляторов"},
            "fr": {"title": "Transformation numérique en Asie centrale", "summary": "", "description": ""},
            "es": {"title": "Transformación digital", "summary": "", "description": "Iniciativa regional"},
        },
        lead_organisation={"name": "Regional Commonwealth in the field of Communications", "identifier": "", "kind": ""},
        partners=[
            {"name": "UNDP", "identifier": "", "kind": "", "role": "lead"},
            {"name": "Kazakhtelecom", "identifier": "", "kind": "", "role": "beneficiary"},
        ],
        scope="regional",
        economies=["KAZ", "KGZ", "RUS", "UZB"],
        groups=["CIS"],
        action_lines=["C7.e-government", "C6", "C11"],
        sdg_targets=["16.6"],
        priority="digital_transformation",
        status="planned",
        start_date="2025-03-01",
        beneficiary_groups=["older_persons", "persons_disabilities"],
        budget_amount="250000.50",
        budget_currency="EUR",
        contact_email="office@example.net",
    ),
]


def _valid_row(**changes) -> dict:
    row = {"kind": "training", "original_language": "en", "title_en": "Workshop",
           "lead_organisation": "ITU BDT", "scope": "global", "status": "planned"}
    row.update(changes)
    return row


def _write(tmp_path, rows: list[dict], columns=None, name="in.csv", delimiter=",") -> object:
    columns = columns or list(COLUMNS)
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns])
    return path


def _problems(exc: ValidationFailed) -> set[tuple[str | None, str | None]]:
    return {(e.location, e.field) for e in exc.errors}


def test_csv_round_trip(tmp_path):
    path = tmp_path / "activities.csv"
    tabular.write_csv(ACTIVITIES, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    read = tabular.read_csv(path)
    assert [data for _where, data in read] == ACTIVITIES
    # Locations are file lines: the second activity's description spans three lines.
    assert [where for where, _data in read] == ["activities.csv:2", "activities.csv:3", "activities.csv:6"]


def test_xlsx_round_trip(tmp_path):
    path = tmp_path / "activities.xlsx"
    tabular.write_xlsx(ACTIVITIES, path)
    read = tabular.read_xlsx(path)
    assert [data for _where, data in read] == ACTIVITIES
    assert [where for where, _data in read] == ["activities.xlsx:2", "activities.xlsx:3", "activities.xlsx:4"]


def test_csv_cells_that_look_like_formulas_are_quoted_for_spreadsheets(tmp_path):
    path = tmp_path / "a.csv"
    tabular.write_csv(ACTIVITIES, path)
    assert "'=SUM(A1:A3)" in path.read_text(encoding="utf-8-sig")
    assert tabular.read_csv(path)[1][1]["texts"]["zh-hans"]["summary"] == "=SUM(A1:A3) 不是公式"


def test_xlsx_layout(tmp_path):
    path = tmp_path / "a.xlsx"
    tabular.write_xlsx(ACTIVITIES, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["activities"]
    assert wb.sheetnames == ["activities", "codes"]
    assert [c.value for c in ws[1]] == COLUMNS
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width >= len("external_id")
    start = ws.cell(2, COLUMNS.index("start_date") + 1)
    assert start.value == dt.datetime(2024, 1, 15)
    assert ws.cell(3, COLUMNS.index("summary_zh-hans") + 1).data_type == "s"
    codes = {(r[0], r[1]): r[2] for r in wb["codes"].iter_rows(min_row=2, values_only=True)}
    assert codes[("kind", "training")] == "Training or workshop"
    assert codes[("partners", "funding")] == "Funding"
    assert codes[("original_language", "zh-hans")] == "Chinese"
    assert {k for k, _code in codes} == {"kind", "scope", "status", "priority", "beneficiary_groups",
                                          "partners", "original_language"}


def test_write_csv_to_text_and_binary_streams():
    text, binary = io.StringIO(), io.BytesIO()
    tabular.write_csv(ACTIVITIES[:1], text)
    tabular.write_csv(ACTIVITIES[:1], binary)
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    assert text.getvalue().startswith("\ufeff" + ",".join(COLUMNS[:3]))
    assert not binary.closed


def test_activities_to_rows_joins_lists_and_partners():
    row = tabular.activities_to_rows(ACTIVITIES[:1])[0]
    assert row["partners"] == "UNICEF [implementing]; World Bank [funding]"
    assert row["economies"] == "EGY; JOR; MAR"
    assert row["budget_amount"] == "1500000.00"
    assert row["title_zh-hans"] == ""
    assert list(row) == COLUMNS


def test_normalisations(tmp_path):
    path = _write(tmp_path, [_valid_row(
        kind=" Project ", status="ONGOING", scope="Inter-regional", original_language="EN",
        title_en="  Spaced  ", partners="UNDP; ITU [Funding]", economies="ken; uga,KEN",
        action_lines="c2; C7.E-Health", sdg_targets="9.C; 17.01", beneficiary_groups="Youth, Women and girls",
        priority="Digital transformation", budget_amount="1500", budget_currency="usd",
    )])
    data = tabular.read_csv(path)[0][1]
    assert data["kind"] == "project"
    assert data["status"] == "ongoing"
    assert data["scope"] == "inter_regional"
    assert data["texts"] == {"en": {"title": "Spaced", "summary": "", "description": ""}}
    assert data["partners"] == [{"name": "UNDP", "identifier": "", "kind": "", "role": "implementing"},
                                {"name": "ITU", "identifier": "", "kind": "", "role": "funding"}]
    assert data["economies"] == ["KEN", "UGA"]
    assert data["action_lines"] == ["C2", "C7.e-health"]
    assert data["sdg_targets"] == ["9.c", "17.1"]
    assert data["beneficiary_groups"] == ["youth", "women_girls"]
    assert data["priority"] == "digital_transformation"
    assert data["budget_amount"] == "1500.00"
    assert data["budget_currency"] == "USD"
    assert data["external_id"] is None


def test_xlsx_accepts_real_date_and_number_cells(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Activities"
    header = list(_valid_row(start_date="", end_date="", budget_amount="", budget_currency=""))
    ws.append(header)
    ws.append(list(_valid_row(start_date=dt.datetime(2024, 2, 29), end_date=dt.date(2024, 3, 1),
                              budget_amount=1234.5, budget_currency="CHF").values()))
    wb.create_sheet("notes", 0)
    path = tmp_path / "dates.xlsx"
    wb.save(path)
    data = tabular.read_xlsx(path)[0][1]
    assert (data["start_date"], data["end_date"]) == ("2024-02-29", "2024-03-01")
    assert (data["budget_amount"], data["budget_currency"]) == ("1234.50", "CHF")


def test_unknown_kind_and_bad_date_are_reported_together(tmp_path):
    path = _write(tmp_path, [_valid_row(), _valid_row(kind="seminar"), _valid_row(),
                             _valid_row(start_date="2024-13-01")], name="batch.csv")
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    exc = info.value
    assert _problems(exc) == {("batch.csv:3", "kind"), ("batch.csv:5", "start_date")}
    assert exc.message == "2 problem(s) in batch.csv; nothing was written"
    assert "batch.csv:3, field kind: unknown kind 'seminar'" in str(exc)


BAD_CELLS = [
    ({"kind": "projet"}, "kind", "unknown kind"),
    ({"kind": ""}, "kind", "required"),
    ({"original_language": "de"}, "original_language", "unknown language"),
    ({"title_en": ""}, "title_en", "original language"),
    ({"summary_fr": "Résumé"}, "title_fr", "required"),
    ({"lead_organisation": ""}, "lead_organisation", "required"),
    ({"kind": "project"}, "partners", "partner"),
    ({"partners": "ACME [sponsor]"}, "partners", "unknown partner role 'sponsor'"),
    ({"partners": "[funding]"}, "partners", "no organisation name"),
    ({"scope": "continental"}, "scope", "unknown scope"),
    ({"status": "done"}, "status", "unknown status"),
    ({"priority": "speed"}, "priority", "unknown priority"),
    ({"beneficiary_groups": "youth; pensioners"}, "beneficiary_groups", "'pensioners'"),
    ({"start_date": "31/12/2024"}, "start_date", "YYYY-MM-DD"),
    ({"end_date": "2025-02-30"}, "end_date", "not a calendar date"),
    ({"start_date": "2025-01-02", "end_date": "2025-01-01"}, "end_date", "before the start date"),
    ({"budget_amount": "-5", "budget_currency": "USD"}, "budget_amount", "negative"),
    ({"budget_amount": "1,500", "budget_currency": "USD"}, "budget_amount", "not a number"),
    ({"budget_amount": "12.345", "budget_currency": "USD"}, "budget_amount", "two decimal places"),
    ({"budget_amount": "100"}, "budget_currency", "currency"),
    ({"budget_amount": "100", "budget_currency": "US$"}, "budget_currency", "ISO 4217"),
    ({"economies": "KEN; KE"}, "economies", "'KE'"),
    ({"groups": "LDC; not a code"}, "groups", "group code"),
    ({"action_lines": "C12"}, "action_lines", "action line"),
    ({"action_lines": "C3.e-health"}, "action_lines", "action line"),
    ({"sdg_targets": "18.1"}, "sdg_targets", "SDG target"),
    ({"sdg_targets": "9"}, "sdg_targets", "SDG target"),
    ({"strategic_targets": "C2030 1.1"}, "strategic_targets", "strategic target"),
    ({"links": "https://itu.int; www.itu.int"}, "links", "'www.itu.int'"),
    ({"links": "ftp://itu.int/file"}, "links", "http"),
    ({"contact_email": "someone@"}, "contact_email", "e-mail"),
    ({"external_id": "x" * 201}, "external_id", "longer than 200"),
    ({"title_en": "t" * 501}, "title_en", "longer than 500"),
]


@pytest.mark.parametrize(("changes", "field", "fragment"), BAD_CELLS)
def test_each_bad_cell_names_row_and_column(tmp_path, changes, field, fragment):
    path = _write(tmp_path, [_valid_row(), _valid_row(**changes)])
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    (error,) = info.value.errors
    assert (error.location, error.field) == ("in.csv:3", field)
    assert fragment in error.message


def test_all_bad_cells_of_a_file_come_in_one_error(tmp_path):
    rows = [_valid_row(**changes) for changes, _field, _fragment in BAD_CELLS]
    path = _write(tmp_path, rows, name="many.csv")
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    expected = {(f"many.csv:{n}", field) for n, (_c, field, _f) in enumerate(BAD_CELLS, start=2)}
    assert _problems(info.value) == expected
    assert len(info.value.errors) == len(BAD_CELLS)


def test_the_same_errors_from_xlsx(tmp_path):
    path = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(COLUMNS)
    for changes, _field, _fragment in BAD_CELLS:
        row = _valid_row(**changes)
        ws.append([row.get(c) or None for c in COLUMNS])
    wb.save(path)
    with pytest.raises(ValidationFailed) as info:
        tabular.read_xlsx(path)
    expected = {(f"bad.xlsx:{n}", field) for n, (_c, field, _f) in enumerate(BAD_CELLS, start=2)}
    assert _problems(info.value) == expected


def test_duplicate_external_id(tmp_path):
    path = _write(tmp_path, [_valid_row(external_id="A-1"), _valid_row(external_id="A-1")])
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    assert _problems(info.value) == {("in.csv:3", "external_id")}
    assert "row 2" in info.value.errors[0].message


def test_missing_required_columns_are_named_in_one_error(tmp_path):
    columns = [c for c in COLUMNS if c not in ("scope", "status")]
    path = _write(tmp_path, [_valid_row()], columns=columns)
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    (error,) = info.value.errors
    assert error.code == "missing_column"
    assert error.location == "in.csv:1"
    assert "scope" in error.message and "status" in error.message


def test_unknown_columns_are_named(tmp_path):
    path = _write(tmp_path, [_valid_row(colour="blue")], columns=[*COLUMNS, "colour", "titel_en"])
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    by_field = {e.field: e for e in info.value.errors}
    assert set(by_field) == {"colour", "titel_en"}
    assert all(e.code == "unknown_column" and e.location == "in.csv:1" for e in by_field.values())
    assert "did you mean 'title_en'" in by_field["titel_en"].message


def test_header_names_are_forgiving(tmp_path):
    columns = ["Kind", "Original language", "Title_ZH_Hans", "Lead organisation", "Scope", "Status"]
    path = tmp_path / "h.csv"
    path.write_text(",".join(columns) + "\nevent,zh,会议,ITU,global,planned\n", encoding="utf-8")
    data = tabular.read_csv(path)[0][1]
    assert data["original_language"] == "zh-hans"
    assert data["texts"]["zh-hans"]["title"] == "会议"


def test_values_under_a_column_without_a_name(tmp_path):
    path = tmp_path / "extra.csv"
    header = ",".join(_valid_row())
    path.write_text(f"{header}\n{','.join(_valid_row().values())},stray\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    assert _problems(info.value) == {("extra.csv:2", "column 7")}


def test_latin1_csv_gives_a_clear_message(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes((",".join(_valid_row()) + "\ntraining,fr,Atelier régional,UIT,global,planned\n")
                     .encode("latin-1"))
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    (error,) = info.value.errors
    assert error.code == "encoding"
    assert error.location == "latin.csv:2"
    offset = path.read_bytes().index(b"\xe9")
    assert f"byte {offset}" in error.message
    assert "latin.csv" in error.message and "UTF-8" in error.message


def test_corrupt_xlsx_gives_a_clear_message(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(bytes((i * 37 + 11) % 256 for i in range(4096)))
    with pytest.raises(ValidationFailed) as info:
        tabular.read_xlsx(path)
    (error,) = info.value.errors
    assert "broken.xlsx is not a valid XLSX workbook" in error.message
    assert info.value.message == "1 problem(s) in broken.xlsx; nothing was written"


def test_old_xls_is_named(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ValidationFailed) as info:
        tabular.read_xlsx(path)
    assert ".xls" in info.value.errors[0].message


def test_semicolon_delimited_csv(tmp_path):
    path = _write(tmp_path, [_valid_row(economies="KEN; UGA", partners="A [funding]; B")],
                  delimiter=";", name="semi.csv")
    (where, data), = tabular.read_csv(path)
    assert where == "semi.csv:2"
    assert data["economies"] == ["KEN", "UGA"]
    assert [p["name"] for p in data["partners"]] == ["A", "B"]


def test_empty_rows_are_skipped(tmp_path):
    path = _write(tmp_path, [_valid_row(), {}, _valid_row(title_en="Second")])
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\n   ,  ,\n")
    read = tabular.read_csv(path)
    assert [where for where, _d in read] == ["in.csv:2", "in.csv:4"]

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(_valid_row()))
    ws.append(list(_valid_row().values()))
    ws.append([None] * 6)
    ws.append(list(_valid_row(title_en="Third").values()))
    xlsx = tmp_path / "gaps.xlsx"
    wb.save(xlsx)
    assert [where for where, _d in tabular.read_xlsx(xlsx)] == ["gaps.xlsx:2", "gaps.xlsx:4"]


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ValidationFailed) as info:
        tabular.read_csv(path)
    assert info.value.errors[0].code == "empty"


def test_templates_read_back_as_no_activities(tmp_path):
    csv_path, xlsx_path = tmp_path / "template.csv", tmp_path / "template.xlsx"
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        tabular.template_csv(fh)
    with xlsx_path.open("wb") as fh:
        tabular.template_xlsx(fh)
    assert csv_path.read_text(encoding="utf-8-sig").strip() == ",".join(COLUMNS)
    assert tabular.read_csv(csv_path) == []
    assert tabular.read_xlsx(xlsx_path) == []
    assert openpyxl.load_workbook(xlsx_path).sheetnames == ["activities", "codes"]


def test_rows_to_activities_directly():
    rows = [(2, _valid_row(kind="event")), (3, {"kind": ""})]
    assert tabular.rows_to_activities(rows[:1], "api") == [("api:2", _activity(kind="event"))]
    assert tabular.rows_to_activities([], "api") == []


def test_required_columns():
    assert tabular.REQUIRED == ["kind", "original_language", "lead_organisation", "scope", "status"]
    assert COLUMNS[:6] == ["external_id", "kind", "original_language", "title_ar", "summary_ar", "description_ar"]
    assert "title_zh-hans" in COLUMNS and COLUMNS[-1] == "contact_email"
    assert len(COLUMNS) == len(set(COLUMNS)) == 3 + 18 + 20
