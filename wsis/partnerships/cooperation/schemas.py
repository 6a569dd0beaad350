"""What the cooperation API reads and answers: every request body and every answer has its schema here (list
rows are in lists.py, beside their contracts)."""

import datetime as dt
from typing import Annotated

from ninja import Schema
from pydantic import BeforeValidator, Field

from wsis.core.bounds import Id, Year


def _blank_is_none(value):
    # A form's "any" option sends the parameter empty: that is no filter, not a refused number.
    return None if isinstance(value, str) and not value.strip() else value


OptionalYear = Annotated[Year | None, BeforeValidator(_blank_is_none)]
OptionalId = Annotated[Id | None, BeforeValidator(_blank_is_none)]


# ---------------------------------------------------------------------------------------------- events

class RegistrationIn(Schema):
    name: str
    email: str
    sex: str
    stakeholder: str
    economy: str | None = None
    organisation_name: str = ""


class RegistrationCreated(Schema):
    id: int
    status: str


class RegistrationRow(Schema):
    """One registration for an event, as its managers download them."""

    id: int
    name: str
    email: str
    sex: str
    stakeholder: str
    economy: str | None
    organisation: str
    status: str
    certificate: bool
    registered_at: dt.datetime


class CapacitySummary(Schema):
    """Participants by sex, stakeholder type and economy over the trainings and events a filter selects."""

    events: int = Field(description="Trainings and events selected.")
    reported: int = Field(description="Those with participant counts recorded.")
    total: int
    by_sex: dict[str, int]
    women_share: float | None = Field(description="Per cent of participants who are women; null when none.")
    by_stakeholder: dict[str, int]
    by_economy: dict[str, int]
    certificates: int


# ---------------------------------------------------------------------------------------------- requests

class RequestIn(Schema):
    economy: str
    title: str
    description: str
    language: str = "en"
    action_lines: list[str]
    requester: Id | None = None


class RequestStepIn(Schema):
    action: str
    comment: str = ""
    office: Id | None = None
    output: Id | None = None


class RequestStepOut(Schema):
    from_state: str = Field(alias="from")
    to: str
    at: dt.datetime
    comment: str


class StateTimer(Schema):
    state: str
    seconds: float
    days: float
    current: bool


class RequestSummary(Schema):
    """What the list row and the detail of an assistance request both say."""

    id: int
    economy: str
    requester: str
    title: str
    state: str
    received_at: dt.datetime
    state_since: dt.datetime
    days_open: float
    office: str | None
    action_lines: list[str]


class RequestDetail(RequestSummary):
    """One request: its row, what it asks, its dated steps and the time spent in each state."""

    description: str
    output: int | None
    activities: list[int]
    steps: list[RequestStepOut]
    time_in_state: list[StateTimer]


# ---------------------------------------------------------------------------------------------- contributions

class ContributionIn(Schema):
    symbol: str
    body: str
    question: str = ""
    meeting: str
    date: str
    title: str
    summary: str = ""
    language: str
    sources: list[int]
    action_lines: list[str] = []
    sdg_targets: list[str] = []


class ContributionCreated(Schema):
    id: int
    symbol: str
    body: str
    question: str
    meeting: str
    date: dt.date
    title: str
    summary: str
    language: str
    sources: list[int]
    action_lines: list[str]
    sdg_targets: list[str]
