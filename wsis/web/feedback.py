"""Service errors shown to the reader as messages: the summary, then each problem with where it is."""

from django.contrib import messages

from wsis.core.errors import ServiceError


def service_errors(request, exc: ServiceError) -> None:
    messages.error(request, exc.message)
    for e in exc.errors:
        if e.message != exc.message:
            where = ", ".join(x for x in (e.location, e.field) if x)
            messages.error(request, f"{where}: {e.message}" if where else e.message)
