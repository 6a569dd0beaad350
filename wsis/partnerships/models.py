"""Partnerships and resource mobilisation: agreements, funding flows and rates, events, assistance requests, contributions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wsis.partnerships import codes


def _choices(d: dict) -> list[tuple[str, str]]:
    return list(d.items())


class Agreement(models.Model):
    reference = models.CharField(_("reference"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=_choices(codes.AGREEMENT_KINDS))
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=20, choices=_choices(codes.AGREEMENT_STATUSES),
                              default="draft", db_index=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    start_date = models.DateField(_("in force from"), null=True, blank=True)
    end_date = models.DateField(_("ends on"), null=True, blank=True)
    # The ITU region whose office follows the agreement; empty for global agreements.
    region = models.ForeignKey("reference.Group", verbose_name=_("region"), null=True, blank=True,
                               on_delete=models.PROTECT, limit_choices_to={"kind": "itu_region"}, related_name="+")
    frameworks = models.JSONField(_("frameworks served"), default=list, blank=True)
    public = models.BooleanField(_("public"), default=True)
    parties = models.ManyToManyField("accounts.Organisation", through="AgreementParty", related_name="agreements")
    activities = models.ManyToManyField("stocktaking.Activity", blank=True, related_name="agreements")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-signed_on", "-id"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [models.CheckConstraint(
            condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
            name="agreement_dates_ordered")]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class AgreementParty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="party_links")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="agreement_links")
    role = models.CharField(_("role"), max_length=20, choices=_choices(codes.PARTY_ROLES), default="party")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["agreement", "organisation"], name="uniq_agreement_party")]

    def __str__(self) -> str:
        return f"{self.agreement_id}:{self.organisation_id}"


class AgreementStep(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    on = models.DateField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.agreement_id}: {self.from_status}→{self.to_status}"


class Document(models.Model):
    """A file attached to an agreement or a contribution; served through a permission-checked view."""

    agreement = models.ForeignKey(Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="documents")
    contribution = models.ForeignKey("Contribution", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="documents/%Y/")
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [models.CheckConstraint(
            condition=Q(agreement__isnull=False, contribution__isnull=True)
            | Q(agreement__isnull=True, contribution__isnull=False), name="document_one_owner")]

    def __str__(self) -> str:
        return self.title


class ExchangeRate(models.Model):
    """Units of `currency` per one US dollar on `date` (the convention of IMF and World Bank series)."""

    currency = models.CharField(_("currency"), max_length=3)
    date = models.DateField(_("date"))
    per_usd = models.DecimalField(_("units per US dollar"), max_digits=20, decimal_places=8)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["currency", "date"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="uniq_rate_day"),
            models.CheckConstraint(condition=Q(per_usd__gt=0), name="rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.date} {self.per_usd}"


class Flow(models.Model):
    """Money from a funder to an activity at one stage of the pipeline, in the currency it was agreed in."""

    activity = models.ForeignKey("stocktaking.Activity", on_delete=models.CASCADE, related_name="flows")
    funder = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="flows_funded")
    receiver = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="flows_received")
    agreement = models.ForeignKey(Agreement, null=True, blank=True, on_delete=models.SET_NULL, related_name="flows")
    stage = models.CharField(_("stage"), max_length=20, choices=_choices(codes.STAGES), db_index=True)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    value_date = models.DateField(_("value date"), db_index=True)
    mechanism = models.CharField(_("mechanism"), max_length=30, choices=_choices(codes.MECHANISMS))
    public = models.BooleanField(_("amount is public"), default=True)
    description = models.CharField(_("description"), max_length=500, blank=True)
    # A stable key from outside (an IATI transaction reference), so a re-import updates instead of duplicating.
    reference = models.CharField(_("reference"), max_length=200, null=True, blank=True)  # noqa: DJ001
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["value_date", "id"]
        verbose_name = _("funding flow")
        verbose_name_plural = _("funding flows")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="flow_amount_positive"),
            models.UniqueConstraint(fields=["activity", "reference"], name="uniq_flow_reference"),
        ]

    def __str__(self) -> str:
        return f"{self.stage} {self.amount} {self.currency} {self.value_date}"


class EventDetail(models.Model):
    """What a training or event adds to its registry activity: format, registration, certificates."""

    activity = models.OneToOneField("stocktaking.Activity", on_delete=models.CASCADE, primary_key=True,
                                    related_name="event")
    mode = models.CharField(_("format"), max_length=20, choices=_choices(codes.EVENT_MODES), default="in_person")
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_url = models.URLField(_("online address"), blank=True)
    registration_open = models.BooleanField(_("registration open"), default=False)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    certificates_issued = models.PositiveIntegerField(_("certificates issued"), default=0)

    def __str__(self) -> str:
        return f"event {self.activity_id}"


class Session(models.Model):
    activity = models.ForeignKey("stocktaking.Activity", on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online = models.BooleanField(_("online"), default=False)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                              name="session_times_ordered")]

    def __str__(self) -> str:
        return self.title


class AttendanceCount(models.Model):
    """Participants of an event in one cell: sex × stakeholder type × economy (no stored totals)."""

    activity = models.ForeignKey("stocktaking.Activity", on_delete=models.CASCADE, related_name="attendance")
    sex = models.CharField(_("sex"), max_length=2, choices=_choices(codes.SEXES))
    stakeholder = models.CharField(_("stakeholder type"), max_length=30)
    economy = models.ForeignKey("reference.Economy", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    count = models.PositiveIntegerField(_("participants"))

    class Meta:
        # The service refuses a cell given twice; NULL economies make a database constraint leaky here.
        indexes = [models.Index(fields=["activity", "sex"])]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.sex}/{self.stakeholder}/{self.economy_id}: {self.count}"


class Registration(models.Model):
    activity = models.ForeignKey("stocktaking.Activity", on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    sex = models.CharField(_("sex"), max_length=2, choices=_choices(codes.SEXES))
    stakeholder = models.CharField(_("stakeholder type"), max_length=30)
    economy = models.ForeignKey("reference.Economy", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    organisation_name = models.CharField(_("organisation"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=_choices(codes.REGISTRATION_STATUSES),
                              default="registered")
    certificate = models.BooleanField(_("certificate issued"), default=False)
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["registered_at", "id"]
        constraints = [models.UniqueConstraint(fields=["activity", "email"], name="uniq_registration_email")]

    def __str__(self) -> str:
        return self.name


class AssistanceRequest(models.Model):
    economy = models.ForeignKey("reference.Economy", verbose_name=_("economy"), on_delete=models.PROTECT,
                                related_name="assistance_requests")
    requester = models.ForeignKey("accounts.Organisation", verbose_name=_("requesting organisation"),
                                  on_delete=models.PROTECT, related_name="assistance_requests")
    title = models.CharField(_("topic"), max_length=300)
    description = models.TextField(_("description"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    action_lines = models.ManyToManyField("reference.ActionLine", related_name="assistance_requests")
    state = models.CharField(_("state"), max_length=20, choices=_choices(codes.REQUEST_STATES), default="received",
                             db_index=True)
    office = models.ForeignKey("accounts.Organisation", verbose_name=_("assigned office"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="assigned_requests")
    output = models.ForeignKey("planning.Output", verbose_name=_("operational-plan output"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="assistance_requests")
    activities = models.ManyToManyField("stocktaking.Activity", blank=True, related_name="assistance_requests")
    received_at = models.DateTimeField(_("received"))
    state_since = models.DateTimeField(_("in this state since"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"


class RequestStep(models.Model):
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="steps")
    from_state = models.CharField(max_length=20)
    to_state = models.CharField(max_length=20)
    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_state}→{self.to_state}"


class Contribution(models.Model):
    symbol = models.CharField(_("document symbol"), max_length=80, unique=True)
    body = models.CharField(_("group"), max_length=20, choices=_choices(codes.BODIES), db_index=True)
    question = models.CharField(_("question"), max_length=40, blank=True)
    meeting = models.CharField(_("meeting"), max_length=200)
    date = models.DateField(_("date"), db_index=True)
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    sources = models.ManyToManyField("accounts.Organisation", related_name="contributions")
    action_lines = models.ManyToManyField("reference.ActionLine", blank=True, related_name="contributions")
    sdg_targets = models.ManyToManyField("reference.SdgTarget", blank=True, related_name="contributions")
    # Title, symbol and summary case-folded, so search ignores case in every script on both databases.
    search = models.TextField(default="", editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-date", "symbol"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return self.symbol
