"""What every API module shares: the error envelope, the statuses an operation can answer, the language and
download-format parameters. One definition, so that the OpenAPI document names each once."""

from typing import Literal

from ninja import Schema

Lang = Literal["ar", "zh-hans", "en", "fr", "ru", "es", "zh", "zh-Hans"]
Fmt = Literal["json", "csv", "xlsx"]


class Error(Schema):
    code: str
    message: str
    field: str | None = None
    location: str | None = None


class ErrorEnvelope(Schema):
    ok: bool
    status: int
    errors: list[Error]


# Reads answer 400 (a parameter out of bounds), 404 and 422; writes also 401, 403 and 409.
READ_ERRORS = {400: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope}
ERRORS = {**READ_ERRORS, 401: ErrorEnvelope, 403: ErrorEnvelope, 409: ErrorEnvelope}


class Done(Schema):
    """The answer of a write that has nothing more to say than which record it touched."""

    ok: bool = True
    id: int | None = None
