"""Golden values, computed by hand, for the divide metrics, target tracking and composite indices."""

import math

import numpy as np
import pytest

from wsis.statistics import divide, targets
from wsis.statistics.idi_2023 import DATAHUB_CODES, IDI_2023, SDG_SERIES
from wsis.statistics.index import (
    Component,
    IndexDefinition,
    normalise,
    score,
    score_many,
    validate,
)

approx = pytest.approx
NAN = float("nan")


# --- gaps, ratios, parity -------------------------------------------------------------------


def test_gap_and_ratio():
    assert divide.gap(80, 60) == 20
    assert divide.gap(60.5, 80) == approx(-19.5)
    assert divide.gap(None, 1) is None
    assert divide.gap(1, NAN) is None
    assert divide.ratio(3, 4) == 0.75
    assert divide.ratio(1, 0) is None
    assert divide.ratio(1, None) is None
    assert divide.ratio(None, 2) is None


def test_gender_parity_and_bands_at_the_edges():
    assert divide.gender_parity(45, 50) == approx(0.9)
    assert divide.gender_parity(45, 0) is None
    assert divide.parity_band(divide.gender_parity(49, 50)) == "parity"  # 0.98
    assert divide.parity_band(divide.gender_parity(51, 50)) == "parity"  # 1.02
    assert divide.parity_band(0.98) == "parity"
    assert divide.parity_band(1.02) == "parity"
    assert divide.parity_band(1.0) == "parity"
    assert divide.parity_band(0.9799) == "disparity_against_women"
    assert divide.parity_band(1.0201) == "disparity_against_men"
    assert divide.parity_band(None) is None


def test_urban_rural_gap():
    assert divide.urban_rural_gap(80, 40) == {"gap": 40, "ratio": 0.5}
    assert divide.urban_rural_gap(0, 0) == {"gap": 0, "ratio": None}
    assert divide.urban_rural_gap(None, 10) == {"gap": None, "ratio": None}


# --- dispersion -----------------------------------------------------------------------------


def test_coefficient_of_variation():
    # mean 5, population standard deviation 2
    d = divide.coefficient_of_variation([2, 4, 4, 4, 5, 5, 7, 9])
    assert d.value == approx(0.4) and d.n == 8 and d.nan_dropped == 0
    w = divide.coefficient_of_variation([2, 4, 5, 7, 9], weights=[1, 3, 2, 1, 1])
    assert w.value == approx(0.4) and w.n == 5
    assert divide.coefficient_of_variation([3, 3, 3]).value == 0
    assert divide.coefficient_of_variation([0, 0]).value is None
    assert divide.coefficient_of_variation([]).value is None
    nan = divide.coefficient_of_variation(np.array([2, 4, 4, 4, NAN, 5, 5, 7, 9]))
    assert nan.value == approx(0.4) and nan.nan_dropped == 1


def test_gini_golden_values():
    assert divide.gini([1, 1, 1, 1]).value == 0
    assert divide.gini([0, 0, 0, 1]).value == approx(0.75)
    # Σ|x_i − x_j| over ordered pairs = 8, n² = 9, mean 2: 8 / (2 · 9 · 2)
    assert divide.gini([1, 2, 3]).value == approx(2 / 9)
    assert divide.gini([3, 1, 2]).value == approx(2 / 9)  # order does not matter
    assert divide.gini([0, 0]).value is None


def test_weighted_gini_equals_repeated_entries():
    assert divide.gini([0, 1], weights=[3, 1]).value == approx(0.75)
    weighted = divide.gini([10, 20, 50], weights=[2, 3, 1])
    repeated = divide.gini([10, 10, 20, 20, 20, 50])
    assert weighted.value == approx(repeated.value)
    assert weighted.n == 3
    # a zero weight is the same as leaving the economy out
    assert divide.gini([1, 2, 3, 100], weights=[1, 1, 1, 0]).value == approx(2 / 9)


def test_gini_drops_missing_and_refuses_negative():
    d = divide.gini([0, 0, None, 0, 1, NAN])
    assert d.value == approx(0.75) and d.n == 4 and d.nan_dropped == 2
    d = divide.gini([0, 0, 0, 1, 5], weights=[1, 1, 1, 1, NAN])
    assert d.value == approx(0.75) and d.nan_dropped == 1
    with pytest.raises(ValueError):
        divide.gini([1, -1])
    with pytest.raises(ValueError):
        divide.gini([1, 2], weights=[1, -1])
    with pytest.raises(ValueError):
        divide.gini([1, 2], weights=[1])


