"""Records the tests build, made through the services as a person would make them. Plain functions: fixtures in the
root conftest.py and in each app's conftest call them. Models are imported inside the functions so that importing
this module needs no configured Django."""

import datetime as dt

D = dt.date

# ---------------------------------------------------------------------------------------------- people


def organisation(actor, name: str, kind: str = "member_state", **kw):
    from wsis.accounts.services import organisation_create

    return organisation_create(actor=actor, name=name, kind=kind, **kw)


def user(actor, username: str, organisation=None, roles=(), **kw):
    """A user of `organisation` with `roles`, each a role or a (role, {"economy"|"region": ...}) pair; read back
    from the database so that its roles are fresh."""
    from wsis.accounts.models import User
    from wsis.accounts.services import role_grant, user_create

    u = user_create(actor=actor, username=username, organisation=organisation, **kw)
    for role in roles:
        role, scope = role if isinstance(role, tuple) else (role, {})
        role_grant(actor=actor, user=u, role=role, **scope)
    return User.objects.get(pk=u.pk)


def people(admin) -> dict:
    """The registry cast: a Kenyan ministry's author and colleague, another ministry's contributor, reviewers of the
    Africa and Europe regional offices and of a BDT unit, and a user without a role."""
    from wsis.accounts.models import Role
    from wsis.reference.models import Economy, Group

    ken = Economy.objects.get(iso3="KEN")
    afr, eur = Group.objects.get(code="AFR"), Group.objects.get(code="EUR")
    ministry = organisation(admin, "Ministry of ICT (test)", "member_state", economy=ken)
    other = organisation(admin, "Other ministry (test)", "member_state")
    ro = organisation(admin, "RO Africa (test)", "regional_office", region=afr)
    bdt = organisation(admin, "BDT (test)", "bdt_unit")
    return {
        "admin": admin,
        "author": user(admin, "author", ministry, [(Role.CONTRIBUTOR, {"economy": ken})]),
        "colleague": user(admin, "colleague", ministry, [Role.CONTRIBUTOR]),
        "stranger": user(admin, "stranger", other, [Role.CONTRIBUTOR]),
        "afr_reviewer": user(admin, "afr_rev", ro, [(Role.REVIEWER, {"region": afr})]),
        "eur_reviewer": user(admin, "eur_rev", ro, [(Role.REVIEWER, {"region": eur})]),
        "bdt_reviewer": user(admin, "bdt_rev", bdt, [Role.REVIEWER]),
        "no_role": user(admin, "norole", ministry),
    }


# ---------------------------------------------------------------------------------------------- activities


def sample(**over) -> dict:
    """The data of an activity that passes every check: a Kenyan broadband plan led by the people's ministry."""
    data = {
        "external_id": None, "kind": "project", "original_language": "en",
        "texts": {"en": {"title": "National broadband plan for Kenya", "summary": "Support to the broadband plan.",
                         "description": "Technical assistance."},
                  "zh-hans": {"title": "肯尼亚国家宽带计划", "summary": "支持宽带计划。", "description": ""}},
        "lead_organisation": {"name": "Ministry of ICT (test)"},
        "partners": [{"name": "RO Africa (test)", "role": "implementing"}],
        "scope": "national", "economies": ["KEN"], "groups": [], "action_lines": ["C2", "C6"],
        "sdg_targets": ["9.c", "17.6"], "matrix_justification": "", "strategic_targets": [],
        "priority": "affordable_connectivity", "status": "ongoing", "start_date": "2024-01-01", "end_date": None,
        "beneficiary_groups": ["rural_remote", "women_girls"], "budget_amount": "250000", "budget_currency": "USD",
        "links": ["https://example.org/ke"], "contact_name": "A. Focal", "contact_email": "focal@example.org",
    }
    data.update(over)
    return data


def draft_activity(actor, **over):
    """A draft activity made by `actor` from `sample(**over)`."""
    from wsis.stocktaking.services import activity_create

    return activity_create(actor=actor, data=sample(**over))


def publish(activity, *, by, reviewer=None):
    """Take a draft through the workflow: `by` submits it, `reviewer` (default: `by`) starts the review and
    publishes it."""
    from wsis.stocktaking.services import activity_transition

    activity = activity_transition(actor=by, activity=activity, action="submit")
    for action in ("start_review", "publish"):
        activity = activity_transition(actor=reviewer or by, activity=activity, action=action)
    return activity


def published_activity(actor, *, reviewer=None, **over):
    """An activity made from `sample(**over)` by `actor` and published through the workflow (see `publish`)."""
    return publish(draft_activity(actor, **over), by=actor, reviewer=reviewer)


# ---------------------------------------------------------------------------------------------- partnerships


