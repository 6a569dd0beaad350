"""Demo stocktaking activities: the same multilingual ActivityData dicts on every call."""

import datetime as dt
import random
import unicodedata
from functools import cache

import pycountry
from babel import Locale

from wsis.reference.data.memberships import ITU_REGION_MEMBERS, LDC, LLDC, SIDS_UN_MEMBERS
from wsis.reference.data.wsis_sdg_matrix import MATRIX
from wsis.stocktaking.schema import BENEFICIARIES, PARTNERSHIP_KINDS, PRIORITIES

# Statuses below are consistent with this day, so the demo never shows a "completed" activity
# ending in the future or a "planned" one that has already started.
DEMO_REFERENCE_DAY = "2026-11-28"

_FIRST_DAY = dt.date(2019, 1, 1)
_LAST_DAY = dt.date(2027, 12, 31)
_COMPLETED_BY = dt.date(2026, 11, 1)
_ONGOING_UNTIL = dt.date(2026, 12, 31)
_PLANNED_FROM = dt.date(2027, 1, 1)

# Share of each original language; counts are fixed by largest remainder, not drawn, so the
# proportions hold exactly for any n.
_LANGUAGE_SHARES = {"en": 45, "fr": 15, "es": 12, "ar": 10, "zh-hans": 10, "ru": 8}

_BABEL_LOCALES = {"en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh-hans": "zh_Hans"}

# Region names as they read inside a title in each language: English and Spanish titles put the
# place after a preposition (hence the articles), French and Russian after a dash, Arabic after
# "في" (hence the genitive dual for the Americas), Chinese before the noun. Russian uses
# "Американский регион" because the official "Северная и Южная Америка" reads badly when joined
# to a second region with "и".
_REGION_NAMES = {
    "en": {"AFR": "Africa", "AMS": "the Americas", "ARB": "the Arab States",
           "ASP": "Asia and the Pacific", "CIS": "the CIS region", "EUR": "Europe"},
    "fr": {"AFR": "Afrique", "AMS": "Amériques", "ARB": "États arabes",
           "ASP": "Asie-Pacifique", "CIS": "CEI", "EUR": "Europe"},
    "es": {"AFR": "África", "AMS": "las Américas", "ARB": "los Estados Árabes",
           "ASP": "Asia-Pacífico", "CIS": "la región de la CEI", "EUR": "Europa"},
    "ru": {"AFR": "Африка", "AMS": "Американский регион", "ARB": "Арабские государства",
           "ASP": "Азиатско-Тихоокеанский регион", "CIS": "регион СНГ", "EUR": "Европа"},
    "ar": {"AFR": "أفريقيا", "AMS": "الأمريكتين", "ARB": "الدول العربية",
           "ASP": "آسيا والمحيط الهادئ", "CIS": "منطقة كومنولث الدول المستقلة", "EUR": "أوروبا"},
    "zh-hans": {"AFR": "非洲", "AMS": "美洲", "ARB": "阿拉伯国家",
                "ASP": "亚太地区", "CIS": "独联体地区", "EUR": "欧洲"},
}
_AND = {"en": " and ", "fr": " et ", "es": " y ", "ru": " и ", "ar": " و", "zh-hans": "和"}

# CLDR short forms ("Congo - Kinshasa", "St. Lucia", "Сейшельские о-ва") do not belong in a title.
_NAME_OVERRIDES = {
    "en": {"ATG": "Antigua and Barbuda", "BIH": "Bosnia and Herzegovina",
           "COD": "Democratic Republic of the Congo", "COG": "Congo", "KNA": "Saint Kitts and Nevis",
           "LCA": "Saint Lucia", "MMR": "Myanmar", "PSE": "State of Palestine",
           "STP": "Sao Tome and Principe", "TTO": "Trinidad and Tobago",
           "VCT": "Saint Vincent and the Grenadines", "CPV": "Cabo Verde"},
    "fr": {"COD": "République démocratique du Congo", "COG": "Congo", "MMR": "Myanmar",
           "PSE": "État de Palestine", "VCT": "Saint-Vincent-et-les-Grenadines"},
    "es": {"MMR": "Myanmar", "PSE": "Estado de Palestina"},
    "ru": {"COD": "Демократическая Республика Конго", "COG": "Республика Конго", "MMR": "Мьянма",
           "PSE": "Государство Палестина", "SYC": "Сейшельские Острова", "MHL": "Маршалловы Острова",
           "SLB": "Соломоновы Острова", "ARE": "Объединенные Арабские Эмираты",
           "USA": "Соединенные Штаты Америки"},
    "ar": {"COD": "جمهورية الكونغو الديمقراطية", "COG": "الكونغو", "MMR": "ميانمار", "PSE": "دولة فلسطين"},
    "zh-hans": {"COD": "刚果民主共和国", "COG": "刚果共和国", "PSE": "巴勒斯坦国"},
}
_ENGLISH_ARTICLE = {"ARE", "BHS", "CAF", "COD", "COG", "COM", "DOM", "GBR", "GMB", "MDV", "MHL",
                    "NLD", "PHL", "PSE", "SLB", "USA"}

# Economies that no demo activity names: not ITU-D programme countries, or politically sensitive.
_NEVER_PICKED = {"HKG", "MAC", "PRK", "TWN", "VAT"}

_LANGUAGE_REGIONS = {
    "en": {"AFR": 24, "AMS": 14, "ARB": 10, "ASP": 26, "CIS": 8, "EUR": 18},
    "fr": {"AFR": 55, "ARB": 20, "EUR": 15, "AMS": 10},
    "es": {"AMS": 85, "EUR": 15},
    "ar": {"ARB": 100},
    "zh-hans": {"ASP": 100},
    "ru": {"CIS": 80, "EUR": 20},
}

# Where a language is spoken in a region, most of its national activities are about those countries.
_PREFERRED = {
    ("en", "AFR"): ["BWA", "ETH", "GHA", "GMB", "KEN", "LBR", "LSO", "MUS", "MWI", "NAM", "NGA", "RWA",
                    "SLE", "SSD", "SWZ", "SYC", "TZA", "UGA", "ZAF", "ZMB", "ZWE"],
    ("fr", "AFR"): ["BDI", "BEN", "BFA", "CAF", "CIV", "CMR", "COD", "COG", "GAB", "GIN", "MDG", "MLI",
                    "NER", "RWA", "SEN", "TCD", "TGO"],
    ("fr", "ARB"): ["COM", "DJI", "DZA", "LBN", "MAR", "MRT", "TUN"],
    ("fr", "EUR"): ["BEL", "CHE", "FRA", "LUX", "MCO"],
    ("fr", "AMS"): ["CAN", "HTI"],
    ("es", "AMS"): ["ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "GTM", "HND", "MEX", "NIC",
                    "PAN", "PER", "PRY", "SLV", "URY", "VEN"],
    ("es", "EUR"): ["AND", "ESP"],
    ("ru", "EUR"): ["BGR", "GEO", "MDA", "MNE", "SRB"],
}

_SCOPE_WEIGHTS = {"national": 45, "regional": 30, "inter_regional": 20, "global": 24}

# (name, kind) of the organisations created by wsis.site.demo; names must match it exactly.
_BDT = ("BDT Digital Networks and Society Department", "bdt_unit")
_REGIONAL_OFFICES = {
    "AFR": ("ITU Regional Office for Africa", "regional_office"),
    "AMS": ("ITU Regional Office for the Americas", "regional_office"),
    "ARB": ("ITU Regional Office for the Arab States", "regional_office"),
    "ASP": ("ITU Regional Office for Asia and the Pacific", "regional_office"),
    "CIS": ("ITU Regional Office for CIS", "regional_office"),
    "EUR": ("ITU Office for Europe", "regional_office"),
}
_MINISTRIES = {
    "KEN": ("Demo Ministry of ICT (Kenya)", "member_state"),
    "NPL": ("Demo Ministry of Communication (Nepal)", "member_state"),
}
_SATELLITE = ("Demo Satellite Operator", "sector_member")
_UNIVERSITY = ("Demo University of Digital Development", "academia")

# Organisations that exist only in these dicts, with the role they usually take. The first four
# fit any activity; the others only the topics listed for them in _TOPIC_PARTNERS.
_OTHER_PARTNERS = {
    "Regional Development Bank (demo)": ("financial_institution", "funding"),
    "Global Connectivity Fund (demo)": ("international_org", "funding"),
    "National Regulatory Authority (demo)": ("member_state", "beneficiary"),
    "Mobile Operators Association (demo)": ("private_sector", "implementing"),
    "Women in Digital Network (demo)": ("civil_society", "implementing"),
    "Open Learning Foundation (demo)": ("civil_society", "implementing"),
    "Institute for Health Informatics (demo)": ("academia", "implementing"),
    "Community Networks Alliance (demo)": ("civil_society", "beneficiary"),
}
_GENERAL_PARTNERS = list(_OTHER_PARTNERS)[:4]
_TOPIC_PARTNERS = {
    "women-entrepreneurs-bootcamp": ["Women in Digital Network (demo)"],
    "digital-financial-inclusion": ["Women in Digital Network (demo)"],
    "digital-transformation-centres": ["Women in Digital Network (demo)", "Open Learning Foundation (demo)"],
    "teacher-ict-competencies": ["Open Learning Foundation (demo)"],
    "giga-school-mapping": ["Open Learning Foundation (demo)"],
    "child-online-protection": ["Open Learning Foundation (demo)"],
    "older-persons-inclusion": ["Open Learning Foundation (demo)"],
    "ict-statistics-training": ["Open Learning Foundation (demo)"],
    "ehealth-rural-clinics": ["Institute for Health Informatics (demo)"],
    "smart-villages": ["Institute for Health Informatics (demo)", "Community Networks Alliance (demo)"],
    "satellite-remote-communities": ["Community Networks Alliance (demo)"],
    "cultural-heritage-digitization": ["Community Networks Alliance (demo)"],
    "media-information-literacy": ["Community Networks Alliance (demo)"],
}

_CONTACTS = {
    "AFR": ["Amina Diallo", "Kwame Mensah", "Grace Wanjiru", "Moussa Traoré", "Fatou Ndiaye",
            "Tendai Moyo", "Chinedu Okafor", "Aïcha Koné"],
    "AMS": ["María Fernanda López", "Carlos Méndez", "Ana Beatriz Souza", "Luis Rojas",
            "Camila Herrera", "Daniel Thompson"],
    "ARB": ["Layla Haddad", "Omar Al-Farsi", "Youssef Benali", "Rania Mansour", "Karim El-Masri",
            "Nour Khalil"],
    "ASP": ["Li Wei", "Priya Raman", "Nguyen Thi Lan", "Kenji Sato", "Sita Gurung", "Ahmad Rahimi",
            "Mele Tupou", "Siti Rahmah"],
    "CIS": ["Aigerim Nurlanovna", "Dmitry Volkov", "Elena Petrova", "Rustam Karimov", "Anna Sargsyan",
            "Timur Aliyev"],
    "EUR": ["Sophie Martin", "Lukas Schneider", "Giulia Rossi", "Jan Kowalski", "Ingrid Larsen",
            "Miguel Ferreira"],
}

# Days an activity of each kind usually lasts: (shortest, longest).
_DURATIONS = {
    "event": (1, 5),
    "training": (2, 90),
    "publication": (60, 365),
    "policy_assistance": (120, 730),
    "platform": (180, 1095),
    "project": (365, 1460),
    "programme": (540, 1825),
    "regional_initiative": (730, 1460),
}
# Budgets in thousands.
_BUDGETS = {
    "event": (5, 80),
    "training": (10, 150),
    "publication": (10, 120),
    "policy_assistance": (30, 400),
    "platform": (50, 1500),
    "project": (100, 3000),
    "programme": (500, 10000),
    "regional_initiative": (300, 5000),
}
_STATUS_WEIGHTS = {"completed": 38, "ongoing": 34, "planned": 18, "cancelled": 10}
# One-off activities are rarely "ongoing" for months.
_SHORT_STATUS_WEIGHTS = {"completed": 55, "ongoing": 8, "planned": 27, "cancelled": 10}

# Sentences that fit any activity, appended so that descriptions do not all read alike; the same
# index is used in every language of one activity so translations stay translations.
_SUMMARY_EXTRA = {
    "en": ["It builds on earlier ITU assistance in this area.",
           "It is carried out with partners from the public and private sectors."],
    "fr": ["Cette activité s'appuie sur une assistance antérieure de l'UIT dans ce domaine.",
           "Cette activité est menée avec des partenaires des secteurs public et privé."],
    "es": ["Esta actividad se basa en la asistencia previa de la UIT en este ámbito.",
           "Esta actividad se lleva a cabo con socios de los sectores público y privado."],
    "ru": ["Мероприятие опирается на ранее оказанную МСЭ помощь в этой области.",
           "Работа ведется совместно с партнерами из государственного и частного секторов."],
    "ar": ["ويستند النشاط إلى مساعدة سابقة قدمها الاتحاد في هذا المجال.",
           "وينفَّذ النشاط بالتعاون مع شركاء من القطاعين العام والخاص."],
    "zh-hans": ["该活动以国际电联此前在该领域提供的援助为基础。",
                "活动与公共和私营部门的合作伙伴共同开展。"],
}
_DESCRIPTION_EXTRA = {
    "en": ["The activity is coordinated with the national regulator and the ministry in charge of ICT.",
           "Results and lessons learned are shared through the WSIS Stocktaking Platform.",
           "It contributes to the Kigali Action Plan adopted at WTDC-22.",
           "Sex-disaggregated data are collected to monitor who benefits.",
           "Materials are released under an open licence so that other countries can reuse them."],
    "fr": ["L'activité est coordonnée avec le régulateur national et le ministère chargé des TIC.",
           "Les résultats et les enseignements tirés sont partagés sur la plateforme de l'inventaire du SMSI.",
           "Cette activité contribue au Plan d'action de Kigali adopté par la CMDT-22.",
           "Des données ventilées par sexe sont recueillies afin de suivre qui en bénéficie.",
           "Les supports sont publiés sous licence ouverte afin que d'autres pays puissent les réutiliser."],
    "es": ["La actividad se coordina con el regulador nacional y el ministerio encargado de las TIC.",
           "Los resultados y las lecciones aprendidas se comparten a través de la plataforma del "
           "Inventario de la CMSI.",
           "Esta actividad contribuye al Plan de Acción de Kigali adoptado por la CMDT-22.",
           "Se recopilan datos desglosados por sexo para hacer un seguimiento de quiénes se benefician.",
           "Los materiales se publican con licencia abierta para que otros países puedan reutilizarlos."],
    "ru": ["Деятельность координируется с национальным регуляторным органом и министерством, "
           "отвечающим за ИКТ.",
           "Результаты и извлеченные уроки публикуются на платформе Инвентаризации ВВУИО.",
           "Мероприятие вносит вклад в выполнение Кигалийского плана действий, принятого ВКРЭ-22.",
           "Для отслеживания охвата собираются данные в разбивке по полу.",
           "Материалы публикуются по открытой лицензии, чтобы их могли использовать другие страны."],
    "ar": ["ويجري تنسيق النشاط مع الهيئة التنظيمية الوطنية والوزارة المسؤولة عن تكنولوجيا المعلومات والاتصالات.",
           "وتُتقاسم النتائج والدروس المستفادة عبر منصة جرد القمة العالمية لمجتمع المعلومات.",
           "ويسهم النشاط في خطة عمل كيغالي التي اعتمدها المؤتمر العالمي لتنمية الاتصالات لعام 2022.",
           "وتُجمع بيانات مصنفة حسب الجنس لرصد الفئات المستفيدة.",
           "وتُنشر المواد بموجب ترخيص مفتوح حتى تتمكن بلدان أخرى من إعادة استخدامها."],
    "zh-hans": ["该活动与国家监管机构和信息通信技术主管部委协调开展。",
                "成果和经验教训通过信息社会世界峰会盘点平台分享。",
                "该活动有助于落实2022年世界电信发展大会通过的《基加利行动计划》。",
                "项目收集按性别分类的数据，以监测受益情况。",
                "相关材料以开放许可发布，便于其他国家重复使用。"],
}
_JUSTIFICATION = {
    "en": "Target {t} is not linked to these action lines in the WSIS–SDG Matrix, but the activity "
          "contributes to it directly and reports on it.",
    "fr": "La cible {t} n'est pas associée à ces grandes orientations dans la matrice SMSI-ODD, mais "
          "l'activité y contribue directement et en rend compte.",
    "es": "La meta {t} no está vinculada a estas líneas de acción en la matriz CMSI-ODS, pero la "
          "actividad contribuye directamente a ella e informa al respecto.",
    "ru": "Задача {t} не связана с этими направлениями деятельности в матрице ВВУИО–ЦУР, однако "
          "мероприятие непосредственно способствует ее достижению и отчитывается о ней.",
    "ar": "لا ترتبط الغاية {t} بخطوط العمل هذه في مصفوفة القمة العالمية لمجتمع المعلومات وأهداف التنمية "
          "المستدامة، غير أن النشاط يسهم فيها مباشرة ويقدم تقارير بشأنها.",
    "zh-hans": "在信息社会世界峰会—可持续发展目标对照矩阵中，具体目标{t}未与上述行动方面挂钩，"
               "但该活动直接促进该目标并就此开展报告。",
}


