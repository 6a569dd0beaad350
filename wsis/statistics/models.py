"""ICT statistics: indicators with their aggregation rules, releases of imported data, observations per
economy, and the group figures sources publish themselves (kept apart from economies)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wsis.core.i18n import current_language, pick
from wsis.core.models import TranslationBase

RULES = {
    "weighted_mean": _("Weighted mean"),
    "mean": _("Unweighted mean"),
    "sum": _("Sum"),
    "ratio_of_sums": _("Ratio of sums"),
    "none": _("Not aggregable"),
}
OBS_STATUSES = {"reported": _("Reported"), "estimated": _("Estimated"), "imputed": _("Imputed")}


class Indicator(models.Model):
    code = models.CharField(_("code"), max_length=60, unique=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    rule = models.CharField(_("aggregation rule"), max_length=20, choices=list(RULES.items()), default="none")
    # The weight of a weighted mean (e.g. population), or the denominator of a ratio of sums.
    weight = models.ForeignKey("self", verbose_name=_("weight"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    scale = models.FloatField(_("scale"), default=1.0)
    dimensions = models.JSONField(_("allowed dimensions"), default=list, blank=True)
    sdg_indicator = models.CharField(_("SDG indicator"), max_length=12, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    # Series codes of the sources that carry this indicator, e.g. ["IT.NET.USER.ZS", "IT_USE_II99"].
    aliases = models.JSONField(_("source series codes"), default=list, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.code

    def text(self, field: str = "name", language: str | None = None) -> str:
        return pick(self, field, language or current_language()) or self.code


class IndicatorTranslation(TranslationBase):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=300)
    definition = models.TextField(_("definition"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "language"], name="uniq_ict_indicator_lang")]


class Release(models.Model):
    """One import: what, when, from which file, by whom. Older releases are kept for comparison."""

    source = models.CharField(_("source"), max_length=200)
    adapter = models.CharField(_("format"), max_length=30)
    filename = models.CharField(_("file"), max_length=300)
    sha256 = models.CharField(max_length=64, db_index=True)
    options = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    counts = models.JSONField(default=dict, blank=True)
    unmatched = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = _("data release")
        verbose_name_plural = _("data releases")

    def __str__(self) -> str:
        return f"#{self.pk} {self.source} ({self.filename})"


class Observation(models.Model):
    # A fact table loaded a million rows at a time. The import service has matched every key before writing,
    # and deletions go through Django, which applies on_delete itself; database-level foreign keys would add
    # three deferred checks per row at commit (measured on PostgreSQL: 15 of 36 s for a million rows).
    # No separate index on release: the unique key below starts with it.
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="observations", db_index=False,
                                db_constraint=False)
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations",
                                  db_constraint=False)
    economy = models.ForeignKey("reference.Economy", on_delete=models.PROTECT, related_name="observations",
                                db_constraint=False)
    year = models.PositiveSmallIntegerField(_("year"))
    # Canonical dimension key, totals explicit: "SEX=F", "SEX=_T|URBANISATION=R"; "" when the indicator has none.
    dims = models.CharField(_("dimensions"), max_length=120, default="", blank=True)
    value = models.FloatField(_("value"))
    status = models.CharField(_("status"), max_length=10, choices=list(OBS_STATUSES.items()), default="reported")
    note = models.CharField(_("note"), max_length=300, blank=True)
    # The newest release that carries this key is the current value; older rows stay for comparison.
    is_current = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["release", "indicator", "economy", "year", "dims"],
                                               name="uniq_observation_key")]
        indexes = [models.Index(fields=["indicator", "dims", "year"], condition=Q(is_current=True),
                                name="obs_current")]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.economy_id} {self.year} {self.dims}={self.value}"


class PublishedAggregate(models.Model):
    """A group figure as a source publishes it (WLD, LDC, M49 199...), shown beside ours, never mixed in."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="aggregates")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="published_aggregates")
    area = models.CharField(_("area code"), max_length=40)
    area_name = models.CharField(_("area"), max_length=200, blank=True)
    # Our group with the same membership, when there is one (WLD → WORLD, M49 199 → LDC).
    group_code = models.CharField(_("group"), max_length=60, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(_("year"))
    dims = models.CharField(_("dimensions"), max_length=120, default="", blank=True)
    value = models.FloatField(_("value"))
    status = models.CharField(_("status"), max_length=10, default="reported")
    is_current = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["release", "indicator", "area", "year", "dims"],
                                               name="uniq_published_aggregate")]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area} {self.year}={self.value}"


class IndexDefinition(models.Model):
    """A composite index held as data (components, goalposts, weights, pillars, rules) — e.g. the IDI."""

    code = models.CharField(_("code"), max_length=40)
    version = models.CharField(_("version"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    definition = models.JSONField()
    verified = models.BooleanField(_("verified"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="uniq_index_version")]

    def __str__(self) -> str:
        return f"{self.code} {self.version}"
