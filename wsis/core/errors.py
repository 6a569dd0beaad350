"""Errors raised by services, mapped to one API envelope and to clear CLI messages."""

import enum
from dataclasses import dataclass, field


class ErrorCode(enum.StrEnum):
    """Every code an error can carry: the API's `errors[].code`, the same in pages and commands.

    A StrEnum member equals its text ("invalid" == ErrorCode.INVALID), so callers may compare with strings; an
    ErrorItem or ServiceError built with a text that is not here is a programming error and raises ValueError.
    """

    # Answers of the API itself (one per HTTP status, and the refusals made before any view runs)
    BAD_REQUEST = "bad_request"
    UNAUTHENTICATED = "unauthenticated"
    PERMISSION_DENIED = "permission_denied"
    CSRF_FAILED = "csrf_failed"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    CONFLICT = "conflict"
    LENGTH_REQUIRED = "length_required"
    TOO_LARGE = "too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    TOO_MANY_REQUESTS = "too_many_requests"
    SERVER_ERROR = "server_error"
    ERROR = "error"  # a status with no code of its own
    QUERY_TOO_LONG = "query_too_long"
    MALFORMED_BODY = "malformed_body"
    INVALID_JSON = "invalid_json"
    DUPLICATE_KEY = "duplicate_key"

    # A value refused
    VALIDATION_ERROR = "validation_error"
    MORE_PROBLEMS = "more_problems"
    INVALID = "invalid"
    REQUIRED = "required"
    INVALID_CHOICE = "invalid_choice"
    INVALID_OPTION = "invalid_option"
    UNKNOWN_CODE = "unknown_code"
    DUPLICATE = "duplicate"
    OUT_OF_RANGE = "out_of_range"
    NOT_POSITIVE = "not_positive"
    ROUNDS_TO_ZERO = "rounds_to_zero"
    TOO_MANY_DECIMALS = "too_many_decimals"
    INVALID_VALUE = "invalid_value"
    INVALID_YEAR = "invalid_year"
    INVALID_DATE = "invalid_date"
    INVALID_TEXT = "invalid_text"
    CONTROL_CHARACTER = "control_character"
    INVISIBLE_CHARACTER = "invisible_character"
    TOO_LONG = "too_long"
    TOO_DEEP = "too_deep"
    LENGTH = "length"
    WEAK_PASSWORD = "weak_password"
    INVALID_TOKEN = "invalid_token"

    # The state of a record, and who may act on it
    INVALID_TRANSITION = "invalid_transition"
    CHECKS_FAILED = "checks_failed"
    LOCKED = "locked"
    INELIGIBLE = "ineligible"
    ALREADY_VOTED = "already_voted"
    NOT_INITIALISED = "not_initialised"
    NOT_READY = "not_ready"
    NO_PREVIOUS = "no_previous"
    DIFFERENT_REPORT = "different_report"

    # Files and imports
    EMPTY = "empty"
    ENCODING = "encoding"
    MALFORMED = "malformed"
    MALFORMED_XML = "malformed_xml"
    FORBIDDEN_XML = "forbidden_xml"
    WRONG_ROOT = "wrong_root"
    ACTIVITY_FILE = "activity_file"
    ORGANISATION_FILE = "organisation_file"
    UNSUPPORTED = "unsupported"
    UNKNOWN_FORMAT = "unknown_format"
    MISSING_FILE = "missing_file"
    MISSING_LANGUAGE = "missing_language"
    MISSING_SHEET = "missing_sheet"
    MISSING_COLUMN = "missing_column"
    UNKNOWN_COLUMN = "unknown_column"
    SHORT_ROW = "short_row"
    MISSING_TITLE = "missing_title"
    INVALID_CODE = "invalid_code"
    UNKNOWN_COUNTRY = "unknown_country"

    # Money
    INVALID_AMOUNT = "invalid_amount"
    NEGATIVE_AMOUNT = "negative_amount"
    MISSING_CURRENCY = "missing_currency"
    UNKNOWN_CURRENCY = "unknown_currency"
    MISSING_RATE = "missing_rate"
    MISSING_DATE = "missing_date"
    UNKNOWN_MECHANISM = "unknown_mechanism"
    DISBURSEMENT_EXCEEDS_COMMITMENT = "disbursement_exceeds_commitment"

    # Statistics
    API_ERROR = "api_error"
    FETCH_FAILED = "fetch_failed"
    INVALID_SDMX = "invalid_sdmx"
    INVALID_AREA = "invalid_area"
    INVALID_AREA_KIND = "invalid_area_kind"
    INVALID_DIMENSION = "invalid_dimension"
    INVALID_NATURE = "invalid_nature"
    INVALID_PERIOD = "invalid_period"
    INVALID_STATUS = "invalid_status"
    INVALID_UNIT_MULT = "invalid_unit_mult"
    MISSING_AREA = "missing_area"
    MISSING_CODE = "missing_code"
    MISSING_DIMENSION = "missing_dimension"
    MISSING_INDICATOR = "missing_indicator"
    MISSING_SERIES = "missing_series"
    MIXED_UNITS = "mixed_units"
    UNIT_MISMATCH = "unit_mismatch"
    UNKNOWN_SERIES = "unknown_series"
    UNMATCHED = "unmatched"
    NOT_AGGREGABLE = "not_aggregable"
    NO_WEIGHT = "no_weight"


