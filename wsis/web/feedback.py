"""Service errors shown to the reader as messages: each problem with where it is (file, row, field), after
the summary when the summary says something more."""

from django.contrib import messages

from wsis.core.errors import ServiceError


def service_errors(request, exc: ServiceError) -> None:
    if all(e.message != exc.message for e in exc.errors):
        messages.error(request, exc.message)
    for e in exc.errors:
        where = ", ".join(x for x in (e.location, e.field) if x)
        messages.error(request, f"{where}: {e.message}" if where else e.message)
