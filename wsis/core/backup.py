"""Backups that restore: one archive with the database (taken by the engine's own online method), the uploaded
files, the secret key and a manifest (SHA-256 of every part, app version, migration state).

SQLite is copied with the online backup API (consistent while the server writes, in WAL mode too); PostgreSQL
with `pg_dump` in custom format (restored with `pg_restore`). Restoring checks the manifest first and refuses
any mismatch, then puts back the database, the files and the key, applies newer migrations and rebuilds the
derived data (activity facets and the search index), which no dump can be trusted to carry."""

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

FORMAT = 1
MANIFEST = "manifest.json"
DB_MEMBER = {"sqlite": "db.sqlite3", "postgresql": "db.pgdump"}
KEY_MEMBER = "secret_key"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def app_version() -> str:
    try:
        return metadata.version("wsis")
    except metadata.PackageNotFoundError:
        return "unknown"


def applied_migrations() -> list[list[str]]:
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted([app, name] for app, name in recorder.applied_migrations())


def known_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ------------------------------------------------------------------------------------------------ PostgreSQL

def _pg_args(tool: str) -> tuple[list[str], dict]:
    s = connection.settings_dict
    args = [tool, "--dbname", s["NAME"]]
    if s.get("HOST"):
        args += ["--host", str(s["HOST"])]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    if s.get("USER"):
        args += ["--username", s["USER"]]
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]
    return args, env


def _pg_tool(tool: str) -> str:
    """The client tool, if present and not older than the server (an older pg_dump refuses a newer server)."""
    path = shutil.which(tool)
    with connection.cursor() as cur:
        cur.execute("SHOW server_version_num")
        server = int(cur.fetchone()[0]) // 10000
    if path is None:
        raise BackupError(f"{tool} is not on the PATH; install the PostgreSQL {server} client "
                          f"(Debian: apt-get install postgresql-client-{server}).")
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout
    found = re.search(r"(\d+)(?:\.\d+)?", out)
    client = int(found.group(1)) if found else 0
    if client < server:
        raise BackupError(f"{path} is version {client}, the server is {server}; install the PostgreSQL {server} "
                          f"client (Debian: apt-get install postgresql-client-{server}).")
    return path


def _run(args: list[str], env: dict, what: str) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{what} failed (status {done.returncode}): {done.stderr.strip()[-2000:]}")


# ---------------------------------------------------------------------------------------------------- backup

def default_name() -> str:
    return f"wsis-backup-{datetime.now(UTC):%Y%m%d-%H%M%S}.tar"


def backup(target: str | Path) -> tuple[Path, dict]:
    """Write a backup archive to `target` (a file, or a directory, existing or ending with a slash, that receives a
    dated file)."""
    as_dir = str(target).endswith(("/", os.sep))
    target = Path(target)
    if as_dir or target.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        target = target / default_name()
    elif not target.parent.exists():
        raise BackupError(f"{target.parent}: no such directory.")
    vendor = connection.vendor
    if vendor not in DB_MEMBER:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".wsis-backup-") as tmp:
        work = Path(tmp)
        db_file = work / DB_MEMBER[vendor]
        # The database first: every file its rows name exists by then (uploads are never rewritten in place).
        if vendor == "sqlite":
            src = sqlite3.connect(str(connection.settings_dict["NAME"]), timeout=30)
            dst = sqlite3.connect(str(db_file))
            try:
                with dst:
                    src.backup(dst)
            finally:
                src.close()
                dst.close()
        else:
            args, env = _pg_args(_pg_tool("pg_dump"))
            _run([*args, "--format", "custom", "--no-owner", "--no-privileges", "--file", str(db_file)], env,
                 "pg_dump")
        parts: dict[str, Path] = {DB_MEMBER[vendor]: db_file}
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                parts["media/" + path.relative_to(media).as_posix()] = path
        key_file = Path(settings.DATA_DIR) / KEY_MEMBER
        if key_file.exists():
            parts[KEY_MEMBER] = key_file
        manifest = {
            "format": FORMAT, "app": "wsis", "version": app_version(),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"), "engine": vendor,
            "database": DB_MEMBER[vendor], "migrations": applied_migrations(),
            "secret_key": KEY_MEMBER in parts,
            "files": {name: {"sha256": _sha256(path), "size": path.stat().st_size} for name, path in parts.items()},
        }
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w") as tar:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(datetime.now(UTC).timestamp()), 0o600
            tar.addfile(info, io.BytesIO(data))
            for name, path in parts.items():
                tar.add(str(path), arcname=name, recursive=False)
        os.chmod(partial, 0o600)  # it holds the secret key
        partial.replace(target)
    return target, manifest


# --------------------------------------------------------------------------------------------------- restore

def read_manifest(tar: tarfile.TarFile, source: Path) -> dict:
    try:
        member = tar.getmember(MANIFEST)
        manifest = json.loads(tar.extractfile(member).read())
    except (KeyError, ValueError, AttributeError) as exc:
        raise BackupError(f"{source}: not a WSIS backup (no readable {MANIFEST}).") from exc
    if manifest.get("app") != "wsis" or manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise BackupError(f"{source}: {MANIFEST} is not a WSIS backup manifest of format {FORMAT}.")
    return manifest


