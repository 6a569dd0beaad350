"""Base pieces shared by every app: the audit log and translation rows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditLog(models.Model):
    """One row per state change, written by the service that made it, in the same transaction."""

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The actor's name is kept as text too, so history survives a deleted account
    # and system jobs (`wsis init`) are named.
    actor_label = models.CharField(_("actor label"), max_length=200)
    verb = models.CharField(_("verb"), max_length=80, db_index=True)
    target_type = models.CharField(_("target type"), max_length=80, db_index=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True, db_index=True)
    target_repr = models.CharField(_("target"), max_length=300, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb} {self.target_repr}"


class TranslationBase(models.Model):
    """A text of a stored object in one language; `verified` is False for machine or draft text."""

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    verified = models.BooleanField(_("verified"), default=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        abstract = True
