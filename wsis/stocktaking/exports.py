"""Downloads of activity lists in CSV, XLSX, JSON and IATI XML, with the filters of the list."""

import io
import json

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
    "iati": "application/xml; charset=utf-8",
}
EXTENSIONS = {"csv": "csv", "xlsx": "xlsx", "json": "json", "iati": "xml"}


def render(data: list[dict], fmt: str, *, filename: str = "activities") -> HttpResponse:
    """`selectors.export_rows` as a file: the import template's CSV or XLSX, JSON, or IATI activity XML."""
    from wsis.stocktaking import iati, tabular

    if fmt == "csv":
        buf = io.StringIO()
        tabular.write_csv([_plain(d) for d in data], buf)
        body = buf.getvalue().encode("utf-8")
    elif fmt == "xlsx":
        buf = io.BytesIO()
        tabular.write_xlsx([_plain(d) for d in data], buf)
        body = buf.getvalue()
    elif fmt == "json":
        body = json.dumps({"count": len(data), "results": data}, ensure_ascii=False, indent=1).encode("utf-8")
    elif fmt == "iati":
        body = iati.build_iati(data, reporting_org={"name": settings.WSIS_IATI_ORG_NAME,
                                                    "identifier": settings.WSIS_IATI_ORG_REF, "kind": "international_org"},
                               generated=timezone.now().replace(microsecond=0))
    else:
        raise ValueError(fmt)
    resp = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    resp["Content-Disposition"] = f'attachment; filename="{filename}.{EXTENSIONS[fmt]}"'
    return resp


def template(fmt: str) -> bytes:
    """The empty import template as the bytes of a CSV or XLSX file."""
    from wsis.stocktaking import tabular

    if fmt == "csv":
        buf = io.StringIO()
        tabular.template_csv(buf)
        return buf.getvalue().encode("utf-8")
    buf = io.BytesIO()
    tabular.template_xlsx(buf)
    return buf.getvalue()


def template_response(fmt: str) -> HttpResponse:
    resp = HttpResponse(template(fmt), content_type=CONTENT_TYPES[fmt])
    resp["Content-Disposition"] = f'attachment; filename="activities-template.{fmt}"'
    return resp


def _plain(d: dict) -> dict:
    return {k: v for k, v in d.items() if k not in ("identifier", "last_updated")}
