"""Demo partnerships: funders, agreements in every status, flows in several currencies (one confidential),
trainings with participants by sex, assistance requests at every step, contributions. Built through the
services so it is audited; the same rows every run. The exchange rates are illustrative, not official."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from wsis.accounts.models import Organisation, User
from wsis.accounts.services import organisation_create, organisation_update
from wsis.partnerships.cooperation import services as cooperation_services
from wsis.partnerships.funding import services as funding_services
from wsis.partnerships.models import Agreement, Contribution, ExchangeRate
from wsis.stocktaking.models import Activity

RATE_SOURCE = "Demo rates (illustrative only, not official)"
# Units per US dollar at the start of 2018 and the monthly drift the demo applies.
RATES = {"EUR": ("0.88", "0.002"), "CHF": ("0.92", "-0.001"), "JPY": ("115", "0.9"), "XOF": ("580", "1.2"),
         "KES": ("113", "0.8"), "GBP": ("0.74", "0.001")}

FUNDERS = [
    # (name, acronym, kind, membership, identifier)
    ("Demo Development Bank", "DDB", "financial_institution", "", "XM-DEMO-DDB"),
    ("Demo Cooperation Agency", "DCA", "member_state", "member_state", "XM-DEMO-DCA"),
    ("Demo Telecom Foundation", "DTF", "private_sector", "sector_member", None),
]
MEMBERSHIPS = {"Demo Satellite Operator": "sector_member", "Demo University of Digital Development": "academia",
               "Demo Ministry of ICT (Kenya)": "member_state", "Demo Ministry of Communication (Nepal)": "member_state"}


def _rates(today: dt.date) -> list[dict]:
    rows, month = [], dt.date(2018, 1, 1)
    n = 0
    while month <= today:
        for cur, (base, drift) in RATES.items():
            rows.append({"currency": cur, "date": month, "per_usd": Decimal(base) + n * Decimal(drift),
                         "source": RATE_SOURCE})
        n += 1
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return rows


def load_demo_partnerships() -> str:
    if Agreement.objects.filter(reference__startswith="DEMO-").exists():
        return "partnerships already loaded"
    admin = User.objects.get(username="admin")
    today = timezone.localdate()
    with transaction.atomic():
        funding_services.rates_import(actor=admin, rows=[r for r in _rates(today) if not ExchangeRate.objects.filter(
            currency=r["currency"], date=r["date"]).exists()])
        orgs = {o.name: o for o in Organisation.objects.all()}
        for name, acronym, kind, membership, ident in FUNDERS:
            if name not in orgs:
                orgs[name] = organisation_create(actor=admin, name=name, acronym=acronym, kind=kind, is_demo=True)
            organisation_update(actor=admin, organisation=orgs[name], data={
                "membership": membership, "identifier": ident,
                "contacts": [{"name": f"{acronym} partnerships desk", "email": f"partners@{acronym.lower()}.example.org"}]})
        for name, membership in MEMBERSHIPS.items():
            if name in orgs:
                organisation_update(actor=admin, organisation=orgs[name], data={"membership": membership})
        published = list(Activity.objects.filter(is_demo=True, state="published", revision_of__isnull=True)
                         .select_related("lead_organisation").order_by("id"))
        projects = [a for a in published if a.kind in ("project", "regional_initiative", "programme")][:12]
        events = [a for a in published if a.kind in ("training", "event")]
        agreements = _agreements(admin, orgs, projects, today)
        flows = _flows(admin, orgs, projects, agreements)
        _events(admin, events, today)
        requests = _requests(admin, today)
        contributions = _contributions(admin, orgs)
    return (f"{len(agreements)} agreements, {flows} funding flows in 5 currencies, {len(events)} trainings and events "
            f"(participants by sex in all but the one open for registration), {requests} assistance requests, "
            f"{contributions} contributions")


def _agreements(admin, orgs, projects, today) -> list[Agreement]:
    ro_afr, ddb = orgs["ITU Regional Office for Africa"], orgs["Demo Development Bank"]
    dca, dtf = orgs["Demo Cooperation Agency"], orgs["Demo Telecom Foundation"]
    bdt = orgs["BDT Digital Networks and Society Department"]
    specs = [
        ("DEMO-MOU-2023-01", "mou", "Smart villages in Africa", "AFR", ["geneva_plan", "agenda2030"],
         [(ddb, "funder"), (ro_afr, "implementer")], projects[:3], ["sign", "enter_into_force"]),
        ("DEMO-CA-2024-02", "cooperation", "Cybersecurity capacity for the Arab States", "ARB",
         ["tunis_agenda", "wsis10"], [(dca, "funder"), (orgs["ITU Regional Office for the Arab States"], "implementer")],
         projects[3:5], ["sign", "enter_into_force"]),
        ("DEMO-PD-2024-03", "project_document", "Connecting schools in Asia and the Pacific", "ASP",
         ["agenda2030", "wsis20"], [(dtf, "funder"), (orgs["ITU Regional Office for Asia and the Pacific"],
                                                      "implementer")], projects[5:7], ["sign"]),
        ("DEMO-MOU-2022-04", "mou", "Digital skills for women entrepreneurs", None, ["geneva_plan"],
         [(dca, "funder"), (bdt, "implementer")], projects[7:8], ["sign", "enter_into_force", "expire"]),
        ("DEMO-CA-2025-05", "contribution", "Emergency telecommunications preparedness", "AMS", ["tunis_agenda"],
         [(ddb, "funder"), (orgs["ITU Regional Office for the Americas"], "implementer")], [], []),
    ]
    out = []
    for i, (ref, kind, title, region, frameworks, parties, acts, steps) in enumerate(specs):
        a = funding_services.agreement_create(actor=admin, is_demo=True, data={
            "reference": ref, "kind": kind, "title": title, "region": region, "frameworks": frameworks,
            "summary": f"{title}: demo agreement.", "parties": [{"organisation": o.pk, "role": r} for o, r in parties],
            "activities": [x.pk for x in acts], "public": i != 2,
            "end_date": (today - dt.timedelta(days=30)) if "expire" in steps else None})
        day = today - dt.timedelta(days=400 - 30 * i)
        for n, action in enumerate(steps):
            on = min(day + dt.timedelta(days=45 * n), today)
            if action == "expire":
                on = today - dt.timedelta(days=30)
            a = funding_services.agreement_transition(actor=admin, agreement=a, action=action, on=on)
        out.append(a)
    return out


def _flows(admin, orgs, projects, agreements) -> int:
    funders = [orgs["Demo Development Bank"], orgs["Demo Cooperation Agency"], orgs["Demo Telecom Foundation"]]
    currencies = ["EUR", "CHF", "USD", "JPY", "XOF"]
    mechanisms = ["trust_fund", "voluntary_contribution", "ictdf", "development_bank_loan", "in_kind", "ppp",
                  "blended_finance"]
    by_activity = {x.pk: ag.reference for ag in agreements for x in ag.activities.all()}
    items = []
    for i, act in enumerate(projects):
        funder, currency = funders[i % 3], currencies[i % 5]
        scale = Decimal(150 if currency == "JPY" else 1) * (Decimal(40_000) + 25_000 * i)
        if currency == "XOF":
            scale = Decimal(600) * (Decimal(40_000) + 25_000 * i)
        # Dated over the last two years, so this year's and last year's reports both have funding to show.
        start = timezone.localdate() - dt.timedelta(days=720 - 40 * i)
        base = {"activity": act.pk, "funder": {"id": funder.pk}, "currency": currency, "public": i != 4,
                "mechanism": mechanisms[i % len(mechanisms)], "agreement": by_activity.get(act.pk)}
        items.append((f"demo {i}a", {**base, "stage": "pledge", "amount": str(scale * Decimal("1.2")),
                                     "value_date": start.isoformat()}))
        items.append((f"demo {i}b", {**base, "stage": "commitment", "amount": str(scale),
                                     "value_date": (start + dt.timedelta(days=60)).isoformat()}))
        if i % 4 != 3:
            items.append((f"demo {i}c", {**base, "stage": "disbursement", "amount": str(scale * Decimal("0.6")),
                                         "value_date": (start + dt.timedelta(days=150)).isoformat()}))
        if i % 2 == 0:
            items.append((f"demo {i}d", {**base, "stage": "expenditure", "amount": str(scale * Decimal("0.4")),
                                         "value_date": (start + dt.timedelta(days=240)).isoformat()}))
    today = timezone.localdate()
    items = [(loc, d) for loc, d in items if d["value_date"] <= today.isoformat()]
    return len(funding_services.flows_record(actor=admin, items=items, is_demo=True)["flows"])


def _events(admin, events, today):
    sexes, stakeholders = ["F", "M"], ["member_state", "academia", "private_sector", "civil_society"]
    economies = ["KEN", "SEN", "ETH", "NPL", "BRA", "EGY"]
    # Registration stays open for the latest event only; the others are counted as held.
    latest = max(events, key=lambda a: (a.start_date or dt.date.min, a.pk), default=None)
    for i, act in enumerate(events):
        mode = ["in_person", "online", "hybrid", "in_person"][i % 4]
        is_open = act is latest
        cells = [] if is_open else [{"sex": sex, "stakeholder": stakeholders[(i + j) % 4], "economy": eco,
                                     "count": 6 + (i * 7 + j * 5 + k * 3) % 17}
                                    for j, eco in enumerate(economies[: 3 + i % 4]) for k, sex in enumerate(sexes)]
        cooperation_services.event_save(actor=admin, activity=act, data={
            "mode": mode, "venue": "" if mode == "online" else ["Nairobi", "", "Dakar", "Kathmandu"][i % 4],
            "online_url": "" if mode == "in_person" else f"https://meet.example.org/demo-{i}",
            "registration_open": is_open, "capacity": 120 if is_open else None,
            "certificates_issued": sum(c["count"] for c in cells) * 3 // 4})
        if cells:
            cooperation_services.attendance_set(actor=admin, activity=act, cells=cells)
        day = act.start_date or today
        for n, title in enumerate(("Opening and policy session", "Hands-on workshop")):
            start = dt.datetime.combine(day + dt.timedelta(days=n), dt.time(9, 0))
            cooperation_services.session_add(actor=admin, activity=act, data={
                "title": title, "starts_at": start.isoformat(), "ends_at": (start + dt.timedelta(hours=3)).isoformat(),
                "online": mode != "in_person"})


def _requests(admin, today) -> int:
    from wsis.planning.demo import CODE
    from wsis.planning.models import Output

    output = Output.objects.filter(objective__plan__code=CODE).order_by("id").first()
    office = Organisation.objects.get(name="ITU Regional Office for Africa")
    focal = User.objects.get(username="ke.focal")
    nepal = User.objects.get(username="np.focal")
    now = timezone.now()
    specs = [
        (focal, "KEN", "National cybersecurity strategy review", ["C5"], ["assess", "assign", "start", "deliver"]),
        (focal, "KEN", "Spectrum pricing for rural coverage", ["C2", "C6"], ["assess", "assign", "start"]),
        (nepal, "NPL", "Digital skills assessment for public servants", ["C4"], ["assess"]),
        (nepal, "NPL", "Emergency alerting over mobile networks", ["C2"], []),
        (focal, "KEN", "Data protection law drafting", ["C5", "C6"], ["assess", "decline"]),
    ]
    for i, (user, economy, title, lines, steps) in enumerate(specs):
        at = now - dt.timedelta(days=120 - 15 * i)
        r = cooperation_services.request_create(actor=user, at=at, is_demo=True, data={
            "economy": economy, "title": title, "action_lines": lines,
            "description": f"{title}: the administration asks ITU-D for technical assistance (demo)."})
        for n, action in enumerate(steps):
            at = at + dt.timedelta(days=[6, 9, 14, 30][n % 4])
            extra = {"office": office, "output": output} if action == "assign" else {}
            comment = "Outside ITU-D's mandate; referred to a partner agency (demo)." if action == "decline" else ""
            r = cooperation_services.request_transition(actor=admin, request=r, action=action, at=min(at, now), comment=comment,
                                            **extra)
    return len(specs)


def _contributions(admin, orgs) -> int:
    ke, np_ = orgs["Demo Ministry of ICT (Kenya)"], orgs["Demo Ministry of Communication (Nepal)"]
    sat, uni = orgs["Demo Satellite Operator"], orgs["Demo University of Digital Development"]
    specs = [
        ("SG1RGQ/DEMO/12", "sg1", "Q1/1", "SG1 Rapporteur Group meetings 2025", "2025-04-14",
         "Broadband deployment in rural Kenya: lessons learned", "en", [ke], ["C2"], ["9.c"]),
        ("SG2RGQ/DEMO/7", "sg2", "Q3/2", "SG2 Rapporteur Group meetings 2025", "2025-04-22",
         "Cadre national de cybersécurité : retour d'expérience", "fr", [uni], ["C5"], ["16.10"]),
        ("TDAG-DEMO/31", "tdag", "", "TDAG 2025", "2025-06-02",
         "Satellite connectivity for the unconnected", "en", [sat], ["C2", "C6"], ["9.c", "17.6"]),
        ("CWG-WSIS&SDG-DEMO/5", "cwg_wsis_sdg", "", "CWG-WSIS&SDG 2025", "2025-09-10",
         "数字技能与可持续发展目标", "zh-hans", [np_], ["C4"], ["4.4"]),
        ("SG1-DEMO/88", "sg1", "Q5/1", "SG1 meeting 2024", "2024-10-21",
         "Telecommunications for rural and remote areas", "en", [np_, sat], ["C2"], ["9.1"]),
        ("CWG-WSIS&SDG-DEMO/9", "cwg_wsis_sdg", "", "CWG-WSIS&SDG 2024", "2024-09-16",
         "التحول الرقمي في المنطقة العربية", "ar", [ke], ["C7.e-government"], ["16.6"]),
    ]
    for symbol, body, question, meeting, date, title, lang, sources, lines, targets in specs:
        if not Contribution.objects.filter(symbol=symbol).exists():
            cooperation_services.contribution_create(actor=admin, is_demo=True, data={
                "symbol": symbol, "body": body, "question": question, "meeting": meeting, "date": date, "title": title,
                "language": lang, "sources": [o.pk for o in sources], "action_lines": lines, "sdg_targets": targets})
    return len(specs)
