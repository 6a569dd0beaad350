"""Reference frameworks: WSIS action lines, SDGs, the WSIS–SDG matrix, strategic targets, economies and groups."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wsis.core.i18n import current_language, pick
from wsis.core.models import TranslationBase


class Translated:
    """Mixin: `obj.text("name")` in the current language, English fallback."""

    def text(self, field: str = "name", language: str | None = None) -> str:
        return pick(self, field, language or current_language())


class ReferenceSource(models.Model):
    """Where a reference data set comes from, so every row can be traced to it."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), blank=True)
    version = models.CharField(_("version"), max_length=120, blank=True)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("reference source")
        verbose_name_plural = _("reference sources")

    def __str__(self) -> str:
        return self.title


class ItuRole(models.TextChoices):
    SOLE_FACILITATOR = "sole_facilitator", _("Sole facilitator")
    CO_FACILITATOR = "co_facilitator", _("Co-facilitator")
    PARTNER = "partner", _("Partner")
    NONE = "none", _("No role named")


class ActionLine(Translated, models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent line"), null=True, blank=True, on_delete=models.PROTECT, related_name="sublines"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    itu_role = models.CharField(_("ITU role"), max_length=20, choices=ItuRole.choices)
    itu_high_priority = models.BooleanField(_("high priority for ITU-D"), default=False)
    un_lead_facilitators = models.JSONField(_("UN lead facilitators"), default=list)

    class Meta:
        ordering = ["parent__order", "order"]
        verbose_name = _("WSIS action line")
        verbose_name_plural = _("WSIS action lines")

    def __str__(self) -> str:
        return self.code

    @property
    def is_subline(self) -> bool:
        return self.parent_id is not None


class ActionLineTranslation(TranslationBase):
    action_line = models.ForeignKey(ActionLine, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action_line", "language"], name="uniq_actionline_lang")]


class SdgGoal(Translated, models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self) -> str:
        return str(self.number)

    @property
    def code(self) -> str:
        return str(self.number)


class SdgGoalTranslation(TranslationBase):
    goal = models.ForeignKey(SdgGoal, on_delete=models.CASCADE, related_name="translations")
    short = models.CharField(_("short title"), max_length=200)
    title = models.TextField(_("title"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["goal", "language"], name="uniq_goal_lang")]


class SdgTarget(Translated, models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    goal = models.ForeignKey(SdgGoal, on_delete=models.PROTECT, related_name="targets")
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["goal__number", "order"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return self.code


class SdgTargetTranslation(TranslationBase):
    target = models.ForeignKey(SdgTarget, on_delete=models.CASCADE, related_name="translations")
    title = models.TextField(_("title"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "language"], name="uniq_target_lang")]


class IndicatorStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    LEGACY = "legacy", _("Legacy (not in the current global list)")


class SdgIndicator(Translated, models.Model):
    code = models.CharField(_("code"), max_length=12, unique=True)
    target = models.ForeignKey(SdgTarget, on_delete=models.PROTECT, related_name="indicators")
    order = models.PositiveSmallIntegerField(_("order"))
    status = models.CharField(_("status"), max_length=10, choices=IndicatorStatus.choices, default=IndicatorStatus.CURRENT)

    class Meta:
        ordering = ["target__goal__number", "target__order", "order"]
        verbose_name = _("SDG indicator")
        verbose_name_plural = _("SDG indicators")

    def __str__(self) -> str:
        return self.code


class SdgIndicatorTranslation(TranslationBase):
    indicator = models.ForeignKey(SdgIndicator, on_delete=models.CASCADE, related_name="translations")
    title = models.TextField(_("title"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "language"], name="uniq_indicator_lang")]


class MatrixGoal(models.Model):
    """An SDG goal served by an action line, per the WSIS–SDG matrix."""

    action_line = models.ForeignKey(ActionLine, on_delete=models.CASCADE, related_name="matrix_goals")
    goal = models.ForeignKey(SdgGoal, on_delete=models.CASCADE, related_name="matrix_lines")
    source = models.ForeignKey(ReferenceSource, on_delete=models.PROTECT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action_line", "goal"], name="uniq_matrix_goal")]
        verbose_name = _("WSIS–SDG matrix goal")
        verbose_name_plural = _("WSIS–SDG matrix goals")

    def __str__(self) -> str:
        return f"{self.action_line_id}→{self.goal_id}"


class MatrixTarget(models.Model):
    """An SDG target served by an action line, per the WSIS–SDG matrix."""

    action_line = models.ForeignKey(ActionLine, on_delete=models.CASCADE, related_name="matrix_targets")
    target = models.ForeignKey(SdgTarget, on_delete=models.CASCADE, related_name="matrix_lines")
    source = models.ForeignKey(ReferenceSource, on_delete=models.PROTECT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action_line", "target"], name="uniq_matrix_target")]
        verbose_name = _("WSIS–SDG matrix target")
        verbose_name_plural = _("WSIS–SDG matrix targets")

    def __str__(self) -> str:
        return f"{self.action_line_id}→{self.target_id}"


class TargetScope(models.TextChoices):
    WORLD = "world", _("World")
    DEVELOPED = "developed", _("Developed economies")
    DEVELOPING = "developing", _("Developing economies")
    LDC = "ldc", _("Least developed countries")
    LLDC = "lldc", _("Landlocked developing countries")
    SIDS = "sids", _("Small island developing States")
    EVERY_ECONOMY = "every_economy", _("Every economy")


class Comparator(models.TextChoices):
    AT_LEAST = ">=", _("at least")
    AT_MOST = "<=", _("at most")
    EQUAL = "==", _("equal to")
    REDUCE_BY = "reduce_by", _("reduce by")
    INCREASE_BY = "increase_by", _("increase by")


class StrategicTarget(Translated, models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    framework = models.CharField(_("framework"), max_length=40, db_index=True)
    goal = models.CharField(_("goal"), max_length=60, blank=True)
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    sdg_indicator = models.ForeignKey(
        SdgIndicator, verbose_name=_("SDG indicator"), null=True, blank=True, on_delete=models.SET_NULL
    )
    scope = models.CharField(_("scope"), max_length=20, choices=TargetScope.choices)
    comparator = models.CharField(_("comparator"), max_length=12, choices=Comparator.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    deadline = models.DateField(_("deadline"))
    source = models.CharField(_("source"), max_length=500)
    verified = models.BooleanField(_("verified"), default=False)
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["framework", "order"]
        verbose_name = _("strategic target")
        verbose_name_plural = _("strategic targets")

    def __str__(self) -> str:
        return self.code


class StrategicTargetTranslation(TranslationBase):
    strategic_target = models.ForeignKey(StrategicTarget, on_delete=models.CASCADE, related_name="translations")
    text = models.TextField(_("text"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["strategic_target", "language"], name="uniq_strategic_lang")]


class Economy(Translated, models.Model):
    iso3 = models.CharField(_("ISO 3166 alpha-3"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2"), max_length=2, unique=True, null=True, blank=True)
    m49 = models.CharField(_("UN M49 code"), max_length=3, unique=True, null=True, blank=True)
    itu_code = models.CharField(_("ITU country code"), max_length=3, blank=True)

    class Meta:
        ordering = ["iso3"]
        verbose_name = _("economy")
        verbose_name_plural = _("economies")

    def __str__(self) -> str:
        return self.iso3


class EconomyTranslation(TranslationBase):
    economy = models.ForeignKey(Economy, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["economy", "language"], name="uniq_economy_lang")]


class GroupKind(models.TextChoices):
    ITU_REGION = "itu_region", _("ITU region")
    DEVELOPMENT = "development", _("Development group")
    INCOME = "income", _("Income group")
    CUSTOM = "custom", _("User-defined group")


class Group(Translated, models.Model):
    """A set of economies: an ITU region, LDC/LLDC/SIDS, an income group, or one a user defines."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=GroupKind.choices, db_index=True)
    # A region partitions the world: one region per economy at any date (checked by the service).
    exclusive = models.BooleanField(_("exclusive within its kind"), default=False)
    owner = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("owner"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="groups",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["kind", "order", "code"]
        verbose_name = _("group of economies")
        verbose_name_plural = _("groups of economies")

    def __str__(self) -> str:
        return self.code


class GroupTranslation(TranslationBase):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=200)
    abbr = models.CharField(_("abbreviation"), max_length=30, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "language"], name="uniq_group_lang")]


class MembershipQuerySet(models.QuerySet):
    def valid_on(self, day):
        """Memberships in force on `day`: valid_from inclusive, valid_to exclusive (the day it ended)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=day)
        )


class Membership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    economy = models.ForeignKey(Economy, on_delete=models.CASCADE, related_name="memberships")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    source = models.ForeignKey(ReferenceSource, null=True, blank=True, on_delete=models.PROTECT)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["group", "economy", "valid_from"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="membership_dates_ordered",
            ),
        ]
        indexes = [models.Index(fields=["economy", "group"])]

    def __str__(self) -> str:
        return f"{self.economy_id}∈{self.group_id} [{self.valid_from or '…'}, {self.valid_to or '…'})"
