"""The operational plan's read contracts (see wsis.core.lists): outputs, timeline, overdue items and offices of
one plan, each under the plan's code (`/plans/{code}/...`), its page and its downloads."""

import datetime as dt

from ninja import Schema

from wsis.core.bounds import Id
from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.lists import ListContract
from wsis.planning import selectors
from wsis.planning.demo import CODE as DEMO_PLAN

API = "/api/v1/plans/{code}"


class PlanRows(list):
    """Rows together with the evaluated plan they were read from, for pages that draw more than the rows."""

    view: "selectors.PlanView | None" = None


def parse_at(at: str | None) -> dt.date | None:
    if not at:
        return None
    try:
        return dt.date.fromisoformat(at)
    except ValueError as exc:
        raise ValidationFailed([ErrorItem("invalid", f"{at!r} is not a date (YYYY-MM-DD).", field="at")]) from exc


# ------------------------------------------------------------------------------------------- filters

class PlanFilters(Schema):
    """Statuses are computed as of `at` (YYYY-MM-DD, default today); `office` (organisation id) keeps the outputs
    of one office."""

    at: str | None = None
    office: Id | None = None


class OutputFilters(PlanFilters):
    status: str | None = None


class AtFilter(Schema):
    at: str | None = None


class PlanParams(PlanFilters):
    code: str = ""


class OutputParams(OutputFilters):
    code: str = ""


class OfficeParams(AtFilter):
    code: str = ""


def evaluate(viewer, p, language: str) -> "selectors.PlanView":
    plan = selectors.plan_get(p.code, viewer)
    return selectors.evaluate(plan, language=language, today=parse_at(p.at), office=getattr(p, "office", None))


def _rows(view, rows) -> PlanRows:
    out = PlanRows(rows)
    out.view = view
    return out


# ------------------------------------------------------------------------------------------- rows

class OutputRow(Schema):
    plan: str
    objective: str
    output: str
    title: str
    office: str
    status: str
    status_label: str
    forecast: str | None
    kpis: int
    milestones: int
    n_done: int
    n_on_track: int
    n_at_risk: int
    n_off_track: int
    n_late: int
    n_no_data: int
    action_lines: list[str]
    sdg_targets: list[str]
    strategic_targets: list[str]
    activities: int
    as_of: str


class KpiRow(Schema):
    output: str
    kpi: str
    name: str
    unit: str
    direction: str
    source: str
    measure: str
    baseline: float
    baseline_year: int
    target: float
    deadline: str
    latest: float | None
    latest_date: str | None
    progress: float | None
    pace_actual: float | None
    pace_required: float | None
    pace_ratio: float | None
    forecast: str | None
    status: str
    status_label: str
    reason: str
    note: str
    as_of: str


class TimelineRow(Schema):
    date: dt.date
    kind: str
    output: str
    office: str
    title: str
    status: str
    expected: dt.date | None
    completed: dt.date | None
    slippage_days: int | None


class OverdueRow(Schema):
    kind: str
    output: str
    office: str
    title: str
    due: str
    days_late: int


class OfficeRow(Schema):
    office: str
    office_id: int | None
    outputs: int
    status: str
    n_done: int
    n_on_track: int
    n_at_risk: int
    n_off_track: int
    n_late: int
    n_no_data: int


# ------------------------------------------------------------------------------------------- selects

def _plan_list(read):
    """A selector of rows read from the plan evaluated once for the viewer, at the date and language asked."""
    def select(viewer, p, language: str) -> PlanRows:
        view = evaluate(viewer, p, language)
        return _rows(view, read(view, p))
    return select


_outputs = _plan_list(lambda view, p: selectors.output_rows(view, status=p.status or None))
_kpis = _plan_list(lambda view, p: selectors.kpi_rows(view))
_timeline = _plan_list(lambda view, p: selectors.timeline(view))
_overdue = _plan_list(lambda view, p: selectors.overdue(view))
_offices = _plan_list(lambda view, p: selectors.office_summary(view))


PAGE = {"code": DEMO_PLAN}

OUTPUTS = ListContract(
    name="planning.outputs", row=OutputRow, params=OutputParams, select=_outputs, filename="{code}-outputs",
    api_path=API + "/outputs", page="web:plan", page_kwargs=PAGE,
    examples=[{}, {"status": "late"}, {"at": "2026-04-15", "status": "on_track"}])

# The KPIs have no page of their own (the plan tree and the output pages show them): the API serves the contract,
# which has no page to compare with, so the parity test does not list it.
KPIS = ListContract(
    name="planning.kpis", row=KpiRow, params=PlanParams, select=_kpis, filename="{code}-kpis",
    api_path=API + "/kpis", register=False)

TIMELINE = ListContract(
    name="planning.timeline", row=TimelineRow, params=PlanParams, select=_timeline, filename="{code}-timeline",
    api_path=API + "/timeline", page="web:plan_timeline", page_kwargs=PAGE, examples=[{}, {"at": "2026-04-15"}])

OVERDUE = ListContract(
    name="planning.overdue", row=OverdueRow, params=PlanParams, select=_overdue, filename="{code}-overdue",
    api_path=API + "/overdue", page="web:plan_overdue", page_kwargs=PAGE, examples=[{}, {"at": "2026-04-15"}])

OFFICES = ListContract(
    name="planning.offices", row=OfficeRow, params=OfficeParams, select=_offices, filename="{code}-offices",
    api_path=API + "/offices", page="web:plan_offices", page_kwargs=PAGE, examples=[{}, {"at": "2026-04-15"}])
