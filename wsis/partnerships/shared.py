"""What the funding and cooperation services share: collecting problems before writing, and the checks every record needs."""

from decimal import Decimal

from wsis.accounts.models import Organisation
from wsis.core import validation as val
from wsis.core.errors import (
    ErrorItem,
    NotFound,
    ValidationFailed,
)

EVENT_KINDS = ("training", "event")
MAX_AMOUNT = Decimal("1e15")
MAX_DOCUMENT_BYTES = 20_000_000


class Errors(list):
    def add(self, field, message, code="invalid", location=None):
        self.append(ErrorItem(code, message, field=field, location=location))


def _date(value, field, errors: Errors, location=None, required=False):
    try:
        return val.clean_date(value, field, location=location, required=required)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
        return None


def _fits(model, values: dict, errors: Errors, location=None, prefix="") -> None:
    """Report every value its column cannot hold (control characters, length, digits) under its field name."""
    errors.extend(val.model_errors(model, values, location=location, prefix=prefix))


def _org_fits(spec, field, errors: Errors, location=None) -> None:
    if isinstance(spec, dict):
        _fits(Organisation, {k: str(spec.get(k) or "").strip() for k in ("name", "identifier")}, errors, location,
              f"{field}.")
        if spec.get("id") not in (None, "") and val.as_id(spec["id"]) is None:
            errors.add(field, f"'{spec['id']}' is not an organisation id", "invalid", location)


def _choice(value, allowed: dict, field, errors: Errors, location=None):
    if value not in allowed:
        errors.add(field, f"'{value}' is not one of {', '.join(allowed)}" if value else "required",
                   "invalid_choice" if value else "required", location)
    return value


def _codes(values, known: dict, field, what, errors: Errors) -> list:
    values = list(dict.fromkeys(values or []))
    for v in values:
        if v not in known:
            errors.add(field, f"unknown {what} '{v}'", "unknown_code")
    return [known[v] for v in values if v in known]


def _int(value) -> int | None:
    return val.as_id(value)


def _orgs_by_id(ids, field, errors: Errors) -> list[Organisation]:
    ids = list(dict.fromkeys(ids or []))
    found = Organisation.objects.in_bulk([i for i in map(_int, ids) if i is not None])
    for i in ids:
        if _int(i) not in found:
            errors.add(field, f"unknown organisation #{i}", "unknown_code")
    return [found[_int(i)] for i in ids if _int(i) in found]



def get(model, pk):
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise NotFound(f"No {model._meta.verbose_name} #{pk}.")
    return obj

