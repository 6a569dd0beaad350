"""Digital-divide metrics: gaps, ratios, parity, dispersion across economies, trends, people offline.

Pure functions on numbers, sequences or numpy arrays; nothing here reads or writes the database.

Rules
=====

Missing values
    A scalar input that is ``None`` or NaN makes a scalar result ``None``. Functions over many
    economies drop every position where the value (or its weight or population) is ``None`` or NaN
    and report how many positions they dropped (``nan_dropped``).

Gap and ratio
    ``gap(a, b) = a − b``. When both are shares in per cent the gap is in percentage points.
    ``ratio(a, b) = a / b``; ``None`` when ``b`` is 0.

Gender parity
    ``gender_parity(female, male) = female / male``, the ITU gender parity score (GPS) of a
    female value over the male value of the same indicator (e.g. the share of women using the
    Internet over the share of men). ITU reads a score between 0.98 and 1.02, both edges included,
    as gender parity; below 0.98 as disparity against women; above 1.02 as disparity against men.
    ``parity_band`` compares the unrounded score, treating a score within 1e-9 of an edge as on the
    edge (so that 0.98 computed as 49 / 50 is parity).

Urban-rural gap
    ``urban_rural_gap(urban, rural)`` gives ``gap = urban − rural`` (percentage points for shares)
    and ``ratio = rural / urban`` (the rural value per unit of the urban value, 1 meaning no gap;
    ``None`` when urban is 0).

Dispersion across economies (one year)
    Each economy ``i`` has a value ``x_i`` and a weight ``w_i`` (all 1 when no weights are given;
    typically the population). Weights must be ≥ 0; with ``W = Σ w_i`` and the weighted mean
    ``μ = Σ w_i x_i / W``:

    * Coefficient of variation: ``CV = σ / μ`` with the weighted population standard deviation
      ``σ = sqrt(Σ w_i (x_i − μ)² / W)`` (no n − 1 correction). ``None`` when ``μ`` is 0.
    * Gini coefficient: ``G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ)``, the weighted mean absolute
      difference over twice the mean (equal to twice the area between the population-weighted
      Lorenz curve and the diagonal; no small-sample correction). Values must be ≥ 0. 0 is perfect
      equality; with n equal weights the maximum is (n − 1) / n, e.g. 0.75 for [0, 0, 0, 1].
      Giving an economy weight k is the same as repeating it k times. ``None`` when ``μ`` is 0.
    * Theil T index: ``T = (1 / W) Σ w_i (x_i / μ) ln(x_i / μ)``. Values must be ≥ 0; values equal
      to 0 are excluded before computing (``ln 0`` is undefined) and counted in
      ``zero_excluded``; ``μ`` is then the mean of the remaining values, so a distribution with
      zeros is measured over its positive part only (e.g. [0, 0, 0, 1] gives 0 with 3 excluded;
      use the Gini coefficient where zeros matter). 0 is perfect equality; with n positive values
      of equal weight T approaches ln n as all but one approach 0.

    Each returns a ``Dispersion(value, n, nan_dropped, zero_excluded)`` where ``n`` is the number
    of economies used; ``value`` is ``None`` when no economy (or only zero weight) remains.

Trend of a dispersion measure
    ``trend(years, values)`` fits ``value = a + b · year`` by ordinary least squares over the
    points left after dropping missing values, and returns the slope ``b`` (units per year), its
    standard error ``se(b) = sqrt(s² / Σ (year − mean year)²)`` with ``s² = Σ residual² / (n − 2)``,
    and a verdict. For a dispersion measure (or an absolute gap), where lower means more equal:
    "narrowing" when ``b < 0`` and ``|b| > 2 · se(b)``; "widening" when ``b > 0`` and
    ``|b| > 2 · se(b)``; "no clear change" otherwise. It needs at least 3 points and at least two
    distinct years, else it returns ``None``.

People offline
    ``people_offline(population, share) = population × (1 − share / 100)`` with ``share`` the
    percentage of individuals using the Internet (0–100; outside that range is an error). For a
    group of economies ``people_offline_group(populations, shares)`` sums the people offline over
    the economies whose population and share are both present, and also returns the population
    of those economies, the share of it offline in per cent, the number used and the number
    dropped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

PARITY_LOW = 0.98
PARITY_HIGH = 1.02
_EDGE_TOLERANCE = 1e-9

PARITY = "parity"
AGAINST_WOMEN = "disparity_against_women"
AGAINST_MEN = "disparity_against_men"

NARROWING = "narrowing"
WIDENING = "widening"
NO_CLEAR_CHANGE = "no clear change"

Number = float | int | None
ArrayLike = Sequence[Number] | np.ndarray


def _missing(x: Number) -> bool:
    return x is None or (isinstance(x, float | np.floating) and math.isnan(x))


# --- gaps, ratios, parity -------------------------------------------------------------------


def gap(a: Number, b: Number) -> float | None:
    """a − b (percentage points when both are shares); None when either is missing."""
    if _missing(a) or _missing(b):
        return None
    return float(a) - float(b)


def ratio(a: Number, b: Number) -> float | None:
    """a / b; None when either is missing or b is 0."""
    if _missing(a) or _missing(b) or b == 0:
        return None
    return float(a) / float(b)


def gender_parity(female: Number, male: Number) -> float | None:
    """The ITU gender parity score: female / male; None when either is missing or male is 0."""
    return ratio(female, male)


def parity_band(score: Number) -> str | None:
    """The band of a parity score: "parity" within 0.98–1.02 (edges included); None if missing."""
    if _missing(score):
        return None
    if score < PARITY_LOW - _EDGE_TOLERANCE:
        return AGAINST_WOMEN
    if score > PARITY_HIGH + _EDGE_TOLERANCE:
        return AGAINST_MEN
    return PARITY


def urban_rural_gap(urban: Number, rural: Number) -> dict[str, float | None]:
    """{"gap": urban − rural, "ratio": rural / urban}; each None when it cannot be computed."""
    return {"gap": gap(urban, rural), "ratio": ratio(rural, urban)}


# --- dispersion across economies ------------------------------------------------------------


@dataclass(frozen=True)
class Dispersion:
    value: float | None
    n: int  # economies used
    nan_dropped: int = 0  # positions dropped because the value or the weight was missing
    zero_excluded: int = 0  # zero values excluded (Theil only)


def _as_float_array(values: ArrayLike) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _clean(values: ArrayLike, weights: ArrayLike | None) -> tuple[np.ndarray, np.ndarray, int]:
    """Values and weights as float arrays with missing positions dropped, and how many were."""
    x = _as_float_array(values)
    if weights is None:
        w = np.ones_like(x)
    else:
        w = _as_float_array(weights)
        if w.shape != x.shape:
            raise ValueError(f"{len(w)} weights for {len(x)} values")
    keep = ~(np.isnan(x) | np.isnan(w))
    x, w = x[keep], w[keep]
    if np.any(w < 0):
        raise ValueError("weights must be ≥ 0")
    return x, w, int((~keep).sum())


def coefficient_of_variation(values: ArrayLike, weights: ArrayLike | None = None) -> Dispersion:
    """σ / μ with the (weighted) population standard deviation; None when μ is 0."""
    x, w, dropped = _clean(values, weights)
    total = w.sum()
    if len(x) == 0 or total == 0:
        return Dispersion(None, len(x), dropped)
    mean = float((w * x).sum() / total)
    if mean == 0:
        return Dispersion(None, len(x), dropped)
    sd = math.sqrt(float((w * (x - mean) ** 2).sum() / total))
    return Dispersion(sd / mean, len(x), dropped)


def _weighted_abs_diff_sum(x: np.ndarray, w: np.ndarray) -> float:
    """Σ_i Σ_j w_i w_j |x_i − x_j| in O(n log n): each x_i counted against lighter and heavier."""
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    cum = np.cumsum(w)
    below = cum - w  # weight of the economies sorted before i (their values ≤ x_i)
    above = cum[-1] - cum  # weight of the economies sorted after i (their values ≥ x_i)
    return float(2.0 * (w * x * (below - above)).sum())


def gini(values: ArrayLike, weights: ArrayLike | None = None) -> Dispersion:
    """(Population-weighted) Gini: Σ Σ w_i w_j |x_i − x_j| / (2 W² μ); values must be ≥ 0."""
    x, w, dropped = _clean(values, weights)
    if np.any(x < 0):
        raise ValueError("the Gini coefficient needs values ≥ 0")
    total = w.sum()
    if len(x) == 0 or total == 0:
        return Dispersion(None, len(x), dropped)
    mean = float((w * x).sum() / total)
    if mean == 0:
        return Dispersion(None, len(x), dropped)
    g = _weighted_abs_diff_sum(x, w) / (2.0 * float(total) ** 2 * mean)
    return Dispersion(max(g, 0.0), len(x), dropped)


def theil(values: ArrayLike, weights: ArrayLike | None = None) -> Dispersion:
    """(Population-weighted) Theil T: (1/W) Σ w_i (x_i/μ) ln(x_i/μ); zero values excluded."""
    x, w, dropped = _clean(values, weights)
    if np.any(x < 0):
        raise ValueError("the Theil index needs values ≥ 0")
    zero = x == 0
    x, w = x[~zero], w[~zero]
    n_zero = int(zero.sum())
    total = w.sum()
    if len(x) == 0 or total == 0:
        return Dispersion(None, len(x), dropped, n_zero)
    mean = float((w * x).sum() / total)
    r = x / mean
    t = float((w * r * np.log(r)).sum() / total)
    return Dispersion(max(t, 0.0), len(x), dropped, n_zero)


# --- trend ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    slope: float  # units of the measure per year
    stderr: float
    n: int
    verdict: str  # "narrowing" | "widening" | "no clear change"


def ols(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    """Least-squares fit y = a + b x: (a, b, s, sxx) with s the residual standard deviation
    (n − 2 degrees of freedom; 0 when n ≤ 2) and sxx = Σ (x − mean x)²."""
    n = len(x)
    xm, ym = float(x.mean()), float(y.mean())
    sxx = float(((x - xm) ** 2).sum())
    b = float(((x - xm) * (y - ym)).sum() / sxx)
    a = ym - b * xm
    if n > 2:
        resid = y - (a + b * x)
        s = math.sqrt(float((resid**2).sum()) / (n - 2))
    else:
        s = 0.0
    return a, b, s, sxx


def trend(years: ArrayLike, values: ArrayLike) -> Trend | None:
    """OLS slope per year with its standard error and a verdict; None with < 3 points."""
    t = _as_float_array(years)
    v = _as_float_array(values)
    if t.shape != v.shape:
        raise ValueError(f"{len(t)} years for {len(v)} values")
    keep = ~(np.isnan(t) | np.isnan(v))
    t, v = t[keep], v[keep]
    if len(t) < 3 or len(np.unique(t)) < 2:
        return None
    _, slope, s, sxx = ols(t, v)
    se = s / math.sqrt(sxx)
    if abs(slope) > 2 * se and slope < 0:
        verdict = NARROWING
    elif abs(slope) > 2 * se and slope > 0:
        verdict = WIDENING
    else:
        verdict = NO_CLEAR_CHANGE
    return Trend(slope=slope, stderr=se, n=len(t), verdict=verdict)


# --- people offline -------------------------------------------------------------------------


def people_offline(population: Number, share_online_percent: Number) -> float | None:
    """population × (1 − share / 100); None when either is missing."""
    if _missing(population) or _missing(share_online_percent):
        return None
    if not 0 <= share_online_percent <= 100:
        raise ValueError(f"share online must be within 0–100 %, got {share_online_percent}")
    return float(population) * (1.0 - float(share_online_percent) / 100.0)


@dataclass(frozen=True)
class OfflineTotal:
    offline: float  # people offline, summed over the economies used
    population: float  # population of the economies used
    share_offline_percent: float | None  # offline / population × 100; None when population is 0
    n: int  # economies used
    nan_dropped: int  # economies dropped because population or share was missing


def people_offline_group(populations: ArrayLike, shares_online_percent: ArrayLike) -> OfflineTotal:
    """Σ population_i × (1 − share_i / 100) over the economies with both values present."""
    pop = _as_float_array(populations)
    share = _as_float_array(shares_online_percent)
    if pop.shape != share.shape:
        raise ValueError(f"{len(pop)} populations for {len(share)} shares")
    keep = ~(np.isnan(pop) | np.isnan(share))
    pop, share = pop[keep], share[keep]
    if np.any((share < 0) | (share > 100)):
        raise ValueError("shares online must be within 0–100 %")
    offline = float((pop * (1.0 - share / 100.0)).sum())
    total = float(pop.sum())
    return OfflineTotal(
        offline=offline,
        population=total,
        share_offline_percent=offline / total * 100.0 if total else None,
        n=int(keep.sum()),
        nan_dropped=int((~keep).sum()),
    )
