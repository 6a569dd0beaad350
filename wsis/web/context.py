"""Template context shared by every page."""

from django.conf import settings


def site(request):
    demo = False
    if settings.WSIS_DEMO_BANNER:
        from wsis.accounts.models import Organisation

        # One indexed query per page; demo rows exist only after `wsis demo`.
        demo = Organisation.objects.filter(is_demo=True).exists()
    return {"demo_data": demo, "ui_languages": settings.LANGUAGES}
