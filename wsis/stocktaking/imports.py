"""One way in for a file of activities, shared by the import page, the API and the command line: pick the reader
by the file's format, read the file into (location, ActivityData) items, then hand them to
`services.activities_import` (which checks them against the reference data, the rules and the permissions, and
writes all or nothing).

A reader turns the file's own form into the interchange shape and reports what only the file can tell: a column
the template does not have, a cell that is not a date, a row number. Whether a code exists, who may import and
what publication needs are the service's to say, with the location (file and row) the reader gave each item.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.stocktaking import services

Items = list[tuple[str, dict]]


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    suffixes: tuple[str, ...]
    read: Callable[[Path], Items]


def _csv(path: Path) -> Items:
    from wsis.stocktaking import tabular

    return tabular.read_csv(path)


def _xlsx(path: Path) -> Items:
    from wsis.stocktaking import tabular

    return tabular.read_xlsx(path)


def _iati(path: Path) -> Items:
    from wsis.stocktaking import iati

    return iati.parse_iati(path, max_bytes=settings.WSIS_MAX_IMPORT_BYTES)


def _json(path: Path) -> Items:
    """The registry's own JSON download ({"count": n, "results": [ActivityData, …]}) or a bare list of them.

    Item n (counted from 1) is located as `name:n`; the service names the field.
    """
    from wsis.core.validation import loads_json

    name = path.name
    size = path.stat().st_size
    if size > settings.WSIS_MAX_IMPORT_BYTES:
        raise ValidationFailed([ErrorItem("too_large", f"{name} is {size:,} bytes; the limit is "
                                          f"{settings.WSIS_MAX_IMPORT_BYTES:,}", location=name)])
    doc = loads_json(path.read_bytes(), location=name)
    records = doc.get("results") if isinstance(doc, dict) else doc
    if not isinstance(records, list):
        raise ValidationFailed([ErrorItem("invalid", f"{name}: expected a list of activities, or an object whose "
                                          "'results' is one (as the JSON download writes it)", location=name)])
    bad = [ErrorItem("invalid", "an activity is a JSON object", location=f"{name}:{n}")
           for n, r in enumerate(records, start=1) if not isinstance(r, dict)]
    if bad:
        raise ValidationFailed(bad, message=f"{len(bad)} problem(s) in {name}; nothing was written")
    keep = set(services.EMPTY)
    return [(f"{name}:{n}", {k: v for k, v in r.items() if k in keep}) for n, r in enumerate(records, start=1)]


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("csv", "CSV (the import template)", (".csv",), _csv),
    Format("xlsx", "XLSX (the import template)", (".xlsx",), _xlsx),
    Format("json", "JSON (as the JSON download writes it)", (".json",), _json),
    Format("iati", "IATI activity XML", (".xml",), _iati),
)}


def detect(name: str) -> str | None:
    """The format a file name announces, or None."""
    suffix = Path(name).suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.suffixes), None)


def _format(name: str, fmt: str) -> Format:
    if fmt in ("", "auto"):
        fmt = detect(name) or ""
        if not fmt:
            suffixes = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
            raise ValidationFailed([ErrorItem("unsupported", f"{name}: use a {suffixes} file "
                                              "(CSV or XLSX template, JSON download or IATI activity XML)",
                                              location=name)])
    found = FORMATS.get(fmt)
    if found is None:
        raise ValidationFailed([ErrorItem("unknown_format", f"Unknown format {fmt!r}; use one of "
                                          f"{', '.join(FORMATS)}.", field="format")])
    return found


def read(path: Path, *, fmt: str = "auto", label: str | None = None) -> Items:
    """(location, ActivityData) items of a file, located by `label` (the name the sender gave) when given."""
    path = Path(path)
    items = _format(path.name, fmt).read(path)
    if label and label != str(path):
        items = [(loc.replace(str(path), label), d) for loc, d in items]
    return items


def import_path(actor, path: Path, *, publish: bool = False, fmt: str = "auto", label: str | None = None,
                is_demo: bool = False) -> dict:
    """Import a file on disk (the command line, the demo and tests)."""
    return services.activities_import(actor=actor, items=read(path, fmt=fmt, label=label), publish=publish,
                                      is_demo=is_demo)


def import_file(actor, name: str, content: bytes, *, publish: bool = False, fmt: str = "auto",
                is_demo: bool = False) -> dict:
    """Import the bytes of a file called `name`: {"created", "updated", "unchanged"}."""
    name = Path(name or "upload").name
    limit = settings.WSIS_MAX_IMPORT_BYTES
    if len(content) > limit:
        raise ValidationFailed([ErrorItem("too_large", f"{name} is {len(content):,} bytes; the limit is {limit:,}",
                                          location=name)])
    found = _format(name, fmt)  # refuse an unknown format before writing anything to disk
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        return import_path(actor, path, publish=publish, fmt=found.name, label=name, is_demo=is_demo)


def import_upload(actor, upload, *, publish: bool = False, fmt: str = "auto") -> dict:
    """Import an uploaded file (the import page and the API), refused by its size before it is read."""
    from wsis.core.uploads import read_upload

    return import_file(actor, upload.name, read_upload(upload), publish=publish, fmt=fmt)
