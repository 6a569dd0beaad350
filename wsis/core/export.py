"""CSV and JSON downloads of list rows, the same rows the pages and the API show."""

import csv
import io
import json

from django.http import HttpResponse


def _cell(value):
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
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    resp = HttpResponse(buf.getvalue(), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return resp


def json_download(rows: list[dict], filename: str) -> HttpResponse:
    resp = HttpResponse(json.dumps({"count": len(rows), "results": rows}, ensure_ascii=False, indent=1),
                        content_type="application/json; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return resp
