"""Codes of partnerships and resource mobilisation, with their labels and workflow tables."""

from django.utils.translation import gettext_lazy as _

AGREEMENT_KINDS = {
    "mou": _("Memorandum of understanding"),
    "cooperation": _("Cooperation agreement"),
    "project_document": _("Project document"),
    "contribution": _("Contribution agreement"),
}

AGREEMENT_STATUSES = {
    "draft": _("Draft"),
    "signed": _("Signed"),
    "in_force": _("In force"),
    "expired": _("Expired"),
    "terminated": _("Terminated"),
}
# action: (from statuses, to status)
AGREEMENT_ACTIONS = {
    "sign": ({"draft"}, "signed"),
    "enter_into_force": ({"signed"}, "in_force"),
    "expire": ({"in_force"}, "expired"),
    "terminate": ({"signed", "in_force"}, "terminated"),
}
AGREEMENT_ACTION_LABELS = {
    "sign": _("Record signature"),
    "enter_into_force": _("Record entry into force"),
    "expire": _("Record expiry"),
    "terminate": _("Record termination"),
}

# The frameworks an agreement may serve (WSIS outcome documents and the 2030 Agenda).
FRAMEWORKS = {
    "geneva_plan": _("Geneva Plan of Action (2003)"),
    "tunis_agenda": _("Tunis Agenda for the Information Society (2005)"),
    "wsis10": _("WSIS+10 outcome documents (2014–2015)"),
    "wsis20": _("WSIS+20 review outcome (2025)"),
    "agenda2030": _("2030 Agenda for Sustainable Development"),
}

PARTY_ROLES = {
    "party": _("Party"),
    "funder": _("Funder"),
    "implementer": _("Implementer"),
    "witness": _("Witness"),
}

STAGES = {
    "pledge": _("Pledge"),
    "commitment": _("Commitment"),
    "disbursement": _("Disbursement"),
    "expenditure": _("Expenditure"),
}

MECHANISMS = {
    "ictdf": _("ITU-D ICT Development Fund"),
    "trust_fund": _("Trust fund"),
    "voluntary_contribution": _("Voluntary contribution"),
    "in_kind": _("In-kind contribution"),
    "blended_finance": _("Blended finance"),
    "ppp": _("Public-private partnership"),
    "development_bank_loan": _("Development-bank loan"),
    "grant": _("Other grant"),
    "regular_budget": _("ITU-D regular budget"),
}

EVENT_MODES = {
    "in_person": _("In person"),
    "online": _("Online"),
    "hybrid": _("Hybrid"),
}

# SDMX sex codes: female, male, other or not stated.
SEXES = {
    "F": _("Women"),
    "M": _("Men"),
    "O": _("Other or not stated"),
}

REGISTRATION_STATUSES = {
    "registered": _("Registered"),
    "attended": _("Attended"),
    "cancelled": _("Cancelled"),
}

REQUEST_STATES = {
    "received": _("Received"),
    "assessed": _("Assessed"),
    "assigned": _("Assigned"),
    "in_progress": _("In progress"),
    "delivered": _("Delivered"),
    "declined": _("Declined"),
}
OPEN_REQUEST_STATES = ("received", "assessed", "assigned", "in_progress")
REQUEST_ACTIONS = {
    "assess": ({"received"}, "assessed"),
    "assign": ({"assessed"}, "assigned"),
    "start": ({"assigned"}, "in_progress"),
    "deliver": ({"in_progress"}, "delivered"),
    "decline": ({"received", "assessed", "assigned", "in_progress"}, "declined"),
}
REQUEST_ACTION_LABELS = {
    "assess": _("Mark assessed"),
    "assign": _("Assign"),
    "start": _("Start work"),
    "deliver": _("Mark delivered"),
    "decline": _("Decline"),
}

BODIES = {
    "sg1": _("ITU-D Study Group 1"),
    "sg2": _("ITU-D Study Group 2"),
    "tdag": _("Telecommunication Development Advisory Group (TDAG)"),
    "cwg_wsis_sdg": _("Council Working Group on WSIS and SDGs (CWG-WSIS&SDG)"),
}
