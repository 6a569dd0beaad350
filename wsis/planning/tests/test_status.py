"""Table-driven tests of the status rules (no database)."""

import datetime as dt

import pytest

from wsis.planning import status as st

D = dt.date
T0, DEADLINE = D(2024, 12, 31), D(2027, 12, 31)


def kpi(baseline=0.0, target=100.0, direction="increase", obs=(), deadline=DEADLINE, t0=T0):
    return st.KpiInput(baseline=baseline, baseline_date=t0, target=target, deadline=deadline, direction=direction,
                       observations=tuple(obs))


# (case, input, today, expected status)
KPI_CASES = [
    ("no data before the deadline", kpi(), D(2026, 6, 30), st.NO_DATA),
    ("no data after the deadline", kpi(), D(2028, 1, 1), st.LATE),
    ("only future observations are no evidence", kpi(obs=[(D(2026, 12, 31), 90)]), D(2026, 6, 30), st.NO_DATA),
    ("observation on the baseline date is the baseline", kpi(obs=[(T0, 50)]), D(2026, 6, 30), st.NO_DATA),
    ("target met by the baseline", kpi(baseline=120), D(2025, 1, 1), st.DONE),
    ("decreasing target met by the baseline", kpi(baseline=1, target=2, direction="decrease"), D(2025, 1, 1), st.DONE),
    ("target reached", kpi(obs=[(D(2025, 12, 31), 100)]), D(2026, 1, 1), st.DONE),
    ("target exceeded after the deadline", kpi(obs=[(D(2028, 3, 1), 130)]), D(2028, 6, 1), st.DONE),
    # One year of three gone, a third of the way: exactly the pace needed.
    ("pace exactly as needed", kpi(obs=[(D(2025, 12, 31), 100 / 3)]), D(2026, 1, 10), st.ON_TRACK),
    ("ahead of pace", kpi(obs=[(D(2025, 12, 31), 50)]), D(2026, 1, 10), st.ON_TRACK),
    ("somewhat behind: ratio ~0.8", kpi(obs=[(D(2025, 12, 31), 28.6)]), D(2026, 1, 10), st.AT_RISK),
    ("far behind: ratio ~0.3", kpi(obs=[(D(2025, 12, 31), 13)]), D(2026, 1, 10), st.OFF_TRACK),
    ("going the wrong way", kpi(baseline=10, obs=[(D(2025, 12, 31), 5)]), D(2026, 1, 10), st.OFF_TRACK),
    ("flat", kpi(baseline=10, obs=[(D(2025, 12, 31), 10)]), D(2026, 1, 10), st.OFF_TRACK),
    ("zero baseline, good pace", kpi(baseline=0, target=10, obs=[(D(2025, 12, 31), 4)]), D(2026, 1, 1), st.ON_TRACK),
    ("deadline passed short of target", kpi(obs=[(D(2027, 12, 31), 95)]), D(2028, 1, 1), st.LATE),
    ("deadline today, last value today, not met", kpi(obs=[(DEADLINE, 95)]), DEADLINE, st.OFF_TRACK),
    ("deadline today, value earlier, on pace", kpi(obs=[(D(2027, 6, 30), 99.5)]), DEADLINE, st.ON_TRACK),
    ("deadline today, met today", kpi(obs=[(DEADLINE, 100)]), DEADLINE, st.DONE),
    ("decreasing on pace", kpi(baseline=6, target=2, direction="decrease", obs=[(D(2025, 12, 31), 4.5)]),
     D(2026, 1, 10), st.ON_TRACK),
    ("decreasing at risk", kpi(baseline=6, target=2, direction="decrease", obs=[(D(2025, 12, 31), 4.8)]),
     D(2026, 1, 10), st.AT_RISK),
    ("decreasing the wrong way", kpi(baseline=6, target=2, direction="decrease", obs=[(D(2025, 12, 31), 6.5)]),
     D(2026, 1, 10), st.OFF_TRACK),
    ("decreasing reached", kpi(baseline=6, target=2, direction="decrease", obs=[(D(2025, 12, 31), 1.9)]),
     D(2026, 1, 10), st.DONE),
    ("latest value decides, not the best", kpi(obs=[(D(2025, 6, 30), 100), (D(2025, 12, 31), 40)]),
     D(2026, 1, 10), st.ON_TRACK),
]


@pytest.mark.parametrize("case,inp,today,expected", KPI_CASES, ids=[c[0] for c in KPI_CASES])
def test_kpi_status(case, inp, today, expected):
    assert st.kpi_status(inp, today).status == expected


