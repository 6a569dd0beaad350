"""The plan over the API and the pages: reads, downloads, the update workflow, permissions, bad input."""

import csv
import io

import pytest

from wsis.planning.models import Output, ProgressUpdate
from wsis.testing.factories import plan_dict

pytestmark = pytest.mark.django_db
API = "/api/v1/plans"


def test_openapi_lists_the_plan_endpoints(client):
    doc = client.get("/api/v1/openapi.json").json()
    paths = {p for p in doc["paths"] if p.startswith(API)}
    expected = {API, *(f"{API}/{p}" for p in (
        "{code}", "{code}/state", "{code}/outputs", "{code}/kpis", "{code}/timeline", "{code}/overdue",
        "{code}/offices", "{code}/export", "{code}/periods/{period}/lock", "outputs/{pk}", "outputs/{pk}/activities",
        "outputs/{pk}/updates/{period}", "updates/{pk}/submit", "updates/{pk}/approve", "updates/{pk}/return",
        "updates/{pk}/correct", "milestones/{pk}", "reminders/mine", "reminders/{pk}/read"))}
    assert paths == expected, "API contract changed: update this list deliberately"


def test_public_reads_and_downloads(client, plan):
    assert [p["code"] for p in client.get(API).json()] == ["op-test"]
    tree = client.get(f"{API}/op-test", {"lang": "fr", "at": "2026-01-10"}).json()
    assert tree["title"] == "Plan opérationnel (test)" and tree["as_of"] == "2026-01-10"
    o11 = tree["objectives"][0]["outputs"][0]
    assert o11["code"] == "O1.1" and [k["status"] for k in o11["kpis"]] == ["no_data", "on_track"]
    rows = client.get(f"{API}/op-test/outputs", {"at": "2026-04-15", "status": "late"}).json()
    assert rows["count"] == 1 and [r["output"] for r in rows["results"]] == ["O1.2"]
    resp = client.get(f"{API}/op-test/outputs", {"at": "2026-04-15", "status": "late", "format": "csv"})
    body = list(csv.DictReader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert [r["output"] for r in body] == ["O1.2"] and body[0]["status"] == "late"
    assert client.get(f"{API}/op-test/kpis", {"format": "xlsx"})["Content-Type"].startswith("application/vnd")
    assert client.get(f"{API}/op-test/export").content[:2] == b"PK"
    over = client.get(f"{API}/op-test/overdue", {"at": "2026-04-15"}).json()["results"]
    assert {r["kind"] for r in over} == {"milestone", "update"}
    bad = client.get(f"{API}/op-test", {"at": "2026-02-30"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "at"
    assert client.get(f"{API}/nope").status_code == 404


def test_update_workflow_over_the_api(client, staff, plan):
    out = Output.objects.get(code="O1.1")
    url = f"{API}/outputs/{out.pk}/updates/2025-H2"
    assert client.put(url, {"narrative": "x", "values": {"K1": 10}}, content_type="application/json").status_code == 401
    client.force_login(staff["unit"])  # another office
    assert client.put(url, {"narrative": "x", "values": {"K1": 10}}, content_type="application/json").status_code == 403
    client.force_login(staff["head"])
    bad = client.put(url, {"narrative": "x", "values": {"K1": "ten"}}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "values.K1"
    assert not ProgressUpdate.objects.exists()
    u = client.put(url, {"narrative": "Sites built.", "values": {"K1": 120}}, content_type="application/json").json()
    assert u["state"] == "draft" and u["values"] == {"K1": 120.0}
    # A draft is not public.
    client.logout()
    assert client.get(f"{API}/outputs/{out.pk}").json()["updates"] == []
    client.force_login(staff["head"])
    assert client.post(f"{API}/updates/{u['id']}/submit").json()["state"] == "submitted"
    assert client.post(f"{API}/updates/{u['id']}/approve", {}, content_type="application/json").status_code == 403
    client.force_login(staff["bdt_reviewer"])
    ret = client.post(f"{API}/updates/{u['id']}/return", {"comment": ""}, content_type="application/json")
    assert ret.status_code == 400 and ret.json()["errors"][0]["field"] == "comment"
    ok = client.post(f"{API}/updates/{u['id']}/approve", {"comment": "Thanks"}, content_type="application/json")
    assert ok.json()["state"] == "approved" and ok.json()["history"][-1]["by"] == "bdt_rev"
    again = client.post(f"{API}/updates/{u['id']}/approve", {}, content_type="application/json")
    assert again.status_code == 409
    client.logout()
    detail = client.get(f"{API}/outputs/{out.pk}", {"at": "2026-01-10"}).json()
    assert detail["updates"][0]["state"] == "approved" and detail["kpis"][0]["status"] == "on_track"
    assert detail["kpis"][0]["series"] == [["2025-12-31", 120.0]]


def test_plan_creation_and_locking_over_the_api(client, staff, plan):
    client.force_login(staff["head"])
    assert client.post(API, plan_dict(code="op-2"), content_type="application/json").status_code == 403
    client.force_login(staff["admin"])
    data = plan_dict(code="op-2")
    data["kpis"][0]["direction"] = "sideways"
    bad = client.post(API, data, content_type="application/json", )
    assert bad.status_code == 400 and {e["field"] for e in bad.json()["errors"]} == {"direction"}
    data = plan_dict(code="op-2")
    for item in data["kpis"] + data["milestones"] + data["periods"]:
        for k, v in list(item.items()):
            if hasattr(v, "isoformat"):
                item[k] = v.isoformat()
    data["start"], data["end"] = "2025-01-01", "2027-12-31"
    created = client.post(API, data, content_type="application/json")
    assert created.status_code == 201 and created.json()["state"] == "draft"
    client.force_login(staff["head"])
    assert client.get(f"{API}/op-2").status_code == 403  # a draft
    client.force_login(staff["admin"])
    locked = client.post(f"{API}/op-test/periods/2025-H1/lock")
    assert locked.status_code == 200 and locked.json()["code"] == "2025-H1"
    assert client.post(f"{API}/op-test/periods/2025-H1/lock").status_code == 409


def test_milestone_patch_and_reminders(client, staff, plan):
    from wsis.planning.models import Milestone
    from wsis.planning.reminders import reminders_send

    m = Milestone.objects.get(output__code="O1.1")
    client.force_login(staff["unit"])
    assert client.patch(f"{API}/milestones/{m.pk}", {"expected": "2025-07-01"},
                        content_type="application/json").status_code == 403
    client.force_login(staff["head"])
    r = client.patch(f"{API}/milestones/{m.pk}", {"expected": "2025-07-01"}, content_type="application/json")
    assert r.json()["expected"] == "2025-07-01" and r.json()["completed"] == "2025-06-01"
    import datetime as dt

    reminders_send(today=dt.date(2026, 3, 10), email=False)
    mine = client.get(f"{API}/reminders/mine", {"lang": "en"}).json()
    assert mine and all(not x["read"] for x in mine) and "2025-H2" in " ".join(x["text"] for x in mine)
    assert client.post(f"{API}/reminders/{mine[0]['id']}/read").json()["read"] is True
    client.force_login(staff["unit"])
    assert client.post(f"{API}/reminders/{mine[0]['id']}/read").status_code == 404


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans", "fr", "ru", "es"])
def test_pages_render_in_every_language(client, plan, lang):
    out = Output.objects.get(code="O1.1")
    for url in (f"/{lang}/plan/op-test/", f"/{lang}/plan/op-test/timeline/", f"/{lang}/plan/op-test/overdue/",
                f"/{lang}/plan/op-test/offices/", f"/{lang}/plan/outputs/{out.pk}/"):
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert (b'dir="rtl"' in resp.content) == (lang == "ar")


def test_page_downloads_use_the_page_filters(client, plan):
    bdt = Output.objects.get(code="O1.2").office_id
    resp = client.get("/en/plan/op-test/", {"office": bdt, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert [r["output"] for r in rows] == ["O1.2"]
    assert client.get("/en/plan/op-test/overdue/", {"format": "json", "at": "2026-04-15"}).json()["count"] >= 1


def test_update_form_and_review_pages(client, staff, plan):
    out = Output.objects.get(code="O1.1")
    period = plan.periods.get(code="2025-H1")
    client.force_login(staff["head"])
    resp = client.post(f"/en/plan/outputs/{out.pk}/update/", {"period": period.pk, "narrative": "Done",
                                                             "kpi-K1": "abc", "do": "submit"}, follow=True)
    assert b"is not a number" in resp.content and not ProgressUpdate.objects.exists()
    client.post(f"/en/plan/outputs/{out.pk}/update/", {"period": period.pk, "narrative": "Done", "kpi-K1": "40,5",
                                                      "do": "submit"})
    u = ProgressUpdate.objects.get()
    assert u.state == "submitted" and u.values.get().value == 40.5
    assert client.get("/en/plan/review/").status_code == 404
    client.force_login(staff["bdt_reviewer"])
    assert b"O1.1" in client.get("/en/plan/review/").content
    client.post(f"/en/plan/updates/{u.pk}/decide/", {"do": "return", "comment": "Per country, please."})
    u.refresh_from_db()
    assert u.state == "returned"


def test_plan_import_page_and_publishing(client, staff, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wsis.planning import xlsx
    from wsis.planning.models import Plan

    data = plan_dict(code="op-web")
    data["outputs"][0]["activities"] = []
    good = xlsx.write_plan_xlsx(data)
    data["kpis"][0]["direction"] = "sideways"
    bad = xlsx.write_plan_xlsx(data)
    client.force_login(staff["head"])
    assert client.get("/en/plan/import/").status_code == 404
    client.force_login(staff["admin"])
    assert client.get("/en/plan/template.xlsx").content[:2] == b"PK"
    resp = client.post("/en/plan/import/", {"file": SimpleUploadedFile("plan.xlsx", bad)}, follow=True)
    assert "plan.xlsx, sheet KPIs, row 2, direction" in resp.content.decode()
    assert not Plan.objects.filter(code="op-web").exists()
    resp = client.post("/en/plan/import/", {"file": SimpleUploadedFile("plan.xlsx", good)})
    assert resp.status_code == 302 and Plan.objects.get(code="op-web").state == "draft"
    client.post("/en/plan/op-web/state/", {"state": "active"})
    assert Plan.objects.get(code="op-web").state == "active"


def test_the_update_form_offers_the_first_period_still_to_report(client, staff, plan):
    from wsis.planning import services

    out = Output.objects.get(code="O1.1")
    first = services.update_save(actor=staff["head"], output=out, period=plan.periods.get(code="2025-H1"),
                                 narrative="a", values={"K1": 10})
    services.update_submit(actor=staff["head"], update=first)
    services.update_approve(actor=staff["bdt_reviewer"], update=first)
    second = services.update_save(actor=staff["head"], output=out, period=plan.periods.get(code="2025-H2"),
                                  narrative="b", values={"K1": 20})
    services.update_submit(actor=staff["head"], update=second)
    services.update_return(actor=staff["bdt_reviewer"], update=second, comment="Per country, please.")
    client.force_login(staff["head"])
    html = client.get(f"/en/plan/outputs/{out.pk}/").content.decode()
    assert "Update for 2025-H2" in html and "Per country, please." in html


def test_milestone_dates_are_date_inputs_and_a_bad_date_changes_nothing(client, staff, plan):
    from wsis.planning.models import Output

    out = Output.objects.get(code="O1.1")
    m = out.milestones.first()
    client.force_login(staff["head"])
    html = client.get(f"/en/plan/outputs/{out.pk}/").content.decode()
    assert 'type="date" name="expected"' in html and 'type="date" name="completed"' in html
    before = (m.expected, m.completed)
    r = client.post(f"/en/plan/milestones/{m.pk}/", {"expected": "31/12/2030", "completed": ""}, follow=True)
    assert r.status_code == 200 and "31/12/2030" in r.content.decode()
    m.refresh_from_db()
    assert (m.expected, m.completed) == before
