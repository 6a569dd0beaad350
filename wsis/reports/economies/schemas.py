"""The economy profile and the comparison as the API answers them."""

from ninja import Schema


class ProfileGroup(Schema):
    code: str
    kind: str
    name: str
    since: str | None = None


class ProfileMembership(Schema):
    group: str
    kind: str
    name: str
    valid_from: str | None = None
    valid_to: str | None = None  # the day it ended (exclusive)
    current: bool
    source: str


class ProfileIndex(Schema):
    code: str
    version: str | None = None
    year: int | None = None
    score: float | None = None
    rank: int | None = None  # 1 = the highest score
    of: int  # economies with a score


class ProfileDivide(Schema):
    income_group: str | None = None
    indicator: str | None = None
    year: int | None = None
    value: float | None = None
    percentile: int | None = None  # share of economies with a lower value, 0–100
    quintile: int | None = None  # 1 (lowest fifth of economies) to 5 (highest)
    economies: int | None = None  # economies compared


class ProfileIndicator(Schema):
    indicator: str
    name: str
    unit: str
    rule: str
    year: int
    value: float
    status: str
    source: str
    key: bool
    region_value: float | None = None
    world_value: float | None = None
    series: list[tuple[int, float]]
    region_series: list[tuple[int, float]]
    world_series: list[tuple[int, float]]


class ProfileGap(Schema):
    indicator: str
    name: str
    unit: str
    last_year: int | None = None  # None: never a value
    missing_since: int | None = None
    newest_year: int  # the newest year any economy has


class ProfileActivity(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    status: str
    published_at: str | None = None


class ProfileActivities(Schema):
    count: int
    latest: list[ProfileActivity]


class ProfileFunding(Schema):
    flows: int
    confidential: int
    missing_rates: int
    total: dict[str, float]  # US dollars by stage: pledge, commitment, disbursement, expenditure


class ProfileRequestState(Schema):
    state: str
    label: str
    count: int


class ProfileRequests(Schema):
    visible: bool  # False: the viewer may not see requests (sign in)
    count: int
    open: int
    by_state: list[ProfileRequestState]


class EconomyProfile(Schema):
    iso3: str
    iso2: str | None = None
    m49: str | None = None
    name: str
    names: dict[str, str | None]
    region: ProfileGroup | None = None
    income_group: ProfileGroup | None = None
    groups: list[ProfileGroup]  # today
    history: list[ProfileMembership]  # every membership with its dates
    idi: ProfileIndex
    divide: ProfileDivide
    indicators: list[ProfileIndicator]
    gaps: list[ProfileGap]
    activities: ProfileActivities
    funding: ProfileFunding
    requests: ProfileRequests
