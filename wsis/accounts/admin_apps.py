from django.contrib.admin.apps import AdminConfig


class BdtAdminConfig(AdminConfig):
    """django.contrib.admin with the site that lets only BDT administrators in."""

    default_site = "wsis.accounts.admin_site.BdtAdminSite"