def _t(title, title_global, summary, description):
    return {"title": title, "title_global": title_global, "summary": summary, "description": description}


# Each template: action lines (primary first), SDG targets drawn from the matrix rows of those
# lines, one target the matrix does not link ("extra", used with a justification), strategic
# targets, kinds (typical first), scopes, beneficiary groups, Kigali priority, and texts. A title
# holds {place}; title_global is the title of a global activity (None where none is possible).
_TEMPLATES = [
    {
        "key": "broadband-plan",
        "lines": ["C2", "C1", "C6"],
        "sdg": ["9.c", "9.1", "1.4"],
        "extra": "7.1",
        "strategic": ["UMC-UNI-INDIVIDUALS", "UMC-INF-4G", "C2030-1.4"],
        "kinds": ["policy_assistance", "project"],
        "scopes": ["national"],
        "beneficiaries": ["rural_remote"],
        "priority": "affordable_connectivity",
        "texts": {
            "en": _t("National broadband plan for {place}", None,
                     "Support to the ministry and the regulator in drafting and costing a national broadband "
                     "plan with coverage, affordability and adoption targets.",
                     "The assistance reviews the current broadband market, maps unserved areas and proposes "
                     "investment options, including universal service financing. A validation workshop brings "
                     "together operators, civil society and public institutions before the plan is submitted "
                     "to government."),
            "fr": _t("Plan national haut débit – {place}", None,
                     "Appui au ministère et au régulateur pour l'élaboration et le chiffrage d'un plan national "
                     "haut débit assorti d'objectifs de couverture, d'accessibilité financière et d'adoption.",
                     "L'assistance analyse le marché actuel du haut débit, cartographie les zones non desservies "
                     "et propose des options d'investissement, notamment le financement du service universel. "
                     "Un atelier de validation réunit les opérateurs, la société civile et les institutions "
                     "publiques avant la soumission du plan au gouvernement."),
            "es": _t("Plan nacional de banda ancha de {place}", None,
                     "Apoyo al ministerio y al regulador en la elaboración y el costeo de un plan nacional de "
                     "banda ancha con metas de cobertura, asequibilidad y adopción.",
                     "La asistencia examina el mercado actual de banda ancha, mapea las zonas sin servicio y "
                     "propone opciones de inversión, incluida la financiación del servicio universal. Un taller "
                     "de validación reúne a operadores, sociedad civil e instituciones públicas antes de que el "
                     "plan se presente al gobierno."),
            "ru": _t("Национальный план развития широкополосной связи — {place}", None,
                     "Поддержка министерства и регуляторного органа в разработке и оценке стоимости "
                     "национального плана развития широкополосной связи с целевыми показателями охвата, "
                     "ценовой доступности и использования.",
                     "В рамках помощи анализируется текущее состояние рынка широкополосной связи, составляется "
                     "карта необслуживаемых территорий и предлагаются варианты инвестиций, включая "
                     "финансирование универсального обслуживания. Перед представлением плана правительству "
                     "проводится семинар по его утверждению с участием операторов, гражданского общества и "
                     "государственных учреждений."),
            "ar": _t("الخطة الوطنية للنطاق العريض في {place}", None,
                     "دعم الوزارة والهيئة التنظيمية في صياغة خطة وطنية للنطاق العريض وتقدير تكاليفها، مع أهداف "
                     "للتغطية والقدرة على تحمل التكاليف والاستخدام.",
                     "تستعرض المساعدة سوق النطاق العريض الحالية، وترسم خرائط المناطق غير المخدومة، وتقترح خيارات "
                     "للاستثمار، بما في ذلك تمويل الخدمة الشاملة. وتجمع حلقة عمل للمصادقة بين المشغلين والمجتمع "
                     "المدني والمؤسسات العامة قبل تقديم الخطة إلى الحكومة."),
            "zh-hans": _t("{place}国家宽带计划", None,
                          "支持主管部委和监管机构制定国家宽带计划并进行成本测算，设定覆盖率、可负担性和普及率目标。",
                          "该援助评估当前宽带市场状况，绘制未覆盖地区地图，并提出包括普遍服务资金在内的投资方案。"
                          "在计划提交政府之前，将举办验证研讨会，召集运营商、民间社会和公共机构共同讨论。"),
        },
    },
    {
        "key": "child-online-protection",
        "lines": ["C5", "C4"],
        "sdg": ["16.2", "4.5"],
        "extra": "10.2",
        "strategic": [],
        "kinds": ["training", "event"],
        "scopes": ["regional", "national", "inter_regional", "global"],
        "beneficiaries": ["youth"],
        "priority": "inclusive_secure_icts",
        "texts": {
            "en": _t("Child online protection training for {place}",
                     "Child online protection training for teachers and parents",
                     "Training of trainers on the ITU Guidelines on Child Online Protection for educators, "
                     "parents and child-helpline staff.",
                     "Participants learn to recognise online risks such as grooming, cyberbullying and exposure "
                     "to harmful content, and to respond with age-appropriate advice. Each trained facilitator "
                     "commits to running at least two awareness sessions in schools within six months."),
            "fr": _t("Formation à la protection des enfants en ligne – {place}",
                     "Formation à la protection des enfants en ligne pour les enseignants et les parents",
                     "Formation de formateurs aux Lignes directrices de l'UIT sur la protection des enfants en "
                     "ligne, destinée aux éducateurs, aux parents et aux écoutants des lignes d'assistance.",
                     "Les participants apprennent à reconnaître les risques en ligne tels que la manipulation "
                     "psychologique, le cyberharcèlement et l'exposition à des contenus préjudiciables, et à y "
                     "répondre par des conseils adaptés à l'âge. Chaque formateur s'engage à animer au moins "
                     "deux séances de sensibilisation dans des écoles dans un délai de six mois."),
            "es": _t("Capacitación en protección de la infancia en línea para {place}",
                     "Capacitación en protección de la infancia en línea para docentes y familias",
                     "Formación de formadores sobre las Directrices de la UIT para la protección de la infancia "
                     "en línea, dirigida a educadores, familias y personal de líneas de ayuda infantil.",
                     "Los participantes aprenden a reconocer riesgos en línea como el grooming, el ciberacoso y "
                     "la exposición a contenidos nocivos, y a responder con consejos adaptados a cada edad. Cada "
                     "facilitador capacitado se compromete a impartir al menos dos sesiones de sensibilización "
                     "en escuelas en un plazo de seis meses."),
            "ru": _t("Обучение по защите ребенка в онлайновой среде — {place}",
                     "Обучение по защите ребенка в онлайновой среде для учителей и родителей",
                     "Подготовка инструкторов по Руководящим указаниям МСЭ по защите ребенка в онлайновой "
                     "среде для педагогов, родителей и сотрудников телефонов доверия.",
                     "Участники учатся распознавать такие онлайновые риски, как груминг, кибербуллинг и доступ "
                     "к вредному контенту, и давать советы с учетом возраста. Каждый подготовленный инструктор "
                     "обязуется провести не менее двух просветительских занятий в школах в течение шести "
                     "месяцев."),
            "ar": _t("تدريب على حماية الأطفال على الإنترنت في {place}",
                     "تدريب المعلمين وأولياء الأمور على حماية الأطفال على الإنترنت",
                     "تدريب المدربين على المبادئ التوجيهية للاتحاد الدولي للاتصالات بشأن حماية الأطفال على "
                     "الإنترنت لفائدة المربين وأولياء الأمور والعاملين في خطوط مساعدة الطفل.",
                     "يتعلم المشاركون التعرف على المخاطر على الإنترنت مثل الاستدراج والتنمر الإلكتروني والتعرض "
                     "للمحتوى الضار، والاستجابة لها بنصائح تناسب أعمار الأطفال. ويلتزم كل مدرب بتنظيم جلستين "
                     "توعويتين على الأقل في المدارس خلال ستة أشهر."),
            "zh-hans": _t("{place}儿童在线保护培训", "面向教师和家长的儿童在线保护培训",
                          "围绕国际电联《儿童在线保护指南》开展培训师培训，对象为教育工作者、家长和儿童求助热线工作人员。",
                          "学员学习识别网络诱骗、网络欺凌和接触有害内容等在线风险，并学会提供适合不同年龄段的建议。"
                          "每位受训培训师承诺在六个月内至少在学校开展两次宣传活动。"),
        },
    },
    {
        "key": "smart-villages",
        "lines": ["C7.e-agriculture", "C2", "C7.e-health"],
        "sdg": ["2.3", "9.c", "1.5"],
        "extra": "6.1",
        "strategic": ["UMC-UNI-HOUSEHOLDS"],
        "kinds": ["project", "programme", "regional_initiative"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["rural_remote", "women_girls"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("Smart villages pilot in {place}", None,
                     "Pilot that brings connectivity and bundled digital services — agriculture, health, "
                     "education and payments — to a first group of rural villages.",
                     "Each village receives a shared access point powered by solar energy, a trained digital "
                     "ambassador and a catalogue of locally relevant services. The pilot measures uptake and "
                     "cost per user so that the model can be scaled up through the national universal service "
                     "fund."),
            "fr": _t("Projet pilote de villages intelligents – {place}", None,
                     "Projet pilote qui apporte la connectivité et un ensemble de services numériques — "
                     "agriculture, santé, éducation et paiements — à un premier groupe de villages ruraux.",
                     "Chaque village reçoit un point d'accès partagé alimenté à l'énergie solaire, un ambassadeur "
                     "numérique formé et un catalogue de services adaptés au contexte local. Le projet mesure "
                     "l'utilisation et le coût par usager afin que le modèle puisse être étendu grâce au fonds "
                     "national de service universel."),
            "es": _t("Piloto de aldeas inteligentes en {place}", None,
                     "Piloto que lleva conectividad y un paquete de servicios digitales —agricultura, salud, "
                     "educación y pagos— a un primer grupo de comunidades rurales.",
                     "Cada comunidad recibe un punto de acceso compartido alimentado con energía solar, un "
                     "embajador digital capacitado y un catálogo de servicios pertinentes a nivel local. El "
                     "piloto mide la adopción y el costo por usuario para que el modelo pueda ampliarse con el "
                     "fondo nacional de servicio universal."),
            "ru": _t("Пилотный проект «Умные деревни» — {place}", None,
                     "Пилотный проект, обеспечивающий подключение и комплекс цифровых услуг — в сфере сельского "
                     "хозяйства, здравоохранения, образования и платежей — для первой группы сельских "
                     "населенных пунктов.",
                     "Каждое село получает точку коллективного доступа на солнечной энергии, подготовленного "
                     "цифрового посредника и каталог услуг с учетом местных потребностей. В ходе проекта "
                     "оцениваются уровень использования и затраты на одного пользователя, чтобы модель можно "
                     "было масштабировать за счет национального фонда универсального обслуживания."),
            "ar": _t("مشروع تجريبي للقرى الذكية في {place}", None,
                     "مشروع تجريبي يوفر التوصيلية ومجموعة من الخدمات الرقمية في مجالات الزراعة والصحة والتعليم "
                     "والدفع لمجموعة أولى من القرى الريفية.",
                     "تحصل كل قرية على نقطة نفاذ مشتركة تعمل بالطاقة الشمسية وعلى سفير رقمي مدرَّب وعلى مجموعة من "
                     "الخدمات الملائمة للاحتياجات المحلية. ويقيس المشروع مستوى الاستخدام والتكلفة لكل مستخدم حتى "
                     "يمكن توسيع نطاق النموذج من خلال صندوق الخدمة الشاملة الوطني."),
            "zh-hans": _t("{place}智慧村庄数字服务试点", None,
                          "试点项目为首批农村村庄提供网络连接以及农业、卫生、教育和支付等一揽子数字服务。",
                          "每个村庄将获得一个太阳能供电的共享接入点、一名经过培训的数字大使以及一套符合当地需求的服务目录。"
                          "试点将衡量使用率和人均成本，以便通过国家普遍服务基金推广这一模式。"),
        },
    },
    {
        "key": "cirt-assessment",
        "lines": ["C5", "C1"],
        "sdg": ["17.8", "9.c"],
        "extra": "16.4",
        "strategic": ["C2030-3.1"],
        "kinds": ["policy_assistance", "training"],
        "scopes": ["national"],
        "beneficiaries": [],
        "priority": "inclusive_secure_icts",
        "texts": {
            "en": _t("Cybersecurity incident response team (CIRT) assessment in {place}", None,
                     "Readiness assessment for establishing a national computer incident response team, "
                     "followed by an implementation plan.",
                     "The assessment covers the legal mandate, governance, staffing, services and technical "
                     "infrastructure that a national CIRT needs. Recommendations are validated with the "
                     "ministry, the regulator and critical infrastructure operators, and a costed roadmap is "
                     "delivered at the end of the mission."),
            "fr": _t("Évaluation de l'équipe d'intervention en cas d'incident informatique (CIRT) – {place}", None,
                     "Évaluation de l'état de préparation en vue de la création d'une équipe nationale "
                     "d'intervention en cas d'incident informatique, suivie d'un plan de mise en œuvre.",
                     "L'évaluation porte sur le mandat juridique, la gouvernance, les effectifs, les services et "
                     "l'infrastructure technique nécessaires à un CIRT national. Les recommandations sont "
                     "validées avec le ministère, le régulateur et les opérateurs d'infrastructures critiques, "
                     "et une feuille de route chiffrée est remise à la fin de la mission."),
            "es": _t("Evaluación del equipo de respuesta a incidentes de ciberseguridad (CIRT) en {place}", None,
                     "Evaluación de la preparación para crear un equipo nacional de respuesta a incidentes "
                     "informáticos, seguida de un plan de implementación.",
                     "La evaluación abarca el mandato jurídico, la gobernanza, el personal, los servicios y la "
                     "infraestructura técnica que necesita un CIRT nacional. Las recomendaciones se validan con "
                     "el ministerio, el regulador y los operadores de infraestructuras críticas, y al final de "
                     "la misión se entrega una hoja de ruta presupuestada."),
            "ru": _t("Оценка готовности группы реагирования на компьютерные инциденты (CIRT) — {place}", None,
                     "Оценка готовности к созданию национальной группы реагирования на компьютерные инциденты "
                     "и последующий план внедрения.",
                     "Оценка охватывает правовой мандат, управление, кадровое обеспечение, услуги и техническую "
                     "инфраструктуру, необходимые национальной CIRT. Рекомендации согласовываются с "
                     "министерством, регуляторным органом и операторами критической инфраструктуры, а по "
                     "завершении миссии представляется дорожная карта с оценкой затрат."),
            "ar": _t("تقييم فريق الاستجابة للحوادث الحاسوبية في مجال الأمن السيبراني في {place}", None,
                     "تقييم مدى الجاهزية لإنشاء فريق وطني للاستجابة للحوادث الحاسوبية، تليه خطة للتنفيذ.",
                     "يشمل التقييم الولاية القانونية والحوكمة والموظفين والخدمات والبنية التحتية التقنية التي "
                     "يحتاجها فريق وطني للاستجابة للحوادث الحاسوبية. وتُعتمد التوصيات بالتشاور مع الوزارة والهيئة "
                     "التنظيمية ومشغلي البنية التحتية الحيوية، وتُسلَّم في نهاية البعثة خريطة طريق محددة التكاليف."),
            "zh-hans": _t("{place}网络安全事件响应小组（CIRT）评估", None,
                          "对建立国家计算机事件响应小组的准备情况进行评估，并随后制定实施计划。",
                          "评估涵盖国家CIRT所需的法律授权、治理结构、人员配置、服务和技术基础设施。"
                          "评估建议将与主管部委、监管机构和关键基础设施运营方共同确认，并在任务结束时提交一份附有成本估算的路线图。"),
        },
    },
    {
        "key": "women-entrepreneurs-bootcamp",
        "lines": ["C4", "C7.e-business", "C7.e-employment"],
        "sdg": ["5.5", "4.4", "5.b"],
        "extra": "5.a",
        "strategic": ["UMC-SKL-BASIC", "UMC-GEN-INTERNET", "C2030-2.5.A"],
        "kinds": ["training", "programme"],
        "scopes": ["national", "regional", "global"],
        "beneficiaries": ["women_girls", "msme"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("Digital skills bootcamp for women entrepreneurs in {place}",
                     "Digital skills bootcamp for women entrepreneurs",
                     "Intensive bootcamp that helps women-led small businesses sell online, accept digital "
                     "payments and protect their data.",
                     "The programme combines two weeks of hands-on training with six months of mentoring by "
                     "experienced entrepreneurs. Participants leave with a working online shop or "
                     "social-commerce page and a simple digital marketing plan."),
            "fr": _t("Formation intensive aux compétences numériques pour les femmes entrepreneures – {place}",
                     "Formation intensive aux compétences numériques pour les femmes entrepreneures",
                     "Formation intensive qui aide les petites entreprises dirigées par des femmes à vendre en "
                     "ligne, à accepter les paiements numériques et à protéger leurs données.",
                     "Le programme associe deux semaines de formation pratique et six mois de mentorat par des "
                     "entrepreneures expérimentées. Les participantes repartent avec une boutique en ligne "
                     "opérationnelle ou une page de commerce sur les réseaux sociaux, ainsi qu'un plan simple de "
                     "marketing numérique."),
            "es": _t("Campamento de habilidades digitales para mujeres emprendedoras en {place}",
                     "Campamento de habilidades digitales para mujeres emprendedoras",
                     "Campamento intensivo que ayuda a las pequeñas empresas dirigidas por mujeres a vender en "
                     "línea, aceptar pagos digitales y proteger sus datos.",
                     "El programa combina dos semanas de formación práctica con seis meses de mentoría a cargo "
                     "de empresarias con experiencia. Las participantes terminan con una tienda en línea o una "
                     "página de comercio social en funcionamiento y un plan sencillo de marketing digital."),
            "ru": _t("Интенсивный курс цифровых навыков для женщин-предпринимателей — {place}",
                     "Интенсивный курс цифровых навыков для женщин-предпринимателей",
                     "Интенсивный курс, помогающий малым предприятиям, которыми руководят женщины, продавать "
                     "через интернет, принимать цифровые платежи и защищать свои данные.",
                     "Программа сочетает две недели практических занятий с шестимесячным наставничеством "
                     "опытных предпринимателей. По итогам курса у каждой участницы есть работающий "
                     "интернет-магазин или страница в социальных сетях и простой план цифрового маркетинга."),
            "ar": _t("معسكر تدريبي على المهارات الرقمية لرائدات الأعمال في {place}",
                     "معسكر تدريبي على المهارات الرقمية لرائدات الأعمال",
                     "معسكر تدريبي مكثف يساعد المنشآت الصغيرة التي تديرها النساء على البيع عبر الإنترنت وقبول "
                     "المدفوعات الرقمية وحماية بياناتها.",
                     "يجمع البرنامج بين أسبوعين من التدريب العملي وستة أشهر من الإرشاد على يد رائدات أعمال ذوات "
                     "خبرة. وتغادر المشاركات ولديهن متجر إلكتروني أو صفحة للتجارة عبر وسائل التواصل الاجتماعي "
                     "جاهزة للعمل، وخطة بسيطة للتسويق الرقمي."),
            "zh-hans": _t("{place}女性创业者数字技能培训营", "女性创业者数字技能培训营",
                          "强化培训营帮助女性经营的小企业开展网上销售、接受数字支付并保护自身数据。",
                          "该项目将两周的实践培训与为期六个月的资深创业者导师辅导相结合。"
                          "学员结业时将拥有一个可运营的网店或社交电商页面，以及一份简单的数字营销计划。"),
        },
    },
    {
        "key": "emergency-telecom-drill",
        "lines": ["C7.e-environment", "C2"],
        "sdg": ["13.1", "11.b"],
        "extra": "3.d",
        "strategic": ["C2030-3.5"],
        "kinds": ["event", "training", "policy_assistance"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["rural_remote", "persons_disabilities"],
        "priority": "inclusive_secure_icts",
        "texts": {
            "en": _t("Emergency telecommunications drill in {place}", None,
                     "Simulation exercise that tests how emergency telecommunications are deployed and "
                     "coordinated after a major disaster.",
                     "The drill follows a realistic scenario, from the first alert through the deployment of "
                     "satellite terminals to the restoration of public networks. Lessons learned feed into the "
                     "national emergency telecommunication plan and the standard operating procedures of the "
                     "agencies involved."),
            "fr": _t("Exercice de télécommunications d'urgence – {place}", None,
                     "Exercice de simulation visant à tester le déploiement et la coordination des "
                     "télécommunications d'urgence après une catastrophe majeure.",
                     "L'exercice suit un scénario réaliste, de la première alerte au déploiement de terminaux "
                     "satellitaires jusqu'au rétablissement des réseaux publics. Les enseignements tirés "
                     "alimentent le plan national de télécommunications d'urgence et les procédures "
                     "opérationnelles des organismes concernés."),
            "es": _t("Simulacro de telecomunicaciones de emergencia en {place}", None,
                     "Ejercicio de simulación que pone a prueba el despliegue y la coordinación de las "
                     "telecomunicaciones de emergencia tras un desastre de gran magnitud.",
                     "El simulacro sigue un escenario realista, desde la primera alerta y el despliegue de "
                     "terminales satelitales hasta el restablecimiento de las redes públicas. Las lecciones "
                     "aprendidas alimentan el plan nacional de telecomunicaciones de emergencia y los "
                     "procedimientos operativos de los organismos participantes."),
            "ru": _t("Учения по электросвязи в чрезвычайных ситуациях — {place}", None,
                     "Командно-штабные учения для проверки развертывания и координации средств электросвязи "
                     "после крупного бедствия.",
                     "Учения проходят по реалистичному сценарию: от первого оповещения и развертывания "
                     "спутниковых терминалов до восстановления сетей общего пользования. Извлеченные уроки "
                     "учитываются в национальном плане электросвязи в чрезвычайных ситуациях и в регламентах "
                     "участвующих ведомств."),
            "ar": _t("تمرين محاكاة لاتصالات الطوارئ في {place}", None,
                     "تمرين محاكاة يختبر نشر اتصالات الطوارئ وتنسيقها في أعقاب كارثة كبرى.",
                     "يتبع التمرين سيناريو واقعياً يبدأ بالإنذار الأول ويمر بنشر المطاريف الساتلية وصولاً إلى "
                     "استعادة الشبكات العامة. وتُدرج الدروس المستفادة في الخطة الوطنية لاتصالات الطوارئ وفي "
                     "إجراءات التشغيل الموحدة للجهات المشاركة."),
            "zh-hans": _t("{place}应急通信演练", None,
                          "通过模拟演练检验重大灾害发生后应急通信的部署与协调能力。",
                          "演练按照真实场景展开，从首次预警、部署卫星终端到恢复公共网络逐步推进。"
                          "演练中总结的经验将纳入国家应急通信计划以及各参与机构的标准作业程序。"),
        },
    },
    {
        "key": "spectrum-toolkit",
        "lines": ["C6", "C2"],
        "sdg": ["9.c", "17.6", "9.1"],
        "extra": "9.5",
        "strategic": ["UMC-INF-4G"],
        "kinds": ["publication", "training"],
        "scopes": ["global", "regional"],
        "beneficiaries": [],
        "priority": "enabling_environment",
        "texts": {
            "en": _t("Spectrum management toolkit for {place}", "Spectrum management toolkit",
                     "Practical toolkit on national spectrum planning, licensing and pricing for regulators and "
                     "ministries.",
                     "The toolkit explains how to prepare a national frequency allocation table, run spectrum "
                     "auctions and monitor interference, with worked examples and templates. It is accompanied "
                     "by an online course so that regulatory staff can apply the guidance step by step."),
            "fr": _t("Boîte à outils sur la gestion du spectre – {place}", "Boîte à outils sur la gestion du spectre",
                     "Boîte à outils pratique sur la planification, l'octroi de licences et la tarification du "
                     "spectre, destinée aux régulateurs et aux ministères.",
                     "La boîte à outils explique comment établir un tableau national d'attribution des bandes "
                     "de fréquences, organiser des enchères de spectre et surveiller les brouillages, avec des "
                     "exemples concrets et des modèles. Elle est accompagnée d'un cours en ligne permettant au "
                     "personnel des régulateurs d'appliquer les orientations pas à pas."),
            "es": _t("Guía práctica de gestión del espectro para {place}", "Guía práctica de gestión del espectro",
                     "Conjunto de herramientas prácticas sobre planificación, concesión de licencias y fijación "
                     "de precios del espectro para reguladores y ministerios.",
                     "La guía explica cómo preparar un cuadro nacional de atribución de frecuencias, organizar "
                     "subastas de espectro y vigilar las interferencias, con ejemplos resueltos y plantillas. Se "
                     "acompaña de un curso en línea para que el personal de los reguladores pueda aplicar las "
                     "orientaciones paso a paso."),
            "ru": _t("Практическое руководство по управлению использованием спектра — {place}",
                     "Практическое руководство по управлению использованием спектра",
                     "Практическое руководство по национальному планированию, лицензированию и "
                     "ценообразованию в области использования радиочастотного спектра для регуляторных органов "
                     "и министерств.",
                     "В руководстве объясняется, как подготовить национальную таблицу распределения полос "
                     "частот, проводить аукционы спектра и осуществлять мониторинг помех; приводятся "
                     "практические примеры и шаблоны. К руководству прилагается онлайновый курс, позволяющий "
                     "сотрудникам регуляторных органов применять рекомендации шаг за шагом."),
            "ar": _t("مجموعة أدوات لإدارة الطيف الترددي في {place}", "مجموعة أدوات لإدارة الطيف الترددي",
                     "مجموعة أدوات عملية بشأن التخطيط الوطني للطيف وترخيصه وتسعيره، موجهة إلى الهيئات التنظيمية "
                     "والوزارات.",
                     "تشرح مجموعة الأدوات كيفية إعداد جدول وطني لتوزيع نطاقات الترددات وتنظيم مزادات الطيف ورصد "
                     "التداخلات، مع أمثلة تطبيقية ونماذج جاهزة. وتُرفق بها دورة تدريبية عبر الإنترنت تتيح لموظفي "
                     "الهيئات التنظيمية تطبيق الإرشادات خطوة بخطوة."),
            "zh-hans": _t("{place}频谱管理工具包", "频谱管理工具包",
                          "面向监管机构和主管部委的国家频谱规划、许可和定价实用工具包。",
                          "工具包介绍如何编制国家频率划分表、组织频谱拍卖以及监测干扰，并附有实例和模板。"
                          "配套的在线课程帮助监管机构工作人员逐步应用相关指导。"),
        },
    },
    {
        "key": "giga-school-mapping",
        "lines": ["C2", "C7.e-learning", "C4"],
        "sdg": ["9.c", "9.1"],
        "extra": "4.a",
        "strategic": ["UMC-UNI-SCHOOLS", "UMC-INF-SCHOOL-SPEED"],
        "kinds": ["project", "platform", "regional_initiative"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["youth", "rural_remote"],
        "priority": "affordable_connectivity",
        "texts": {
            "en": _t("School connectivity mapping (Giga) in {place}", None,
                     "Mapping of the location and real-time connectivity of every school as the basis for a "
                     "costed school connectivity plan.",
                     "Ministry of Education records are combined with satellite imagery and measurements from a "
                     "lightweight speed-test application installed in schools. The resulting open map shows "
                     "which schools are offline and helps the government and operators plan aggregated "
                     "procurement."),
            "fr": _t("Cartographie de la connectivité des écoles (Giga) – {place}", None,
                     "Cartographie de l'emplacement et de la connectivité en temps réel de chaque école, base "
                     "d'un plan chiffré de raccordement des écoles.",
                     "Les données du ministère de l'éducation sont croisées avec l'imagerie satellitaire et les "
                     "mesures d'une application légère de test de débit installée dans les écoles. La carte "
                     "ouverte qui en résulte montre quelles écoles ne sont pas connectées et aide le "
                     "gouvernement et les opérateurs à planifier des achats groupés."),
            "es": _t("Mapeo de la conectividad escolar (Giga) en {place}", None,
                     "Mapeo de la ubicación y la conectividad en tiempo real de cada escuela como base de un "
                     "plan presupuestado de conectividad escolar.",
                     "Los registros del Ministerio de Educación se combinan con imágenes satelitales y "
                     "mediciones de una aplicación ligera de prueba de velocidad instalada en las escuelas. El "
                     "mapa abierto resultante muestra qué escuelas carecen de conexión y ayuda al gobierno y a "
                     "los operadores a planificar compras agregadas."),
            "ru": _t("Картирование подключения школ (Giga) — {place}", None,
                     "Картирование местоположения и фактического подключения каждой школы в качестве основы "
                     "для плана подключения школ с оценкой затрат.",
                     "Данные министерства образования сопоставляются со спутниковыми снимками и результатами "
                     "измерений простого приложения для проверки скорости, установленного в школах. Полученная "
                     "открытая карта показывает, какие школы не подключены, и помогает правительству и "
                     "операторам планировать совместные закупки."),
            "ar": _t("رسم خرائط توصيل المدارس بالنطاق العريض (مبادرة Giga) في {place}", None,
                     "رسم خرائط لمواقع جميع المدارس ولحالة توصيلها بالإنترنت في الوقت الفعلي، كأساس لخطة محددة "
                     "التكاليف لتوصيل المدارس.",
                     "تُدمج سجلات وزارة التربية والتعليم مع صور الأقمار الصناعية وقياسات تطبيق خفيف لاختبار "
                     "السرعة يُثبَّت في المدارس. وتبيّن الخريطة المفتوحة الناتجة المدارس غير الموصولة، وتساعد "
                     "الحكومة والمشغلين على تخطيط عمليات الشراء المجمّعة."),
            "zh-hans": _t("{place}学校宽带网络连接测绘（Giga）", None,
                          "测绘每所学校的位置和实时网络连接状况，为制定附有成本估算的学校联网计划奠定基础。",
                          "教育部的学校记录与卫星图像以及安装在学校的轻量级测速应用所采集的数据相结合。"
                          "由此生成的开放地图显示哪些学校尚未联网，帮助政府和运营商规划集中采购。"),
        },
    },
    {
        "key": "ehealth-rural-clinics",
        "lines": ["C7.e-health", "C2"],
        "sdg": ["3.8", "3.3"],
        "extra": "10.2",
        "strategic": [],
        "kinds": ["platform", "project"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["rural_remote", "older_persons"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("E-health platform for rural clinics in {place}", None,
                     "Telemedicine and electronic patient record platform that links rural health posts with "
                     "district hospitals.",
                     "Community health workers use tablets to register patients, share images with specialists "
                     "and order medicines. The platform works offline and synchronises when a connection is "
                     "available, which matters in areas with intermittent coverage."),
            "fr": _t("Plateforme de santé en ligne pour les dispensaires ruraux – {place}", None,
                     "Plateforme de télémédecine et de dossier patient électronique reliant les postes de santé "
                     "ruraux aux hôpitaux de district.",
                     "Les agents de santé communautaires utilisent des tablettes pour enregistrer les patients, "
                     "partager des images avec des spécialistes et commander des médicaments. La plateforme "
                     "fonctionne hors ligne et se synchronise dès qu'une connexion est disponible, ce qui est "
                     "essentiel dans les zones à couverture intermittente."),
            "es": _t("Plataforma de salud electrónica para clínicas rurales en {place}", None,
                     "Plataforma de telemedicina y de historia clínica electrónica que conecta los puestos de "
                     "salud rurales con los hospitales de distrito.",
                     "Los agentes de salud comunitarios utilizan tabletas para registrar pacientes, compartir "
                     "imágenes con especialistas y pedir medicamentos. La plataforma funciona sin conexión y se "
                     "sincroniza cuando hay red disponible, algo clave en zonas con cobertura intermitente."),
            "ru": _t("Платформа электронного здравоохранения для сельских медпунктов — {place}", None,
                     "Платформа телемедицины и электронных медицинских карт, связывающая сельские медицинские "
                     "пункты с районными больницами.",
                     "Общинные медицинские работники с помощью планшетов регистрируют пациентов, передают "
                     "снимки специалистам и заказывают лекарства. Платформа работает в автономном режиме и "
                     "синхронизирует данные при появлении связи, что важно в районах с неустойчивым покрытием."),
            "ar": _t("منصة للصحة الإلكترونية للعيادات الريفية في {place}", None,
                     "منصة للتطبيب عن بُعد والسجلات الصحية الإلكترونية تربط المراكز الصحية الريفية بمستشفيات "
                     "المناطق.",
                     "يستخدم العاملون الصحيون المجتمعيون أجهزة لوحية لتسجيل المرضى ومشاركة الصور مع الأخصائيين "
                     "وطلب الأدوية. وتعمل المنصة دون اتصال وتجري المزامنة عند توفر الاتصال، وهو أمر مهم في "
                     "المناطق ذات التغطية المتقطعة."),
            "zh-hans": _t("{place}农村诊所数字医疗平台", None,
                          "远程医疗和电子病历平台将农村卫生站与地区医院连接起来。",
                          "社区卫生工作者使用平板电脑登记患者、与专科医生共享影像并订购药品。"
                          "平台支持离线工作，在有网络时自动同步，这对信号覆盖不稳定的地区尤为重要。"),
        },
    },
    {
        "key": "ewaste-policy",
        "lines": ["C7.e-environment", "C1"],
        "sdg": ["11.6", "9.4"],
        "extra": "12.5",
        "strategic": ["C2030-3.2", "C2030-3.3"],
        "kinds": ["policy_assistance", "publication"],
        "scopes": ["national", "regional", "inter_regional", "global"],
        "beneficiaries": ["msme"],
        "priority": "inclusive_secure_icts",
        "texts": {
            "en": _t("E-waste policy support for {place}", "E-waste policy support and model legislation",
                     "Assistance in developing e-waste legislation, an extended producer responsibility scheme "
                     "and a national collection target.",
                     "The work starts with an e-waste inventory based on import and sales statistics, followed "
                     "by consultations with recyclers, importers and the informal sector. Draft regulations and "
                     "a monitoring framework aligned with the Global E-waste Statistics Partnership are handed "
                     "over to the environment and ICT ministries."),
            "fr": _t("Appui aux politiques relatives aux déchets d'équipements électriques et électroniques – {place}",
                     "Appui aux politiques relatives aux déchets électroniques et législation type",
                     "Assistance à l'élaboration d'une législation sur les déchets d'équipements électriques et "
                     "électroniques, d'un régime de responsabilité élargie des producteurs et d'un objectif "
                     "national de collecte.",
                     "Les travaux commencent par un inventaire des déchets électroniques fondé sur les "
                     "statistiques d'importation et de vente, suivi de consultations avec les recycleurs, les "
                     "importateurs et le secteur informel. Un projet de réglementation et un cadre de suivi "
                     "conforme au Partenariat mondial sur les statistiques des déchets électroniques sont remis "
                     "aux ministères de l'environnement et du numérique."),
            "es": _t("Apoyo a las políticas sobre residuos electrónicos en {place}",
                     "Apoyo a las políticas sobre residuos electrónicos y legislación modelo",
                     "Asistencia para elaborar legislación sobre residuos electrónicos, un régimen de "
                     "responsabilidad ampliada del productor y una meta nacional de recolección.",
                     "El trabajo comienza con un inventario de residuos electrónicos basado en estadísticas de "
                     "importación y venta, seguido de consultas con recicladores, importadores y el sector "
                     "informal. El proyecto de reglamento y un marco de seguimiento alineado con la Alianza "
                     "Mundial para las Estadísticas de Residuos Electrónicos se entregan a los ministerios de "
                     "medio ambiente y de TIC."),
            "ru": _t("Поддержка политики в области электронных отходов — {place}",
                     "Поддержка политики в области электронных отходов и типовое законодательство",
                     "Помощь в разработке законодательства об электронных отходах, системы расширенной "
                     "ответственности производителей и национального целевого показателя сбора.",
                     "Работа начинается с инвентаризации электронных отходов на основе статистики импорта и "
                     "продаж, за которой следуют консультации с переработчиками, импортерами и неформальным "
                     "сектором. Проект нормативных актов и система мониторинга, согласованная с Глобальным "
                     "партнерством по статистике электронных отходов, передаются министерствам природных "
                     "ресурсов и ИКТ."),
            "ar": _t("دعم السياسات المتعلقة بالنفايات الإلكترونية في {place}",
                     "دعم السياسات المتعلقة بالنفايات الإلكترونية وتشريع نموذجي",
                     "المساعدة في وضع تشريع بشأن النفايات الإلكترونية ونظام للمسؤولية الموسعة للمنتج وهدف وطني "
                     "للجمع.",
                     "يبدأ العمل بجرد للنفايات الإلكترونية يستند إلى إحصاءات الاستيراد والمبيعات، تليه مشاورات مع "
                     "شركات إعادة التدوير والمستوردين والقطاع غير الرسمي. ويُسلَّم مشروع اللوائح وإطار للرصد متسق "
                     "مع الشراكة العالمية لإحصاءات النفايات الإلكترونية إلى وزارتي البيئة وتكنولوجيا المعلومات "
                     "والاتصالات."),
            "zh-hans": _t("{place}电子废物政策支持", "电子废物政策支持与示范立法",
                          "协助制定电子废物立法、生产者责任延伸制度和国家回收目标。",
                          "工作首先依据进口和销售统计数据开展电子废物清查，随后与回收企业、进口商和非正规部门进行磋商。"
                          "与全球电子废物统计伙伴关系相一致的法规草案和监测框架将移交给环境部和信息通信技术主管部门。"),
        },
    },
    {
        "key": "egovernment-readiness",
        "lines": ["C7.e-government", "C1"],
        "sdg": ["16.6", "16.7", "16.10"],
        "extra": "11.3",
        "strategic": ["C2030-1.6"],
        "kinds": ["policy_assistance", "project"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["older_persons", "persons_disabilities"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("E-government service readiness assessment in {place}", None,
                     "Assessment of digital public services, digital identity and data exchange, with a "
                     "prioritised roadmap for online services.",
                     "The team reviews the legal basis for electronic transactions, the interoperability of "
                     "government registries and the usability of existing portals. Ten high-demand services are "
                     "selected for redesign, with a focus on access for older persons and persons with "
                     "disabilities."),
            "fr": _t("Évaluation de l'état de préparation des services d'administration électronique – {place}", None,
                     "Évaluation des services publics numériques, de l'identité numérique et de l'échange de "
                     "données, assortie d'une feuille de route hiérarchisée pour les services en ligne.",
                     "L'équipe examine le cadre juridique des transactions électroniques, l'interopérabilité des "
                     "registres publics et la facilité d'utilisation des portails existants. Dix services très "
                     "demandés sont retenus pour être repensés, en mettant l'accent sur l'accès des personnes "
                     "âgées et des personnes handicapées."),
            "es": _t("Evaluación de la preparación para los servicios de gobierno electrónico en {place}", None,
                     "Evaluación de los servicios públicos digitales, la identidad digital y el intercambio de "
                     "datos, con una hoja de ruta priorizada para los servicios en línea.",
                     "El equipo examina la base jurídica de las transacciones electrónicas, la interoperabilidad "
                     "de los registros públicos y la facilidad de uso de los portales existentes. Se seleccionan "
                     "diez servicios de alta demanda para rediseñarlos, prestando especial atención al acceso de "
                     "las personas mayores y las personas con discapacidad."),
            "ru": _t("Оценка готовности к предоставлению услуг электронного правительства — {place}", None,
                     "Оценка цифровых государственных услуг, цифровой идентификации и обмена данными с "
                     "приоритизированной дорожной картой перевода услуг в онлайн.",
                     "Группа анализирует правовую основу электронных сделок, интероперабельность "
                     "государственных реестров и удобство существующих порталов. Для переработки выбираются "
                     "десять наиболее востребованных услуг с особым вниманием к их доступности для пожилых "
                     "людей и лиц с ограниченными возможностями."),
            "ar": _t("تقييم جاهزية خدمات الحكومة الإلكترونية في {place}", None,
                     "تقييم للخدمات العامة الرقمية والهوية الرقمية وتبادل البيانات، مع خريطة طريق مرتبة حسب "
                     "الأولوية للخدمات الإلكترونية.",
                     "يستعرض الفريق الأساس القانوني للمعاملات الإلكترونية وقابلية التشغيل البيني للسجلات الحكومية "
                     "وسهولة استخدام البوابات القائمة. ويجري اختيار عشر خدمات عالية الطلب لإعادة تصميمها، مع "
                     "التركيز على نفاذ كبار السن والأشخاص ذوي الإعاقة."),
            "zh-hans": _t("{place}电子政务服务就绪度评估", None,
                          "评估数字公共服务、数字身份和数据交换，并制定按优先顺序排列的在线服务路线图。",
                          "评估小组审查电子交易的法律依据、政府登记系统的互操作性以及现有门户网站的易用性。"
                          "将遴选十项需求量大的服务进行重新设计，重点关注老年人和残疾人的使用便利。"),
        },
    },
    {
        "key": "ict-accessibility",
        "lines": ["C3", "C10"],
        "sdg": ["10.2"],
        "extra": "11.7",
        "strategic": ["C2030-2.5.B"],
        "kinds": ["policy_assistance", "publication", "training"],
        "scopes": ["national", "regional", "global"],
        "beneficiaries": ["persons_disabilities", "older_persons"],
        "priority": "inclusive_secure_icts",
        "texts": {
            "en": _t("ICT accessibility policy for persons with disabilities in {place}",
                     "Model ICT accessibility policy and web accessibility guidelines",
                     "Support for an ICT accessibility policy covering public websites, mobile services, "
                     "television and emergency communications.",
                     "The activity adapts the ITU model ICT accessibility policy to national law and trains "
                     "public web managers to test their sites against international accessibility standards. "
                     "Organisations of persons with disabilities take part in every step, from the baseline "
                     "review to the final validation."),
            "fr": _t("Politique d'accessibilité des TIC pour les personnes handicapées – {place}",
                     "Politique type d'accessibilité des TIC et lignes directrices pour l'accessibilité du web",
                     "Appui à l'élaboration d'une politique d'accessibilité des TIC couvrant les sites web "
                     "publics, les services mobiles, la télévision et les communications d'urgence.",
                     "L'activité adapte la politique type de l'UIT sur l'accessibilité des TIC au droit national "
                     "et forme les gestionnaires de sites web publics à vérifier leurs sites au regard des "
                     "normes internationales d'accessibilité. Les organisations de personnes handicapées "
                     "participent à chaque étape, de l'état des lieux initial à la validation finale."),
            "es": _t("Política de accesibilidad de las TIC para personas con discapacidad en {place}",
                     "Política modelo de accesibilidad de las TIC y directrices de accesibilidad web",
                     "Apoyo a una política de accesibilidad de las TIC que abarca los sitios web públicos, los "
                     "servicios móviles, la televisión y las comunicaciones de emergencia.",
                     "La actividad adapta la política modelo de accesibilidad de las TIC de la UIT a la "
                     "legislación nacional y capacita a los responsables de sitios web públicos para evaluarlos "
                     "según las normas internacionales de accesibilidad. Las organizaciones de personas con "
                     "discapacidad participan en cada etapa, desde el diagnóstico inicial hasta la validación "
                     "final."),
            "ru": _t("Политика доступности ИКТ для лиц с ограниченными возможностями — {place}",
                     "Типовая политика доступности ИКТ и руководящие указания по доступности веб-сайтов",
                     "Поддержка политики доступности ИКТ, охватывающей государственные веб-сайты, мобильные "
                     "услуги, телевидение и связь в чрезвычайных ситуациях.",
                     "В рамках мероприятия типовая политика МСЭ в области доступности ИКТ адаптируется к "
                     "национальному законодательству, а администраторы государственных веб-сайтов обучаются "
                     "проверять свои сайты на соответствие международным стандартам доступности. Организации "
                     "лиц с ограниченными возможностями участвуют на всех этапах — от первоначального обзора "
                     "до окончательного утверждения."),
            "ar": _t("سياسة إتاحة تكنولوجيا المعلومات والاتصالات للأشخاص ذوي الإعاقة في {place}",
                     "سياسة نموذجية لإتاحة تكنولوجيا المعلومات والاتصالات ومبادئ توجيهية لإتاحة المواقع الإلكترونية",
                     "دعم وضع سياسة لإتاحة تكنولوجيا المعلومات والاتصالات تشمل المواقع الإلكترونية العامة والخدمات "
                     "المتنقلة والتلفزيون واتصالات الطوارئ.",
                     "يكيّف النشاط السياسة النموذجية للاتحاد بشأن إتاحة تكنولوجيا المعلومات والاتصالات وفقاً "
                     "للقانون الوطني، ويدرّب مديري المواقع الإلكترونية العامة على اختبار مواقعهم وفق معايير "
                     "الإتاحة الدولية. وتشارك منظمات الأشخاص ذوي الإعاقة في كل خطوة، من المراجعة الأولية حتى "
                     "المصادقة النهائية."),
            "zh-hans": _t("{place}面向残疾人的信息通信技术无障碍政策", "信息通信技术无障碍示范政策和网站无障碍指南",
                          "支持制定涵盖政府网站、移动服务、电视和应急通信的信息通信技术无障碍政策。",
                          "该活动根据本国法律调整国际电联信息通信技术无障碍示范政策，并培训政府网站管理人员按照国际无障碍标准测试其网站。"
                          "残疾人组织参与从基线审查到最终验证的每一个环节。"),
        },
    },
    {
        "key": "collaborative-regulation",
        "lines": ["C6", "C1"],
        "sdg": ["16.6", "17.14", "9.c"],
        "extra": "17.10",
        "strategic": ["C2030-1.4"],
        "kinds": ["policy_assistance", "event"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["msme"],
        "priority": "enabling_environment",
        "texts": {
            "en": _t("Collaborative regulation review for digital markets in {place}", None,
                     "Review of the ICT regulatory framework against the ITU generations of regulation "
                     "benchmark, with recommendations for collaborative regulation.",
                     "The review looks at licensing, competition, consumer protection, data protection and the "
                     "coordination between sector regulators. Its findings are discussed at a national dialogue "
                     "with industry and consumer associations before the regulator adopts an action plan."),
            "fr": _t("Examen de la réglementation collaborative des marchés numériques – {place}", None,
                     "Examen du cadre réglementaire des TIC au regard de l'indice de référence de l'UIT sur les "
                     "générations de réglementation, assorti de recommandations en matière de réglementation "
                     "collaborative.",
                     "L'examen porte sur l'octroi de licences, la concurrence, la protection des consommateurs, "
                     "la protection des données et la coordination entre les régulateurs sectoriels. Ses "
                     "conclusions sont débattues lors d'un dialogue national avec les associations "
                     "professionnelles et de consommateurs avant l'adoption d'un plan d'action par le "
                     "régulateur."),
            "es": _t("Revisión de la regulación colaborativa de los mercados digitales en {place}", None,
                     "Revisión del marco regulatorio de las TIC con respecto a la referencia de la UIT sobre "
                     "generaciones de regulación, con recomendaciones para una regulación colaborativa.",
                     "La revisión abarca la concesión de licencias, la competencia, la protección del "
                     "consumidor, la protección de datos y la coordinación entre reguladores sectoriales. Sus "
                     "conclusiones se debaten en un diálogo nacional con la industria y las asociaciones de "
                     "consumidores antes de que el regulador adopte un plan de acción."),
            "ru": _t("Обзор совместного регулирования цифровых рынков — {place}", None,
                     "Обзор нормативно-правовой базы в области ИКТ на основе эталонного показателя МСЭ "
                     "«поколения регулирования» с рекомендациями по совместному регулированию.",
                     "Обзор охватывает лицензирование, конкуренцию, защиту прав потребителей, защиту данных и "
                     "взаимодействие отраслевых регуляторов. Выводы обсуждаются на национальном диалоге с "
                     "отраслевыми объединениями и обществами потребителей, после чего регуляторный орган "
                     "принимает план действий."),
            "ar": _t("مراجعة التنظيم التعاوني للأسواق الرقمية في {place}", None,
                     "مراجعة للإطار التنظيمي لتكنولوجيا المعلومات والاتصالات في ضوء المقياس المرجعي للاتحاد بشأن "
                     "أجيال التنظيم، مع توصيات بشأن التنظيم التعاوني.",
                     "تتناول المراجعة الترخيص والمنافسة وحماية المستهلك وحماية البيانات والتنسيق بين الهيئات "
                     "التنظيمية القطاعية. وتُناقش النتائج في حوار وطني مع رابطات الصناعة والمستهلكين قبل أن "
                     "تعتمد الهيئة التنظيمية خطة عمل."),
            "zh-hans": _t("{place}数字市场协作监管审查", None,
                          "对照国际电联“监管代际”基准审查信息通信技术监管框架，并就协作监管提出建议。",
                          "审查涵盖许可、竞争、消费者保护、数据保护以及行业监管机构之间的协调。"
                          "审查结果将在与行业协会和消费者组织举行的全国对话中讨论，随后由监管机构通过行动计划。"),
        },
    },
    {
        "key": "satellite-remote-communities",
        "lines": ["C2", "C7.e-learning"],
        "sdg": ["9.1", "9.c", "1.4"],
        "extra": "3.8",
        "strategic": ["UMC-INF-4G", "UMC-UNI-HOUSEHOLDS", "C2030-2.4"],
        "kinds": ["project", "programme", "regional_initiative"],
        "scopes": ["national", "regional", "inter_regional"],
        "beneficiaries": ["rural_remote", "indigenous_peoples"],
        "priority": "affordable_connectivity",
        "texts": {
            "en": _t("Satellite broadband for unserved remote communities in {place}", None,
                     "Deployment of satellite backhaul and community Wi-Fi in remote settlements that "
                     "terrestrial networks do not reach.",
                     "Sites are selected with local authorities and community leaders, and local technicians "
                     "are trained to maintain the equipment. Service is offered at a subsidised price for "
                     "schools and health centres, and the business model is reviewed after the first year of "
                     "operation."),
            "fr": _t("Haut débit par satellite pour les communautés isolées non desservies – {place}", None,
                     "Déploiement d'une liaison de raccordement par satellite et d'un réseau Wi-Fi communautaire "
                     "dans des localités isolées que les réseaux terrestres n'atteignent pas.",
                     "Les sites sont choisis avec les autorités locales et les responsables communautaires, et "
                     "des techniciens locaux sont formés à la maintenance des équipements. Le service est "
                     "proposé à un tarif subventionné aux écoles et aux centres de santé, et le modèle "
                     "économique est réexaminé après la première année d'exploitation."),
            "es": _t("Banda ancha satelital para comunidades remotas sin servicio en {place}", None,
                     "Despliegue de enlaces de retorno por satélite y wifi comunitario en asentamientos remotos "
                     "a los que no llegan las redes terrestres.",
                     "Los sitios se seleccionan con las autoridades locales y los líderes comunitarios, y se "
                     "capacita a técnicos locales para mantener los equipos. El servicio se ofrece a precio "
                     "subvencionado a escuelas y centros de salud, y el modelo de negocio se revisa tras el "
                     "primer año de funcionamiento."),
            "ru": _t("Спутниковый широкополосный доступ для необслуживаемых отдаленных населенных пунктов — {place}",
                     None,
                     "Развертывание спутниковых транспортных каналов и общественных сетей Wi-Fi в отдаленных "
                     "поселениях, куда не доходят наземные сети.",
                     "Площадки выбираются совместно с местными органами власти и руководителями общин, а "
                     "местные техники обучаются обслуживанию оборудования. Школам и медицинским центрам услуга "
                     "предоставляется по льготной цене, а бизнес-модель пересматривается после первого года "
                     "эксплуатации."),
            "ar": _t("توصيلية ساتلية بالنطاق العريض للمجتمعات النائية غير المخدومة في {place}", None,
                     "نشر وصلات ساتلية للربط الخلفي وشبكات واي فاي مجتمعية في المستوطنات النائية التي لا تصل "
                     "إليها الشبكات الأرضية.",
                     "تُختار المواقع بالتعاون مع السلطات المحلية وقادة المجتمعات، ويُدرَّب فنيون محليون على صيانة "
                     "المعدات. وتُقدَّم الخدمة بسعر مدعوم للمدارس والمراكز الصحية، ويُراجَع نموذج العمل بعد السنة "
                     "الأولى من التشغيل."),
            "zh-hans": _t("{place}偏远未覆盖社区卫星宽带网络项目", None,
                          "在地面网络无法覆盖的偏远居民点部署卫星回传和社区无线网络。",
                          "站点由地方政府和社区负责人共同选定，并培训当地技术人员维护设备。"
                          "学校和卫生中心可享受补贴价格，商业模式将在运营第一年后进行评估。"),
        },
    },
    {
        "key": "ict-statistics-training",
        "lines": ["C4", "C11"],
        "sdg": ["17.18", "17.9"],
        "extra": "17.19",
        "strategic": [],
        "kinds": ["training", "publication"],
        "scopes": ["national", "regional", "global"],
        "beneficiaries": [],
        "priority": "enabling_environment",
        "texts": {
            "en": _t("Training on ICT indicators and household surveys for {place}",
                     "Training on ICT indicators for national statistical offices",
                     "Capacity building for statisticians and regulators on collecting ICT access and use data "
                     "according to ITU definitions.",
                     "The course covers the ITU Manual for measuring ICT access and use by households and "
                     "individuals, sampling, questionnaire design and data quality checks. Participants prepare "
                     "a plan to include the core ICT questions in their next national household survey."),
            "fr": _t("Formation aux indicateurs des TIC et aux enquêtes auprès des ménages – {place}",
                     "Formation aux indicateurs des TIC pour les instituts nationaux de statistique",
                     "Renforcement des capacités des statisticiens et des régulateurs en matière de collecte de "
                     "données sur l'accès aux TIC et leur utilisation, selon les définitions de l'UIT.",
                     "Le cours porte sur le Manuel de l'UIT pour la mesure de l'accès des ménages et des "
                     "particuliers aux TIC et de leur utilisation, l'échantillonnage, la conception des "
                     "questionnaires et le contrôle de la qualité des données. Les participants élaborent un "
                     "plan pour intégrer les questions clés sur les TIC dans leur prochaine enquête nationale "
                     "auprès des ménages."),
            "es": _t("Capacitación sobre indicadores de TIC y encuestas de hogares para {place}",
                     "Capacitación sobre indicadores de TIC para las oficinas nacionales de estadística",
                     "Fortalecimiento de la capacidad de estadísticos y reguladores para recopilar datos sobre "
                     "el acceso y el uso de las TIC de acuerdo con las definiciones de la UIT.",
                     "El curso abarca el Manual de la UIT para la medición del acceso y el uso de las TIC por los "
                     "hogares y las personas, el muestreo, el diseño de cuestionarios y el control de calidad de "
                     "los datos. Los participantes preparan un plan para incluir las preguntas básicas sobre TIC "
                     "en su próxima encuesta nacional de hogares."),
            "ru": _t("Обучение по показателям ИКТ и обследованиям домохозяйств — {place}",
                     "Обучение по показателям ИКТ для национальных статистических служб",
                     "Повышение квалификации статистиков и сотрудников регуляторных органов в области сбора "
                     "данных о доступе к ИКТ и их использовании в соответствии с определениями МСЭ.",
                     "Курс охватывает Руководство МСЭ по измерению доступа домашних хозяйств и физических лиц к "
                     "ИКТ и использования ими ИКТ, формирование выборки, разработку вопросников и контроль "
                     "качества данных. Участники готовят план включения основных вопросов об ИКТ в следующее "
                     "национальное обследование домохозяйств."),
            "ar": _t("تدريب على مؤشرات تكنولوجيا المعلومات والاتصالات والمسوح الأسرية في {place}",
                     "تدريب المكاتب الإحصائية الوطنية على مؤشرات تكنولوجيا المعلومات والاتصالات",
                     "بناء قدرات الإحصائيين والهيئات التنظيمية على جمع البيانات المتعلقة بالنفاذ إلى تكنولوجيا "
                     "المعلومات والاتصالات واستعمالها وفقاً لتعاريف الاتحاد.",
                     "تتناول الدورة دليل الاتحاد لقياس نفاذ الأسر والأفراد إلى تكنولوجيا المعلومات والاتصالات "
                     "واستعمالهم لها، وتصميم العينات والاستبيانات وضبط جودة البيانات. ويعدّ المشاركون خطة لإدراج "
                     "الأسئلة الأساسية المتعلقة بتكنولوجيا المعلومات والاتصالات في المسح الأسري الوطني المقبل."),
            "zh-hans": _t("{place}信息通信技术指标与住户调查培训", "面向国家统计机构的信息通信技术指标培训",
                          "按照国际电联的定义，提升统计人员和监管机构收集信息通信技术接入和使用数据的能力。",
                          "课程内容包括国际电联《住户和个人信息通信技术接入和使用衡量手册》、抽样、问卷设计和数据质量检查。"
                          "学员将制定计划，在下一次全国住户调查中纳入信息通信技术核心问题。"),
        },
    },
    {
        "key": "digital-transformation-centres",
        "lines": ["C4", "C7.e-employment"],
        "sdg": ["4.4", "4.7"],
        "extra": "8.6",
        "strategic": ["UMC-SKL-BASIC", "UMC-SKL-INTERMEDIATE", "C2030-2.6"],
        "kinds": ["programme", "training", "regional_initiative"],
        "scopes": ["national", "regional", "inter_regional", "global"],
        "beneficiaries": ["older_persons", "youth", "msme"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("Digital Transformation Centres network in {place}", "Digital Transformation Centres Initiative",
                     "Network of training centres that teach basic and intermediate digital skills to citizens "
                     "and small businesses.",
                     "Partner institutions receive a common curriculum, trainer certification and learning "
                     "materials in local languages. Each centre reports the number of people trained, "
                     "disaggregated by sex and age, to a shared dashboard."),
            "fr": _t("Réseau de centres de transformation numérique – {place}",
                     "Initiative des centres de transformation numérique",
                     "Réseau de centres de formation qui enseignent des compétences numériques de base et "
                     "intermédiaires aux citoyens et aux petites entreprises.",
                     "Les établissements partenaires reçoivent un programme commun, une certification des "
                     "formateurs et des supports pédagogiques en langues locales. Chaque centre communique le "
                     "nombre de personnes formées, ventilé par sexe et par âge, sur un tableau de bord partagé."),
            "es": _t("Red de centros de transformación digital en {place}",
                     "Iniciativa de centros de transformación digital",
                     "Red de centros de formación que enseñan competencias digitales básicas e intermedias a la "
                     "ciudadanía y a las pequeñas empresas.",
                     "Las instituciones asociadas reciben un plan de estudios común, la certificación de "
                     "formadores y materiales didácticos en idiomas locales. Cada centro informa del número de "
                     "personas capacitadas, desglosado por sexo y edad, en un tablero compartido."),
            "ru": _t("Сеть центров цифровой трансформации — {place}", "Инициатива «Центры цифровой трансформации»",
                     "Сеть учебных центров, обучающих граждан и малые предприятия базовым и средним цифровым "
                     "навыкам.",
                     "Партнерские учреждения получают единую учебную программу, сертификацию преподавателей и "
                     "учебные материалы на местных языках. Каждый центр передает на общую информационную панель "
                     "данные о числе обученных с разбивкой по полу и возрасту."),
            "ar": _t("شبكة مراكز التحول الرقمي في {place}", "مبادرة مراكز التحول الرقمي",
                     "شبكة من مراكز التدريب تعلّم المواطنين والمنشآت الصغيرة المهارات الرقمية الأساسية والمتوسطة.",
                     "تحصل المؤسسات الشريكة على منهج دراسي موحد وشهادات للمدربين ومواد تعليمية باللغات المحلية. "
                     "ويبلغ كل مركز عن عدد المتدربين، مصنفاً حسب الجنس والعمر، عبر لوحة متابعة مشتركة."),
            "zh-hans": _t("{place}数字化转型中心网络", "数字化转型中心倡议",
                          "由多个培训中心组成的网络，向公民和小企业传授基础和中级数字技能。",
                          "合作机构获得统一课程、培训师认证以及本地语言学习材料。"
                          "各中心按性别和年龄分类，将培训人数报送至共享数据看板。"),
        },
    },
    {
        "key": "digital-financial-inclusion",
        "lines": ["C7.e-business", "C5"],
        "sdg": ["8.10", "1.4", "5.b"],
        "extra": "10.c",
        "strategic": [],
        "kinds": ["policy_assistance", "event", "training"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["women_girls", "msme"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("Digital financial inclusion and mobile money security in {place}", None,
                     "Support to regulators on the security and interoperability of mobile money services to "
                     "widen access to digital payments.",
                     "The activity applies the ITU-T recommendations on digital financial services security and "
                     "brings telecom and central bank regulators together. A consumer awareness campaign on "
                     "SIM-swap fraud and social-engineering scams accompanies the technical work."),
            "fr": _t("Inclusion financière numérique et sécurité de l'argent mobile – {place}", None,
                     "Appui aux régulateurs en matière de sécurité et d'interopérabilité des services d'argent "
                     "mobile afin d'élargir l'accès aux paiements numériques.",
                     "L'activité applique les recommandations UIT-T sur la sécurité des services financiers "
                     "numériques et rapproche les régulateurs des télécommunications et la banque centrale. Une "
                     "campagne de sensibilisation des consommateurs à la fraude par échange de carte SIM et aux "
                     "escroqueries par ingénierie sociale accompagne les travaux techniques."),
            "es": _t("Inclusión financiera digital y seguridad del dinero móvil en {place}", None,
                     "Apoyo a los reguladores en materia de seguridad e interoperabilidad de los servicios de "
                     "dinero móvil para ampliar el acceso a los pagos digitales.",
                     "La actividad aplica las recomendaciones UIT-T sobre la seguridad de los servicios "
                     "financieros digitales y reúne a los reguladores de telecomunicaciones y al banco central. "
                     "Una campaña de sensibilización de los consumidores sobre el fraude por duplicado de SIM y "
                     "las estafas de ingeniería social acompaña el trabajo técnico."),
            "ru": _t("Цифровая финансовая доступность и безопасность мобильных денег — {place}", None,
                     "Поддержка регуляторных органов в обеспечении безопасности и интероперабельности услуг "
                     "мобильных денег для расширения доступа к цифровым платежам.",
                     "В рамках мероприятия применяются Рекомендации МСЭ-T по безопасности цифровых финансовых "
                     "услуг, а регуляторы электросвязи и центральный банк объединяют усилия. Техническую работу "
                     "сопровождает информационная кампания для потребителей о мошенничестве с подменой "
                     "SIM-карт и социальной инженерии."),
            "ar": _t("الشمول المالي الرقمي وأمن الأموال المتنقلة في {place}", None,
                     "دعم الهيئات التنظيمية في مجال أمن خدمات الأموال المتنقلة وقابليتها للتشغيل البيني من أجل "
                     "توسيع النفاذ إلى المدفوعات الرقمية.",
                     "يطبّق النشاط توصيات قطاع تقييس الاتصالات بشأن أمن الخدمات المالية الرقمية، ويجمع بين هيئات "
                     "تنظيم الاتصالات والمصرف المركزي. وترافق العمل التقني حملة لتوعية المستهلكين بعمليات "
                     "الاحتيال عبر تبديل شرائح SIM والهندسة الاجتماعية."),
            "zh-hans": _t("{place}数字普惠金融与移动货币安全", None,
                          "支持监管机构提升移动货币服务的安全性和互操作性，扩大数字支付的普及。",
                          "该活动应用国际电联电信标准化部门关于数字金融服务安全的建议书，并促成电信监管机构与中央银行之间的合作。"
                          "在技术工作的同时，还开展针对SIM卡调换诈骗和社会工程诈骗的消费者宣传活动。"),
        },
    },
    {
        "key": "ai-readiness",
        "lines": ["C1", "C6", "C10"],
        "sdg": ["16.6", "17.8", "16.10"],
        "extra": "9.5",
        "strategic": ["C2030-4.1"],
        "kinds": ["policy_assistance", "publication"],
        "scopes": ["national", "regional", "inter_regional", "global"],
        "beneficiaries": ["msme", "youth"],
        "priority": "enabling_environment",
        "texts": {
            "en": _t("Artificial intelligence readiness assessment for {place}", "AI readiness framework for policy makers",
                     "Assessment of readiness to adopt artificial intelligence responsibly, covering data, "
                     "skills, infrastructure and governance.",
                     "The assessment combines a desk review with interviews of ministries, universities, "
                     "start-ups and civil society. It highlights where AI can support public services and sets "
                     "out the safeguards needed for transparency, privacy and non-discrimination."),
            "fr": _t("Évaluation de l'état de préparation à l'intelligence artificielle – {place}",
                     "Cadre d'évaluation de la préparation à l'IA à l'intention des décideurs",
                     "Évaluation de la capacité à adopter l'intelligence artificielle de manière responsable, "
                     "couvrant les données, les compétences, les infrastructures et la gouvernance.",
                     "L'évaluation associe une analyse documentaire à des entretiens avec des ministères, des "
                     "universités, des jeunes pousses et la société civile. Elle met en évidence les domaines où "
                     "l'IA peut améliorer les services publics et définit les garanties nécessaires en matière "
                     "de transparence, de vie privée et de non-discrimination."),
            "es": _t("Evaluación de la preparación para la inteligencia artificial de {place}",
                     "Marco de preparación para la IA dirigido a responsables de políticas",
                     "Evaluación de la preparación para adoptar la inteligencia artificial de forma "
                     "responsable, que abarca datos, competencias, infraestructura y gobernanza.",
                     "La evaluación combina un análisis documental con entrevistas a ministerios, universidades, "
                     "empresas emergentes y sociedad civil. Señala dónde la IA puede mejorar los servicios "
                     "públicos y establece las salvaguardias necesarias en materia de transparencia, privacidad "
                     "y no discriminación."),
            "ru": _t("Оценка готовности к внедрению искусственного интеллекта — {place}",
                     "Рамочная программа оценки готовности к ИИ для директивных органов",
                     "Оценка готовности к ответственному внедрению искусственного интеллекта с учетом данных, "
                     "навыков, инфраструктуры и управления.",
                     "Оценка сочетает кабинетное исследование с интервью в министерствах, университетах, "
                     "стартапах и организациях гражданского общества. В ней определяются области, где ИИ может "
                     "улучшить государственные услуги, и необходимые гарантии прозрачности, неприкосновенности "
                     "частной жизни и недискриминации."),
            "ar": _t("تقييم الجاهزية للذكاء الاصطناعي في {place}",
                     "إطار لتقييم الجاهزية للذكاء الاصطناعي موجه إلى صانعي السياسات",
                     "تقييم لمدى الجاهزية لاعتماد الذكاء الاصطناعي بصورة مسؤولة، يشمل البيانات والمهارات والبنية "
                     "التحتية والحوكمة.",
                     "يجمع التقييم بين مراجعة مكتبية ومقابلات مع الوزارات والجامعات والشركات الناشئة والمجتمع "
                     "المدني. ويحدد المجالات التي يمكن فيها للذكاء الاصطناعي دعم الخدمات العامة، والضمانات "
                     "اللازمة للشفافية والخصوصية وعدم التمييز."),
            "zh-hans": _t("{place}人工智能就绪度评估", "面向政策制定者的人工智能就绪度框架",
                          "评估负责任地采用人工智能的准备程度，涵盖数据、技能、基础设施和治理。",
                          "评估将案头研究与对政府部门、大学、初创企业和民间社会的访谈相结合。"
                          "评估指出人工智能可以在哪些领域改善公共服务，并提出确保透明度、隐私和非歧视所需的保障措施。"),
        },
    },
    {
        "key": "wsis-forum-workshop",
        "lines": ["C11", "C1"],
        "sdg": ["17.16", "17.17", "17.9"],
        "extra": "4.7",
        "strategic": ["C2030-5.1"],
        "kinds": ["event", "publication"],
        "scopes": ["global", "inter_regional"],
        "beneficiaries": [],
        "priority": "resource_mobilisation",
        "texts": {
            "en": _t("WSIS Forum thematic workshop on ICTs for the SDGs in {place}",
                     "WSIS Forum thematic workshop on ICTs for the SDGs",
                     "Multistakeholder workshop at the WSIS Forum that presents results of WSIS action line "
                     "implementation and their links to the SDGs.",
                     "Speakers from governments, the private sector, academia and civil society share projects "
                     "recorded in the WSIS Stocktaking database. The outcomes are summarised in the WSIS Forum "
                     "outcome document and feed into the annual WSIS Stocktaking report."),
            "fr": _t("Atelier thématique du Forum du SMSI sur les TIC au service des ODD – {place}",
                     "Atelier thématique du Forum du SMSI sur les TIC au service des ODD",
                     "Atelier multipartite organisé dans le cadre du Forum du SMSI pour présenter les résultats "
                     "de la mise en œuvre des grandes orientations du SMSI et leurs liens avec les ODD.",
                     "Des intervenants issus des gouvernements, du secteur privé, des milieux universitaires et "
                     "de la société civile présentent des projets enregistrés dans la base de données de "
                     "l'inventaire du SMSI. Les conclusions sont résumées dans le document final du Forum du "
                     "SMSI et alimentent le rapport annuel sur l'inventaire du SMSI."),
            "es": _t("Taller temático del Foro de la CMSI sobre las TIC para los ODS en {place}",
                     "Taller temático del Foro de la CMSI sobre las TIC para los ODS",
                     "Taller de múltiples partes interesadas en el Foro de la CMSI que presenta los resultados "
                     "de la aplicación de las líneas de acción de la CMSI y sus vínculos con los ODS.",
                     "Ponentes de gobiernos, sector privado, academia y sociedad civil comparten proyectos "
                     "registrados en la base de datos del Inventario de la CMSI. Las conclusiones se resumen en "
                     "el documento final del Foro de la CMSI y alimentan el informe anual del Inventario de la "
                     "CMSI."),
            "ru": _t("Тематический семинар Форума ВВУИО «ИКТ в интересах ЦУР» — {place}",
                     "Тематический семинар Форума ВВУИО «ИКТ в интересах ЦУР»",
                     "Семинар с участием многих заинтересованных сторон в рамках Форума ВВУИО, на котором "
                     "представляются результаты реализации направлений деятельности ВВУИО и их связь с ЦУР.",
                     "Представители правительств, частного сектора, академических кругов и гражданского "
                     "общества рассказывают о проектах, зарегистрированных в базе данных Инвентаризации ВВУИО. "
                     "Итоги обобщаются в итоговом документе Форума ВВУИО и используются в ежегодном докладе об "
                     "Инвентаризации ВВУИО."),
            "ar": _t("حلقة عمل مواضيعية في منتدى القمة العالمية لمجتمع المعلومات بشأن تكنولوجيا المعلومات والاتصالات "
                     "من أجل أهداف التنمية المستدامة في {place}",
                     "حلقة عمل مواضيعية في منتدى القمة العالمية لمجتمع المعلومات بشأن تكنولوجيا المعلومات والاتصالات "
                     "من أجل أهداف التنمية المستدامة",
                     "حلقة عمل متعددة أصحاب المصلحة في منتدى القمة العالمية لمجتمع المعلومات تعرض نتائج تنفيذ خطوط "
                     "عمل القمة وصلتها بأهداف التنمية المستدامة.",
                     "يعرض متحدثون من الحكومات والقطاع الخاص والأوساط الأكاديمية والمجتمع المدني مشاريع مسجلة في "
                     "قاعدة بيانات جرد القمة العالمية لمجتمع المعلومات. وتُلخَّص النتائج في الوثيقة الختامية للمنتدى "
                     "وتُدرج في التقرير السنوي لجرد القمة."),
            "zh-hans": _t("信息社会世界峰会论坛“信息通信技术促进可持续发展目标”专题研讨会：{place}",
                          "信息社会世界峰会论坛“信息通信技术促进可持续发展目标”专题研讨会",
                          "在信息社会世界峰会论坛期间举办的多利益相关方研讨会，介绍峰会各行动方面的落实成果及其与可持续发展目标的关联。",
                          "来自政府、私营部门、学术界和民间社会的发言人分享在信息社会世界峰会盘点数据库中登记的项目。"
                          "研讨成果将纳入论坛成果文件，并为年度峰会盘点报告提供素材。"),
        },
    },
    {
        "key": "partner2connect-roundtable",
        "lines": ["C11", "C2"],
        "sdg": ["17.16", "17.17"],
        "extra": "10.b",
        "strategic": ["C2030-5.1", "UMC-UNI-INDIVIDUALS"],
        "kinds": ["event", "regional_initiative", "programme"],
        "scopes": ["regional", "inter_regional", "global"],
        "beneficiaries": [],
        "priority": "resource_mobilisation",
        "texts": {
            "en": _t("Partner2Connect investment roundtable for {place}",
                     "Partner2Connect Digital Coalition pledging roundtable",
                     "Roundtable that matches connectivity projects with investors and records new pledges in "
                     "the Partner2Connect Digital Coalition.",
                     "Governments present bankable projects for backbone, last-mile and digital skills "
                     "investments, and development banks and operators discuss financing models. Pledges made "
                     "at the roundtable are tracked until they are implemented."),
            "fr": _t("Table ronde sur l'investissement Partner2Connect – {place}",
                     "Table ronde d'annonces de contributions de la Coalition numérique Partner2Connect",
                     "Table ronde qui met en relation des projets de connectivité avec des investisseurs et "
                     "enregistre de nouveaux engagements au sein de la Coalition numérique Partner2Connect.",
                     "Les gouvernements présentent des projets bancables d'investissement dans les dorsales, le "
                     "dernier kilomètre et les compétences numériques, tandis que les banques de développement "
                     "et les opérateurs examinent les modèles de financement. Les engagements pris lors de la "
                     "table ronde font l'objet d'un suivi jusqu'à leur mise en œuvre."),
            "es": _t("Mesa redonda de inversión Partner2Connect para {place}",
                     "Mesa redonda de compromisos de la Coalición Digital Partner2Connect",
                     "Mesa redonda que vincula proyectos de conectividad con inversores y registra nuevos "
                     "compromisos en la Coalición Digital Partner2Connect.",
                     "Los gobiernos presentan proyectos financiables de redes troncales, última milla y "
                     "competencias digitales, y los bancos de desarrollo y los operadores analizan modelos de "
                     "financiación. Los compromisos asumidos en la mesa redonda se siguen hasta su ejecución."),
            "ru": _t("Круглый стол по инвестициям Partner2Connect — {place}",
                     "Круглый стол по объявлению обязательств Цифровой коалиции Partner2Connect",
                     "Круглый стол, на котором проекты в области подключения находят инвесторов, а новые "
                     "обязательства регистрируются в Цифровой коалиции Partner2Connect.",
                     "Правительства представляют готовые к финансированию проекты в области магистральных "
                     "сетей, «последней мили» и цифровых навыков, а банки развития и операторы обсуждают модели "
                     "финансирования. Выполнение объявленных на круглом столе обязательств отслеживается до их "
                     "реализации."),
            "ar": _t("مائدة مستديرة للاستثمار في النطاق العريض ضمن مبادرة Partner2Connect في {place}",
                     "مائدة مستديرة لإعلان التعهدات في التحالف الرقمي Partner2Connect",
                     "مائدة مستديرة تربط مشاريع التوصيلية بالمستثمرين وتسجل تعهدات جديدة في التحالف الرقمي "
                     "Partner2Connect.",
                     "تعرض الحكومات مشاريع قابلة للتمويل المصرفي في مجالات الشبكات الأساسية والميل الأخير والمهارات "
                     "الرقمية، وتناقش مصارف التنمية والمشغلون نماذج التمويل. وتُتابَع التعهدات المعلنة خلال المائدة "
                     "المستديرة حتى تنفيذها."),
            "zh-hans": _t("{place}Partner2Connect数字联盟投资圆桌会议", "Partner2Connect数字联盟认捐圆桌会议",
                          "圆桌会议为网络连接项目对接投资方，并在Partner2Connect数字联盟中登记新的认捐。",
                          "各国政府介绍骨干网、最后一公里和数字技能领域的可融资项目，开发银行和运营商探讨融资模式。"
                          "圆桌会议上作出的认捐将被持续跟踪，直至落实。"),
        },
    },
    {
        "key": "media-information-literacy",
        "lines": ["C9", "C3"],
        "sdg": ["16.10", "5.b"],
        "extra": "4.6",
        "strategic": [],
        "kinds": ["training", "project"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["youth", "indigenous_peoples"],
        "priority": "inclusive_secure_icts",
        "texts": {
            "en": _t("Media and information literacy for community radio in {place}", None,
                     "Training for community radio journalists on verifying information, countering "
                     "disinformation and producing content in local languages.",
                     "Journalists work through practical exercises on fact-checking, source protection and the "
                     "safe use of social media. Each station produces a short series of programmes that explain "
                     "digital services to listeners in their own language."),
            "fr": _t("Éducation aux médias et à l'information pour les radios communautaires – {place}", None,
                     "Formation des journalistes des radios communautaires à la vérification de l'information, "
                     "à la lutte contre la désinformation et à la production de contenus en langues locales.",
                     "Les journalistes réalisent des exercices pratiques de vérification des faits, de "
                     "protection des sources et d'utilisation sûre des réseaux sociaux. Chaque station produit "
                     "une courte série d'émissions expliquant les services numériques aux auditeurs dans leur "
                     "propre langue."),
            "es": _t("Alfabetización mediática e informacional para radios comunitarias en {place}", None,
                     "Formación de periodistas de radios comunitarias en verificación de información, lucha "
                     "contra la desinformación y producción de contenidos en lenguas locales.",
                     "Los periodistas realizan ejercicios prácticos de verificación de datos, protección de "
                     "fuentes y uso seguro de las redes sociales. Cada emisora produce una breve serie de "
                     "programas que explica los servicios digitales a los oyentes en su propia lengua."),
            "ru": _t("Медийная и информационная грамотность для общинных радиостанций — {place}", None,
                     "Обучение журналистов общинных радиостанций проверке информации, противодействию "
                     "дезинформации и созданию контента на местных языках.",
                     "Журналисты выполняют практические упражнения по проверке фактов, защите источников и "
                     "безопасному использованию социальных сетей. Каждая станция готовит небольшую серию "
                     "передач, рассказывающих слушателям о цифровых услугах на их родном языке."),
            "ar": _t("التربية الإعلامية والمعلوماتية للإذاعات المجتمعية في {place}", None,
                     "تدريب صحفيي الإذاعات المجتمعية على التحقق من المعلومات ومكافحة التضليل وإنتاج المحتوى "
                     "باللغات المحلية.",
                     "ينفذ الصحفيون تمارين عملية في تدقيق الحقائق وحماية المصادر والاستخدام الآمن لوسائل التواصل "
                     "الاجتماعي. وتنتج كل محطة سلسلة قصيرة من البرامج تشرح الخدمات الرقمية للمستمعين بلغتهم."),
            "zh-hans": _t("{place}社区广播媒体与信息素养培训", None,
                          "培训社区广播记者核实信息、应对虚假信息并以当地语言制作内容。",
                          "记者们通过实践练习学习事实核查、消息来源保护以及安全使用社交媒体。"
                          "每个电台制作一个简短的系列节目，用听众的母语介绍数字服务。"),
        },
    },
    {
        "key": "open-climate-data",
        "lines": ["C7.e-science", "C3"],
        "sdg": ["13.3", "17.6", "13.1"],
        "extra": "9.5",
        "strategic": [],
        "kinds": ["platform", "publication", "project"],
        "scopes": ["regional", "inter_regional", "global"],
        "beneficiaries": [],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("Open research data platform for climate science in {place}",
                     "Open research data platform for climate science",
                     "Shared platform through which universities and meteorological services publish and reuse "
                     "climate observation data.",
                     "The platform follows open data principles and uses persistent identifiers so that "
                     "datasets can be cited in publications. Researchers from participating institutions "
                     "receive training on data management plans and on connecting to national research and "
                     "education networks."),
            "fr": _t("Plateforme de données de recherche ouvertes sur le climat – {place}",
                     "Plateforme de données de recherche ouvertes sur le climat",
                     "Plateforme commune permettant aux universités et aux services météorologiques de publier "
                     "et de réutiliser des données d'observation du climat.",
                     "La plateforme applique les principes des données ouvertes et utilise des identifiants "
                     "pérennes afin que les jeux de données puissent être cités dans les publications. Les "
                     "chercheurs des institutions participantes sont formés aux plans de gestion des données et "
                     "au raccordement aux réseaux nationaux de recherche et d'enseignement."),
            "es": _t("Plataforma de datos abiertos de investigación sobre el clima en {place}",
                     "Plataforma de datos abiertos de investigación sobre el clima",
                     "Plataforma compartida mediante la cual universidades y servicios meteorológicos publican y "
                     "reutilizan datos de observación del clima.",
                     "La plataforma sigue los principios de datos abiertos y utiliza identificadores "
                     "persistentes para que los conjuntos de datos puedan citarse en publicaciones. Los "
                     "investigadores de las instituciones participantes reciben formación sobre planes de "
                     "gestión de datos y sobre la conexión a las redes nacionales de investigación y educación."),
            "ru": _t("Платформа открытых исследовательских данных о климате — {place}",
                     "Платформа открытых исследовательских данных о климате",
                     "Общая платформа, через которую университеты и метеорологические службы публикуют и "
                     "повторно используют данные климатических наблюдений.",
                     "Платформа следует принципам открытых данных и использует постоянные идентификаторы, "
                     "чтобы на наборы данных можно было ссылаться в публикациях. Исследователи участвующих "
                     "учреждений проходят обучение по планам управления данными и подключению к национальным "
                     "научно-образовательным сетям."),
            "ar": _t("منصة البيانات البحثية المفتوحة لعلوم المناخ في {place}",
                     "منصة البيانات البحثية المفتوحة لعلوم المناخ",
                     "منصة مشتركة تنشر من خلالها الجامعات ودوائر الأرصاد الجوية بيانات رصد المناخ وتعيد "
                     "استخدامها.",
                     "تتبع المنصة مبادئ البيانات المفتوحة وتستخدم معرّفات دائمة حتى يمكن الاستشهاد بمجموعات "
                     "البيانات في المنشورات. ويتلقى الباحثون من المؤسسات المشاركة تدريباً على خطط إدارة البيانات "
                     "وعلى الربط بالشبكات الوطنية للبحث والتعليم."),
            "zh-hans": _t("{place}气候科学开放研究数据平台", "气候科学开放研究数据平台",
                          "大学和气象部门通过该共享平台发布和重复利用气候观测数据。",
                          "平台遵循开放数据原则并使用永久标识符，使数据集可以在出版物中被引用。"
                          "参与机构的研究人员将接受数据管理计划以及接入国家科研教育网络方面的培训。"),
        },
    },
    {
        "key": "ict-applications-roadmap",
        "lines": ["C7", "C1"],
        "sdg": ["9.c", "16.6", "17.8"],
        "extra": "11.2",
        "strategic": ["C2030-1.4"],
        "kinds": ["policy_assistance", "publication"],
        "scopes": ["national"],
        "beneficiaries": [],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("National roadmap for ICT applications and digital services in {place}", None,
                     "Roadmap that sets priorities for ICT applications in government, business, health, "
                     "education and agriculture.",
                     "Sector ministries identify their most urgent digital services and the shared building "
                     "blocks they need, such as digital identity, payments and data exchange. The roadmap "
                     "sequences investments over five years and assigns clear responsibilities for each "
                     "action."),
            "fr": _t("Feuille de route nationale pour les applications TIC et les services numériques – {place}", None,
                     "Feuille de route fixant les priorités en matière d'applications TIC dans "
                     "l'administration, les entreprises, la santé, l'éducation et l'agriculture.",
                     "Les ministères sectoriels définissent leurs services numériques les plus urgents et les "
                     "briques communes dont ils ont besoin, comme l'identité numérique, les paiements et "
                     "l'échange de données. La feuille de route échelonne les investissements sur cinq ans et "
                     "attribue des responsabilités claires pour chaque action."),
            "es": _t("Hoja de ruta nacional de aplicaciones TIC y servicios digitales de {place}", None,
                     "Hoja de ruta que establece prioridades para las aplicaciones TIC en el gobierno, las "
                     "empresas, la salud, la educación y la agricultura.",
                     "Los ministerios sectoriales identifican sus servicios digitales más urgentes y los "
                     "componentes comunes que necesitan, como la identidad digital, los pagos y el intercambio "
                     "de datos. La hoja de ruta escalona las inversiones a lo largo de cinco años y asigna "
                     "responsabilidades claras para cada acción."),
            "ru": _t("Национальная дорожная карта по приложениям ИКТ и цифровым услугам — {place}", None,
                     "Дорожная карта, определяющая приоритеты применения ИКТ в государственном управлении, "
                     "бизнесе, здравоохранении, образовании и сельском хозяйстве.",
                     "Отраслевые министерства определяют наиболее срочные цифровые услуги и необходимые им "
                     "общие компоненты, такие как цифровая идентификация, платежи и обмен данными. Дорожная "
                     "карта распределяет инвестиции на пять лет и закрепляет четкую ответственность за каждое "
                     "действие."),
            "ar": _t("خريطة طريق وطنية لتطبيقات تكنولوجيا المعلومات والاتصالات والخدمات الرقمية في {place}", None,
                     "خريطة طريق تحدد أولويات تطبيقات تكنولوجيا المعلومات والاتصالات في الحكومة والأعمال والصحة "
                     "والتعليم والزراعة.",
                     "تحدد الوزارات القطاعية أكثر خدماتها الرقمية إلحاحاً والمكونات المشتركة التي تحتاج إليها، مثل "
                     "الهوية الرقمية والمدفوعات وتبادل البيانات. وتوزع خريطة الطريق الاستثمارات على خمس سنوات "
                     "وتحدد مسؤوليات واضحة لكل إجراء."),
            "zh-hans": _t("{place}信息通信技术应用与数字服务国家路线图", None,
                          "路线图确定信息通信技术在政务、商业、卫生、教育和农业领域应用的优先事项。",
                          "各行业主管部门确定最紧迫的数字服务以及所需的共享基础组件，如数字身份、支付和数据交换。"
                          "路线图将投资分五年有序推进，并为每项行动明确责任。"),
        },
    },
    {
        "key": "older-persons-inclusion",
        "lines": ["C10", "C4"],
        "sdg": ["10.2", "4.7"],
        "extra": "1.3",
        "strategic": ["UMC-SKL-BASIC"],
        "kinds": ["training", "programme", "publication"],
        "scopes": ["national", "regional", "global"],
        "beneficiaries": ["older_persons"],
        "priority": "inclusive_secure_icts",
        "texts": {
            "en": _t("Digital inclusion of older persons in {place}",
                     "Ageing in a digital world: guidelines for the digital inclusion of older persons",
                     "Programme that helps older persons use online public services, stay in touch with family "
                     "and avoid online fraud.",
                     "Volunteers from youth organisations are trained as digital companions and run weekly "
                     "sessions in community centres and libraries. The activity also reviews how well public "
                     "digital services suit older users and proposes practical improvements to service "
                     "providers."),
            "fr": _t("Inclusion numérique des personnes âgées – {place}",
                     "Vieillir dans un monde numérique : lignes directrices pour l'inclusion numérique des "
                     "personnes âgées",
                     "Programme qui aide les personnes âgées à utiliser les services publics en ligne, à rester "
                     "en contact avec leur famille et à se prémunir contre la fraude en ligne.",
                     "Des bénévoles issus d'organisations de jeunesse sont formés pour devenir des "
                     "accompagnateurs numériques et animent des séances hebdomadaires dans des centres "
                     "communautaires et des bibliothèques. L'activité évalue aussi l'adaptation des services "
                     "publics numériques aux aînés et propose des améliorations concrètes aux prestataires."),
            "es": _t("Inclusión digital de las personas mayores en {place}",
                     "Envejecer en un mundo digital: directrices para la inclusión digital de las personas "
                     "mayores",
                     "Programa que ayuda a las personas mayores a utilizar los servicios públicos en línea, "
                     "mantenerse en contacto con su familia y evitar el fraude en línea.",
                     "Voluntarios de organizaciones juveniles se forman como acompañantes digitales e imparten "
                     "sesiones semanales en centros comunitarios y bibliotecas. La actividad también examina la "
                     "adecuación de los servicios públicos digitales a las personas mayores y propone mejoras "
                     "prácticas a los proveedores."),
            "ru": _t("Цифровая интеграция пожилых людей — {place}",
                     "Старение в цифровом мире: руководящие принципы цифровой интеграции пожилых людей",
                     "Программа, помогающая пожилым людям пользоваться государственными онлайн-услугами, "
                     "поддерживать связь с семьей и защищаться от интернет-мошенничества.",
                     "Волонтеры молодежных организаций проходят подготовку в качестве цифровых помощников и "
                     "проводят еженедельные занятия в общественных центрах и библиотеках. В рамках мероприятия "
                     "также оценивается удобство государственных цифровых услуг для пожилых людей и "
                     "предлагаются практические улучшения поставщикам услуг."),
            "ar": _t("الإدماج الرقمي لكبار السن في {place}",
                     "التقدم في السن في عالم رقمي: مبادئ توجيهية للإدماج الرقمي لكبار السن",
                     "برنامج يساعد كبار السن على استخدام الخدمات العامة عبر الإنترنت والبقاء على تواصل مع أسرهم "
                     "وتجنب الاحتيال الإلكتروني.",
                     "يُدرَّب متطوعون من منظمات الشباب ليكونوا مرافقين رقميين، وينظمون جلسات أسبوعية في المراكز "
                     "المجتمعية والمكتبات. ويراجع النشاط أيضاً مدى ملاءمة الخدمات الرقمية العامة لكبار السن ويقترح "
                     "تحسينات عملية على مقدمي الخدمات."),
            "zh-hans": _t("{place}老年人数字包容项目", "数字世界中的老龄化：老年人数字包容指南",
                          "帮助老年人使用在线公共服务、与家人保持联系并防范网络诈骗的项目。",
                          "青年组织的志愿者经过培训成为“数字伙伴”，每周在社区中心和图书馆开展辅导。"
                          "该活动还评估公共数字服务的适老化程度，并向服务提供方提出切实可行的改进建议。"),
        },
    },
    {
        "key": "cultural-heritage-digitization",
        "lines": ["C8", "C3"],
        "sdg": ["11.4", "8.9"],
        "extra": "16.10",
        "strategic": [],
        "kinds": ["project", "platform"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["indigenous_peoples", "youth"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("Digitization of cultural heritage and local-language content in {place}", None,
                     "Digitization of archives, oral traditions and museum collections, published online with "
                     "content in local languages.",
                     "Archivists and community members are trained to digitize, describe and preserve materials "
                     "according to international standards. Indigenous communities decide how their knowledge "
                     "is shared, and the collections are made available through an open online portal."),
            "fr": _t("Numérisation du patrimoine culturel et des contenus en langues locales – {place}", None,
                     "Numérisation d'archives, de traditions orales et de collections muséales, publiées en "
                     "ligne avec des contenus en langues locales.",
                     "Des archivistes et des membres des communautés sont formés à la numérisation, à la "
                     "description et à la conservation des documents selon les normes internationales. Les "
                     "communautés autochtones décident de la manière dont leurs savoirs sont partagés, et les "
                     "collections sont mises à disposition sur un portail en ligne ouvert."),
            "es": _t("Digitalización del patrimonio cultural y de contenidos en lenguas locales en {place}", None,
                     "Digitalización de archivos, tradiciones orales y colecciones de museos, publicados en "
                     "línea con contenidos en lenguas locales.",
                     "Archivistas y miembros de las comunidades se capacitan para digitalizar, describir y "
                     "conservar materiales conforme a normas internacionales. Los pueblos indígenas deciden "
                     "cómo se comparten sus conocimientos, y las colecciones se ponen a disposición en un portal "
                     "abierto en línea."),
            "ru": _t("Оцифровка культурного наследия и контента на местных языках — {place}", None,
                     "Оцифровка архивов, устных традиций и музейных коллекций с размещением в интернете "
                     "материалов на местных языках.",
                     "Архивисты и представители общин обучаются оцифровке, описанию и сохранению материалов в "
                     "соответствии с международными стандартами. Коренные народы сами решают, как "
                     "распространять свои знания, а коллекции становятся доступны через открытый онлайновый "
                     "портал."),
            "ar": _t("رقمنة التراث الثقافي والمحتوى باللغات المحلية في {place}", None,
                     "رقمنة المحفوظات والتقاليد الشفهية ومجموعات المتاحف ونشرها على الإنترنت مع محتوى باللغات "
                     "المحلية.",
                     "يُدرَّب أمناء المحفوظات وأفراد المجتمعات المحلية على رقمنة المواد ووصفها وصونها وفقاً للمعايير "
                     "الدولية. وتقرر مجتمعات الشعوب الأصلية طريقة تقاسم معارفها، وتُتاح المجموعات عبر بوابة مفتوحة "
                     "على الإنترنت."),
            "zh-hans": _t("{place}文化遗产和本地语言内容数字化", None,
                          "将档案、口述传统和博物馆藏品数字化，并以本地语言内容在线发布。",
                          "档案管理人员和社区成员接受培训，按照国际标准对资料进行数字化、著录和保存。"
                          "原住民社区自主决定其知识的共享方式，相关藏品通过开放的在线门户提供。"),
        },
    },
    {
        "key": "teacher-ict-competencies",
        "lines": ["C7.e-learning", "C4"],
        "sdg": ["4.4", "4.7"],
        "extra": "8.6",
        "strategic": ["UMC-SKL-INTERMEDIATE"],
        "kinds": ["training", "programme"],
        "scopes": ["national", "regional", "global"],
        "beneficiaries": ["youth", "rural_remote"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("ICT competency training for teachers in {place}", "Online course on ICT competencies for teachers",
                     "Blended training that helps primary and secondary teachers use digital tools and open "
                     "educational resources in the classroom.",
                     "The course follows the UNESCO ICT Competency Framework for Teachers and combines online "
                     "modules with school-based coaching. Teachers who complete it receive a certificate "
                     "recognised by the ministry of education."),
            "fr": _t("Formation des enseignants aux compétences en TIC – {place}",
                     "Cours en ligne sur les compétences en TIC pour les enseignants",
                     "Formation hybride qui aide les enseignants du primaire et du secondaire à utiliser les "
                     "outils numériques et les ressources éducatives libres en classe.",
                     "Le cours suit le Référentiel UNESCO de compétences TIC pour les enseignants et associe des "
                     "modules en ligne à un accompagnement dans les établissements. Les enseignants qui le "
                     "terminent reçoivent un certificat reconnu par le ministère de l'éducation."),
            "es": _t("Capacitación docente en competencias TIC en {place}",
                     "Curso en línea sobre competencias TIC para docentes",
                     "Formación combinada que ayuda a docentes de primaria y secundaria a utilizar herramientas "
                     "digitales y recursos educativos abiertos en el aula.",
                     "El curso sigue el Marco de competencias de los docentes en materia de TIC de la UNESCO y "
                     "combina módulos en línea con acompañamiento en las escuelas. Quienes lo completan reciben "
                     "un certificado reconocido por el ministerio de educación."),
            "ru": _t("Обучение учителей компетенциям в области ИКТ — {place}",
                     "Онлайновый курс по ИКТ-компетенциям учителей",
                     "Смешанное обучение, помогающее учителям начальной и средней школы использовать цифровые "
                     "инструменты и открытые образовательные ресурсы на уроках.",
                     "Курс основан на Структуре ИКТ-компетентности учителей ЮНЕСКО и сочетает онлайновые модули "
                     "с наставничеством в школах. Учителя, завершившие курс, получают сертификат, признаваемый "
                     "министерством образования."),
            "ar": _t("تدريب المعلمين على كفاءات تكنولوجيا المعلومات والاتصالات في {place}",
                     "دورة إلكترونية بشأن كفاءات تكنولوجيا المعلومات والاتصالات للمعلمين",
                     "تدريب مدمج يساعد معلمي المرحلتين الابتدائية والثانوية على استخدام الأدوات الرقمية والموارد "
                     "التعليمية المفتوحة في الفصول الدراسية.",
                     "تتبع الدورة إطار اليونسكو لكفاءات المعلمين في مجال تكنولوجيا المعلومات والاتصالات، وتجمع بين "
                     "وحدات إلكترونية وتوجيه داخل المدارس. ويحصل المعلمون الذين يتمّونها على شهادة تعترف بها وزارة "
                     "التربية والتعليم."),
            "zh-hans": _t("{place}教师信息通信技术能力培训", "教师信息通信技术能力在线课程",
                          "混合式培训帮助中小学教师在课堂上使用数字工具和开放教育资源。",
                          "课程以联合国教科文组织《教师信息通信技术能力框架》为基础，将在线模块与校内辅导相结合。"
                          "完成课程的教师将获得教育部认可的证书。"),
        },
    },
    {
        "key": "youth-job-matching",
        "lines": ["C7.e-employment", "C4"],
        "sdg": ["8.5", "4.5", "10.2"],
        "extra": "8.6",
        "strategic": [],
        "kinds": ["platform", "project"],
        "scopes": ["national", "regional"],
        "beneficiaries": ["youth", "persons_disabilities"],
        "priority": "digital_transformation",
        "texts": {
            "en": _t("Online job-matching platform for young people in {place}", None,
                     "Platform that connects young jobseekers with employers and with short online courses on "
                     "in-demand digital skills.",
                     "The platform is built with the public employment service and integrates vacancies from "
                     "private job boards. Its interface meets accessibility standards so that jobseekers with "
                     "disabilities can use it with screen readers."),
            "fr": _t("Plateforme en ligne de mise en relation des jeunes avec l'emploi – {place}", None,
                     "Plateforme qui met en relation les jeunes demandeurs d'emploi avec des employeurs et avec "
                     "de courtes formations en ligne sur les compétences numériques recherchées.",
                     "La plateforme est développée avec le service public de l'emploi et intègre les offres de "
                     "sites d'emploi privés. Son interface respecte les normes d'accessibilité afin que les "
                     "demandeurs d'emploi handicapés puissent l'utiliser avec un lecteur d'écran."),
            "es": _t("Plataforma en línea de intermediación laboral para jóvenes en {place}", None,
                     "Plataforma que conecta a jóvenes que buscan empleo con empleadores y con cursos breves en "
                     "línea sobre competencias digitales demandadas.",
                     "La plataforma se desarrolla con el servicio público de empleo e integra vacantes de "
                     "bolsas de trabajo privadas. Su interfaz cumple las normas de accesibilidad para que las "
                     "personas con discapacidad puedan usarla con lectores de pantalla."),
            "ru": _t("Онлайновая платформа подбора вакансий для молодежи — {place}", None,
                     "Платформа, связывающая молодых соискателей с работодателями и с короткими онлайн-курсами "
                     "по востребованным цифровым навыкам.",
                     "Платформа создается совместно с государственной службой занятости и объединяет вакансии с "
                     "частных сайтов по трудоустройству. Ее интерфейс соответствует стандартам доступности, "
                     "чтобы соискатели с инвалидностью могли пользоваться ею с помощью программ экранного "
                     "доступа."),
            "ar": _t("منصة إلكترونية لمواءمة الشباب مع فرص العمل في {place}", None,
                     "منصة تربط الشباب الباحثين عن عمل بأصحاب العمل وبدورات قصيرة عبر الإنترنت في المهارات الرقمية "
                     "المطلوبة.",
                     "تُطوَّر المنصة بالتعاون مع دائرة التوظيف العامة وتدمج الوظائف الشاغرة من مواقع التوظيف الخاصة. "
                     "وتستوفي واجهتها معايير الإتاحة حتى يتمكن الباحثون عن عمل من ذوي الإعاقة من استخدامها بواسطة "
                     "برامج قراءة الشاشة."),
            "zh-hans": _t("{place}青年就业在线匹配平台", None,
                          "平台将青年求职者与雇主对接，并提供热门数字技能的在线短期课程。",
                          "平台与公共就业服务机构共同建设，并整合私营招聘网站的职位信息。"
                          "其界面符合无障碍标准，残疾求职者可借助读屏软件使用。"),
        },
    },
    {
        "key": "cyber-drill",
        "lines": ["C5", "C4"],
        "sdg": ["9.c", "17.8"],
        "extra": "16.4",
        "strategic": ["C2030-3.1"],
        "kinds": ["event", "training"],
        "scopes": ["regional", "inter_regional", "global"],
        "beneficiaries": [],
        "priority": "inclusive_secure_icts",
        "texts": {
            "en": _t("Cyber drill for national CIRTs in {place}", "Global cyber drill for national CIRTs",
                     "Simulated cyberattack scenarios that test the coordination of national computer incident "
                     "response teams.",
                     "Teams handle realistic incidents such as ransomware against hospitals, attacks on "
                     "financial services and defacement of government websites. The drill ends with a session "
                     "on cross-border information sharing and on lessons for national cybersecurity "
                     "strategies."),
            "fr": _t("Cyberexercice pour les CIRT nationales – {place}", "Cyberexercice mondial pour les CIRT nationales",
                     "Scénarios de cyberattaques simulées visant à tester la coordination des équipes nationales "
                     "d'intervention en cas d'incident informatique.",
                     "Les équipes traitent des incidents réalistes tels qu'un rançongiciel visant des hôpitaux, "
                     "des attaques contre des services financiers ou la défiguration de sites web "
                     "gouvernementaux. L'exercice se termine par une séance consacrée à l'échange "
                     "d'informations transfrontalier et aux enseignements pour les stratégies nationales de "
                     "cybersécurité."),
            "es": _t("Ciberejercicio para los CIRT nacionales en {place}", "Ciberejercicio mundial para los CIRT nacionales",
                     "Escenarios de ciberataques simulados que ponen a prueba la coordinación de los equipos "
                     "nacionales de respuesta a incidentes informáticos.",
                     "Los equipos gestionan incidentes realistas, como un ataque de ransomware contra hospitales, "
                     "ataques a servicios financieros y la desfiguración de sitios web gubernamentales. El "
                     "ejercicio concluye con una sesión sobre el intercambio transfronterizo de información y "
                     "las lecciones para las estrategias nacionales de ciberseguridad."),
            "ru": _t("Киберучения для национальных групп CIRT — {place}", "Глобальные киберучения для национальных групп CIRT",
                     "Моделирование сценариев кибератак для проверки взаимодействия национальных групп "
                     "реагирования на компьютерные инциденты.",
                     "Группы отрабатывают реалистичные инциденты, такие как атака программ-вымогателей на "
                     "больницы, атаки на финансовые услуги и взлом правительственных веб-сайтов. Учения "
                     "завершаются обсуждением трансграничного обмена информацией и выводов для национальных "
                     "стратегий кибербезопасности."),
            "ar": _t("تمرين في مجال الأمن السيبراني لأفرقة الاستجابة للحوادث الحاسوبية الوطنية في {place}",
                     "تمرين عالمي في مجال الأمن السيبراني لأفرقة الاستجابة للحوادث الحاسوبية الوطنية",
                     "سيناريوهات محاكاة لهجمات سيبرانية تختبر التنسيق بين الأفرقة الوطنية للاستجابة للحوادث "
                     "الحاسوبية.",
                     "تتعامل الأفرقة مع حوادث واقعية مثل هجمات برمجيات الفدية على المستشفيات والهجمات على الخدمات "
                     "المالية وتشويه المواقع الإلكترونية الحكومية. ويُختتم التمرين بجلسة بشأن تبادل المعلومات عبر "
                     "الحدود والدروس المستفادة للاستراتيجيات الوطنية للأمن السيبراني."),
            "zh-hans": _t("{place}CIRT网络安全演习", "面向国家计算机事件响应小组（CIRT）的全球网络安全演习",
                          "通过模拟网络攻击场景，检验各国计算机事件响应小组之间的协调能力。",
                          "各小组处置针对医院的勒索软件攻击、针对金融服务的攻击以及政府网站被篡改等真实场景事件。"
                          "演习最后将专门讨论跨境信息共享以及对国家网络安全战略的启示。"),
        },
    },
]


def _current(members) -> list[str]:
    return sorted(iso3 for iso3, _start, end in members if end is None or end > "2026-12-31")


_DEVELOPMENT_GROUPS = {"LDC": _current(LDC), "LLDC": _current(LLDC), "SIDS": _current(SIDS_UN_MEMBERS)}
_REGION_ECONOMIES = {
    code: [iso3 for iso3 in members if iso3 not in _NEVER_PICKED] for code, members in ITU_REGION_MEMBERS.items()
}


@cache
def _territories(lang: str) -> dict:
    return Locale.parse(_BABEL_LOCALES[lang]).territories


def country_name(iso3: str, lang: str) -> str:
    """The economy's short name in one of the six languages, as it stands alone."""
    override = _NAME_OVERRIDES.get(lang, {}).get(iso3)
    if override:
        return override
    alpha2 = pycountry.countries.get(alpha_3=iso3).alpha_2
    return _territories(lang).get(alpha2, iso3)


def _place(lang: str, scope: str, regions: list[str], economies: list[str]) -> str:
    if scope == "national":
        name = country_name(economies[0], lang)
        if lang == "en" and economies[0] in _ENGLISH_ARTICLE:
            name = "the " + name
        return name
    names = [_REGION_NAMES[lang][code] for code in regions]
    return _AND[lang].join(names)


def _join(lang: str, sentences: list[str]) -> str:
    return ("" if lang == "zh-hans" else " ").join(sentences)


def _texts(tpl, lang, scope, regions, economies, suffix, summary_extra, description_extra):
    text = tpl["texts"][lang]
    if scope == "global":
        title = text["title_global"]
    else:
        title = text["title"].format(place=_place(lang, scope, regions, economies))
    summary = [text["summary"]] + [_SUMMARY_EXTRA[lang][k] for k in summary_extra]
    description = [text["description"]] + [_DESCRIPTION_EXTRA[lang][k] for k in description_extra]
    return {"title": title + _suffix(lang, suffix), "summary": _join(lang, summary),
            "description": _join(lang, description)}


_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _suffix(lang: str, suffix) -> str:
    # Titles repeat when a template meets the same place twice; real registries tell such entries
    # apart by year and phase, so the demo does too.
    if suffix is None:
        return ""
    year, phase = suffix
    if lang == "zh-hans":
        return f"（{year}年）" if phase is None else f"（{year}年，第{phase}期）"
    if phase is None:
        return f" ({year})"
    word = {"en": "phase", "fr": "phase", "es": "fase", "ru": "этап", "ar": "المرحلة"}[lang]
    number = str(phase) if lang == "ar" else _ROMAN[min(phase, 10)]
    return f" ({year}, {word} {number})"


def _language_sequence(n: int, rng: random.Random) -> list[str]:
    total = sum(_LANGUAGE_SHARES.values())
    exact = {lang: n * share / total for lang, share in _LANGUAGE_SHARES.items()}
    counts = {lang: int(value) for lang, value in exact.items()}
    by_remainder = sorted(exact, key=lambda lang: (-(exact[lang] - counts[lang]), lang))
    for lang in by_remainder[: n - sum(counts.values())]:
        counts[lang] += 1
    sequence = [lang for lang in _LANGUAGE_SHARES for _ in range(counts[lang])]
    rng.shuffle(sequence)
    return sequence


def _weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _pick_region(rng, lang):
    return _weighted(rng, _LANGUAGE_REGIONS[lang])


def _national_economy(rng, lang, region):
    if region == "AFR" and lang == "en" and rng.random() < 0.3:
        return "KEN"
    if region == "ASP" and lang in ("en", "zh-hans") and rng.random() < 0.15:
        return "NPL"
    preferred = _PREFERRED.get((lang, region))
    if preferred and rng.random() < 0.8:
        return rng.choice(preferred)
    return rng.choice(_REGION_ECONOMIES[region])


def _regional_economies(rng, lang, region):
    k = rng.randint(2, 6)
    pool = _REGION_ECONOMIES[region]
    if rng.random() < 0.35:
        candidates = [g for g, members in _DEVELOPMENT_GROUPS.items()
                      if len(set(members) & set(pool)) >= 3]
        if candidates:
            group = rng.choice(candidates)
            pool = [iso3 for iso3 in pool if iso3 in _DEVELOPMENT_GROUPS[group]]
    else:
        preferred = _PREFERRED.get((lang, region))
        if preferred and len(preferred) >= k and rng.random() < 0.7:
            pool = preferred
    return sorted(rng.sample(pool, min(k, len(pool))))


def _matrix_targets(lines) -> set[str]:
    return {target for line in lines for target in MATRIX[line]["targets"]}


def _dev_groups(economies):
    return [g for g, members in _DEVELOPMENT_GROUPS.items() if set(economies) <= set(members)]


def _org(name_kind, role=None):
    name, kind = name_kind
    org = {"name": name, "identifier": "", "kind": kind}
    if role is not None:
        org["role"] = role
    return org


def _lead(rng, tpl, scope, regions, economies):
    satellite = tpl["key"] == "satellite-remote-communities"
    roll = rng.random()
    if scope == "global":
        if satellite and roll < 0.4:
            return _SATELLITE
        if roll < 0.8:
            return _BDT
        return _UNIVERSITY if roll < 0.92 else _SATELLITE
    if scope == "national" and economies[0] in _MINISTRIES and roll < 0.75:
        return _MINISTRIES[economies[0]]
    if satellite and roll < 0.35:
        return _SATELLITE
    if scope == "inter_regional":
        if roll < 0.55:
            return _REGIONAL_OFFICES[regions[0]]
        return _BDT if roll < 0.9 else _UNIVERSITY
    if roll < 0.9:
        return _REGIONAL_OFFICES[regions[0]]
    return _UNIVERSITY if roll < 0.96 else _SATELLITE


def _partners(rng, tpl, kind, scope, regions, economies, lead):
    partners = []

    def add(name_kind, role):
        if name_kind != lead and all(p["name"] != name_kind[0] for p in partners):
            partners.append(_org(name_kind, role))

    if scope == "national" and economies[0] in _MINISTRIES:
        ministry = _MINISTRIES[economies[0]]
        if lead == ministry:
            add(_REGIONAL_OFFICES[regions[0]], "implementing")
        else:
            add(ministry, "beneficiary")
    wanted = rng.randint(1, 3) if kind in PARTNERSHIP_KINDS else rng.choice([0, 0, 1, 2])
    pool = [(nk, "implementing") for nk in (_BDT, _SATELLITE, _UNIVERSITY)]
    pool += [(_REGIONAL_OFFICES[r], "implementing") for r in regions]
    for name in _GENERAL_PARTNERS + _TOPIC_PARTNERS.get(tpl["key"], []):
        org_kind, role = _OTHER_PARTNERS[name]
        pool.append(((name, org_kind), role))
    attempts = 0
    while len(partners) < wanted and attempts < 20:
        attempts += 1
        name_kind, role = rng.choice(pool)
        if name_kind == _BDT and rng.random() < 0.5:
            role = "funding"
        add(name_kind, role)
    return partners


def _date(rng, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _dates(rng, kind, status):
    shortest, longest = _DURATIONS[kind]
    days = rng.randint(shortest, longest)
    if status == "completed":
        end = _date(rng, min(_FIRST_DAY + dt.timedelta(days=days), _COMPLETED_BY), _COMPLETED_BY)
        start = max(_FIRST_DAY, end - dt.timedelta(days=days))
    elif status == "ongoing":
        start = _date(rng, _FIRST_DAY, _COMPLETED_BY)
        end = start + dt.timedelta(days=days)
        if end < _ONGOING_UNTIL:
            end = _date(rng, _ONGOING_UNTIL, _LAST_DAY)
        open_ended = 0.5 if kind == "platform" else 0.15
        if end > _LAST_DAY or rng.random() < open_ended:
            end = None
    elif status == "planned":
        start = _date(rng, _PLANNED_FROM, dt.date(2027, 10, 31))
        end = start + dt.timedelta(days=days)
        if end > _LAST_DAY:
            end = _LAST_DAY if rng.random() < 0.5 else None
    else:
        start = _date(rng, _FIRST_DAY, dt.date(2027, 6, 30))
        end = None if rng.random() < 0.4 else min(start + dt.timedelta(days=days), _LAST_DAY)
    return start.isoformat(), end.isoformat() if end else None


def _budget(rng, kind, regions):
    if rng.random() >= 0.7:
        return None, ""
    low, high = _BUDGETS[kind]
    thousands = rng.randint(low, high)
    if thousands > 100:
        thousands = round(thousands / 5) * 5
    if regions and regions[0] == "EUR":
        currency = _weighted(rng, {"EUR": 50, "CHF": 20, "USD": 30})
    else:
        currency = _weighted(rng, {"USD": 65, "CHF": 25, "EUR": 10})
    return f"{thousands * 1000}.00", currency


def _contact(rng, regions):
    region = regions[0] if regions else rng.choice(sorted(_CONTACTS))
    name = rng.choice(_CONTACTS[region])
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    parts = ascii_name.split()
    return name, f"{parts[0]}.{parts[-1]}@example.org"


def _second_language(lang, regions):
    if lang != "en":
        return "en"
    region = regions[0] if regions else "EUR"
    return {"AMS": "es", "CIS": "ru", "ASP": "zh-hans", "ARB": "ar"}.get(region, "fr")


def demo_activities(n: int = 320, seed: int = 30) -> list[dict]:
    """n plausible activities in the ActivityData shape; the same list for the same arguments."""
    rng = random.Random(seed)
    languages = _language_sequence(n, rng)
    decks = {lang: [] for lang in _LANGUAGE_SHARES}
    seen_titles = set()
    priorities = list(PRIORITIES)
    beneficiary_codes = list(BENEFICIARIES)
    activities = []
    for i, lang in enumerate(languages, start=1):
        # Drawing templates from a shuffled deck per language gives every language the whole range
        # of topics before any topic repeats.
        deck = decks[lang]
        if not deck:
            deck.extend(rng.sample(range(len(_TEMPLATES)), len(_TEMPLATES)))
        tpl = _TEMPLATES[deck.pop()]

        scope = _weighted(rng, {s: _SCOPE_WEIGHTS[s] for s in tpl["scopes"]})
        kinds = [k for k in tpl["kinds"]
                 if k != "regional_initiative" or scope in ("regional", "inter_regional")]
        if "regional_initiative" in kinds and rng.random() < 0.4:
            kind = "regional_initiative"
        else:
            kind = kinds[0] if rng.random() < 0.55 else rng.choice(kinds)

        regions, economies, groups = [], [], []
        if scope == "national":
            regions = [_pick_region(rng, lang)]
            economies = [_national_economy(rng, lang, regions[0])]
        elif scope == "regional":
            regions = [_pick_region(rng, lang)]
            economies = _regional_economies(rng, lang, regions[0])
            groups = regions + _dev_groups(economies)
        elif scope == "inter_regional":
            first = _pick_region(rng, lang)
            second = rng.choice([r for r in sorted(_REGION_ECONOMIES) if r != first])
            regions = [first, second]
            for region in regions:
                economies += rng.sample(_REGION_ECONOMIES[region], rng.randint(1, 3))
            economies = sorted(economies)
            groups = list(regions)

        short = kind in ("event", "training")
        status = _weighted(rng, _SHORT_STATUS_WEIGHTS if short else _STATUS_WEIGHTS)
        start_date, end_date = _dates(rng, kind, status)

        # The matrix stays the authority: a template target it does not link is never offered as linked.
        linked = _matrix_targets(tpl["lines"])
        offered = [t for t in tpl["sdg"] if t in linked]
        chosen = set(rng.sample(offered, rng.randint(1, len(offered)))) if offered else set()
        sdg_targets = [t for t in offered if t in chosen]
        justification = ""
        if rng.random() < 0.1 and tpl["extra"] not in linked:
            sdg_targets.append(tpl["extra"])
            justification = _JUSTIFICATION[lang].format(t=tpl["extra"])

        strategic = []
        if tpl["strategic"] and rng.random() < 0.6:
            chosen = set(rng.sample(tpl["strategic"], rng.randint(1, len(tpl["strategic"]))))
            strategic = [code for code in tpl["strategic"] if code in chosen]

        beneficiaries = set(tpl["beneficiaries"])
        if rng.random() < 0.2:
            beneficiaries.add(rng.choice(beneficiary_codes))
        beneficiaries = [code for code in beneficiary_codes if code in beneficiaries]

        priority = tpl["priority"] if rng.random() < 0.85 else rng.choice(priorities)

        lead = _lead(rng, tpl, scope, regions, economies)
        partners = _partners(rng, tpl, kind, scope, regions, economies, lead)

        summary_extra = [rng.randrange(2)] if rng.random() < 0.3 else []
        description_extra = sorted(rng.sample(range(5), rng.choice([0, 1, 1, 2])))
        translated = rng.random() < 0.25

        suffix = None
        title = _texts(tpl, lang, scope, regions, economies, None, [], [])["title"]
        year = start_date[:4]
        phase = None
        while (lang, title + _suffix(lang, suffix)) in seen_titles:
            suffix = (year, phase)
            phase = 2 if phase is None else phase + 1
        seen_titles.add((lang, title + _suffix(lang, suffix)))

        texts = {lang: _texts(tpl, lang, scope, regions, economies, suffix, summary_extra, description_extra)}
        if translated:
            other = _second_language(lang, regions)
            texts[other] = _texts(tpl, other, scope, regions, economies, suffix, summary_extra,
                                  description_extra)

        budget_amount, budget_currency = _budget(rng, kind, regions)
        links = [f"https://example.org/demo/{tpl['key']}/{i:04d}"] if rng.random() < 0.45 else []
        contact_name, contact_email = _contact(rng, regions)

        activities.append({
            "external_id": f"DEMO-{i:04d}",
            "kind": kind,
            "original_language": lang,
            "texts": texts,
            "lead_organisation": _org(lead),
            "partners": partners,
            "scope": scope,
            "economies": economies,
            "groups": groups,
            "action_lines": list(tpl["lines"]),
            "sdg_targets": sdg_targets,
            "matrix_justification": justification,
            "strategic_targets": strategic,
            "priority": priority,
            "status": status,
            "start_date": start_date,
            "end_date": end_date,
            "beneficiary_groups": beneficiaries,
            "budget_amount": budget_amount,
            "budget_currency": budget_currency,
            "links": links,
            "contact_name": contact_name,
            "contact_email": contact_email,
        })
    return activities
