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
    def __init__(self, errors: list[ErrorItem], message: str | None = None):
        first = errors[0].message if errors else "invalid input"
        super().__init__(message or first, code="validation_error", status=400, errors=errors)

    def __str__(self) -> str:
        lines = []
        for e in self.errors:
            where = e.location or ""
            if e.field:
                where = f"{where}, field {e.field}" if where else f"field {e.field}"
            lines.append(f"{where}: {e.message}" if where else e.message)
        return "\n".join(lines)


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
    from django.core.management.base import CommandError

    from wsis.accounts.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        raise CommandError(f"No account named {name!r}.", returncode=2)
    return user


def command_error(exc: ServiceError):
    """The CLI form of a service error: every problem on its own line, exit status 2."""
    from django.core.management.base import CommandError

    detail = str(exc)
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
