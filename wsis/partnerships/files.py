"""Funding-flow files in and out: CSV and XLSX tables with one flow per row, and IATI transactions."""

from collections import Counter
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.tables import read_rows
from wsis.partnerships import iati

# Columns of the flow table; activity is a registry id or an external (IATI) identifier.
COLUMNS = ["activity", "funder", "funder_identifier", "funder_kind", "receiver", "receiver_identifier", "stage",
           "amount", "currency", "value_date", "mechanism", "public", "agreement", "reference", "description"]
REQUIRED = ["activity", "funder", "stage", "amount", "currency", "value_date", "mechanism"]


def _row_to_flow(row: dict) -> dict:
    def org(prefix):
        name, ident = str(row.get(prefix) or "").strip(), str(row.get(f"{prefix}_identifier") or "").strip()
        if not name and not ident:
            return None
        return {"name": name or ident, "identifier": ident, "kind": str(row.get(f"{prefix}_kind") or "").strip()}

    public = str(row.get("public") if row.get("public") is not None else "").strip().lower()
    return {"activity": str(row.get("activity") or "").strip(), "funder": org("funder"), "receiver": org("receiver"),
            "stage": str(row.get("stage") or "").strip(), "amount": row.get("amount"),
            "currency": str(row.get("currency") or "").strip(), "value_date": row.get("value_date"),
            "mechanism": str(row.get("mechanism") or "").strip(), "public": public in ("", "true", "1", "yes"),
            "agreement": str(row.get("agreement") or "").strip() or None,
            "reference": str(row.get("reference") or "").strip() or None,
            "description": str(row.get("description") or "").strip()}


def _table(rows: list[list], name: str) -> list[tuple[str, dict]]:
    if not rows:
        raise ValidationFailed([ErrorItem("empty", "the file has no rows", location=name)])
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValidationFailed([ErrorItem("missing_column", f"missing column(s): {', '.join(missing)}",
                                          location=f"{name}:1")])
    out = []
    for n, raw in enumerate(rows[1:], start=2):
        if all(v in (None, "") for v in raw):
            continue
        out.append((f"{name}:{n}", _row_to_flow(dict(zip(header, raw, strict=False)))))
    return out


def read_flows(path: Path, *, label: str | None = None, default_mechanism: str = "") -> tuple[list, Counter]:
    """(location, flow) pairs of a .csv, .xlsx or IATI .xml file, and notes on what was skipped."""
    path = Path(path)
    name = label or path.name
    suffix = path.suffix.lower()
    notes: Counter = Counter()
    if suffix == ".xml":
        items, notes = iati.parse_transactions(path, label=name, max_bytes=settings.WSIS_MAX_IMPORT_BYTES)
        items = [(loc, {**d, "mechanism": d["mechanism"] or default_mechanism}) for loc, d in items]
    elif suffix in (".csv", ".xlsx"):
        items = _table(read_rows(path.read_bytes(), name, xlsx=suffix == ".xlsx"), name)
    else:
        raise ValidationFailed([ErrorItem("unsupported", "use a .csv, .xlsx or IATI .xml file", location=name)])
    if not items:
        raise ValidationFailed([ErrorItem("empty", "the file holds no funding flows", location=name)])
    return items, notes


def read_upload(upload, *, default_mechanism: str = "") -> tuple[list, Counter]:
    from wsis.core.uploads import saved_upload

    with saved_upload(upload) as (path, name):
        return read_flows(path, label=name, default_mechanism=default_mechanism)


def iati_export(viewer, rows: list[dict]) -> bytes:
    """IATI 2.03 XML of flow rows (from selectors.flow_rows, confidential ones left out) grouped by activity.

    Only flows of activities the viewer may open are written: IATI names the activity and its identifier."""
    from wsis.partnerships.funding.selectors import open_activities
    from wsis.stocktaking.models import Activity

    activities = Activity.objects.select_related("lead_organisation").prefetch_related("translations").in_bulk(
        open_activities(viewer, {r["activity"] for r in rows}))
    grouped: dict[int, list] = {}
    for r in rows:
        if r["amount"] is None or not r["public"] or r["activity"] not in activities:
            continue
        grouped.setdefault(r["activity"], []).append(r)
    out = []
    for pk, flows in grouped.items():
        a = activities[pk]
        out.append({"identifier": a.external_id or f"XM-WSIS-{a.pk}", "title": a.title("en"), "language": "en",
                    "reporting_org": {"name": a.lead_organisation.name, "identifier": a.lead_organisation.identifier
                                      or "", "kind": a.lead_organisation.kind},
                    "default_currency": "",
                    "flows": [{"activity": a.external_id or f"XM-WSIS-{a.pk}", "stage": f["stage"],
                               "amount": Decimal(f["amount"]), "currency": f["currency"], "value_date": f["value_date"],
                               "funder": {"name": f["funder"], "identifier": f.get("funder_identifier") or "",
                                          "kind": f["funder_kind"]},
                               "receiver": None, "mechanism": f["mechanism"],
                               "reference": f["reference"] or f"WSIS-FLOW-{f['id']}",
                               "description": f["description"]} for f in flows]})
    return iati.write_transactions(out)
