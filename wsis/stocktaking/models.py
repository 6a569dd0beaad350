"""The stocktaking registry: activities, their texts, tags, partners, review history and versions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wsis.core.i18n import current_language, pick
from wsis.core.models import TranslationBase
from wsis.stocktaking import schema


def choices(d: dict) -> list[tuple[str, str]]:
    return list(d.items())


class Activity(models.Model):
    # A revision of a published activity is its own row until it is published into the original.
    revision_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="revisions")
    # NULL, not "", when absent: many activities have none, and the unique constraint must ignore them.
    external_id = models.CharField(_("external identifier"), max_length=200, null=True, blank=True)  # noqa: DJ001
    kind = models.CharField(_("kind"), max_length=30, choices=choices(schema.KINDS), db_index=True)
    original_language = models.CharField(_("original language"), max_length=10, choices=settings.LANGUAGES)
    lead_organisation = models.ForeignKey("accounts.Organisation", verbose_name=_("lead organisation"),
                                          on_delete=models.PROTECT, related_name="led_activities")
    scope = models.CharField(_("scope"), max_length=20, choices=choices(schema.SCOPES), db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=choices(schema.STATUSES), db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    priority = models.CharField(_("ITU-D priority"), max_length=40, choices=choices(schema.PRIORITIES), blank=True)
    matrix_justification = models.TextField(_("justification for targets outside the WSIS–SDG matrix"), blank=True)
    budget_amount = models.DecimalField(_("budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    budget_currency = models.CharField(_("currency"), max_length=3, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    state = models.CharField(_("review state"), max_length=20, choices=choices(schema.STATES), default="draft",
                             db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(_("published version"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    economies = models.ManyToManyField("reference.Economy", blank=True, related_name="activities")
    groups = models.ManyToManyField("reference.Group", blank=True, related_name="activities")
    sdg_targets = models.ManyToManyField("reference.SdgTarget", blank=True, related_name="activities")
    strategic_targets = models.ManyToManyField("reference.StrategicTarget", blank=True, related_name="activities")

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["external_id"], condition=Q(revision_of__isnull=True),
                                    name="uniq_activity_external_id"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="activity_dates_ordered"),
        ]
        indexes = [
            models.Index(fields=["state", "published_at", "id"]),
            models.Index(fields=["state", "start_date", "id"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title()}"

    def title(self, language: str | None = None) -> str:
        return pick(self, "title", language or current_language()) or f"#{self.pk}"

    def text(self, field: str, language: str | None = None) -> str:
        return pick(self, field, language or current_language())

    @property
    def is_public(self) -> bool:
        return self.state == "published"

    def beneficiary_groups_list(self) -> list[str]:
        return sorted(b.code for b in self.beneficiaries.all())


class ActivityTranslation(TranslationBase):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "language"], name="uniq_activity_lang")]


class ActivityActionLine(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="action_line_links")
    action_line = models.ForeignKey("reference.ActionLine", on_delete=models.PROTECT, related_name="activity_links")
    primary = models.BooleanField(_("primary"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "action_line"], name="uniq_activity_line"),
            models.UniqueConstraint(fields=["activity"], condition=Q(primary=True), name="one_primary_line"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}:{self.action_line_id}"


class Participant(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(_("role"), max_length=20, choices=choices(schema.PARTNER_ROLES))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "organisation", "role"], name="uniq_participant")]

    def __str__(self) -> str:
        return f"{self.organisation_id} ({self.role})"


class Beneficiary(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="beneficiaries")
    code = models.CharField(_("beneficiary group"), max_length=30, choices=choices(schema.BENEFICIARIES), db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "code"], name="uniq_beneficiary")]

    def __str__(self) -> str:
        return self.code


class Transition(models.Model):
    """One step of the review workflow; the full history of an activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20)
    to_state = models.CharField(max_length=20)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.from_state}→{self.to_state}"


class ActivityVersion(models.Model):
    """What the public saw at each publication: a snapshot in the interchange shape."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["activity", "number"]
        constraints = [models.UniqueConstraint(fields=["activity", "number"], name="uniq_activity_version")]

    def __str__(self) -> str:
        return f"{self.activity_id} v{self.number}"


class ActivityFacet(models.Model):
    """Derived filter values of an activity (region, group, ITU role, goal, year...), rebuilt on every write.

    One table serves every filter and every facet count with the same query on both databases.
    """

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    code = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "facet", "code"], name="uniq_activity_facet")]
        indexes = [models.Index(fields=["facet", "code", "activity"])]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.facet}={self.code}"


class ActivitySearch(models.Model):
    """All texts of an activity in every language, case-folded, for full-text search."""

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, primary_key=True, related_name="search")
    body = models.TextField()
    sort_title = models.CharField(max_length=200, db_index=True)

    def __str__(self) -> str:
        return self.sort_title
