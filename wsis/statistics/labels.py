"""Breakdown keys ("AGE=Y15T24|SEX=F|URBANISATION=_T") as people read them ("Age 15–24 · Female"), in the page's
language. The codes follow SDMX conventions (see records.DIMENSIONS); the key itself stays the parameter."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from wsis.statistics.records import TOTAL

DIMENSION_NAMES = {"SEX": _l("Sex"), "AGE": _l("Age"), "URBANISATION": _l("Area"), "SPEED": _l("Speed")}
CODE_NAMES = {
    ("SEX", "F"): _l("female"), ("SEX", "M"): _l("male"),
    ("URBANISATION", "U"): _l("urban"), ("URBANISATION", "R"): _l("rural"),
}
_AGE_RANGE = re.compile(r"^Y(\d+)T(\d+)$")
_AGE_FROM = re.compile(r"^Y_GE(\d+)$")
_AGE_UNDER = re.compile(r"^Y_LT(\d+)$")
_SPEED_RANGE = re.compile(r"^S(\d+)([KM])T(\d+)([KM])$")
_SPEED_FROM = re.compile(r"^S_GE(\d+)([KM])$")


def _speed(n: str, unit: str) -> str:
    return f"{n} {'kbit/s' if unit == 'K' else 'Mbit/s'}"


def code_label(dimension: str, code: str) -> str:
    if (dimension, code) in CODE_NAMES:
        return str(CODE_NAMES[(dimension, code)])
    if dimension == "AGE":
        if m := _AGE_RANGE.match(code):
            return f"{m[1]}–{m[2]}"
        if m := _AGE_FROM.match(code):
            return _("%(n)s and over") % {"n": m[1]}
        if m := _AGE_UNDER.match(code):
            return _("under %(n)s") % {"n": m[1]}
    if dimension == "SPEED":
        if m := _SPEED_RANGE.match(code):
            return f"{_speed(m[1], m[2])}–{_speed(m[3], m[4])}"
        if m := _SPEED_FROM.match(code):
            return _("%(speed)s and over") % {"speed": _speed(m[1], m[2])}
    return code


def breakdown_label(key: str) -> str:
    """'AGE=_T|SEX=F' → 'Sex: female'; every dimension at its total → 'Total'; unknown codes stay as given."""
    parts = []
    for pair in (key or "").split("|"):
        dimension, _sep, code = pair.partition("=")
        if not dimension or code in ("", TOTAL):
            continue
        name = DIMENSION_NAMES.get(dimension)
        parts.append(f"{name}: {code_label(dimension, code)}" if name else f"{dimension}={code}")
    return " · ".join(parts) if parts else _("Total")


# How a value entered a group figure (aggregate.LABELS): the codes stay in CSV/JSON, people read these.
FILL_NAMES = {
    "interpolated": _l("interpolated"), "carried_forward": _l("carried forward"),
    "carried_back": _l("carried back"), "imputed": _l("imputed from peers"),
    "estimated_by_source": _l("estimated by the source"), "imputed_by_source": _l("imputed by the source"),
}

# Units of the indicator catalogue; "%" and unknown units are shown as stored.
UNIT_NAMES = {
    "people": _l("people"), "per 100 inhabitants": _l("per 100 inhabitants"),
    "subscriptions": _l("subscriptions"), "GB per year": _l("GB per year"),
    # xgettext:no-python-format
    "% of GNI per capita": _l("% of GNI per capita"),
}


def fill_label(code: str) -> str:
    return str(FILL_NAMES.get(code, code))


def unit_label(unit: str) -> str:
    return str(UNIT_NAMES.get(unit, unit))
