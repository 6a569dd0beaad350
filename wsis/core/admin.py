from django.contrib import admin

from wsis.core.models import AuditLog


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records that only services write (audit entries, votes): visible, never edited here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor_label", "verb", "target_type", "target_repr"]
    list_filter = ["verb", "target_type"]
    search_fields = ["actor_label", "target_repr", "target_id"]
