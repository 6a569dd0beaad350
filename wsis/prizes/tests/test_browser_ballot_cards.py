"""In a real browser: a voter chooses a project card and votes with the keyboard only; the ballot passes axe-core."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from wsis.accounts.models import User
from wsis.prizes.models import Vote
from wsis.testing.browser import sign_in, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_vote_with_the_keyboard(page, live_server, entries):
    contest, s1, s2, s3 = entries
    User.objects.create_user("citizen", "citizen@example.org", "pw-citizen-123", email_verified_at=timezone.now())
    sign_in(page, live_server.url, "citizen", "pw-citizen-123")
    page.goto(f"{live_server.url}/en/prizes/{contest.year}/")
    c2 = page.locator("fieldset", has_text="C2 —")
    # The radio of the first card, then the arrow key moves the choice to the next card of the category.
    c2.locator(f"#vote-{s1.pk}").focus()
    page.keyboard.press("ArrowDown")
    expect(c2.get_by_label("Satellite backhaul")).to_be_checked()
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Vote in C2":
            break
    page.keyboard.press("Enter")
    expect(page.get_by_text("your vote in C2 is recorded")).to_be_visible()
    assert list(Vote.objects.filter(voter__username="citizen").values_list("submission_id", flat=True)) == [s2.pk]
    card = page.locator(".project-card", has=page.locator(f"#vote-{s2.pk}"))
    expect(card.get_by_role("link", name=re.compile("^About the project ?: Satellite backhaul$"))).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_ballot_has_no_axe_violation(page, live_server, entries, lang):
    contest = entries[0]
    page.goto(f"{live_server.url}/{lang}/prizes/{contest.year}/")
    assert violations(page) == []
