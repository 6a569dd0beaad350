"""The report runs' read contract (see wsis.core.lists): the page's list, its downloads and the API's."""

from ninja import Schema

from wsis.core.bounds import Year
from wsis.core.lists import ListContract
from wsis.reports import selectors
from wsis.reports.schemas import RunOut


class RunRow(RunOut):
    """A run in the list of report runs."""


class RunParams(Schema):
    """Runs of one report type, period, scope, language (`lang`) or status; newest first."""

    type: str = ""
    period: Year | None = None
    scope: str = ""
    lang: str = ""
    status: str = ""


def _runs(viewer, p: RunParams, language: str):
    # The runs themselves (a query the page pages through); RunRow writes each as the API does.
    return selectors.run_list(kind=p.type or "", period=p.period, scope=p.scope or "", language=p.lang or "",
                              status=p.status or "")


RUNS = ListContract(
    name="reports.runs", row=RunRow, params=RunParams, select=_runs, filename="report-runs",
    api_path="/api/v1/reports", page="web:reports", examples=[{}, {"scope": "AFR"}, {"status": "done", "type": "cwg"}])