def test_kpi_pace_and_forecast_figures():
    r = st.kpi_status(kpi(obs=[(D(2025, 12, 31), 25)]), D(2026, 1, 10))
    # 25 units in one year; 75 left in two years → 37.5 a year needed; ratio 2/3; forecast: 75 more units at
    # 25 per 365 days, i.e. 1095 days after the latest value.
    assert r.pace_actual == pytest.approx(25 * 365.25 / 365)
    assert r.pace_required == pytest.approx(75 / (730 / 365.25))
    assert r.pace_ratio == pytest.approx(r.pace_actual / r.pace_required)
    assert r.status == st.OFF_TRACK
    assert r.forecast == D(2025, 12, 31) + dt.timedelta(days=1095)
    assert r.progress == pytest.approx(0.25)


def test_forecast_none_when_going_the_wrong_way():
    r = st.kpi_status(kpi(baseline=10, obs=[(D(2025, 12, 31), 5)]), D(2026, 1, 10))
    assert r.forecast is None and r.pace_actual < 0


def test_kpi_status_rejects_unknown_direction():
    with pytest.raises(ValueError, match="direction"):
        st.kpi_status(kpi(direction="up"), D(2026, 1, 1))


MILESTONE_CASES = [
    ("completed on time", dict(due=D(2026, 5, 1), completed=D(2026, 4, 20)), D(2026, 6, 1), st.DONE, -11),
    ("completed late", dict(due=D(2026, 5, 1), completed=D(2026, 5, 11)), D(2026, 6, 1), st.DONE, 10),
    ("due today, not done: not late yet", dict(due=D(2026, 5, 1)), D(2026, 5, 1), st.ON_TRACK, 0),
    ("a day past due", dict(due=D(2026, 5, 1)), D(2026, 5, 2), st.LATE, 1),
    ("expected after due", dict(due=D(2026, 5, 1), expected=D(2026, 6, 1)), D(2026, 4, 1), st.AT_RISK, 31),
    ("expected early", dict(due=D(2026, 5, 1), expected=D(2026, 4, 15)), D(2026, 4, 1), st.ON_TRACK, -16),
    ("late even with a later expected date", dict(due=D(2026, 5, 1), expected=D(2026, 6, 1)), D(2026, 5, 5),
     st.LATE, 4),
]


@pytest.mark.parametrize("case,kw,today,expected,slip", MILESTONE_CASES, ids=[c[0] for c in MILESTONE_CASES])
def test_milestone_status(case, kw, today, expected, slip):
    due = kw.pop("due")
    r = st.milestone_status(due, today, **kw)
    assert (r.status, r.slippage_days) == (expected, slip)


OUTPUT_CASES = [
    ([], st.NO_DATA),
    ([st.DONE, st.DONE], st.DONE),
    ([st.DONE, st.NO_DATA], st.NO_DATA),
    ([st.DONE, st.ON_TRACK], st.ON_TRACK),
    ([st.ON_TRACK, st.AT_RISK, st.NO_DATA], st.AT_RISK),
    ([st.ON_TRACK, st.OFF_TRACK, st.AT_RISK], st.OFF_TRACK),
    ([st.OFF_TRACK, st.LATE, st.DONE], st.LATE),
]


@pytest.mark.parametrize("statuses,expected", OUTPUT_CASES)
def test_output_roll_up_is_the_worst_open_item(statuses, expected):
    assert st.output_roll_up(statuses).status == expected


GROUP_CASES = [
    ([st.DONE] * 3, st.DONE),
    ([st.DONE, st.NO_DATA], st.NO_DATA),
    ([st.ON_TRACK] * 5 + [st.LATE], st.ON_TRACK),  # one late of six: under a third
    ([st.ON_TRACK] * 4 + [st.LATE, st.OFF_TRACK], st.OFF_TRACK),  # two of six late or off track
    ([st.ON_TRACK] * 2 + [st.LATE], st.LATE),  # exactly a third late
    ([st.ON_TRACK] * 4 + [st.AT_RISK, st.OFF_TRACK], st.AT_RISK),
    ([st.DONE] * 4 + [st.ON_TRACK, st.AT_RISK], st.ON_TRACK),
    ([st.ON_TRACK, st.AT_RISK, st.NO_DATA, st.NO_DATA], st.AT_RISK),  # no-data children are not counted
]


@pytest.mark.parametrize("statuses,expected", GROUP_CASES)
def test_group_roll_up_by_shares(statuses, expected):
    r = st.group_roll_up(statuses)
    assert r.status == expected
    assert sum(r.counts.values()) == len(statuses)
