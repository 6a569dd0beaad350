"""The results page draws the votes of each category as bars named with their projects."""

import re

import pytest

from wsis.testing.factories import shift_contest, voter

pytestmark = pytest.mark.django_db


def test_results_page_has_a_named_bar_chart_per_category(client, entries, people):
    from wsis.prizes import services

    contest, s1, s2, s3 = entries
    services.vote_cast(voter=voter("x1"), submission=s2)
    services.vote_cast(voter=voter("x2"), submission=s2)
    shift_contest(contest, "selection")
    client.force_login(people["admin"])
    client.post(f"/api/v1/prizes/contests/{contest.year}/finalists")
    for s in (s2, s3):
        client.post(f"/api/v1/prizes/submissions/{s.pk}/winner")
    client.post(f"/api/v1/prizes/contests/{contest.year}/publish")
    client.logout()
    page = client.get(f"/en/prizes/{contest.year}/results/").content.decode()
    svgs = re.findall(r'<svg xmlns[^>]*class="chart bars".*?</svg>', page, flags=re.S)
    assert len(svgs) == 2  # C2 and C5
    assert re.findall(r'class="category">([^<]+)<', svgs[0])[0] == "Satellite backhaul"
    assert 'aria-label="Satellite backhaul: 2"' in svgs[0]
    assert "National CIRT" in svgs[1]
    assert 'id="t-results"' in page and "wsis/charts.js" in page


def test_no_chart_before_the_results_are_published(client, entries):
    contest = entries[0]
    page = client.get(f"/en/prizes/{contest.year}/results/").content.decode()
    assert "chart bars" not in page
