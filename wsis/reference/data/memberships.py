"""Which economy belongs to which ITU region and UN development group, with validity dates.

Economies are ISO 3166-1 alpha-3 codes. Dated lists hold (iso3, valid_from, valid_to) tuples:
valid_from None means "since before the records kept here"; valid_to None means "still a
member"; valid_to is the first day on which the economy is no longer a member (graduation
takes effect on that day), matching Membership.valid_on(), where valid_to is exclusive.
"""

# ITU/BDT regions (ITU-D ICT statistics definitions): the 193 ITU Member States plus Palestine,
# Hong Kong, Macao and Taiwan. Each economy is in exactly one region; territories such as
# Puerto Rico or Kosovo are in none, so ITU's regional aggregates never include them.
# Borderline placements follow ITU's own aggregates: Georgia, Ukraine, Moldova, Israel and
# Türkiye in Europe; Palestine, Sudan, Somalia and Mauritania in the Arab States; Iran in
# Asia-Pacific.
ITU_REGION_MEMBERS = {
    "AFR": [
        "AGO", "BDI", "BEN", "BFA", "BWA", "CAF", "CIV", "CMR", "COD", "COG", "CPV", "ERI",
        "ETH", "GAB", "GHA", "GIN", "GMB", "GNB", "GNQ", "KEN", "LBR", "LSO", "MDG", "MLI",
        "MOZ", "MUS", "MWI", "NAM", "NER", "NGA", "RWA", "SEN", "SLE", "SSD", "STP", "SWZ",
        "SYC", "TCD", "TGO", "TZA", "UGA", "ZAF", "ZMB", "ZWE",
    ],
    "AMS": [
        "ARG", "ATG", "BHS", "BLZ", "BOL", "BRA", "BRB", "CAN", "CHL", "COL", "CRI", "CUB",
        "DMA", "DOM", "ECU", "GRD", "GTM", "GUY", "HND", "HTI", "JAM", "KNA", "LCA", "MEX",
        "NIC", "PAN", "PER", "PRY", "SLV", "SUR", "TTO", "URY", "USA", "VCT", "VEN",
    ],
    "ARB": [
        "ARE", "BHR", "COM", "DJI", "DZA", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MAR",
        "MRT", "OMN", "PSE", "QAT", "SAU", "SDN", "SOM", "SYR", "TUN", "YEM",
    ],
    # Taiwan counts towards ITU's Asia-Pacific Internet-use figures but not towards its
    # subscription and coverage figures; it is listed so that the first case can be reproduced.
    "ASP": [
        "AFG", "AUS", "BGD", "BRN", "BTN", "CHN", "FJI", "FSM", "HKG", "IDN", "IND", "IRN",
        "JPN", "KHM", "KIR", "KOR", "LAO", "LKA", "MAC", "MDV", "MHL", "MMR", "MNG", "MYS",
        "NPL", "NRU", "NZL", "PAK", "PHL", "PNG", "PRK", "SGP", "SLB", "THA", "TLS", "TON",
        "TUV", "TWN", "VNM", "VUT", "WSM",
    ],
    "CIS": [
        "ARM", "AZE", "BLR", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB",
    ],
    "EUR": [
        "ALB", "AND", "AUT", "BEL", "BGR", "BIH", "CHE", "CYP", "CZE", "DEU", "DNK", "ESP",
        "EST", "FIN", "FRA", "GBR", "GEO", "GRC", "HRV", "HUN", "IRL", "ISL", "ISR", "ITA",
        "LIE", "LTU", "LUX", "LVA", "MCO", "MDA", "MKD", "MLT", "MNE", "NLD", "NOR", "POL",
        "PRT", "ROU", "SMR", "SRB", "SVK", "SVN", "SWE", "TUR", "UKR", "VAT",
    ],
}

