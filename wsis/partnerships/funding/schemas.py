"""The funding API's bodies and answers (the lists' rows are in lists.py). Amounts are strings (exact decimals)."""

import datetime as dt

from ninja import Schema
from pydantic import Field, create_model

from wsis.core.bounds import Id
from wsis.core.schemas import Error
from wsis.partnerships.funding.lists import BreakdownRow

# ---------------------------------------------------------------------------------------------- bodies


class OrgIn(Schema):
    id: Id | None = None
    name: str = ""
    identifier: str = ""
    kind: str = ""


class FlowIn(Schema):
    activity: str
    funder: OrgIn
    receiver: OrgIn | None = None
    stage: str
    amount: str
    currency: str
    value_date: str
    mechanism: str
    public: bool = True
    description: str = ""
    reference: str | None = None
    agreement: str | None = None


class PartyIn(Schema):
    organisation: Id
    role: str = "party"


class AgreementIn(Schema):
    reference: str
    kind: str
    title: str
    summary: str = ""
    language: str = "en"
    region: str | None = None
    frameworks: list[str] = []
    public: bool = True
    parties: list[PartyIn]
    activities: list[int] = []
    signed_on: str | None = None
    start_date: str | None = None
    end_date: str | None = None


class StepIn(Schema):
    action: str
    on: dt.date | None = None
    comment: str = ""


class MergeIn(Schema):
    duplicate: Id


# ---------------------------------------------------------------------------------------------- answers


class StageAmounts(Schema):
    """US dollars at each stage of the pipeline."""

    pledge: str
    commitment: str
    disbursement: str
    expenditure: str


class MissingRateOut(Schema):
    """Flows left out of the totals: no rate of `currency` dated on or before `date`."""

    currency: str
    date: str
    flows: int


class SummaryOut(Schema):
    total_usd: StageAmounts
    breakdown: list[BreakdownRow]
    flows: int
    confidential: int
    missing: list[MissingRateOut]


class ActivityFundingOut(Schema):
    activity: int
    total_usd: StageAmounts
    budget_usd: str | None
    budget_error: str
    gap_usd: str | None
    complete: bool
    confidential: int


class Created(Schema):
    """The id of the record a write created."""

    id: int


class FlowImportOut(Schema):
    created: int
    updated: int
    notes: dict[str, int] = Field(description="What the file held that was skipped, with how often.")
    flags: list[Error] = Field(description="Accepted disbursements beyond the commitments on record.")


class RateImportOut(Schema):
    rows: int
    created: int
    updated: int
    unchanged: int


class PartyOut(Schema):
    organisation: int
    role: str


# A step's statuses are `from` and `to`; `from` is a Python keyword, hence the model built by name.
StepOut = create_model("AgreementStepOut", __base__=Schema, **{"from": (str, ...), "to": (str, ...),
                                                                "on": (str, ...), "comment": (str, ...)})


class AgreementOut(Schema):
    id: int
    reference: str
    kind: str
    title: str
    summary: str
    language: str
    status: str
    signed_on: str | None
    start_date: str | None
    end_date: str | None
    region: str | None
    frameworks: list[str]
    public: bool
    parties: list[PartyOut]
    activities: list[int]
    steps: list[StepOut]  # type: ignore[valid-type]


class MergeOut(Schema):
    kept: int
    moved: dict[str, int] = Field(description="Links moved from the duplicate, per relation.")
