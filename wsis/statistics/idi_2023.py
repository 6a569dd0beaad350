"""ITU's ICT Development Index (IDI), 2023 methodology, as an ``IndexDefinition``.

The IDI 2023 has two pillars of equal weight, Universal connectivity and Meaningful connectivity,
and ten indicators. Each indicator is normalised to 0–100 between goalposts, indicators are
averaged arithmetically within a pillar and the two pillar scores are averaged arithmetically into
the index (see ``wsis.statistics.index`` for the rules).

Pillars, as in the structure ITU DataHub publishes for the IDI (``/v2/idi/dashboard/all``):

* Universal connectivity (UC): individuals using the Internet; households with Internet access at
  home; active mobile-broadband subscriptions per 100 inhabitants.
* Meaningful connectivity (MC): population covered by at least a 3G and by at least a 4G/LTE
  mobile network (grouped there as one "Coverage" item, so each counts half); mobile-broadband
  Internet traffic per subscription; fixed-broadband Internet traffic per subscription; mobile data
  and voice high-consumption basket price; fixed-broadband Internet basket price; individuals who
  own a mobile phone.

The definition is ``verified=False``: several parameters are assumptions listed in ``notes`` and
must be checked against ITU's IDI 2023 methodology document before scores are published. Where
ITU fills missing values by imputation, this definition applies the ``min_share`` rule instead.
"""

from __future__ import annotations

from wsis.statistics.index import Component, IndexDefinition

UC = "UC"
MC = "MC"

# The IDI indicators that the UN SDG Global Database also publishes, by its series code.
SDG_SERIES = {
    "i99H": "IT_USE_II99",  # 17.8.1 individuals using the Internet
    "i271G3": "IT_MOB_3GNTWK",  # 9.c.1 population covered by at least a 3G mobile network
    "i271G4": "IT_MOB_4GNTWK",  # 9.c.1 population covered by at least a 4G mobile network
    "i99mown": "IT_MOB_OWN",  # 5.b.1 individuals who own a mobile telephone
}

# The code of each indicator in ITU DataHub's IDI structure (/v2/idi/dashboard/all).
DATAHUB_CODES = {
    "i99H": "i99H",
    "HH6": "xHH6_IDI",
    "i271mw": "i911mw_IDI",
    "i271G3": "i271G_IDI",
    "i271G4": "i271GA_IDI",
    "mbb_traffic": "i136mwi_subs_IDI",
    "fbb_traffic": "i135tfb_subs_IDI",
    "basket_mobile_high": "i271mb_high_ts_GNI_IDI",
    "basket_fixed": "i154_FBB_ts_GNI_IDI",
    "i99mown": "xHH18_IDI",
}

AFFORDABILITY_THRESHOLD = 2.0  # % of GNI per capita: at or below, a price basket scores 100

NOTES = """\
Assumptions to check against ITU, "The ICT Development Index 2023: methodology" (the goalpost
and weight tables):
1. Pillar membership: 3G and 4G/LTE population coverage are placed in Meaningful connectivity,
   as in ITU DataHub's IDI structure; some descriptions list them under Universal connectivity.
2. Weights inside the pillars: equal (1) for every indicator except 3G and 4G/LTE coverage at 0.5
   each, reading DataHub's "Coverage" group as one item. Pillar weights 0.5/0.5 are believed
   correct.
3. Active mobile-broadband subscriptions per 100 inhabitants: goalposts 0 and 100, no transform.
4. Mobile-broadband traffic per mobile-broadband subscription: unit GB per subscription per year,
   log10 transform, goalposts 1 GB and 300 GB.
5. Fixed-broadband traffic per fixed-broadband subscription: unit GB per subscription per year,
   log10 transform, goalposts 10 GB and 3,000 GB.
6. Mobile data and voice high-consumption basket and fixed-broadband basket (% of GNI per capita):
   lower is better, score 100 at or below the 2 % affordability threshold, score 0 at or above
   20 %, linear in between.
7. Percentage indicators (Internet users, households with Internet, 3G and 4G/LTE coverage,
   mobile-phone owners): goalposts 0 and 100 %, no transform.
8. Aggregation: arithmetic means inside pillars and across pillars (believed correct).
9. Missing data: ITU imputes missing indicator values; here a pillar is computed from the
   indicators present when they carry at least half of its weight (min_share 0.5), and the index
   only when both pillars are computed.
"""

_COMPONENTS = (
    # Universal connectivity
    Component("i99H", "Individuals using the Internet (%)", "i99H", UC),
    Component("HH6", "Households with Internet access at home (%)", "HH6", UC),
    Component(
        "i271mw", "Active mobile-broadband subscriptions per 100 inhabitants", "i271mw", UC,
        lower=0.0, upper=100.0,
    ),
    # Meaningful connectivity
    Component(
        "i271G3", "Population covered by at least a 3G mobile network (%)", "i271G3", MC,
        weight=0.5,
    ),
    Component(
        "i271G4", "Population covered by at least a 4G/LTE mobile network (%)", "i271G4", MC,
        weight=0.5,
    ),
    Component(
        "mbb_traffic",
        "Mobile-broadband Internet traffic per mobile-broadband subscription (GB per year)",
        "mbb_traffic", MC, lower=1.0, upper=300.0, transform="log10",
    ),
    Component(
        "fbb_traffic",
        "Fixed-broadband Internet traffic per fixed-broadband subscription (GB per year)",
        "fbb_traffic", MC, lower=10.0, upper=3000.0, transform="log10",
    ),
    Component(
        "basket_mobile_high",
        "Mobile data and voice high-consumption basket price (% of GNI per capita)",
        "basket_mobile_high", MC, lower=AFFORDABILITY_THRESHOLD, upper=20.0,
        higher_is_better=False,
    ),
    Component(
        "basket_fixed", "Fixed-broadband Internet basket price (% of GNI per capita)",
        "basket_fixed", MC, lower=AFFORDABILITY_THRESHOLD, upper=20.0, higher_is_better=False,
    ),
    Component("i99mown", "Individuals who own a mobile phone (%)", "i99mown", MC),
)  # fmt: skip

IDI_2023 = IndexDefinition(
    code="IDI",
    name="ICT Development Index",
    version="2023",
    pillars={UC: ("Universal connectivity", 0.5), MC: ("Meaningful connectivity", 0.5)},
    components=_COMPONENTS,
    aggregation="arithmetic",
    missing_rule="min_share",
    min_share=0.5,
    verified=False,
    notes=NOTES,
)
