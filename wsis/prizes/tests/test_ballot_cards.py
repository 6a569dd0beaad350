"""The ballot as project cards: texts in the voter's language where the project has them, else marked with their
own language; organisation, economies, category and a link to the project; the vote control inside the card."""

import re

import pytest
from django.utils import timezone

from wsis.accounts.models import User
from wsis.prizes import selectors
from wsis.stocktaking.models import ActivityTranslation

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(entries):
    """The first entry's project has a French title and summary too."""
    contest, s1, s2, s3 = entries
    ActivityTranslation.objects.create(activity=s1.activity, language="fr", title="Plan national haut débit",
                                       summary="Appui au plan national haut débit.")
    return entries


def _cards(contest, voter, language):
    return {card["id"]: card for cat in selectors.ballot_cards(contest, voter, language) for card in cat["cards"]}


def test_cards_in_the_voters_language_or_marked_with_their_own(french):
    contest, s1, s2, s3 = french
    fr = _cards(contest, None, "fr")
    assert (fr[s1.pk]["title"], fr[s1.pk]["title_lang"]) == ("Plan national haut débit", "fr")
    assert (fr[s1.pk]["summary"], fr[s1.pk]["summary_lang"]) == ("Appui au plan national haut débit.", "fr")
    # No French text: the original, with its language.
    assert (fr[s2.pk]["title"], fr[s2.pk]["title_lang"]) == ("Satellite backhaul", "en")
    zh = _cards(contest, None, "zh-hans")
    assert (zh[s1.pk]["title"], zh[s1.pk]["title_lang"]) == ("肯尼亚国家宽带计划", "zh-hans")
    card = fr[s1.pk]
    assert card["activity"] == s1.activity_id and card["category"] == "C2" and card["category_name"]
    assert card["organisation"] == s1.organisation.name
    assert card["economies"] and all(e != "KEN" for e in card["economies"])  # names, not codes


def test_cards_keep_the_ballots_categories_and_the_voters_choice(french):
    contest, s1, s2, s3 = french
    voter = User.objects.create_user("v1", "v1@example.org", "pw-v1-12345", email_verified_at=timezone.now())
    from wsis.prizes import services

    services.vote_cast(voter=voter, submission=s2, address="198.51.100.7")
    cats = selectors.ballot_cards(contest, voter, "en")
    assert [(c["code"], [card["id"] for card in c["cards"]]) for c in cats] == [
        (c["code"], [s["id"] for s in c["submissions"]]) for c in selectors.ballot(contest, voter, "en")]
    assert {c["code"]: c["voted_for"] for c in cats} == {"C2": s2.pk, "C5": None}


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru", "zh-hans", "ar"])
def test_ballot_page_shows_cards_with_links(client, french, lang):
    contest, s1, s2, s3 = french
    html = client.get(f"/{lang}/prizes/{contest.year}/").content.decode()
    assert html.count('<li class="project-card') == 3
    for s in (s1, s2, s3):
        assert f'href="/{lang}/activities/{s.activity_id}/"' in html
        assert f'<input type="radio" name="submission" value="{s.pk}" id="vote-{s.pk}"' in html
    # The Satellite backhaul project has only English texts: marked as English on every page.
    assert re.search(rf'<label for="vote-{s2.pk}" class="card-title" lang="en" dir="auto">Satellite backhaul</label>',
                     html)
    if lang == "fr":
        assert (f'<label for="vote-{s1.pk}" class="card-title" lang="fr" dir="auto">Plan national haut débit</label>'
                in html)
        assert 'lang="fr" dir="auto">Appui au plan national haut débit.</p>' in html
    if lang == "zh-hans":
        assert 'class="card-title" lang="zh-hans" dir="auto">肯尼亚国家宽带计划</label>' in html
    # One fieldset with its legend per category.
    assert html.count("<fieldset><legend>") == 2


def test_the_cards_link_to_public_project_pages(client, french):
    contest, s1, s2, s3 = french
    html = client.get(f"/en/prizes/{contest.year}/").content.decode()
    for href in re.findall(r'href="(/en/activities/\d+/)"', html):
        assert client.get(href).status_code == 200, href
