"""Registry endpoints: search with facets, detail, create, update, workflow, revisions, import and export."""

from typing import Annotated, Literal

from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile
from pydantic import Field

from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id
from wsis.core.i18n import language_param
from wsis.core.schemas import ERRORS, Lang
from wsis.reference.selectors import lines_for_targets, suggest_targets_for_lines
from wsis.stocktaking import exports, imports, selectors, services
from wsis.stocktaking.schemas import (
    ActivityExport,
    ActivityIn,
    Detail,
    Duplicate,
    Facets,
    ImportResult,
    Page,
    SearchParams,
    Suggestions,
    TransitionIn,
    Version,
)

router = Router(tags=["activities"])
FILTER_DOC = ("Filters (repeat a key or separate codes by commas): " + ", ".join(selectors.FACETS)
              + "; q = full text in any of the six languages; sort = " + ", ".join(selectors.SORTS))


def _filters(params: SearchParams) -> selectors.Filters:
    return selectors.Filters.from_params({**params.dict(), "mine": "1" if params.mine else ""})


def _viewer(request):
    return request.user if request.user.is_authenticated else None


@router.get("", response={200: Page, **ERRORS}, summary="Search activities", description=FILTER_DOC)
def activity_search(request, params: Query[SearchParams], limit: Annotated[int, Field(ge=1, le=selectors.MAX_LIMIT)] = 25,
                    cursor: str | None = None):
    return selectors.page(_viewer(request), _filters(params), language=language_param(params.lang), limit=limit, cursor=cursor)


@router.get("/facets", response={200: Facets, **ERRORS}, summary="Facet counts for a search",
            description=FILTER_DOC)
def activity_facets(request, params: Query[SearchParams]):
    return selectors.facet_counts(_viewer(request), _filters(params), language_param(params.lang))


@router.get("/export", response={200: ActivityExport, **ERRORS}, summary="Download the activities of a search",
            description="format = csv, xlsx, json or iati (IATI activity XML 2.03). " + FILTER_DOC)
def activity_export(request, params: Query[SearchParams], format: Literal["csv", "xlsx", "json", "iati"] = "csv"):
    return exports.render(selectors.export_rows(_viewer(request), _filters(params)), format)


@router.get("/template", response={200: bytes, **ERRORS}, summary="Empty import template (CSV or XLSX)")
def activity_template(request, format: Literal["csv", "xlsx"] = "xlsx"):
    return exports.template_response(format)


@router.get("/suggest", response={200: Suggestions, **ERRORS},
            summary="Tag suggestions from the WSIS–SDG matrix: targets for action lines, and lines for targets")
def activity_suggest(request, action_line: list[str] = Query([]), target: list[str] = Query([])):
    return {"sdg_targets": suggest_targets_for_lines(action_line) if action_line else [],
            "action_lines": lines_for_targets(target) if target else []}


@router.post("/import", auth=django_auth, response={200: ImportResult, **ERRORS},
             summary="Import activities from CSV, XLSX, JSON or IATI XML (all or nothing; idempotent by external_id)")
def activity_import(request, file: File[UploadedFile], publish: Form[bool] = False):
    return imports.import_upload(request.user, file, publish=publish)


@router.get("/{int:activity_id}", response={200: Detail, **ERRORS}, summary="One activity")
def activity_detail(request, activity_id: Id, lang: Lang = "en"):
    viewer = _viewer(request)
    return selectors.detail(viewer, selectors.get_visible(viewer, activity_id), language_param(lang))


@router.post("", auth=django_auth, response={201: Detail, **ERRORS}, summary="Record an activity (as a draft)")
def activity_create(request, payload: ActivityIn):
    a = services.activity_create(actor=request.user, data=payload.dict())
    return Status(201, selectors.detail(request.user, a, "en"))


@router.put("/{int:activity_id}", auth=django_auth, response={200: Detail, **ERRORS}, summary="Change a draft or returned activity")
def activity_update(request, activity_id: Id, payload: ActivityIn):
    a = selectors.get_visible(request.user, activity_id)
    a = services.activity_update(actor=request.user, activity=a, data=payload.dict())
    return selectors.detail(request.user, a, "en")


@router.post("/{int:activity_id}/transitions", auth=django_auth, response={200: Detail, **ERRORS},
             summary="Move an activity through the review workflow",
             description="action = " + ", ".join(services.ACTIONS) + ". An impossible step answers 409.")
def activity_transition(request, activity_id: Id, payload: TransitionIn):
    a = selectors.get_visible(request.user, activity_id)
    a = services.activity_transition(actor=request.user, activity=a, action=payload.action, comment=payload.comment)
    return selectors.detail(request.user, a, "en")


@router.post("/{int:activity_id}/revise", auth=django_auth, response={201: Detail, **ERRORS},
             summary="Open a revision of a published activity (the published version stays public)")
def activity_revise(request, activity_id: Id):
    a = selectors.get_visible(request.user, activity_id)
    rev = services.activity_revise(actor=request.user, activity=a)
    return Status(201, selectors.detail(request.user, rev, "en"))


@router.get("/{int:activity_id}/duplicates", response={200: list[Duplicate], **ERRORS},
            summary="Likely duplicates (shown before submitting)")
def activity_duplicates(request, activity_id: Id):
    viewer = _viewer(request)
    a = selectors.get_visible(viewer, activity_id)
    return selectors.duplicates(viewer, a)


@router.get("/{int:activity_id}/versions", response={200: list[Version], **ERRORS}, summary="Published versions")
def activity_versions(request, activity_id: Id):
    return selectors.versions(selectors.get_visible(_viewer(request), activity_id))
