"""Source adapters: pure functions turning one file or API answer into a `Parsed`.

`ADAPTERS` names each adapter; `detect` guesses which one reads a file from its name and first bytes.
A reader is called as `reader(content: bytes, filename: str, **options)`, where `needs` lists the
options that must be given (e.g. the series code for a file that does not carry it).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass

from wsis.statistics.records import Parsed
from wsis.statistics.sources import owid, worldbank


@dataclass(frozen=True)
class Adapter:
    name: str
    label: str
    reader: Callable[..., Parsed]
    needs: tuple[str, ...] = ()
    # sniff(filename, head) → True when this adapter reads the file; used by `detect`, in registry order.
    sniff: Callable[[str, bytes], bool] | None = None

    def read(self, content: bytes, filename: str, **options) -> Parsed:
        return self.reader(content, filename, **options)


ADAPTERS: dict[str, Adapter] = {}


def register(adapter: Adapter) -> Adapter:
    if adapter.name in ADAPTERS:
        raise ValueError(f"adapter {adapter.name!r} is already registered")
    ADAPTERS[adapter.name] = adapter
    return adapter


def detect(filename: str, head: bytes) -> str | None:
    """The name of the adapter that reads this file, guessed from its name and first bytes; None if unsure."""
    for adapter in ADAPTERS.values():
        if adapter.sniff is not None and adapter.sniff(filename, head):
            return adapter.name
    return None


def head_text(head: bytes) -> str:
    """The first bytes as text (a multi-byte character cut at the end is dropped), without a BOM."""
    return head.decode("utf-8-sig", errors="ignore") if isinstance(head, bytes) else head.removeprefix("\ufeff")


def header_cells(head: bytes, skip: tuple[str, ...] = ()) -> list[str]:
    """The cells of the first CSV row that is not blank and does not start with one of `skip`."""
    text = head_text(head)
    lines = text.splitlines()
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line may be cut short
    for row in csv.reader(lines):
        cells = [c.strip() for c in row]
        if any(cells) and cells[0] not in skip:
            return cells
    return []


def _is_csv(filename: str) -> bool:
    return not filename.lower().endswith((".json", ".xml", ".xlsx", ".zip"))


def _sniff_wb_wide(filename: str, head: bytes) -> bool:
    return _is_csv(filename) and tuple(header_cells(head, ("Data Source", "Last Updated Date"))[:3]) == (
        "Country Name", "Country Code", "Indicator Name")


def _sniff_wb_long(filename: str, head: bytes) -> bool:
    return _is_csv(filename) and tuple(header_cells(head)[:4]) == worldbank.LONG_KEYS


_WB_API = re.compile(r'^\s*\[\s*\{\s*"(?:page|message)"')


def _sniff_wb_api(filename: str, head: bytes) -> bool:
    return bool(_WB_API.match(head_text(head)))


def _sniff_owid(filename: str, head: bytes) -> bool:
    return _is_csv(filename) and tuple(header_cells(head)[:3]) == owid.KEYS


register(Adapter("wb-wide", "World Bank WDI bulk CSV (wide: one column per year)",
                 worldbank.read_wdi_wide, sniff=_sniff_wb_wide))
register(Adapter("wb-long", "World Bank WDI CSV (long: Country Name,Country Code,Year,Value)",
                 worldbank.read_wdi_long, needs=("indicator",), sniff=_sniff_wb_long))
register(Adapter("wb-api-json", "World Bank API v2 JSON", worldbank.read_api_json, sniff=_sniff_wb_api))
register(Adapter("owid", "Our World in Data grapher CSV (Entity,Code,Year,…)", owid.read_grapher_csv,
                 sniff=_sniff_owid))

# Adapters of wsis.statistics.sources.unsd, .sdmx and .tidy are registered below.
from wsis.statistics.sources import sdmx_source, tidy, unsd  # noqa: E402

register(Adapter("unsd-ddf", "UN SDG Global Database DDF datapoints CSV (ddf--datapoints--<series>--by--…)",
                 unsd.read_ddf, sniff=unsd.sniff_ddf))
register(Adapter("sdg-api-json", "UN SDG API v1 Series/Data JSON", unsd.read_sdg_api_json,
                 sniff=unsd.sniff_sdg_api))
register(Adapter("sdmx", "SDMX data (SDMX-ML 2.1, SDMX-JSON, SDMX-CSV)", sdmx_source.read_sdmx,
                 sniff=sdmx_source.sniff))
register(Adapter("open-sdg", "Open SDG data CSV (Year,<disaggregations…>,Value)", unsd.read_open_sdg_csv,
                 needs=("indicator",), sniff=unsd.sniff_open_sdg))
register(Adapter("tidy", "Tidy CSV/XLSX with a column mapping", tidy.read_tidy, needs=("mapping",)))