def error_code(code) -> ErrorCode:
    """The ErrorCode of a code or its text; ValueError names an unknown one."""
    try:
        return ErrorCode(code)
    except ValueError:
        raise ValueError(f"{code!r} is not an ErrorCode; add it to wsis.core.errors.ErrorCode") from None


@dataclass
class ErrorItem:
    code: ErrorCode
    message: str
    field: str | None = None
    location: str | None = None  # file:line for imports

    def __post_init__(self):
        self.code = error_code(self.code)

    def as_dict(self) -> dict:
        d = {"code": self.code.value, "message": self.message}
        if self.field:
            d["field"] = self.field
        if self.location:
            d["location"] = self.location
        return d


def _problem_cap() -> int:
    try:
        from django.conf import settings

        return max(1, int(getattr(settings, "WSIS_MAX_PROBLEMS", 200)))
    except Exception:  # settings not configured (plain library use)
        return 200


class Problems(list):
    """A list of ErrorItem that keeps at most `cap` items and counts the rest, so that a file with a million
    bad rows costs no more memory than one with a few hundred; `total` is every problem seen."""

    def __init__(self, items=(), cap: int | None = None):
        super().__init__()
        self.cap = cap or _problem_cap()
        self.total = 0
        self.extend(items)
        self.total += problem_count(items) - len(items)  # what another Problems list no longer kept

    def append(self, item) -> None:
        self.total += 1
        if len(self) < self.cap:
            super().append(item)

    def extend(self, items) -> None:
        for item in items:
            self.append(item)

    def __iadd__(self, items):
        self.extend(items)
        return self

    @property
    def full(self) -> bool:
        return self.total > len(self)


def problem_count(errors) -> int:
    """Every problem found, including those a Problems list no longer keeps."""
    return max(getattr(errors, "total", 0), len(errors))


@dataclass
class ServiceError(Exception):
    """A failure a user can act on; `status` is the HTTP status the API answers with."""

    message: str
    code: ErrorCode = ErrorCode.INVALID
    status: int = 400
    errors: list[ErrorItem] = field(default_factory=list)

    def __post_init__(self):
        self.code = error_code(self.code)
        super().__init__(self.message)
        if not self.errors:
            self.errors = [ErrorItem(code=self.code, message=self.message)]

    def __str__(self) -> str:
        return self.message


class ValidationFailed(ServiceError):
    """Every problem of an input at once, up to WSIS_MAX_PROBLEMS of them; past that one last item says how
    many more there are, and `total` counts them all (API, pages and commands show the same capped list)."""

    def __init__(self, errors: list[ErrorItem], message: str | None = None):
        total = problem_count(errors)
        cap = _problem_cap()
        shown = list(errors[:cap])
        if total > len(shown):
            more = total - len(shown)
            shown.append(ErrorItem(ErrorCode.MORE_PROBLEMS, f"and {more:,} more problem{'s' if more != 1 else ''} "
                                                    f"({total:,} in all); correct these and import again"))
        self.total = total
        first = shown[0].message if shown else "invalid input"
        super().__init__(message or first, code=ErrorCode.VALIDATION_ERROR, status=400, errors=shown)

    def __str__(self) -> str:
        return located_lines(self.errors)


class PermissionDenied(ServiceError):
    def __init__(self, message: str = "You do not have permission to do this."):
        super().__init__(message, code=ErrorCode.PERMISSION_DENIED, status=403)


class NotFound(ServiceError):
    def __init__(self, message: str = "Not found."):
        super().__init__(message, code=ErrorCode.NOT_FOUND, status=404)


class InvalidTransition(ServiceError):
    def __init__(self, message: str):
        super().__init__(message, code=ErrorCode.INVALID_TRANSITION, status=409)


def envelope(status: int, errors: list[dict]) -> dict:
    return {"ok": False, "status": status, "errors": errors}


def command_user(name: str):
    """The account a command acts as, or a CommandError (exit status 2) naming the unknown account."""
    from django.contrib.auth import get_user_model
    from django.core.management.base import CommandError

    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise CommandError(f"No account named {name!r}.", returncode=2)
    return user


def located_lines(errors: list[ErrorItem]) -> str:
    """One line per problem, with its file row and field first."""
    lines = []
    for e in errors:
        where = e.location or ""
        if e.field:
            where = f"{where}, field {e.field}" if where else f"field {e.field}"
        lines.append(f"{where}: {e.message}" if where else e.message)
    return "\n".join(lines)


def command_error(exc: ServiceError):
    """The CLI form of a service error: every problem on its own line, exit status 2."""
    from django.core.management.base import CommandError

    # A refusal that carries located problems (e.g. rows blocked by the workflow's checks) lists them all.
    located = any(e.location or e.field for e in exc.errors)
    detail = located_lines(exc.errors) if located else str(exc)
    return CommandError(detail if detail == exc.message else f"{exc.message}\n{detail}", returncode=2)


def command_file(path):
    """A file a command reads, or a CommandError (exit status 2) saying why it cannot be read."""
    from pathlib import Path

    from django.conf import settings
    from django.core.management.base import CommandError

    path = Path(path)
    if not path.is_file():
        raise CommandError(f"{path}: no such file.", returncode=2)
    if path.stat().st_size > settings.WSIS_MAX_IMPORT_BYTES:
        raise CommandError(f"{path}: larger than WSIS_MAX_IMPORT_BYTES ({settings.WSIS_MAX_IMPORT_BYTES} bytes).",
                           returncode=2)
    return path
