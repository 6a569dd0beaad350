import pytest


@pytest.fixture
def catalogue(reference):
    from wsis.statistics.services import catalogue_init

    catalogue_init(actor="tests")


@pytest.fixture
def statistician(catalogue, admin_user):
    from wsis.accounts.models import Role, User
    from wsis.accounts.services import role_grant, user_create

    u = user_create(actor=admin_user, username="stat", email="stat@example.org", password="pw-stat-123")
    role_grant(actor=admin_user, user=u, role=Role.STATISTICIAN)
    return User.objects.get(pk=u.pk)


def long_csv(rows: list[tuple[str, str, int, str]]) -> bytes:
    """A World Bank long CSV: (name, code, year, value)."""
    lines = ["Country Name,Country Code,Year,Value"] + [f"{n},{c},{y},{v}" for n, c, y, v in rows]
    return ("\n".join(lines) + "\n").encode()
