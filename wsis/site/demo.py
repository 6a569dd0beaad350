"""Demo data: the same rows every run, created through the services so they are audited like real work."""

import datetime as dt

from django.db import transaction

from wsis.accounts.models import Organisation, Role, User
from wsis.accounts.services import organisation_create, role_grant, user_create
from wsis.core.errors import ServiceError
from wsis.partnerships.demo import load_demo_partnerships
from wsis.planning.demo import load_demo_plan
from wsis.prizes.demo import load_demo_prizes
from wsis.reference.models import Economy, Group
from wsis.reference.services import group_create
from wsis.reports.demo import load_demo_reports
from wsis.statistics.demo import load_demo_statistics
from wsis.stocktaking.demo_data import demo_activities
from wsis.stocktaking.models import Activity
from wsis.stocktaking.services import activities_import, activity_revise, activity_transition

ORGS = [
    # (key, name, acronym, kind, economy, region)
    ("bdt-dns", "BDT Digital Networks and Society Department", "BDT-DNS", "bdt_unit", None, None),
    ("ro-afr", "ITU Regional Office for Africa", "RO-AFR", "regional_office", "ETH", "AFR"),
    ("ro-ams", "ITU Regional Office for the Americas", "RO-AMS", "regional_office", "BRA", "AMS"),
    ("ro-arb", "ITU Regional Office for the Arab States", "RO-ARB", "regional_office", "EGY", "ARB"),
    ("ro-asp", "ITU Regional Office for Asia and the Pacific", "RO-ASP", "regional_office", "THA", "ASP"),
    ("ro-cis", "ITU Regional Office for CIS", "RO-CIS", "regional_office", "RUS", "CIS"),
    ("ro-eur", "ITU Office for Europe", "RO-EUR", "regional_office", "CHE", "EUR"),
    ("ke-moict", "Demo Ministry of ICT (Kenya)", "MoICT-KE", "member_state", "KEN", "AFR"),
    ("np-mocit", "Demo Ministry of Communication (Nepal)", "MoCIT-NP", "member_state", "NPL", "ASP"),
    ("op-sat", "Demo Satellite Operator", "DSO", "sector_member", None, None),
    ("uni", "Demo University of Digital Development", "DUDD", "academia", "SEN", "AFR"),
]

USERS = [
    # (username, org key, staff, roles [(role, economy, region)])
    ("admin", "bdt-dns", True, [("bdt_admin", None, None)]),
    ("reviewer", "bdt-dns", True, [("reviewer", None, None)]),
    ("afr.officer", "ro-afr", True, [("regional_officer", None, "AFR"), ("reviewer", None, "AFR")]),
    ("asp.officer", "ro-asp", True, [("regional_officer", None, "ASP")]),
    ("ams.officer", "ro-ams", True, [("regional_officer", None, "AMS")]),
    ("arb.officer", "ro-arb", True, [("regional_officer", None, "ARB")]),
    ("cis.officer", "ro-cis", True, [("regional_officer", None, "CIS")]),
    ("eur.officer", "ro-eur", True, [("regional_officer", None, "EUR")]),
    ("ke.focal", "ke-moict", False, [("focal_point", "KEN", None), ("contributor", "KEN", None)]),
    ("np.focal", "np-mocit", False, [("focal_point", "NPL", None)]),
    ("satellite", "op-sat", False, [("contributor", None, None)]),
]

GROUP = {
    "code": "demo-central-africa-backbone",
    "names": {
        "en": "Central African Backbone initiative (demo)",
        "fr": "Initiative Dorsale d'Afrique centrale (démo)",
        "es": "Iniciativa Red troncal de África Central (demo)",
        "ru": "Инициатива «Центральноафриканская магистраль» (демо)",
        "ar": "مبادرة الشبكة الأساسية لوسط أفريقيا (تجريبي)",
        "zh-hans": "中部非洲骨干网倡议（演示）",
    },
    "members": ["CMR", "CAF", "TCD", "COG", "GAB", "GNQ", "STP"],
}


