"""Test setup shared by every app: reference data in each test database, paths to the real sample files."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + Playwright share the test process

ROOT = Path(__file__).resolve().parent
SHARED_DATA = Path(os.environ.get("WSIS_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared_file(*parts: str) -> Path:
    """A file of the real public sample data kept beside the clone; skip the test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real sample data not found at {path} (set WSIS_SHARED_DATA to the shared/data folder)")
    return path


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
