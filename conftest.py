"""Test setup shared by every app: reference data in each test database, paths to the real sample files."""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + Playwright share the test process

ROOT = Path(__file__).resolve().parent


def pytest_configure(config):
    # One PBKDF2 hash costs over a second on a small machine and almost every test makes a user;
    # the hasher's strength is not what the tests check. PBKDF2 stays listed so stored hashes
    # made elsewhere still verify. WSIS_TEST_SLOW_HASHER=1 keeps Django's default hashers (to
    # measure what the fast one saves, or to test with the production hashing).
    from django.conf import settings

    if not os.environ.get("WSIS_TEST_SLOW_HASHER"):
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher",
                                     "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    # Sign-in throttling needs the request in every authenticate() call, which client.login() does not
    # pass; the tests of the throttle switch it back on.
    settings.AXES_ENABLED = False
SHARED_DATA = Path(os.environ.get("WSIS_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared_file(*parts: str) -> Path:
    """A file of the real public sample data kept beside the clone; skip the test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real sample data not found at {path} (set WSIS_SHARED_DATA to the shared/data folder)")
    return path


@contextmanager
def module_data(django_db_blocker):
    """Data built once for a test module, in a transaction rolled back at the module's end, so the
    module's tests share it and every other test still starts from the reference data alone."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def file_mode(path) -> int:
    import stat

    return stat.S_IMODE(Path(path).stat().st_mode)


@pytest.fixture
def open_umask():
    """The permissive umask of a default shell, so that a test sees the project's own choice of file modes."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The hashed manifest exists only after `collectstatic`; tests serve files from the app folders.
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from wsis.reference.services import reference_init

    with django_db_blocker.unblock():
        reference_init(actor="tests")


@pytest.fixture
def reference(db):
    """Reference data, reloaded if a transactional test flushed it."""
    from wsis.reference.models import Economy
    from wsis.reference.services import reference_init

    if not Economy.objects.exists():
        reference_init(actor="tests")


@pytest.fixture
def admin_user(reference):
    from wsis.accounts.models import User

    return User.objects.create_superuser("root", "root@example.org", "pw-root-123")


CHROMIUM = os.environ.get("WSIS_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium package to run browser tests")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


# Registry fixtures shared by the stocktaking and web tests.
def sample(**over) -> dict:
    data = {
        "external_id": None, "kind": "project", "original_language": "en",
        "texts": {"en": {"title": "National broadband plan for Kenya", "summary": "Support to the broadband plan.",
                         "description": "Technical assistance."},
                  "zh-hans": {"title": "肯尼亚国家宽带计划", "summary": "支持宽带计划。", "description": ""}},
        "lead_organisation": {"name": "Ministry of ICT (test)"},
        "partners": [{"name": "RO Africa (test)", "role": "implementing"}],
        "scope": "national", "economies": ["KEN"], "groups": [], "action_lines": ["C2", "C6"],
        "sdg_targets": ["9.c", "17.6"], "matrix_justification": "", "strategic_targets": [],
        "priority": "affordable_connectivity", "status": "ongoing", "start_date": "2024-01-01", "end_date": None,
        "beneficiary_groups": ["rural_remote", "women_girls"], "budget_amount": "250000", "budget_currency": "USD",
        "links": ["https://example.org/ke"], "contact_name": "A. Focal", "contact_email": "focal@example.org",
    }
    data.update(over)
    return data


@pytest.fixture
def people(admin_user):
    from wsis.accounts.models import Role, User
    from wsis.accounts.services import organisation_create, role_grant, user_create
    from wsis.reference.models import Economy, Group

    afr, eur = Group.objects.get(code="AFR"), Group.objects.get(code="EUR")
    ministry = organisation_create(actor=admin_user, name="Ministry of ICT (test)", kind="member_state",
                                   economy=Economy.objects.get(iso3="KEN"))
    other = organisation_create(actor=admin_user, name="Other ministry (test)", kind="member_state")
    ro = organisation_create(actor=admin_user, name="RO Africa (test)", kind="regional_office", region=afr)
    bdt = organisation_create(actor=admin_user, name="BDT (test)", kind="bdt_unit")

    def make(username, org, *roles):
        u = user_create(actor=admin_user, username=username, organisation=org)
        for role, kw in roles:
            role_grant(actor=admin_user, user=u, role=role, **kw)
        return User.objects.get(pk=u.pk)

    return {
        "admin": admin_user,
        "author": make("author", ministry, (Role.CONTRIBUTOR, {"economy": Economy.objects.get(iso3="KEN")})),
        "colleague": make("colleague", ministry, (Role.CONTRIBUTOR, {})),
        "stranger": make("stranger", other, (Role.CONTRIBUTOR, {})),
        "afr_reviewer": make("afr_rev", ro, (Role.REVIEWER, {"region": afr})),
        "eur_reviewer": make("eur_rev", ro, (Role.REVIEWER, {"region": eur})),
        "bdt_reviewer": make("bdt_rev", bdt, (Role.REVIEWER, {})),
        "no_role": make("norole", ministry),
    }
