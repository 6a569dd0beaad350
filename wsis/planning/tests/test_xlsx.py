"""Spreadsheet form of an operational plan: round trips, type checks without a database, broken files."""

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from wsis.core.errors import ValidationFailed
from wsis.planning.xlsx import SHEETS, plan_template_xlsx, read_plan_xlsx, write_plan_xlsx

D = dt.date
FILE = "plan.xlsx"

TITLES = {
    "en": "ITU-D Operational Plan 2026-2027",
    "fr": "Plan opérationnel de l'UIT-D 2026-2027",
    "es": "Plan Operacional del UIT-D 2026-2027",
    "ru": "Оперативный план МСЭ-D на 2026–2027 годы",
    "ar": "الخطة التشغيلية لقطاع تنمية الاتصالات 2026-2027",
    "zh-hans": "国际电联电信发展部门2026-2027年运作规划",
}

PLAN = {
    "code": "OP-2026",
    "start": D(2026, 1, 1),
    "end": D(2027, 12, 31),
    "titles": TITLES,
    "objectives": [
        {"code": "OBJ-1", "titles": {"en": "Affordable connectivity", "fr": "Connectivité abordable",
                                     "ar": "التوصيل الميسور التكلفة", "zh-hans": "可负担的连通性"}},
        {"code": "OBJ-2", "titles": {"en": "Digital transformation"}},
    ],
    "outputs": [
        {
            "code": "OUT-1.1", "objective": "OBJ-1", "office": "ITU Regional Office for Africa",
            "titles": {"en": "Broadband maps", "fr": "Cartes du haut débit", "es": "Mapas de banda ancha",
                       "ru": "Карты широкополосной связи", "ar": "خرائط النطاق العريض", "zh-hans": "宽带地图"},
            "descriptions": {"en": "National maps of broadband coverage.\nUpdated yearly.",
                             "ar": "خرائط وطنية لتغطية النطاق العريض."},
            "action_lines": ["C2", "C7.e-learning"],
            "sdg_targets": ["9.c", "17.10"],
            "strategic_targets": ["C2030-1.1", "UMC-INF-4G"],
            "activities": ["#12", "XM-DAC-41114-PROJECT-00012"],
        },
        {
            "code": "OUT-2.1", "objective": "OBJ-2", "office": "BDT-DNS",
            "titles": {"en": "=Digital skills (not a formula)"}, "descriptions": {},
            "action_lines": [], "sdg_targets": [], "strategic_targets": [], "activities": [],
        },
    ],
    "kpis": [
        {"output": "OUT-1.1", "code": "KPI-1", "unit": "%", "direction": "increase", "baseline": 12.5,
         "baseline_year": 2025, "target": 40.0, "deadline": D(2027, 12, 31), "source": "manual",
         "measure": "", "activity_kinds": [], "activity_statuses": [], "currency": "", "indicator": "", "area": "",
         "titles": {"en": "Share of economies with a broadband map", "zh-hans": "拥有宽带地图的经济体比例",
                    "ar": "نسبة الاقتصادات التي لديها خريطة"}},
        {"output": "OUT-2.1", "code": "KPI-2", "unit": "USD", "direction": "decrease", "baseline": 1234567.89,
         "baseline_year": 2024, "target": 0.1, "deadline": D(2027, 6, 30), "source": "activities",
         "measure": "budget", "activity_kinds": ["training", "event"], "activity_statuses": ["ongoing"],
         "currency": "USD", "indicator": "", "area": "", "titles": {"en": "Budget of trainings"}},
    ],
    "milestones": [
        {"output": "OUT-1.1", "due": D(2026, 6, 30), "expected": D(2026, 9, 30), "completed": None,
         "titles": {"en": "Methodology agreed", "ru": "Методология согласована"}},
        {"output": "OUT-1.1", "due": D(2026, 3, 31), "expected": None, "completed": D(2026, 3, 15),
         "titles": {"en": "Survey sent"}},
    ],
    "periods": [
        {"code": "2026-H1", "start": D(2026, 1, 1), "end": D(2026, 6, 30), "due": D(2026, 7, 15)},
        {"code": "2026-H2", "start": D(2026, 7, 1), "end": D(2026, 12, 31), "due": D(2027, 1, 15)},
    ],
}


def _headers(name):
    return [col.name for col in SHEETS[name].columns]


def _minimal() -> dict:
    """Rows of the smallest valid workbook, sheet by sheet (header first)."""
    return {
        "Plan": [["code", "start", "end", "title_en"], ["OP-2026", D(2026, 1, 1), D(2027, 12, 31), "Plan"]],
        "Objectives": [["code", "title_en"], ["OBJ-1", "Connectivity"]],
        "Outputs": [["code", "objective", "office", "title_en"], ["OUT-1", "OBJ-1", "AFR", "Maps"]],
    }


