"""Who may do what in the operational plan; the services call these."""

from wsis.accounts.models import Role
from wsis.accounts.permissions import has_role, is_bdt_admin


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_plan_manage(user) -> bool:
    """BDT administrators build the plan, approve updates, lock periods and correct locked figures."""
    return is_bdt_admin(user)


def can_plan_view(user, plan) -> bool:
    return plan.state != "draft" or can_plan_manage(user)


def can_output_edit(user, output) -> bool:
    """The staff of the responsible office, and the regional officers of a regional office's region."""
    if not _signed_in(user):
        return False
    if can_plan_manage(user):
        return True
    office = output.office
    if user.organisation_id is not None and user.organisation_id == office.pk:
        return True
    return office.kind == "regional_office" and office.region_id is not None and has_role(
        user, Role.REGIONAL_OFFICER, region=office.region_id)


def can_update_decide(user) -> bool:
    """Approving or returning an update: BDT administrators and global BDT reviewers."""
    if not _signed_in(user):
        return False
    return is_bdt_admin(user) or has_role(user, Role.REVIEWER)


def can_update_view(user, update) -> bool:
    return update.state == "approved" or can_output_edit(user, update.output) or can_update_decide(user)
