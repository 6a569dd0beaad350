"""What the API promises beyond each operation's own declaration, kept in one place.

- Every error the API can answer is the one envelope {"ok": false, "status", "errors": [{"code", "message"}]},
  including those Django answers before a view runs (CSRF, unknown method, malformed body, server error).
- The OpenAPI document lists those errors on each operation where they can happen, and the CSV, XLSX and XML
  answers of operations that take `format`.
- A request's query string and body content type are checked before any view reads them.
"""

import logging

from django.http import JsonResponse
from ninja import NinjaAPI

from wsis.core.bounds import QUERY_STRING_MAX
from wsis.core.errors import envelope

API_PREFIX = "/api/"

# Stable codes of errors not raised by a service.
STATUS_CODES = {400: "bad_request", 401: "unauthenticated", 403: "permission_denied", 404: "not_found",
                405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
                422: "invalid", 429: "too_many_requests", 500: "server_error"}
STATUS_TEXT = {400: "Malformed request.", 401: "Sign in first.", 403: "Forbidden.", 404: "Not found.",
               405: "This method is not allowed here.", 409: "Conflict with the record's current state.",
               413: "The request body is too large.", 415: "Unsupported content type of the request body.",
               422: "A parameter or field is invalid.", 429: "Too many requests.", 500: "Unexpected server error."}

FORMAT_TYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "iati": "application/xml", "pdf": "application/pdf",
                "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
BODY_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")
ENVELOPE_REF = "#/components/schemas/ErrorEnvelope"
ENVELOPE_SCHEMAS = {
    "Error": {"type": "object", "title": "Error", "required": ["code", "message"],
              "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                             "field": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                             "location": {"anyOf": [{"type": "string"}, {"type": "null"}]}}},
    "ErrorEnvelope": {"type": "object", "title": "ErrorEnvelope", "required": ["ok", "status", "errors"],
                      "properties": {"ok": {"type": "boolean", "const": False}, "status": {"type": "integer"},
                                     "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Error"}}}},
}


def error_response(status: int, code: str | None = None, message: str | None = None) -> JsonResponse:
    body = envelope(status, [{"code": code or STATUS_CODES.get(status, "error"),
                              "message": message or STATUS_TEXT.get(status, "Request failed.")}])
    return JsonResponse(body, status=status)


def _error_statuses(method: str, op: dict) -> list[int]:
    statuses = [400, 403, 404, 422, 500]
    if op.get("security"):
        statuses.append(401)
    if method in ("post", "put", "patch", "delete"):
        statuses.append(409)
    if "requestBody" in op:
        statuses += [413, 415]
    return sorted(statuses)


def _format_values(op: dict, components: dict) -> list[str]:
    for p in op.get("parameters", []):
        if p.get("in") == "query" and p.get("name") == "format":
            schema = p.get("schema", {})
            ref = schema.get("$ref") or next((s.get("$ref") for s in schema.get("allOf", []) if "$ref" in s), None)
            if ref:
                schema = components.get(ref.rsplit("/", 1)[-1], {})
            return list(schema.get("enum", []))
    return []


def complete_document(doc: dict) -> dict:
    components = doc.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in ENVELOPE_SCHEMAS.items():
        components[name] = schema
    for methods in doc.get("paths", {}).values():
        for method, op in methods.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            responses = op["responses"] = {str(k): v for k, v in op["responses"].items()}
            for status in _error_statuses(method, op):
                responses.setdefault(str(status), {
                    "description": STATUS_TEXT[status],
                    "content": {"application/json": {"schema": {"$ref": ENVELOPE_REF}}}})
            # Files answered instead of JSON when `format` asks for them.
            formats = _format_values(op, components)
            files = [FORMAT_TYPES[f] for f in formats if f in FORMAT_TYPES]
            for status, resp in responses.items():
                if status.startswith("2") and files:
                    content = resp.setdefault("content", {})
                    if content.get("application/json", {}).get("schema", {}).get("format") == "binary":
                        # `bytes` declared for a download: JSON only when `format=json` is offered.
                        if "json" in formats:
                            content["application/json"]["schema"] = {"type": "object"}
                        else:
                            del content["application/json"]
                    for mime in files:
                        content.setdefault(mime, {"schema": {"type": "string", "format": "binary"}})
    return doc


class ContractAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        return complete_document(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))


class ApiContractMiddleware:
    """Holds every answer under /api/ to the envelope and rejects what no view could read.

    Place it first: it must see the answers other middleware (CSRF, common) give without calling a view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if len(request.META.get("QUERY_STRING", "")) > QUERY_STRING_MAX:
            return error_response(400, "query_too_long", f"The query string is longer than {QUERY_STRING_MAX} bytes.")
        # No text column holds a NUL character (PostgreSQL refuses it outright): refuse it at the door.
        if "\x00" in request.path or any("\x00" in k or any("\x00" in v for v in vs) for k, vs in request.GET.lists()):
            return error_response(400, "invalid", "NUL characters are not allowed in the path or the query string.")
        if request.method in ("POST", "PUT", "PATCH") and request.META.get("CONTENT_LENGTH", "0") not in ("", "0"):
            ctype = request.content_type or ""
            if ctype and ctype not in BODY_TYPES:
                return error_response(415, message=f"A body of type {ctype} is not read here; send "
                                                   "application/json (or multipart/form-data for files).")
        response = self.get_response(request)
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith("application/json"):
            if response.status_code >= 500:
                logging.getLogger("wsis.api").error("non-JSON %s answered at %s", response.status_code, request.path)
            code = "csrf_failed" if getattr(response, "reason_phrase", "") == "Forbidden" and b"CSRF" in (
                response.content if not response.streaming else b"") else None
            replaced = error_response(response.status_code, code)
            if response.has_header("Allow"):
                replaced["Allow"] = response["Allow"]
            return replaced
        return response
