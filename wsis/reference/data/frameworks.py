"""Reference names typed into the project: WSIS action lines, ITU regions, development and income groups,
and the short titles of the 17 SDGs, each in the six UN languages.

Sources: Geneva Plan of Action (WSIS-03/GENEVA/DOC/5, C. Action Lines) in its six official versions;
WSIS Forum list of UN action line facilitators; ITU-D regional structure; UN-OHRLLS (LDC, LLDC, SIDS);
UN M49 (developed/developing); World Bank income classification; UN SDG communication titles.
"""

# Language keys as stored by the loaders; every "names" mapping must carry all six.
LANGS = ("en", "fr", "es", "ru", "ar", "zh-hans")

# --- WSIS action lines -------------------------------------------------------------------------
#
# English titles follow the WSIS Forum wording. The other languages keep the official Plan of
# Action translation even where its wording differs: C1's heading in fr/es/ar/zh speaks of
# "governments" (the Russian reads "органы государственного управления"), and translating the
# WSIS Forum English anew would produce a title no UN document uses.
#
# C2's Plan of Action heading continues ": an essential foundation for the Information Society";
# the short form is used in every language so the six names say the same thing.
#
# un_lead_facilitators lists the UN entities named for the line in the WSIS Forum facilitator
# roster. ITU's own role on each line is kept in itu_roles.py, so ITU appears here only where the
# roster names it among several agencies. C7 is facilitated sub-line by sub-line, hence its empty
# list: a union of the sub-lines' agencies would name facilitators for a line no one facilitates.