def test_theil():
    assert divide.theil([5, 5, 5]).value == approx(0)
    # zero excluded; [1, 3] with mean 2: ½ (½ ln ½ + 1.5 ln 1.5)
    d = divide.theil([1, 0, 3])
    assert d.value == approx(0.5 * (0.5 * math.log(0.5) + 1.5 * math.log(1.5)))
    assert d.value == approx(0.130812, abs=1e-6)
    assert d.zero_excluded == 1 and d.n == 2
    only_positive_part = divide.theil([0, 0, 0, 1])
    assert only_positive_part.value == 0 and only_positive_part.zero_excluded == 3
    # all in one economy out of n: ln n
    assert divide.theil([1e-300, 1e-300, 1e-300, 1.0]).value == approx(math.log(4))
    weighted = divide.theil([10, 20, 50], weights=[2, 3, 1])
    assert weighted.value == approx(divide.theil([10, 10, 20, 20, 20, 50]).value)
    d = divide.theil([0, 0, NAN])
    assert d.value is None and d.zero_excluded == 2 and d.nan_dropped == 1
    with pytest.raises(ValueError):
        divide.theil([1, -2])


# --- trend ----------------------------------------------------------------------------------


def test_trend_verdicts():
    years = [2015, 2016, 2017, 2018, 2019, 2020]
    falling = divide.trend(years, [0.40 - 0.01 * i for i in range(6)])
    assert falling.slope == approx(-0.01) and falling.stderr == approx(0, abs=1e-12)
    assert falling.verdict == "narrowing" and falling.n == 6
    # x̄ 1.5, Sxy 6.5, Sxx 5 → slope 1.3; residuals .2 −.1 −.4 .3 → s² .15, se √.03 ≈ .1732
    rising = divide.trend([0, 1, 2, 3], [1, 2, 3, 5])
    assert rising.slope == approx(1.3) and rising.stderr == approx(math.sqrt(0.03))
    assert rising.verdict == "widening"
    # slope 0.8, residuals −.3 .9 −.9 .3 → s² .9, se √.18 ≈ .4243; 0.8 < 2 se
    flat = divide.trend([0, 1, 2, 3], [1, 3, 2, 4])
    assert flat.slope == approx(0.8) and flat.stderr == approx(math.sqrt(0.18))
    assert flat.verdict == "no clear change"
    assert divide.trend([0, 1, 2], [5, 5, 5]).verdict == "no clear change"


def test_trend_needs_three_points():
    assert divide.trend([2019, 2020], [1, 2]) is None
    assert divide.trend([2018, 2019, 2020], [1, NAN, 2]) is None
    assert divide.trend([2020, 2020, 2020], [1, 2, 3]) is None
    assert divide.trend(np.array([2018, 2019, 2020, 2021]), [1, None, 2, 3]).n == 3


# --- people offline -------------------------------------------------------------------------


def test_people_offline():
    assert divide.people_offline(1_000_000, 75) == 250_000
    assert divide.people_offline(1_000_000, 100) == 0
    assert divide.people_offline(None, 50) is None
    assert divide.people_offline(10, NAN) is None
    with pytest.raises(ValueError):
        divide.people_offline(10, 101)


def test_people_offline_group():
    g = divide.people_offline_group([100, 200, NAN, 50], [50, 75, 10, None])
    assert g.offline == 100  # 100 × .5 + 200 × .25
    assert g.population == 300
    assert g.share_offline_percent == approx(100 / 3)
    assert g.n == 2 and g.nan_dropped == 2
    empty = divide.people_offline_group([], [])
    assert empty.offline == 0 and empty.share_offline_percent is None
    with pytest.raises(ValueError):
        divide.people_offline_group([1, 2], [50])


# --- target tracking ------------------------------------------------------------------------


def line(start, end, a, b):
    """Observations of a + b · (year − start) for start…end."""
    return [(y, a + b * (y - start)) for y in range(start, end + 1)]


def test_t_quantile():
    assert targets.t_quantile_95(1) == 6.313752
    assert targets.t_quantile_95(6) == 1.943180
    assert targets.t_quantile_95(30) == 1.697261
    assert targets.t_quantile_95(31) == approx(1.695519, abs=1e-6)
    assert targets.t_quantile_95(120) == approx(1.657651, abs=1e-6)
    assert targets.t_quantile_95(10**6) == approx(1.644855, abs=1e-6)
    with pytest.raises(ValueError):
        targets.t_quantile_95(0)


