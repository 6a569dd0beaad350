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
        from wsis.core.validation import connect_guard

        connect_guard(GUARDED_APPS)