# UN least developed countries. The original members were listed by General Assembly resolution
# 2768 (XXVI) of 18 November 1971, long before any series kept here, so they carry no
# valid_from. Later additions carry None too, because only the year is known with confidence
# (noted beside them); a guessed day would look more exact than it is.
# Graduations take effect on the day the General Assembly fixed; decided graduations that have
# not yet happened carry no valid_to until they have taken effect, so that a postponement (as
# happened for Angola, Samoa, Maldives, Solomon Islands) never leaves a wrong date behind.
# 44 members on 2025-01-01.
LDC = [
    ("AFG", None, None),
    ("AGO", None, None),  # graduation deferred "to a later date" by the GA in December 2023
    ("BDI", None, None),
    ("BEN", None, None),
    ("BFA", None, None),
    ("BGD", None, None),  # graduation scheduled for 24 November 2026 (GA, November 2021)
    ("CAF", None, None),
    ("COD", None, None),
    ("COM", None, None),
    ("DJI", None, None),
    ("ERI", None, None),
    ("ETH", None, None),
    ("GIN", None, None),
    ("GMB", None, None),
    ("GNB", None, None),
    ("HTI", None, None),
    ("KHM", None, None),  # graduation scheduled for December 2029 (GA resolution 79/230)
    ("KIR", None, None),
    ("LAO", None, None),  # graduation scheduled for 24 November 2026 (GA, November 2021)
    ("LBR", None, None),
    ("LSO", None, None),
    ("MDG", None, None),
    ("MLI", None, None),
    ("MMR", None, None),
    ("MOZ", None, None),
    ("MRT", None, None),
    ("MWI", None, None),
    ("NER", None, None),
    ("NPL", None, None),  # graduation scheduled for 24 November 2026 (GA, November 2021)
    ("RWA", None, None),
    ("SDN", None, None),
    ("SEN", None, None),  # added April 2001; graduation scheduled for December 2029 (GA 79/230)
    ("SLB", None, None),  # graduation scheduled for December 2027 (extended by the GA in 2023)
    ("SLE", None, None),
    ("SOM", None, None),
    ("SSD", None, None),  # added in 2012, after independence in July 2011
    ("TCD", None, None),
    ("TGO", None, None),
    ("TLS", None, None),  # added in 2003
    ("TUV", None, None),
    ("TZA", None, None),
    ("UGA", None, None),
    ("YEM", None, None),
    ("ZMB", None, None),
    # Graduated: kept so that any year's LDC aggregate uses the list in force that year.
    ("BWA", None, "1994-12-01"),  # December 1994; the UN gives only the month, day not known
    ("CPV", None, "2007-12-20"),  # December 2007; day = three years after the GA decision of 20 Dec 2004
    ("MDV", None, "2011-01-01"),  # deferred from 2007 after the 2004 tsunami
    ("WSM", None, "2014-01-01"),  # deferred from 2010 after the 2009 tsunami
    ("GNQ", None, "2017-06-04"),
    ("VUT", None, "2020-12-04"),
    ("BTN", None, "2023-12-13"),
    ("STP", None, "2024-12-13"),
]

# UN-OHRLLS landlocked developing countries (32). Undated: no change to this list is known
# within the series kept here; South Sudan has data only from its independence in July 2011.
LLDC = [
    ("AFG", None, None),
    ("ARM", None, None),
    ("AZE", None, None),
    ("BDI", None, None),
    ("BFA", None, None),
    ("BOL", None, None),
    ("BTN", None, None),
    ("BWA", None, None),
    ("CAF", None, None),
    ("ETH", None, None),
    ("KAZ", None, None),
    ("KGZ", None, None),
    ("LAO", None, None),
    ("LSO", None, None),
    ("MDA", None, None),
    ("MKD", None, None),
    ("MLI", None, None),
    ("MNG", None, None),
    ("MWI", None, None),
    ("NER", None, None),
    ("NPL", None, None),
    ("PRY", None, None),
    ("RWA", None, None),
    ("SSD", None, None),
    ("SWZ", None, None),
    ("TCD", None, None),
    ("TJK", None, None),
    ("TKM", None, None),
    ("UGA", None, None),
    ("UZB", None, None),
    ("ZMB", None, None),
    ("ZWE", None, None),
]

# The 39 SIDS that UN-OHRLLS lists under "UN Members" — the list ITU's SIDS aggregates follow.
# Cook Islands and Niue are not UN Member States, but OHRLLS lists them under that heading (both
# are full members of AOSIS), so they are kept to match its count.
# Bahrain was on the OHRLLS list until it was removed at its own request in April 2023; it is
# left out because the exact day is not known and membership before that date has not been
# needed by any aggregate so far. Add it with valid_to once the day is confirmed.
SIDS_UN_MEMBERS = [
    ("ATG", None, None),
    ("BHS", None, None),
    ("BLZ", None, None),
    ("BRB", None, None),
    ("COK", None, None),
    ("COM", None, None),
    ("CPV", None, None),
    ("CUB", None, None),
    ("DMA", None, None),
    ("DOM", None, None),
    ("FJI", None, None),
    ("FSM", None, None),
    ("GNB", None, None),
    ("GRD", None, None),
    ("GUY", None, None),
    ("HTI", None, None),
    ("JAM", None, None),
    ("KIR", None, None),
    ("KNA", None, None),
    ("LCA", None, None),
    ("MDV", None, None),
    ("MHL", None, None),
    ("MUS", None, None),
    ("NIU", None, None),
    ("NRU", None, None),
    ("PLW", None, None),
    ("PNG", None, None),
    ("SGP", None, None),
    ("SLB", None, None),
    ("STP", None, None),
    ("SUR", None, None),
    ("SYC", None, None),
    ("TLS", None, None),
    ("TON", None, None),
    ("TTO", None, None),
    ("TUV", None, None),
    ("VCT", None, None),
    ("VUT", None, None),
    ("WSM", None, None),
]

