"""Downloads of activity lists in CSV, XLSX, JSON and IATI XML, with the filters of the list."""

import io
import json

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from wsis.stocktaking.services import to_data

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
    "iati": "application/xml; charset=utf-8",
}
EXTENSIONS = {"csv": "csv", "xlsx": "xlsx", "json": "json", "iati": "xml"}


def render(activities, fmt: str, *, filename: str = "activities") -> HttpResponse:
    from wsis.stocktaking import iati, tabular

    data = []
    for a in activities:
        d = to_data(a)
        d["identifier"] = d["external_id"] or f"WSIS-TRACKER-{a.pk}"
        d["last_updated"] = a.updated_at.isoformat()
        data.append(d)
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


def _plain(d: dict) -> dict:
    return {k: v for k, v in d.items() if k not in ("identifier", "last_updated")}
