"""The cooperation lists' read contracts (see wsis.core.lists): trainings and events, assistance requests,
contributions. Each page, its download and its API route answer these rows."""

import datetime as dt

from ninja import Field, Schema

from wsis.core.lists import ListContract
from wsis.partnerships.cooperation import selectors
from wsis.partnerships.cooperation.schemas import OptionalId, OptionalYear, RequestSummary

# ---------------------------------------------------------------------------------------------- events


class EventRow(Schema):
    id: int
    title: str
    kind: str = Field(description="training or event")
    start_date: dt.date | None
    end_date: dt.date | None
    mode: str | None = Field(description="in_person, online or hybrid; null when no event details are recorded")
    venue: str | None
    online_url: str | None
    registration_open: bool
    places: int | None = Field(description="Capacity; null when unlimited or not recorded")
    participants: int | None = Field(description="Participants counted; null when no count is reported")
    women: int | None = Field(description="Women among the participants; null when no count is reported")
    certificates: int | None


class EventParams(Schema):
    year: OptionalYear = None
    region: str = Field("", max_length=20, description="An ITU region code, such as AFR")


def _events(viewer, p: EventParams, language: str) -> list[dict]:
    return selectors.event_rows(viewer, year=p.year, region=p.region.strip(), language=language)


EVENTS = ListContract(
    name="partnerships.cooperation.events", row=EventRow, params=EventParams, select=_events, filename="events",
    api_path="/api/v1/partnerships/events", page="web:events",
    examples=[{}, {"region": "AFR"}, {"year": 2025}])


# ---------------------------------------------------------------------------------------------- requests


class RequestRow(RequestSummary):
    # Days spent in each state (null: never in it), one column each so that a spreadsheet can sum them.
    days_received: float | None
    days_assessed: float | None
    days_assigned: float | None
    days_in_progress: float | None
    days_delivered: float | None
    days_declined: float | None


class RequestParams(Schema):
    state: str = Field("", max_length=20, description="A state, or 'open' for every state before delivery or "
                                                      "decline")
    economy: str = Field("", max_length=3, description="ISO3 code")
    region: str = Field("", max_length=20, description="An ITU region code, such as AFR")


def _requests(viewer, p: RequestParams, language: str) -> list[dict]:
    return selectors.request_rows(selectors.request_list(viewer, state=p.state.strip(), economy=p.economy.strip(),
                                                         region=p.region.strip()))


REQUESTS = ListContract(
    name="partnerships.cooperation.requests", row=RequestRow, params=RequestParams, select=_requests,
    filename="assistance-requests", api_path="/api/v1/partnerships/requests", page="web:requests", auth=True,
    examples=[{}, {"state": "open"}, {"economy": "KEN"}, {"region": "AFR", "state": "declined"}])


# ---------------------------------------------------------------------------------------------- contributions


class ContributionRow(Schema):
    id: int
    symbol: str
    body: str
    question: str
    meeting: str
    date: dt.date
    title: str
    language: str
    sources: list[str]
    action_lines: list[str]
    sdg_targets: list[str]


class ContributionParams(Schema):
    q: str = Field("", max_length=200, description="Words of the symbol, title, summary, meeting or question")
    body: str = Field("", max_length=30)
    line: str = Field("", max_length=30, description="A WSIS action line, its sub-lines included")
    target: str = Field("", max_length=10, description="An SDG target, such as 9.c")
    language: str = Field("", max_length=10)
    year: OptionalYear = None
    source: OptionalId = None


def _contributions(viewer, p: ContributionParams, language: str) -> list[dict]:
    return selectors.contribution_rows(selectors.contribution_search(selectors.ContributionFilters(**p.dict())))


CONTRIBUTIONS = ListContract(
    name="partnerships.cooperation.contributions", row=ContributionRow, params=ContributionParams, select=_contributions,
    filename="contributions", api_path="/api/v1/partnerships/contributions", page="web:contributions",
    examples=[{}, {"body": "sg1"}, {"line": "C2", "year": 2025}, {"q": "rural", "target": "9.c"}])
