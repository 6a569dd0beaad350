"""`wsis openapi`: the API's OpenAPI document, the one kept in docs/openapi.json.

Without an option it prints the document the code describes. `--write` updates docs/openapi.json; `--check` exits
non-zero with a short diff when the file and the code differ (the test suite makes the same check), so a change of
the API is always a visible change of that file.
"""

import difflib
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DOCUMENT = Path("docs") / "openapi.json"


def document_path() -> Path:
    return Path(settings.BASE_DIR) / DOCUMENT


def document() -> dict:
    # The settings name the API object, as they name the URL configuration: core does not import the project.
    from django.utils.module_loading import import_string

    return import_string(settings.WSIS_API).get_openapi_schema()


def document_text() -> str:
    """The document as stored: sorted keys, two-space indents, a final newline, so that diffs stay readable."""
    return json.dumps(document(), indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"


def difference(stored: str, current: str, limit: int = 60) -> str:
    """A unified diff from the stored document to the current one, cut after `limit` lines."""
    lines = list(difflib.unified_diff(stored.splitlines(), current.splitlines(), fromfile=str(DOCUMENT),
                                      tofile="the API's code", lineterm="", n=2))
    if len(lines) > limit:
        lines = lines[:limit] + [f"... and {len(lines) - limit} more lines of difference"]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Print the API's OpenAPI document; --write updates docs/openapi.json, --check fails when it is out of date."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--write", action="store_true", help=f"write the document to {DOCUMENT}")
        group.add_argument("--check", action="store_true",
                           help=f"exit 1 with a diff when {DOCUMENT} differs from the API's code")

    def handle(self, *args, **opts):
        current = document_text()
        path = document_path()
        if opts["write"]:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(current, encoding="utf-8")
            self.stdout.write(f"wrote {DOCUMENT} ({len(document()['paths'])} paths)")
        elif opts["check"]:
            stored = path.read_text(encoding="utf-8") if path.exists() else ""
            if stored != current:
                self.stdout.write(difference(stored, current))
                raise CommandError(f"{DOCUMENT} is out of date: run `wsis openapi --write` and commit it")
            self.stdout.write(f"{DOCUMENT} is up to date")
        else:
            self.stdout.write(current, ending="")