def test_achieved():
    r = targets.track([(2020, 95.0), (2021, 100.0)], target=100, deadline=2030)
    assert r.status == "achieved"  # two points are enough once the target is met
    assert r.latest_year == 2021 and r.latest_value == 100
    assert r.distance == 0 and r.years_to_target == 0 and r.pace_required is None


def test_on_track_on_a_perfect_line():
    # 50 + 2 · (year − 2015), 2015–2022: latest 64, projection to 2030 = 80
    r = targets.track(line(2015, 2022, 50, 2), target=75, deadline=2030, as_of=2024)
    assert r.status == "on_track"
    assert r.latest_year == 2022 and r.latest_value == 64
    assert r.distance == approx(11)
    assert r.pace_required == approx(11 / 8)
    assert r.pace_actual == approx(2)
    assert r.projection == approx(80)
    assert r.band_low == approx(80) and r.band_high == approx(80)  # the band collapses
    assert r.years_to_target == approx(5.5)
    assert r.n_points == 8
    assert "least-squares" in r.method and "90 %" in r.method


def test_off_track():
    r = targets.track(line(2015, 2022, 50, 2), target=90, deadline=2030)
    assert r.status == "off_track"
    assert r.projection == approx(80)
    assert r.distance == approx(26)
    assert r.years_to_target == approx(13)


def test_window_uses_only_recent_years():
    # flat at 10 until 2014, then +5 a year: an 8-year window sees only the rise
    series = [(y, 10.0) for y in range(2005, 2015)] + line(2015, 2022, 15, 5)
    r = targets.track(series, target=100, deadline=2030)
    assert r.pace_actual == approx(5) and r.n_points == 8
    assert r.projection == approx(15 + 5 * 15)


def test_projection_and_band_by_hand():
    # 2020–2022: 10, 12, 11 → slope 0.5, residuals −.5 1 −.5, s² = 1.5 (1 df), Sxx = 2
    # at 2025: 11 + 0.5 · 4 = 13, half width t(1) · √1.5 · √(1 + 1/3 + 16/2) = 6.313752 · √14
    series = [(2020, 10.0), (2021, 12.0), (2022, 11.0)]
    r = targets.track(series, target=50, deadline=2025)
    half = 6.313752 * math.sqrt(14)
    assert r.projection == approx(13)
    assert r.band_low == approx(13 - half) and r.band_high == approx(13 + half)
    assert r.status == "off_track"
    clamped = targets.track(series, target=50, deadline=2025, bounded=(0, 100))
    assert clamped.band_low == 0 and clamped.band_high == approx(13 + half)
    assert "clamped to 0–100" in clamped.method


def test_band_contains_the_truth_on_a_noisy_line():
    noise = [1.0, -1.5, 0.5, 2.0, -1.0, -0.5, 1.5, -2.0]
    series = [(y, 40 + 3 * (y - 2014) + e) for y, e in zip(range(2015, 2023), noise, strict=True)]
    r = targets.track(series, target=100, deadline=2030)
    truth = 40 + 3 * (2030 - 2014)
    assert r.band_low < truth < r.band_high
    assert r.band_low < r.projection < r.band_high
    # the same interval computed independently
    x = np.arange(2015, 2023, dtype=float)
    y = np.array([v for _, v in series])
    b, a = np.polyfit(x, y, 1)
    s = math.sqrt(((y - (a + b * x)) ** 2).sum() / 6)
    half = (
        1.943180 * s * math.sqrt(1 + 1 / 8 + (2030 - x.mean()) ** 2 / ((x - x.mean()) ** 2).sum())
    )
    assert r.projection == approx(a + b * 2030)
    assert r.band_high - r.band_low == approx(2 * half)


def test_bounded_clamps_the_projection():
    r = targets.track(line(2015, 2022, 60, 5), target=100, deadline=2030, bounded=(0, 100))
    assert r.projection == 100 and r.band_high == 100
    assert r.status == "on_track"


def test_insufficient_data():
    too_few = targets.track([(2021, 50.0), (2022, 55.0)], target=100, deadline=2030)
    assert too_few.status == "insufficient_data"
    assert too_few.latest_value == 55 and too_few.projection is None
    assert too_few.pace_required == approx(45 / 8)
    assert targets.track([], target=100, deadline=2030).status == "insufficient_data"
    assert targets.track([(2020, None), (2021, NAN)], target=1, deadline=2030).status == (
        "insufficient_data"
    )
    # two of the points fall outside the 8-year window 2015–2022
    sparse = [(2005, 10.0), (2006, 12.0), (2021, 50.0), (2022, 55.0)]
    assert targets.track(sparse, target=100, deadline=2030).status == "insufficient_data"


