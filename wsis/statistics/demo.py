"""Demo statistics: smooth, plausible and visibly synthetic series for every economy, imported as one release
named "Demo data (synthetic)" through the same service as real files. Real data is one
`wsis import indicators` away (see the README)."""

from __future__ import annotations

import math
import random

from wsis.reference.models import Economy, Membership
from wsis.statistics.records import Parsed, Record, SeriesInfo

YEARS = range(2005, 2025)
SOURCE = "Demo data (synthetic, not official)"
# Year in which half the population is online, by development group (roughly what the world saw).
MIDPOINT = {"DEVELOPED": 2003, "DEVELOPING": 2016, "LLDC": 2022, "LDC": 2026}
GENDER_GAP = {"DEVELOPED": 0.01, "DEVELOPING": 0.06, "LLDC": 0.15, "LDC": 0.25}


def _development() -> dict[str, str]:
    """Each economy's most specific development group today: LDC, then LLDC, then developed/developing."""
    rank = {"LDC": 0, "LLDC": 1, "DEVELOPED": 2, "DEVELOPING": 3}
    out: dict[str, str] = {}
    for iso3, code in Membership.objects.filter(group__code__in=rank, valid_to__isnull=True).values_list(
            "economy__iso3", "group__code"):
        if iso3 not in out or rank[code] < rank[out[iso3]]:
            out[iso3] = code
    return out


def demo_parsed() -> Parsed:
    rng = random.Random(2030)
    development = _development()
    economies = list(Economy.objects.order_by("iso3").values_list("iso3", flat=True))
    p = Parsed(source=SOURCE)
    for code, name, unit in (
        ("POP", "Population, total", "people"), ("INTERNET_USERS", "Individuals using the Internet", "%"),
        ("MOBILE_100", "Mobile-cellular subscriptions per 100 inhabitants", "per 100 inhabitants"),
        ("FBB_100", "Fixed-broadband subscriptions per 100 inhabitants", "per 100 inhabitants"),
        ("COVERAGE_4G", "Population covered by at least a 4G mobile network", "%"),
        ("HH_INTERNET", "Households with Internet access at home", "%"),
        ("MBB_100", "Active mobile-broadband subscriptions per 100 inhabitants", "per 100 inhabitants"),
        ("MOBILE_OWNERSHIP", "Individuals owning a mobile phone", "%"),
        ("COVERAGE_3G", "Population covered by at least a 3G mobile network", "%"),
        ("MBB_TRAFFIC", "Mobile-broadband traffic per subscription", "GB per year"),
        ("FBB_TRAFFIC", "Fixed-broadband traffic per subscription", "GB per year"),
        ("BASKET_MOBILE_HIGH", "Mobile data and voice high-consumption basket", "% of GNI per capita"),
        ("BASKET_FIXED", "Fixed-broadband basket", "% of GNI per capita"),
    ):
        p.series[code] = SeriesInfo(code, name, unit, SOURCE)

    def add(code, iso3, year, value, dims=()):
        p.records.append(Record(code, iso3, "iso3", year, round(value, 2), dims, "reported", "synthetic",
                                f"demo:{code}:{iso3}:{year}"))

    for iso3 in economies:
        group = development.get(iso3, "DEVELOPING")
        mid = MIDPOINT[group] + rng.uniform(-3, 3)
        k = rng.uniform(0.16, 0.3)
        pop0 = math.exp(rng.gauss(15.5, 1.8))
        growth = rng.uniform(-0.003, 0.028)
        gender_gap = GENDER_GAP[group] * rng.uniform(0.5, 1.5)
        # Some economies stop reporting early, some report every other year: gaps for the aggregator to fill.
        last = 2024 if rng.random() > 0.3 else rng.choice([2020, 2021, 2022])
        sparse = rng.random() < 0.15
        for year in YEARS:
            add("POP", iso3, year, pop0 * (1 + growth) ** (year - 2005))
            if year > last or (sparse and year % 2):
                continue
            share = 100 / (1 + math.exp(-k * (year - mid)))
            noise = rng.uniform(-1.5, 1.5)
            users = min(99.5, max(0.2, share + noise))
            add("INTERNET_USERS", iso3, year, users, (("SEX", "_T"),))
            add("INTERNET_USERS", iso3, year, users * (1 - gender_gap / 2), (("SEX", "F"),))
            add("INTERNET_USERS", iso3, year, min(99.9, users * (1 + gender_gap / 2)), (("SEX", "M"),))
            add("MOBILE_100", iso3, year, min(160, 25 + 1.3 * share + rng.uniform(-5, 5)))
            add("FBB_100", iso3, year, max(0.0, share ** 1.6 / 100 * 0.45 + rng.uniform(-0.3, 0.3)))
            add("COVERAGE_4G", iso3, year, 0 if year < 2011 else min(100, max(0, 110 / (1 + math.exp(-0.5 * (year - mid - 3))))))
            add("HH_INTERNET", iso3, year, min(99, max(0.1, share * 0.95 + rng.uniform(-3, 3))))
            add("MBB_100", iso3, year, 0 if year < 2008 else min(150, share * 1.1 + rng.uniform(-4, 4)))
            add("COVERAGE_3G", iso3, year, 0 if year < 2007 else min(100, max(0, 105 / (1 + math.exp(-0.45 * (year - mid + 2))))))
            if year >= 2018:
                add("MBB_TRAFFIC", iso3, year, max(0.2, share * 0.8 * 1.25 ** (year - 2018) + rng.uniform(-2, 2)))
                add("FBB_TRAFFIC", iso3, year, max(1.0, share * 12 * 1.2 ** (year - 2018) + rng.uniform(-20, 20)))
                add("BASKET_MOBILE_HIGH", iso3, year, max(0.3, 25 * (1 - share / 100) ** 1.5 + rng.uniform(0, 1.5)))
                add("BASKET_FIXED", iso3, year, max(0.5, 60 * (1 - share / 100) ** 2 + rng.uniform(0, 2)))
            add("MOBILE_OWNERSHIP", iso3, year, min(99, max(5, 35 + share * 0.65 + rng.uniform(-2, 2))),
                (("SEX", "_T"),))
    return p


def load_demo_statistics() -> int:
    from wsis.statistics import services
    from wsis.statistics.models import Release

    existing = Release.objects.filter(is_demo=True).first()
    if existing is not None:
        return existing.counts.get("observations", 0)
    services.catalogue_init(actor="wsis demo")
    parsed = demo_parsed()
    result = services.import_release(actor="wsis demo", parsed=parsed, adapter="demo", filename="demo",
                                     sha256="demo-statistics-v1", is_demo=True)
    return result.observations
