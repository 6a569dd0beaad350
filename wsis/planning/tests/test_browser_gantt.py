"""In a real browser: the timeline's bars are reached with the keyboard, name their output and open it; the page
passes axe-core in English and Arabic."""

import re

import pytest
from playwright.sync_api import expect

from wsis.planning.models import Output
from wsis.testing.browser import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_bar_is_reached_by_keyboard_names_its_output_and_opens_it(page, live_server, gantt_plan):
    page.goto(f"{live_server.url}/en/plan/op-test/timeline/?at=2026-04-15")
    bar = page.get_by_role("link", name=re.compile(r"^O1\.2 Toolkit, .*2026.*, Late$"))
    expect(bar).to_have_count(1)
    # Tab from the last download link into the chart: the first bar is the next stop.
    page.get_by_role("link", name="JSON").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.closest('svg.timeline') !== null, "
                            "document.activeElement.getAttribute('aria-label')]")
    assert focused[0] and focused[1].startswith("O1.2 Toolkit")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')").startswith("O1.1 Rural sites")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/en/plan/outputs/{Output.objects.get(code='O1.2').pk}/$"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_timeline_tree_and_offices_have_no_axe_violation(page, live_server, gantt_plan, lang):
    page.goto(f"{live_server.url}/{lang}/plan/op-test/timeline/?at=2026-04-15")
    assert violations(page) == []
    for view in ("", "offices/"):
        page.goto(f"{live_server.url}/{lang}/plan/op-test/{view}?at=2026-04-15")
        assert violations(page) == [], view
