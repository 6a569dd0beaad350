"""Template context shared by every page."""

from django.conf import settings

from wsis.accounts import selectors
from wsis.planning import reminders
from wsis.web import navigation


def site(request):
    # One indexed query per page each; demo rows exist only after `wsis demo`.
    demo = selectors.has_demo_data() if settings.WSIS_DEMO_BANNER else False
    return {"demo_data": demo, "ui_languages": settings.LANGUAGES,
            "plan_reminders_unread": reminders.unread_count(getattr(request, "user", None)),
            **chrome(request.path)}


def chrome(path: str) -> dict:
    """The header menu and the breadcrumbs of a page; no database query (the server-error page uses it too)."""
    return {"main_menu": navigation.main_menu(path), "breadcrumb_trail": navigation.breadcrumbs(path)}
