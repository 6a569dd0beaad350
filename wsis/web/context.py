"""Template context shared by every page."""

from django.conf import settings


def site(request):
    demo = False
    if settings.WSIS_DEMO_BANNER:
        from wsis.accounts.models import Organisation

        # One indexed query per page; demo rows exist only after `wsis demo`.
        demo = Organisation.objects.filter(is_demo=True).exists()
    unread = 0
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        from wsis.planning.models import Reminder

        unread = Reminder.objects.filter(user=request.user, read_at__isnull=True).count()
    return {"demo_data": demo, "ui_languages": settings.LANGUAGES, "plan_reminders_unread": unread}
