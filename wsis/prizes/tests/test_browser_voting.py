"""A verified voter votes in two categories in a real browser and cannot vote twice in one."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from wsis.accounts.models import User
from wsis.prizes.models import Vote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_vote_in_two_categories_once_each(page, live_server, entries):
    contest, s1, s2, s3 = entries
    User.objects.create_user("citizen", "citizen@example.org", "pw-citizen-123", email_verified_at=timezone.now())
    base = live_server.url
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("User name").fill("citizen")
    page.get_by_label("Password").fill("pw-citizen-123")
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{base}/en/prizes/{contest.year}/")
    c2 = page.locator("fieldset", has_text="C2 —")
    c2.get_by_label(re.compile("Satellite backhaul")).check()
    c2.get_by_role("button", name="Vote in C2").click()
    expect(page.get_by_text("your vote in C2 is recorded")).to_be_visible()

    c5 = page.locator("fieldset", has_text="C5 —")
    c5.get_by_label(re.compile("National CIRT")).check()
    c5.get_by_role("button", name="Vote in C5").click()
    expect(page.get_by_text("your vote in C5 is recorded")).to_be_visible()

    c2 = page.locator("fieldset", has_text="C2 —")
    expect(c2.get_by_text("You have voted in this category.")).to_be_visible()
    expect(c2.get_by_role("button", name="Vote in C2")).to_have_count(0)
    # Even a hand-made second ballot for the other C2 project is refused.
    page.evaluate("""([url, id]) => {
        const f = document.createElement('form'); f.method = 'post'; f.action = url;
        const t = document.querySelector('input[name=csrfmiddlewaretoken]').cloneNode();
        const s = document.createElement('input'); s.name = 'submission'; s.value = id;
        f.append(t, s); document.body.append(f); f.submit(); }""", [f"/en/prizes/{contest.year}/vote/", s1.pk])
    expect(page.get_by_text("You have already voted in this category.")).to_be_visible()
    assert Vote.objects.filter(voter__username="citizen").count() == 2
    assert set(Vote.objects.filter(voter__username="citizen").values_list("submission_id", flat=True)) == {s2.pk, s3.pk}