# The UNSD M49 SIDS flag (53): the 37 UN Member States of the OHRLLS list, Cook Islands, Niue
# and 14 territories. It differs from the OHRLLS list of territories: M49 flags Bonaire, Sint
# Eustatius and Saba, which OHRLLS does not list, and does not flag Bermuda, Cayman Islands,
# Guadeloupe, Martinique or Turks and Caicos, which OHRLLS does. Kept separately because UN SDG
# aggregates use this list, not the OHRLLS one.
SIDS_M49 = [
    # Caribbean
    ("ABW", None, None),
    ("AIA", None, None),
    ("ATG", None, None),
    ("BES", None, None),
    ("BHS", None, None),
    ("BLZ", None, None),
    ("BRB", None, None),
    ("CUB", None, None),
    ("CUW", None, None),
    ("DMA", None, None),
    ("DOM", None, None),
    ("GRD", None, None),
    ("GUY", None, None),
    ("HTI", None, None),
    ("JAM", None, None),
    ("KNA", None, None),
    ("LCA", None, None),
    ("MSR", None, None),
    ("PRI", None, None),
    ("SUR", None, None),
    ("SXM", None, None),
    ("TTO", None, None),
    ("VCT", None, None),
    ("VGB", None, None),
    ("VIR", None, None),
    # Pacific
    ("ASM", None, None),
    ("COK", None, None),
    ("FJI", None, None),
    ("FSM", None, None),
    ("GUM", None, None),
    ("KIR", None, None),
    ("MHL", None, None),
    ("MNP", None, None),
    ("NCL", None, None),
    ("NIU", None, None),
    ("NRU", None, None),
    ("PLW", None, None),
    ("PNG", None, None),
    ("PYF", None, None),
    ("SLB", None, None),
    ("TON", None, None),
    ("TUV", None, None),
    ("VUT", None, None),
    ("WSM", None, None),
    # Atlantic, Indian Ocean and South China Sea
    ("COM", None, None),
    ("CPV", None, None),
    ("GNB", None, None),
    ("MDV", None, None),
    ("MUS", None, None),
    ("SGP", None, None),
    ("STP", None, None),
    ("SYC", None, None),
    ("TLS", None, None),
]

# The former M49 "developed regions", which ITU used for its developed/developing split up to
# about 2022: all of Europe (Belarus, Moldova, Russia and Ukraine included), Northern America
# (with Bermuda, Greenland and Saint Pierre and Miquelon), the Australia and New Zealand
# sub-region (with its external territories), Japan, Israel and Cyprus. Sark, also listed by
# M49 as developed, has no ISO 3166 code. Undated: the split is kept as it stood in the last
# M49 edition that carried it.
DEVELOPED = [
    # Europe
    "ALA", "ALB", "AND", "AUT", "BEL", "BGR", "BIH", "BLR", "CHE", "CZE", "DEU", "DNK",
    "ESP", "EST", "FIN", "FRA", "FRO", "GBR", "GGY", "GIB", "GRC", "HRV", "HUN", "IMN",
    "IRL", "ISL", "ITA", "JEY", "LIE", "LTU", "LUX", "LVA", "MCO", "MDA", "MKD", "MLT",
    "MNE", "NLD", "NOR", "POL", "PRT", "ROU", "RUS", "SJM", "SMR", "SRB", "SVK", "SVN",
    "SWE", "UKR", "VAT",
    # Northern America
    "BMU", "CAN", "GRL", "SPM", "USA",
    # Australia and New Zealand
    "AUS", "CCK", "CXR", "HMD", "NFK", "NZL",
    # Asia
    "CYP", "ISR", "JPN",
]
