"""Group aggregates of ICT indicators: declared gap filling, declared imputation, honest coverage.

Pure numpy. Inputs are arrays and small dataclasses; nothing here reads the database. The statistics
service loads one indicator × dimension combination as a dense `Panel` (economies × consecutive
years), builds each group's membership matrix from the dated memberships and calls `aggregate`.

Rules
=====

1. Observations. A cell of `Panel.values` is an observation when it is not NaN (±inf is refused).
   `Panel.status`, when given, says what the source says about it: 0 reported, 1 estimated by the
   source, 2 imputed by the source. Without `status` every observation counts as reported. Every
   observation is used as it is and is never replaced; only status-0 observations count as
   "reported" for `coverage` and `n_reported`. Observations with status 1 or 2 are used, count in
   `coverage_filled`, and are listed in `AggregateRow.filled` as "estimated_by_source" or
   "imputed_by_source".

2. Gap filling, per economy, in this order (`GapFill`, function `fill`):

   a. Interpolation (`interpolate=True`): a missing year that has an observation of the same
      economy both before and after it gets the straight line between the nearest two:
      v = v0 + (v1 − v0) · (t − t0) / (t1 − t0), however long the gap. Nothing outside the first
      and last observation is interpolated.
   b. Carry forward (`carry_forward=n`, 0 = off): a missing year at most n years after the last
      observed or interpolated value of the economy gets that value. With interpolation off this
      also fills the first n years of an inner gap.
   c. Carry back (`carry_back=n`, 0 = off): a year at most n years before the economy's first
      observation gets that observation. It never fills inner gaps.

   Codes returned by `fill` (`how`): 0 observed, 1 interpolated, 2 carried forward, 3 carried back,
   4 imputed, −1 missing. The series of the denominator of a ratio is filled by the same rules.

3. Membership. `groups` maps a group code to a boolean matrix economies × years (a 1-D vector is
   taken as the same membership in every year). An economy counts in a group in a year only when its
   cell is True, so a group may gain or lose members between years.

4. Weights. `weights` (economies × years, or one value per economy) are e.g. populations. When they
   are given, a member whose weight is missing (NaN) in a year is left out of that year's figure
   entirely, for every rule: not in the numerator, not in the denominator, not in the group's total
   weight, not in the counts of reported members; it is listed in `AggregateRow.no_weight` (and still
   counted in `n_members`). Negative weights are refused. Members are weighted by
   `weights` for the coverage shares; without weights each member counts 1.

5. Rules (`rule`). Let x be what a member adds to the numerator and a what it adds to the
   denominator (its "mass"):

   - "weighted_mean" (weights required): x = w·v, a = w; figure = Σx / Σa.
   - "mean": x = v, a = 1; figure = Σx / Σa. Weights, if given, only set coverage and `no_weight`.
   - "sum": x = v; figure = Σx. For imputation the mass is a = w (weights required to impute).
   - "ratio_of_sums": `panel` is the numerator, `denominator` the denominator panel (same economies
     and years); x = numerator, a = denominator (both after gap filling); figure = Σx / Σa × `scale`.
     A member counts only when both are available; it is "reported" only when both are reported.
   - "none": the indicator is not aggregable; `aggregate` raises ValueError.

6. Imputation (`impute="peer_mean"`), per group and year, for a member that still has no value after
   gap filling (and, for "ratio_of_sums", has a denominator): its peer class is its entry in `peers`
   (one per economy, or economies × years; a negative integer, None or "" means no class; without
   `peers` all economies share one class). The peer rate of class k is Σx / Σa over the members of
   the group in class k that have a value that year (reported, source-estimated or filled); when that
   class has none (Σa = 0), or the member has no class, the rate of the whole group (Σx / Σa over
   all members with a value) is used. The member then adds a to the denominator and rate × a to the
   numerator, which means:

   - weighted mean: the member gets the weighted mean of its peers, with its own weight;
   - mean: the member gets the unweighted mean of its peers;
   - sum: the member's count is the peers' per-weight rate (Σ value / Σ weight) × its own weight.
     Without weights a sum is not imputed: missing members stay missing and coverage shows it;
   - ratio of sums: the member's numerator is the peers' Σ numerator / Σ denominator × its own
     denominator; a member with no denominator is not imputed.

   When the members with a value have Σa = 0 that year (in particular when there are none) nothing
   is imputed. `impute="none"` turns imputation off: the figure is computed over the members with a
   value. Imputation never feeds imputation: peer rates use only observed and gap-filled values.
   `fill(..., peers=...)` applies this rule with the whole panel as one group (see `fill`).

7. Coverage. With T = total weight of the group's members that year (members with a weight, or the
   count of members without weights): `coverage` = weight of members with a reported value (rule 1)
   / T, and `coverage_filled` = weight of members with any value in the figure (reported,
   source-estimated, interpolated, carried or imputed) / T. Both are 0 when T = 0.

8. Publication. A figure is published when it exists and `coverage` ≥ `min_coverage` (compared with a
   tolerance of 1e−12 for rounding). `value` is the figure when published, otherwise None;
   `value_unpublished` is the figure whether published or not, None only when there is no figure at
   all (no member with a value, or a zero denominator).

9. Output. One `AggregateRow` for every group × year, ordered by group (in the order of `groups`)
   then year, including years in which a group has no members; `filled` and `no_weight` list
   economies in the order of their keys. The same inputs give the same rows. Sums over members are
   computed for all groups at once (matrix products and binned sums), so they are exact up to
   floating-point rounding: reordering the economies changes a figure by about 1e−15 relative.
   Memberships can be prepared once with `Groups` and reused for every indicator over the same
   economies × years.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

HOW_MISSING = -1
HOW_OBSERVED = 0
HOW_INTERPOLATED = 1
HOW_CARRIED_FORWARD = 2
HOW_CARRIED_BACK = 3
HOW_IMPUTED = 4

STATUS_REPORTED = 0
STATUS_ESTIMATED = 1
STATUS_IMPUTED = 2

RULES = ("weighted_mean", "mean", "sum", "ratio_of_sums", "none")
IMPUTE_METHODS = ("none", "peer_mean")

# Labels of AggregateRow.filled; the keys are the internal per-cell codes (`_labels`).
_LABEL_SOURCE_ESTIMATED = 5
_LABEL_SOURCE_IMPUTED = 6
LABELS = {
    HOW_INTERPOLATED: "interpolated",
    HOW_CARRIED_FORWARD: "carried_forward",
    HOW_CARRIED_BACK: "carried_back",
    HOW_IMPUTED: "imputed",
    _LABEL_SOURCE_ESTIMATED: "estimated_by_source",
    _LABEL_SOURCE_IMPUTED: "imputed_by_source",
}
_COVERAGE_TOLERANCE = 1e-12
_DIRECT_CODES = 256  # integer peer codes below this are used as class numbers without renumbering


# Carrying a value further than the whole span of statistics years would fill nothing more.
MAX_CARRY = 100


@dataclass(frozen=True)
class GapFill:
    """The declared gap-filling and imputation method, and the publication threshold.

    interpolate: linear interpolation between two observations of the same economy (inner gaps only).
    carry_forward: carry the last observed or interpolated value forward at most this many years
        (0 = off).
    carry_back: carry the first observation back at most this many years (0 = off).
    impute: "none" or "peer_mean" (module rule 6).
    min_coverage: below this share of the group's weight covered by reported values the figure is not
        published (module rule 8).
    """

    interpolate: bool = True
    carry_forward: int = 3
    carry_back: int = 0
    impute: str = "peer_mean"
    min_coverage: float = 0.5

    def __post_init__(self):
        for name in ("carry_forward", "carry_back"):
            n = getattr(self, name)
            if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 0 <= n <= MAX_CARRY:
                raise ValueError(f"GapFill.{name} must be a whole number of years from 0 to {MAX_CARRY}, not {n!r}")
        if self.impute not in IMPUTE_METHODS:
            raise ValueError(f"GapFill.impute must be one of {IMPUTE_METHODS}, not {self.impute!r}")
        if not 0.0 <= self.min_coverage <= 1.0:
            raise ValueError(f"GapFill.min_coverage must be between 0 and 1, not {self.min_coverage!r}")


@dataclass
class Panel:
    """One indicator × dimension combination, dense: economies × consecutive years.

    values: float64 economies × years, NaN where there is no observation.
    status: optional int8 economies × years: 0 reported, 1 estimated by the source, 2 imputed by the
        source (read only where there is an observation).
    """

    economies: list[str]
    years: list[int]
    values: np.ndarray
    status: np.ndarray | None = None

    def __post_init__(self):
        self.values = np.asarray(self.values, dtype=np.float64)
        shape = (len(self.economies), len(self.years))
        if self.values.shape != shape:
            raise ValueError(f"Panel.values has shape {self.values.shape}; economies × years is {shape}")
        if len(set(self.economies)) != len(self.economies):
            raise ValueError("Panel.economies has duplicates")
        if self.years and list(self.years) != list(range(self.years[0], self.years[0] + len(self.years))):
            raise ValueError("Panel.years must be consecutive and increasing")
        if np.isinf(self.values).any():
            raise ValueError("Panel.values contains ±inf; use NaN for a missing observation")
        if self.status is not None:
            self.status = np.asarray(self.status, dtype=np.int8)
            if self.status.shape != shape:
                raise ValueError(f"Panel.status has shape {self.status.shape}; economies × years is {shape}")
            if ((self.status < 0) | (self.status > 2)).any():
                raise ValueError("Panel.status codes are 0 reported, 1 estimated, 2 imputed by the source")


@dataclass(slots=True)
class AggregateRow:
    """One group × year figure with its coverage.

    value: the figure when published, else None. value_unpublished: the figure whether published or
    not (None when there is no figure at all). coverage / coverage_filled: shares 0..1 of the group's
    total weight (or member count, without weights) covered by reported values / by any value used.
    n_members: members that year (including those without a weight). n_reported: members whose
    reported value enters the figure. filled: economy → "interpolated", "carried_forward",
    "carried_back", "imputed", "estimated_by_source" or "imputed_by_source", for every member whose
    value in the figure is not a reported observation (a read-only mapping, built on first use).
    no_weight: members left out because their weight is missing that year. published: whether
    `value` is given.
    """

    group: str
    year: int
    value: float | None
    value_unpublished: float | None
    coverage: float
    coverage_filled: float
    n_members: int
    n_reported: int
    filled: Mapping[str, str]
    no_weight: list[str]
    published: bool

    def as_dict(self) -> dict:
        """Plain JSON-ready dict (the `filled` mapping as a dict)."""
        return {
            "group": self.group, "year": self.year, "value": self.value,
            "value_unpublished": self.value_unpublished, "coverage": self.coverage,
            "coverage_filled": self.coverage_filled, "n_members": self.n_members,
            "n_reported": self.n_reported, "filled": dict(self.filled),
            "no_weight": list(self.no_weight), "published": self.published,
        }


class FilledMembers(Mapping[str, str]):
    """AggregateRow.filled: economy → how its value was obtained. Built from the call's arrays on
    first use (most callers read a few rows; building every dict would dominate the run time)."""

    __slots__ = ("_detail", "_index", "_data")

    def __init__(self, detail: _Detail, index: int):
        self._detail, self._index, self._data = detail, index, None

    def _dict(self) -> dict[str, str]:
        if self._data is None:
            self._data = self._detail.filled(self._index)
        return self._data

    def __getitem__(self, key: str) -> str:
        return self._dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __eq__(self, other):
        if isinstance(other, Mapping):
            return self._dict() == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._dict())

    def __copy__(self) -> dict[str, str]:
        return dict(self._dict())

    def __deepcopy__(self, memo) -> dict[str, str]:
        return dict(self._dict())

    def __reduce__(self):
        return (dict, (self._dict(),))


class Groups:
    """Group memberships prepared once, for any number of panels with the same economies × years.

    `aggregate` accepts the plain dict too and prepares it on each call; preparing once saves that
    work when many indicators are aggregated over the same groups.

    groups: group code → boolean membership, economies × years (or one flag per economy, the same in
    every year). The order of the dict is the order of the output rows.
    """

    __slots__ = ("codes", "shape", "member", "_member_f", "n_members", "_sparse")

    def __init__(self, groups: Mapping[str, np.ndarray], n_economies: int, n_years: int):
        self.codes = list(groups)
        self.shape = (n_economies, n_years)
        n_g = len(self.codes)
        member = np.zeros((n_years, n_g, n_economies), dtype=bool)  # years first: (Y, G, E)
        for i, code in enumerate(self.codes):
            m = np.asarray(groups[code])
            if m.dtype != bool:
                raise ValueError(f"membership of group {code!r} must be boolean, not {m.dtype}")
            if m.shape == (n_economies,):
                member[:, i, :] = m[None, :]
            elif m.shape == (n_economies, n_years):
                member[:, i, :] = m.T
            else:
                raise ValueError(f"membership of group {code!r} has shape {m.shape}; expected "
                                 f"economies × years {self.shape} or ({n_economies},)")
        self.member = member
        self._member_f = member.astype(np.float64)
        self.n_members = member.sum(axis=2).T  # (G, Y)
        self._sparse = None

    def sparse(self) -> tuple[np.ndarray, np.ndarray]:
        """For every member cell (year, group, economy): its (year, group) and (year, economy) flat
        indexes. Built on first use (only peer imputation needs them)."""
        if self._sparse is None:
            n_y, n_g, n_e = self.member.shape
            yg, e = np.divmod(np.flatnonzero(self.member), n_e)
            year_of_yg = np.repeat(np.arange(n_y), n_g)
            self._sparse = (yg, year_of_yg[yg] * n_e + e)
        return self._sparse


class _Detail:
    """What a row needs to list its filled members: shared by every row of one `aggregate` call."""

    __slots__ = ("economies", "member", "valid", "labels", "imputable", "imputed", "n_years")

    def __init__(self, economies, member, valid, labels, imputable, imputed):
        self.n_years = member.shape[0]
        self.economies = economies  # list E
        self.member = member  # bool (Y, G, E)
        self.valid = valid  # bool (Y, E): has a weight (all True without weights)
        self.labels = labels  # int8 (Y, E): -1 missing, 0 reported, else a LABELS key
        self.imputable = imputable  # bool (Y, E), already limited to `valid`
        self.imputed = imputed  # bool (Y, G): imputation happened in that group-year

    def filled(self, index: int) -> dict[str, str]:
        g, y = divmod(index, self.n_years)  # rows are group-major
        member = self.member[y, g] & self.valid[y]
        labels = self.labels[y]
        out = {self.economies[e]: LABELS[int(labels[e])]
               for e in np.flatnonzero(member & (labels > 0)).tolist()}
        if self.imputed[y, g]:
            for e in np.flatnonzero(member & self.imputable[y]).tolist():
                out[self.economies[e]] = LABELS[HOW_IMPUTED]
        return dict(sorted(out.items()))


# ---------------------------------------------------------------------------------------------
# Gap filling. Internally every array is years first, (Y, E): a year's economies are contiguous.
# ---------------------------------------------------------------------------------------------


def _fill_years_first(values: np.ndarray, method: GapFill) -> tuple[np.ndarray, np.ndarray]:
    """Interpolation, then carry forward, then carry back, per economy (module rule 2); (Y, E)."""
    n_y, n_e = values.shape
    observed = ~np.isnan(values)
    how = observed.astype(np.int8) - 1  # 0 observed, -1 missing
    if n_y == 0 or observed.all():
        return values.copy(), how
    flat = values.ravel()
    column = np.arange(n_e)
    year = np.arange(1, n_y + 1)[:, None]  # 1-based, so that 0 can mean "none"
    none_after = n_y + 1
    # 1-based year of the last observation at or before each year (0 = none), and of the first one at
    # or after it (n_y + 1 = none).
    prev_obs = np.maximum.accumulate(year * observed, axis=0)
    next_obs = np.minimum.accumulate(((year - none_after) * observed + none_after)[::-1], axis=0)[::-1]
    out = values
    if method.interpolate:
        inner = ~observed & (prev_obs > 0) & (next_obs < none_after)
        if inner.any():
            p = np.maximum(prev_obs - 1, 0)
            n = np.minimum(next_obs - 1, n_y - 1)
            v0 = flat.take(p * n_e + column)
            v1 = flat.take(n * n_e + column)
            share = (year - 1 - p) / np.maximum(n - p, 1)
            out = np.where(inner, v0 + (v1 - v0) * share, out)
            how += inner * np.int8(HOW_INTERPOLATED - HOW_MISSING)
    if method.carry_forward:
        have = how >= 0
        last = np.maximum.accumulate(year * have, axis=0)
        carry = ~have & (last > 0) & (year - last <= method.carry_forward)
        if carry.any():
            carried = out.ravel().take(np.maximum(last - 1, 0) * n_e + column)
            out = np.where(carry, carried, out)
            how += carry * np.int8(HOW_CARRIED_FORWARD - HOW_MISSING)
    if method.carry_back:
        first = next_obs[0]  # 1-based year of each economy's first observation (n_y + 1 = none)
        carry = (year < first) & (first < none_after) & (first - year <= method.carry_back)
        if carry.any():
            start = flat.take((np.minimum(first, n_y) - 1) * n_e + column)
            out = np.where(carry, start, out)
            how += carry * np.int8(HOW_CARRIED_BACK - HOW_MISSING)
    return (out.copy() if out is values else out), how


def _peer_codes(peers, n_e: int, n_y: int) -> tuple[np.ndarray, int]:
    """Peer classes as int codes (Y, E): 0..K−1 for the classes, K for 'no class'; returns (codes, K)."""
    if peers is None:
        return np.zeros((n_y, n_e), dtype=np.intp), 0
    arr = np.asarray(peers)
    if arr.shape not in ((n_e,), (n_e, n_y)):
        raise ValueError(f"peers must have one entry per economy or per economy × year, not shape {arr.shape}")
    if arr.dtype.kind in "iub" and arr.size and 0 <= arr.min() and arr.max() < _DIRECT_CODES:
        codes, k = arr.astype(np.intp), int(arr.max()) + 1  # small non-negative codes: as they are
        none = None
    elif arr.dtype.kind in "iub":
        codes = arr.astype(np.intp)
        none = codes < 0
        present = np.unique(codes[~none])
        k, codes = present.size, np.searchsorted(present, codes)
    else:
        flat = arr.ravel().tolist()
        missing = [p is None or p == "" or (isinstance(p, float) and math.isnan(p)) for p in flat]
        index = {key: i for i, key in enumerate(sorted({str(p) for p, m in zip(flat, missing, strict=True)
                                                         if not m}))}
        codes = np.array([-1 if m else index[str(p)] for p, m in zip(flat, missing, strict=True)],
                         dtype=np.intp).reshape(arr.shape)
        none, k = codes < 0, len(index)
    if none is not None:
        codes = np.where(none, k, codes)
    if codes.ndim == 1:
        return np.broadcast_to(codes[None, :], (n_y, n_e)), k
    return np.ascontiguousarray(codes.T), k


def _weights_years_first(weights, n_e: int, n_y: int) -> np.ndarray | None:
    if weights is None:
        return None
    w = np.asarray(weights, dtype=np.float64)
    if w.shape == (n_e,):
        w = np.broadcast_to(w[:, None], (n_e, n_y))
    if w.shape != (n_e, n_y):
        raise ValueError(f"weights must be economies × years {(n_e, n_y)} or one per economy, not {w.shape}")
    if np.isinf(w).any() or (w < 0).any():
        raise ValueError("weights must be finite and ≥ 0 (NaN = weight missing that year)")
    return np.ascontiguousarray(w.T)


def fill(panel: Panel, method: GapFill, peers: np.ndarray | None = None,
         weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Fill the gaps of each economy's series; return (values E×Y, how E×Y int8).

    `how`: 0 observed, 1 interpolated, 2 carried forward, 3 carried back, 4 imputed, −1 missing.

    Only the per-economy steps (module rule 2) run unless `peers` is given with
    `method.impute == "peer_mean"`: then every economy still missing in a year gets the mean of its
    peer class over all economies of the panel that have a value that year (weighted by `weights`
    when given; economies without a weight that year are not peers), falling back to the mean of all
    such economies. That is rule 6 for one group holding every economy; `aggregate` imputes per group
    instead, and does not use this.
    """
    n_e, n_y = panel.values.shape
    out, how = _fill_years_first(np.ascontiguousarray(panel.values.T), method)
    if peers is not None and method.impute == "peer_mean" and n_e and n_y:
        codes, k = _peer_codes(peers, n_e, n_y)
        w = _weights_years_first(weights, n_e, n_y)
        usable = how >= 0
        if w is not None:
            usable &= ~np.isnan(w)
        mass = np.where(usable, w if w is not None else 1.0, 0.0)
        bins = (np.arange(n_y)[:, None] * (k + 1) + codes).ravel()  # (year, class)
        sx = np.bincount(bins, np.where(usable, out, 0.0).ravel() * mass.ravel(), n_y * (k + 1))
        sm = np.bincount(bins, mass.ravel(), n_y * (k + 1))
        sx, sm = sx.reshape(n_y, k + 1), sm.reshape(n_y, k + 1)
        tx, tm = sx.sum(1, keepdims=True), sm.sum(1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            overall = np.where(tm > 0, tx / tm, np.nan)
            rate = np.where(sm > 0, sx / sm, overall)
        rate[:, k] = overall[:, 0]
        candidate = np.take_along_axis(rate, codes, axis=1)
        todo = (how < 0) & ~np.isnan(candidate)
        out = np.where(todo, candidate, out)
        how[todo] = HOW_IMPUTED
    return np.ascontiguousarray(out.T), np.ascontiguousarray(how.T)


# ---------------------------------------------------------------------------------------------
# Aggregation
# ---------------------------------------------------------------------------------------------


def _labels(how: np.ndarray, status: np.ndarray | None) -> np.ndarray:
    """Per-cell label code: −1 missing, 0 reported, 1–3 filled, 5/6 estimated/imputed by the source."""
    if status is None:
        return how
    labels = how.copy()
    observed = how == HOW_OBSERVED
    labels[observed & (status == STATUS_ESTIMATED)] = _LABEL_SOURCE_ESTIMATED
    labels[observed & (status == STATUS_IMPUTED)] = _LABEL_SOURCE_IMPUTED
    return labels


def aggregate(panel: Panel, *, groups: Mapping[str, np.ndarray] | Groups, rule: str,
              weights: np.ndarray | None = None, method: GapFill = GapFill(),
              peers: np.ndarray | None = None, denominator: Panel | None = None,
              scale: float = 1.0) -> list[AggregateRow]:
    """Figures of every group × year of `panel` by `rule`, with coverage (module docstring, rules 1–9).

    groups: group code → boolean membership, economies × years (or one flag per economy), or the
        same prepared once as `Groups`.
    rule: "weighted_mean" (weights required), "mean", "sum", "ratio_of_sums" (with `denominator`
        and `scale`), or "none" (raises ValueError: not aggregable).
    weights: economies × years (or one per economy), NaN = missing that year; e.g. population.
    method: the declared gap filling, imputation and publication threshold.
    peers: peer class per economy (or per economy × year) for imputation; None = one class.
    denominator: the denominator panel of "ratio_of_sums" (same economies and years).
    scale: factor applied to "ratio_of_sums" (e.g. 100 for "per 100 inhabitants").
    """
    if rule == "none":
        raise ValueError("this indicator is declared not aggregable (rule 'none'): no group figure exists")
    if rule not in RULES:
        raise ValueError(f"unknown aggregation rule {rule!r}; one of {RULES}")
    n_e, n_y = panel.values.shape
    w = _weights_years_first(weights, n_e, n_y)
    if rule == "weighted_mean" and w is None:
        raise ValueError("rule 'weighted_mean' needs weights (economies × years)")
    if rule == "ratio_of_sums":
        if denominator is None:
            raise ValueError("rule 'ratio_of_sums' needs the denominator panel")
        if list(denominator.economies) != list(panel.economies) or list(denominator.years) != list(panel.years):
            raise ValueError("the denominator panel must have the same economies and years, in the same order")
    elif denominator is not None:
        raise ValueError(f"a denominator panel is only used by 'ratio_of_sums', not by {rule!r}")
    if not math.isfinite(scale):
        raise ValueError("scale must be finite")
    if not isinstance(groups, Groups):
        groups = Groups(groups, n_e, n_y)
    elif groups.shape != (n_e, n_y):
        raise ValueError(f"groups were prepared for economies × years {groups.shape}, not {(n_e, n_y)}")
    n_g = len(groups.codes)

    def years_first(a):
        return None if a is None else np.ascontiguousarray(a.T)

    values, how = _fill_years_first(years_first(panel.values), method)
    labels = _labels(how, years_first(panel.status))
    if rule == "ratio_of_sums":
        den, den_how = _fill_years_first(years_first(denominator.values), method)
        den_labels = _labels(den_how, years_first(denominator.status))
        both = (labels >= 0) & (den_labels >= 0)
        labels = np.where(both, np.where(labels > 0, labels, den_labels), HOW_MISSING).astype(np.int8)
        x, mass = values, den
    elif rule == "weighted_mean":
        x, mass = values * w, w
    elif rule == "mean":
        x, mass = values, 1.0
    else:  # sum
        x, mass = values, (w if w is not None else 1.0)
    impute = method.impute == "peer_mean" and not (rule == "sum" and w is None)

    valid = ~np.isnan(w) if w is not None else np.ones((n_y, n_e), dtype=bool)
    cov_w = np.where(valid, w, 0.0) if w is not None else np.ones((n_y, n_e))
    has = valid & (labels >= 0)
    reported = valid & (labels == HOW_OBSERVED)
    if impute:
        imputable = valid & (labels < 0) & ~np.isnan(mass)
    else:
        imputable = np.zeros((n_y, n_e), dtype=bool)
    xs = np.where(has, x, 0.0)
    ms = np.where(has, mass, 0.0)
    miss = np.where(imputable, mass, 0.0)

    # Sums over each group's members, every group and year at once: (Y, G, E) @ (Y, E, columns).
    columns = [cov_w, np.where(reported, cov_w, 0.0), np.where(has, cov_w, 0.0),
               np.where(imputable, cov_w, 0.0), reported, has]
    peer, k = _peer_codes(peers, n_e, n_y)
    by_class = impute and peers is not None
    if not by_class:
        columns += [xs, ms, miss]
    sums = np.matmul(groups._member_f, np.stack(columns, axis=-1))  # (Y, G, columns)
    total, rep_w, val_w, imp_w = (sums[:, :, i] for i in range(4))
    n_reported = np.rint(sums[:, :, 4]).astype(np.int64)
    n_val = np.rint(sums[:, :, 5])
    if by_class:  # the same per peer class: a sparse sum over the members, one bin per (year, group, class)
        n_cls = k + 1
        nz_yg, nz_ye = groups.sparse()
        bins = nz_yg * n_cls + peer.ravel()[nz_ye]
        size = n_y * n_g * n_cls

        def per_class(a):
            return np.bincount(bins, a.ravel()[nz_ye], size).reshape(n_y, n_g, n_cls)

        sx, sm, smiss = per_class(xs), per_class(ms), per_class(miss)
    else:
        sx, sm, smiss = sums[:, :, 6:7], sums[:, :, 7:8], sums[:, :, 8:9]
    tx, tm, tmiss = sx.sum(-1), sm.sum(-1), smiss.sum(-1)

    with np.errstate(invalid="ignore", divide="ignore"):
        imputed = (tm > 0) if impute else np.zeros((n_y, n_g), dtype=bool)
        overall = np.where(tm > 0, tx / np.where(tm > 0, tm, 1.0), 0.0)
        if by_class:
            rate = np.where(sm > 0, sx / np.where(sm > 0, sm, 1.0), overall[:, :, None])
            rate[:, :, k] = overall  # members without a peer class
            add_x = (smiss * rate).sum(-1)
        else:
            add_x = tmiss * overall
        num = tx + np.where(imputed, add_x, 0.0)
        den_sum = tm + np.where(imputed, tmiss, 0.0)
        if rule == "sum":
            figure = np.where(n_val > 0, num, np.nan)
        else:
            ok = (n_val > 0) & (den_sum != 0)
            figure = np.where(ok, num / np.where(ok, den_sum, 1.0), np.nan)
            if rule == "ratio_of_sums":
                figure = figure * scale
        positive = total > 0
        safe_total = np.where(positive, total, 1.0)
        coverage = np.where(positive, np.minimum(rep_w / safe_total, 1.0), 0.0)
        filled_w = val_w + np.where(imputed, imp_w, 0.0)
        coverage_filled = np.where(positive, np.minimum(filled_w / safe_total, 1.0), 0.0)
    defined = ~np.isnan(figure)
    published = defined & (coverage >= method.min_coverage - _COVERAGE_TOLERANCE)

    # Rows, group-major, from plain Python lists.
    detail = _Detail(list(panel.economies), groups.member, valid, labels, imputable, imputed)
    no_weight_at: dict[int, list[str]] = {}
    if w is not None:
        ys, es = np.nonzero(~valid)
        cell, gs = np.nonzero(groups.member[ys, :, es])  # (cell without weight, group of which it is a member)
        for g, y, e in zip(gs.tolist(), ys[cell].tolist(), es[cell].tolist(), strict=True):
            no_weight_at.setdefault(g * n_y + y, []).append(panel.economies[e])
        for names in no_weight_at.values():
            names.sort()
    figure_gy = np.where(defined, figure, None).T.ravel().tolist()
    published_gy = published.T.ravel().tolist()
    coverage_gy, coverage_filled_gy = coverage.T.ravel().tolist(), coverage_filled.T.ravel().tolist()
    n_members_gy, n_reported_gy = groups.n_members.ravel().tolist(), n_reported.T.ravel().tolist()
    codes_gy = [code for code in groups.codes for _ in range(n_y)]
    years_gy = [int(year) for year in panel.years] * n_g
    return [
        AggregateRow(code, year, v if p else None, v, cv, cf, nm, nr, FilledMembers(detail, i),
                     no_weight_at.get(i, []) if no_weight_at else [], p)
        for i, (code, year, v, p, cv, cf, nm, nr) in enumerate(
            zip(codes_gy, years_gy, figure_gy, published_gy, coverage_gy, coverage_filled_gy,
                n_members_gy, n_reported_gy, strict=True))
    ]


def published_difference(ours: float | None, theirs: float | None) -> float | None:
    """ours − theirs, for a side-by-side with a source's published group figure; None if either is
    missing (None or NaN)."""
    if ours is None or theirs is None or math.isnan(ours) or math.isnan(theirs):
        return None
    return float(ours) - float(theirs)
