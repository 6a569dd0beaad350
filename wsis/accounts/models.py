"""Organisations, users and the roles they hold, scoped to an economy or a region."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member-state administration")
    SECTOR_MEMBER = "sector_member", _("Sector member")
    ASSOCIATE = "associate", _("Associate")
    ACADEMIA = "academia", _("Academia")
    UN_AGENCY = "un_agency", _("UN agency")
    INTERNATIONAL_ORG = "international_org", _("International or regional organisation")
    FINANCIAL_INSTITUTION = "financial_institution", _("Financial institution")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    BDT_UNIT = "bdt_unit", _("BDT unit")
    REGIONAL_OFFICE = "regional_office", _("ITU regional office")


class ItuMembership(models.TextChoices):
    """ITU membership category; independent of the stakeholder type (`kind`)."""

    MEMBER_STATE = "member_state", _("Member State")
    SECTOR_MEMBER = "sector_member", _("Sector Member")
    ASSOCIATE = "associate", _("Associate")
    ACADEMIA = "academia", _("Academia")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("stakeholder type"), max_length=30, choices=OrganisationKind.choices)
    membership = models.CharField(_("ITU membership"), max_length=20, choices=ItuMembership.choices, blank=True)
    economy = models.ForeignKey(
        "reference.Economy", verbose_name=_("economy"), null=True, blank=True, on_delete=models.PROTECT
    )
    region = models.ForeignKey(
        "reference.Group", verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT,
        limit_choices_to={"kind": "itu_region"}, related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    # IATI organisation identifier (e.g. "XM-DAC-41114"), the key for matching imported data.
    identifier = models.CharField(_("organisation identifier"), max_length=120, null=True, blank=True, unique=True)  # noqa: DJ001
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [models.UniqueConstraint(fields=["name", "kind"], name="uniq_org_name_kind")]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)

    class Meta:
        ordering = ["organisation", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="users",
    )
    preferred_language = models.CharField(_("preferred language"), max_length=10, blank=True)
    # Set when the owner follows the confirmation link sent to the address; voting needs it.
    email_verified_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Role(models.TextChoices):
    CONTRIBUTOR = "contributor", _("Contributor")
    FOCAL_POINT = "focal_point", _("Focal point")
    REVIEWER = "reviewer", _("Reviewer")
    REGIONAL_OFFICER = "regional_officer", _("Regional officer")
    STATISTICIAN = "statistician", _("ICT statistician")
    BDT_ADMIN = "bdt_admin", _("BDT administrator")


class RoleAssignment(models.Model):
    """A role held by a user; empty scope means global (e.g. a BDT reviewer)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    economy = models.ForeignKey(
        "reference.Economy", verbose_name=_("economy"), null=True, blank=True, on_delete=models.PROTECT
    )
    region = models.ForeignKey(
        "reference.Group", verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT,
        limit_choices_to={"kind": "itu_region"},
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "economy", "region"], name="uniq_role_scope"),
            models.CheckConstraint(condition=Q(economy__isnull=True) | Q(region__isnull=True), name="role_one_scope"),
        ]

    def __str__(self) -> str:
        scope = self.economy_id and f"economy {self.economy}" or self.region_id and f"region {self.region}" or "global"
        return f"{self.user} · {self.role} · {scope}"
