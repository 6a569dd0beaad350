"""The ICT indicators the platform knows before any data is imported: codes, units, aggregation rules and
the series codes under which the World Bank (WDI), the UN SDG Global Database and ITU publish them.

These are definitions, not data: values come only from imported releases. Names are given in the six
languages; definitions follow ITU's Manual for Measuring ICT Access and Use by Households and
Individuals and the ITU World Telecommunication/ICT Indicators definitions, abridged.
"""

POPULATION = "POP"

# code, unit, rule, weight, dimensions, SDG indicator, source series codes, names {lang: name}
INDICATORS = [
    {
        "code": POPULATION, "unit": "people", "rule": "sum", "weight": None, "dimensions": [],
        "sdg": "", "aliases": ["SP.POP.TOTL"], "higher_is_better": True,
        "source": "UN World Population Prospects, through the World Bank WDI",
        "names": {"en": "Population, total", "fr": "Population totale", "es": "Población total",
                  "ru": "Численность населения", "ar": "مجموع السكان", "zh-hans": "总人口"},
    },
    {
        "code": "INTERNET_USERS", "unit": "%", "rule": "weighted_mean", "weight": POPULATION,
        "dimensions": ["SEX", "AGE", "URBANISATION"], "sdg": "17.8.1",
        "aliases": ["IT.NET.USER.ZS", "IT_USE_II99", "i99H"], "higher_is_better": True,
        "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Individuals using the Internet", "fr": "Personnes utilisant l'Internet",
                  "es": "Personas que utilizan Internet", "ru": "Лица, пользующиеся Интернетом",
                  "ar": "الأفراد الذين يستعملون الإنترنت", "zh-hans": "使用互联网的个人"},
    },
    {
        "code": "FBB_100", "unit": "per 100 inhabitants", "rule": "weighted_mean", "weight": POPULATION,
        "dimensions": ["SPEED"], "sdg": "17.6.1", "aliases": ["IT.NET.BBND.P2", "IT_NET_BBND", "i4213tfbb"],
        "higher_is_better": True, "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Fixed-broadband subscriptions per 100 inhabitants",
                  "fr": "Abonnements au large bande fixe pour 100 habitants",
                  "es": "Suscripciones a banda ancha fija por cada 100 habitantes",
                  "ru": "Абонементы фиксированного широкополосного доступа на 100 жителей",
                  "ar": "الاشتراكات في النطاق العريض الثابت لكل 100 نسمة", "zh-hans": "每百居民固定宽带订户数"},
    },
    {
        "code": "FBB_SUBS", "unit": "subscriptions", "rule": "sum", "weight": None, "dimensions": ["SPEED"],
        "sdg": "17.6.1", "aliases": ["IT_NET_BBNDN"], "higher_is_better": True,
        "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Fixed-broadband subscriptions", "fr": "Abonnements au large bande fixe",
                  "es": "Suscripciones a banda ancha fija", "ru": "Абонементы фиксированного широкополосного доступа",
                  "ar": "الاشتراكات في النطاق العريض الثابت", "zh-hans": "固定宽带订户数"},
    },
    {
        "code": "MOBILE_100", "unit": "per 100 inhabitants", "rule": "weighted_mean", "weight": POPULATION,
        "dimensions": [], "sdg": "", "aliases": ["IT.CEL.SETS.P2", "i911"], "higher_is_better": True,
        "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Mobile-cellular subscriptions per 100 inhabitants",
                  "fr": "Abonnements au cellulaire mobile pour 100 habitants",
                  "es": "Suscripciones a telefonía móvil celular por cada 100 habitantes",
                  "ru": "Абонементы мобильной сотовой связи на 100 жителей",
                  "ar": "الاشتراكات في الخدمة الخلوية المتنقلة لكل 100 نسمة", "zh-hans": "每百居民移动蜂窝订户数"},
    },
    {
        "code": "FIXED_TEL_100", "unit": "per 100 inhabitants", "rule": "weighted_mean", "weight": POPULATION,
        "dimensions": [], "sdg": "", "aliases": ["IT.MLT.MAIN.P2", "i112"], "higher_is_better": True,
        "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Fixed-telephone subscriptions per 100 inhabitants",
                  "fr": "Abonnements au téléphone fixe pour 100 habitants",
                  "es": "Suscripciones a telefonía fija por cada 100 habitantes",
                  "ru": "Абонементы фиксированной телефонной связи на 100 жителей",
                  "ar": "الاشتراكات في الهاتف الثابت لكل 100 نسمة", "zh-hans": "每百居民固定电话订户数"},
    },
    *[{
        "code": f"COVERAGE_{g}G", "unit": "%", "rule": "weighted_mean", "weight": POPULATION, "dimensions": [],
        "sdg": "9.c.1", "aliases": [f"IT_MOB_{g}GNTWK", f"_9_c_1__it_mob_{g}gntwk", f"i271G{g}" if g > 2 else "i271"],
        "higher_is_better": True, "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": f"Population covered by at least a {g}G mobile network",
                  "fr": f"Population couverte par au moins un réseau mobile {g}G",
                  "es": f"Población cubierta por al menos una red móvil {g}G",
                  "ru": f"Население, охваченное как минимум сетью подвижной связи {g}G",
                  "ar": f"السكان المشمولون بشبكة متنقلة من الجيل {g}G على الأقل",
                  "zh-hans": f"至少有{g}G移动网络覆盖的人口"},
    } for g in (2, 3, 4)],
    {
        "code": "MOBILE_OWNERSHIP", "unit": "%", "rule": "weighted_mean", "weight": POPULATION,
        "dimensions": ["SEX", "AGE", "URBANISATION"], "sdg": "5.b.1", "aliases": ["IT_MOB_OWN", "i99mown"],
        "higher_is_better": True, "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Individuals owning a mobile phone", "fr": "Personnes possédant un téléphone mobile",
                  "es": "Personas que poseen un teléfono móvil", "ru": "Лица, владеющие мобильным телефоном",
                  "ar": "الأفراد الذين يمتلكون هاتفاً متنقلاً", "zh-hans": "拥有移动电话的个人"},
    },
    {
        "code": "HH_INTERNET", "unit": "%", "rule": "weighted_mean", "weight": POPULATION,
        "dimensions": ["URBANISATION"], "sdg": "", "aliases": ["HH6"], "higher_is_better": True,
        "source": "ITU World Telecommunication/ICT Indicators database",
        # Households would be the right weight; without a household count the population stands in for it.
        "names": {"en": "Households with Internet access at home", "fr": "Ménages ayant accès à l'Internet à domicile",
                  "es": "Hogares con acceso a Internet en el hogar", "ru": "Домохозяйства с доступом к Интернету дома",
                  "ar": "الأسر التي لديها نفاذ إلى الإنترنت في المنزل", "zh-hans": "家庭可接入互联网的住户"},
    },
    {
        "code": "MBB_100", "unit": "per 100 inhabitants", "rule": "weighted_mean", "weight": POPULATION,
        "dimensions": [], "sdg": "", "aliases": ["i271mw"], "higher_is_better": True,
        "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Active mobile-broadband subscriptions per 100 inhabitants",
                  "fr": "Abonnements actifs au large bande mobile pour 100 habitants",
                  "es": "Suscripciones activas a banda ancha móvil por cada 100 habitantes",
                  "ru": "Активные абонементы мобильного широкополосного доступа на 100 жителей",
                  "ar": "الاشتراكات النشطة في النطاق العريض المتنقل لكل 100 نسمة",
                  "zh-hans": "每百居民活跃移动宽带订户数"},
    },
]

