from django.contrib import admin

from wsis.reference import models as m


class ReadOnlyTranslations(admin.TabularInline):
    extra = 0


def inline(model_cls):
    return type(f"{model_cls.__name__}Inline", (ReadOnlyTranslations,), {"model": model_cls})


@admin.register(m.ActionLine)
class ActionLineAdmin(admin.ModelAdmin):
    list_display = ["code", "parent", "itu_role", "itu_high_priority"]
    list_filter = ["itu_role", "itu_high_priority"]
    inlines = [inline(m.ActionLineTranslation)]


@admin.register(m.SdgGoal)
class SdgGoalAdmin(admin.ModelAdmin):
    list_display = ["number"]
    inlines = [inline(m.SdgGoalTranslation)]


@admin.register(m.SdgTarget)
class SdgTargetAdmin(admin.ModelAdmin):
    list_display = ["code", "goal"]
    list_filter = ["goal"]
    search_fields = ["code", "translations__title"]
    inlines = [inline(m.SdgTargetTranslation)]


@admin.register(m.SdgIndicator)
class SdgIndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "target", "status"]
    list_filter = ["status", "target__goal"]
    search_fields = ["code", "translations__title"]
    inlines = [inline(m.SdgIndicatorTranslation)]


@admin.register(m.MatrixGoal)
class MatrixGoalAdmin(admin.ModelAdmin):
    list_display = ["action_line", "goal", "source"]
    list_filter = ["action_line"]


@admin.register(m.MatrixTarget)
class MatrixTargetAdmin(admin.ModelAdmin):
    list_display = ["action_line", "target", "source"]
    list_filter = ["action_line"]


@admin.register(m.StrategicTarget)
class StrategicTargetAdmin(admin.ModelAdmin):
    list_display = ["code", "framework", "scope", "comparator", "value", "unit", "deadline", "verified"]
    list_filter = ["framework", "scope", "verified"]
    inlines = [inline(m.StrategicTargetTranslation)]


class MembershipInline(admin.TabularInline):
    model = m.Membership
    extra = 0
    autocomplete_fields = ["economy"]


@admin.register(m.Economy)
class EconomyAdmin(admin.ModelAdmin):
    list_display = ["iso3", "iso2", "m49", "itu_code"]
    search_fields = ["iso3", "iso2", "m49", "translations__name"]
    inlines = [inline(m.EconomyTranslation)]


@admin.register(m.Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "exclusive", "owner", "is_demo"]
    list_filter = ["kind", "is_demo"]
    inlines = [inline(m.GroupTranslation), MembershipInline]


@admin.register(m.ReferenceSource)
class ReferenceSourceAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "version", "loaded_at"]
