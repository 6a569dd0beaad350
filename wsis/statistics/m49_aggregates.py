"""UN M49 codes that are not countries: the aggregates the UN SDG Global Database publishes.

Source files from the UN SDG database give areas as M49 numeric codes, written without leading
zeros ("1", "199", "722"). Most are countries or areas, matched to economies by their ISO 3166
numeric code.
The others are the UN's own groupings (regions, development groups, groupings used by custodian
agencies) and a few areas that are neither an aggregate nor a current country (former states,
parts of a country, Kosovo). Names are the UN's English names in the SDG database.

For each aggregate the table gives the group code of ours that is defined the same way, or None:

* 1 World -> "WORLD".
* 199 LDCs -> "LDC"; 432 LLDCs -> "LLDC".
* 722 SIDS is M49's list of 53 small island developing States and territories, which is our
  "SIDS-M49" group, not the 39 UN-member "SIDS" of UN-OHRLLS.
* 514/515 are M49's former developed/developing regions, which is how our "DEVELOPED" and
  "DEVELOPING" groups are defined.

The World Bank income groups (910-914) are left unmapped: the UN aggregates use a classification
vintage that the data do not state, while our income groups change with each reclassification.
"""

from __future__ import annotations

# M49 code -> (English name, our group code or None)
M49_AGGREGATES: dict[str, tuple[str, str | None]] = {
    "1": ("World", "WORLD"),
    "2": ("Africa", None),
    "5": ("South America", None),
    "9": ("Oceania", None),
    "11": ("Western Africa", None),
    "13": ("Central America", None),
    "14": ("Eastern Africa", None),
    "15": ("Northern Africa", None),
    "17": ("Middle Africa", None),
    "18": ("Southern Africa", None),
    "19": ("Americas", None),
    "21": ("Northern America", None),
    "29": ("Caribbean", None),
    "30": ("Eastern Asia", None),
    "34": ("Southern Asia", None),
    "35": ("South-Eastern Asia", None),
    "39": ("Southern Europe", None),
    "53": ("Australia and New Zealand", None),
    "54": ("Melanesia", None),
    "57": ("Micronesia", None),
    "61": ("Polynesia", None),
    "62": ("Central and Southern Asia", None),
    "97": ("European Union", None),
    "127": ("Southern Asia (excluding India)", None),
    "135": ("Caucasus and Central Asia", None),
    "142": ("Asia", None),
    "143": ("Central Asia", None),
    "145": ("Western Asia", None),
    "150": ("Europe", None),
    "151": ("Eastern Europe", None),
    "154": ("Northern Europe", None),
    "155": ("Western Europe", None),
    "198": ("Organisation for Economic Co-operation and Development (OECD) Member States", None),
    "199": ("Least Developed Countries (LDCs)", "LDC"),
    "202": ("Sub-Saharan Africa", None),
    "223": ("Eastern Asia (excluding Japan and China)", None),
    "419": ("Latin America and the Caribbean", None),
    "420": ("Latin America", None),
    "432": ("Landlocked developing countries (LLDCs)", "LLDC"),
    "485": ("Western Asia (exc. Armenia, Azerbaijan, Cyprus, Israel and Georgia)", None),
    "487": ("Other non-OECD Asia", None),
    "513": ("Europe and Northern America", None),
    "514": (
        "Developed regions (Europe, Cyprus, Israel, Northern America, Japan, "
        "Australia & New Zealand)",
        "DEVELOPED",
    ),
    "515": ("Developing regions", "DEVELOPING"),
    "518": ("Eastern Asia (excluding Japan)", None),
    "527": ("Other non-OECD Oceania", None),
    "543": ("Oceania (exc. Australia and New Zealand)", None),
    "577": ("Africa not elsewhere specified", None),
    "593": ("Development Assistance Committee members (DAC)", None),
    "636": ("Other non-OECD Americas", None),
    "722": ("Small island developing States (SIDS)", "SIDS-M49"),
    "738": ("Sub-Saharan Africa (inc. Sudan)", None),
    "746": ("Northern Africa (exc. Sudan)", None),
    "747": ("Northern Africa and Western Asia", None),
    "753": ("Eastern and South-Eastern Asia", None),
    "830": ("Channel Islands", None),
    "889": ("World Trade Organization (WTO) Member States", None),
    "896": ("Areas not elsewhere specified", None),
    "901": ("Africa (ILO)", None),
    "902": ("Asia and the Pacific (ILO)", None),
    "903": ("Central and Eastern Europe (ILO)", None),
    "904": ("Middle East and North Africa (ILO)", None),
    "905": ("Middle East (ILO)", None),
    "906": ("North America (ILO)", None),
    "907": ("Other regions (ILO)", None),
    "908": ("Western Europe (ILO)", None),
    "909": ("Eastern Southern South-Eastern Asia and Oceania (MDG)", None),
    "910": ("High income economies (WB)", None),
    "911": ("Low income economies (WB)", None),
    "912": ("Lower middle economies (WB)", None),
    "913": ("Low and middle income economies (WB)", None),
    "914": ("Upper middle economies (WB)", None),
    "915": ("WTO Developing Member States", None),
    "916": ("WTO Developed Member States", None),
    "917": ("International Centers (FAO)", None),
    "918": ("European Union (EU) Institutions", None),
    "919": ("Regional Centres (FAO)", None),
    "921": ("ODA residual", None),
    "922": ("Custom groupings of data providers", None),
    "923": ("LLDC Africa", None),
    "924": ("LLDC Americas", None),
    "925": ("LLDC Asia", None),
    "926": ("LLDC Europe", None),
    "927": ("LDC Africa", None),
    "928": ("LDC Americas", None),
    "929": ("LDC Asia", None),
    "930": ("LDC Oceania", None),
    "931": ("SIDS Africa", None),
    "932": ("SIDS Americas", None),
    "933": ("SIDS Asia", None),
    "934": ("SIDS Oceania", None),
    "935": ("World (total) by SDG regions", None),
    "936": ("World (total) by continental regions", None),
    "937": ("World (total) by MDG regions", None),
    "938": ("Member States", None),
    "951": ("Other Africa (IEA)", None),
    "952": ("Unallocated by country", None),
    "99018": ("FAO Major Fishing Area: Pacific, Eastern Central", None),
    "99019": ("FAO Major Fishing Area: Pacific, Northeast", None),
    "99020": ("FAO Major Fishing Area: Pacific, Northwest", None),
    "99021": ("FAO Major Fishing Area: Pacific, Western Central", None),
    "99022": ("FAO Major Fishing Area: Pacific, Southwest", None),
    "99023": ("FAO Major Fishing Area: Atlantic, Northwest", None),
    "99024": ("FAO Major Fishing Area: Atlantic, Northeast", None),
    "99025": ("FAO Major Fishing Area: Indian Ocean, Eastern", None),
    "99026": ("FAO Major Fishing Area: Atlantic, Southeast", None),
    "99027": ("FAO Major Fishing Area: Indian Ocean, Western", None),
    "99028": ("FAO Major Fishing Area: Atlantic, Western Central", None),
    "99029": ("FAO Major Fishing Area: Atlantic, Eastern Central", None),
    "99030": ("FAO Major Fishing Area: Atlantic, Southwest", None),
    "99031": ("FAO Major Fishing Area: Pacific, Southeast", None),
    "99032": ("FAO Major Fishing Area: Mediterranean and Black Sea", None),
    "99033": ("World Marine Bunkers", None),
    "99034": ("World Aviation Bunkers", None),
    "99035": ("Residual/unallocated ODA: Central Asia and Southern Asia", None),
    "99036": ("Residual/unallocated ODA: Eastern and South-eastern Asia", None),
    "99037": ("Residual/unallocated ODA: Latin America and the Caribbean", None),
    "99038": ("Residual/unallocated ODA: Oceania excl. Aus. and N. Zealand", None),
    "99039": ("Residual/unallocated ODA: Sub-Saharan Africa", None),
    "99040": ("Residual/unallocated ODA: Western Asia and Northern Africa", None),
    "99041": ("Belgium and Luxembourg", None),
    "99042": ("WHO Africa", None),
    "99043": ("WHO Americas", None),
    "99044": ("WHO South-East Asia", None),
    "99045": ("WHO Europe", None),
    "99046": ("WHO Eastern Mediterranean", None),
    "99047": ("WHO Western Pacific", None),
    "99048": ("WHO Global", None),
    "99049": ("Residual/unallocated ODA: Unspecified, developing countries", None),
    "99050": ("Residual/unallocated ODA: Northern America and Europe", None),
    "99051": ("Large Marine Ecosystem: East Bering Sea", None),
    "99052": ("Large Marine Ecosystem: Gulf of Alaska", None),
    "99053": ("Large Marine Ecosystem: California Current", None),
    "99054": ("Large Marine Ecosystem: Gulf of California", None),
    "99055": ("Large Marine Ecosystem: Gulf of Mexico", None),
    "99056": ("Large Marine Ecosystem: Southeast U.S. Continental Shelf", None),
    "99057": ("Large Marine Ecosystem: Northeast U.S. Continental Shelf", None),
    "99058": ("Large Marine Ecosystem: Scotian Shelf", None),
    "99059": ("Large Marine Ecosystem: Labrador - Newfoundland", None),
    "99060": ("Large Marine Ecosystem: Insular Pacific-Hawaiian", None),
    "99061": ("Large Marine Ecosystem: Pacific Central-American Coastal", None),
    "99062": ("Large Marine Ecosystem: Caribbean Sea", None),
    "99063": ("Large Marine Ecosystem: Humboldt Current", None),
    "99064": ("Large Marine Ecosystem: Patagonian Shelf", None),
    "99065": ("Large Marine Ecosystem: South Brazil Shelf", None),
    "99066": ("Large Marine Ecosystem: East Brazil Shelf", None),
    "99067": ("Large Marine Ecosystem: North Brazil Shelf", None),
    "99068": ("Large Marine Ecosystem: Canadian Eastern Arctic - West Greenland", None),
    "99069": ("Large Marine Ecosystem: Greenland Sea", None),
    "99070": ("Large Marine Ecosystem: Barents Sea", None),
    "99071": ("Large Marine Ecosystem: Norwegian Sea", None),
    "99072": ("Large Marine Ecosystem: North Sea", None),
    "99073": ("Large Marine Ecosystem: Baltic Sea", None),
    "99074": ("Large Marine Ecosystem: Celtic-Biscay Shelf", None),
    "99075": ("Large Marine Ecosystem: Iberian Coastal", None),
    "99076": ("Large Marine Ecosystem: Mediterranean Sea", None),
    "99077": ("Large Marine Ecosystem: Canary Current", None),
    "99078": ("Large Marine Ecosystem: Guinea Current", None),
    "99079": ("Large Marine Ecosystem: Benguela Current", None),
    "99080": ("Large Marine Ecosystem: Agulhas Current", None),
    "99081": ("Large Marine Ecosystem: Somali Coastal Current", None),
    "99082": ("Large Marine Ecosystem: Arabian Sea", None),
    "99083": ("Large Marine Ecosystem: Red Sea", None),
    "99084": ("Large Marine Ecosystem: Bay of Bengal", None),
    "99085": ("Large Marine Ecosystem: Gulf of Thailand", None),
    "99086": ("Large Marine Ecosystem: South China Sea", None),
    "99087": ("Large Marine Ecosystem: Sulu-Celebes Sea", None),
    "99088": ("Large Marine Ecosystem: Indonesian Sea", None),
    "99089": ("Large Marine Ecosystem: North Australian Shelf", None),
    "99090": ("Large Marine Ecosystem: Northeast Australian Shelf", None),
    "99091": ("Large Marine Ecosystem: East Central Australian Shelf", None),
    "99092": ("Large Marine Ecosystem: Southeast Australian Shelf", None),
    "99093": ("Large Marine Ecosystem: South West Australian Shelf", None),
    "99094": ("Large Marine Ecosystem: West Central Australian Shelf", None),
    "99095": ("Large Marine Ecosystem: Northwest Australian Shelf", None),
    "99096": ("Large Marine Ecosystem: New Zealand Shelf", None),
    "99097": ("Large Marine Ecosystem: East China Sea", None),
    "99098": ("Large Marine Ecosystem: Yellow Sea", None),
    "99099": ("Large Marine Ecosystem: Kuroshio Current", None),
    "99100": ("Large Marine Ecosystem: Sea of Japan", None),
    "99101": ("Large Marine Ecosystem: Oyashio Current", None),
    "99102": ("Large Marine Ecosystem: Sea of Okhotsk", None),
    "99103": ("Large Marine Ecosystem: West Bering Sea", None),
    "99104": ("Large Marine Ecosystem: Northern Bering - Chukchi Seas", None),
    "99105": ("Large Marine Ecosystem: Beaufort Sea", None),
    "99106": ("Large Marine Ecosystem: East Siberian Sea", None),
    "99107": ("Large Marine Ecosystem: Laptev Sea", None),
    "99108": ("Large Marine Ecosystem: Kara Sea", None),
    "99109": ("Large Marine Ecosystem: Iceland Shelf and Sea", None),
    "99110": ("Large Marine Ecosystem: Faroe Plateau", None),
    "99111": ("Large Marine Ecosystem: Antarctica", None),
    "99112": ("Large Marine Ecosystem: Black Sea", None),
    "99113": ("Large Marine Ecosystem: Hudson Bay Complex", None),
    "99114": ("Large Marine Ecosystem: Central Arctic", None),
    "99115": ("Large Marine Ecosystem: Aleutian Islands", None),
    "99116": ("Large Marine Ecosystem: Canadian High Arctic - North Greenland", None),
}

