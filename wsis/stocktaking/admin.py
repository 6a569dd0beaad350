from django.contrib import admin

from wsis.accounts.admin_site import admin_allowed
from wsis.core.admin import ReadOnlyAdmin
from wsis.stocktaking.models import Activity, ActivityTranslation, Transition


class TranslationInline(admin.TabularInline):
    model = ActivityTranslation
    extra = 0
    can_delete = False
    readonly_fields = ["language", "title", "summary", "verified"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


class TransitionInline(TranslationInline):
    model = Transition
    readonly_fields = ["at", "from_state", "to_state", "actor", "comment"]
    fields = readonly_fields


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    """A view of the registry; changes go through the registry pages or API so they are reviewed and audited."""

    list_display = ["id", "kind", "state", "status", "lead_organisation", "published_at", "is_demo"]
    list_filter = ["state", "kind", "status", "scope", "is_demo"]
    search_fields = ["translations__title", "external_id"]
    inlines = [TranslationInline, TransitionInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return admin_allowed(request.user)
