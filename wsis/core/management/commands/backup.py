"""`wsis backup DIR-or-FILE`: the database (online), uploaded files, secret key and a manifest, in one archive."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Back up the database (SQLite online backup or pg_dump), the uploaded files and the secret key into one "
            "archive with a manifest of SHA-256 checksums. Safe while the server runs.")

    def add_arguments(self, parser):
        parser.add_argument("target", help="the archive to write, or a directory that receives "
                                                      "wsis-backup-YYYYMMDD-HHMMSS.tar")

    def handle(self, *args, **opts):
        from wsis.core.backup import BackupError, backup

        try:
            path, manifest = backup(opts["target"])
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        media = sum(1 for n in manifest["files"] if n.startswith("media/"))
        self.stdout.write(f"{path}: {manifest['engine']} database, {media} uploaded files"
                          f"{', secret key' if manifest['secret_key'] else ' (no secret key file: SECRET_KEY is set)'}"
                          f"; {path.stat().st_size:,} bytes.")
