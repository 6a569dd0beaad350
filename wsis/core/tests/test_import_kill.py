"""An import killed with SIGKILL in the middle of its write leaves no trace, and the same import then succeeds."""

import os
import select
import signal
import subprocess
import sys
import time

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

from wsis.testing.factories import sample
from wsis.testing.support import ROOT

ROWS = 60


def row_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if not m._meta.proxy}


def wait_for_line(proc, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            return proc.stdout.readline().strip()
        if proc.poll() is not None:
            break
    return ""


def no_open_transaction_left(timeout: float = 15) -> bool:
    """PostgreSQL ends a dead client's transaction once it sees the socket closed; SQLite's lock goes with it."""
    if connection.vendor != "postgresql":
        return True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%%'")
            if cur.fetchone()[0] == 0:
                return True
        time.sleep(0.2)
    return False


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_mid_write_leaves_nothing_and_runs_again(admin_user, reference, tmp_path):
    from django.core.management import call_command

    from wsis.stocktaking.models import Activity
    from wsis.stocktaking.tabular import write_csv

    path = tmp_path / "many.csv"
    write_csv([sample(external_id=f"KILL-{i}") for i in range(ROWS)], path)
    before = row_counts()
    proc = subprocess.Popen(
        [sys.executable, "-m", "wsis.core.tests.import_process", str(connection.settings_dict["NAME"]),
         str(settings.DATA_DIR), str(path), admin_user.username, "20"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        line = wait_for_line(proc, timeout=120)
        assert line == "writing", proc.stderr.read() if proc.poll() is not None else line
        # Twenty activities are written inside the open transaction; nobody else sees them.
        assert Activity.objects.count() == 0
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert no_open_transaction_left()
    assert row_counts() == before
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("PRAGMA integrity_check")
            assert cur.fetchone()[0] == "ok"

    call_command("activities", "import", str(path), "--user", admin_user.username)
    assert Activity.objects.filter(external_id__startswith="KILL-").count() == ROWS