INDICATORS += [
    {
        "code": "MBB_TRAFFIC", "unit": "GB per year", "rule": "none", "weight": None, "dimensions": [], "sdg": "",
        "aliases": ["mbb_traffic"], "higher_is_better": True,
        "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Mobile-broadband Internet traffic per mobile-broadband subscription",
                  "fr": "Trafic Internet mobile à large bande par abonnement mobile à large bande",
                  "es": "Tráfico de Internet de banda ancha móvil por suscripción de banda ancha móvil",
                  "ru": "Интернет-трафик мобильного широкополосного доступа на абонемент",
                  "ar": "حركة الإنترنت عبر النطاق العريض المتنقل لكل اشتراك", "zh-hans": "每个移动宽带订户的移动宽带互联网流量"},
    },
    {
        "code": "FBB_TRAFFIC", "unit": "GB per year", "rule": "none", "weight": None, "dimensions": [], "sdg": "",
        "aliases": ["fbb_traffic"], "higher_is_better": True,
        "source": "ITU World Telecommunication/ICT Indicators database",
        "names": {"en": "Fixed-broadband Internet traffic per fixed-broadband subscription",
                  "fr": "Trafic Internet fixe à large bande par abonnement fixe à large bande",
                  "es": "Tráfico de Internet de banda ancha fija por suscripción de banda ancha fija",
                  "ru": "Интернет-трафик фиксированного широкополосного доступа на абонемент",
                  "ar": "حركة الإنترنت عبر النطاق العريض الثابت لكل اشتراك", "zh-hans": "每个固定宽带订户的固定宽带互联网流量"},
    },
    # ITU publishes group medians of prices, not means: the rule is "none" here until a median rule exists.
    {
        "code": "BASKET_MOBILE_HIGH", "unit": "% of GNI per capita", "rule": "none", "weight": None,
        "dimensions": [], "sdg": "", "aliases": ["basket_mobile_high"], "higher_is_better": False,
        "source": "ITU ICT Price Baskets",
        "names": {"en": "Mobile data and voice high-consumption basket price",
                  "fr": "Prix du panier données et voix mobiles (forte consommation)",
                  "es": "Precio de la cesta de datos y voz móviles de alto consumo",
                  "ru": "Цена корзины мобильной передачи данных и голоса (высокое потребление)",
                  "ar": "سعر سلة البيانات والصوت المتنقلة عالية الاستهلاك", "zh-hans": "移动数据和语音高消费套餐价格"},
    },
    {
        "code": "BASKET_FIXED", "unit": "% of GNI per capita", "rule": "none", "weight": None, "dimensions": [],
        "sdg": "", "aliases": ["basket_fixed"], "higher_is_better": False, "source": "ITU ICT Price Baskets",
        "names": {"en": "Fixed-broadband Internet basket price", "fr": "Prix du panier Internet fixe à large bande",
                  "es": "Precio de la cesta de Internet de banda ancha fija",
                  "ru": "Цена корзины фиксированного широкополосного доступа в Интернет",
                  "ar": "سعر سلة الإنترنت عبر النطاق العريض الثابت", "zh-hans": "固定宽带互联网套餐价格"},
    },
]

