"""The malformed-input corpus (corpus/manifest.json): every bad file and body is fed to its import or endpoint
as the person who would send it; each must get a 4xx naming the field (and the file row), and write nothing.

The valid control of each target is imported too, so a refusal is about the one thing each case changes.
The world the cases need is built once per module; each case runs in its own savepoint.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

HERE = Path(__file__).parent / "corpus"
CASES = json.loads((HERE / "manifest.json").read_text())
URLS = {"rates": "/api/v1/partnerships/rates/import", "flows": "/api/v1/partnerships/flows/import",
        "activities": "/api/v1/activities/import", "statistics": "/api/v1/statistics/releases",
        "plan-json": "/api/v1/plans"}


def _models():
    from wsis.accounts.models import Organisation
    from wsis.core.models import AuditLog
    from wsis.partnerships import models as p
    from wsis.planning.models import Kpi, Plan
    from wsis.statistics.models import Indicator, Observation, PublishedAggregate, Release
    from wsis.stocktaking.models import Activity, ActivityTranslation

    return [AuditLog, Organisation, Activity, ActivityTranslation, p.ExchangeRate, p.Flow, p.Agreement,
            p.Contribution, p.AssistanceRequest, p.Registration, Release, Observation, PublishedAggregate,
            Indicator, Plan, Kpi]


def _counts():
    return {m.__name__: m.objects.count() for m in _models()}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    from wsis.testing.support import module_data

    with module_data(django_db_blocker):
        yield _build_world()


def _build_world() -> dict:
    from wsis.accounts.models import Role, User
    from wsis.accounts.services import organisation_create, role_grant, user_create
    from wsis.partnerships.models import EventDetail, ExchangeRate
    from wsis.reference.models import Economy, Group
    from wsis.reference.services import reference_init
    from wsis.statistics.services import catalogue_init
    from wsis.testing.factories import published_activity

    if not Economy.objects.exists():
        reference_init(actor="tests")
    catalogue_init(actor="tests")
    admin = User.objects.create_superuser("corpus-root", "root@example.org", "pw-root-123")
    afr = Group.objects.get(code="AFR")
    ministry = organisation_create(actor=admin, name="Corpus Ministry", kind="member_state",
                                   economy=Economy.objects.get(iso3="KEN"))
    funder = organisation_create(actor=admin, name="Corpus Funder", kind="financial_institution")
    office = organisation_create(actor=admin, name="Corpus Office", kind="regional_office", region=afr)
    organisation_create(actor=admin, name="Corpus Partner", kind="academia")
    officer = user_create(actor=admin, username="corpus-officer", organisation=office)
    role_grant(actor=admin, user=officer, role=Role.REGIONAL_OFFICER, region=afr)
    stat = user_create(actor=admin, username="corpus-stat")
    role_grant(actor=admin, user=stat, role=Role.STATISTICIAN)
    ExchangeRate.objects.create(currency="EUR", date=dt.date(2024, 1, 1), per_usd="0.90")

    lead = {"name": "Corpus Ministry"}
    activity = published_activity(admin, lead_organisation=lead, external_id="XM-CORPUS-1")
    event = published_activity(admin, lead_organisation=lead, external_id="XM-CORPUS-EVENT", kind="event", partners=[])
    EventDetail.objects.create(activity=event, mode="online", online_url="https://example.org/e",
                               registration_open=True)
    users = {"admin": admin, "officer": User.objects.get(pk=officer.pk), "statistician": User.objects.get(pk=stat.pk),
             "anonymous": None}
    ids = {"@ministry": ministry.pk, "@funder": funder.pk, "@activity": activity.pk, "@event": event.pk}
    return {"users": users, "ids": ids}


def _send(client, world, c):
    """(status, errors) of one case."""
    from wsis.core.errors import ServiceError

    path = HERE / c["case"]
    content = path.read_bytes()
    user = world["users"][c["user"]]
    if user is not None:
        client.force_login(user)
    if c["target"] == "plan-xlsx":
        from wsis.planning.services import plan_import
        from wsis.planning.xlsx import read_plan_xlsx

        try:
            plan_import(actor=user, data=read_plan_xlsx(content, path.name))
        except ServiceError as exc:
            return exc.status, [e.as_dict() for e in exc.errors]
        return 201, []
    if c["target"] in ("api", "plan-json"):
        url = c.get("url") or URLS[c["target"]]
        for key, pk in world["ids"].items():
            url = url.replace(key, str(pk))
            content = content.replace(f'"{key}"'.encode(), str(pk).encode())
        r = client.post(url, content, content_type="application/json")
    else:
        upload = SimpleUploadedFile(path.name, content)
        r = client.post(URLS[c["target"]], {"file": upload, **c.get("form", {})})
    body = r.json() if r["Content-Type"].startswith("application/json") else {}
    return r.status_code, body.get("errors", [])


def _matches(e: dict, c: dict) -> bool:
    return ((c["code"] is None or e.get("code") == c["code"])
            and (c["field"] is None or c["field"] == e.get("field") or c["field"] in (e.get("field") or ""))
            and (c["where"] is None or c["where"] in (e.get("location") or "")))


@pytest.mark.parametrize("c", [c for c in CASES if not c.get("valid")], ids=lambda c: c["case"])
def test_a_malformed_input_is_refused_and_nothing_is_written(world, db, client, c):
    before = _counts()
    status, errors = _send(client, world, c)
    assert status == c["status"], (status, errors)
    assert errors and all(e.get("message") for e in errors), errors
    assert any(_matches(e, c) for e in errors), errors
    assert _counts() == before


@pytest.mark.parametrize("c", [c for c in CASES if c.get("valid")], ids=lambda c: c["case"])
def test_the_valid_control_of_each_target_imports(world, db, client, c):
    status, errors = _send(client, world, c)
    assert status == c["status"], (status, errors)


def test_the_corpus_is_large_and_documented():
    bad = [c for c in CASES if not c.get("valid")]
    assert len(bad) >= 100
    assert {c["target"] for c in bad} >= {"rates", "flows", "activities", "statistics", "plan-json", "plan-xlsx", "api"}
    for c in CASES:
        assert (HERE / c["case"]).is_file(), c["case"]
        assert c["user"] and c["status"], c
