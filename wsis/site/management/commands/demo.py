"""`wsis demo`: deterministic demonstration data, marked as demo everywhere it shows."""

import os

from django.core.management.base import BaseCommand

from wsis.core.errors import ServiceError, command_error
from wsis.site.demo import load_demo


class Command(BaseCommand):
    help = "Load deterministic demo data (organisations, users, roles, a user-defined group). Idempotent."

    def handle(self, *args, **opts):
        try:
            summary = load_demo(password=os.environ.get("WSIS_DEMO_PASSWORD", "wsis-demo"))
        except ServiceError as exc:
            raise command_error(exc) from exc
        for line in summary:
            self.stdout.write(line)