ACTION_LINES = [
    {"code": "C1", "parent": None, "order": 1,
     "names": {
         "en": "The role of public governance authorities and all stakeholders in the promotion of ICTs for development",
         "fr": "Le rôle des gouvernements et de toutes les parties prenantes dans la promotion des TIC pour le développement",
         "es": "Papel de los gobiernos y de todas las partes interesadas en la promoción de las TIC para el desarrollo",
         "ru": "Роль органов государственного управления и всех заинтересованных сторон в содействии использованию ИКТ в целях развития",
         "ar": "دور الحكومات وجميع أصحاب المصلحة في النهوض بتكنولوجيا المعلومات والاتصالات من أجل التنمية",
         "zh-hans": "政府和所有利益相关方在推进信息通信技术促进发展中的作用",
     },
     "un_lead_facilitators": ["ECOSOC", "UN Regional Commissions", "ITU"]},
    {"code": "C2", "parent": None, "order": 2,
     "names": {
         "en": "Information and communication infrastructure",
         "fr": "L'infrastructure de l'information et de la communication",
         "es": "Infraestructura de la información y la comunicación",
         "ru": "Информационная и коммуникационная инфраструктура",
         "ar": "البنية التحتية للمعلومات والاتصالات",
         "zh-hans": "信息和通信基础设施",
     },
     "un_lead_facilitators": ["ITU"]},
    {"code": "C3", "parent": None, "order": 3,
     "names": {
         "en": "Access to information and knowledge",
         "fr": "L'accès à l'information et au savoir",
         "es": "Acceso a la información y al conocimiento",
         "ru": "Доступ к информации и знаниям",
         "ar": "النفاذ إلى المعلومات والمعارف",
         "zh-hans": "获取信息和知识",
     },
     "un_lead_facilitators": ["UNESCO"]},
    {"code": "C4", "parent": None, "order": 4,
     "names": {
         "en": "Capacity building",
         "fr": "Renforcement des capacités",
         "es": "Creación de capacidad",
         "ru": "Создание потенциала",
         "ar": "بناء القدرات",
         "zh-hans": "能力建设",
     },
     "un_lead_facilitators": ["UNDP", "UNESCO", "ITU", "UNCTAD"]},
    {"code": "C5", "parent": None, "order": 5,
     "names": {
         "en": "Building confidence and security in the use of ICTs",
         "fr": "Établir la confiance et la sécurité dans l'utilisation des TIC",
         "es": "Crear confianza y seguridad en la utilización de las TIC",
         "ru": "Укрепление доверия и безопасности при использовании ИКТ",
         "ar": "بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات",
         "zh-hans": "树立使用信息通信技术的信心和安全",
     },
     "un_lead_facilitators": ["ITU"]},
    {"code": "C6", "parent": None, "order": 6,
     "names": {
         "en": "Enabling environment",
         "fr": "Créer un environnement propice",
         "es": "Entorno propicio",
         "ru": "Благоприятная среда",
         "ar": "البيئة التمكينية",
         "zh-hans": "有利环境",
     },
     "un_lead_facilitators": ["ITU", "UNDP", "UN Regional Commissions", "UNCTAD"]},
    {"code": "C7", "parent": None, "order": 7,
     "names": {
         "en": "ICT applications: benefits in all aspects of life",
         "fr": "Les applications TIC et leur apport dans tous les domaines",
         "es": "Aplicaciones de las TIC: ventajas en todos los aspectos de la vida",
         "ru": "Приложения ИКТ: выгоды во всех аспектах жизни",
         "ar": "تطبيقات تكنولوجيا المعلومات والاتصالات: فوائد في جميع جوانب الحياة",
         "zh-hans": "信息通信技术应用：惠及生活的各个方面",
     },
     "un_lead_facilitators": []},
    {"code": "C7.e-government", "parent": "C7", "order": 1,
     "names": {
         "en": "E-government",
         "fr": "Administration électronique",
         "es": "Gobierno electrónico",
         "ru": "Электронное правительство",
         "ar": "الحكومة الإلكترونية",
         "zh-hans": "电子政务",
     },
     "un_lead_facilitators": ["UN DESA"]},
    {"code": "C7.e-business", "parent": "C7", "order": 2,
     "names": {
         "en": "E-business",
         "fr": "Commerce électronique",
         "es": "Negocios electrónicos",
         "ru": "Электронная коммерческая деятельность",
         "ar": "الأعمال التجارية الإلكترونية",
         "zh-hans": "电子商务",
     },
     "un_lead_facilitators": ["UNCTAD"]},
    {"code": "C7.e-learning", "parent": "C7", "order": 3,
     "names": {
         "en": "E-learning",
         "fr": "Télé-enseignement",
         "es": "Aprendizaje electrónico",
         "ru": "Электронное обучение",
         "ar": "التعلّم الإلكتروني",
         "zh-hans": "电子学习",
     },
     "un_lead_facilitators": ["UNESCO"]},
    {"code": "C7.e-health", "parent": "C7", "order": 4,
     "names": {
         "en": "E-health",
         "fr": "Télésanté",
         "es": "Cibersalud",
         "ru": "Электронное здравоохранение",
         "ar": "الصحة الإلكترونية",
         "zh-hans": "电子卫生",
     },
     "un_lead_facilitators": ["WHO"]},
    {"code": "C7.e-employment", "parent": "C7", "order": 5,
     "names": {
         "en": "E-employment",
         "fr": "Cyberemploi",
         "es": "Ciberempleo",
         "ru": "Электронная занятость",
         "ar": "العمالة الإلكترونية",
         "zh-hans": "电子就业",
     },
     "un_lead_facilitators": ["ILO"]},
    {"code": "C7.e-environment", "parent": "C7", "order": 6,
     "names": {
         "en": "E-environment",
         "fr": "Cyberécologie",
         "es": "Ciberecología",
         "ru": "Электронная охрана окружающей среды",
         "ar": "البيئة الإلكترونية",
         "zh-hans": "电子环境",
     },
     # WMO leads; UNEP is the other UN co-facilitator the line's reports name.
     "un_lead_facilitators": ["WMO", "UNEP"]},
    {"code": "C7.e-agriculture", "parent": "C7", "order": 7,
     "names": {
         "en": "E-agriculture",
         "fr": "Cyberagriculture",
         "es": "Ciberagricultura",
         "ru": "Электронное сельское хозяйство",
         "ar": "الزراعة الإلكترونية",
         "zh-hans": "电子农业",
     },
     "un_lead_facilitators": ["FAO"]},
    {"code": "C7.e-science", "parent": "C7", "order": 8,
     "names": {
         "en": "E-science",
         "fr": "Cyberscience",
         "es": "Ciberciencia",
         "ru": "Электронная наука",
         "ar": "العلوم الإلكترونية",
         "zh-hans": "电子科学",
     },
     "un_lead_facilitators": ["UNESCO"]},
    {"code": "C8", "parent": None, "order": 8,
     "names": {
         "en": "Cultural diversity and identity, linguistic diversity and local content",
         "fr": "Diversité et identité culturelles, diversité linguistique et contenus locaux",
         "es": "Diversidad e identidad culturales, diversidad lingüística y contenido local",
         "ru": "Культурное разнообразие и самобытность, языковое разнообразие и местный контент",
         "ar": "التنوع الثقافي والهوية الثقافية والتنوع اللغوي والمحتوى المحلي",
         "zh-hans": "文化多样性和特性、语言多样性和本地内容",
     },
     "un_lead_facilitators": ["UNESCO"]},
    {"code": "C9", "parent": None, "order": 9,
     "names": {
         "en": "Media",
         "fr": "Médias",
         "es": "Medios de comunicación",
         "ru": "Средства массовой информации",
         "ar": "وسائط الإعلام",
         "zh-hans": "媒体",
     },
     "un_lead_facilitators": ["UNESCO"]},
    {"code": "C10", "parent": None, "order": 10,
     "names": {
         "en": "Ethical dimensions of the Information Society",
         "fr": "Dimensions éthiques de la société de l'information",
         "es": "Dimensiones éticas de la Sociedad de la Información",
         "ru": "Этические аспекты информационного общества",
         "ar": "الأبعاد الأخلاقية لمجتمع المعلومات",
         "zh-hans": "信息社会的道德层面",
     },
     "un_lead_facilitators": ["UNESCO"]},
    {"code": "C11", "parent": None, "order": 11,
     "names": {
         "en": "International and regional cooperation",
         "fr": "Coopération internationale et régionale",
         "es": "Cooperación internacional y regional",
         "ru": "Международное и региональное сотрудничество",
         "ar": "التعاون الدولي والإقليمي",
         "zh-hans": "国际和区域合作",
     },
     "un_lead_facilitators": ["UN Regional Commissions", "UNDP", "ITU", "UNESCO", "ECOSOC"]},
]