def _book(sheets: dict) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _without_loc(value):
    if isinstance(value, dict):
        return {k: _without_loc(v) for k, v in value.items() if k != "_loc"}
    if isinstance(value, list):
        return [_without_loc(v) for v in value]
    return value


def _failure(content: bytes, filename: str = FILE) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as info:
        read_plan_xlsx(content, filename)
    return info.value


def test_round_trip_of_a_whole_plan():
    content = write_plan_xlsx(PLAN)
    data = read_plan_xlsx(content, FILE)
    assert _without_loc(data) == PLAN
    assert data["_loc"] == "plan.xlsx, sheet Plan, row 2"
    assert data["objectives"][1]["_loc"] == "plan.xlsx, sheet Objectives, row 3"
    assert data["kpis"][1]["_loc"] == "plan.xlsx, sheet KPIs, row 3"
    assert data["periods"][0]["_loc"] == "plan.xlsx, sheet Periods, row 2"
    # Writing what was read gives the same plan again.
    assert _without_loc(read_plan_xlsx(write_plan_xlsx(data), FILE)) == PLAN


def test_written_cells_are_dates_text_and_styled():
    wb = openpyxl.load_workbook(io.BytesIO(write_plan_xlsx(PLAN)))
    assert wb.sheetnames == ["Read me", *SHEETS]
    plan, outputs, objectives = wb["Plan"], wb["Outputs"], wb["Objectives"]
    assert plan["B2"].value == dt.datetime(2026, 1, 1) and plan["B2"].number_format == "yyyy-mm-dd"
    assert plan["A1"].font.bold and plan.freeze_panes == "A2"
    assert outputs.column_dimensions["A"].width >= len("code")
    lines = outputs.cell(2, _headers("Outputs").index("sdg_targets") + 1)
    assert lines.value == "9.c; 17.10" and lines.data_type == "s"
    formula_like = outputs.cell(3, _headers("Outputs").index("title_en") + 1)
    assert formula_like.data_type == "s"
    assert [c.value for c in objectives[1]] == _headers("Objectives")


def test_type_errors_are_collected_across_sheets_with_their_place():
    sheets = _minimal()
    sheets["Plan"][1][1] = "2026-13-01"
    sheets["Plan"][1][2] = "soon"
    sheets["KPIs"] = [
        ["output", "code", "direction", "baseline", "baseline_year", "target", "deadline", "name_en"],
        ["OUT-1", "K1", "increase", "abc", "twenty", "1,000", 46000, "Maps"],
        ["OUT-1", "K2", "increase", 1, 2025.5, "5%", "2027-12-31", "Maps"],
    ]
    sheets["Milestones"] = [["output", "due", "title_en"], ["OUT-1", "31/12/2026", "Done"]]
    failure = _failure(_book(sheets))
    found = {(e.location, e.field) for e in failure.errors}
    assert found == {
        ("plan.xlsx, sheet Plan, row 2", "start"),
        ("plan.xlsx, sheet Plan, row 2", "end"),
        ("plan.xlsx, sheet KPIs, row 2", "baseline"),
        ("plan.xlsx, sheet KPIs, row 2", "baseline_year"),
        ("plan.xlsx, sheet KPIs, row 2", "target"),
        ("plan.xlsx, sheet KPIs, row 2", "deadline"),
        ("plan.xlsx, sheet KPIs, row 3", "baseline_year"),
        ("plan.xlsx, sheet KPIs, row 3", "target"),
        ("plan.xlsx, sheet Milestones, row 2", "due"),
    }
    assert {e.code for e in failure.errors} == {"invalid"}
    assert failure.message == "9 problem(s) in plan.xlsx; nothing was imported"
    lines = str(failure).splitlines()
    assert len(lines) == 9
    assert "plan.xlsx, sheet KPIs, row 2, field baseline: 'abc' is not a number" in lines[2]
    for line in lines:
        assert line.startswith("plan.xlsx, sheet ") and ", row " in line and ", field " in line
    messages = {(e.location.split(", ", 1)[1], e.field): e.message for e in failure.errors}
    assert "ambiguous" in messages[("sheet KPIs, row 2", "target")]
    assert "is a number, not a date" in messages[("sheet KPIs, row 2", "deadline")]
    assert "not a calendar date" in messages[("sheet Plan, row 2", "start")]


def test_a_missing_required_sheet_is_reported():
    sheets = _minimal()
    del sheets["Outputs"]
    failure = _failure(_book(sheets))
    assert [(e.code, e.field, e.location) for e in failure.errors] == [("missing_sheet", "Outputs", FILE)]
    assert "no sheet 'Outputs'" in failure.errors[0].message


