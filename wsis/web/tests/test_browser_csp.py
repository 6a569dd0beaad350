"""In a real browser, the Content-Security-Policy refuses nothing the site itself uses: pages with charts,
maps and inline bars, the sign-in page and the API's Swagger UI all render without a violation."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));"""


def test_no_page_breaks_the_content_security_policy(page, live_server, reference):
    from wsis.statistics.demo import load_demo_statistics

    load_demo_statistics()
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    page.add_init_script(WATCH)
    found = {}
    for path in ("/en/", "/en/statistics/INTERNET_USERS/", "/ar/statistics/INTERNET_USERS/divide/",
                 "/en/accounts/login/", "/api/v1/docs"):
        response = page.goto(live_server.url + path)
        assert response.status == 200 and "content-security-policy" in response.headers, path
        if path == "/api/v1/docs":
            expect(page.locator(".opblock").first).to_be_visible()  # Swagger UI ran and read the schema
        elif "statistics" in path:
            expect(page.locator("svg.chart, svg.map").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        seen = page.evaluate("window.__csp")
        if seen:
            found[path] = seen
    assert found == {}
    assert [m for m in console if "Content Security Policy" in m or "Refused to" in m
            or "Permissions-Policy" in m] == []
