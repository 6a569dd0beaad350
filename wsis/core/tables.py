"""Rows of an uploaded table, CSV (UTF-8, with or without BOM) or the first sheet of an XLSX workbook."""

import csv
import io

from wsis.core.errors import ErrorItem, ValidationFailed


def read_rows(data: bytes, name: str, *, xlsx: bool | None = None) -> list[list]:
    """Every row as a list of cells; the format is XLSX when `xlsx` says so, or else when the name ends so."""
    if xlsx if xlsx is not None else name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed([ErrorItem("encoding", "the file is not UTF-8 text", location=name)]) from exc
    return list(csv.reader(io.StringIO(text)))
