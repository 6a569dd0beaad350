"""Reads about accounts that pages share: whether demo data is loaded."""


def has_demo_data() -> bool:
    """True once `wsis demo` has run (one indexed query: demo rows start with the demo organisations)."""
    from wsis.accounts.models import Organisation

    return Organisation.objects.filter(is_demo=True).exists()

