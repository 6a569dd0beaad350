from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "wsis.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.backends.signals import connection_created

        from wsis.core.files import restrict_sqlite_files

        connection_created.connect(restrict_sqlite_files, dispatch_uid="wsis.core.restrict_sqlite_files")