def test_stale_latest_point():
    series = line(2012, 2018, 50, 2)
    stale = targets.track(series, target=100, deadline=2030, as_of=2024)  # 6 years old
    assert stale.status == "insufficient_data" and stale.latest_year == 2018
    fresh = targets.track(series, target=100, deadline=2030, as_of=2023)  # 5 years old
    assert fresh.status == "off_track"


def test_as_of_ignores_later_observations():
    series = line(2015, 2022, 50, 2) + [(2023, 100.0)]
    assert targets.track(series, target=100, deadline=2030).status == "achieved"
    r = targets.track(series, target=100, deadline=2030, as_of=2022)
    assert r.status == "off_track" and r.latest_year == 2022


def test_decreasing_target_price_basket():
    prices = [(2018, 8.0), (2019, 7.0), (2020, 6.0), (2021, 5.0), (2022, 4.0)]
    r = targets.track(prices, target=2, deadline=2025, comparator="<=")
    assert r.status == "on_track"
    assert r.projection == approx(1)
    assert r.distance == approx(2)  # 4 − 2 still to go
    assert r.pace_required == approx(-2 / 3)
    assert r.pace_actual == approx(-1)
    assert r.years_to_target == approx(2)
    late = targets.track(prices, target=2, deadline=2023, comparator="<=")
    assert late.status == "off_track" and late.projection == approx(3)
    met = targets.track(prices + [(2023, 1.8)], target=2, deadline=2025, comparator="<=")
    assert met.status == "achieved" and met.distance == approx(-0.2)
    rising = [(y, 10 - v) for y, v in prices]  # 2, 3, 4, 5, 6
    wrong_way = targets.track(rising, target=2, deadline=2025, comparator="<=")
    assert wrong_way.status == "off_track" and wrong_way.years_to_target is None


def test_deadline_passed():
    r = targets.track(line(2015, 2022, 50, 2), target=100, deadline=2020)
    assert r.status == "off_track" and r.pace_required is None


def test_track_rejects_bad_arguments():
    with pytest.raises(ValueError):
        targets.track([(2020, 1.0)], target=1, deadline=2030, comparator=">")
    with pytest.raises(ValueError):
        targets.track([(2020, 1.0), (2020, 2.0)], target=5, deadline=2030)
    with pytest.raises(ValueError):
        targets.track([(2020, 1.0)], target=5, deadline=2030, bounded=(100, 0))


# --- composite index ------------------------------------------------------------------------


def comp(code, pillar="A", **kw):
    return Component(code=code, name=code, indicator=code, pillar=pillar, **kw)


def test_normalise_caps_and_inverts():
    c = comp("x", lower=0, upper=50)
    assert normalise(25, c) == 50
    assert normalise(60, c) == 100
    assert normalise(-5, c) == 0
    price = comp("p", lower=2, upper=20, higher_is_better=False)
    assert normalise(2, price) == 100
    assert normalise(1, price) == 100
    assert normalise(11, price) == 50
    assert normalise(25, price) == 0
    assert normalise(None, c) is None
    assert normalise(NAN, c) is None


def test_normalise_log10():
    c = comp("t", lower=1, upper=1000, transform="log10")
    assert normalise(10, c) == approx(100 / 3)
    assert normalise(1000, c) == 100
    assert normalise(0.5, c) == 0
    assert normalise(0, c) == 0
    inverted = comp("t", lower=1, upper=1000, transform="log10", higher_is_better=False)
    assert normalise(100, inverted) == approx(100 / 3)
    assert normalise(0, inverted) == 100


TOY = IndexDefinition(
    code="TOY",
    name="Toy index",
    version="1",
    pillars={"A": ("Access", 2.0), "B": ("Quality", 1.0)},
    components=(
        comp("a1", "A", weight=1),
        comp("a2", "A", weight=3, upper=10),
        comp("b1", "B", upper=200),
        comp("b2", "B", upper=50, higher_is_better=False),
    ),
)
TOY_VALUES = {"a1": 40, "a2": 5, "b1": 50, "b2": 10}


def test_full_score_by_hand():
    s = score(TOY, TOY_VALUES)
    assert s.components == {"a1": 40, "a2": 50, "b1": 25, "b2": 80}
    assert s.pillars["A"] == approx((40 + 3 * 50) / 4)  # 47.5
    assert s.pillars["B"] == approx((25 + 80) / 2)  # 52.5
    assert s.index == approx((2 * 47.5 + 52.5) / 3)  # 49.1667
    assert s.missing == [] and s.rule_applied == "all_present"