# Areas with an M49 code that are neither a country of the current M49 list nor an aggregate.
M49_OTHER_AREAS: dict[str, str] = {
    "369": "Iraq (Central Iraq)",
    "370": "Iraq (Kurdistan Region)",
    "412": "Kosovo",
    "530": "Netherlands Antilles [former]",
    "680": "Sark",
    "736": "Sudan [former]",
    "827": "United Kingdom (England and Wales)",
    "828": "United Kingdom (Northern Ireland)",
    "829": "United Kingdom (Scotland)",
    "835": "United Republic of Tanzania (Mainland)",
    "836": "United Republic of Tanzania (Zanzibar)",
    "890": "Yugoslavia [former]",
    "891": "Serbia and Montenegro [former]",
    "920": "Azores Islands",
}

GROUP_CODES: dict[str, str] = {code: group for code, (_, group) in M49_AGGREGATES.items() if group}


def normalise_m49(code: str) -> str:
    """An M49 code as the UN SDG database writes it: without leading zeros ("004" -> "4")."""
    code = code.strip()
    return str(int(code)) if code.isascii() and code.isdigit() else code


def is_aggregate(code: str) -> bool:
    return normalise_m49(code) in M49_AGGREGATES


def aggregate_group(code: str) -> str | None:
    """Our group code for an M49 aggregate, or None when there is no equivalent group."""
    return GROUP_CODES.get(normalise_m49(code))


def m49_name(code: str) -> str:
    """The English name of an aggregate or other non-country area; "" for anything else."""
    code = normalise_m49(code)
    if code in M49_AGGREGATES:
        return M49_AGGREGATES[code][0]
    return M49_OTHER_AREAS.get(code, "")
