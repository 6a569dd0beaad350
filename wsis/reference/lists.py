"""The reference lists' read contracts (see wsis.core.lists)."""

from ninja import Schema

from wsis.core.lists import ListContract
from wsis.reference import selectors


class EconomyOut(Schema):
    iso3: str
    iso2: str | None
    m49: str | None
    itu_code: str | None
    name: str
    itu_region: str | None
    groups: list[str]


class EconomyParams(Schema):
    region: str | None = None
    group: str | None = None
    at: str | None = None
    q: str | None = None


def _economies(viewer, p: EconomyParams, language: str) -> list[dict]:
    return selectors.economy_list(language=language, region=p.region or None, group=p.group or None,
                                  at=p.at or None, q=(p.q or "").strip() or None)


ECONOMIES = ListContract(
    name="reference.economies", row=EconomyOut, params=EconomyParams, select=_economies, filename="economies",
    api_path="/api/v1/reference/economies", page="web:economies",
    examples=[{}, {"region": "AFR"}, {"group": "LDC", "at": "2015-01-01"}, {"q": "ken"}])