# --- ITU regions -------------------------------------------------------------------------------
#
# The six regions of ITU-D (regional preparatory meetings, regional initiatives), not the five
# administrative regions A–E used for Council elections: the two partition Member States differently.

ITU_REGIONS = [
    {"code": "AFR", "names": {
        "en": "Africa", "fr": "Afrique", "es": "África",
        "ru": "Африка", "ar": "أفريقيا", "zh-hans": "非洲",
    }},
    {"code": "AMS", "names": {
        "en": "Americas", "fr": "Amériques", "es": "Américas",
        "ru": "Северная и Южная Америка", "ar": "الأمريكتان", "zh-hans": "美洲",
    }},
    {"code": "ARB", "names": {
        "en": "Arab States", "fr": "États arabes", "es": "Estados Árabes",
        "ru": "Арабские государства", "ar": "الدول العربية", "zh-hans": "阿拉伯国家",
    }},
    {"code": "ASP", "names": {
        "en": "Asia and the Pacific", "fr": "Asie-Pacifique", "es": "Asia-Pacífico",
        "ru": "Азиатско-Тихоокеанский регион", "ar": "آسيا والمحيط الهادئ", "zh-hans": "亚太",
    }},
    {"code": "CIS", "names": {
        "en": "Commonwealth of Independent States (CIS)",
        "fr": "Communauté des États indépendants (CEI)",
        "es": "Comunidad de Estados Independientes (CEI)",
        "ru": "Содружество Независимых Государств (СНГ)",
        "ar": "كومنولث الدول المستقلة",
        "zh-hans": "独立国家联合体（独联体）",
    }},
    {"code": "EUR", "names": {
        "en": "Europe", "fr": "Europe", "es": "Europa",
        "ru": "Европа", "ar": "أوروبا", "zh-hans": "欧洲",
    }},
]

# --- Development and income groups -------------------------------------------------------------
#
# "abbr" holds the acronym the UN or the World Bank uses in that language. Arabic and Chinese UN
# texts write these groups out rather than abbreviate them, so a short form of the name stands in.
# The loader appends " (M49)" to the SIDS abbreviation for the M49 variant and the column holds
# 30 characters, so every SIDS abbreviation must stay within 24.
#
# Income group names follow the World Bank's own language editions of its classification; "kind"
# takes the values of reference.models.GroupKind.

