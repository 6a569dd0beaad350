"""Tracking an economy's (or a group's) progress towards a quantified target by a deadline year.

A target is a comparator (``">="`` for "at least", ``"<="`` for "at most"), a value and a deadline
year, e.g. universal connectivity as "100 % of individuals using the Internet by 2030" (``>=``,
100, 2030) or affordability as "entry-level broadband basket at most 2 % of GNI per capita by
2025" (``<=``, 2, 2025). ``track`` reads a series of ``(year, value)`` observations and returns a
``TargetResult``. Pure functions: nothing here reads or writes the database.

Rules
=====

Observations
    Observations with a missing (``None`` or NaN) value are dropped. Observations after ``as_of``
    are ignored, so a past assessment can be replayed. ``as_of`` defaults to the year of the
    latest observation. Two observations for the same year are an error.

Latest value, distance, pace required
    The latest observation (``latest_year``, ``latest_value``) is the one with the greatest year
    up to ``as_of``. ``distance`` is what is still to go, positive while the target is not met:
    ``target − latest_value`` for ``>=`` and ``latest_value − target`` for ``<=`` (0 or negative
    once met). ``pace_required = (target − latest_value) / (deadline − latest_year)`` is the change
    per year, in the units of the value, needed from the latest observation to reach the target at
    the deadline (negative for a falling target); ``None`` once achieved or when the deadline is
    not after ``latest_year``.

Fit and projection
    The fit window holds the observations whose year is within the last ``window`` calendar years
    up to the latest observation: ``latest_year − window + 1 ≤ year ≤ latest_year``. With at least
    ``min_points`` (≥ 2) observations there, an ordinary least-squares line
    ``value = a + b · year`` is fitted: ``pace_actual = b`` (units per year) and
    ``projection = a + b · deadline``.

Prediction band
    ``band_low``/``band_high`` are the two-sided 90 % prediction interval of a new observation at
    the deadline from that fit: ``projection ± t(0.95, n − 2) · s · sqrt(1 + 1/n + (deadline −
    mean year)² / Σ (year − mean year)²)``, with ``s² = Σ residual² / (n − 2)``. ``t(0.95, ν)`` is
    the one-sided 95 % quantile of Student's t with ν degrees of freedom, read from a table for
    ν = 1…30 (three-decimal accuracy or better) and from the Cornish–Fisher expansion beyond 30
    (error below 1e-6). The band is ``None`` with fewer than 3 points (ν = 0). On a perfect line
    ``s = 0`` and the band collapses onto the projection. When ``bounded=(low, high)`` is given
    (e.g. ``(0, 100)`` for shares in per cent) the projection and both band edges are clamped into
    that range.

Status, checked in this order
    1. ``insufficient_data`` when there is no observation up to ``as_of``, or when the latest one
       is stale: ``as_of − latest_year > max_age`` (``max_age`` = 5, so for ``as_of`` 2025 the
       latest observation must be from 2020 or later).
    2. ``achieved`` when the latest value meets the target (``latest ≥ target`` for ``>=``,
       ``latest ≤ target`` for ``<=``).
    3. ``insufficient_data`` when the fit window holds fewer than ``min_points`` observations.
    4. ``off_track`` when the deadline is not after ``latest_year`` (the deadline has passed
       without the target being met).
    5. ``on_track`` when the (clamped) projection meets the target; ``off_track`` otherwise.

Years to target
    ``years_to_target`` is 0 once achieved; otherwise ``(target − latest_value) / pace_actual``
    when the fitted slope moves towards the target (``> 0`` for ``>=``, ``< 0`` for ``<=``), counted
    from ``latest_year``; ``None`` when there is no fit or the slope is 0 or in the wrong
    direction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from wsis.statistics.divide import ols

ACHIEVED = "achieved"
ON_TRACK = "on_track"
OFF_TRACK = "off_track"
INSUFFICIENT_DATA = "insufficient_data"
STATUSES = (ACHIEVED, ON_TRACK, OFF_TRACK, INSUFFICIENT_DATA)
COMPARATORS = (">=", "<=")

# One-sided 95 % quantiles of Student's t (the two-sided 90 % interval), ν = 1…30.
T95 = (
    6.313752, 2.919986, 2.353363, 2.131847, 2.015048, 1.943180, 1.894579, 1.859548, 1.833113,
    1.812461, 1.795885, 1.782288, 1.770933, 1.761310, 1.753050, 1.745884, 1.739607, 1.734064,
    1.729133, 1.724718, 1.720743, 1.717144, 1.713872, 1.710882, 1.708141, 1.705618, 1.703288,
    1.701131, 1.699127, 1.697261,
)  # fmt: skip
Z95 = 1.6448536269514722  # the standard normal 95 % quantile


def t_quantile_95(df: int) -> float:
    """One-sided 95 % quantile of Student's t: table for df 1…30, Cornish–Fisher beyond."""
    if df < 1:
        raise ValueError("degrees of freedom must be ≥ 1")
    if df <= len(T95):
        return T95[df - 1]
    z, v = Z95, float(df)
    return (
        z
        + (z**3 + z) / (4 * v)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
    )


