"""Response headers that Django's own middleware does not set."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Refuses browser features (camera, microphone, location...) that no page needs, so that
    injected or framed content cannot ask for them either."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.WSIS_PERMISSIONS_POLICY
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
