"""A hand-made report document in English, Chinese and Arabic, shared by the renderer tests (no database)."""

from __future__ import annotations

from decimal import Decimal

from wsis.reports.document import Chart, Column, Document, Paragraph, Section, Source, Table

TEXTS = {
    "en": {"title": "Annual summary of activities", "subtitle": "World, 2025", "scope": "World",
           "activities": "Activities of the period", "funding": "Resources mobilised", "flows": "Funding flows",
           "prizes": "WSIS Prizes", "summary": "In 2025, 1,234,567 people took part.",
           "lines": "Activities by action line", "name": "Name", "count": "Activities", "share": "Share",
           "money": "Committed funds by year", "year": "Year", "usd": "Committed", "date": "Signed",
           "empty": "No WSIS Prizes results are published for this year.",
           "rows": ["Access to information", "Capacity building", "Cybersecurity"],
           "highlight": "Digital skills for rural schools — ITU", "note": "Counts per tag."},
    "zh-hans": {"title": "年度活动摘要", "subtitle": "世界，2025年", "scope": "世界",
                "activities": "本期活动", "funding": "筹集的资源", "flows": "资金流动", "prizes": "信息社会世界峰会奖",
                "summary": "2025年共有1,234,567人参加。", "lines": "按行动方面划分的活动",
                "name": "名称", "count": "活动", "share": "比例", "money": "按年份承诺的资金",
                "year": "年份", "usd": "已承诺", "date": "签署日期", "empty": "本年度没有公布信息社会世界峰会奖的结果。",
                "rows": ["获取信息", "能力建设", "网络安全"],
                "highlight": "农村学校的数字技能 — 国际电联", "note": "按标签计数。"},
    "ar": {"title": "الملخص السنوي للأنشطة", "subtitle": "العالم، 2025", "scope": "العالم",
           "activities": "أنشطة الفترة", "funding": "الموارد المعبأة", "flows": "التدفقات المالية",
           "prizes": "جوائز القمة العالمية", "summary": "في عام 2025، شارك 1,234,567 شخصا.",
           "lines": "الأنشطة حسب خط العمل", "name": "الاسم", "count": "الأنشطة", "share": "الحصة",
           "money": "الأموال الملتزم بها حسب السنة", "year": "السنة", "usd": "الملتزم به", "date": "تاريخ التوقيع",
           "empty": "لم تنشر نتائج جوائز القمة العالمية لهذا العام.",
           "rows": ["النفاذ إلى المعلومات", "بناء القدرات", "الأمن السيبراني"],
           "highlight": "المهارات الرقمية للمدارس الريفية — الاتحاد", "note": "عدد لكل وسم."},
}
LANGUAGES = list(TEXTS)
BIG = 1234567
GENERATED = "2026-01-15T09:30:12.345678+00:00"


def make_doc(language: str, generated_at: str = GENERATED) -> Document:
    t = TEXTS[language]
    lines = Table("T1", t["lines"], [Column("code", "C"), Column("name", t["name"]),
                                     Column("activities", t["count"], "int"), Column("share", t["share"], "percent")],
                  [{"code": "C3", "name": t["rows"][0], "activities": BIG, "share": Decimal("61.25")},
                   {"code": "C4", "name": t["rows"][1], "activities": 420, "share": 30.1},
                   {"code": "C5", "name": t["rows"][2], "activities": None, "share": None}],
                  source="S1", note=t["note"])
    money = Table("T2", t["money"], [Column("year", t["year"]), Column("commitment", t["usd"], "usd"),
                                     Column("signed", t["date"], "date")],
                  [{"year": str(y), "commitment": v, "signed": f"{y}-06-30"}
                   for y, v in [(2022, 1500000), (2023, 2750000.5), (2024, None), (2025, 3100000)]],
                  source="S2")
    return Document(
        kind="cwg", title=t["title"], subtitle=t["subtitle"], language=language, period=2025, scope="world",
        scope_label=t["scope"], as_of="2025-12-31",
        params={"type": "cwg", "period": 2025, "scope": "world", "lang": language},
        sections=[
            Section("activities", t["activities"], [
                Paragraph(t["summary"], "S1"), lines,
                Chart("C-lines", t["lines"], "T1", "code", ["activities"], source="S1"),
                Paragraph(t["highlight"], "S1", kind="highlight")]),
            Section("funding", t["funding"], []),
            Section("flows", t["flows"], [
                money, Chart("C-money", t["money"], "T2", "year", ["commitment"], style="line", source="S2")],
                level=2),
            Section("prizes", t["prizes"], [], empty_note=t["empty"]),
        ],
        sources=[Source("S1", "Stocktaking registry: published activities", {"year": 2025, "scope": "world"},
                        "registry as last published on 2025-12-30", "/api/v1/activities?year=2025"),
                 Source("S2", "Partnerships: public funding flows", {"year": 2025, "stages": ["pledge", "commitment"]},
                        "12 flows; exchange rates up to 2025-12-31", "/api/v1/partnerships/summary?year=2025"),
                 Source("S3", "WSIS Prizes: published results", {"year": 2025}, "no contest")],
        generated_at=generated_at)
