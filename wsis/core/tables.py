"""Rows of an uploaded table, CSV (UTF-8, with or without BOM) or the first sheet of an XLSX workbook."""

from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.uploads import csv_rows, open_workbook, sheet_rows


def read_rows(data: bytes, name: str, *, xlsx: bool | None = None) -> list[list]:
    """Every row as a list of cells; the format is XLSX when `xlsx` says so, or else when the name ends so.
    Bounded by the import limits (wsis.core.uploads): a file past them is refused, located, before it is read
    whole."""
    if xlsx if xlsx is not None else name.lower().endswith(".xlsx"):
        try:
            wb = open_workbook(data, name)
        except ValidationFailed:
            raise
        except Exception as exc:
            raise ValidationFailed([ErrorItem("malformed", f"{name} is not a readable XLSX workbook "
                                                           f"({exc or type(exc).__name__})", location=name)]) from None
        try:
            return [list(r) for r in sheet_rows(wb.worksheets[0], name)]
        finally:
            wb.close()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed([ErrorItem("encoding", "the file is not UTF-8 text", location=name)]) from exc
    return [cells for _line, cells in csv_rows(text, name)]
