"""The statistics lists read in a number of queries that does not grow with their rows: the same bound for a
few rows and for many."""

import pytest

from wsis.statistics.records import Parsed, Record

pytestmark = pytest.mark.django_db

ECONOMIES = ["KEN", "GHA", "ETH", "NGA", "SEN", "DEU", "FRA", "IND", "BGD", "USA",
             "BRA", "CHN", "JPN", "MEX", "EGY", "ZAF", "TZA", "UGA", "RWA", "MAR"]


def _load(statistician, economies: list[str], years: range):
    from wsis.statistics.services import import_release

    p = Parsed(source="test")
    for iso3 in economies:
        for i, year in enumerate(years):
            p.records.append(Record("SP.POP.TOTL", iso3, "iso3", year, 1e7 * (1 + i / 10)))
            p.records.append(Record("IT.NET.USER.ZS", iso3, "iso3", year, 30.0 + i, (("SEX", "_T"),)))
    return import_release(actor=statistician, parsed=p, adapter="test", filename="test.csv", sha256="q1",
                          allow_unmatched=True).release


@pytest.mark.parametrize("extra", [2, 20])
def test_indicator_list(statistician, django_assert_max_num_queries, extra):
    from wsis.statistics import lists
    from wsis.statistics.models import Indicator

    _load(statistician, ECONOMIES[:2], range(2020, 2022))
    for i in range(extra):
        Indicator.objects.create(code=f"EXTRA_{i}", unit="%", rule="none", dimensions=["SEX"])
    # 3 to read, +1 for the data version the observation counts are kept under.
    with django_assert_max_num_queries(4):
        rows = lists.INDICATORS.rows(None, lists.INDICATORS.params(), "fr")
    assert {f"EXTRA_{i}" for i in range(extra)} <= {r["code"] for r in rows}


@pytest.mark.parametrize("n", [1, 10])
def test_observations(statistician, django_assert_max_num_queries, n):
    from wsis.statistics import lists

    _load(statistician, ECONOMIES[:2 * n], range(2020, 2021))
    with django_assert_max_num_queries(3):
        rows = lists.OBSERVATIONS.rows(None, lists.ObservationParams(code="INTERNET_USERS"), "en")
    assert len(rows) == 2 * n  # 2 rows, then 20


@pytest.mark.parametrize("years", [1, 10])
def test_aggregates(statistician, django_assert_max_num_queries, years):
    from wsis.statistics import lists

    _load(statistician, ECONOMIES, range(2010, 2010 + years))
    params = lists.AggregateParams(code="INTERNET_USERS", groups=["WORLD,AFR"])
    # 11 to compute, +1 for the data version the cached figures are kept under.
    with django_assert_max_num_queries(12):
        rows = lists.AGGREGATES.rows(None, params, "en")
    assert len(rows) == 2 * years  # two groups: 2 rows, then 20
