"""The reference lists' read contracts (see wsis.core.lists): each list a page shows and the API serves."""

from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from wsis.core.lists import ListContract, NoParams
from wsis.reference import selectors

Goal = Annotated[int, Field(ge=1, le=17)]  # the seventeen SDGs


class EconomyOut(Schema):
    iso3: str
    iso2: str | None
    m49: str | None
    itu_code: str | None
    name: str
    itu_region: str | None
    groups: list[str]


class EconomyParams(Schema):
    region: str | None = None
    group: str | None = None
    at: str | None = None
    q: str | None = None


def _economies(viewer, p: EconomyParams, language: str) -> list[dict]:
    return selectors.economy_list(language=language, region=p.region or None, group=p.group or None,
                                  at=p.at or None, q=(p.q or "").strip() or None)


ECONOMIES = ListContract(
    name="reference.economies", row=EconomyOut, params=EconomyParams, select=_economies, filename="economies",
    api_path="/api/v1/reference/economies", page="web:economies",
    examples=[{}, {"region": "AFR"}, {"group": "LDC", "at": "2015-01-01"}, {"q": "ken"}])


class ActionLineOut(Schema):
    code: str
    parent: str | None
    name: str
    itu_role: str
    itu_role_label: str
    itu_high_priority: bool
    un_lead_facilitators: list[str]
    sdg_goals: list[int]
    sdg_targets: list[str]


class ActionLineParams(Schema):
    itu_role: Literal["sole_facilitator", "co_facilitator", "partner", "none"] | None = None


def _action_lines(viewer, p: ActionLineParams, language: str) -> list[dict]:
    return selectors.action_line_list(language=language, itu_role=p.itu_role)


ACTION_LINES = ListContract(
    name="reference.action-lines", row=ActionLineOut, params=ActionLineParams, select=_action_lines,
    filename="action-lines", api_path="/api/v1/reference/action-lines", page="web:action_lines",
    examples=[{}, {"itu_role": "sole_facilitator"}])


class GoalOut(Schema):
    code: str
    number: int
    short: str
    title: str
    targets: int


def _goals(viewer, p: NoParams, language: str) -> list[dict]:
    return selectors.sdg_goal_list(language=language)


SDG_GOALS = ListContract(
    name="reference.sdg-goals", row=GoalOut, select=_goals, filename="sdg-goals",
    api_path="/api/v1/reference/sdg/goals", page="web:sdgs")


class TargetOut(Schema):
    code: str
    goal: int
    title: str


class TargetParams(Schema):
    goal: Goal | None = None


def _targets(viewer, p: TargetParams, language: str) -> list[dict]:
    return selectors.sdg_target_list(language=language, goal=p.goal)


# The page of one goal lists its targets: its download is this list with `goal` set to the page's goal.
SDG_TARGETS = ListContract(
    name="reference.sdg-targets", row=TargetOut, params=TargetParams, select=_targets, filename="sdg-targets",
    api_path="/api/v1/reference/sdg/targets", page="web:sdg_goal", page_kwargs={"number": 9},
    examples=[{"goal": 9}])


class StrategicTargetOut(Schema):
    code: str
    framework: str
    goal: str
    text: str
    indicator: str
    sdg_indicator: str | None
    scope: str
    scope_label: str
    comparator: str
    comparator_label: str
    value: float | None
    unit: str
    baseline_year: int | None
    deadline: str
    source: str
    verified: bool
    note: str


class StrategicTargetParams(Schema):
    framework: str | None = None
    scope: str | None = None
    verified: bool | None = None


def _strategic(viewer, p: StrategicTargetParams, language: str) -> list[dict]:
    return selectors.strategic_target_list(language=language, framework=p.framework or None, scope=p.scope or None,
                                           verified=p.verified)


STRATEGIC_TARGETS = ListContract(
    name="reference.strategic-targets", row=StrategicTargetOut, params=StrategicTargetParams, select=_strategic,
    filename="strategic-targets", api_path="/api/v1/reference/strategic-targets", page="web:strategic_targets",
    examples=[{}, {"framework": "umc2030"}, {"scope": "world", "verified": "true"}])
