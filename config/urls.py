"""URL map: the web UI (language-prefixed), the admin and the JSON API."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView

from config.api import api
from wsis.core.apicontract import error_response
from wsis.web.language import set_language


@csrf_exempt  # an unknown API path answers 404 whatever the method, not a CSRF page
def api_not_found(request, rest=""):
    return error_response(404, "not_found", f"No API endpoint at {request.path}")


@cache_control(max_age=86400, public=True)
def favicon(request):
    return RedirectView.as_view(url=static("wsis/favicon.svg"))(request)


handler400 = "wsis.web.errors.bad_request"
handler403 = "wsis.web.errors.permission_denied"
handler404 = "wsis.web.errors.page_not_found"
handler500 = "wsis.web.errors.server_error"

urlpatterns = [
    path("favicon.ico", favicon),
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
    path("i18n/setlang/", set_language, name="set_language"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("wsis.web.urls")),
    prefix_default_language=True,
)
