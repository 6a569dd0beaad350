"""WSIS Prizes: yearly contests, categories, submissions from the registry, expert scores, public votes, results."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PHASES = {
    "announced": _("Announced"),
    "submission": _("Submission"),
    "review": _("Expert review and nomination"),
    "voting": _("Public online voting"),
    "selection": _("Expert selection"),
    "results": _("Results"),
}

SUBMISSION_STATES = {
    "submitted": _("Submitted"),
    "nominated": _("Nominated"),
    "finalist": _("Finalist"),
    "winner": _("Winner"),
    "champion": _("Champion"),
}


class Contest(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    submission_opens = models.DateTimeField(_("submission opens"))
    submission_closes = models.DateTimeField(_("submission closes"))
    review_closes = models.DateTimeField(_("expert nomination closes"))
    voting_opens = models.DateTimeField(_("voting opens"))
    voting_closes = models.DateTimeField(_("voting closes"))
    selection_closes = models.DateTimeField(_("expert selection closes"))
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    eligible_statuses = models.JSONField(_("eligible activity statuses"), default=list)
    finalists_per_category = models.PositiveSmallIntegerField(_("finalists per category"), default=5)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("WSIS Prizes contest")
        verbose_name_plural = _("WSIS Prizes contests")
        constraints = [
            models.CheckConstraint(
                condition=Q(submission_opens__lt=models.F("submission_closes"))
                & Q(submission_closes__lte=models.F("review_closes"))
                & Q(review_closes__lte=models.F("voting_opens"))
                & Q(voting_opens__lt=models.F("voting_closes"))
                & Q(voting_closes__lte=models.F("selection_closes")),
                name="contest_phases_in_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def phase(self, now=None) -> str:
        """The phase at `now`: windows are [opens, closes), so a deadline's own instant is already closed."""
        now = now or timezone.now()
        if self.results_published_at and now >= self.results_published_at:
            return "results"
        if now < self.submission_opens:
            return "announced"
        if now < self.submission_closes:
            return "submission"
        if now < self.voting_opens:
            return "review"
        if now < self.voting_closes:
            return "voting"
        return "selection"

    def phase_label(self, now=None) -> str:
        return str(PHASES[self.phase(now)])


class Category(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="categories")
    code = models.CharField(_("code"), max_length=40)
    action_line = models.ForeignKey("reference.ActionLine", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["contest", "order"]
        constraints = [models.UniqueConstraint(fields=["contest", "code"], name="uniq_category_code")]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return f"{self.contest.year} {self.code}"


class Submission(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="submissions")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="submissions")
    activity = models.ForeignKey("stocktaking.Activity", on_delete=models.PROTECT, related_name="prize_submissions")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="prize_submissions")
    description = models.TextField(_("short description"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=20, choices=list(SUBMISSION_STATES.items()), default="submitted",
                             db_index=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["category__order", "id"]
        constraints = [
            # One category per project; one project per entity per category.
            models.UniqueConstraint(fields=["contest", "activity"], name="one_category_per_project"),
            models.UniqueConstraint(fields=["category", "organisation"], name="one_project_per_entity_per_category"),
        ]
        verbose_name = _("prize submission")
        verbose_name_plural = _("prize submissions")

    def __str__(self) -> str:
        return f"{self.category.code}: {self.activity_id}"


class Expert(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="experts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="prize_expert_seats")
    is_chair = models.BooleanField(_("chair"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contest", "user"], name="uniq_expert")]

    def __str__(self) -> str:
        return f"{self.user} ({self.contest.year})"


class Conflict(models.Model):
    """A declared conflict of interest: the expert takes no part in judging this submission."""

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="conflicts")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("reason"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["expert", "submission"], name="uniq_conflict")]

    def __str__(self) -> str:
        return f"{self.expert} ✕ {self.submission_id}"


class Score(models.Model):
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="scores")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score (0–10)"))
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["expert", "submission"], name="uniq_score"),
            models.CheckConstraint(condition=Q(value__lte=10), name="score_at_most_10"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} → {self.submission_id}: {self.value}"


class Vote(models.Model):
    """A public vote. Never deleted: an invalid vote is marked with a reason and stops counting."""

    contest = models.ForeignKey(Contest, on_delete=models.PROTECT, related_name="votes")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="votes")
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="prize_votes")
    address = models.GenericIPAddressField(_("network address"), null=True, blank=True)
    cast_at = models.DateTimeField(default=timezone.now, db_index=True)
    flagged = models.CharField(_("flag for review"), max_length=200, blank=True)
    invalidated_at = models.DateTimeField(_("invalidated"), null=True, blank=True)
    invalidated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    invalidation_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        constraints = [
            # One vote per account per category, whatever happens to it later.
            models.UniqueConstraint(fields=["voter", "category"], name="one_vote_per_account_per_category"),
        ]
        indexes = [
            models.Index(fields=["submission", "invalidated_at"]),
            models.Index(fields=["address", "cast_at"]),
            models.Index(fields=["voter", "cast_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} → {self.submission_id}"
