"""The operational-plan API's shapes: what it accepts and every answer it gives (list rows are in lists.py)."""

import datetime as dt
from typing import Any, Literal

from ninja import Schema
from pydantic import Field


class PlanOut(Schema):
    code: str
    title: str
    start: dt.date
    end: dt.date
    state: str
    is_demo: bool


class StateIn(Schema):
    state: Literal["active", "closed"]


class CommentIn(Schema):
    comment: str = ""


class UpdateIn(Schema):
    narrative: str = ""
    values: dict[str, Any] = {}


class CorrectIn(Schema):
    values: dict[str, Any]
    reason: str


class ActivitiesIn(Schema):
    activities: list[str]


# The interchange shape (services.plan_import) typed: objects are objects, texts are texts. Values stay loose
# (a date or a number as text) so the service's own checks name the field and item that is wrong.
Texts = dict[str, str | None]
Codes = list[str]


class PlanObjectiveIn(Schema):
    code: str | None = None
    titles: Texts | None = None


class PlanOutputIn(Schema):
    code: str | None = None
    objective: str | None = None
    office: str | None = None
    titles: Texts | None = None
    descriptions: Texts | None = None
    action_lines: Codes | None = None
    sdg_targets: Codes | None = None
    strategic_targets: Codes | None = None
    activities: list[str | int] | None = None


class PlanKpiIn(Schema):
    code: str | None = None
    output: str | None = None
    titles: Texts | None = None
    unit: str | None = None
    direction: str | None = None
    baseline: float | str | None = None
    baseline_year: int | str | None = None
    target: float | str | None = None
    deadline: str | None = None
    source: str | None = None
    measure: str | None = None
    activity_kinds: Codes | None = None
    activity_statuses: Codes | None = None
    currency: str | None = None


class PlanMilestoneIn(Schema):
    output: str | None = None
    titles: Texts | None = None
    due: str | None = None
    expected: str | None = None
    completed: str | None = None


class PlanPeriodIn(Schema):
    code: str | None = None
    start: str | None = None
    end: str | None = None
    due: str | None = None


class PlanIn(Schema):
    code: str | None = None
    start: str | None = None
    end: str | None = None
    titles: Texts | None = None
    objectives: list[PlanObjectiveIn] | None = None
    outputs: list[PlanOutputIn] | None = None
    kpis: list[PlanKpiIn] | None = None
    milestones: list[PlanMilestoneIn] | None = None
    periods: list[PlanPeriodIn] | None = None


# ------------------------------------------------------------------------------------------- answers

Counts = dict[str, int]  # status → number of items


class KpiOut(Schema):
    """A KPI with its series and the computed result (status.KpiResult)."""

    code: str
    name: str
    unit: str
    direction: str
    source: str
    measure: str
    baseline: float
    baseline_year: int
    target: float
    deadline: str
    note: str
    series: list[tuple[str, float]] = Field(description="[date, value] pairs in date order")
    status: str
    latest: float | None = None
    latest_date: str | None = None
    progress: float | None = None
    elapsed: float | None = None
    pace_actual: float | None = None
    pace_required: float | None = None
    pace_ratio: float | None = None
    forecast: str | None = None
    reason: str = ""


class MilestoneView(Schema):
    id: int
    title: str
    due: str
    expected: str | None
    completed: str | None
    status: str
    slippage_days: int | None


class OutputTree(Schema):
    id: int
    code: str
    title: str
    office: str
    status: str
    counts: Counts
    forecast: str | None
    updates: dict[str, str] = Field(description="period code → state of the output's update")
    kpis: list[KpiOut]
    milestones: list[MilestoneView]


class ObjectiveTree(Schema):
    code: str
    title: str
    status: str
    counts: Counts
    outputs: list[OutputTree]


class PlanTree(Schema):
    plan: str
    title: str
    as_of: str
    status: str
    counts: Counts
    objectives: list[ObjectiveTree]


class StepOut(Schema):
    from_state: str = Field(alias="from")
    to: str
    by: str
    comment: str
    changes: dict[str, Any] | list[Any] | None = None
    at: str


class UpdateOut(Schema):
    id: int
    output: str
    period: str
    state: str
    narrative: str
    values: dict[str, float]
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None
    locked: bool
    history: list[StepOut]


class OutputDetail(OutputTree):
    plan: str
    objective: str
    action_lines: list[str]
    sdg_targets: list[str]
    strategic_targets: list[str]
    activities: list[int]
    can_edit: bool
    updates: list[UpdateOut]  # type: ignore[assignment]  # the updates themselves, not their states


class ActivitiesOut(Schema):
    activities: list[int]


class MilestoneOut(Schema):
    id: int
    due: str
    expected: str | None
    completed: str | None


class PeriodLockOut(Schema):
    code: str
    locked_at: str


class ReminderOut(Schema):
    id: int
    kind: str
    due: str
    output: int | None
    text: str
    read: bool


class ReminderReadOut(Schema):
    id: int
    read: bool
