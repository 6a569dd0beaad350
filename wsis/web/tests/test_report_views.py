"""Report pages: who may request, queued runs, refused input kept on the form, progress, download, the report
inside the site in its own language, and what changed between two runs."""

import re
from html import escape

import pytest

from wsis.reports import services
from wsis.reports.models import ReportRun
from wsis.testing.factories import sample

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def registry(people):
    from wsis.stocktaking.services import activities_import

    activities_import(actor=people["admin"], items=[
        ("a", sample(external_id="W-1", start_date="2025-02-01")),
        ("b", sample(external_id="W-2", start_date="2024-03-01", end_date="2025-06-30", action_lines=["C5"],
                     sdg_targets=["16.10"], economies=["NPL"], status="completed",
                     matrix_justification="Access to information supports trust and security."))], publish=True)
    return people


def finished(people, *, language="en", fmt="xlsx", kind="cwg", scope="world") -> ReportRun:
    run = services.report_request(actor=people["bdt_reviewer"], kind=kind, period=2025, scope=scope,
                                  language=language, fmt=fmt)
    return services.report_execute(run.pk)


def post_form(client, **over):
    data = {"type": "cwg", "period": "2025", "scope": "world", "lang": "en", "format": "xlsx", **over}
    return client.post("/en/reports/", data)


