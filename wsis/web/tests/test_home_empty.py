"""The home page of a fresh install (reference data only), apart from the demo modules."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_without_data(client, reference):
    """Reference data only (a fresh install): the page still answers, every card says there is no figure."""
    r = client.get("/en/")
    assert r.status_code == 200
    assert "No activity has been published this year yet." in r.content.decode()
    html = r.content.decode()
    assert "No activity is published yet." in html
    assert html.count('class="sdg-tile sdg-') == 17
