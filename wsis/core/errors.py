"""Errors raised by services, mapped to one API envelope and to clear CLI messages."""

from dataclasses import dataclass, field


@dataclass
class ErrorItem:
    code: str
    message: str
    field: str | None = None
    location: str | None = None  # file:line for imports

    def as_dict(self) -> dict:
        d = {"code": self.code, "message": self.message}
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
    code: str = "invalid"
    status: int = 400
    errors: list[ErrorItem] = field(default_factory=list)

    def __post_init__(self):
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
            shown.append(ErrorItem("more_problems", f"and {more:,} more problem{'s' if more != 1 else ''} "
                                                    f"({total:,} in all); correct these and import again"))
        self.total = total
        first = shown[0].message if shown else "invalid input"
        super().__init__(message or first, code="validation_error", status=400, errors=shown)

    def __str__(self) -> str:
        return located_lines(self.errors)


class PermissionDenied(ServiceError):
    def __init__(self, message: str = "You do not have permission to do this."):
        super().__init__(message, code="permission_denied", status=403)


class NotFound(ServiceError):
    def __init__(self, message: str = "Not found."):
        super().__init__(message, code="not_found", status=404)


class InvalidTransition(ServiceError):
    def __init__(self, message: str):
        super().__init__(message, code="invalid_transition", status=409)


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
