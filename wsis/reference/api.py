"""Read endpoints of the reference frameworks: every list in JSON or CSV, texts in the asked language."""

import datetime as dt
from typing import Annotated, Literal

from ninja import Query, Router, Schema, Status
from pydantic import Field

from wsis.core.apiauth import django_auth
from wsis.core.export import csv_response
from wsis.core.i18n import language_param
from wsis.core.lists import list_route
from wsis.reference import lists, selectors

router = Router(tags=["reference"])

Goal = Annotated[int, Field(ge=1, le=17)]  # the seventeen SDGs
Lang = Literal["ar", "zh-hans", "en", "fr", "ru", "es", "zh", "zh-Hans"]


class ListParams(Schema):
    lang: Lang = "en"
    format: Literal["json", "csv"] = "json"


class Error(Schema):
    code: str
    message: str
    field: str | None = None
    location: str | None = None


class ErrorEnvelope(Schema):
    ok: bool
    status: int
    errors: list[Error]


class ActionLineOut(Schema):
    code: str
    parent: str | None
    name: str
    itu_role: str
    itu_role_label: str
    itu_high_priority: bool
    un_lead_facilitators: list[str]
    sdg_goals: list[int]
    sdg_targets: list[str]


class ActionLineList(Schema):
    count: int
    results: list[ActionLineOut]


class GoalOut(Schema):
    code: str
    number: int
    short: str
    title: str
    targets: int


class GoalList(Schema):
    count: int
    results: list[GoalOut]


class TargetOut(Schema):
    code: str
    goal: int
    title: str


class TargetList(Schema):
    count: int
    results: list[TargetOut]


class IndicatorOut(Schema):
    code: str
    target: str
    goal: int
    status: str
    title: str


class IndicatorList(Schema):
    count: int
    results: list[IndicatorOut]


class MatrixOut(Schema):
    action_line: str
    goal: int
    target: str | None
    source: str


class MatrixList(Schema):
    count: int
    results: list[MatrixOut]


class StrategicTargetOut(Schema):
    code: str
    framework: str
    goal: str
    text: str
    indicator: str
    sdg_indicator: str | None
    scope: str
    scope_label: str
    comparator: str
    comparator_label: str
    value: float | None
    unit: str
    baseline_year: int | None
    deadline: str
    source: str
    verified: bool
    note: str


class StrategicTargetList(Schema):
    count: int
    results: list[StrategicTargetOut]


class MembershipOut(Schema):
    group: str
    kind: str
    name: str
    valid_from: str | None
    valid_to: str | None
    current: bool
    source: str


class EconomyDetail(Schema):
    iso3: str
    iso2: str | None
    m49: str | None
    itu_code: str | None
    name: str
    names: dict[str, str]
    itu_region: str | None
    itu_region_name: str | None
    memberships: list[MembershipOut]


class GroupOut(Schema):
    code: str
    kind: str
    name: str
    abbr: str
    members: int
    is_demo: bool


class GroupList(Schema):
    count: int
    results: list[GroupOut]


class SourceOut(Schema):
    code: str
    title: str
    url: str
    version: str


class SourceList(Schema):
    count: int
    results: list[SourceOut]


ERRORS = {400: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope}
WRITE_ERRORS = {**ERRORS, 401: ErrorEnvelope, 403: ErrorEnvelope}


class GroupIn(Schema):
    code: str
    names: dict[str, str]
    members: list[str]
    valid_from: dt.date | None = None


class MembersIn(Schema):
    members: list[str]
    on: dt.date


def _lang(params: ListParams) -> str:
    return language_param(params.lang)


def _answer(rows: list[dict], params: ListParams, filename: str):
    if params.format == "csv":
        return csv_response(rows, filename)
    return {"count": len(rows), "results": rows}


@router.get("/action-lines", response={200: ActionLineList, **ERRORS}, summary="WSIS action lines with ITU's role")
def action_lines(request, params: Query[ListParams], itu_role: Literal["sole_facilitator", "co_facilitator", "partner", "none"] | None = None):
    return _answer(selectors.action_line_list(language=_lang(params), itu_role=itu_role), params, "action-lines")


@router.get("/sdg/goals", response={200: GoalList, **ERRORS}, summary="The 17 SDGs")
def sdg_goals(request, params: Query[ListParams]):
    return _answer(selectors.sdg_goal_list(language=_lang(params)), params, "sdg-goals")


