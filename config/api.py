"""The one JSON API of the platform, at /api/v1/, with one error envelope for every failure."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from wsis.core.apicontract import STATUS_CODES, ContractAPI
from wsis.core.errors import ServiceError, envelope
from wsis.core.validation import loads_json


class StrictJsonParser(Parser):
    """Bodies that say one thing only: a key given twice, NaN or Infinity are refused with a clear message."""

    def parse_body(self, request):
        return loads_json(request.body)


api = ContractAPI(
    parser=StrictJsonParser(),
    title="WSIS·SDG Tracker API",
    version="1",
    description=(
        "Reference frameworks (WSIS action lines, SDGs, the WSIS–SDG matrix, strategic targets, economies and groups) "
        "and, as they land, the registry, statistics, partnerships, planning, reports and prizes. Every list answers "
        "JSON by default and CSV with `format=csv`; texts come in the language given by `lang` (ar, zh-hans, en, fr, "
        "ru, es), English where a text is missing. Errors: "
        '`{"ok": false, "status": 409, "errors": [{"code": "...", "message": "..."}]}` for every failure, '
        "each operation listing the statuses it can answer. Writes need a signed-in session (else 401 "
        "`unauthenticated`) and the `csrftoken` cookie's value in the `X-CSRFToken` header (else 403 "
        "`csrf_failed`). Years, ids, page sizes and text parameters are bounded as each parameter says."
    ),
    urls_namespace="api",
)


class ApiResource(Schema):
    name: str
    path: str
    description: str


class ApiIndex(Schema):
    """What /api/v1/ answers: where the documentation is and the main collections."""

    name: str
    version: str
    docs: str
    openapi: str
    languages: list[str]
    resources: list[ApiResource]


# The main collections, each a GET answering JSON (CSV with `format=csv` where the operation says so).
API_RESOURCES = [
    ("activities", "/api/v1/activities", "The stocktaking registry of WSIS activities."),
    ("action-lines", "/api/v1/reference/action-lines", "The WSIS action lines and their facilitators."),
    ("sdg-goals", "/api/v1/reference/sdg/goals", "The 17 Sustainable Development Goals."),
    ("sdg-targets", "/api/v1/reference/sdg/targets", "The SDG targets."),
    ("matrix", "/api/v1/reference/matrix", "The WSIS–SDG matrix: which action lines serve which targets."),
    ("strategic-targets", "/api/v1/reference/strategic-targets", "The strategic targets."),
    ("economies", "/api/v1/reference/economies", "Economies with their names, codes and group memberships."),
    ("groups", "/api/v1/reference/groups", "Regions and groups of economies."),
    ("indicators", "/api/v1/statistics/indicators", "Statistical indicators and their data."),
    ("statistics-targets", "/api/v1/statistics/targets", "Progress towards the targets."),
    ("releases", "/api/v1/statistics/releases", "Published data releases."),
    ("partnerships", "/api/v1/partnerships/summary", "Funding committed, disbursed and spent."),
    ("agreements", "/api/v1/partnerships/agreements", "Partnership agreements."),
    ("flows", "/api/v1/partnerships/flows", "Funding flows."),
    ("organisations", "/api/v1/partnerships/organisations", "Organisations."),
    ("events", "/api/v1/partnerships/events", "Trainings and events."),
    ("requests", "/api/v1/partnerships/requests", "Public assistance requests."),
    ("contributions", "/api/v1/partnerships/contributions", "Contributions."),
    ("plans", "/api/v1/plans", "Operational plans and their status."),
    ("prizes", "/api/v1/prizes/contests", "WSIS Prizes contests."),
    ("reports", "/api/v1/reports", "Generated reports."),
]


@api.get("/", response={200: ApiIndex}, tags=["index"], operation_id="api_index",
         summary="The API's index: its documentation and main collections")
def api_index(request):
    from django.conf import settings

    return {"name": api.title, "version": api.version, "docs": "/api/v1/docs", "openapi": "/api/v1/openapi.json",
            "languages": [code for code, _name in settings.LANGUAGES],
            "resources": [{"name": n, "path": p, "description": d} for n, p, d in API_RESOURCES]}


@api.exception_handler(ServiceError)
def _service_error(request, exc: ServiceError):
    return api.create_response(request, envelope(exc.status, [e.as_dict() for e in exc.errors]), status=exc.status)


@api.exception_handler(NinjaValidationError)
def _validation_error(request, exc: NinjaValidationError):
    errors = []
    for e in exc.errors:
        loc = [str(p) for p in e.get("loc", []) if p not in ("query", "body", "path")]
        errors.append({"code": "invalid", "message": e.get("msg", "invalid value"), "field": ".".join(loc) or None})
    return api.create_response(request, envelope(422, errors), status=422)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, envelope(404, [{"code": "not_found", "message": str(exc) or "Not found."}]), status=404)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(request, envelope(401, [{"code": "unauthenticated", "message": "Sign in first."}]), status=401)


@api.exception_handler(DjangoPermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, envelope(403, [{"code": "permission_denied", "message": str(exc) or "Forbidden."}]), status=403)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    if isinstance(exc.__cause__, ServiceError):  # a body the strict parser refused
        return _service_error(request, exc.__cause__)
    code = STATUS_CODES.get(exc.status_code, "error")
    return api.create_response(request, envelope(exc.status_code, [{"code": code, "message": str(exc)}]), status=exc.status_code)


@api.exception_handler(MultiPartParserError)
def _malformed_body(request, exc):
    return api.create_response(request, envelope(400, [{"code": "malformed_body", "message": f"Malformed multipart body: {exc}"}]), status=400)


@api.exception_handler(UnreadablePostError)
def _unreadable_body(request, exc):
    return api.create_response(request, envelope(400, [{"code": "malformed_body", "message": "The request body could not be read."}]), status=400)


@api.exception_handler(RequestDataTooBig)
def _too_large(request, exc):
    return api.create_response(request, envelope(413, [{"code": "too_large", "message": str(exc) or "The request body is too large."}]), status=413)


@api.exception_handler(Exception)
def _unexpected(request, exc):
    import logging

    logging.getLogger("wsis.api").exception("unhandled API error")
    return api.create_response(request, envelope(500, [{"code": "server_error", "message": "Unexpected server error."}]), status=500)


from wsis.reference.api import router as reference_router  # noqa: E402
from wsis.stocktaking.api import router as activities_router  # noqa: E402

api.add_router("/reference", reference_router)
api.add_router("/activities", activities_router)

from wsis.prizes.api import router as prizes_router  # noqa: E402

api.add_router("/prizes", prizes_router)

from wsis.planning.api import router as planning_router  # noqa: E402

api.add_router("/plans", planning_router)

from wsis.statistics.api import router as statistics_router  # noqa: E402

api.add_router("/statistics", statistics_router)

from wsis.partnerships.api import router as partnerships_router  # noqa: E402

api.add_router("/partnerships", partnerships_router)

from wsis.reports.api import router as reports_router  # noqa: E402

api.add_router("/reports", reports_router)

from wsis.search.api import router as search_router  # noqa: E402

api.add_router("/search", search_router)

from wsis.reports.economies.api import router as economies_router  # noqa: E402

api.add_router("/economies", economies_router)

from wsis.reports.dashboard_api import router as dashboard_router  # noqa: E402

api.add_router("/dashboard", dashboard_router)
