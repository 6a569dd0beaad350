"""Reads about accounts that pages share: whether demo data is loaded, what awaits the signed-in user."""


def has_demo_data() -> bool:
    """True once `wsis demo` has run (one indexed query: demo rows start with the demo organisations)."""
    from wsis.accounts.models import Organisation

    return Organisation.objects.filter(is_demo=True).exists()


def unread_reminders(user) -> int:
    """How many of the user's plan reminders are unread (0 for the public)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return 0
    from wsis.planning.models import Reminder

    return Reminder.objects.filter(user=user, read_at__isnull=True).count()
