"""`wsis init`: create or update the database and load the reference frameworks (idempotent)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from wsis.core.errors import ServiceError, command_error
from wsis.reference.services import reference_init
from wsis.statistics.services import catalogue_init


class Command(BaseCommand):
    help = "Migrate the database and load the reference frameworks. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--no-migrate", action="store_true", help="skip migrations")

    def handle(self, *args, **opts):
        from rich.console import Console

        console = Console(stderr=True)
        if not opts["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        try:
            with console.status("Loading reference frameworks…") as status:
                tally = reference_init(actor="wsis init", progress=lambda msg: status.update(f"Loading {msg}…"))
        except ServiceError as exc:
            raise command_error(exc) from exc
        self.stdout.write(
            f"Reference data: {tally['created']} created, {tally['updated']} updated, "
            f"{tally['deleted']} removed, {tally['unchanged']} unchanged."
        )
        stats = catalogue_init(actor="wsis init")
        self.stdout.write(f"Indicator catalogue: {stats['created']} created, {stats['updated']} updated, "
                          f"{stats['unchanged']} unchanged.")