def test_anyone_reads_the_list_but_only_a_role_requests(client, people):
    page = client.get("/en/reports/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Sign in to generate a report" in html and 'name="scope"' not in html
    assert post_form(client).status_code == 403

    client.force_login(people["no_role"])
    html = client.get("/en/reports/").content.decode()
    assert 'name="scope"' not in html and "members with a role" in html
    refused = post_form(client)
    assert refused.status_code == 403 and "Only members with a role generate reports" in refused.content.decode()
    assert not ReportRun.objects.exists()


def test_form_offers_types_scopes_languages_and_formats(client, people):
    client.force_login(people["bdt_reviewer"])
    html = client.get("/en/reports/").content.decode()
    assert "Economy profile" in html and 'value="2025"' in html  # last year by default
    for value in ("world", "AFR", "EUR", "LDC", "LLDC", "SIDS", "KEN", "ar", "zh-hans", "pdf", "docx", "html",
                  "xlsx"):
        assert f'value="{value}"' in html
    assert "Sign in to generate a report" not in html


def test_post_queues_a_run_and_the_list_follows_it(client, people, django_capture_on_commit_callbacks):
    client.force_login(people["bdt_reviewer"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        r = post_form(client, scope="KEN", type="economy", lang="fr", format="pdf")
    assert r.status_code == 302 and r["Location"] == "/en/reports/"
    run = ReportRun.objects.get()
    assert (run.kind, run.period, run.scope, run.language, run.format, run.status) == (
        "economy", 2025, "KEN", "fr", "pdf", "queued")
    assert len(callbacks) == 1  # handed to the background worker once committed
    html = client.get("/en/reports/").content.decode()
    assert f"Report #{run.pk} is queued" in html
    assert '<progress max="100" value="0"' in html and "0% done" in html
    assert "refreshes itself every 3 seconds" in html and "wsis/report_refresh.js" in html
    assert "Kenya" in html and "Queued" in html

    detail = client.get(f"/en/reports/{run.pk}/").content.decode()
    assert "Queued" in detail and "refreshes itself" in detail
    assert client.get(f"/en/reports/{run.pk}/file/").status_code == 404
    assert client.get(f"/en/reports/{run.pk}/view/").status_code == 404


@pytest.mark.parametrize(("over", "field", "message"), [
    ({"scope": "XYZ"}, "scope", "unknown scope &#x27;XYZ&#x27;"),
    ({"type": "regional", "scope": "world"}, "scope", "a regional input needs an ITU region"),
    ({"period": "abc"}, "period", "&#x27;abc&#x27; is not a year"),
    ({"format": "odt"}, "format", "unknown format"),
])
def test_bad_input_is_shown_on_the_kept_form(client, people, over, field, message):
    client.force_login(people["bdt_reviewer"])
    r = post_form(client, lang="es", **over)
    html = r.content.decode()
    assert r.status_code == 200 and message in html
    assert re.search(rf'id="rp-{field}-error"[^>]*>\s*<li>[^<]*{message}', html)
    assert re.search(rf'name="{field}"[^>]*aria-invalid="true"', html.replace("\n", " ")) or \
        re.search(rf'id="rp-{field}"[^>]*aria-invalid="true"', html)
    assert '<option value="es" selected>' in html  # the rest of the form is kept
    if field == "period":
        assert 'value="abc"' in html
    assert not ReportRun.objects.exists()


def test_finished_run_pages_in_english_and_arabic(client, registry):
    run = finished(registry)
    for lang in ("en", "ar"):
        listing = client.get(f"/{lang}/reports/")
        assert listing.status_code == 200
        html = listing.content.decode()
        assert f'href="/{lang}/reports/{run.pk}/file/"' in html and 'value="100"' in html
        assert "refreshes itself" not in html and "report_refresh.js" not in html
        detail = client.get(f"/{lang}/reports/{run.pk}/")
        assert detail.status_code == 200
        html = detail.content.decode()
        assert f'href="/{lang}/reports/{run.pk}/view/"' in html and run.sha256 in html
        # The sources of the document, with their parameters and data release.
        assert "S1" in html and "year=2025" in html and "registry as last published on" in html
        assert "groups=WORLD,AFR" in html
        for page in ("view", "compare"):
            assert client.get(f"/{lang}/reports/{run.pk}/{page}/").status_code == 200
    arabic = client.get(f"/ar/reports/{run.pk}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic


def test_download_has_the_content_type_and_filename(client, registry):
    run = finished(registry)
    r = client.get(f"/en/reports/{run.pk}/file/")
    assert r.status_code == 200 and r["Content-Type"] == XLSX
    assert r["Content-Disposition"] == 'attachment; filename="wsis-cwg-2025-world-en.xlsx"'
    assert b"".join(r.streaming_content)[:2] == b"PK"
    assert client.get("/en/reports/999999/file/").status_code == 404
    assert client.get("/en/reports/999999/").status_code == 404


def test_report_read_in_the_site_in_its_own_language(client, registry):
    run = finished(registry, language="ar", fmt="html")
    r = client.get(f"/en/reports/{run.pk}/view/")
    assert r.status_code == 200
    html = r.content.decode()
    assert '<html lang="en" dir="ltr">' in html  # the site keeps the reader's language
    assert re.search(r'<article class="report[^"]*" lang="ar" dir="rtl">', html)
    assert "reports/report.css" in html and escape(run.document["title"]) in html


def test_failed_run_shows_its_error(client, people):
    run = ReportRun.objects.create(kind="cwg", period=2025, scope="world", language="en", format="pdf",
                                   status="failed", progress=40, error="Renderer crashed <boom>")
    html = client.get(f"/en/reports/{run.pk}/").content.decode()
    assert "The report could not be generated" in html and "Renderer crashed &lt;boom&gt;" in html
    assert "refreshes itself" not in html
    assert "See the error" in client.get("/en/reports/?status=failed").content.decode()
    assert "No report matches." in client.get("/en/reports/?status=done").content.decode()


def test_compare_shows_the_changed_cells(client, registry):
    from wsis.stocktaking.services import activities_import

    first = finished(registry)
    only = client.get(f"/en/reports/{first.pk}/").content.decode()
    assert "This is the first finished run of this report" in only
    assert "There is no earlier finished run" in client.get(f"/en/reports/{first.pk}/compare/").content.decode()

    same = finished(registry)
    assert "No change." in client.get(f"/en/reports/{same.pk}/compare/").content.decode()

    activities_import(actor=registry["admin"], items=[("c", sample(external_id="W-3", start_date="2025-05-01",
                                                                    action_lines=["C7.e-health"]))], publish=True)
    second = finished(registry)
    detail = client.get(f"/en/reports/{second.pk}/").content.decode()
    assert f'href="/en/reports/{second.pk}/compare/"' in detail
    html = client.get(f"/en/reports/{second.pk}/compare/").content.decode()
    assert f"Compared with run #{same.pk}" in html
    assert re.search(r"<td>C7</td><td>[^<]+</td>\s*<td class=\"num\">0</td><td class=\"num\">1</td>", html)
    # Against a chosen run, and refused across different reports.
    chosen = client.get(f"/en/reports/{second.pk}/compare/?with={first.pk}").content.decode()
    assert f"Compared with run #{first.pk}" in chosen and "<td>C7</td>" in chosen
    other = finished(registry, language="fr")
    refused = client.get(f"/ar/reports/{second.pk}/compare/?with={other.pk}")
    assert refused.status_code == 200 and "<td>C7</td>" not in refused.content.decode()
    assert client.get(f"/en/reports/{second.pk}/compare/?with=999999").status_code == 404


def test_list_filters_and_pages(client, people):
    for year in range(2000, 2027):
        ReportRun.objects.create(kind="sg", period=year, scope="world", language="fr", format="pdf", status="done",
                                 progress=100)
    ReportRun.objects.create(kind="cwg", period=2025, scope="AFR", language="en", format="pdf")
    html = client.get("/en/reports/").content.decode()
    assert "28 reports, newest first" in html and "Page 1 of 2" in html and "refreshes itself" in html
    html = client.get("/en/reports/?type=sg&lang=fr&page=2").content.decode()
    assert "27 reports" in html and "Page 2 of 2" in html and "type=sg&amp;lang=fr&amp;page=1" in html
    html = client.get("/en/reports/?period=2025&status=queued").content.decode()
    assert "1 report, newest first" in html and "Africa" in html
    assert client.get("/en/reports/?period=abc&page=x").status_code == 200


def test_runs_download_with_the_same_filters(client, people):
    from wsis.reports.models import ReportRun

    ReportRun.objects.create(kind="cwg", period=2025, scope="world", language="en", format="pdf")
    ReportRun.objects.create(kind="economy", period=2024, scope="KEN", language="fr", format="xlsx")
    csv = client.get("/en/reports/", {"period": "2024", "format": "csv"}).content.decode("utf-8-sig").splitlines()
    assert len(csv) == 2 and ",economy,2024,KEN,fr,xlsx," in csv[1]
    js = client.get("/en/reports/", {"format": "json"}).json()
    assert js["count"] == 2
