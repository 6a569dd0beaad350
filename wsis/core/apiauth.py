"""Session authentication for the API: who is asking first, then whether the request carries its CSRF token.

Django-ninja's own session auth checks the CSRF token before it looks at the session, so an anonymous write
answered 403 "CSRF check Failed" where the contract promises 401 `unauthenticated`.
"""

from django.conf import settings
from ninja.security import APIKeyCookie
from ninja.utils import check_csrf

from wsis.core.errors import ServiceError


class CsrfFailed(ServiceError):
    def __init__(self):
        super().__init__("CSRF check failed: send the csrftoken cookie's value in the X-CSRFToken header.",
                         code="csrf_failed", status=403)


class SessionAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # → 401 unauthenticated
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise CsrfFailed()
        return user

    def authenticate(self, request, key):  # the cookie is read by Django's session middleware
        return request.user if request.user.is_authenticated else None


django_auth = SessionAuth()
