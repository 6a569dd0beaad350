"""Stored report runs: parameters, progress, the document model (for comparison) and the rendered file."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

FORMATS = {"html": ("text/html; charset=utf-8", "html"), "pdf": ("application/pdf", "pdf"),
           "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
           "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")}
STATUSES = {"queued": _("Queued"), "running": _("Running"), "done": _("Done"), "failed": _("Failed")}


class ReportRun(models.Model):
    kind = models.CharField(_("report type"), max_length=20)
    period = models.PositiveSmallIntegerField(_("period"))
    scope = models.CharField(_("scope"), max_length=60)
    language = models.CharField(_("language"), max_length=10)
    format = models.CharField(_("format"), max_length=10, choices=[(k, k.upper()) for k in FORMATS])
    status = models.CharField(_("status"), max_length=10, choices=list(STATUSES.items()), default="queued",
                              db_index=True)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(max_length=40, blank=True)
    # The assembled document, so a run can be compared with an earlier one and rendered again.
    document = models.JSONField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    file = models.FileField(upload_to="reports/%Y/", blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    # Supervision: the worker running the run ("host:pid") and when it last showed signs of life; a run whose
    # worker stopped (killed, machine restarted) is marked failed by the sweep and can then be retried.
    worker = models.CharField(max_length=80, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("report run")
        verbose_name_plural = _("report runs")
        indexes = [models.Index(fields=["kind", "period", "scope", "language", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.period} {self.scope} {self.language} {self.format} #{self.pk}"

    @property
    def filename(self) -> str:
        return f"wsis-{self.kind}-{self.period}-{self.scope}-{self.language}.{FORMATS[self.format][1]}"

    def previous(self):
        """The last finished run of the same report (type, period, scope, language) before this one."""
        return (ReportRun.objects.filter(kind=self.kind, period=self.period, scope=self.scope,
                                         language=self.language, status="done", created_at__lt=self.created_at)
                .exclude(pk=self.pk).order_by("-created_at", "-id").first())
