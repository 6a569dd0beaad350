"""The funding lists' read contracts (see wsis.core.lists): flows, the dashboard's breakdown, exchange rates,
agreements and organisations. Amounts are strings (exact decimals), dates ISO strings."""

from ninja import Schema
from pydantic import field_validator

from wsis.core.bounds import Id, Year
from wsis.core.lists import ListContract
from wsis.partnerships.funding import selectors


class FlowParams(Schema):
    region: str = ""
    group: str = ""
    line: str = ""
    year: Year | None = None
    stage: str = ""
    mechanism: str = ""
    funder_kind: str = ""
    activity: Id | None = None
    funder: Id | None = None
    agreement: Id | None = None

    @field_validator("year", "activity", "funder", "agreement", mode="before")
    @classmethod
    def _blank_is_none(cls, v):
        # A filter form sends every field, the unused ones blank.
        return None if v == "" else v

    @field_validator("region", "group", "line", "stage", "mechanism", "funder_kind", mode="before")
    @classmethod
    def _none_is_blank(cls, v):
        return "" if v is None else v

    def filters(self) -> selectors.FlowFilters:
        return selectors.FlowFilters(**self.dict())


class FlowRow(Schema):
    id: int
    activity: int
    activity_title: str
    funder: str
    funder_identifier: str
    funder_kind: str
    stage: str
    value_date: str
    currency: str
    amount: str | None
    usd: str | None
    rate_per_usd: str | None
    rate_date: str | None
    mechanism: str
    public: bool
    confidential: bool
    agreement: str | None
    reference: str | None
    description: str


def _flows(viewer, p: FlowParams, language: str) -> list[dict]:
    return selectors.flow_rows(viewer, p.filters(), language=language)


FLOWS = ListContract(
    name="partnerships.flows", row=FlowRow, params=FlowParams, select=_flows, filename="funding-flows",
    api_path="/api/v1/partnerships/flows", page="web:flows",
    examples=[{}, {"stage": "commitment"}, {"region": "AFR", "mechanism": "trust_fund"}, {"year": "2024"}])


class BreakdownRow(Schema):
    dimension: str
    code: str
    label: str
    pledge: str
    commitment: str
    disbursement: str
    expenditure: str


def _breakdown(viewer, p: FlowParams, language: str) -> list[dict]:
    return selectors.funding_breakdown(viewer, p.filters(), language=language)


BREAKDOWN = ListContract(
    name="partnerships.funding-breakdown", row=BreakdownRow, params=FlowParams, select=_breakdown,
    filename="funding-breakdown", api_path="/api/v1/partnerships/summary/breakdown", page="web:partnerships",
    examples=[{}, {"region": "AFR"}, {"stage": "commitment", "funder_kind": "member_state"}])


class RateParams(Schema):
    currency: str = ""


class RateRow(Schema):
    currency: str
    date: str
    per_usd: str
    source: str


def _rates(viewer, p: RateParams, language: str) -> list[dict]:
    return selectors.rate_rows(currency=p.currency or "")


RATES = ListContract(
    name="partnerships.rates", row=RateRow, params=RateParams, select=_rates, filename="exchange-rates",
    api_path="/api/v1/partnerships/rates", page="web:rates", examples=[{}, {"currency": "EUR"}, {"currency": "chf"}])


class AgreementParams(Schema):
    status: str = ""
    region: str = ""
    framework: str = ""
    q: str = ""


class AgreementRow(Schema):
    id: int
    reference: str
    kind: str
    title: str
    status: str
    signed_on: str | None
    start_date: str | None
    end_date: str | None
    region: str | None
    frameworks: list[str]
    parties: list[str]
    public: bool


def _agreements(viewer, p: AgreementParams, language: str) -> list[dict]:
    return selectors.agreement_rows(selectors.agreement_list(
        viewer, status=p.status or "", region=p.region or "", framework=p.framework or "", q=(p.q or "").strip()))


AGREEMENTS = ListContract(
    name="partnerships.agreements", row=AgreementRow, params=AgreementParams, select=_agreements,
    filename="agreements", api_path="/api/v1/partnerships/agreements", page="web:agreements",
    examples=[{}, {"status": "in_force"}, {"region": "AFR"}, {"framework": "wsis20", "q": "a"}])


class OrganisationParams(Schema):
    q: str = ""
    kind: str = ""
    membership: str = ""


class OrganisationRow(Schema):
    id: int
    name: str
    acronym: str
    kind: str
    membership: str
    identifier: str | None
    economy: str | None
    region: str | None
    website: str


def _organisations(viewer, p: OrganisationParams, language: str) -> list[dict]:
    return selectors.organisation_rows(q=(p.q or "").strip(), kind=p.kind or "", membership=p.membership or "")


ORGANISATIONS = ListContract(
    name="partnerships.organisations", row=OrganisationRow, params=OrganisationParams, select=_organisations,
    filename="organisations", api_path="/api/v1/partnerships/organisations", page="web:organisations",
    examples=[{}, {"kind": "financial_institution"}, {"q": "bank"}, {"membership": "sector_member"}])
