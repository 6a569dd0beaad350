"""Registry endpoints: search with facets, detail, create, update, workflow, revisions, import and export."""

from pathlib import Path
from typing import Annotated, Literal

from django.conf import settings
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id
from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.i18n import language_param
from wsis.reference.api import ErrorEnvelope
from wsis.stocktaking import exports, selectors, services

router = Router(tags=["activities"])
ERRORS = {400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope,
          422: ErrorEnvelope}
Lang = Literal["ar", "zh-hans", "en", "fr", "ru", "es", "zh", "zh-Hans"]
FILTER_DOC = ("Filters (repeat a key or separate codes by commas): " + ", ".join(selectors.FACETS)
              + "; q = full text in any of the six languages; sort = " + ", ".join(selectors.SORTS))


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


class Check(Schema):
    code: str
    level: str
    message: str
    field: str


class Detail(Row):
    data: dict
    texts: dict[str, Text]
    version: int
    history: list[dict]
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


class ImportResult(Schema):
    created: int
    updated: int
    unchanged: int


class Suggestions(Schema):
    sdg_targets: list[str]
    action_lines: list[str]


def _filters(params: SearchParams) -> selectors.Filters:
    return selectors.Filters.from_params({**params.dict(), "mine": "1" if params.mine else ""})


def _viewer(request):
    return request.user if request.user.is_authenticated else None


@router.get("", response={200: Page, **ERRORS}, summary="Search activities", description=FILTER_DOC)
def activity_search(request, params: Query[SearchParams], limit: Annotated[int, Field(ge=1, le=selectors.MAX_LIMIT)] = 25,
                    cursor: str | None = None):
    return selectors.page(_viewer(request), _filters(params), language=language_param(params.lang), limit=limit, cursor=cursor)


@router.get("/facets", response={200: dict[str, list[FacetValue]], **ERRORS}, summary="Facet counts for a search",
            description=FILTER_DOC)
def activity_facets(request, params: Query[SearchParams]):
    return selectors.facet_counts(_viewer(request), _filters(params), language_param(params.lang))


@router.get("/export", response={200: bytes, **ERRORS}, summary="Download the activities of a search",
            description="format = csv, xlsx, json or iati (IATI activity XML 2.03). " + FILTER_DOC)
def activity_export(request, params: Query[SearchParams], format: Literal["csv", "xlsx", "json", "iati"] = "csv"):
    return exports.render(selectors.export_rows(_viewer(request), _filters(params)), format)


@router.get("/template", response={200: bytes, **ERRORS}, summary="Empty import template (CSV or XLSX)")
def activity_template(request, format: Literal["csv", "xlsx"] = "xlsx"):
    import io

    from django.http import HttpResponse

    from wsis.stocktaking import tabular

    if format == "csv":
        buf = io.StringIO()
        tabular.template_csv(buf)
        body = buf.getvalue().encode("utf-8")
    else:
        buf = io.BytesIO()
        tabular.template_xlsx(buf)
        body = buf.getvalue()
    resp = HttpResponse(body, content_type=exports.CONTENT_TYPES[format])
    resp["Content-Disposition"] = f'attachment; filename="activities-template.{format}"'
    return resp


@router.get("/suggest", response={200: Suggestions, **ERRORS},
            summary="Tag suggestions from the WSIS–SDG matrix: targets for action lines, and lines for targets")
def activity_suggest(request, action_line: list[str] = Query([]), target: list[str] = Query([])):
    from wsis.reference.models import MatrixTarget
    from wsis.reference.selectors import suggest_targets_for_lines

    lines = sorted(set(MatrixTarget.objects.filter(target__code__in=target).values_list("action_line__code", flat=True)),
                   key=lambda c: (int(c[1:].split(".")[0]), c))
    return {"sdg_targets": suggest_targets_for_lines(action_line) if action_line else [],
            "action_lines": lines if target else []}


@router.post("/import", auth=django_auth, response={200: ImportResult, **ERRORS},
             summary="Import activities from CSV, XLSX or IATI XML (all or nothing; idempotent by external_id)")
def activity_import(request, file: File[UploadedFile], publish: Form[bool] = False):
    return import_upload(request.user, file, publish=publish)


def import_upload(user, upload, *, publish: bool = False) -> dict:
    from wsis.core.uploads import saved_upload

    with saved_upload(upload) as (path, name):
        return import_path(user, path, publish=publish, label=name)


def import_path(user, path: Path, *, publish: bool = False, label: str | None = None, is_demo: bool = False) -> dict:
    items = parse_file(path, label=label)
    return services.activities_import(actor=user, items=items, publish=publish, is_demo=is_demo)


def parse_file(path: Path, *, label: str | None = None) -> list[tuple[str, dict]]:
    from wsis.stocktaking import iati, tabular

    suffix = path.suffix.lower()
    if suffix == ".csv":
        items = tabular.read_csv(path)
    elif suffix == ".xlsx":
        items = tabular.read_xlsx(path)
    elif suffix == ".xml":
        items = iati.parse_iati(path, max_bytes=settings.WSIS_MAX_IMPORT_BYTES)
    else:
        raise ValidationFailed([ErrorItem("unsupported", f"{path.name}: use a .csv, .xlsx or IATI .xml file",
                                          location=label or path.name)])
    if label and label != str(path):
        items = [(loc.replace(str(path), label), d) for loc, d in items]
    return items


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


@router.get("/{int:activity_id}/versions", response={200: list[dict], **ERRORS}, summary="Published versions")
def activity_versions(request, activity_id: Id):
    a = selectors.get_visible(_viewer(request), activity_id)
    return [{"number": v.number, "published_at": v.published_at.isoformat(), "data": v.data} for v in a.versions.all()]
