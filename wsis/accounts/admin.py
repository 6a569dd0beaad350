from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from wsis.accounts.models import Organisation, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "organisation", "is_staff", "is_demo"]
    list_filter = ["is_staff", "is_demo", "roles__role"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Organisation"), {"fields": ("organisation", "preferred_language", "is_demo")}),)
    inlines = [RoleInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "economy", "region", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "acronym"]
