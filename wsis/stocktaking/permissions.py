"""Who may do what with an activity; services call these, so no entry point can skip them."""

from wsis.accounts.models import Role
from wsis.accounts.permissions import has_role, is_bdt_admin, roles_of


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_activity_create(user) -> bool:
    if is_bdt_admin(user):
        return True
    return _authenticated(user) and user.organisation_id is not None and any(
        r.role in (Role.CONTRIBUTOR, Role.FOCAL_POINT, Role.REGIONAL_OFFICER) for r in roles_of(user))


def is_author_side(user, activity) -> bool:
    """Contributors act for their organisation: they edit only activities their organisation leads."""
    return (_authenticated(user) and user.organisation_id is not None
            and activity.lead_organisation_id == user.organisation_id and can_activity_create(user))


def can_activity_edit(user, activity) -> bool:
    """Authors edit drafts and returned activities; BDT administrators may correct anything (audited)."""
    if activity.state == "merged":
        return False
    if is_bdt_admin(user):
        return True
    return activity.state in ("draft", "returned", "withdrawn") and is_author_side(user, activity)


def activity_regions(activity) -> set[int]:
    """Ids of the ITU regions an activity concerns (tagged, or those of its economies)."""
    from wsis.reference.models import Group

    if not activity.pk:
        return set()
    codes = activity.facets.filter(facet="region").values_list("code", flat=True)
    return set(Group.objects.filter(code__in=codes).values_list("id", flat=True))


def can_activity_review(user, activity) -> bool:
    if is_bdt_admin(user):
        return True
    if not _authenticated(user):
        return False
    if has_role(user, Role.REVIEWER):
        # A reviewer without scope reviews globally (BDT); a scoped one only in their region.
        if any(r.role == Role.REVIEWER and r.region_id is None and r.economy_id is None for r in roles_of(user)):
            return True
    regions = activity_regions(activity)
    return any(r.role == Role.REVIEWER and r.region_id in regions for r in roles_of(user))


def can_activity_view(user, activity) -> bool:
    if activity.state == "published":
        return True
    return is_bdt_admin(user) or is_author_side(user, activity) or (
        activity.state in ("submitted", "in_review", "returned", "rejected", "published", "merged")
        and can_activity_review(user, activity))


def can_activity_import(user) -> bool:
    return is_bdt_admin(user) or can_activity_create(user)
