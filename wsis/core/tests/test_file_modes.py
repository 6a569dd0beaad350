"""What the service writes (database, uploaded documents, generated reports, its data folder) is not
readable by other accounts on the machine."""

import os
import subprocess
import sys
from pathlib import Path

from wsis.testing.support import file_mode as mode

ROOT = Path(__file__).resolve().parents[3]




def test_a_new_sqlite_database_and_its_wal_files_are_private(tmp_path, open_umask, django_db_blocker):
    from django.db.utils import ConnectionHandler

    db = tmp_path / "new.sqlite3"
    handler = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(db),
                                             "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;"}}})
    conn = handler["default"]
    with django_db_blocker.unblock():
        try:
            with conn.cursor() as cursor:
                cursor.execute("CREATE TABLE t (x INTEGER)")
                cursor.execute("INSERT INTO t VALUES (1)")
            assert Path(f"{db}-wal").exists() and Path(f"{db}-shm").exists()
            assert {p.name: mode(p) for p in tmp_path.iterdir()} == {
                "new.sqlite3": 0o600, "new.sqlite3-wal": 0o600, "new.sqlite3-shm": 0o600}
        finally:
            conn.close()


def test_an_existing_readable_database_is_closed_at_the_next_connection(tmp_path, open_umask, django_db_blocker):
    import sqlite3

    from django.db.utils import ConnectionHandler

    db = tmp_path / "old.sqlite3"
    sqlite3.connect(db).close()
    db.chmod(0o644)
    conn = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(db)}})["default"]
    with django_db_blocker.unblock():
        conn.ensure_connection()
        conn.close()
    assert mode(db) == 0o600


def test_the_data_folder_and_the_processes_of_the_wsis_command_are_private(tmp_path):
    data = tmp_path / "data"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("WSIS_")}, "WSIS_DATA_DIR": str(data),
           "DATABASE_URL": ""}
    script = ("import os, sys; from wsis import cli; os.umask(0o022); "
              "sys.exit(cli.main(['wsis', 'shell', '--no-imports', '-c', "
              "'import os; m = os.umask(0); print(oct(m))']))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0o27"
    assert mode(data) == 0o750 and mode(data / "secret_key") == 0o600
