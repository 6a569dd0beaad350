"""The Django admin is a BDT administrators' tool.

It lists records as stored, drafts and contact e-mails included, without the registry's
visibility rules; everyone else uses the site's pages, which apply them.
"""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import PermissionDenied, ValidationError

from wsis.accounts.permissions import is_bdt_admin


def admin_allowed(user) -> bool:
    return bool(user.is_active and is_bdt_admin(user))


class BdtAdminAuthenticationForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user):
        if not admin_allowed(user):
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login",
                                  params={"username": self.username_field.verbose_name})


class BdtAdminSite(admin.AdminSite):
    login_form = BdtAdminAuthenticationForm

    def has_permission(self, request):
        return admin_allowed(request.user)

    def login(self, request, extra_context=None):
        # A signed-in user who is not a BDT administrator gets a plain refusal rather than the
        # admin's sign-in form, which would invite them to sign in again.
        if request.user.is_authenticated and not admin_allowed(request.user):
            raise PermissionDenied
        return super().login(request, extra_context)
