"""Fixtures shared by every app: reference data in each test database, the registry cast, the partnership and
statistics worlds. Plain helpers (factories, sample files, browser checks) are in `wsis.testing`."""

import os
from pathlib import Path

import pytest

from wsis.testing import factories

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + Playwright share the test process


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


@pytest.fixture(autouse=True)
def _empty_cache():
    # Cached pages and figures are keyed on data stamps (counts, latest ids); a database flushed and filled
    # again by another test can repeat a stamp with different rows, so no test starts with another's cache.
    from django.core.cache import cache

    cache.clear()


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


@pytest.fixture
def people(admin_user):
    """The registry cast (see `factories.people`): author, colleague, stranger, reviewers, a user without a role."""
    return factories.people(admin_user)


@pytest.fixture
def funding(people):
    """Rates, a published activity led by the Kenyan ministry, a funder and its contributor, a development bank and
    an Africa regional officer, beside the people of the registry (see `factories.funding`)."""
    return factories.funding(people)


@pytest.fixture
def catalogue(reference):
    from wsis.statistics.services import catalogue_init

    catalogue_init(actor="tests")


@pytest.fixture
def statistician(catalogue, admin_user):
    return factories.statistician(admin_user)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory, worker_id):
    """The demo database, built once for the whole run, and one live server reading it (`wsis.testing.demo_site`):
    for tests that only read the demo. Its `get(path, params, role=...)` requests a page as a demo account."""
    from wsis.testing import demo_site as site

    base = tmp_path_factory.getbasetemp()
    root = (base.parent if worker_id != "master" else base) / "demo-site"
    shared = site.acquire(root)
    yield shared
    site.release(root)


# The longest tests start first, so that two workers finish together instead of one waiting for the last slow
# test: the report matrix (its own demo, in-process) runs while the other worker builds the shared demo site,
# then the suites reading that site, then the other browser tests. The order is stable (the same in every worker).
SLOW_FIRST = ("wsis/reports/tests/test_matrix.py", "wsis/web/tests/test_route_matrix.py",
              "wsis/web/tests/test_crawl.py", "wsis/core/tests/test_backup.py", "wsis/web/tests/test_list_contracts.py")


def pytest_collection_modifyitems(config, items):
    def rank(item):
        for i, prefix in enumerate(SLOW_FIRST):
            if item.nodeid.startswith(prefix):
                return i
        return len(SLOW_FIRST) + (0 if item.get_closest_marker("browser") else 1)

    items.sort(key=rank)


def pytest_sessionstart(session):
    import time

    session.config._wsis_started = time.time()


def pytest_terminal_summary(terminalreporter, config):
    """The crawl's figures and where its screenshots are, in the output of every run that crawled (a reviewer
    opens the pictures; they are not compared by pixel)."""
    import json

    shots = Path(os.environ.get("WSIS_SCREENSHOT_DIR") or Path(__file__).resolve().parent / "var" / "screenshots")
    started = getattr(config, "_wsis_started", 0)
    reports = sorted(p for p in shots.glob("crawl-*.json") if p.stat().st_mtime >= started) if shots.is_dir() else []
    if not reports:
        return
    terminalreporter.section("crawl: pages, failures and screenshots")
    for p in reports:
        data = json.loads(p.read_text(encoding="utf-8"))
        rules: dict[str, int] = {}
        for f in data["failures"]:
            rules[f["rule"]] = rules.get(f["rule"], 0) + 1
        terminalreporter.write_line(f"{p.stem}: {data['pages']} pages in {data['seconds']} s, "
                                    f"{len(data['failures'])} failures {rules or ''}".rstrip())
    for png in sorted(q for q in shots.glob("*.png") if q.stat().st_mtime >= started):
        terminalreporter.write_line(f"screenshot {png}")