def verify(source: Path, into: Path) -> dict:
    """Extract the archive into `into` and check it against its manifest; nothing is restored yet."""
    try:
        tar = tarfile.open(source, "r:*")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{source}: cannot be read as a backup archive ({exc}).") from exc
    with tar:
        manifest = read_manifest(tar, source)
        expected = manifest["files"]
        members = {m.name: m for m in tar.getmembers() if m.name != MANIFEST}
        missing, extra = sorted(set(expected) - set(members)), sorted(set(members) - set(expected))
        if missing or extra:
            raise BackupError(f"{source}: the archive does not match its manifest"
                              + (f"; missing: {', '.join(missing[:5])}" if missing else "")
                              + (f"; not in the manifest: {', '.join(extra[:5])}" if extra else "") + ".")
        for name, member in members.items():
            if not member.isfile() or name.startswith("/") or ".." in Path(name).parts:
                raise BackupError(f"{source}: unsafe member {name!r}; refusing to restore.")
        tar.extractall(into, filter="data")
    bad = [name for name, meta in expected.items() if _sha256(into / name) != meta.get("sha256")]
    if bad:
        raise BackupError(f"{source}: checksum mismatch for {', '.join(bad[:5])}"
                          f"{' and others' if len(bad) > 5 else ''}; the backup is damaged, nothing was restored.")
    if manifest.get("engine") != connection.vendor:
        raise BackupError(f"{source} holds a {manifest.get('engine')} database; the configured database is "
                          f"{connection.vendor}. Restore it into a {manifest.get('engine')} database.")
    newer = sorted({tuple(m) for m in manifest.get("migrations", [])} - known_migrations())
    if newer:
        names = ", ".join(f"{a}.{n}" for a, n in newer[:5])
        raise BackupError(f"{source} was made by a newer version ({manifest.get('version')}; migrations unknown "
                          f"here: {names}); upgrade this installation first.")
    return manifest


def target_in_use() -> list[str]:
    """What the restore would overwrite: a database that has tables, uploaded files."""
    used = []
    if applied_migrations():
        used.append(f"the database {connection.settings_dict['NAME']} is not empty")
    media = Path(settings.MEDIA_ROOT)
    if media.exists() and any(p.is_file() for p in media.rglob("*")):
        used.append(f"{media} holds files")
    return used


def _restore_sqlite(db_file: Path) -> None:
    name = str(connection.settings_dict["NAME"])
    connections.close_all()
    src = sqlite3.connect(str(db_file))
    dst = sqlite3.connect(name, timeout=30)
    try:
        # The backup API writes through SQLite itself: the WAL and any open reader stay consistent.
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _restore_postgresql(db_file: Path) -> None:
    args, env = _pg_args(_pg_tool("pg_restore"))
    connections.close_all()
    with connection.cursor() as cur:
        # A clean slate: pg_restore --clean drops only what the dump holds, not tables of a newer schema.
        cur.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
    connections.close_all()
    _run([*args, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", str(db_file)], env,
         "pg_restore")


def restore(source: Path, *, force: bool = False, log=lambda line: None) -> dict:
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such file.")
    data_dir = Path(settings.DATA_DIR)
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-") as tmp:
        work = Path(tmp)
        manifest = verify(source, work)
        log(f"{source}: manifest and {len(manifest['files'])} checksums verified (version {manifest['version']}, "
            f"made {manifest['created_at']}).")
        in_use = target_in_use()
        if in_use and not force:
            raise BackupError("The restore would overwrite data: " + "; ".join(in_use)
                              + ". Use --force to replace it (uploaded files are moved aside, not deleted).")
        db_file = work / manifest["database"]
        if connection.vendor == "sqlite":
            _restore_sqlite(db_file)
        else:
            _restore_postgresql(db_file)
        log("Database restored.")
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            aside = media.with_name(f"{media.name}.before-restore-{datetime.now(UTC):%Y%m%d-%H%M%S}")
            media.rename(aside)
            log(f"Previous uploaded files moved to {aside}.")
        restored_media = work / "media"
        if restored_media.exists():
            shutil.move(str(restored_media), str(media))
        else:
            media.mkdir(parents=True)
        log(f"{sum(1 for n in manifest['files'] if n.startswith('media/'))} uploaded files restored.")
        if manifest.get("secret_key"):
            key = data_dir / KEY_MEMBER
            shutil.copyfile(work / KEY_MEMBER, key)
            os.chmod(key, 0o600)
            log("Secret key restored" + (" (the SECRET_KEY environment variable still overrides it)."
                                        if os.environ.get("SECRET_KEY") else "."))
    from django.core.management import call_command

    connections.close_all()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("activities", "reindex", stdout=io.StringIO())
    log("Migrations applied; activity facets and search index rebuilt.")
    return manifest
