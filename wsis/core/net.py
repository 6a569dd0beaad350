"""Who is on the other end of a request."""

from django.conf import settings


def client_address(request) -> str | None:
    """The client's network address. Behind a reverse proxy, name the header it sets in
    WSIS_CLIENT_ADDRESS_HEADER (e.g. HTTP_X_FORWARDED_FOR); its first address is the client's."""
    header = settings.WSIS_CLIENT_ADDRESS_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None
