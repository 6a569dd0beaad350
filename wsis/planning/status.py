"""Computed status of KPIs, milestones and everything above them. Pure functions: no database, no clock.

The rules, as documented in docs/planning.md:

KPI (baseline b at t0, target T at deadline D, observations after t0, evaluated on `today`):
  * no_data   — no observation after the baseline date (or the baseline is still in the future).
  * done      — the latest value reaches the target (>= T when increasing, <= T when decreasing);
                a target already met by the baseline is done from the start.
  * late      — today is after the deadline and the target is not reached.
  * otherwise the pace achieved since the baseline, (v - b) / (t - t0) per year, is compared with the
    pace still needed, (T - v) / (D - t); their ratio r decides:
      on_track  r >= 1
      at_risk   0.75 <= r < 1
      off_track r < 0.75, a pace in the wrong direction or no time left (deadline today, target not met).
  Forecast completion date: the latest value carried forward at the achieved pace,
  t + (T - v) / pace; none when the pace is zero or goes the wrong way.

Milestone (due date, expected date, completion date):
  * done      — completed (its slippage is completion - due, in days, possibly negative).
  * late      — not completed and today is after the due date (slippage today - due).
  * at_risk   — not completed, not yet due, but its expected date is after its due date.
  * on_track  — not completed, not yet due, expected on or before the due date (or no expected date).

Roll-up:
  * output    — its KPIs and milestones: done when all are done; otherwise the worst status among the
                items not done (late > off_track > at_risk > on_track), leaving out items without data;
                no_data when every item not done lacks data.
  * objective and plan — their children's statuses: done when all are done; no_data when every child
                not done lacks data; otherwise, counting only the children with data: late when at least a
                third are late; off_track when at least a third are late or off track; at_risk when at least
                a third are late, off track or at risk; else on_track.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DONE, ON_TRACK, AT_RISK, OFF_TRACK, LATE, NO_DATA = "done", "on_track", "at_risk", "off_track", "late", "no_data"
STATUSES = [DONE, ON_TRACK, AT_RISK, OFF_TRACK, LATE, NO_DATA]
# Worst first: the order used by the output roll-up and for sorting.
SEVERITY = {LATE: 4, OFF_TRACK: 3, AT_RISK: 2, ON_TRACK: 1, DONE: 0, NO_DATA: -1}

AT_RISK_RATIO = 0.75
ROLL_UP_SHARE = 1 / 3
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class KpiInput:
    baseline: float
    baseline_date: dt.date
    target: float
    deadline: dt.date
    direction: str  # "increase" or "decrease"
    observations: tuple[tuple[dt.date, float], ...] = ()


@dataclass
class KpiResult:
    status: str
    latest: float | None = None
    latest_date: dt.date | None = None
    progress: float | None = None  # share of the way from baseline to target, 0..1 (may exceed)
    elapsed: float | None = None  # share of the time from baseline to deadline, 0..1
    pace_actual: float | None = None  # units per year since the baseline
    pace_required: float | None = None  # units per year still needed from the latest value
    pace_ratio: float | None = None
    forecast: dt.date | None = None
    reason: str = ""

    def as_dict(self) -> dict:
        d = self.__dict__.copy()
        for k in ("latest_date", "forecast"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


def _years(a: dt.date, b: dt.date) -> float:
    return (b - a).days / DAYS_PER_YEAR


def _reached(value: float, target: float, direction: str) -> bool:
    return value >= target if direction == "increase" else value <= target


def kpi_status(k: KpiInput, today: dt.date) -> KpiResult:
    if k.direction not in ("increase", "decrease"):
        raise ValueError(f"direction must be increase or decrease, not {k.direction!r}")
    gap = k.target - k.baseline
    if _reached(k.baseline, k.target, k.direction):
        return KpiResult(DONE, latest=k.baseline, latest_date=k.baseline_date, progress=1.0,
                         reason="target already met by the baseline")
    # Observations dated in the future (a period that has not ended) are not yet evidence.
    obs = sorted((d, v) for d, v in k.observations if k.baseline_date < d <= today)
    span = (k.deadline - k.baseline_date).days
    elapsed = min(max((today - k.baseline_date).days / span, 0.0), 1.0) if span > 0 else 1.0
    if not obs:
        if today > k.deadline:
            return KpiResult(LATE, elapsed=elapsed, reason="deadline passed with no reported value")
        return KpiResult(NO_DATA, elapsed=elapsed, reason="no value reported since the baseline")
    t, v = obs[-1]
    progress = (v - k.baseline) / gap
    result = KpiResult(NO_DATA, latest=v, latest_date=t, progress=progress, elapsed=elapsed)
    pace = (v - k.baseline) / _years(k.baseline_date, t)
    result.pace_actual = pace
    if _reached(v, k.target, k.direction):
        result.status, result.reason = DONE, "target reached"
        return result
    right_way = pace * gap > 0
    if right_way:
        result.forecast = t + dt.timedelta(days=round((k.target - v) / pace * DAYS_PER_YEAR))
    if today > k.deadline:
        result.status, result.reason = LATE, "deadline passed, target not reached"
        return result
    left = _years(t, k.deadline)
    if left <= 0:
        result.status, result.reason = OFF_TRACK, "no time left before the deadline"
        return result
    needed = (k.target - v) / left
    result.pace_required = needed
    if not right_way:
        result.pace_ratio = pace / needed
        result.status, result.reason = OFF_TRACK, "no progress towards the target"
        return result
    ratio = pace / needed
    result.pace_ratio = ratio
    if ratio >= 1:
        result.status, result.reason = ON_TRACK, "achieved pace at least the pace needed"
    elif ratio >= AT_RISK_RATIO:
        result.status, result.reason = AT_RISK, "achieved pace 75–100 % of the pace needed"
    else:
        result.status, result.reason = OFF_TRACK, "achieved pace below 75 % of the pace needed"
    return result


@dataclass
class MilestoneResult:
    status: str
    slippage_days: int | None = None
    reason: str = ""


def milestone_status(due: dt.date, today: dt.date, *, expected: dt.date | None = None,
                     completed: dt.date | None = None) -> MilestoneResult:
    if completed is not None:
        slip = (completed - due).days
        return MilestoneResult(DONE, slip, "completed late" if slip > 0 else "completed on time")
    if today > due:
        return MilestoneResult(LATE, (today - due).days, "due date passed, not completed")
    if expected is not None and expected > due:
        return MilestoneResult(AT_RISK, (expected - due).days, "expected after its due date")
    return MilestoneResult(ON_TRACK, 0 if expected is None else (expected - due).days, "expected on time")


@dataclass
class RollUp:
    status: str
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"status": self.status, "counts": self.counts}


def _counts(statuses: list[str]) -> dict[str, int]:
    return {s: statuses.count(s) for s in STATUSES if statuses.count(s)}


def output_roll_up(statuses: list[str]) -> RollUp:
    counts = _counts(statuses)
    if statuses and all(s == DONE for s in statuses):
        return RollUp(DONE, counts)
    open_known = [s for s in statuses if s not in (DONE, NO_DATA)]
    if not open_known:
        return RollUp(NO_DATA, counts)
    return RollUp(max(open_known, key=SEVERITY.__getitem__), counts)


def group_roll_up(statuses: list[str]) -> RollUp:
    counts = _counts(statuses)
    if statuses and all(s == DONE for s in statuses):
        return RollUp(DONE, counts)
    known = [s for s in statuses if s != NO_DATA]
    if not any(s != DONE for s in known):
        return RollUp(NO_DATA, counts)
    n = len(known)

    def share(*which):
        return sum(1 for s in known if s in which) / n

    if share(LATE) >= ROLL_UP_SHARE:
        return RollUp(LATE, counts)
    if share(LATE, OFF_TRACK) >= ROLL_UP_SHARE:
        return RollUp(OFF_TRACK, counts)
    if share(LATE, OFF_TRACK, AT_RISK) >= ROLL_UP_SHARE:
        return RollUp(AT_RISK, counts)
    return RollUp(ON_TRACK, counts)
