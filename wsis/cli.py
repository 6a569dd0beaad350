"""The `wsis` command: Django's management commands with the project's settings preset."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from wsis.core.files import restrict_umask

    restrict_umask()
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "wsis"
    if len(argv) == 1:
        argv.append("help")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