def funding(people: dict) -> dict:
    """Exchange rates, a published activity led by the Kenyan ministry with a budget in euros, a funder (the European
    Union) with a contributor, a development bank and an Africa regional officer, beside `people`."""
    from wsis.accounts.models import Organisation, Role
    from wsis.partnerships.models import ExchangeRate
    from wsis.reference.models import Group

    admin = people["admin"]
    ExchangeRate.objects.bulk_create([
        ExchangeRate(currency="EUR", date=D(2024, 1, 1), per_usd="0.90"),
        ExchangeRate(currency="EUR", date=D(2024, 7, 1), per_usd="0.80"),
        ExchangeRate(currency="CHF", date=D(2024, 1, 1), per_usd="0.85"),
        ExchangeRate(currency="XOF", date=D(2024, 1, 1), per_usd="600"),
    ])
    activity = published_activity(admin, budget_amount="900000", budget_currency="EUR", start_date="2024-02-01")
    eu = organisation(admin, "European Union (test)", "international_org")
    bank = organisation(admin, "Development Bank (test)", "financial_institution")
    afr = Group.objects.get(code="AFR")
    ro = Organisation.objects.get(name="RO Africa (test)")
    officer = user(admin, "afr_officer", ro, [(Role.REGIONAL_OFFICER, {"region": afr})])
    funder_user = user(admin, "eu_user", eu, [Role.CONTRIBUTOR])
    return {**people, "activity": activity, "eu": eu, "bank": bank, "officer": officer, "funder_user": funder_user,
            "ministry": activity.lead_organisation, "afr": afr}


def flow(activity, funder, stage="commitment", amount="100000", currency="EUR", value_date="2024-03-01", **over):
    """The API body of a financial flow from `funder` to `activity`."""
    return {"activity": activity.pk, "funder": {"id": funder.pk}, "stage": stage, "amount": amount,
            "currency": currency, "value_date": value_date, "mechanism": "trust_fund", **over}


def agreement_data(funding, **over):
    """An MoU between the European Union and the Kenyan ministry on the funded activity (see `funding`)."""
    return {"reference": "AFR-MOU-1", "kind": "mou", "title": "Broadband in East Africa", "region": "AFR",
            "frameworks": ["geneva_plan", "agenda2030"], "parties": [
                {"organisation": funding["eu"].pk, "role": "funder"},
                {"organisation": funding["ministry"].pk, "role": "implementer"}],
            "activities": [funding["activity"].pk], **over}


# ---------------------------------------------------------------------------------------------- planning


def plan_dict(**over) -> dict:
    """A small plan: two outputs of two offices, manual and activity KPIs, milestones, four periods."""
    data = {
        "code": "op-test", "start": D(2025, 1, 1), "end": D(2027, 12, 31),
        "titles": {"en": "Operational plan (test)", "fr": "Plan opérationnel (test)", "zh-hans": "运营计划（测试）"},
        "objectives": [{"code": "O1", "titles": {"en": "Connectivity", "ar": "التوصيل"}}],
        "outputs": [
            {"code": "O1.1", "objective": "O1", "office": "RO Africa (test)", "titles": {"en": "Rural sites"},
             "action_lines": ["C2"], "sdg_targets": ["9.c"], "strategic_targets": [], "activities": ["A-1"]},
            {"code": "O1.2", "objective": "O1", "office": "BDT (test)", "titles": {"en": "Toolkit"},
             "action_lines": ["C6"], "sdg_targets": [], "strategic_targets": [], "activities": []},
        ],
        "kpis": [
            {"output": "O1.1", "code": "K1", "titles": {"en": "Sites connected"}, "unit": "sites",
             "direction": "increase", "baseline": 0, "baseline_year": 2024, "target": 300, "deadline": D(2027, 12, 31)},
            {"output": "O1.1", "code": "K2", "titles": {"en": "Projects linked"}, "unit": "projects",
             "direction": "increase", "baseline": 0, "baseline_year": 2024, "target": 2, "deadline": D(2027, 12, 31),
             "source": "activities", "measure": "count"},
            {"output": "O1.2", "code": "K1", "titles": {"en": "Price of broadband"}, "unit": "%",
             "direction": "decrease", "baseline": 6, "baseline_year": 2024, "target": 2, "deadline": D(2027, 12, 31)},
        ],
        "milestones": [
            {"output": "O1.1", "titles": {"en": "Survey done"}, "due": D(2025, 6, 30), "completed": D(2025, 6, 1)},
            {"output": "O1.2", "titles": {"en": "Toolkit v1"}, "due": D(2026, 3, 31)},
        ],
        "periods": [
            {"code": "2025-H1", "start": D(2025, 1, 1), "end": D(2025, 6, 30), "due": D(2025, 7, 31)},
            {"code": "2025-H2", "start": D(2025, 7, 1), "end": D(2025, 12, 31), "due": D(2026, 1, 31)},
            {"code": "2026-H1", "start": D(2026, 1, 1), "end": D(2026, 6, 30), "due": D(2026, 7, 31)},
            {"code": "2026-H2", "start": D(2026, 7, 1), "end": D(2026, 12, 31), "due": D(2027, 1, 31)},
        ],
    }
    data.update(over)
    return data


