import pytest

from wsis.stocktaking.models import Activity
from wsis.stocktaking.services import activity_create
from wsis.testing.factories import publish, published_activity, sample

pytestmark = pytest.mark.django_db


def form_data(**over):
    data = {
        "original_language": "en", "title_en": "Digital skills bootcamp for women", "summary_en": "Training.",
        "kind": "training", "scope": "national", "status": "planned", "start_date": "2030-03-01",
        "primary_line": "C4", "sdg_targets": ["4.4", "5.b"], "economies": ["KEN"],
        "beneficiary_groups": ["women_girls"], "partner_rows": "1", "partner-0-name": "RO Africa (test)",
        "partner-0-role": "implementing",
        "budget_amount": "", "budget_currency": "", "links": "", "contact_name": "", "contact_email": "",
    }
    data.update(over)
    return data


def test_editor_creates_and_shows_field_errors(client, reference, people):
    client.force_login(people["author"])
    assert client.get("/en/activities/new/").status_code == 200
    r = client.post("/en/activities/new/", form_data(economies=["KEN"], end_date="2020-01-01"))
    assert r.status_code == 200 and "the end date is before the start date" in r.content.decode()
    assert not Activity.objects.exists()
    r = client.post("/en/activities/new/", form_data())
    a = Activity.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"/activities/{a.pk}/")
    assert a.lead_organisation == people["author"].organisation and a.state == "draft"
    page = client.get(f"/en/activities/{a.pk}/").content.decode()
    assert "Digital skills bootcamp for women" in page and "Check and submit for review" in page


def test_submit_page_shows_checks_and_duplicates(client, reference, people):
    first = activity_create(actor=people["author"], data=sample())
    second = activity_create(actor=people["author"], data=sample(sdg_targets=[]))
    client.force_login(people["author"])
    page = client.get(f"/en/activities/{second.pk}/submit/").content.decode()
    assert "Tag at least one SDG target." in page
    assert f"/activities/{first.pk}/" in page
    r = client.post(f"/en/activities/{second.pk}/action/", {"action": "submit"}, follow=True)
    assert "does not pass the checks" in r.content.decode()
    assert Activity.objects.get(pk=second.pk).state == "draft"


def test_list_page_facets_and_downloads(client, reference, people):
    published_activity(people["author"], reviewer=people["afr_reviewer"])
    page = client.get("/ar/activities/").content.decode()
    assert 'dir="rtl"' in page and "National broadband plan" in page or "肯尼亚" in page
    page = client.get("/en/activities/", {"q": "宽带"}).content.decode()
    assert "National broadband plan for Kenya" in page and 'name="region" value="AFR"' in page
    for fmt in ("csv", "xlsx", "json", "iati"):
        assert client.get("/en/activities/", {"q": "宽带", "format": fmt}).status_code == 200
    assert client.get("/en/activities/", {"sort": "nonsense"}).status_code == 200


def test_pages_need_sign_in_where_they_should(client, reference):
    for url in ("/en/activities/new/", "/en/activities/review/", "/en/activities/mine/", "/en/activities/import/"):
        r = client.get(url)
        assert r.status_code == 302 and "/accounts/login/" in r["Location"], url


def test_login_page_and_sign_out(client, reference, people):
    people["author"].set_password("pw-author-123")
    people["author"].save()
    r = client.post("/en/accounts/login/", {"username": "author", "password": "pw-author-123"})
    assert r.status_code == 302
    assert "Sign out (author)" in client.get("/en/").content.decode()
    client.post("/en/accounts/logout/")
    assert "Sign in" in client.get("/en/").content.decode()


def test_import_page_reports_rows(client, reference, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["author"])
    bad = SimpleUploadedFile("acts.csv", b"kind,original_language,title_en,lead_organisation,scope,status\nparty,en,X,Ministry of ICT (test),national,ongoing\n")
    page = client.post("/en/activities/import/", {"file": bad}).content.decode()
    assert "acts.csv:2" in page and "nothing was imported" in page.lower() or "nothing was written" in page.lower()
    assert not Activity.objects.exists()


def test_possible_duplicates_name_no_other_organisations_draft(client, reference, people):
    secret = "National broadband plan for Kenya (confidential draft)"
    mine = activity_create(actor=people["author"], data=sample(texts={"en": {"title": secret}}))
    theirs = activity_create(actor=people["stranger"], data=sample(lead_organisation={"name": "Other ministry (test)"}, texts={
        "en": {"title": "National broadband plan for Kenya"}}))
    assert theirs.lead_organisation_id != mine.lead_organisation_id
    client.force_login(people["stranger"])
    for url in (f"/en/activities/{theirs.pk}/", f"/en/activities/{theirs.pk}/submit/"):
        page = client.get(url).content.decode()
        assert secret not in page and f"/activities/{mine.pk}/" not in page, url
    assert client.get(f"/api/v1/activities/{theirs.pk}/duplicates").json() == []
    # Once published, the other organisation's activity is a fair duplicate to point at.
    publish(mine, by=people["author"], reviewer=people["afr_reviewer"])
    page = client.get(f"/en/activities/{theirs.pk}/submit/").content.decode()
    assert f"/activities/{mine.pk}/" in page
