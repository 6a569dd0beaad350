"""Services and selectors of partnerships: conversion rule, pipeline, gaps, confidentiality, workflows, merge."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from wsis.core.errors import InvalidTransition, PermissionDenied, ValidationFailed
from wsis.core.models import AuditLog
from wsis.partnerships.cooperation import selectors as cooperation_selectors
from wsis.partnerships.cooperation import services as cooperation_services
from wsis.partnerships.funding import selectors as funding_selectors
from wsis.partnerships.funding import services as funding_services
from wsis.partnerships.models import (
    Agreement,
    AssistanceRequest,
    Contribution,
    ExchangeRate,
    Flow,
    Registration,
)
from wsis.partnerships.money import MissingRate, RateTable, parse_rates
from wsis.testing.factories import agreement_data, flow, published_activity

pytestmark = pytest.mark.django_db


def fields_of(exc) -> list[tuple]:
    return [(e.location, e.field, e.code) for e in exc.value.errors]


# ---------------------------------------------------------------------------------------------- conversion

def test_rate_on_the_day_or_the_nearest_earlier_one():
    table = RateTable([("EUR", dt.date(2024, 1, 1), Decimal("0.9")), ("EUR", dt.date(2024, 7, 1), Decimal("0.8"))])
    assert table.convert(Decimal("90"), "EUR", dt.date(2024, 1, 1)).usd == Decimal("100.00")
    assert table.convert(Decimal("90"), "EUR", dt.date(2024, 6, 30)).rate_date == dt.date(2024, 1, 1)
    c = table.convert(Decimal("80"), "EUR", dt.date(2025, 3, 1))
    assert (c.usd, c.rate_date) == (Decimal("100.00"), dt.date(2024, 7, 1))
    assert table.convert(Decimal("5"), "USD", dt.date(1990, 1, 1)).usd == Decimal("5.00")


def test_a_missing_rate_is_an_error_never_one():
    table = RateTable([("EUR", dt.date(2024, 1, 1), Decimal("0.9"))])
    with pytest.raises(MissingRate, match="EUR on or before 2023-12-31"):
        table.convert(Decimal("1"), "EUR", dt.date(2023, 12, 31))
    with pytest.raises(MissingRate, match="CHF"):
        table.convert(Decimal("1"), "CHF", dt.date(2024, 5, 1))


def test_rate_file_errors_name_every_bad_row():
    data = b"currency,date,per_usd,source\nEUR,2024-01-01,0.9,ECB\nEUX,2024-01-01,1,x\nCHF,2024-13-01,0.9,\n" \
           b"JPY,2024-01-01,-3,\nEUR,2024-01-01,0.91,\n"
    with pytest.raises(ValidationFailed) as exc:
        parse_rates(data, name="rates.csv")
    assert fields_of(exc) == [("rates.csv:3", "currency", "unknown_currency"), ("rates.csv:4", "date", "invalid"),
                              ("rates.csv:5", "per_usd", "not_positive"), ("rates.csv:6", "date", "duplicate")]
    with pytest.raises(ValidationFailed, match="missing column"):
        parse_rates(b"currency,day,rate\n", name="r.csv")


def test_rates_import_adds_and_updates(people):
    admin = people["admin"]
    rows = parse_rates(b"currency,date,per_usd\nEUR,2024-01-01,0.9\nEUR,2024-02-01,0.92\n", name="r.csv")
    assert funding_services.rates_import(actor=admin, rows=rows) == {"rows": 2, "created": 2, "updated": 0, "unchanged": 0}
    rows = parse_rates(b"currency,date,per_usd\nEUR,2024-01-01,0.95\nEUR,2024-02-01,0.92\n", name="r.csv")
    assert funding_services.rates_import(actor=admin, rows=rows) == {"rows": 2, "created": 0, "updated": 1, "unchanged": 1}
    assert ExchangeRate.objects.get(currency="EUR", date="2024-01-01").per_usd == Decimal("0.95")
    with pytest.raises(PermissionDenied):
        funding_services.rates_import(actor=people["author"], rows=rows)


# ---------------------------------------------------------------------------------------------- flows

def test_pipeline_totals_and_gap(funding):
    a, eu, bank, admin = funding["activity"], funding["eu"], funding["bank"], funding["admin"]
    funding_services.flows_record(actor=admin, items=[
        ("1", flow(a, eu, "pledge", "200000", value_date="2024-02-15")),
        ("2", flow(a, eu, "commitment", "180000", value_date="2024-03-01")),      # 0.90 → 200,000 USD
        ("3", flow(a, eu, "disbursement", "80000", value_date="2024-08-01")),     # 0.80 → 100,000 USD
        ("4", flow(a, bank, "commitment", "150000", currency="USD", mechanism="development_bank_loan")),
        ("5", flow(a, eu, "expenditure", "40000", value_date="2024-09-01")),      # 50,000 USD
    ])
    f = funding_selectors.activity_funding(None, a)
    assert f["total"] == {"pledge": Decimal("222222.22"), "commitment": Decimal("350000.00"),
                          "disbursement": Decimal("100000.00"), "expenditure": Decimal("50000.00")}
    # Budget 900,000 EUR at the start date 2024-02-01 (rate of 2024-01-01, 0.90) = 1,000,000 USD.
    assert f["budget_usd"] == Decimal("1000000.00")
    assert f["gap"] == Decimal("650000.00")
    s = funding_selectors.funding_summary(None)
    assert s["total"]["commitment"] == Decimal("350000.00")
    mech = {r["code"]: r["commitment"] for r in s["breakdown"]["mechanism"]}
    assert mech == {"trust_fund": Decimal("200000.00"), "development_bank_loan": Decimal("150000.00")}
    assert {r["code"] for r in s["breakdown"]["region"]} == {"AFR"}
    assert [r["code"] for r in s["breakdown"]["line"]] == ["C2"]
    assert {r["code"]: r["commitment"] for r in s["breakdown"]["funder_kind"]} == {
        "international_org": Decimal("200000.00"), "financial_institution": Decimal("150000.00")}
    assert s["breakdown"]["year"][0]["code"] == 2024
    assert services_total_by_stage(s) == s["total"]
    gaps = funding_selectors.funding_gaps(None)
    assert gaps[0]["gap_usd"] == Decimal("650000.00")


def services_total_by_stage(summary):
    out = {}
    for row in summary["breakdown"]["mechanism"]:
        for stage in funding_selectors.STAGES:
            out[stage] = out.get(stage, Decimal(0)) + row[stage]
    return out


def test_bad_flows_are_all_reported_and_nothing_is_written(funding):
    a, eu, admin = funding["activity"], funding["eu"], funding["admin"]
    before = AuditLog.objects.count()
    with pytest.raises(ValidationFailed) as exc:
        funding_services.flows_record(actor=admin, items=[
            ("row 2", flow(a, eu)),
            ("row 3", flow(a, eu, amount="-500")),
            ("row 4", flow(a, eu, currency="EUX")),
            ("row 5", flow(a, eu, currency="GBP")),
            ("row 6", flow(a, eu, value_date="2023-12-31")),
            ("row 7", flow(a, eu, stage="gift", mechanism="lottery")),
            ("row 8", {**flow(a, eu), "activity": 999999}),
        ])
    assert fields_of(exc) == [
        ("row 3", "amount", "invalid"),
        ("row 4", "currency", "unknown_currency"),
        ("row 5", "currency", "missing_rate"),
        ("row 6", "currency", "missing_rate"),
        ("row 7", "stage", "invalid_choice"),
        ("row 7", "mechanism", "invalid_choice"),
        ("row 8", "activity", "unknown_code"),
    ]
    assert "No exchange rate for GBP on or before 2024-03-01" in exc.value.errors[2].message
    assert Flow.objects.count() == 0 and AuditLog.objects.count() == before


def test_disbursement_larger_than_commitment_is_flagged(funding):
    a, eu, admin = funding["activity"], funding["eu"], funding["admin"]
    funding_services.flows_record(actor=admin, items=[("c", flow(a, eu, "commitment", "100000"))])
    with pytest.raises(ValidationFailed) as exc:
        funding_services.flows_record(actor=admin, items=[("d", flow(a, eu, "disbursement", "100000.01",
                                                             value_date="2024-08-01"))])
    assert fields_of(exc) == [("d", "amount", "disbursement_exceeds_commitment")]
    assert "100,000.01 EUR" in exc.value.errors[0].message and "100,000.00 EUR" in exc.value.errors[0].message
    funding_services.flows_record(actor=admin, items=[("d", flow(a, eu, "disbursement", "100000", value_date="2024-08-01"))])
    assert Flow.objects.count() == 2


def test_reimport_with_references_updates_instead_of_duplicating(funding):
    a, eu, admin = funding["activity"], funding["eu"], funding["admin"]
    item = flow(a, eu, reference="TX-1")
    assert funding_services.flows_record(actor=admin, items=[("1", item)])["created"] == 1
    assert funding_services.flows_record(actor=admin, items=[("1", {**item, "amount": "120000"})])["updated"] == 1
    assert Flow.objects.get().amount == Decimal("120000")
    with pytest.raises(ValidationFailed, match="also at"):
        funding_services.flows_record(actor=admin, items=[("1", item), ("2", item)])


def test_confidential_amounts_per_role(funding):
    a, eu, admin = funding["activity"], funding["eu"], funding["admin"]
    funding_services.flows_record(actor=admin, items=[("1", flow(a, eu, public=False)),
                                              ("2", flow(a, funding["bank"], amount="5000", currency="USD"))])

    def seen(user):
        rows = funding_selectors.flow_rows(user)
        return sorted(((r["amount"] or ""), r["confidential"]) for r in rows), funding_selectors.funding_summary(user)

    for user in (None, funding["stranger"]):
        rows, summary = seen(user)
        assert rows == [("", True), ("5000.00", False)]
        assert summary["total"]["commitment"] == Decimal("5000.00") and summary["confidential"] == 1
    # The funder, the implementer (lead organisation) and BDT staff (the regional office too) see it.
    for who in ("funder_user", "author", "admin", "officer", "bdt_reviewer"):
        rows, summary = seen(funding[who])
        assert ("100000.00", False) in rows, who
        assert summary["total"]["commitment"] == Decimal("116111.11"), who


def test_only_the_implementer_bdt_or_the_region_record_flows(funding):
    a, eu = funding["activity"], funding["eu"]
    with pytest.raises(ValidationFailed) as exc:
        funding_services.flows_record(actor=funding["stranger"], items=[("1", flow(a, eu))])
    assert fields_of(exc) == [("1", "activity", "permission_denied")]
    assert funding_services.flows_record(actor=funding["officer"], items=[("1", flow(a, eu))])["created"] == 1
    assert funding_services.flows_record(actor=funding["author"], items=[("1", flow(a, eu, "pledge"))])["created"] == 1


def test_flows_of_unpublished_activities_stay_private(funding):
    from wsis.stocktaking.services import activity_create
    from wsis.testing.factories import sample

    draft = activity_create(actor=funding["author"], data=sample(texts={"en": {"title": "Draft project"}}))
    funding_services.flows_record(actor=funding["author"], items=[("1", flow(draft, funding["eu"]))])
    assert funding_selectors.flow_rows(None) == []
    assert len(funding_selectors.flow_rows(funding["author"])) == 1


# ---------------------------------------------------------------------------------------------- agreements

def test_agreement_lifecycle(funding):
    officer = funding["officer"]
    a = funding_services.agreement_create(actor=officer, data=agreement_data(funding))
    assert a.status == "draft" and a.parties.count() == 2 and a.frameworks == ["geneva_plan", "agenda2030"]
    assert not funding_selectors.agreement_list(None)  # drafts are not public
    funding_services.agreement_transition(actor=officer, agreement=a, action="sign", on="2024-03-01")
    funding_services.agreement_transition(actor=officer, agreement=a, action="enter_into_force", on="2024-04-01")
    a.refresh_from_db()
    assert (a.status, a.signed_on, a.start_date) == ("in_force", dt.date(2024, 3, 1), dt.date(2024, 4, 1))
    assert [s.to_status for s in a.steps.all()] == ["draft", "signed", "in_force"]
    assert funding_selectors.agreement_list(None) == [a]
    with pytest.raises(InvalidTransition, match="must be draft"):
        funding_services.agreement_transition(actor=officer, agreement=a, action="sign")
    with pytest.raises(PermissionDenied):
        funding_services.agreement_transition(actor=funding["stranger"], agreement=a, action="terminate")
    a.end_date = dt.date(2024, 12, 31)
    a.save()
    assert funding_selectors.agreement_past_end(a, dt.date(2025, 1, 1))


def test_agreement_bad_input_names_fields(funding):
    with pytest.raises(ValidationFailed) as exc:
        funding_services.agreement_create(actor=funding["admin"], data=agreement_data(
            funding, reference="", kind="treaty", frameworks=["magna_carta"], region="XYZ",
            parties=[{"organisation": funding["eu"].pk}], start_date="2024-05-01", end_date="2024-01-01"))
    assert {e.field for e in exc.value.errors} == {"reference", "kind", "frameworks", "region", "parties", "end_date"}
    assert not Agreement.objects.exists()
    with pytest.raises(PermissionDenied):
        funding_services.agreement_create(actor=funding["officer"], data=agreement_data(funding, region="EUR"))


def test_document_attached_with_checksum(funding, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    a = funding_services.agreement_create(actor=funding["admin"], data=agreement_data(funding))
    doc = funding_services.document_attach(actor=funding["admin"], owner=a, name="mou signed.pdf", content=b"%PDF-1.4 x")
    assert doc.size == 10 and len(doc.sha256) == 64 and doc.file.read() == b"%PDF-1.4 x"
    with pytest.raises(ValidationFailed, match="empty"):
        funding_services.document_attach(actor=funding["admin"], owner=a, name="x.pdf", content=b"")


# ---------------------------------------------------------------------------------------------- events

def event_activity(funding, **over):
    return published_activity(funding["admin"], kind="training", texts={
        "en": {"title": "Cybersecurity training for Kenyan regulators"}}, **over)


def test_event_counts_registrations_and_certificates(funding):
    act, admin = event_activity(funding), funding["admin"]
    with pytest.raises(InvalidTransition, match="not open"):
        cooperation_services.registration_create(activity=act, data={"name": "A", "email": "a@example.org"})
    cooperation_services.event_save(actor=admin, activity=act, data={"mode": "hybrid", "venue": "Nairobi",
                                                         "online_url": "https://meet.example.org/x",
                                                         "registration_open": True, "capacity": 2})
    r1 = cooperation_services.registration_create(activity=act, data={"name": "Amina", "email": "amina@example.org", "sex": "F",
                                                          "stakeholder": "member_state", "economy": "KEN"})
    cooperation_services.registration_create(activity=act, data={"name": "Ben", "email": "ben@example.org", "sex": "M",
                                                     "stakeholder": "private_sector", "economy": "UGA"})
    with pytest.raises(InvalidTransition, match="full"):
        cooperation_services.registration_create(activity=act, data={"name": "C", "email": "c@example.org", "sex": "F",
                                                         "stakeholder": "academia"})
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.registration_update(actor=admin, registration=r1, certificate=True)
    assert exc.value.errors[0].field == "certificate"
    cooperation_services.registration_update(actor=admin, registration=r1, status="attended", certificate=True)
    assert cooperation_services.attendance_from_registrations(actor=admin, activity=act) == 1
    summary = cooperation_selectors.capacity_summary([act.pk])
    assert summary["by_sex"] == {"F": 1, "M": 0, "O": 0} and summary["certificates"] == 1
    total = cooperation_services.attendance_set(actor=admin, activity=act, cells=[
        {"sex": "F", "stakeholder": "member_state", "economy": "KEN", "count": 12},
        {"sex": "M", "stakeholder": "member_state", "economy": "KEN", "count": 8},
        {"sex": "F", "stakeholder": "academia", "economy": None, "count": 5}])
    assert total == 25
    summary = cooperation_selectors.capacity_summary([act.pk])
    assert summary["women_share"] == 68.0 and summary["by_economy"] == {"KEN": 20}


def test_event_bad_input(funding):
    act, admin = event_activity(funding), funding["admin"]
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.attendance_set(actor=admin, activity=act, cells=[
            {"sex": "X", "stakeholder": "member_state", "count": 1},
            {"sex": "F", "stakeholder": "aliens", "count": "two"},
            {"sex": "F", "stakeholder": "academia", "economy": "ZZZ", "count": 1}])
    assert [e.field for e in exc.value.errors] == ["cells[0].sex", "cells[1].stakeholder", "cells[1].count",
                                                   "cells[2].economy"]
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.session_add(actor=admin, activity=act, data={"title": "Opening", "starts_at": "2024-05-01T10:00",
                                                              "ends_at": "2024-05-01T09:00"})
    assert exc.value.errors[0].field == "ends_at"
    with pytest.raises(PermissionDenied):
        cooperation_services.event_save(actor=funding["stranger"], activity=act, data={"mode": "online",
                                                                           "online_url": "https://x.org"})
    with pytest.raises(ValidationFailed, match="not a training"):
        cooperation_services.event_save(actor=admin, activity=funding["activity"], data={})


# ---------------------------------------------------------------------------------------------- requests

@pytest.fixture
def output(funding):
    from wsis.planning.models import Objective, Output, Plan

    plan = Plan.objects.create(code="op-2025", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    objective = Objective.objects.create(plan=plan, code="O1")
    from wsis.accounts.models import Organisation

    return Output.objects.create(objective=objective, code="O1.1", office=Organisation.objects.get(name="BDT (test)"))


def test_request_workflow_and_timers(funding, output):
    from wsis.accounts.models import Organisation, Role
    from wsis.accounts.services import role_grant
    from wsis.reference.models import Economy

    focal = funding["author"]
    role_grant(actor=funding["admin"], user=focal, role=Role.FOCAL_POINT, economy=Economy.objects.get(iso3="KEN"))
    t0 = timezone.now() - dt.timedelta(days=30)
    r = cooperation_services.request_create(actor=focal, at=t0, data={"economy": "KEN", "title": "Child online protection",
                                                          "description": "Help draft a national strategy.",
                                                          "action_lines": ["C5"]})
    officer = funding["officer"]
    cooperation_services.request_transition(actor=officer, request=r, action="assess", at=t0 + dt.timedelta(days=3))
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.request_transition(actor=officer, request=r, action="assign")
    assert {e.field for e in exc.value.errors} == {"office", "output"}
    office = Organisation.objects.get(name="RO Africa (test)")
    cooperation_services.request_transition(actor=officer, request=r, action="assign", office=office.pk, output=output.pk,
                                at=t0 + dt.timedelta(days=10))
    with pytest.raises(InvalidTransition):
        cooperation_services.request_transition(actor=officer, request=r, action="deliver")
    cooperation_services.request_transition(actor=officer, request=r, action="start", at=t0 + dt.timedelta(days=20))
    r.refresh_from_db()
    timers = {t["state"]: t["days"] for t in cooperation_selectors.request_timers(r, now=t0 + dt.timedelta(days=30))}
    assert timers == {"received": 3.0, "assessed": 7.0, "assigned": 10.0, "in_progress": 10.0}
    cooperation_services.request_transition(actor=officer, request=r, action="deliver", at=t0 + dt.timedelta(days=25))
    r.refresh_from_db()
    assert cooperation_selectors.request_timers(r)[-1]["state"] == "in_progress"  # the final state has no running clock
    assert [s.to_state for s in r.steps.all()] == ["received", "assessed", "assigned", "in_progress", "delivered"]
    # The requester sees it; another economy's administration does not.
    assert cooperation_selectors.request_get(focal, r.pk) == r
    with pytest.raises(Exception, match="No assistance request"):
        cooperation_selectors.request_get(funding["stranger"], r.pk)
    with pytest.raises(PermissionDenied):
        cooperation_services.request_transition(actor=funding["stranger"], request=r, action="decline", comment="no")


def test_request_bad_input_and_permission(funding):
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.request_create(actor=funding["admin"], data={"economy": "ZZZ", "title": "", "description": "",
                                                              "action_lines": []})
    assert {e.field for e in exc.value.errors} == {"economy", "title", "description", "action_lines", "requester"}
    with pytest.raises(PermissionDenied):
        cooperation_services.request_create(actor=funding["stranger"], data={"economy": "KEN", "title": "t", "description": "d",
                                                                 "action_lines": ["C2"]})
    assert not AssistanceRequest.objects.exists()


# ---------------------------------------------------------------------------------------------- contributions

def test_contributions_are_searchable(funding):
    author = funding["author"]
    c = cooperation_services.contribution_create(actor=author, data={
        "symbol": "SG1RGQ/123", "body": "sg1", "question": "Q1/1", "meeting": "SG1 Rapporteur group 2025",
        "date": "2025-04-10", "title": "Broadband deployment in rural KENYA", "language": "en",
        "sources": [funding["ministry"].pk], "action_lines": ["C2"], "sdg_targets": ["9.c"]})
    cooperation_services.contribution_create(actor=funding["admin"], data={
        "symbol": "CWG-WSIS&SDG-40/5", "body": "cwg_wsis_sdg", "meeting": "CWG-WSIS&SDG 40", "date": "2024-09-01",
        "title": "Информационное общество", "language": "ru", "sources": [funding["eu"].pk],
        "action_lines": ["C7.e-health"]})
    F = cooperation_selectors.ContributionFilters
    assert list(cooperation_selectors.contribution_search(F(q="kenya"))) == [c]
    assert [x.symbol for x in cooperation_selectors.contribution_search(F(q="ИНФОРМАЦИОННОЕ"))] == ["CWG-WSIS&SDG-40/5"]
    assert [x.symbol for x in cooperation_selectors.contribution_search(F(line="C7"))] == ["CWG-WSIS&SDG-40/5"]
    assert list(cooperation_selectors.contribution_search(F(body="sg1", year=2025, target="9.c"))) == [c]
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.contribution_create(actor=author, data={"symbol": "SG1RGQ/123", "body": "sg9", "date": "soon",
                                                         "language": "xx", "sources": []})
    assert {e.field for e in exc.value.errors} >= {"symbol", "body", "date", "language", "sources", "meeting", "title"}
    with pytest.raises(PermissionDenied):
        cooperation_services.contribution_create(actor=author, data={
            "symbol": "X/1", "body": "tdag", "meeting": "TDAG", "date": "2025-01-01", "title": "t", "language": "en",
            "sources": [funding["eu"].pk]})
    assert Contribution.objects.count() == 2


# ---------------------------------------------------------------------------------------------- organisations

def test_merge_keeps_every_link_and_is_audited(funding):
    from wsis.accounts.models import Organisation, User
    from wsis.accounts.services import organisation_create, organisation_merge, organisation_update

    admin, a = funding["admin"], funding["activity"]
    dup = organisation_create(actor=admin, name="EU (duplicate)", kind="international_org")
    organisation_update(actor=admin, organisation=dup, data={"identifier": "XI-IATI-EC", "membership": "",
                                                             "contacts": [{"name": "Desk officer",
                                                                           "email": "desk@example.org"}]})
    funding_services.flows_record(actor=admin, items=[("1", flow(a, dup))])
    ag = funding_services.agreement_create(actor=admin, data=agreement_data(funding, parties=[
        {"organisation": dup.pk, "role": "funder"}, {"organisation": funding["eu"].pk, "role": "party"},
        {"organisation": funding["ministry"].pk, "role": "implementer"}]))
    c = cooperation_services.contribution_create(actor=admin, data={
        "symbol": "TDAG/1", "body": "tdag", "meeting": "TDAG-25", "date": "2025-01-01", "title": "t", "language": "en",
        "sources": [dup.pk]})
    User.objects.filter(username="eu_user").update(organisation=dup)
    dup_id = dup.pk
    moved = organisation_merge(actor=admin, keep=funding["eu"], duplicate=dup)
    eu = Organisation.objects.get(pk=funding["eu"].pk)
    assert not Organisation.objects.filter(pk=dup_id).exists()
    assert Flow.objects.get().funder == eu
    assert list(c.sources.all()) == [eu]
    assert sorted(p.organisation_id for p in ag.party_links.all()) == sorted([eu.pk, funding["ministry"].pk])
    assert User.objects.get(username="eu_user").organisation == eu
    assert eu.identifier == "XI-IATI-EC" and [x.name for x in eu.contacts.all()] == ["Desk officer"]
    assert moved["partnerships.flow.funder"] == 1 and moved["accounts.user.organisation"] == 1
    log = AuditLog.objects.filter(verb="organisation.merge").get()
    assert log.before["duplicate"]["id"] == dup_id and log.after["moved"] == moved
    with pytest.raises(PermissionDenied):
        organisation_merge(actor=funding["officer"], keep=eu, duplicate=funding["bank"])


def test_registration_rejects_duplicates_and_bad_email(funding):
    act = event_activity(funding)
    cooperation_services.event_save(actor=funding["admin"], activity=act, data={"mode": "online", "online_url": "https://x.org",
                                                                    "registration_open": True})
    data = {"name": "A", "email": "a@example.org", "sex": "F", "stakeholder": "academia"}
    cooperation_services.registration_create(activity=act, data=data)
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.registration_create(activity=act, data={**data, "email": "A@example.org"})
    assert exc.value.errors[0].code == "duplicate"
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.registration_create(activity=act, data={**data, "email": "nope"})
    assert exc.value.errors[0].field == "email"
    assert Registration.objects.count() == 1


def test_non_numeric_ids_are_clear_errors(funding, output):
    from wsis.accounts.models import Role
    from wsis.accounts.services import role_grant
    from wsis.reference.models import Economy

    admin = funding["admin"]
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.request_create(actor=admin, data={"economy": "KEN", "title": "t", "description": "d",
                                                   "action_lines": ["C2"], "requester": "abc"})
    assert [e.field for e in exc.value.errors] == ["requester"]
    role_grant(actor=admin, user=funding["author"], role=Role.FOCAL_POINT, economy=Economy.objects.get(iso3="KEN"))
    r = cooperation_services.request_create(actor=funding["author"], data={"economy": "KEN", "title": "t", "description": "d",
                                                                "action_lines": ["C2"]})
    cooperation_services.request_transition(actor=admin, request=r, action="assess")
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.request_transition(actor=admin, request=r, action="assign", office="abc", output="x")
    assert {e.field for e in exc.value.errors} == {"office", "output"}
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.contribution_create(actor=admin, data={
            "symbol": "X/1", "body": "tdag", "meeting": "TDAG", "date": "2025-01-01", "title": "t", "language": "en",
            "sources": ["abc"]})
    assert [e.field for e in exc.value.errors] == ["sources"]
    with pytest.raises(ValidationFailed) as exc:
        funding_services.agreement_create(actor=admin, data=agreement_data(funding, parties=[
            {"organisation": funding["eu"].pk}, {"organisation": funding["eu"].pk}]))
    assert [e.field for e in exc.value.errors] == ["parties"]


def test_registration_errors_name_the_form_fields(funding):
    act = event_activity(funding)
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.event_save(actor=funding["admin"], activity=act, data={"mode": "online", "online_url": "https://x.org",
                                                                        "capacity": 0})
    assert [e.field for e in exc.value.errors] == ["capacity"]
    cooperation_services.event_save(actor=funding["admin"], activity=act, data={"mode": "online", "online_url": "https://x.org",
                                                                    "registration_open": True})
    with pytest.raises(ValidationFailed) as exc:
        cooperation_services.registration_create(activity=act, data={"name": "A", "email": "a@example.org", "sex": "Q",
                                                         "stakeholder": "x", "economy": "ZZZ"})
    assert [e.field for e in exc.value.errors] == ["sex", "stakeholder", "economy"]


def test_a_second_currency_from_the_same_funder(funding):
    a, eu, admin = funding["activity"], funding["eu"], funding["admin"]
    funding_services.flows_record(actor=admin, items=[("1", flow(a, eu, "commitment", "100000"))])
    funding_services.flows_record(actor=admin, items=[("2", flow(a, eu, "pledge", "5000", currency="CHF"))])
    # Mixed currencies are compared in US dollars: 100,000 EUR at 0.90 = 111,111.11 USD committed.
    with pytest.raises(ValidationFailed, match=r"111,111\.11 USD"):
        funding_services.flows_record(actor=admin, items=[("3", flow(a, eu, "disbursement", "95000", currency="CHF"))])
    funding_services.flows_record(actor=admin, items=[("3", flow(a, eu, "disbursement", "90000", currency="CHF"))])
