"""The reports API's shapes: the request of a run and every answer (the run list's rows are in lists.py)."""

from typing import Any, Literal

from ninja import Schema
from pydantic import Field, model_validator

from wsis.core.bounds import Year


class RunIn(Schema):
    type: Literal["cwg", "sg", "regional", "economy"]
    period: Year
    scope: str = "world"
    lang: str = "en"
    format: Literal["html", "pdf", "docx", "xlsx"] = "pdf"


class RunOut(Schema):
    """A report run: its parameters, progress and, once done, its file."""

    id: int
    type: str
    period: int
    scope: str
    lang: str
    format: str
    status: str
    progress: int
    step: str
    requested_at: str
    finished_at: str | None
    size: int
    sha256: str
    fingerprint: str
    error: str
    file: str | None

    @model_validator(mode="before")
    @classmethod
    def _from_run(cls, value):
        # A run read from the database is written the way selectors.run_row writes it.
        from wsis.reports.models import ReportRun

        run = getattr(value, "_obj", value)  # django-ninja may hand the object over wrapped
        if isinstance(run, ReportRun):
            from wsis.reports.selectors import run_row

            return run_row(run)
        return value


class ReportSource(Schema):
    """Where the figures of a report come from (cited by its tables as S1, S2…)."""

    key: str
    label: str
    params: dict[str, Any]
    release: str
    path: str = ""


class RunDetail(RunOut):
    sources: list[ReportSource]


class ChangeOut(Schema):
    """A table added or removed, a row added or removed, or a cell changed (`row`, `column`, `before`, `after`)."""

    table: str
    caption: str
    change: str
    row: str | None = None
    column: str | None = None
    before: Any = Field(None, description="the cell's earlier value")
    after: Any = Field(None, description="the cell's value now")


class CompareOut(Schema):
    run: int
    compared_with: int
    changes: list[ChangeOut]
