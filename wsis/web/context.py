"""Template context shared by every page."""

from django.conf import settings

from wsis.accounts import selectors


def site(request):
    # One indexed query per page each; demo rows exist only after `wsis demo`.
    demo = selectors.has_demo_data() if settings.WSIS_DEMO_BANNER else False
    return {"demo_data": demo, "ui_languages": settings.LANGUAGES,
            "plan_reminders_unread": selectors.unread_reminders(getattr(request, "user", None))}
