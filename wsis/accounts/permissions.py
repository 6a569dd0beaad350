"""Permission functions, named after the services they guard; services call them, views never skip them."""

from wsis.accounts.models import Role


def roles_of(user):
    """The user's role assignments, read once per request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_role_cache", None)
    if cache is None:
        cache = list(user.roles.all())
        user._role_cache = cache
    return cache


def is_bdt_admin(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(r.role == Role.BDT_ADMIN for r in roles_of(user))


def has_role(user, role: str, *, economy=None, region=None) -> bool:
    """True if the user holds `role` globally, or scoped to this economy or region."""
    for r in roles_of(user):
        if r.role != role:
            continue
        if r.economy_id is None and r.region_id is None:
            return True
        if economy is not None and r.economy_id == getattr(economy, "pk", economy):
            return True
        if region is not None and r.region_id == getattr(region, "pk", region):
            return True
    return False


def can_reference_load(user) -> bool:
    return is_bdt_admin(user)


def can_organisation_create(user) -> bool:
    return is_bdt_admin(user)


def can_role_grant(user, *, role: str, region=None) -> bool:
    if is_bdt_admin(user):
        return True
    # A regional officer may make contributors and focal points in their own region.
    return role in (Role.CONTRIBUTOR, Role.FOCAL_POINT) and region is not None and has_role(
        user, Role.REGIONAL_OFFICER, region=region
    )


def can_group_create(user) -> bool:
    """Any signed-in user with an organisation may define a group (e.g. a regional initiative's countries)."""
    return bool(getattr(user, "is_authenticated", False)) and (
        is_bdt_admin(user) or getattr(user, "organisation_id", None) is not None
    )


def can_group_edit(user, group) -> bool:
    if group.kind != "custom":
        return is_bdt_admin(user)
    return is_bdt_admin(user) or (
        getattr(user, "organisation_id", None) is not None and group.owner_id == user.organisation_id
    )