def test_geometric_aggregation_by_hand():
    geo = IndexDefinition(**{**TOY.__dict__, "aggregation": "geometric"})
    s = score(geo, TOY_VALUES)
    a = 40**0.25 * 50**0.75
    b = math.sqrt(25 * 80)
    assert s.pillars["A"] == approx(a)
    assert s.pillars["B"] == approx(b)
    assert s.index == approx(a ** (2 / 3) * b ** (1 / 3))
    assert score(geo, {**TOY_VALUES, "b1": 0}).pillars["B"] == 0


def test_missing_component_rule():
    one_of_two = score(TOY, {**TOY_VALUES, "b1": None})
    assert one_of_two.pillars["B"] == 80  # weights rescaled over b2 alone
    assert one_of_two.index == approx((2 * 47.5 + 80) / 3)
    assert one_of_two.missing == ["b1"]
    assert one_of_two.rule_applied == "min_share(0.5): rescaled"
    none_of_two = score(TOY, {"a1": 40, "a2": 5})
    assert none_of_two.pillars["B"] is None and none_of_two.index is None
    assert none_of_two.pillars["A"] == approx(47.5)
    assert none_of_two.missing == ["b1", "b2"]
    assert none_of_two.rule_applied == "min_share(0.5): pillar missing"
    # a2 carries 3/4 of pillar A's weight: without it only 1/4 is present
    assert score(TOY, {**TOY_VALUES, "a2": NAN}).pillars["A"] is None
    assert score(TOY, {**TOY_VALUES, "a1": None}).pillars["A"] == 50


def test_score_many():
    scores = score_many(TOY, {"KEN": TOY_VALUES, "XXX": {}})
    assert scores["KEN"].index == approx(147.5 / 3)
    assert scores["XXX"].index is None and len(scores["XXX"].missing) == 4


def test_validate_catches_bad_definitions():
    assert validate(TOY) == []
    bad = IndexDefinition(
        code="BAD",
        name="Bad",
        version="0",
        pillars={"A": ("Access", 1.0), "E": ("Empty", -1.0)},
        components=(
            comp("x", "A", weight=-1),
            comp("x", "A"),
            comp("y", "Z"),
            comp("z", "A", lower=10, upper=10),
            comp("l", "A", lower=0, upper=10, transform="log10"),
            comp("s", "A", transform="sqrt"),
        ),
        aggregation="harmonic",
        min_share=0,
    )
    problems = "\n".join(validate(bad))
    for expected in (
        "negative weight -1",
        "duplicate component code x",
        "unknown pillar Z",
        "lower goalpost 10 ≥ upper 10",
        "log10 needs a lower goalpost > 0",
        "unknown transform 'sqrt'",
        "unknown aggregation 'harmonic'",
        "min_share",
        "pillar E: negative weight",
        "pillar E: no component",
    ):
        assert expected in problems
    with pytest.raises(ValueError, match="BAD"):
        score(bad, {})


def test_idi_2023_definition():
    assert validate(IDI_2023) == []
    assert len(IDI_2023.components) == 10
    assert set(IDI_2023.pillars) == {"UC", "MC"}
    assert {c.pillar for c in IDI_2023.components} == {"UC", "MC"}
    assert IDI_2023.pillars["UC"][1] == IDI_2023.pillars["MC"][1]
    assert IDI_2023.aggregation == "arithmetic"
    assert IDI_2023.verified is False and "Assumptions" in IDI_2023.notes
    indicators = {c.indicator for c in IDI_2023.components}
    assert indicators == set(DATAHUB_CODES)
    assert set(SDG_SERIES) <= indicators
    assert SDG_SERIES["i99H"] == "IT_USE_II99"


def test_idi_2023_scores_at_the_goalposts():
    best = {
        c.indicator: (c.lower if not c.higher_is_better else c.upper) for c in IDI_2023.components
    }
    worst = {
        c.indicator: (c.upper if not c.higher_is_better else c.lower) for c in IDI_2023.components
    }
    assert score(IDI_2023, best).index == approx(100)
    assert score(IDI_2023, worst).index == approx(0)
    assert score(IDI_2023, {**best, "basket_fixed": 1.5}).index == approx(100)  # below 2 %
    half = score(IDI_2023, {**best, "i99H": 50, "HH6": 50, "i271mw": 50})
    assert half.pillars == {"UC": approx(50), "MC": approx(100)}
    assert half.index == approx(75)
