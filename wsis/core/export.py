"""CSV and JSON downloads of list rows, the same rows the pages and the API show."""

import csv
import io
import json

from django.http import HttpResponse

from wsis.core.cells import csv_guard, xlsx_append


def _cell(value):
    # A spreadsheet cell holds one value: a mapping becomes "key:value;key:value" as lists become "a;b".
    if isinstance(value, dict):
        return ";".join(f"{k}:{_cell(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_response(rows: list[dict], filename: str, columns: list[str] | None = None) -> HttpResponse:
    columns = columns or (list(rows[0].keys()) if rows else [])
    buf = io.StringIO()
    # A BOM lets spreadsheet programs open Arabic and Chinese text as UTF-8.
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([csv_guard(c) for c in columns])
    for row in rows:
        writer.writerow([csv_guard(_cell(row.get(c))) for c in columns])
    resp = HttpResponse(buf.getvalue(), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return resp


def json_download(rows: list[dict], filename: str) -> HttpResponse:
    resp = HttpResponse(json.dumps({"count": len(rows), "results": rows}, ensure_ascii=False, indent=1),
                        content_type="application/json; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return resp


def xlsx_response(rows: list[dict], filename: str, columns: list[str] | None = None,
                  sheet: str = "data") -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns = columns or (list(rows[0].keys()) if rows else [])
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    xlsx_append(ws, columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in rows:
        xlsx_append(ws, [_cell(row.get(c)) for c in columns])
    buf = io.BytesIO()
    wb.save(buf)
    resp = HttpResponse(buf.getvalue(),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return resp


def download(rows: list[dict], filename: str, fmt: str, columns: list[str] | None = None) -> HttpResponse:
    """The same rows as CSV, JSON or XLSX."""
    if fmt == "csv":
        return csv_response(rows, filename, columns)
    if fmt == "xlsx":
        return xlsx_response(rows, filename, columns)
    return json_download(rows, filename)
