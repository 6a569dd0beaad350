"""What the registry's API takes and answers: one Schema per shape, so the OpenAPI document types every answer."""

from ninja import Schema
from pydantic import create_model

from wsis.core.bounds import Id
from wsis.core.schemas import Lang
from wsis.stocktaking.selectors import FACETS


class SearchParams(Schema):
    q: str = ""
    kind: list[str] = []
    status: list[str] = []
    scope: list[str] = []
    priority: list[str] = []
    region: list[str] = []
    group: list[str] = []
    economy: list[str] = []
    line: list[str] = []
    role: list[str] = []
    goal: list[str] = []
    target: list[str] = []
    stakeholder: list[str] = []
    year: list[str] = []
    beneficiary: list[str] = []
    state: list[str] = []
    sort: str = "-published"
    mine: bool = False
    lang: Lang = "en"


class Text(Schema):
    title: str = ""
    summary: str = ""
    description: str = ""


class OrgRef(Schema):
    id: Id | None = None
    name: str = ""
    identifier: str = ""
    kind: str = ""


class Partner(OrgRef):
    role: str = "implementing"


class ActivityIn(Schema):
    external_id: str | None = None
    kind: str
    original_language: str = "en"
    texts: dict[str, Text]
    lead_organisation: OrgRef
    partners: list[Partner] = []
    scope: str
    economies: list[str] = []
    groups: list[str] = []
    action_lines: list[str] = []
    sdg_targets: list[str] = []
    matrix_justification: str = ""
    strategic_targets: list[str] = []
    priority: str = ""
    status: str
    start_date: str | None = None
    end_date: str | None = None
    beneficiary_groups: list[str] = []
    budget_amount: str | None = None
    budget_currency: str = ""
    links: list[str] = []
    contact_name: str = ""
    contact_email: str = ""


class OrgOut(Schema):
    name: str
    identifier: str
    kind: str


class PartnerOut(OrgOut):
    role: str


class ActivityData(Schema):
    """An activity in the interchange shape (what import takes, the JSON download writes, a version keeps)."""

    external_id: str | None
    kind: str
    original_language: str
    texts: dict[str, Text]
    lead_organisation: OrgOut
    partners: list[PartnerOut]
    scope: str
    economies: list[str]
    groups: list[str]
    action_lines: list[str]
    sdg_targets: list[str]
    matrix_justification: str
    strategic_targets: list[str]
    priority: str
    status: str
    start_date: str | None
    end_date: str | None
    beneficiary_groups: list[str]
    budget_amount: str | None
    budget_currency: str
    links: list[str]
    contact_name: str
    contact_email: str


class Row(Schema):
    id: int
    external_id: str | None
    title: str
    summary: str
    kind: str
    status: str
    scope: str
    state: str
    priority: str
    original_language: str
    lead_organisation: str
    start_date: str | None
    end_date: str | None
    published_at: str | None
    action_lines: list[str]
    sdg_targets: list[str]
    regions: list[str]
    economies: list[str]
    groups: list[str]
    beneficiary_groups: list[str]
    revision_of: int | None


class Page(Schema):
    count: int
    next: str | None
    results: list[Row]


class FacetValue(Schema):
    code: str
    label: str
    count: int
    selected: bool


# One list of values per facet, named as the filters are.
Facets = create_model("Facets", __base__=Schema, **{name: (list[FacetValue], ...) for name in FACETS})


class Check(Schema):
    code: str
    level: str
    message: str
    field: str


# "from" is a Python keyword, so the field is declared by name.
HistoryEntry = create_model("HistoryEntry", __base__=Schema, **{
    "from": (str, ...), "to": (str, ...), "at": (str, ...), "comment": (str, ...), "actor": (str, ...)})


class Detail(Row):
    data: ActivityData
    texts: dict[str, Text]
    version: int
    history: list[HistoryEntry]  # type: ignore[valid-type]
    checks: list[Check]
    actions: list[str]
    open_revision: int | None


class TransitionIn(Schema):
    action: str
    comment: str = ""


class Duplicate(Schema):
    id: int
    title: str
    state: str
    similarity: float


class Version(Schema):
    number: int
    published_at: str
    data: ActivityData


class ImportResult(Schema):
    created: int
    updated: int
    unchanged: int


class Suggestions(Schema):
    sdg_targets: list[str]
    action_lines: list[str]


class ActivityExport(Schema):
    """The JSON download of a search: every activity found, in the interchange shape import takes back."""

    count: int
    results: list[ActivityData]
