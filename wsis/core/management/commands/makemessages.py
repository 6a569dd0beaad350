"""Django's makemessages, also reading `_l(...)`: modules that need both an eager and a lazy gettext name the
lazy one `_l`, and without this its texts never reach the catalogues (they stayed English everywhere)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_l"]
