"""The XLSX annex of a report: every table behind the figures on its own sheet, and the sources."""

import datetime as dt
import io
import zipfile

from django.utils import translation
from django.utils.translation import gettext as _

from wsis.core.cells import xlsx_append
from wsis.reports.document import Document

# A fixed zip timestamp, so the same document gives the same bytes.
EPOCH = (1980, 1, 1, 0, 0, 0)


def render_xlsx(doc: Document) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    with translation.override(doc.language):
        wb = Workbook()
        about = wb.active
        about.title = _("About")[:31]
        about.sheet_view.rightToLeft = doc.rtl
        for row in ((doc.title,), (doc.subtitle,),
                    (_("Parameters"), ", ".join(f"{k}={v}" for k, v in doc.params.items())),
                    (_("Evaluated as of"), doc.as_of), (_("Generated"), doc.generated_at), ()):
            xlsx_append(about, list(row))
        about["A1"].font = Font(bold=True, size=14)
        xlsx_append(about, [_("Sheet"), _("Table"), _("Source")])
        for t in doc.tables():
            xlsx_append(about, [t.key, t.caption, t.source])
        xlsx_append(about, [])
        xlsx_append(about, [_("Source"), _("Label"), _("Parameters"), _("Release"), _("Path")])
        for s in doc.sources:
            xlsx_append(about, [s.key, s.label, ", ".join(f"{k}={v}" for k, v in s.params.items()), s.release, s.path])
        for t in doc.tables():
            ws = wb.create_sheet(t.key)
            ws.sheet_view.rightToLeft = doc.rtl
            xlsx_append(ws, [t.caption])
            ws["A1"].font = Font(bold=True)
            xlsx_append(ws, [c.label for c in t.columns])
            for cell in ws[2]:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(wrap_text=True)
            for r in t.rows:
                xlsx_append(ws, [_cell(r.get(c.key), c.kind) for c in t.columns])
            ws.freeze_panes = "A3"
            if t.note:
                xlsx_append(ws, [])
                xlsx_append(ws, [t.note])
            xlsx_append(ws, [f"[{t.source}]"] if t.source else [])
        wb.properties.creator = "WSIS·SDG Tracker"
        wb.properties.title = doc.title
        stamp = dt.datetime.fromisoformat(doc.generated_at).replace(tzinfo=None) if doc.generated_at else None
        wb.properties.created = wb.properties.modified = stamp
        buf = io.BytesIO()
        wb.save(buf)
    return _fixed_zip(buf.getvalue())


def _cell(value, kind):
    if value is None or value == "":
        return None
    if kind in ("int", "decimal", "percent", "usd"):
        try:
            return float(value) if kind != "int" else int(value)
        except (TypeError, ValueError):
            return value
    return value


def _fixed_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=EPOCH), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