GROUPS = [
    {"code": "LDC", "kind": "development",
     "names": {
         "en": "Least developed countries",
         "fr": "Pays les moins avancés",
         "es": "Países menos adelantados",
         "ru": "Наименее развитые страны",
         "ar": "أقل البلدان نموا",
         "zh-hans": "最不发达国家",
     },
     "abbr": {"en": "LDC", "fr": "PMA", "es": "PMA", "ru": "НРС", "ar": "أقل البلدان نموا", "zh-hans": "最不发达国家"}},
    {"code": "LLDC", "kind": "development",
     "names": {
         "en": "Landlocked developing countries",
         "fr": "Pays en développement sans littoral",
         "es": "Países en desarrollo sin litoral",
         "ru": "Развивающиеся страны, не имеющие выхода к морю",
         "ar": "البلدان النامية غير الساحلية",
         "zh-hans": "内陆发展中国家",
     },
     "abbr": {"en": "LLDC", "fr": "PDSL", "es": "PDSL", "ru": "РСНВМ", "ar": "بلدان نامية غير ساحلية",
              "zh-hans": "内陆发展中国家"}},
    {"code": "SIDS", "kind": "development",
     "names": {
         "en": "Small island developing States",
         "fr": "Petits États insulaires en développement",
         "es": "Pequeños Estados insulares en desarrollo",
         "ru": "Малые островные развивающиеся государства",
         "ar": "الدول الجزرية الصغيرة النامية",
         "zh-hans": "小岛屿发展中国家",
     },
     "abbr": {"en": "SIDS", "fr": "PEID", "es": "PEID", "ru": "МОРГ", "ar": "دول جزرية صغيرة نامية",
              "zh-hans": "小岛屿发展中国家"}},
    {"code": "DEVELOPED", "kind": "development",
     "names": {
         "en": "Developed economies",
         "fr": "Économies développées",
         "es": "Economías desarrolladas",
         "ru": "Страны с развитой экономикой",
         "ar": "الاقتصادات المتقدمة النمو",
         "zh-hans": "发达经济体",
     },
     "abbr": {"en": "Developed", "fr": "Développées", "es": "Desarrolladas", "ru": "Развитые",
              "ar": "متقدمة النمو", "zh-hans": "发达"}},
    {"code": "DEVELOPING", "kind": "development",
     "names": {
         "en": "Developing economies",
         "fr": "Économies en développement",
         "es": "Economías en desarrollo",
         "ru": "Страны с развивающейся экономикой",
         "ar": "الاقتصادات النامية",
         "zh-hans": "发展中经济体",
     },
     "abbr": {"en": "Developing", "fr": "En développement", "es": "En desarrollo", "ru": "Развивающиеся",
              "ar": "نامية", "zh-hans": "发展中"}},
    {"code": "WB-LIC", "kind": "income",
     "names": {
         "en": "Low income",
         "fr": "Faible revenu",
         "es": "Ingreso bajo",
         "ru": "Низкий уровень дохода",
         "ar": "الدخل المنخفض",
         "zh-hans": "低收入",
     },
     "abbr": {"en": "LIC", "fr": "PFR", "es": "Ingreso bajo", "ru": "Низкий доход", "ar": "دخل منخفض",
              "zh-hans": "低收入"}},
    {"code": "WB-LMC", "kind": "income",
     "names": {
         "en": "Lower-middle income",
         "fr": "Revenu intermédiaire, tranche inférieure",
         "es": "Ingreso mediano bajo",
         "ru": "Уровень дохода ниже среднего",
         "ar": "الشريحة الدنيا من الدخل المتوسط",
         "zh-hans": "中等偏下收入",
     },
     "abbr": {"en": "LMC", "fr": "PRITI", "es": "Ingreso mediano bajo", "ru": "Доход ниже среднего",
              "ar": "دخل متوسط أدنى", "zh-hans": "中等偏下收入"}},
    {"code": "WB-UMC", "kind": "income",
     "names": {
         "en": "Upper-middle income",
         "fr": "Revenu intermédiaire, tranche supérieure",
         "es": "Ingreso mediano alto",
         "ru": "Уровень дохода выше среднего",
         "ar": "الشريحة العليا من الدخل المتوسط",
         "zh-hans": "中等偏上收入",
     },
     "abbr": {"en": "UMC", "fr": "PRITS", "es": "Ingreso mediano alto", "ru": "Доход выше среднего",
              "ar": "دخل متوسط أعلى", "zh-hans": "中等偏上收入"}},
    {"code": "WB-HIC", "kind": "income",
     "names": {
         "en": "High income",
         "fr": "Revenu élevé",
         "es": "Ingreso alto",
         "ru": "Высокий уровень дохода",
         "ar": "الدخل المرتفع",
         "zh-hans": "高收入",
     },
     "abbr": {"en": "HIC", "fr": "PRE", "es": "Ingreso alto", "ru": "Высокий доход", "ar": "دخل مرتفع",
              "zh-hans": "高收入"}},
]

# --- SDG short titles --------------------------------------------------------------------------
#
# The short titles of the UN SDG icons and communication materials. The official goal texts come
# from the open-sdg translations loader; these only fill the "short" field until one is loaded.
# French goal 2 keeps the UN's guillemets with no-break spaces.