# Strategic targets (reference data) that an indicator here measures: the group whose figure is tracked,
# and whether the target is on the value itself or on the female/male parity score.
TARGET_LINKS = {
    "C2030-1.1": {"indicator": "HH_INTERNET", "group": "WORLD", "measure": "value"},
    "C2030-1.2": {"indicator": "INTERNET_USERS", "group": "WORLD", "measure": "value"},
    "C2030-2.1.A": {"indicator": "HH_INTERNET", "group": "DEVELOPING", "measure": "value"},
    "C2030-2.1.B": {"indicator": "HH_INTERNET", "group": "LDC", "measure": "value"},
    "C2030-2.2.A": {"indicator": "INTERNET_USERS", "group": "DEVELOPING", "measure": "value"},
    "C2030-2.2.B": {"indicator": "INTERNET_USERS", "group": "LDC", "measure": "value"},
    "C2030-2.4": {"indicator": "COVERAGE_3G", "group": "WORLD", "measure": "value"},
    "C2030-2.5.A": {"indicator": "INTERNET_USERS", "group": "WORLD", "measure": "parity"},
    # Universal and meaningful connectivity targets apply to every economy; the world figure is tracked,
    # and the number of economies already at the target is shown beside it.
    "UMC-UNI-INDIVIDUALS": {"indicator": "INTERNET_USERS", "group": "WORLD", "measure": "value"},
    "UMC-UNI-HOUSEHOLDS": {"indicator": "HH_INTERNET", "group": "WORLD", "measure": "value"},
    "UMC-INF-4G": {"indicator": "COVERAGE_4G", "group": "WORLD", "measure": "value"},
    "UMC-DEV-MOBILE-OWN": {"indicator": "MOBILE_OWNERSHIP", "group": "WORLD", "measure": "value"},
    "UMC-GEN-INTERNET": {"indicator": "INTERNET_USERS", "group": "WORLD", "measure": "parity"},
    "UMC-GEN-MOBILE": {"indicator": "MOBILE_OWNERSHIP", "group": "WORLD", "measure": "parity"},
}
# A parity target ("female-to-male ratio equal to 1") counts as met inside ITU's parity band.
PARITY_TARGET = 0.98
