"""Who may do what with partnerships data; services call these, so no entry point can skip them."""

from wsis.accounts.models import Role
from wsis.accounts.permissions import has_role, is_bdt_admin, roles_of
from wsis.stocktaking.permissions import activity_regions, is_author_side

# Staff of BDT and of its regional offices see confidential amounts and follow requests.
BDT_KINDS = {"bdt_unit", "regional_office"}


def _org_id(user):
    return getattr(user, "organisation_id", None) if getattr(user, "is_authenticated", False) else None


def is_bdt_staff(user) -> bool:
    if is_bdt_admin(user):
        return True
    return _org_id(user) is not None and user.organisation.kind in BDT_KINDS


def is_regional_officer(user, region_ids) -> bool:
    return any(r.role == Role.REGIONAL_OFFICER and r.region_id in region_ids for r in roles_of(user))


def can_agreement_edit(user, region_id) -> bool:
    """BDT administrators for every agreement; a regional officer for those of their region."""
    return is_bdt_admin(user) or (region_id is not None and is_regional_officer(user, {region_id}))


def can_agreement_record(user) -> bool:
    """BDT administrators, and regional officers of a region, record new agreements."""
    return is_bdt_admin(user) or any(r.role == Role.REGIONAL_OFFICER and r.region_id for r in roles_of(user))


def can_agreement_view(user, agreement) -> bool:
    if agreement.public and agreement.status != "draft":
        return True
    return is_bdt_staff(user) or can_agreement_edit(user, agreement.region_id) or (
        _org_id(user) is not None and agreement.party_links.filter(organisation_id=user.organisation_id).exists())


def can_flow_record(user, activity) -> bool:
    """BDT administrators, the regional officers of the activity's regions, and the implementer itself."""
    if is_bdt_admin(user) or is_author_side(user, activity):
        return True
    return is_regional_officer(user, activity_regions(activity))


def can_see_amount(user, flow) -> bool:
    """Confidential amounts: only the funder, the implementer (lead or receiver) and BDT."""
    if flow.public:
        return True
    org = _org_id(user)
    return is_bdt_staff(user) or (org is not None and org in (
        flow.funder_id, flow.receiver_id, flow.activity.lead_organisation_id))


def can_event_manage(user, activity) -> bool:
    return can_flow_record(user, activity)


def can_event_register(activity) -> bool:
    event = getattr(activity, "event", None)
    return activity.state == "published" and event is not None and event.registration_open


def can_request_create(user, economy) -> bool:
    """A focal point of the economy, its administration, or BDT recording a request received by letter."""
    if is_bdt_admin(user) or has_role(user, Role.FOCAL_POINT, economy=economy):
        return True
    return _org_id(user) is not None and user.organisation.kind == "member_state" and (
        user.organisation.economy_id == getattr(economy, "pk", economy))


def can_request_view(user, request) -> bool:
    if is_bdt_staff(user):
        return True
    org = _org_id(user)
    # Only a focal point named for the request's economy, like the list in selectors.requests_visible.
    return (org is not None and org == request.requester_id) or any(
        r.role == Role.FOCAL_POINT and r.economy_id == request.economy_id for r in roles_of(user))


def can_request_handle(user, region_ids) -> bool:
    return is_bdt_admin(user) or is_regional_officer(user, region_ids)


def can_contribution_create(user) -> bool:
    if is_bdt_admin(user):
        return True
    return _org_id(user) is not None and any(
        r.role in (Role.CONTRIBUTOR, Role.FOCAL_POINT, Role.REGIONAL_OFFICER) for r in roles_of(user))


def can_contribution_edit(user, contribution) -> bool:
    return is_bdt_admin(user) or (
        _org_id(user) is not None and contribution.sources.filter(pk=user.organisation_id).exists()
        and can_contribution_create(user))