SDG_GOAL_NAMES = {
    1: {"en": "No poverty", "fr": "Pas de pauvreté", "es": "Fin de la pobreza",
        "ru": "Ликвидация нищеты", "ar": "القضاء على الفقر", "zh-hans": "无贫穷"},
    2: {"en": "Zero hunger", "fr": "Faim «\u00a0zéro\u00a0»", "es": "Hambre cero",
        "ru": "Ликвидация голода", "ar": "القضاء التام على الجوع", "zh-hans": "零饥饿"},
    3: {"en": "Good health and well-being", "fr": "Bonne santé et bien-être", "es": "Salud y bienestar",
        "ru": "Хорошее здоровье и благополучие", "ar": "الصحة الجيدة والرفاه", "zh-hans": "良好健康与福祉"},
    4: {"en": "Quality education", "fr": "Éducation de qualité", "es": "Educación de calidad",
        "ru": "Качественное образование", "ar": "التعليم الجيد", "zh-hans": "优质教育"},
    5: {"en": "Gender equality", "fr": "Égalité entre les sexes", "es": "Igualdad de género",
        "ru": "Гендерное равенство", "ar": "المساواة بين الجنسين", "zh-hans": "性别平等"},
    6: {"en": "Clean water and sanitation", "fr": "Eau propre et assainissement", "es": "Agua limpia y saneamiento",
        "ru": "Чистая вода и санитария", "ar": "المياه النظيفة والنظافة الصحية", "zh-hans": "清洁饮水和卫生设施"},
    7: {"en": "Affordable and clean energy", "fr": "Énergie propre et d'un coût abordable",
        "es": "Energía asequible y no contaminante", "ru": "Недорогостоящая и чистая энергия",
        "ar": "طاقة نظيفة وبأسعار معقولة", "zh-hans": "经济适用的清洁能源"},
    8: {"en": "Decent work and economic growth", "fr": "Travail décent et croissance économique",
        "es": "Trabajo decente y crecimiento económico", "ru": "Достойная работа и экономический рост",
        "ar": "العمل اللائق ونمو الاقتصاد", "zh-hans": "体面工作和经济增长"},
    9: {"en": "Industry, innovation and infrastructure", "fr": "Industrie, innovation et infrastructure",
        "es": "Industria, innovación e infraestructura", "ru": "Индустриализация, инновации и инфраструктура",
        "ar": "الصناعة والابتكار والهياكل الأساسية", "zh-hans": "产业、创新和基础设施"},
    10: {"en": "Reduced inequalities", "fr": "Inégalités réduites", "es": "Reducción de las desigualdades",
         "ru": "Уменьшение неравенства", "ar": "الحد من أوجه عدم المساواة", "zh-hans": "减少不平等"},
    11: {"en": "Sustainable cities and communities", "fr": "Villes et communautés durables",
         "es": "Ciudades y comunidades sostenibles", "ru": "Устойчивые города и населённые пункты",
         "ar": "مدن ومجتمعات محلية مستدامة", "zh-hans": "可持续城市和社区"},
    12: {"en": "Responsible consumption and production", "fr": "Consommation et production responsables",
         "es": "Producción y consumo responsables", "ru": "Ответственное потребление и производство",
         "ar": "الاستهلاك والإنتاج المسؤولان", "zh-hans": "负责任消费和生产"},
    13: {"en": "Climate action", "fr": "Mesures relatives à la lutte contre les changements climatiques",
         "es": "Acción por el clima", "ru": "Борьба с изменением климата",
         "ar": "العمل المناخي", "zh-hans": "气候行动"},
    14: {"en": "Life below water", "fr": "Vie aquatique", "es": "Vida submarina",
         "ru": "Сохранение морских экосистем", "ar": "الحياة تحت الماء", "zh-hans": "水下生物"},
    15: {"en": "Life on land", "fr": "Vie terrestre", "es": "Vida de ecosistemas terrestres",
         "ru": "Сохранение экосистем суши", "ar": "الحياة في البر", "zh-hans": "陆地生物"},
    16: {"en": "Peace, justice and strong institutions", "fr": "Paix, justice et institutions efficaces",
         "es": "Paz, justicia e instituciones sólidas", "ru": "Мир, правосудие и эффективные институты",
         "ar": "السلام والعدل والمؤسسات القوية", "zh-hans": "和平、正义与强大机构"},
    17: {"en": "Partnerships for the goals", "fr": "Partenariats pour la réalisation des objectifs",
         "es": "Alianzas para lograr los objetivos", "ru": "Партнёрство в интересах устойчивого развития",
         "ar": "عقد الشراكات لتحقيق الأهداف", "zh-hans": "促进目标实现的伙伴关系"},
}