def active_plan(admin, **over):
    """An active plan from `plan_dict(**over)` whose outputs link no activity (the Africa regional office and a BDT
    unit must exist: see `people`)."""
    from wsis.planning import services

    data = plan_dict(**over)
    for o in data["outputs"]:
        o["activities"] = []
    plan = services.plan_import(actor=admin, data=data)
    services.plan_set_state(actor=admin, plan=plan, state="active")
    return plan


# ---------------------------------------------------------------------------------------------- statistics


def statistician(admin):
    from wsis.accounts.models import Role

    return user(admin, "stat", email="stat@example.org", password="pw-stat-123", roles=[Role.STATISTICIAN])


def long_csv(rows: list[tuple[str, str, int, str]]) -> bytes:
    """A World Bank long CSV: (name, code, year, value)."""
    lines = ["Country Name,Country Code,Year,Value"] + [f"{n},{c},{y},{v}" for n, c, y, v in rows]
    return ("\n".join(lines) + "\n").encode()


INTERNET_USE = {"KEN": 40.0, "GHA": 60.0, "ETH": 20.0, "DEU": 89.0, "FRA": 85.0, "IND": 45.0, "BGD": 35.0,
                "USA": 88.0, "BRA": 70.0, "CHN": 65.0, "NGA": 38.0}


def internet_use_release(statistician):
    """A release of eleven economies, 2018–2022: Internet use (total, women, men) and population; Ethiopia misses
    2022; the World Bank's own world figure for 2022. Needs the indicator catalogue."""
    from wsis.statistics.records import Parsed, Record
    from wsis.statistics.services import import_release

    p = Parsed(source="test")
    for iso3, base in INTERNET_USE.items():
        for i, year in enumerate(range(2018, 2023)):
            p.records.append(Record("SP.POP.TOTL", iso3, "iso3", year, 1e7 * (1 + len(iso3) + i / 10)))
            if iso3 == "ETH" and year == 2022:
                continue
            v = base + 2 * i
            p.records += [Record("IT.NET.USER.ZS", iso3, "iso3", year, v, (("SEX", "_T"),)),
                          Record("IT.NET.USER.ZS", iso3, "iso3", year, v - 3, (("SEX", "F"),)),
                          Record("IT.NET.USER.ZS", iso3, "iso3", year, v + 3, (("SEX", "M"),))]
    p.records.append(Record("IT.NET.USER.ZS", "WLD", "wb", 2022, 55.0, (("SEX", "_T"),)))
    return import_release(actor=statistician, parsed=p, adapter="test", filename="test.csv", sha256="t1").release


# ---------------------------------------------------------------------------------------------- prizes

WORDS_170 = " ".join(["connectivity"] * 170)
_PHASE_START = {"submission": -1, "review": -11, "voting": -21, "selection": -31}  # days from now to the opening


def _contest_dates(phase, now=None) -> dict:
    now = now or _now()
    day = dt.timedelta(days=1)
    start = now + _PHASE_START[phase] * day
    return {"submission_opens": start, "submission_closes": start + 10 * day, "review_closes": start + 20 * day,
            "voting_opens": start + 20 * day, "voting_closes": start + 30 * day, "selection_closes": start + 40 * day}


def _now():
    from django.utils import timezone

    return timezone.now()


def make_contest(admin, year=2026, phase="submission", now=None):
    """A WSIS Prizes contest whose dates put `now` in `phase`."""
    from wsis.prizes import services

    return services.contest_create(actor=admin, year=year, title=f"WSIS Prizes {year}",
                                   dates=_contest_dates(phase, now))


def shift_contest(contest, phase):
    """Move the contest's dates so that now falls in `phase`."""
    for field, value in _contest_dates(phase).items():
        setattr(contest, field, value)
    contest.save()
    return contest


def voter(username, verified=True):
    """A public voter, with a verified e-mail address unless `verified` is false."""
    from wsis.accounts.models import User

    u = User.objects.create_user(username, f"{username}@example.org", "pw-voter-123")
    if verified:
        u.email_verified_at = _now()
        u.save()
    return u