@dataclass(frozen=True)
class TargetResult:
    status: str  # one of STATUSES
    target: float
    deadline: int
    comparator: str
    as_of: int | None
    latest_year: int | None = None
    latest_value: float | None = None
    distance: float | None = None  # still to go; positive while the target is not met
    pace_required: float | None = None  # value units per year, latest → deadline
    pace_actual: float | None = None  # OLS slope, value units per year
    projection: float | None = None  # fitted value at the deadline
    band_low: float | None = None  # 90 % prediction interval at the deadline
    band_high: float | None = None
    years_to_target: float | None = None
    n_points: int = 0  # observations in the fit window
    method: str = ""


def _meets(value: float, target: float, comparator: str) -> bool:
    return value >= target if comparator == ">=" else value <= target


def _clamp(x: float | None, bounded: tuple[float, float] | None) -> float | None:
    if x is None or bounded is None:
        return x
    return min(max(x, bounded[0]), bounded[1])


def track(
    series: list[tuple[int, float]],
    *,
    target: float,
    deadline: int,
    comparator: str = ">=",
    as_of: int | None = None,
    min_points: int = 3,
    window: int = 8,
    max_age: int = 5,
    bounded: tuple[float, float] | None = None,
) -> TargetResult:
    """Status of a series against a target by a deadline; the rules are in the module docstring."""
    if comparator not in COMPARATORS:
        raise ValueError(f"comparator must be one of {COMPARATORS}, got {comparator!r}")
    if min_points < 2:
        raise ValueError("min_points must be ≥ 2")
    if window < 1:
        raise ValueError("window must be ≥ 1 year")
    if bounded is not None and bounded[0] >= bounded[1]:
        raise ValueError(f"bounded must be (low, high) with low < high, got {bounded}")

    points: dict[int, float] = {}
    for year, value in series:
        if value is None or math.isnan(value):
            continue
        if as_of is not None and year > as_of:
            continue
        if int(year) in points:
            raise ValueError(f"two observations for {year}")
        points[int(year)] = float(value)

    base = {"target": float(target), "deadline": int(deadline), "comparator": comparator}
    if not points:
        return TargetResult(INSUFFICIENT_DATA, as_of=as_of, method="no observation", **base)

    latest_year = max(points)
    latest_value = points[latest_year]
    as_of = latest_year if as_of is None else as_of
    to_go = target - latest_value if comparator == ">=" else latest_value - target
    achieved = _meets(latest_value, target, comparator)
    known = {
        **base,
        "as_of": as_of,
        "latest_year": latest_year,
        "latest_value": latest_value,
        "distance": to_go,
    }
    if as_of - latest_year > max_age:
        return TargetResult(
            INSUFFICIENT_DATA,
            **known,
            method=f"latest observation ({latest_year}) older than {max_age} years at {as_of}",
        )
    pace_required = None
    if not achieved and deadline > latest_year:
        pace_required = (target - latest_value) / (deadline - latest_year)

    in_window = sorted(y for y in points if latest_year - window + 1 <= y <= latest_year)
    n = len(in_window)
    fit: dict[str, float | None] = {}
    method = (
        f"latest observation {latest_year}; no trend fitted: {n} observation(s) in "
        f"{latest_year - window + 1}–{latest_year}, {min_points} needed"
    )
    if n >= min_points:
        x = np.array(in_window, dtype=float)
        y = np.array([points[yr] for yr in in_window])
        a, b, s, sxx = ols(x, y)
        projection = a + b * deadline
        low = high = None
        if n > 2:
            half = (
                t_quantile_95(n - 2)
                * s
                * math.sqrt(1 + 1 / n + (deadline - float(x.mean())) ** 2 / sxx)
            )
            low, high = projection - half, projection + half
        towards = b > 0 if comparator == ">=" else b < 0
        fit = {
            "pace_actual": b,
            "projection": _clamp(projection, bounded),
            "band_low": _clamp(low, bounded),
            "band_high": _clamp(high, bounded),
            "years_to_target": (target - latest_value) / b if towards else None,
        }
        method = (
            f"ordinary least-squares line through {n} observations {in_window[0]}–{in_window[-1]}, "
            f"extrapolated to {deadline}; band: 90 % prediction interval, Student t with "
            f"{n - 2} degree(s) of freedom"
            + (f"; projection and band clamped to {bounded[0]:g}–{bounded[1]:g}" if bounded else "")
        )

    if achieved:
        fit["years_to_target"] = 0.0
        status = ACHIEVED
    elif not fit:
        status = INSUFFICIENT_DATA
    elif deadline <= latest_year:
        status = OFF_TRACK
    else:
        status = ON_TRACK if _meets(fit["projection"], target, comparator) else OFF_TRACK
    return TargetResult(
        status, **known, pace_required=pace_required, n_points=n, method=method, **fit
    )