@router.get("/sdg/targets", response={200: TargetList, **ERRORS}, summary="The 169 SDG targets")
def sdg_targets(request, params: Query[ListParams], goal: Goal | None = None):
    return _answer(selectors.sdg_target_list(language=_lang(params), goal=goal), params, "sdg-targets")


@router.get("/sdg/indicators", response={200: IndicatorList, **ERRORS},
            summary="SDG indicators: the current global list, or legacy codes with status=legacy")
def sdg_indicators(request, params: Query[ListParams], goal: Goal | None = None, target: str | None = None,
                   status: Literal["current", "legacy"] = "current"):
    return _answer(selectors.sdg_indicator_list(language=_lang(params), goal=goal, target=target, status=status),
                   params, "sdg-indicators")


@router.get("/matrix", response={200: MatrixList, **ERRORS}, summary="The WSIS–SDG matrix")
def matrix(request, params: Query[ListParams], action_line: str | None = None, goal: Goal | None = None):
    return _answer(selectors.matrix_list(action_line=action_line, goal=goal), params, "wsis-sdg-matrix")


@router.get("/matrix/suggest-targets", response={200: list[str], **ERRORS},
            summary="SDG targets the matrix suggests for the given action lines")
def suggest_targets(request, action_line: list[str] = Query(...)):
    return selectors.suggest_targets_for_lines(action_line)


@router.get("/strategic-targets", response={200: StrategicTargetList, **ERRORS},
            summary="Connect 2030 and 2030 universal meaningful connectivity targets")
def strategic_targets(request, params: Query[ListParams], framework: str | None = None, scope: str | None = None,
                      verified: bool | None = None):
    return _answer(selectors.strategic_target_list(language=_lang(params), framework=framework, scope=scope,
                                                   verified=verified), params, "strategic-targets")


list_route(router, "/economies", lists.ECONOMIES, summary="Economies with their ITU region and groups at a date")


@router.get("/economies/{iso3}", response={200: EconomyDetail, **ERRORS}, summary="One economy with its membership history")
def economy(request, iso3: str, lang: Lang = "en"):
    return selectors.economy_detail(iso3=iso3, language=_lang(ListParams(lang=lang)))


@router.get("/groups", response={200: GroupList, **ERRORS}, summary="Regions and groups of economies")
def groups(request, params: Query[ListParams], kind: Literal["itu_region", "development", "income", "custom"] | None = None,
           at: str | None = None):
    return _answer(selectors.group_list(language=_lang(params), kind=kind, at=at), params, "groups")


@router.get("/groups/{code}/members", response={200: lists.ECONOMIES.answer, **ERRORS}, summary="Members of a region or group at a date")
def group_members(request, code: str, params: Query[ListParams], at: str | None = None):
    return _answer(selectors.group_members(code=code, language=_lang(params), at=at), params, f"group-{code}")


@router.get("/sources", response={200: SourceList, **ERRORS}, summary="Where each reference data set comes from")
def sources(request, params: Query[ListParams]):
    return _answer(selectors.source_list(), params, "reference-sources")


def _group_out(group, language: str = "en") -> dict:
    return next(g for g in selectors.group_list(language=language, kind=group.kind) if g["code"] == group.code)


@router.post("/groups", auth=django_auth, response={201: GroupOut, **WRITE_ERRORS},
             summary="Define a group of economies (e.g. a regional initiative's countries)")
def group_create(request, payload: GroupIn):
    from wsis.reference.services import group_create as create

    group = create(actor=request.user, code=payload.code, names=payload.names, members=payload.members,
                   valid_from=payload.valid_from)
    return Status(201, _group_out(group))


@router.put("/groups/{code}/members", auth=django_auth, response={200: GroupOut, **WRITE_ERRORS},
            summary="Change a group's members from a date; earlier membership is kept as history")
def group_members_set(request, code: str, payload: MembersIn):
    from wsis.core.errors import NotFound
    from wsis.reference.models import Group
    from wsis.reference.services import group_members_set as set_members

    group = Group.objects.filter(code=code).first()
    if group is None:
        raise NotFound(f"No region or group with code {code!r}.")
    set_members(actor=request.user, group=group, members=payload.members, on=payload.on)
    return _group_out(group)
