"""The one document model every report is assembled into and every renderer (HTML, PDF, DOCX, XLSX) reads.

A document is plain data: sections of paragraphs, tables and charts, each figure pointing at the source
(parameters and data release) it came from. It serialises to JSON, so a run can be stored, compared with an
earlier run and rendered again; its fingerprint covers everything except the generation time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal


@dataclass
class Source:
    """Where figures come from: the module, the parameters used and the data release (or state) read."""

    key: str                     # "S1", cited by blocks
    label: str                   # e.g. "Stocktaking registry: published activities"
    params: dict                 # the selector parameters, e.g. {"year": 2025, "region": "AFR"}
    release: str                 # e.g. "release #12 (World Bank WDI, imported 2025-07-01)" or "as of 2025-12-31"
    path: str = ""               # the page or API path that shows the same figures, e.g. "/api/v1/..."


@dataclass
class Column:
    key: str
    label: str
    kind: str = "text"           # text | int | decimal | percent | usd | date


@dataclass
class Paragraph:
    text: str
    source: str = ""             # a Source key, or "" for text that states no figure
    kind: str = "paragraph"      # or "highlight": a line of the highlights list


@dataclass
class Table:
    key: str                     # unique in the document, e.g. "T3"; also the XLSX sheet name
    caption: str
    columns: list[Column]
    rows: list[dict]
    source: str = ""
    note: str = ""
    kind: str = "table"


@dataclass
class Chart:
    """A bar or line chart drawn from one table of the document (the table is always shown too)."""

    key: str
    caption: str
    table: str                   # the Table key holding the data
    category: str                # the column naming the bars (or the x values of a line chart)
    series: list[str]            # the value columns drawn
    style: str = "bar"           # bar | line
    source: str = ""
    kind: str = "chart"


@dataclass
class Section:
    key: str
    heading: str
    blocks: list = field(default_factory=list)
    level: int = 1
    empty_note: str = ""         # shown when the section has no figure for the period and scope


@dataclass
class Document:
    kind: str                    # cwg | sg | regional | economy
    title: str
    subtitle: str
    language: str
    period: int
    scope: str                   # world | an ITU region code | a group code | an ISO 3166 alpha-3 code
    scope_label: str
    as_of: str                   # the date statuses and stocks are evaluated at (ISO)
    params: dict
    sections: list[Section] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    generated_at: str = ""

    @property
    def rtl(self) -> bool:
        return self.language == "ar"

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def table(self, key: str) -> Table:
        return next(t for t in self.tables() if t.key == key)

    def source(self, key: str) -> Source | None:
        return next((s for s in self.sources if s.key == key), None)

    def to_dict(self) -> dict:
        return json.loads(json.dumps(asdict(self), default=_json_default))

    def fingerprint(self) -> str:
        """SHA-256 of the content without the generation time: equal inputs give an equal fingerprint."""
        d = self.to_dict()
        d.pop("generated_at", None)
        return hashlib.sha256(json.dumps(d, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    @classmethod
    def from_dict(cls, d: dict) -> Document:
        blocks = {"paragraph": Paragraph, "table": Table, "chart": Chart}
        sections = []
        for s in d["sections"]:
            out = []
            for b in s["blocks"]:
                b = dict(b)
                if b["kind"] == "table":
                    b["columns"] = [Column(**c) for c in b["columns"]]
                out.append(blocks.get(b["kind"], Paragraph)(**b))
            sections.append(Section(**{**s, "blocks": out}))
        return cls(**{**d, "sections": sections, "sources": [Source(**s) for s in d["sources"]]})


def _json_default(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not serialisable: {type(value).__name__}")


def compare(old: Document, new: Document) -> list[dict]:
    """What changed between two runs of the same report: tables added or removed, and each changed cell."""
    changes: list[dict] = []
    old_t, new_t = {t.key: t for t in old.tables()}, {t.key: t for t in new.tables()}
    for key in sorted(set(old_t) | set(new_t)):
        a, b = old_t.get(key), new_t.get(key)
        if a is None or b is None:
            t = a or b
            changes.append({"table": key, "caption": t.caption, "change": "added" if a is None else "removed"})
            continue
        first = b.columns[0].key if b.columns else None
        rows_a = {str(r.get(first)): r for r in _plain(a.rows)}
        rows_b = {str(r.get(first)): r for r in _plain(b.rows)}
        for row_key in list(dict.fromkeys([*rows_a, *rows_b])):
            ra, rb = rows_a.get(row_key), rows_b.get(row_key)
            if ra is None or rb is None:
                changes.append({"table": key, "caption": b.caption, "row": row_key,
                                "change": "row added" if ra is None else "row removed"})
                continue
            for c in b.columns:
                if ra.get(c.key) != rb.get(c.key):
                    changes.append({"table": key, "caption": b.caption, "row": row_key, "column": c.label,
                                    "before": ra.get(c.key), "after": rb.get(c.key), "change": "changed"})
    return changes


def _plain(rows):
    return json.loads(json.dumps(rows, default=_json_default))
