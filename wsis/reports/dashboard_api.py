"""`GET /dashboard`: the home page's headline figures as data, each with its year, coverage and trend."""

import datetime as dt

from ninja import Router, Schema
from pydantic import Field

from wsis.core.i18n import language_param
from wsis.core.schemas import ERRORS, Lang
from wsis.reports import dashboard

router = Router(tags=["dashboard"])


class DashboardTrendPoint(Schema):
    year: int
    value: float


class DashboardFigure(Schema):
    """A headline statistic for the world."""

    code: str = Field(description="INTERNET_USERS, or OFFLINE (population × share not using the Internet)")
    label: str
    value: float | None = Field(description="None when no year has a published world figure")
    unit: str
    year: int | None
    coverage: float | None = Field(description="Share of the world's population (weight) that reported, 0–1")
    reported: int | None = Field(description="Economies with a reported value that year")
    members: int | None = Field(description="Economies in the world aggregate that year")
    trend: list[DashboardTrendPoint]
    source: str


class DashboardBar(Schema):
    code: str
    label: str
    count: int


class DashboardActivities(Schema):
    """Published activities (never drafts or items under review)."""

    year: int
    count: int = Field(description="Published in `year`")
    total: int = Field(description="Published in all")
    trend: list[DashboardTrendPoint] = Field(description="Activities published per year")
    by_region: list[DashboardBar] = Field(description="Published in `year`, by ITU region (an activity counts in each)")
    by_line: list[DashboardBar] = Field(description="Published in `year`, the main action lines with most activities")


class DashboardFunding(Schema):
    """Public funding flows converted to US dollars at the rate of their value date."""

    currency: str
    committed: float
    disbursed: float
    flows: int
    confidential: int = Field(description="Flows whose amount is not public (left out of the totals)")
    without_rate: int = Field(description="Flows without an exchange rate (left out of the totals)")
    year: int | None = Field(description="The latest year with a flow")
    trend: list[DashboardTrendPoint] = Field(description="Commitments per year")


class DashboardStatusCount(Schema):
    code: str
    label: str
    count: int


class DashboardPlan(Schema):
    code: str | None
    title: str
    outputs: int
    as_of: dt.date
    by_status: list[DashboardStatusCount]


class DashboardPrizes(Schema):
    year: int | None
    title: str
    phase: str | None = Field(description="announced, submission, review, voting, selection or results")
    phase_label: str
    next: dt.datetime | None = Field(description="When the next step of the contest happens")
    next_label: str
    submissions: int


class DashboardActivity(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    lead_organisation: str
    published_at: str | None
    regions: list[str]
    action_lines: list[str]


class DashboardOut(Schema):
    as_of: dt.date
    internet: DashboardFigure
    offline: DashboardFigure
    activities: DashboardActivities
    funding: DashboardFunding
    plan: DashboardPlan
    prizes: DashboardPrizes
    latest: list[DashboardActivity]


def _points(pairs) -> list[dict]:
    return [{"year": int(y), "value": float(v)} for y, v in pairs]


@router.get("", response={200: DashboardOut, **ERRORS}, summary="Headline figures of the home page",
            description="What the public home page shows: people using the Internet and people offline in the "
                        "world (latest year with a published world figure, with coverage), activities published "
                        "this year by region and action line, funding committed, the operational plan's outputs "
                        "by status, the WSIS DashboardPrizes phase, and the latest published activities. Public data only.")
def dashboard_get(request, lang: Lang = "en"):
    data = dashboard.dashboard(language_param(lang))
    out = {**data}
    for key in ("internet", "offline"):
        out[key] = {**data[key], "trend": _points(data[key]["trend"])}
    out["activities"] = {**data["activities"], "trend": _points(data["activities"]["trend"])}
    out["funding"] = {**data["funding"], "trend": _points(data["funding"]["trend"])}
    return out
