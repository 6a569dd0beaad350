from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The whole site: commands that set up or fill every app at once (`wsis init`, `wsis demo`)."""

    name = "wsis.site"
    label = "site"
    verbose_name = _("Site")
