"""The Django admin shows stored records without the registry's visibility rules: BDT administrators only."""

import pytest

from wsis.accounts.models import Role, User
from wsis.accounts.services import role_grant, user_create
from wsis.reference.models import Economy, Group

PAGES = ["/en/admin/", "/en/admin/stocktaking/activity/", "/en/admin/accounts/user/"]


@pytest.fixture
def staff(admin_user):
    afr = Group.objects.get(code="AFR")
    ken = Economy.objects.get(iso3="KEN")
    people = {}
    for name, role, scope in [("bdt", Role.BDT_ADMIN, {}), ("rev", Role.REVIEWER, {}),
                              ("officer", Role.REGIONAL_OFFICER, {"region": afr}),
                              ("stat", Role.STATISTICIAN, {}), ("focal", Role.FOCAL_POINT, {"economy": ken}),
                              ("contrib", Role.CONTRIBUTOR, {"economy": ken})]:
        user = user_create(actor=admin_user, username=name, password="pw-x-12345", is_staff=True)
        role_grant(actor=admin_user, user=user, role=role, **scope)
        people[name] = user
    return people


@pytest.mark.parametrize("who", ["rev", "officer", "stat", "focal", "contrib"])
def test_other_staff_get_no_admin_page(client, staff, who):
    client.force_login(staff[who])
    for page in PAGES:
        resp = client.get(page)
        assert resp.status_code in (302, 403), (who, page, resp.status_code)
        if resp.status_code == 302:
            assert "/login/" in resp["Location"], (who, page)
            assert client.get(resp["Location"]).status_code == 403, (who, page)


@pytest.mark.parametrize("who", ["rev", "officer"])
def test_other_staff_cannot_sign_in_to_the_admin(client, staff, who):
    resp = client.post("/en/admin/login/?next=/en/admin/", {"username": who, "password": "pw-x-12345"})
    assert resp.status_code == 200 and "_auth_user_id" not in client.session
    assert client.get("/en/admin/").status_code == 302


def test_bdt_admin_and_superuser_use_the_admin(client, staff, admin_user):
    for user in (staff["bdt"], admin_user):
        client.force_login(user)
        assert client.get("/en/admin/").status_code == 200
        client.logout()
    resp = client.post("/en/admin/login/?next=/en/admin/", {"username": "bdt", "password": "pw-x-12345"})
    assert resp.status_code == 302 and client.get("/en/admin/").status_code == 200
    assert User.objects.get(username="root").is_superuser
