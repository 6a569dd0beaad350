"""Files the service writes are private to its account (and group): the database holds personal data."""

import os
from pathlib import Path

from django.conf import settings

# Applied by every entry point (the wsis command, manage.py, the WSGI module): new files 0640, folders 0750.
PRIVATE_UMASK = 0o027


def restrict_umask() -> None:
    os.umask(PRIVATE_UMASK)


def restrict_sqlite_files(sender, connection, **kwargs) -> None:
    """Connected to connection_created: the SQLite file and its -wal/-shm companions readable by the
    service's account only, whatever the umask was when they were made."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    mode = settings.WSIS_DATABASE_FILE_MODE
    for path in (Path(name), Path(name + "-wal"), Path(name + "-shm")):
        try:
            if path.stat().st_mode & 0o777 != mode:
                path.chmod(mode)
        except FileNotFoundError:
            continue
        except PermissionError:  # a file owned by another account: reported by nobody, left as it is
            continue