def load_demo(*, password: str) -> list[str]:
    """Create the demo rows that are missing. Needs the reference data (`wsis init`)."""
    if not Economy.objects.exists():
        raise ServiceError("Load the reference data first: wsis init", code="not_initialised")
    lines = []
    regions = {g.code: g for g in Group.objects.filter(kind="itu_region")}
    economies = {e.iso3: e for e in Economy.objects.all()}
    with transaction.atomic():
        system = User.objects.filter(username="admin").first()
        if system is None:
            # The first administrator cannot be created by an administrator; it is the root of trust.
            system = User.objects.create_superuser("admin", "admin@example.org", password, is_demo=True)
        orgs = {}
        for key, name, acronym, kind, eco, region in ORGS:
            org = Organisation.objects.filter(name=name, kind=kind).first()
            if org is None:
                org = organisation_create(actor=system, name=name, acronym=acronym, kind=kind,
                                          economy=economies.get(eco), region=regions.get(region), is_demo=True)
            orgs[key] = org
        if system.organisation_id is None:
            system.organisation = orgs["bdt-dns"]
            system.save(update_fields=["organisation"])
        for username, org_key, staff, roles in USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = user_create(actor=system, username=username, email=f"{username}@example.org",
                                   organisation=orgs[org_key], password=password, is_staff=staff, is_demo=True)
            for role, eco, region in roles:
                role_grant(actor=system, user=user, role=Role(role), economy=economies.get(eco), region=regions.get(region))
        if not Group.objects.filter(code=GROUP["code"]).exists():
            group_create(actor=User.objects.get(username="afr.officer"), code=GROUP["code"], names=GROUP["names"],
                         members=GROUP["members"], owner=orgs["ro-afr"], is_demo=True, valid_from=dt.date(2024, 1, 1))
    activities = load_demo_activities()
    contests = load_demo_prizes(admin=User.objects.get(username="admin"), reviewer=User.objects.get(username="reviewer"))
    observations = load_demo_statistics()
    plan = load_demo_plan()
    partnerships = load_demo_partnerships()
    reports = load_demo_reports()
    lines.append(f"Demo data ready: {len(ORGS)} organisations, {len(USERS)} users, 1 user-defined group, "
                 f"{activities} activities, {contests} WSIS Prizes contests (one in each phase), {plan} "
                 f"(every status, update state and reminder kind), {observations} synthetic ICT observations "
                 "for every economy (replaced by real data as soon as a release of the same indicator is imported), "
                 f"partnerships: {partnerships}, {reports}.")
    lines.append(f"Demo accounts ({', '.join(u for u, *_ in USERS)}) share the password set by WSIS_DEMO_PASSWORD "
                 f"(default 'wsis-demo'); they are for demonstration only.")
    return lines


# Review states given to demo activities, in a fixed pattern so every state is shown.
STATE_CYCLE = ["published"] * 14 + ["draft", "submitted", "in_review", "returned", "published", "rejected",
                                    "withdrawn", "draft", "submitted", "published"]


def load_demo_activities() -> int:
    """A few hundred plausible activities in every region, action line, kind, language and review state."""
    if Activity.objects.filter(is_demo=True).exists():
        return Activity.objects.filter(is_demo=True, revision_of__isnull=True).count()
    admin = User.objects.get(username="admin")
    reviewer = User.objects.get(username="reviewer")
    data = demo_activities()
    states = [STATE_CYCLE[i % len(STATE_CYCLE)] for i in range(len(data))]
    with transaction.atomic():
        published = [(f"demo:{i}", d) for i, d in enumerate(data) if states[i] == "published"]
        others = [(f"demo:{i}", d) for i, d in enumerate(data) if states[i] != "published"]
        activities_import(actor=admin, items=published, publish=True, is_demo=True)
        activities_import(actor=admin, items=others, is_demo=True)
        by_ext = {a.external_id: a for a in Activity.objects.filter(is_demo=True)}
        steps = {
            "draft": [],
            "submitted": [("submit", admin)],
            "in_review": [("submit", admin), ("start_review", reviewer)],
            "returned": [("submit", admin), ("start_review", reviewer), ("return", reviewer)],
            "rejected": [("submit", admin), ("start_review", reviewer), ("reject", reviewer)],
            "withdrawn": [("withdraw", admin)],
        }
        for i, d in enumerate(data):
            for action, actor in steps.get(states[i], []):
                comment = "Demo: please add the budget source." if action in ("return", "reject", "withdraw") else ""
                try:
                    activity_transition(actor=actor, activity=by_ext[d["external_id"]], action=action, comment=comment)
                except Exception:  # noqa: BLE001 - a demo row failing its checks stays where it is
                    break
        # Two open revisions show that a published version stays public while its revision is reviewed.
        for d in [d for i, d in enumerate(data) if states[i] == "published"][:2]:
            activity_revise(actor=admin, activity=by_ext[d["external_id"]])
    return len(data)
