"""WCAG 2.1 A/AA checks of the prize pages: the ballot and the expert worklist."""

import pytest
from django.utils import timezone

from wsis.accounts.models import User
from wsis.testing.browser import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ballot_and_expert_pages(page, live_server, entries, people):
    contest = entries[0]
    User.objects.create_user("a11yvoter", "v@example.org", "pw-a11y-123", email_verified_at=timezone.now())
    people["admin"].set_password("pw-a11y-123")
    people["admin"].save()
    found = {}
    for username, paths in (("a11yvoter", [f"/en/prizes/{contest.year}/", f"/ar/prizes/{contest.year}/"]),
                            (people["admin"].username, [f"/en/prizes/{contest.year}/experts/",
                                                        f"/en/prizes/{contest.year}/results/"])):
        page.goto(live_server.url + "/en/accounts/login/")
        page.get_by_label("User name").fill(username)
        page.get_by_label("Password").fill("pw-a11y-123")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/my/")  # signing in lands on My work
        for path in paths:
            page.goto(live_server.url + path)
            v = violations(page)
            if v:
                found[path] = v
        page.context.clear_cookies()
    assert found == {}, found
