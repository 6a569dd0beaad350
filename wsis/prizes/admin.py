from django.contrib import admin

from wsis.core.admin import ReadOnlyAdmin
from wsis.prizes.models import Category, Conflict, Contest, Expert, Score, Submission, Vote


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "voting_opens", "voting_closes", "results_published_at", "is_demo"]
    inlines = [CategoryInline]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["id", "contest", "category", "activity", "organisation", "state"]
    list_filter = ["contest", "state", "category__code"]


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["contest", "user", "is_chair"]


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["expert", "submission", "reason", "declared_at"]


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ["expert", "submission", "value", "updated_at"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    """Votes are evidence: read-only here; invalidate them through the API, with a reason."""

    list_display = ["id", "contest", "category", "submission", "voter", "address", "cast_at", "flagged", "invalidated_at"]
    list_filter = ["contest", "invalidated_at", ("flagged", admin.EmptyFieldListFilter)]
    search_fields = ["voter__username", "address"]
