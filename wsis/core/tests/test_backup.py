"""Backups that restore: a round trip of the demo (with an agreement document and report files) into a fresh data
dir / database, compared table by table and file by file; refusals of damaged or foreign archives; the search
index rebuilt from a database whose FTS table was emptied (as after `loaddata`)."""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from wsis.core import backup as bk

ROOT = Path(__file__).resolve().parents[3]
# Derived by SQLite from the activity search rows and rebuilt on restore: compared by what a search finds.
FTS_PREFIX = "stocktaking_fts"
# Rebuilt by the restore (deleted and inserted again): same rows, new surrogate keys, so compared without them.
REBUILT = {"stocktaking_activityfacet"}


def dbapi(settings_dict: dict, vendor: str):
    if vendor == "sqlite":
        return sqlite3.connect(str(settings_dict["NAME"]))
    import psycopg

    return psycopg.connect(host=settings_dict.get("HOST") or "127.0.0.1", port=settings_dict.get("PORT") or 5432,
                           user=settings_dict.get("USER") or "postgres", dbname=settings_dict["NAME"])


def table_digests(conn, vendor: str) -> dict[str, tuple[int, str]]:
    """For every table: its row count and a SHA-256 of all its rows (sorted, so physical order does not count)."""
    cur = conn.cursor()
    if vendor == "sqlite":
        cur.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    else:
        cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema='public' "
                    "AND table_type='BASE TABLE'")
    names = sorted(r[0] for r in cur.fetchall() if not r[0].startswith(FTS_PREFIX))
    out = {}
    for name in names:
        cur.execute(f'SELECT * FROM "{name}"')  # noqa: S608 - names come from the catalogue
        rows = cur.fetchall()
        if name in REBUILT:
            keep = [i for i, d in enumerate(cur.description) if d[0] != "id"]
            rows = [tuple(r[i] for i in keep) for r in rows]
        rows = sorted(repr(r) for r in rows)
        out[name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return out


def file_digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


CHECK = r"""
import json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
import django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.core.management import call_command
from django.test import Client
from wsis.accounts.models import User
from wsis.partnerships.models import Document
from wsis.reports.models import ReportRun
args = json.loads(sys.argv[1])
call_command("activities", "reindex")
c = Client()
c.force_login(User.objects.get(username="admin"))
out = {}
doc = Document.objects.get(pk=args["document"])
r = c.get(f"/en/partnerships/documents/{doc.pk}/")
out["document"] = [r.status_code, __import__("hashlib").sha256(b"".join(r.streaming_content)).hexdigest()]
out["reports"] = []
for run in ReportRun.objects.filter(status="done").order_by("pk"):
    r = Client().get(f"/en/reports/{run.pk}/file/")
    out["reports"].append([run.pk, r.status_code, __import__("hashlib").sha256(b"".join(r.streaming_content)).hexdigest()])
r = Client().get("/api/v1/activities", {"q": args["q"], "limit": 100})
out["search"] = [r.status_code, [a["id"] for a in r.json()["results"]]]
print("RESULT " + json.dumps(out))
"""


@pytest.fixture
def restored_target(tmp_path):
    """Environment of a fresh installation: its own data dir and, on PostgreSQL, its own empty database."""
    env = {**os.environ, "WSIS_DATA_DIR": str(tmp_path / "restored"), "PYTHONPATH": str(ROOT)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        target = {"NAME": tmp_path / "restored" / "wsis.sqlite3"}
        yield env, target
        return
    name = f"{s['NAME']}_restored"[:63]
    admin = dbapi({**s, "NAME": "postgres"}, "postgresql")
    admin.autocommit = True
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
                  f"LC_CTYPE 'C.UTF-8'")
    env["DATABASE_URL"] = f"postgres://{s['USER'] or 'postgres'}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"
    try:
        yield env, {**s, "NAME": name}
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.django_db(transaction=True)
def test_round_trip_of_the_demo_restores_every_table_and_file(reference, tmp_path, settings, restored_target):
    from wsis.accounts.models import User
    from wsis.partnerships.funding.services import document_attach
    from wsis.partnerships.models import Agreement
    from wsis.site.demo import load_demo
    from wsis.stocktaking.models import ActivityTranslation

    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo(password="demo-pass-1234")
    admin = User.objects.get(username="admin")
    agreement = Agreement.objects.order_by("pk").first()
    content = "Accord de financement — 资助协议 — اتفاق\n".encode() * 200
    doc = document_attach(actor=admin, owner=agreement, name="agreement.txt", content=content,
                          content_type="text/plain")
    word = ActivityTranslation.objects.filter(language="en").exclude(title="").order_by("pk").first().title.split()
    query = max(word, key=len)

    archive, manifest = bk.backup(f"{tmp_path / 'backups'}/")
    assert archive.parent == tmp_path / "backups" and manifest["engine"] == connection.vendor
    assert {"media/" + n for n in file_digests(settings.MEDIA_ROOT)} == {n for n in manifest["files"]
                                                                        if n.startswith("media/")}
    assert manifest["secret_key"] and manifest["migrations"]

    env, target = restored_target
    done = subprocess.run([sys.executable, "-m", "wsis.cli", "restore", str(archive)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "checksums verified" in done.stdout and "Restore complete." in done.stdout

    source = dbapi(connection.settings_dict, connection.vendor)
    restored = dbapi(target, connection.vendor)
    try:
        before, after = table_digests(source, connection.vendor), table_digests(restored, connection.vendor)
    finally:
        source.close()
        restored.close()
    assert set(before) == set(after)
    differ = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
    assert not differ
    assert before["stocktaking_activity"][0] >= 300 and before["reports_reportrun"][0] >= 2
    assert file_digests(settings.MEDIA_ROOT) == file_digests(Path(env["WSIS_DATA_DIR"]) / "media")
    assert (Path(env["WSIS_DATA_DIR"]) / "secret_key").read_text() == (Path(settings.DATA_DIR) / "secret_key").read_text()

    check = subprocess.run([sys.executable, "-c", CHECK, json.dumps({"document": doc.pk, "q": query})], cwd=ROOT,
                           env=env, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stderr[-3000:]
    out = json.loads(check.stdout.split("RESULT ", 1)[1])
    assert out["document"] == [200, hashlib.sha256(content).hexdigest()]
    from wsis.reports.models import ReportRun

    expected = [[r.pk, 200, r.sha256] for r in ReportRun.objects.filter(status="done").order_by("pk")]
    assert out["reports"] == expected and len(expected) >= 2
    status, found = out["search"]
    assert status == 200 and found, f"no activity found for {query!r}"


@pytest.mark.django_db
def test_restore_refuses_damaged_foreign_newer_archives_and_a_used_target(reference, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "a.txt").write_text("x")
    archive, manifest = bk.backup(tmp_path / "b.tar")
    assert bk.verify(archive, tmp_path / "ok")["files"] == manifest["files"]

    def rewrite(name: str, change_member=None, change_manifest=None) -> Path:
        out = tmp_path / name
        with tarfile.open(archive) as src, tarfile.open(out, "w") as dst:
            for m in src.getmembers():
                data = src.extractfile(m).read()
                if m.name == bk.MANIFEST and change_manifest:
                    data = json.dumps(change_manifest(json.loads(data))).encode()
                elif m.name == "media/documents/a.txt" and change_member:
                    data = change_member(data)
                m.size = len(data)
                dst.addfile(m, io.BytesIO(data))
        return out

    cases = {
        "damaged.tar": (dict(change_member=lambda d: b"y"), "checksum mismatch for media/documents/a.txt"),
        "foreign.tar": (dict(change_manifest=lambda m: {**m, "engine": "oracle"}), "holds a oracle database"),
        "newer.tar": (dict(change_manifest=lambda m: {**m, "migrations": m["migrations"] + [["reports", "9999_x"]]}),
                      "newer version"),
        "missing.tar": (dict(change_manifest=lambda m: {**m, "files": {**m["files"], "media/b.txt": {}}}),
                        "missing: media/b.txt"),
    }
    for i, (name, (change, message)) in enumerate(cases.items()):
        with pytest.raises(bk.BackupError, match=message):
            bk.verify(rewrite(name, **change), tmp_path / f"x{i}")
    (tmp_path / "plain.tar").write_bytes(b"not a tar")
    with pytest.raises(bk.BackupError, match="cannot be read"):
        bk.verify(tmp_path / "plain.tar", tmp_path / "y")
    # The test database has data: without --force nothing is replaced.
    with pytest.raises(bk.BackupError, match="would overwrite data"):
        bk.restore(archive)
    assert (tmp_path / "media" / "documents" / "a.txt").read_text() == "x"
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="checksum mismatch"):
        call_command("restore", str(tmp_path / "damaged.tar"))


@pytest.mark.django_db
@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
                    reason="the FTS5 table exists on SQLite only")
def test_reindex_works_when_the_search_table_was_emptied(people, client):
    from wsis.stocktaking.services import activities_import
    from wsis.testing.factories import sample

    activities_import(actor=people["admin"], items=[("a", sample(external_id="FTS-1"))], publish=True)
    with connection.cursor() as cur:
        # What `loaddata` leaves: search rows present, the FTS index empty.
        cur.execute("INSERT INTO stocktaking_fts(stocktaking_fts) VALUES('delete-all')")
        cur.execute("SELECT count(*) FROM stocktaking_activitysearch")
        assert cur.fetchone()[0] == 1
    assert client.get("/api/v1/activities", {"q": "宽带计划"}).json()["results"] == []
    call_command("activities", "reindex", stdout=io.StringIO())
    with connection.cursor() as cur:
        cur.execute("INSERT INTO stocktaking_fts(stocktaking_fts) VALUES('integrity-check')")
    for q in ("宽带计划", "broadband plan"):
        assert len(client.get("/api/v1/activities", {"q": q}).json()["results"]) == 1