def test_optional_sheets_may_be_absent_but_not_misspelt():
    data = read_plan_xlsx(_book(_minimal()), FILE)
    assert data["kpis"] == data["milestones"] == data["periods"] == []
    sheets = _minimal()
    sheets["KPI"] = [_headers("KPIs")]
    sheets["Notes"] = [["anything"], ["goes here"]]
    failure = _failure(_book(sheets))
    assert [(e.code, e.field) for e in failure.errors] == [("missing_sheet", "KPIs")]
    assert "'KPI'" in failure.errors[0].message


def test_a_missing_required_column_is_reported():
    sheets = _minimal()
    sheets["Objectives"] = [["title_en"], ["Connectivity"]]
    failure = _failure(_book(sheets))
    assert [(e.code, e.field, e.location) for e in failure.errors] == [
        ("missing_column", "code", "plan.xlsx, sheet Objectives, row 1")]


def test_unknown_columns_are_reported_not_ignored():
    sheets = _minimal()
    sheets["Outputs"][0] += ["titel_fr", "title_de"]
    sheets["Outputs"][1] += ["Cartes", "Karten"]
    sheets["Objectives"][1].append("stray value")
    failure = _failure(_book(sheets))
    errors = [(e.code, e.field, e.location) for e in failure.errors]
    assert errors == [
        ("unknown_column", "column C", "plan.xlsx, sheet Objectives, row 2"),
        ("unknown_column", "titel_fr", "plan.xlsx, sheet Outputs, row 1"),
        ("unknown_column", "title_de", "plan.xlsx, sheet Outputs, row 1"),
    ]
    assert "did you mean 'title_fr'?" in failure.errors[1].message


