"""`wsis restore FILE`: verify a backup's manifest, then restore database, uploaded files and secret key, and
rebuild the derived data (activity facets, search index)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Restore a backup made by `wsis backup` into the configured database and data directory. Stop the "
            "server first. Refuses a damaged archive, another database engine or a newer version's backup.")

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)
        parser.add_argument("--force", action="store_true",
                            help="replace a database that is not empty (uploaded files are moved aside)")

    def handle(self, *args, **opts):
        from wsis.core.backup import BackupError, restore

        try:
            restore(opts["source"], force=opts["force"], log=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write("Restore complete.")
