"""The operational plan: plan → objectives → outputs → KPIs and milestones; reporting periods and progress updates.

Statuses are never stored: they are computed from these rows by `wsis.planning.status` on every read.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wsis.core.i18n import current_language, pick
from wsis.core.models import TranslationBase

PLAN_STATES = {"draft": _("Draft"), "active": _("Active"), "closed": _("Closed")}
DIRECTIONS = {"increase": _("Increase"), "decrease": _("Decrease")}
SOURCES = {"manual": _("Progress updates"), "activities": _("Linked activities (computed)"),
           "indicator": _("ICT indicator (computed)")}
MEASURES = {
    "count": _("Number of linked activities"),
    "economies": _("Number of economies reached by linked activities"),
    "budget": _("Budget of linked activities"),
}
UPDATE_STATES = {"draft": _("Draft"), "submitted": _("Submitted"), "returned": _("Returned"), "approved": _("Approved")}
STATUS_LABELS = {
    "done": _("Done"),
    "on_track": _("On track"),
    "at_risk": _("At risk"),
    "off_track": _("Off track"),
    "late": _("Late"),
    "no_data": _("No data"),
}

# The reasons `wsis.planning.status` gives, as shown to readers.
REASONS = {
    "target already met by the baseline": _("target already met by the baseline"),
    "deadline passed with no reported value": _("deadline passed with no reported value"),
    "no value reported since the baseline": _("no value reported since the baseline"),
    "target reached": _("target reached"),
    "deadline passed, target not reached": _("deadline passed, target not reached"),
    "no time left before the deadline": _("no time left before the deadline"),
    "no progress towards the target": _("no progress towards the target"),
    "achieved pace at least the pace needed": _("pace achieved at least the pace needed"),
    "achieved pace 75–100 % of the pace needed": _("pace achieved between three quarters of the pace needed "
                                                   "and the pace needed"),
    "achieved pace below 75 % of the pace needed": _("pace achieved below three quarters of the pace needed"),
}


class Texted:
    def text(self, field: str = "title", language: str | None = None) -> str:
        return pick(self, field, language or current_language())


class Plan(Texted, models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    state = models.CharField(_("state"), max_length=10, choices=list(PLAN_STATES.items()), default="draft")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-start", "code"]
        verbose_name = _("operational plan")
        verbose_name_plural = _("operational plans")
        constraints = [models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="plan_dates_ordered")]

    def __str__(self) -> str:
        return self.code


class PlanTranslation(TranslationBase):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "language"], name="uniq_plan_lang")]


class Objective(Texted, models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(_("code"), max_length=40)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="uniq_objective_code")]

    def __str__(self) -> str:
        return self.code


class ObjectiveTranslation(TranslationBase):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["objective", "language"], name="uniq_objective_lang")]


class Output(Texted, models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="outputs")
    code = models.CharField(_("code"), max_length=40)
    order = models.PositiveIntegerField(default=0)
    # The BDT unit or regional office answerable for the output; its staff edit it and report on it.
    office = models.ForeignKey("accounts.Organisation", verbose_name=_("responsible office"),
                               on_delete=models.PROTECT, related_name="plan_outputs")
    action_lines = models.ManyToManyField("reference.ActionLine", blank=True, related_name="plan_outputs")
    sdg_targets = models.ManyToManyField("reference.SdgTarget", blank=True, related_name="plan_outputs")
    strategic_targets = models.ManyToManyField("reference.StrategicTarget", blank=True, related_name="plan_outputs")
    activities = models.ManyToManyField("stocktaking.Activity", blank=True, related_name="plan_outputs")

    class Meta:
        ordering = ["objective", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["objective", "code"], name="uniq_output_code")]

    def __str__(self) -> str:
        return self.code


class OutputTranslation(TranslationBase):
    output = models.ForeignKey(Output, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["output", "language"], name="uniq_output_lang")]


class Kpi(Texted, models.Model):
    output = models.ForeignKey(Output, on_delete=models.CASCADE, related_name="kpis")
    code = models.CharField(_("code"), max_length=40)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=list(DIRECTIONS.items()))
    baseline_value = models.FloatField(_("baseline"))
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"))
    target_value = models.FloatField(_("target"))
    deadline = models.DateField(_("deadline"))
    source = models.CharField(_("data source"), max_length=12, choices=list(SOURCES.items()), default="manual")
    measure = models.CharField(_("measure"), max_length=12, choices=list(MEASURES.items()), blank=True)
    # Filters of an activity measure: empty means every kind / status.
    activity_kinds = models.JSONField(_("activity kinds"), default=list, blank=True)
    activity_statuses = models.JSONField(_("activity statuses"), default=list, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    # For a KPI measured by an ICT indicator: its code, and the group (WORLD, LDC, AFR…) or economy (ISO3)
    # whose figure is followed — the group figure as published under the statistics module's rules.
    indicator = models.CharField(_("ICT indicator"), max_length=60, blank=True)
    area = models.CharField(_("group or economy"), max_length=60, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["output", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["output", "code"], name="uniq_kpi_code")]

    def __str__(self) -> str:
        return self.code


class KpiTranslation(TranslationBase):
    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("name"), max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kpi", "language"], name="uniq_kpi_lang")]


class Milestone(Texted, models.Model):
    output = models.ForeignKey(Output, on_delete=models.CASCADE, related_name="milestones")
    due = models.DateField(_("due date"))
    # The office's current forecast; slippage is measured against `due`, which stays as planned.
    expected = models.DateField(_("expected date"), null=True, blank=True)
    completed = models.DateField(_("completed on"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["output", "due", "order", "id"]

    def __str__(self) -> str:
        return f"{self.output_id}:{self.due}"


class MilestoneTranslation(TranslationBase):
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["milestone", "language"], name="uniq_milestone_lang")]


class Period(models.Model):
    """A reporting period of a plan; updates are due by `due`; a locked period takes only audited corrections."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="periods")
    code = models.CharField(_("code"), max_length=20)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    due = models.DateField(_("updates due"))
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    class Meta:
        ordering = ["plan", "start"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="uniq_period_code"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="period_dates_ordered"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class ProgressUpdate(models.Model):
    """An office's report on one output for one period: narrative and the values of its manual KPIs."""

    output = models.ForeignKey(Output, on_delete=models.CASCADE, related_name="updates")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="updates")
    state = models.CharField(_("state"), max_length=10, choices=list(UPDATE_STATES.items()), default="draft")
    narrative = models.TextField(_("narrative"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["period__start", "output"]
        constraints = [models.UniqueConstraint(fields=["output", "period"], name="uniq_update_output_period")]

    def __str__(self) -> str:
        return f"{self.output} · {self.period}"


class UpdateValue(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="values")
    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="values")
    value = models.FloatField(_("value"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "kpi"], name="uniq_update_kpi")]

    def __str__(self) -> str:
        return f"{self.kpi_id}={self.value}"


class UpdateStep(models.Model):
    """The history of an update: every submission, return and approval, and every correction after approval."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="steps")
    from_state = models.CharField(max_length=10)
    to_state = models.CharField(max_length=10)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(blank=True)
    # For corrections: {"kpi code": [old, new]}.
    changes = models.JSONField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.update_id}: {self.from_state}→{self.to_state}"


class Reminder(models.Model):
    """An in-app reminder; `key` makes the daily sweep idempotent (one reminder per user, subject and window)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_reminders")
    key = models.CharField(max_length=120)
    kind = models.CharField(max_length=20)
    output = models.ForeignKey(Output, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    due = models.DateField()
    # Message parameters; the text is built in the reader's language when shown or mailed.
    params = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["read_at", "due", "id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="uniq_reminder_key")]

    def __str__(self) -> str:
        return self.key
