"""Demo operational plan: dates and reported values are placed relative to today so that, whenever the demo is
loaded, the plan shows every status (done, on track, at risk, off track, late, no data), every update state,
a locked period with a correction, overdue items and reminders. Built through the services, so it is audited."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from wsis.accounts.models import User
from wsis.planning import services
from wsis.planning.models import Kpi, Output, Plan, ProgressUpdate
from wsis.planning.reminders import reminders_send

CODE = "itu-d-op-demo"

# Texts of the demo plan; English is the fallback for any language missing here.
TEXTS: dict[str, dict[str, str]] = {
    "plan": {
        "en": "ITU-D operational plan (demo)",
        "fr": "Plan opérationnel de l'UIT-D (démo)",
        "es": "Plan Operacional del UIT-D (demo)",
        "ru": "Оперативный план МСЭ-D (демо)",
        "ar": "الخطة التشغيلية لقطاع تنمية الاتصالات (تجريبي)",
        "zh-hans": "国际电联电信发展部门运作规划（演示）",
    },
    "O1": {
        "en": "Affordable and universal connectivity",
        "fr": "Connectivité universelle et abordable",
        "es": "Conectividad universal y asequible",
        "ru": "Всеобщее и доступное в ценовом отношении подключение",
        "ar": "التوصيلية الشاملة والميسورة التكلفة",
        "zh-hans": "普遍和可负担的连通",
    },
    "O2": {
        "en": "Digital transformation and skills",
        "fr": "Transformation numérique et compétences numériques",
        "es": "Transformación digital y competencias digitales",
        "ru": "Цифровая трансформация и цифровые навыки",
        "ar": "التحول الرقمي والمهارات الرقمية",
        "zh-hans": "数字化转型和数字技能",
    },
    "O3": {
        "en": "Enabling policy and regulatory environment",
        "fr": "Environnement politique et réglementaire propice",
        "es": "Entorno normativo y reglamentario propicio",
        "ru": "Благоприятная политическая и регуляторная среда",
        "ar": "بيئة سياساتية وتنظيمية تمكينية",
        "zh-hans": "有利的政策和监管环境",
    },
    "O4": {
        "en": "Resource mobilisation and international cooperation",
        "fr": "Mobilisation de ressources et coopération internationale",
        "es": "Movilización de recursos y cooperación internacional",
        "ru": "Мобилизация ресурсов и международное сотрудничество",
        "ar": "تعبئة الموارد والتعاون الدولي",
        "zh-hans": "资源调动和国际合作",
    },
    "O1.1": {
        "en": "Broadband mapping toolkit adopted by member states",
        "fr": "Boîte à outils de cartographie du large bande adoptée par les États Membres",
        "es": "Conjunto de herramientas de cartografía de la banda ancha adoptado por los Estados Miembros",
        "ru": "Набор инструментов для картирования широкополосной связи, принятый Государствами-Членами",
        "ar": "اعتماد الدول الأعضاء لمجموعة أدوات رسم خرائط النطاق العريض",
        "zh-hans": "成员国采用宽带测绘工具包",
    },
    "O1.2": {
        "en": "Rural connectivity sites in Africa",
        "fr": "Sites de connectivité rurale en Afrique",
        "es": "Emplazamientos de conectividad rural en África",
        "ru": "Объекты подключения в сельских районах Африки",
        "ar": "مواقع التوصيل الريفي في أفريقيا",
        "zh-hans": "非洲农村连通站点",
    },
    "O1.3": {
        "en": "Affordable entry-level broadband in Asia-Pacific LDCs",
        "fr": "Large bande d'entrée de gamme abordable dans les PMA de la région Asie-Pacifique",
        "es": "Banda ancha básica asequible en los PMA de Asia-Pacífico",
        "ru": (
            "Доступная в ценовом отношении широкополосная связь начального "
            "уровня в НРС Азиатско-Тихоокеанского региона"
        ),
        "ar": "نطاق عريض أساسي ميسور التكلفة في أقل البلدان نمواً في منطقة آسيا والمحيط الهادئ",
        "zh-hans": "亚太地区最不发达国家可负担的入门级宽带",
    },
    "O2.1": {
        "en": "Digital skills training programme, led from the Americas",
        "fr": "Programme de formation aux compétences numériques, piloté depuis la région des Amériques",
        "es": "Programa de formación en competencias digitales, dirigido desde la región de las Américas",
        "ru": "Программа обучения цифровым навыкам под руководством Американского региона",
        "ar": "برنامج تدريب على المهارات الرقمية بقيادة منطقة الأمريكتين",
        "zh-hans": "由美洲区域牵头的数字技能培训计划",
    },
    "O2.2": {
        "en": "Online government services in the Arab States",
        "fr": "Services publics en ligne dans les États arabes",
        "es": "Servicios gubernamentales en línea en los Estados Árabes",
        "ru": "Государственные онлайновые услуги в арабских государствах",
        "ar": "الخدمات الحكومية الإلكترونية في الدول العربية",
        "zh-hans": "阿拉伯国家的在线政府服务",
    },
    "O3.1": {
        "en": "Regulatory reviews in Europe",
        "fr": "Examens réglementaires en Europe",
        "es": "Exámenes reglamentarios en Europa",
        "ru": "Обзоры регуляторной деятельности в Европе",
        "ar": "مراجعات تنظيمية في أوروبا",
        "zh-hans": "欧洲的监管审查",
    },
    "O3.2": {
        "en": "Spectrum management assistance in the CIS region",
        "fr": "Assistance en matière de gestion du spectre dans la région de la CEI",
        "es": "Asistencia en materia de gestión del espectro en la región de la CEI",
        "ru": "Помощь в области управления использованием спектра в регионе СНГ",
        "ar": "المساعدة في إدارة الطيف في منطقة كومنولث الدول المستقلة",
        "zh-hans": "独联体区域频谱管理援助",
    },
    "O4.1": {
        "en": "Partnerships for connectivity projects",
        "fr": "Partenariats pour des projets de connectivité",
        "es": "Asociaciones para proyectos de conectividad",
        "ru": "Партнерства для проектов в области подключения",
        "ar": "شراكات من أجل مشاريع التوصيل",
        "zh-hans": "连通项目伙伴关系",
    },
    "O4.2": {
        "en": "Regional WSIS stocktaking reports",
        "fr": "Rapports régionaux de l'inventaire du SMSI",
        "es": "Informes regionales del inventario de la CMSI",
        "ru": "Региональные отчеты по инвентаризации ВВУИО",
        "ar": "تقارير إقليمية لحصر أنشطة القمة العالمية لمجتمع المعلومات",
        "zh-hans": "信息社会世界峰会区域盘点报告",
    },
    "k.toolkit": {
        "en": "Economies using the mapping toolkit",
        "fr": "Économies utilisant la boîte à outils de cartographie",
        "es": "Economías que utilizan el conjunto de herramientas de cartografía",
        "ru": "Экономики, использующие набор инструментов для картирования",
        "ar": "الاقتصادات التي تستخدم مجموعة أدوات رسم الخرائط",
        "zh-hans": "使用测绘工具包的经济体",
    },
    "k.sites": {
        "en": "Rural sites connected",
        "fr": "Sites ruraux connectés",
        "es": "Emplazamientos rurales conectados",
        "ru": "Подключенные объекты в сельских районах",
        "ar": "المواقع الريفية الموصولة",
        "zh-hans": "已连通的农村站点",
    },
    "k.ldc_internet": {"en": "Individuals using the Internet in the least developed countries",
                       "fr": "Personnes utilisant l'Internet dans les pays les moins avancés",
                       "es": "Personas que utilizan Internet en los países menos adelantados",
                       "ru": "Лица, пользующиеся Интернетом, в наименее развитых странах",
                       "ar": "الأفراد الذين يستعملون الإنترنت في أقل البلدان نمواً",
                       "zh-hans": "最不发达国家中使用互联网的个人"},
    "k.reports": {
        "en": "Regional stocktaking reports published",
        "fr": "Rapports régionaux d'inventaire publiés",
        "es": "Informes regionales de inventario publicados",
        "ru": "Опубликованные региональные отчеты по инвентаризации",
        "ar": "تقارير الحصر الإقليمية المنشورة",
        "zh-hans": "已发布的区域盘点报告",
    },
    "k.afford": {
        "en": "Entry-level fixed broadband basket, % of GNI per capita (median of the LDCs)",
        "fr": "Panier large bande fixe d'entrée de gamme, en % du RNB par habitant (médiane des PMA)",
        "es": "Cesta de banda ancha fija básica, en % del INB per cápita (mediana de los PMA)",
        "ru": "Корзина фиксированной широкополосной связи начального уровня, % ВНД на душу населения (медиана по НРС)",
        "ar": (
            "سلة النطاق العريض الثابت الأساسية، كنسبة مئوية من الدخل القومي "
            "الإجمالي للفرد (الوسيط في أقل البلدان نمواً)"
        ),
        "zh-hans": "入门级固定宽带资费篮子占人均国民总收入的百分比（最不发达国家中位数）",
    },
    "k.trained": {
        "en": "People trained in digital skills",
        "fr": "Personnes formées aux compétences numériques",
        "es": "Personas formadas en competencias digitales",
        "ru": "Лица, прошедшие обучение цифровым навыкам",
        "ar": "الأشخاص المدرَّبون على المهارات الرقمية",
        "zh-hans": "接受数字技能培训的人数",
    },
    "k.trainings": {
        "en": "Completed trainings linked to the output",
        "fr": "Formations achevées liées au produit",
        "es": "Formaciones finalizadas vinculadas al producto",
        "ru": "Завершенные учебные мероприятия, связанные с конечным результатом",
        "ar": "الدورات التدريبية المكتملة المرتبطة بالناتج",
        "zh-hans": "与该产出关联的已完成培训",
    },
    "k.services": {
        "en": "Government services available online",
        "fr": "Services publics disponibles en ligne",
        "es": "Servicios gubernamentales disponibles en línea",
        "ru": "Государственные услуги, доступные онлайн",
        "ar": "الخدمات الحكومية المتاحة على الإنترنت",
        "zh-hans": "可在线获取的政府服务",
    },
    "k.reviews": {
        "en": "Regulatory reviews completed",
        "fr": "Examens réglementaires achevés",
        "es": "Exámenes reglamentarios finalizados",
        "ru": "Завершенные обзоры регуляторной деятельности",
        "ar": "المراجعات التنظيمية المنجزة",
        "zh-hans": "已完成的监管审查",
    },
    "k.spectrum": {
        "en": "Administrations with a national spectrum plan",
        "fr": "Administrations dotées d'un plan national du spectre",
        "es": "Administraciones que disponen de un plan nacional del espectro",
        "ru": "Администрации, имеющие национальный план использования спектра",
        "ar": "الإدارات التي لديها خطة وطنية للطيف",
        "zh-hans": "已制定国家频谱规划的主管部门",
    },
    "k.money": {
        "en": "Budget of linked activities (USD)",
        "fr": "Budget des activités liées (USD)",
        "es": "Presupuesto de las actividades vinculadas (USD)",
        "ru": "Бюджет связанных мероприятий (долл. США)",
        "ar": "ميزانية الأنشطة المرتبطة (بدولارات الولايات المتحدة)",
        "zh-hans": "关联活动预算（美元）",
    },
    "k.reach": {
        "en": "Economies reached by linked activities",
        "fr": "Économies touchées par les activités liées",
        "es": "Economías alcanzadas por las actividades vinculadas",
        "ru": "Экономики, охваченные связанными мероприятиями",
        "ar": "الاقتصادات التي شملتها الأنشطة المرتبطة",
        "zh-hans": "关联活动覆盖的经济体",
    },
    "m.toolkit_v1": {
        "en": "Toolkit version 1 published",
        "fr": "Publication de la version 1 de la boîte à outils",
        "es": "Publicación de la versión 1 del conjunto de herramientas",
        "ru": "Опубликована версия 1 набора инструментов",
        "ar": "نشر الإصدار 1 من مجموعة الأدوات",
        "zh-hans": "发布工具包第 1 版",
    },
    "m.toolkit_v2": {
        "en": "Toolkit version 2 with satellite data",
        "fr": "Version 2 de la boîte à outils intégrant des données satellitaires",
        "es": "Versión 2 del conjunto de herramientas con datos satelitales",
        "ru": "Версия 2 набора инструментов со спутниковыми данными",
        "ar": "الإصدار 2 من مجموعة الأدوات مع بيانات ساتلية",
        "zh-hans": "含卫星数据的工具包第 2 版",
    },
    "m.sites_plan": {
        "en": "Site survey completed in five countries",
        "fr": "Étude des sites achevée dans cinq pays",
        "es": "Estudio de emplazamientos finalizado en cinco países",
        "ru": "Завершено обследование объектов в пяти странах",
        "ar": "إنجاز مسح المواقع في خمسة بلدان",
        "zh-hans": "在五个国家完成站点勘测",
    },
    "m.sites_tender": {
        "en": "Tender for rural sites awarded",
        "fr": "Attribution du marché relatif aux sites ruraux",
        "es": "Adjudicación de la licitación de emplazamientos rurales",
        "ru": "Заключен контракт по итогам тендера на объекты в сельских районах",
        "ar": "إرساء المناقصة الخاصة بالمواقع الريفية",
        "zh-hans": "农村站点招标完成授标",
    },
    "m.portal": {
        "en": "Shared e-service platform launched",
        "fr": "Lancement de la plate-forme commune de services en ligne",
        "es": "Puesta en marcha de la plataforma común de servicios electrónicos",
        "ru": "Запущена общая платформа электронных услуг",
        "ar": "إطلاق المنصة المشتركة للخدمات الإلكترونية",
        "zh-hans": "启用共享电子服务平台",
    },
    "m.reviews": {
        "en": "Review methodology agreed with regulators",
        "fr": "Méthode d'examen arrêtée avec les régulateurs",
        "es": "Metodología de examen acordada con los organismos reguladores",
        "ru": "Методика обзора согласована с регуляторными органами",
        "ar": "الاتفاق مع الهيئات التنظيمية على منهجية المراجعة",
        "zh-hans": "与监管机构商定审查方法",
    },
    "m.spectrum": {
        "en": "Regional spectrum workshop held",
        "fr": "Tenue de l'atelier régional sur le spectre",
        "es": "Celebración del taller regional sobre el espectro",
        "ru": "Проведен региональный семинар-практикум по вопросам спектра",
        "ar": "عقد حلقة العمل الإقليمية بشأن الطيف",
        "zh-hans": "举办区域频谱讲习班",
    },
    "m.reports": {
        "en": "Report template agreed with the regional offices",
        "fr": "Modèle de rapport arrêté avec les bureaux régionaux",
        "es": "Plantilla de informe acordada con las oficinas regionales",
        "ru": "Шаблон отчета согласован с региональными отделениями",
        "ar": "الاتفاق مع المكاتب الإقليمية على نموذج التقرير",
        "zh-hans": "与区域代表处商定报告模板",
    },
}


def _t(key):
    return dict(TEXTS[key])


def _ratio_value(r: float, baseline: float, target: float, t0: dt.date, t: dt.date, deadline: dt.date) -> float:
    """The value at `t` whose achieved pace is `r` times the pace still needed (status rule in status.py)."""
    a, b = (t - t0).days, (deadline - t).days
    return baseline + r * (target - baseline) * a / (b + r * a)


def plan_data(today: dt.date) -> tuple[dict, dict]:
    """The plan in the interchange shape, and the value each manual KPI reports at a date."""
    y = today.year
    start, end = dt.date(y - 1, 1, 1), dt.date(y + 1, 12, 31)
    t0 = dt.date(y - 2, 12, 31)
    periods = []
    for year in (y - 1, y, y + 1):
        for half, (ps, pe) in (("H1", ((1, 1), (6, 30))), ("H2", ((7, 1), (12, 31)))):
            p_end = dt.date(year, *pe)
            periods.append({"code": f"{year}-{half}", "start": dt.date(year, *ps), "end": p_end,
                            "due": p_end + dt.timedelta(days=30)})
    late_deadline = today - dt.timedelta(days=60)

    def kpi(output, code, key, unit, direction, baseline, target, deadline=end, source="manual", **kw):
        return {"output": output, "code": code, "titles": _t(key), "unit": unit, "direction": direction,
                "baseline": baseline, "baseline_year": t0.year, "target": target, "deadline": deadline,
                "source": source, **kw}

    kpis = [
        kpi("O1.1", "K1", "k.toolkit", "economies", "increase", 0, 40),
        kpi("O1.2", "K1", "k.sites", "sites", "increase", 0, 500),
        kpi("O1.3", "K1", "k.afford", "%", "decrease", 6.0, 2.0),
        kpi("O2.1", "K1", "k.trained", "people", "increase", 0, 5000),
        kpi("O2.1", "K2", "k.trainings", "trainings", "increase", 0, 8, source="activities", measure="count",
            activity_kinds=["training"], activity_statuses=["completed"]),
        kpi("O2.2", "K1", "k.services", "services", "increase", 20, 120),
        kpi("O3.1", "K1", "k.reviews", "reviews", "increase", 0, 10, deadline=late_deadline),
        kpi("O3.2", "K1", "k.spectrum", "administrations", "increase", 2, 9),
        kpi("O4.1", "K1", "k.money", "USD", "increase", 0, 25_000_000, source="activities", measure="budget",
            currency="USD"),
        kpi("O4.2", "K1", "k.reports", "reports", "increase", 0, 6),
        # Followed in the statistics module: the LDC figure of Internet use, from 2020.
        {**kpi("O1.1", "K2", "k.ldc_internet", "%", "increase", 15, 50, source="indicator"),
         "baseline_year": 2020, "indicator": "INTERNET_USERS", "area": "LDC"},
        kpi("O4.1", "K2", "k.reach", "economies", "increase", 0, 60, source="activities", measure="economies"),
    ]
    # Achieved pace ÷ pace needed for each manual KPI: ≥ 1 on track, 0.75–1 at risk, < 0.75 off track.
    ratios = {("O1.1", "K1"): 1.4, ("O1.2", "K1"): 0.85, ("O1.3", "K1"): 1.2, ("O2.2", "K1"): 0.35,
              ("O3.2", "K1"): 1.0}

    def value(out, code, at: dt.date) -> float:
        k = next(x for x in kpis if x["output"] == out and x["code"] == code)
        k_t0 = t0
        if (out, code) == ("O2.1", "K1"):  # reached its target
            return 5200.0
        if (out, code) == ("O4.2", "K1"):  # all six regions reported
            return 6.0
        if (out, code) == ("O3.1", "K1"):  # deadline passed short of the target
            return min(7.0, round(7 * (at - k_t0).days / max((late_deadline - k_t0).days, 1)))
        v = _ratio_value(ratios[(out, code)], k["baseline"], k["target"], k_t0, at, k["deadline"])
        return round(v, 2)

    d = dt.timedelta
    milestones = [
        {"output": "O1.1", "titles": _t("m.toolkit_v1"), "due": start + d(days=150), "completed": start + d(days=140)},
        {"output": "O1.1", "titles": _t("m.toolkit_v2"), "due": today + d(days=20), "expected": today + d(days=15)},
        {"output": "O1.2", "titles": _t("m.sites_plan"), "due": start + d(days=200), "completed": start + d(days=260)},
        {"output": "O1.2", "titles": _t("m.sites_tender"), "due": today + d(days=90), "expected": today + d(days=150)},
        {"output": "O2.2", "titles": _t("m.portal"), "due": today - d(days=45)},
        {"output": "O3.1", "titles": _t("m.reviews"), "due": start + d(days=120), "completed": start + d(days=110)},
        {"output": "O3.2", "titles": _t("m.spectrum"), "due": today + d(days=5)},
        {"output": "O4.2", "titles": _t("m.reports"), "due": start + d(days=90), "completed": start + d(days=95)},
    ]
    outputs = [
        ("O1", "O1.1", "BDT-DNS", ["C2"], ["9.c", "17.8"], ["C2030-1.1"]),
        ("O1", "O1.2", "RO-AFR", ["C2"], ["9.1", "9.c"], ["C2030-1.1"]),
        ("O1", "O1.3", "RO-ASP", ["C2", "C6"], ["9.c"], []),
        ("O2", "O2.1", "RO-AMS", ["C4"], ["4.4"], []),
        ("O2", "O2.2", "RO-ARB", ["C7.e-government"], ["16.6"], []),
        ("O3", "O3.1", "RO-EUR", ["C6"], ["17.14"], []),
        ("O3", "O3.2", "RO-CIS", ["C6", "C2"], ["9.1"], []),
        ("O4", "O4.1", "BDT-DNS", ["C11"], ["17.17"], []),
        ("O4", "O4.2", "BDT-DNS", ["C11", "C4"], ["17.18"], []),
    ]
    data = {
        "code": CODE, "start": start, "end": end, "titles": _t("plan"),
        "objectives": [{"code": c, "titles": _t(c)} for c in ("O1", "O2", "O3", "O4")],
        "outputs": [{"code": c, "objective": ob, "office": office, "titles": _t(c), "action_lines": lines,
                     "sdg_targets": targets, "strategic_targets": strategic, "activities": []}
                    for ob, c, office, lines, targets, strategic in outputs],
        "kpis": kpis, "milestones": milestones, "periods": periods,
    }
    return data, {"value": value, "ratios": ratios}


def _link_activities(plan: Plan, admin: User):
    """Registry activities behind the computed KPIs: published demo activities of the office's region."""
    from wsis.stocktaking.models import Activity

    pub = Activity.objects.filter(is_demo=True, state="published", revision_of__isnull=True)
    picks = {
        "O1.2": pub.filter(facets__facet="region", facets__code="AFR", kind__in=["project", "regional_initiative"]),
        "O2.1": pub.filter(kind="training", status="completed", end_date__gt=dt.date(2024, 12, 31)),
        "O4.1": pub.filter(budget_currency="USD", kind__in=["project", "programme"]),
        "O1.1": pub.filter(action_line_links__action_line__code="C2", kind="publication"),
    }
    for output in Output.objects.filter(objective__plan=plan, code__in=picks):
        ids = list(picks[output.code].order_by("pk").values_list("pk", flat=True).distinct()[:15])
        services.output_activities_set(actor=admin, output=output, activities=ids)


