from django.contrib import admin

from wsis.core.admin import ReadOnlyAdmin
from wsis.planning.models import (
    Kpi,
    Milestone,
    Output,
    Period,
    Plan,
    ProgressUpdate,
    Reminder,
    UpdateStep,
)


# The plan changes only through its services (validation, permissions, audit); the admin shows it.
@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ["code", "start", "end", "state", "is_demo"]


@admin.register(Output)
class OutputAdmin(ReadOnlyAdmin):
    list_display = ["code", "objective", "office"]
    list_filter = ["objective__plan", "office"]


@admin.register(Kpi)
class KpiAdmin(ReadOnlyAdmin):
    list_display = ["output", "code", "source", "baseline_value", "target_value", "deadline"]


@admin.register(Milestone)
class MilestoneAdmin(ReadOnlyAdmin):
    list_display = ["output", "due", "expected", "completed"]


@admin.register(Period)
class PeriodAdmin(ReadOnlyAdmin):
    list_display = ["plan", "code", "start", "end", "due", "locked_at"]


class StepInline(admin.TabularInline):
    model = UpdateStep
    extra = 0
    can_delete = False
    readonly_fields = ["at", "from_state", "to_state", "actor", "comment", "changes"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyAdmin):
    list_display = ["output", "period", "state", "submitted_at", "decided_at"]
    list_filter = ["state", "period__plan"]
    inlines = [StepInline]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ["user", "kind", "due", "created_at", "emailed_at", "read_at"]
    list_filter = ["kind"]