def test_bytes_that_are_not_a_workbook():
    for content in (b"code,start\nOP-2026,2026-01-01\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100):
        failure = _failure(content, "plan.csv")
        assert len(failure.errors) == 1
        error = failure.errors[0]
        assert error.location == "plan.csv"
        assert "plan.csv is not an Excel .xlsx workbook" in error.message
    assert "97-2003" in failure.errors[0].message
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert "is not an Excel .xlsx workbook" in _failure(buffer.getvalue()).errors[0].message


def test_numbers_accept_a_decimal_comma_and_text():
    sheets = _minimal()
    sheets["KPIs"] = [
        ["output", "code", "direction", "baseline", "baseline_year", "target", "deadline", "name_en"],
        ["OUT-1", "K1", "Increase", "12,5", "2025", " 40 ", "2027-12-31", "A"],
        ["OUT-1", "K2", "decrease", 7, 2024.0, 0.25, dt.datetime(2027, 6, 30), "B"],
        ["OUT-1", "K3", "decrease", "-3.5", 2024, ",5", D(2027, 6, 30), "C"],
    ]
    kpis = read_plan_xlsx(_book(sheets), FILE)["kpis"]
    assert [(k["baseline"], k["target"], k["baseline_year"]) for k in kpis] == [
        (12.5, 40.0, 2025), (7.0, 0.25, 2024), (-3.5, 0.5, 2024)]
    assert all(isinstance(k["baseline"], float) and isinstance(k["target"], float) for k in kpis)
    assert all(isinstance(k["baseline_year"], int) for k in kpis)
    assert kpis[0]["direction"] == "increase"


def test_dates_given_as_text_or_date_cells():
    sheets = _minimal()
    sheets["Plan"][1][1:3] = ["2026-01-01", dt.datetime(2027, 12, 31, 0, 0)]
    sheets["Periods"] = [["code", "start", "end", "due"], ["2026-Q1", " 2026-01-01 ", D(2026, 3, 31), "2026-04-15"]]
    sheets["Milestones"] = [["output", "due", "expected", "completed", "title_en"],
                            ["OUT-1", "2026-06-30", "", None, "M"]]
    data = read_plan_xlsx(_book(sheets), FILE)
    assert (data["start"], data["end"]) == (D(2026, 1, 1), D(2027, 12, 31))
    assert type(data["end"]) is dt.date
    assert _without_loc(data["periods"]) == [
        {"code": "2026-Q1", "start": D(2026, 1, 1), "end": D(2026, 3, 31), "due": D(2026, 4, 15)}]
    assert _without_loc(data["milestones"]) == [
        {"output": "OUT-1", "due": D(2026, 6, 30), "expected": None, "completed": None, "titles": {"en": "M"}}]


def test_empty_rows_are_skipped_and_rows_keep_their_numbers():
    sheets = _minimal()
    sheets["Objectives"] = [["code", "title_en"], [None, None], ["OBJ-1", "One"], ["", "  "], [], ["OBJ-2", "Two"]]
    data = read_plan_xlsx(_book(sheets), FILE)
    assert [(o["code"], o["_loc"]) for o in data["objectives"]] == [
        ("OBJ-1", "plan.xlsx, sheet Objectives, row 3"), ("OBJ-2", "plan.xlsx, sheet Objectives, row 6")]


def test_headers_are_forgiving_and_list_cells_are_split():
    sheets = _minimal()
    sheets["plan"] = sheets.pop("Plan")
    sheets["plan"][0] = [" Code ", "START", "End", "Title_EN", "title_zh", "TITLE_AR"]
    sheets["plan"][1] += ["规划", "خطة"]
    sheets["Outputs"] = [
        ["code", "objective", "office", "title_en", "action_lines", "sdg_targets", "activities",
         "strategic_targets"],
        [1, "OBJ-1", "AFR", "Maps", "C2, C7.e-learning;;", 9.1, 12, "C2030-1.1\nC2030-1.2 ; "],
        ["OUT-2", "OBJ-1", "AFR", "More", "C3", "9.c; 17.8", "#12, 40.0", None],
    ]
    data = read_plan_xlsx(_book(sheets), "upload.xlsx")
    assert data["titles"] == {"en": "Plan", "zh-hans": "规划", "ar": "خطة"}
    assert data["_loc"] == "upload.xlsx, sheet plan, row 2"
    first, second = data["outputs"]
    assert first["code"] == "1"
    assert first["action_lines"] == ["C2", "C7.e-learning"]
    assert first["sdg_targets"] == ["9.1"] and first["activities"] == ["12"]
    assert first["strategic_targets"] == ["C2030-1.1", "C2030-1.2"]
    assert second["sdg_targets"] == ["9.c", "17.8"] and second["activities"] == ["#12", "40.0"]
    assert second["strategic_targets"] == [] and second["descriptions"] == {}

    sheets = _minimal()
    sheets["Objectives"] = [["code", "title_en", "title_zh_hans"], ["OBJ-1", "One", "一"]]
    assert read_plan_xlsx(_book(sheets), FILE)["objectives"][0]["titles"] == {"en": "One", "zh-hans": "一"}


def test_the_plan_sheet_takes_exactly_one_row():
    sheets = _minimal()
    sheets["Plan"].append(["OP-2027", D(2027, 1, 1), D(2028, 1, 1), "Other"])
    failure = _failure(_book(sheets))
    assert [e.location for e in failure.errors] == ["plan.xlsx, sheet Plan, row 3"]
    sheets["Plan"] = sheets["Plan"][:1]
    failure = _failure(_book(sheets))
    assert [(e.code, e.location) for e in failure.errors] == [("required", "plan.xlsx, sheet Plan, row 2")]


def test_duplicate_columns_are_reported():
    sheets = _minimal()
    sheets["Objectives"] = [["code", "title_en", "Title_EN"], ["OBJ-1", "One", "Uno"]]
    failure = _failure(_book(sheets))
    assert [(e.code, e.field) for e in failure.errors] == [("duplicate", "title_en")]


def test_the_template_has_a_read_me_and_the_headers_of_every_sheet():
    content = plan_template_xlsx()
    wb = openpyxl.load_workbook(io.BytesIO(content))
    assert wb.sheetnames == ["Read me", "Plan", "Objectives", "Outputs", "KPIs", "Milestones", "Periods"]
    assert list(SHEETS) == wb.sheetnames[1:]
    for name in SHEETS:
        ws = wb[name]
        assert ws.max_row == 1
        assert [c.value for c in ws[1]] == _headers(name)
        assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    readme = list(wb["Read me"].iter_rows(values_only=True))
    assert readme[0] == ("sheet", "column", "required?", "meaning", "example")
    described = [(r[0], r[1]) for r in readme[1:] if r[0] in SHEETS]
    assert described == [(name, col.name) for name, sheet in SHEETS.items() for col in sheet.columns]
    rows = {(r[0], r[1]): r for r in readme[1:] if r[0] in SHEETS}
    assert rows[("Plan", "title_en")][2] == "yes"
    assert rows[("Plan", "title_fr")][2] == "no (falls back to English)"
    assert rows[("KPIs", "measure")][2] == "if source is activities"
    assert "31 December" in rows[("KPIs", "baseline_year")][3]
    assert "never moves" in rows[("Milestones", "due")][3]
    assert all(r[3] for r in rows.values())
    # The only problem of the empty template is the plan row it still needs.
    failure = _failure(content)
    assert [(e.code, e.location) for e in failure.errors] == [("required", "plan.xlsx, sheet Plan, row 2")]


def test_an_empty_plan_writes_the_template():
    assert openpyxl.load_workbook(io.BytesIO(write_plan_xlsx({}))).sheetnames == ["Read me", *SHEETS]
