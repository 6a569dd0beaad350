"""Read endpoints of the reference frameworks: every list in JSON or CSV, texts in the asked language."""

import datetime as dt
from typing import Literal

from ninja import Query, Router, Schema, Status

from wsis.core.apiauth import django_auth
from wsis.core.export import csv_response
from wsis.core.i18n import language_param
from wsis.core.lists import list_route
from wsis.core.schemas import ERRORS as WRITE_ERRORS
from wsis.core.schemas import READ_ERRORS as ERRORS
from wsis.core.schemas import Lang
from wsis.reference import lists, selectors, services
from wsis.reference.lists import Goal

router = Router(tags=["reference"])


class ListParams(Schema):
    lang: Lang = "en"
    format: Literal["json", "csv"] = "json"


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


list_route(router, "/action-lines", lists.ACTION_LINES, summary="WSIS action lines with ITU's role")
list_route(router, "/sdg/goals", lists.SDG_GOALS, summary="The 17 SDGs")
list_route(router, "/sdg/targets", lists.SDG_TARGETS, summary="The 169 SDG targets")
list_route(router, "/strategic-targets", lists.STRATEGIC_TARGETS,
           summary="Connect 2030 and 2030 universal meaningful connectivity targets")
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
    group = services.group_create(actor=request.user, code=payload.code, names=payload.names,
                                  members=payload.members, valid_from=payload.valid_from)
    return Status(201, _group_out(group))


@router.put("/groups/{code}/members", auth=django_auth, response={200: GroupOut, **WRITE_ERRORS},
            summary="Change a group's members from a date; earlier membership is kept as history")
def group_members_set(request, code: str, payload: MembersIn):
    group = selectors.group_get(code)
    services.group_members_set(actor=request.user, group=group, members=payload.members, on=payload.on)
    return _group_out(group)
