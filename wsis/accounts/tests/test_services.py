import pytest

from wsis.accounts.models import Organisation, Role, RoleAssignment, User
from wsis.accounts.services import organisation_create, role_grant, role_revoke, user_create
from wsis.core.errors import PermissionDenied, ValidationFailed
from wsis.core.models import AuditLog
from wsis.reference.models import Economy, Group, Membership
from wsis.reference.services import group_create, group_members_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def afr(reference):
    return Group.objects.get(code="AFR")


@pytest.fixture
def officer(admin_user, afr):
    org = organisation_create(actor=admin_user, name="RO Africa", kind="regional_office", region=afr)
    user = user_create(actor=admin_user, username="officer", organisation=org)
    role_grant(actor=admin_user, user=user, role=Role.REGIONAL_OFFICER, region=afr)
    return User.objects.get(pk=user.pk)


def test_only_admins_create_organisations(reference, officer):
    with pytest.raises(PermissionDenied):
        organisation_create(actor=officer, name="X", kind="academia")
    with pytest.raises(PermissionDenied):
        organisation_create(actor=None, name="X", kind="academia")


def test_organisation_create_validates_and_audits(admin_user):
    with pytest.raises(ValidationFailed) as err:
        organisation_create(actor=admin_user, name=" ", kind="pirates")
    fields = {e.field for e in err.value.errors}
    assert fields == {"name", "kind"}
    assert not Organisation.objects.exists()
    org = organisation_create(actor=admin_user, name="Ministry", kind="member_state", economy=Economy.objects.get(iso3="KEN"))
    entry = AuditLog.objects.get(verb="organisation.create")
    assert entry.actor == admin_user and entry.target_id == str(org.pk) and entry.after["name"] == "Ministry"


def test_role_scopes_are_checked(admin_user, afr):
    user = user_create(actor=admin_user, username="u1")
    with pytest.raises(ValidationFailed) as err:
        role_grant(actor=admin_user, user=user, role=Role.FOCAL_POINT)
    assert err.value.errors[0].field == "economy"
    with pytest.raises(ValidationFailed):
        role_grant(actor=admin_user, user=user, role=Role.REGIONAL_OFFICER, region=Group.objects.get(code="LDC"))
    with pytest.raises(ValidationFailed):
        role_grant(actor=admin_user, user=user, role=Role.BDT_ADMIN, region=afr)
    assert not RoleAssignment.objects.filter(user=user).exists()


def test_regional_officer_grants_only_in_own_region(officer, afr):
    admin = User.objects.get(username="root")
    user = user_create(actor=admin, username="ke")
    role_grant(actor=officer, user=user, role=Role.CONTRIBUTOR, region=afr)
    with pytest.raises(PermissionDenied):
        role_grant(actor=officer, user=user, role=Role.CONTRIBUTOR, region=Group.objects.get(code="EUR"))
    with pytest.raises(PermissionDenied):
        role_grant(actor=officer, user=user, role=Role.REVIEWER, region=afr)
    assignment = RoleAssignment.objects.get(user=user, role=Role.CONTRIBUTOR)
    role_revoke(actor=officer, assignment=assignment)
    assert AuditLog.objects.filter(verb="role.revoke").count() == 1


def test_user_defined_group_and_membership_history(officer):
    import datetime as dt

    g = group_create(actor=officer, code="Backbone Initiative", names={"en": "Backbone", "fr": "Dorsale"},
                     members=["CMR", "TCD"], valid_from=dt.date(2024, 1, 1))
    assert g.code == "backbone-initiative" and g.owner == officer.organisation
    assert g.text("name", "fr") == "Dorsale" and g.text("name", "ru") == "Backbone"
    group_members_set(actor=officer, group=g, members=["CMR", "GAB"], on=dt.date(2025, 1, 1))
    def on(day):
        return set(Membership.objects.valid_on(day).filter(group=g).values_list("economy__iso3", flat=True))
    assert on(dt.date(2024, 6, 1)) == {"CMR", "TCD"}
    assert on(dt.date(2025, 6, 1)) == {"CMR", "GAB"}
    assert AuditLog.objects.filter(verb__startswith="group.").count() == 2


def test_group_create_bad_input_writes_nothing(officer):
    with pytest.raises(ValidationFailed) as err:
        group_create(actor=officer, code="x", names={"en": "", "xx": "?"}, members=["CMR", "ZZZ", "CMR"])
    fields = sorted(e.field for e in err.value.errors)
    assert fields == ["members", "members", "names.en", "names.xx"]
    assert not Group.objects.filter(kind="custom").exists()


def test_others_cannot_edit_system_or_foreign_groups(officer, admin_user):
    import datetime as dt

    other_org = organisation_create(actor=admin_user, name="Other", kind="academia")
    other = user_create(actor=admin_user, username="other", organisation=other_org)
    g = group_create(actor=officer, code="mine", names={"en": "Mine"}, members=["CMR"])
    with pytest.raises(PermissionDenied):
        group_members_set(actor=other, group=g, members=[], on=dt.date(2025, 1, 1))
    with pytest.raises(PermissionDenied):
        group_members_set(actor=officer, group=Group.objects.get(code="LDC"), members=[], on=dt.date(2025, 1, 1))
    with pytest.raises(PermissionDenied):
        group_create(actor=User.objects.create(username="orphan"), code="z", names={"en": "Z"}, members=[])