def load_demo_plan() -> str:
    if Plan.objects.filter(code=CODE).exists():
        return "1 operational plan"
    today = timezone.localdate()
    admin = User.objects.get(username="admin")
    reviewer = User.objects.get(username="reviewer")
    afr = User.objects.get(username="afr.officer")
    asp = User.objects.get(username="asp.officer")
    data, how = plan_data(today)
    reporter = {"RO-AFR": afr, "RO-ASP": asp}
    with transaction.atomic():
        plan = services.plan_import(actor=admin, data=data, is_demo=True)
        services.plan_set_state(actor=admin, plan=plan, state="active")
        _link_activities(plan, admin)
        ended = [p for p in plan.periods.order_by("start") if p.end < today]
        latest = ended[-1] if ended else None
        # The state of each output's update for the latest ended period; earlier periods are all approved.
        latest_state = {"O1.2": "submitted", "O2.2": "returned", "O3.2": "draft", "O3.1": None}
        outputs = list(plan.objectives.all().prefetch_related("outputs__kpis", "outputs__office"))
        for obj in outputs:
            for output in obj.outputs.all():
                office = output.office.acronym
                who = reporter.get(office, admin)
                decider = reviewer
                manual = [k for k in output.kpis.all() if k.source == "manual"]
                for p in ended:
                    state = latest_state.get(output.code, "approved") if p == latest else "approved"
                    if output.code == "O3.2" and p != latest:
                        continue  # a new output: nothing reported before, so its KPI has no data
                    if state is None:
                        continue
                    values = {k.code: how["value"](output.code, k.code, p.end) for k in manual}
                    u = services.update_save(actor=who, output=output, period=p, values=values,
                                             narrative=f"Demo: work on {output.code} in {p.code}.")
                    if state == "draft":
                        continue
                    services.update_submit(actor=who, update=u)
                    if state == "approved":
                        services.update_approve(actor=decider, update=u)
                    elif state == "returned":
                        services.update_return(actor=decider, update=u,
                                               comment="Demo: please give the number of services per country.")
        for p in ended[:-2]:
            services.period_lock(actor=admin, period=p)
        if len(ended) > 2:
            first = ProgressUpdate.objects.get(output__objective__plan=plan, output__code="O1.1", period=ended[0])
            kpi = Kpi.objects.get(output=first.output, code="K1")
            old = first.values.get(kpi=kpi).value
            services.update_correct(actor=admin, update=first, values={"K1": old + 1},
                                    reason="Demo: one economy was reported late by its administration.")
    reminders_send(today=today, email=False)
    return "1 operational plan"
