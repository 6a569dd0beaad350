"""Report builder, runs, the API and the command: parameters, empty periods, determinism, confidentiality,
background generation with progress, comparison of runs."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wsis.core.errors import PermissionDenied, ValidationFailed
from wsis.reports import builder, services
from wsis.reports.document import Document
from wsis.reports.models import ReportRun
from wsis.testing.factories import sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(people):
    from wsis.stocktaking.services import activities_import

    activities_import(actor=people["admin"], items=[
        ("a", sample(external_id="R-1", start_date="2025-02-01")),
        ("b", sample(external_id="R-2", start_date="2024-03-01", end_date="2025-06-30", action_lines=["C5"],
                     sdg_targets=["16.10"], economies=["NPL"], status="completed",
                     matrix_justification="Access to information supports trust and security.")),
        ("c", sample(external_id="R-3", start_date="2023-01-01", end_date="2023-12-31",
                     status="completed"))], publish=True)
    return people


def table(doc, caption_start):
    return next(t for t in doc.tables() if t.caption.startswith(caption_start))


def section_table(doc, key):
    return next(b for s in doc.sections if s.key == key for b in s.blocks if b.kind == "table")


def test_activities_of_the_period_by_line_goal_and_region(registry):
    doc = builder.build("cwg", period=2025, scope="world", language="en")
    lines = {r["code"]: r["activities"] for r in table(doc, "Activities by WSIS action line").rows}
    assert lines["C2"] == 1 and lines["C6"] == 1 and lines["C5"] == 1 and lines["C1"] == 0
    goals = {r["goal"]: r["activities"] for r in table(doc, "Activities by Sustainable").rows}
    assert goals["9"] == 1 and goals["16"] == 1
    regions = {r["region"]: r["activities"] for r in table(doc, "Activities by ITU region").rows}
    assert regions["Africa"] == 1 and regions["Asia and the Pacific"] == 1
    assert len(table(doc, "Annex").rows) == 2  # the 2023 activity is outside the period
    cited = {b.source for s in doc.sections for b in s.blocks if getattr(b, "source", "")}
    assert cited <= {s.key for s in doc.sources} and "S1" in cited


def test_scope_filters_and_economy_profile(registry):
    doc = builder.build("regional", period=2025, scope="ASP", language="fr")
    assert doc.scope_label == "Asie-Pacifique" and len(section_table(doc, "annex").rows) == 1
    doc = builder.build("economy", period=2025, scope="ken", language="zh-hans")
    assert doc.scope == "KEN" and doc.scope_label == "肯尼亚"


def test_bad_parameters_are_named(reference):
    with pytest.raises(ValidationFailed) as exc:
        builder.build("weekly", period="soon", scope="Atlantis", language="xx")
    assert {e.field for e in exc.value.errors} == {"type", "period", "scope", "lang"}
    with pytest.raises(ValidationFailed, match="ITU region"):
        builder.build("regional", period=2025, scope="world")
    with pytest.raises(ValidationFailed, match="economy"):
        builder.build("economy", period=2025, scope="AFR")


def test_an_empty_period_gives_a_clear_report(reference):
    doc = builder.build("cwg", period=1995, scope="world", language="ar")
    notes = {s.key: s.empty_note for s in doc.sections}
    assert notes["activities"] and notes["funding"] and notes["prizes"] and notes["plan"]
    from wsis.reports.render_xlsx import render_xlsx

    assert render_xlsx(doc)[:2] == b"PK"


def test_same_inputs_same_document(registry):
    a = builder.build("sg", period=2025, scope="world", language="ru")
    b = builder.build("sg", period=2025, scope="world", language="ru")
    assert a.generated_at != b.generated_at or a.generated_at
    assert a.fingerprint() == b.fingerprint()
    assert Document.from_dict(json.loads(json.dumps(a.to_dict()))).fingerprint() == a.fingerprint()


def test_confidential_amounts_never_reach_a_report(registry):
    from wsis.accounts.services import organisation_create
    from wsis.partnerships.funding import services as funding_services
    from wsis.partnerships.models import ExchangeRate
    from wsis.stocktaking.models import Activity

    admin = registry["admin"]
    ExchangeRate.objects.create(currency="EUR", date="2024-01-01", per_usd="0.9")
    act = Activity.objects.get(external_id="R-1")
    funder = organisation_create(actor=admin, name="Discreet fund", kind="financial_institution")
    funding_services.flows_record(actor=admin, items=[
        ("1", {"activity": act.pk, "funder": {"id": funder.pk}, "stage": "commitment", "amount": "987654.32",
               "currency": "USD", "value_date": "2025-03-01", "mechanism": "trust_fund", "public": False}),
        ("2", {"activity": act.pk, "funder": {"id": funder.pk}, "stage": "pledge", "amount": "1000",
               "currency": "USD", "value_date": "2025-03-01", "mechanism": "trust_fund"})])
    doc = builder.build("cwg", period=2025, scope="world", language="en")
    blob = json.dumps(doc.to_dict())
    assert "987654" not in blob
    total = table(doc, "Resources mobilised").rows[0]
    assert (total["pledge"], total["commitment"]) == (Decimal("1000.00"), Decimal("0"))
    from wsis.reports.render_xlsx import render_xlsx

    assert b"987654" not in render_xlsx(doc)


def test_run_in_the_background_with_progress_and_comparison(registry, django_capture_on_commit_callbacks, settings,
                                                              tmp_path):
    settings.MEDIA_ROOT = tmp_path
    officer = registry["afr_reviewer"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = services.report_request(actor=officer, kind="cwg", period=2025, scope="world", language="es",
                                      fmt="xlsx")
    assert run.status == "queued" and len(callbacks) == 1  # handed to the worker after commit
    seen = []
    from wsis.reports import services as s

    original = s.builder.build

    def spy(*args, **kwargs):
        progress = kwargs["progress"]

        def wrapped(pct, step):
            progress(pct, step)
            seen.append(ReportRun.objects.get(pk=run.pk).progress)
        return original(*args, **{**kwargs, "progress": wrapped})

    s.builder.build = spy
    try:
        run = services.report_execute(run.pk)
    finally:
        s.builder.build = original
    assert run.status == "done" and run.progress == 100 and run.file.read()[:2] == b"PK"
    assert seen == sorted(seen) and seen[-1] == 90 and len(seen) > 3
    assert run.previous() is None
    # One more published activity, then the same report again: the comparison names the changed cells.
    from wsis.stocktaking.services import activities_import

    activities_import(actor=registry["admin"], items=[("d", sample(external_id="R-4", start_date="2025-05-01",
                                                                    action_lines=["C7.e-health"]))], publish=True)
    second = services.report_request(actor=officer, kind="cwg", period=2025, scope="world", language="es", fmt="xlsx")
    second = services.report_execute(second.pk)
    assert second.previous() == run
    from wsis.reports.selectors import changes

    diff = changes(run, second)
    assert {"row": "C7", "before": 0, "after": 1} in [{k: d.get(k) for k in ("row", "before", "after")} for d in diff]


def test_request_permissions_and_bad_format(registry):
    with pytest.raises(PermissionDenied):
        services.report_request(actor=registry["no_role"], kind="cwg", period=2025)
    with pytest.raises(ValidationFailed, match="unknown format"):
        services.report_request(actor=registry["admin"], kind="cwg", period=2025, fmt="odt")
    assert not ReportRun.objects.exists()


def test_api_request_poll_download_compare(client, registry, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(registry["admin"])
    r = client.post("/api/v1/reports", json.dumps({"type": "economy", "period": 2025, "scope": "NPL", "lang": "en",
                                                   "format": "xlsx"}), content_type="application/json")
    assert r.status_code == 202 and r.json()["status"] == "queued"
    run_id = r.json()["id"]
    assert client.get(f"/api/v1/reports/{run_id}/file").status_code == 404
    services.report_execute(run_id)
    body = client.get(f"/api/v1/reports/{run_id}").json()
    assert body["status"] == "done" and body["progress"] == 100 and body["sources"][0]["key"] == "S1"
    f = client.get(f"/api/v1/reports/{run_id}/file")
    assert f.status_code == 200 and f["Content-Disposition"].endswith('wsis-economy-2025-NPL-en.xlsx"')
    assert client.get(f"/api/v1/reports/{run_id}/compare").status_code == 400  # nothing earlier
    bad = client.post("/api/v1/reports", json.dumps({"type": "regional", "period": 2025, "scope": "world"}),
                      content_type="application/json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "scope"


def test_command_writes_the_file(registry, tmp_path):
    out = tmp_path / "r.xlsx"
    stdout = io.StringIO()
    call_command("report", "cwg", "--period", "2025", "--lang", "zh", "--format", "xlsx", "-o", str(out),
                 stdout=stdout)
    assert out.read_bytes()[:2] == b"PK" and "tables; fingerprint" in stdout.getvalue()
    with pytest.raises(CommandError, match="field scope"):
        call_command("report", "regional", "--period", "2025", "--format", "xlsx", "-o", str(out))


def test_a_failed_run_keeps_internals_out_of_its_public_message(registry, monkeypatch):
    run = services.report_request(actor=registry["admin"], kind="cwg", period=2025, fmt="xlsx")

    def broken(doc):
        raise OSError("/srv/secret/path is full")

    monkeypatch.setattr("wsis.reports.render_xlsx.render_xlsx", broken)
    with pytest.raises(OSError):
        services.report_execute(run.pk)
    run.refresh_from_db()
    assert run.status == "failed" and "OSError" in run.error and "/srv" not in run.error


def test_openapi_lists_the_report_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for p in ("/api/v1/reports", "/api/v1/reports/{run_id}", "/api/v1/reports/{run_id}/file",
              "/api/v1/reports/{run_id}/compare"):
        assert p in paths, p
