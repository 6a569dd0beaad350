from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The apps whose every save passes the value guard of wsis.core.validation.
GUARDED_APPS = ("core", "accounts", "reference", "stocktaking", "prizes", "planning", "statistics", "partnerships",
                "reports")


class CoreConfig(AppConfig):
    name = "wsis.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.backends.signals import connection_created

        from wsis.core.files import restrict_sqlite_files
        from wsis.core.validation import connect_guard

        connection_created.connect(restrict_sqlite_files, dispatch_uid="wsis.core.restrict_sqlite_files")
        connect_guard(GUARDED_APPS)
