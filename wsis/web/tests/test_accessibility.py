"""WCAG 2.1 A/AA checks with axe-core in Debian Chromium on the main pages, left-to-right and right-to-left."""

import pytest

from wsis.testing.browser import violations
from wsis.testing.factories import sample

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pages_have_no_wcag_violations(page, live_server, reference, people):
    from wsis.stocktaking.services import activities_import

    activities_import(actor=people["admin"], items=[("a", sample(external_id="A11Y-1"))], publish=True)
    people["author"].set_password("pw-a11y-123")
    people["author"].save()
    from wsis.stocktaking.models import Activity

    pk = Activity.objects.get().pk
    found = {}
    for path in ("/en/", "/ar/", "/zh-hans/economies/", "/fr/economies/KEN/", "/en/sdgs/9/", "/en/targets/",
                 "/en/action-lines/", "/ar/activities/", f"/en/activities/{pk}/", "/en/prizes/",
                 "/en/prizes/register/", "/en/accounts/login/"):
        page.goto(live_server.url + path)
        v = violations(page)
        if v:
            found[path] = v
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("User name").fill("author")
    page.get_by_label("Password").fill("pw-a11y-123")
    page.get_by_role("button", name="Sign in").click()
    for path in ("/en/activities/new/", "/ar/activities/import/", "/en/activities/mine/"):
        page.goto(live_server.url + path)
        v = violations(page)
        if v:
            found[path] = v
    assert found == {}, "\n".join(f"{p}:\n  " + "\n  ".join(v) for p, v in found.items())
