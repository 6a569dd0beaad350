"""Aggregate area codes that sources use next to economy codes, and which of our groups they equal.

A source's aggregate is mapped to one of our groups only when both cover the same economies by the
same definition; a look-alike (the Bank's "Arab World" against ITU's Arab States region, its "Small
states" against SIDS) maps to None so that it is never taken for ours.
"""

from __future__ import annotations

# World Bank aggregate codes (WDI, bulk files and API v2 `countryiso3code`) → (English name, our
# group code or None). Names as the World Bank gives them since its July 2025 update, which renamed
# "Middle East & North Africa" (MEA, MNA, TMN) when Afghanistan and Pakistan joined that region.
# None of these codes is an ISO 3166 alpha-3 code.
WB_AGGREGATES: dict[str, tuple[str, str | None]] = {
    # The whole world and the UN list of least developed countries, which the Bank follows.
    "WLD": ("World", "WORLD"),
    "LDC": ("Least developed countries: UN classification", "LDC"),
    # Income groups (the Bank's own classification, revised every 1 July).
    "LIC": ("Low income", "WB-LIC"),
    "LMC": ("Lower middle income", "WB-LMC"),
    "UMC": ("Upper middle income", "WB-UMC"),
    "HIC": ("High income", "WB-HIC"),
    "MIC": ("Middle income", None),
    "LMY": ("Low & middle income", None),
    "INX": ("Not classified", None),  # economies without an income group (Venezuela in recent years)
    # Regions, all income levels.
    "EAS": ("East Asia & Pacific", None),
    "ECS": ("Europe & Central Asia", None),
    "LCN": ("Latin America & Caribbean", None),
    "MEA": ("Middle East, North Africa, Afghanistan & Pakistan", None),
    "NAC": ("North America", None),
    "SAS": ("South Asia", None),
    "SSF": ("Sub-Saharan Africa", None),
    "AFE": ("Africa Eastern and Southern", None),
    "AFW": ("Africa Western and Central", None),
    # Regions without their high-income economies.
    "EAP": ("East Asia & Pacific (excluding high income)", None),
    "ECA": ("Europe & Central Asia (excluding high income)", None),
    "LAC": ("Latin America & Caribbean (excluding high income)", None),
    "MNA": ("Middle East, North Africa, Afghanistan & Pakistan (excluding high income)", None),
    "SSA": ("Sub-Saharan Africa (excluding high income)", None),
    # Regions, IDA and IBRD countries only.
    "TEA": ("East Asia & Pacific (IDA & IBRD countries)", None),
    "TEC": ("Europe & Central Asia (IDA & IBRD countries)", None),
    "TLA": ("Latin America & the Caribbean (IDA & IBRD countries)", None),
    "TMN": ("Middle East, North Africa, Afghanistan & Pakistan (IDA & IBRD)", None),
    "TSA": ("South Asia (IDA & IBRD)", None),
    "TSS": ("Sub-Saharan Africa (IDA & IBRD countries)", None),
    # Lending groups.
    "IBD": ("IBRD only", None),
    "IBT": ("IDA & IBRD total", None),
    "IDA": ("IDA total", None),
    "IDB": ("IDA blend", None),
    "IDX": ("IDA only", None),
    # Other groupings. ARB (members of the League of Arab States) is not ITU's Arab States region;
    # the small-states groups are the Bank's (population of 1.5 million or less, and a few larger
    # economies), not the UN SIDS list.
    "ARB": ("Arab World", None),
    "CEB": ("Central Europe and the Baltics", None),
    "EMU": ("Euro area", None),
    "EUU": ("European Union", None),
    "OED": ("OECD members", None),
    "FCS": ("Fragile and conflict affected situations", None),
    "HPC": ("Heavily indebted poor countries (HIPC)", None),
    "SST": ("Small states", None),
    "CSS": ("Caribbean small states", None),
    "OSS": ("Other small states", None),
    "PSS": ("Pacific island small states", None),
    # Demographic dividend groups.
    "PRE": ("Pre-demographic dividend", None),
    "EAR": ("Early-demographic dividend", None),
    "LTE": ("Late-demographic dividend", None),
    "PST": ("Post-demographic dividend", None),
}

# World Bank aggregates that are one of our groups: {"WLD": "WORLD", "LDC": "LDC", "LIC": "WB-LIC", …}.
WB_GROUP_EQUIVALENTS: dict[str, str] = {code: group for code, (_, group) in WB_AGGREGATES.items() if group}

# Economy codes of the World Bank that are not ISO 3166 alpha-3: Kosovo has no ISO code (XKX is a
# user-assigned code, also used by the EU), and the Channel Islands are the Bank's aggregate of
# Guernsey (GGY) and Jersey (JEY), which ISO codes separately.
NON_ISO_WB_CODES: dict[str, str] = {"XKX": "Kosovo", "CHI": "Channel Islands"}
