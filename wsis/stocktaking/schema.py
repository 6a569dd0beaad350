"""Codes of the stocktaking registry and the one interchange shape of an activity.

Every entry point that carries activities in or out — forms, the API, CSV/XLSX, IATI XML, the demo —
converts to and from `ActivityData`, a plain dict:

    {
      "external_id": "XM-DAC-41114-PROJECT-00012" | None,   # stable identifier from outside (IATI), idempotent re-import key
      "kind": one of KINDS,
      "original_language": one of LANGUAGES,
      "texts": {lang: {"title": str, "summary": str, "description": str}},   # at least the original language's title
      "lead_organisation": {"name": str, "identifier": str, "kind": one of ORGANISATION_KINDS or ""},
      "partners": [{"name": str, "identifier": str, "kind": str, "role": one of PARTNER_ROLES}],
      "scope": one of SCOPES,
      "economies": [ISO 3166 alpha-3, ...],
      "groups": [group code, e.g. "AFR", "LDC", ...],
      "action_lines": [code, ...],            # the first is the primary line
      "sdg_targets": ["9.c", ...],
      "matrix_justification": str,            # why targets outside the WSIS–SDG matrix apply
      "strategic_targets": [code, ...],
      "priority": one of PRIORITIES or "",
      "status": one of STATUSES,
      "start_date": "YYYY-MM-DD" | None,
      "end_date": "YYYY-MM-DD" | None,
      "beneficiary_groups": [one of BENEFICIARIES, ...],
      "budget_amount": "1234.50" | None,      # decimal as a string
      "budget_currency": ISO 4217 code | "",
      "links": [url, ...],
      "contact_name": str,
      "contact_email": str,
    }

Parsers return (location, ActivityData) pairs plus ErrorItems naming the file, row or element and
field; the registry service validates codes against the database and writes all or nothing.
"""

from django.utils.translation import gettext_lazy as _

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]

KINDS = {
    "project": _("Project"),
    "regional_initiative": _("Regional initiative"),
    "programme": _("Programme"),
    "training": _("Training or workshop"),
    "event": _("Event"),
    "publication": _("Publication or toolkit"),
    "policy_assistance": _("Policy or regulatory assistance"),
    "platform": _("Platform or website"),
}
# Kinds that are partnerships by nature: they must name at least one partner besides the lead.
PARTNERSHIP_KINDS = {"project", "regional_initiative", "programme"}

SCOPES = {
    "national": _("National"),
    "regional": _("Regional"),
    "inter_regional": _("Inter-regional"),
    "global": _("Global"),
}

STATUSES = {
    "planned": _("Planned"),
    "ongoing": _("Ongoing"),
    "completed": _("Completed"),
    "cancelled": _("Cancelled"),
}

# The five priorities of the Kigali Action Plan (WTDC-22).
PRIORITIES = {
    "affordable_connectivity": _("Affordable connectivity"),
    "digital_transformation": _("Digital transformation"),
    "enabling_environment": _("Enabling policy and regulatory environment"),
    "resource_mobilisation": _("Resource mobilisation and international cooperation"),
    "inclusive_secure_icts": _("Inclusive and secure telecommunications/ICTs for sustainable development"),
}

# Non-exclusion principle (Tunis Commitment 20–25) and F3 (MSMEs).
BENEFICIARIES = {
    "women_girls": _("Women and girls"),
    "youth": _("Youth"),
    "older_persons": _("Older persons"),
    "persons_disabilities": _("Persons with disabilities"),
    "indigenous_peoples": _("Indigenous peoples"),
    "rural_remote": _("Rural and remote communities"),
    "msme": _("Micro, small and medium enterprises"),
}

PARTNER_ROLES = {
    "lead": _("Lead"),
    "implementing": _("Implementing"),
    "funding": _("Funding"),
    "beneficiary": _("Beneficiary"),
}

ORGANISATION_KINDS = [
    "member_state", "sector_member", "associate", "academia", "un_agency", "international_org",
    "financial_institution", "civil_society", "private_sector", "bdt_unit", "regional_office",
]

# Review workflow states.
STATES = {
    "draft": _("Draft"),
    "submitted": _("Submitted"),
    "in_review": _("In review"),
    "returned": _("Returned"),
    "published": _("Published"),
    "rejected": _("Rejected"),
    "withdrawn": _("Withdrawn"),
    "merged": _("Merged into the published version"),
}

TEXT_FIELDS = ("title", "summary", "description")
