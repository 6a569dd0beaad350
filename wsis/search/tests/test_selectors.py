import pytest

from wsis.core.errors import ValidationFailed
from wsis.core.words import forms, matches, query_forms, stems_line, text_words
from wsis.search import selectors
from wsis.stocktaking.services import activity_create
from wsis.testing import factories
from wsis.testing.factories import sample

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    selectors._cache.clear()


def make(people, texts, *, publish=True, economies=("KEN",)):
    lang = next(iter(texts))
    a = activity_create(actor=people["author"], data=sample(texts=texts, original_language=lang, economies=list(economies)))
    if publish:
        a = factories.publish(a, by=people["author"], reviewer=people["bdt_reviewer"])
    return a


def group(answer, kind):
    return next((g for g in answer["groups"] if g.kind == kind), None)


@pytest.mark.parametrize("query", ["Кения", "Кении", "Кенией", "肯尼亚", "كينيا", "kenya", "KENYA", "Kenia", "Kénya", "KEN"])
def test_an_economy_is_found_by_its_name_in_any_language_and_word_form(reference, query):
    answer = selectors.search(None, query, language="en", kinds=["economies"])
    economies = group(answer, "economies")
    assert economies is not None and economies.hits[0].code == "KEN", query
    assert economies.hits[0].title == "Kenya" and economies.hits[0].url == "/en/economies/KEN/"


def test_the_economy_title_is_in_the_page_language(reference):
    hit = group(selectors.search(None, "kenya", language="ru", kinds=["economies"]), "economies").hits[0]
    assert (hit.title, hit.url) == ("Кения", "/ru/economies/KEN/")


def test_an_economy_name_brings_the_economy_s_activities(reference, people):
    in_kenya = make(people, {"en": {"title": "Rural schools online", "summary": "Fibre to schools."}})
    elsewhere = make(people, {"en": {"title": "Rural schools online too", "summary": "Fibre."}}, economies=("GHA",))
    for query in ("Кения", "肯尼亚", "كينيا"):
        acts = group(selectors.search(None, query, language="en", kinds=["activities"]), "activities")
        ids = {int(h.code) for h in acts.hits}
        assert in_kenya.pk in ids and elsewhere.pk not in ids, query


@pytest.mark.parametrize("query,title", [
    ("télécommunication", "Services de télécommunications d'urgence"),     # singular finds the plural
    ("telecommunications", "Services de télécommunications d'urgence"),    # without accents
    ("política", "Políticas públicas de accesibilidad"),                   # Spanish inflection
    ("politicas publicas", "Políticas públicas de accesibilidad"),
    ("широкополосным", "Широкополосный доступ в сельских районах"),        # Russian case ending
    ("policies", "Broadband policy review"),                               # English plural
])
def test_activity_texts_match_other_word_forms(reference, people, query, title):
    for texts in ({"fr": {"title": "Services de télécommunications d'urgence"}},
                  {"es": {"title": "Políticas públicas de accesibilidad"}},
                  {"ru": {"title": "Широкополосный доступ в сельских районах"}},
                  {"en": {"title": "Broadband policy review"}}):
        make(people, texts, economies=("GHA",))
    hits = group(selectors.search(None, query, language="en", kinds=["activities"]), "activities").hits
    assert [h.title for h in hits] == [title]


def test_a_draft_never_appears_for_the_public_but_does_for_its_author(reference, people):
    make(people, {"en": {"title": "Secret quantum broadband draft"}}, publish=False)
    assert selectors.search(None, "quantum", language="en")["groups"] == []
    assert selectors.search(None, "Кения", language="en", kinds=["activities"])["groups"] == []
    mine = group(selectors.search(people["author"], "quantum", language="en"), "activities")
    assert mine.count == 1 and "Draft" in mine.hits[0].context


def test_each_group_is_cut_to_the_limit_and_points_to_the_full_list(reference, people):
    for i in range(7):
        make(people, {"en": {"title": f"Satellite backhaul pilot {i}"}})
    acts = group(selectors.search(None, "satellite", language="en", limit=5), "activities")
    assert acts.count == 7 and len(acts.hits) == 5
    assert acts.more_url == "/en/activities/?q=satellite"
    whole = group(selectors.search(None, "satellite", language="en", limit=20), "activities")
    assert len(whole.hits) == 7 and whole.more_url == ""
    # Kenya's activities: the full list is the registry filtered by the economy.
    ken = group(selectors.search(None, "Кения", language="en", limit=5), "activities")
    assert ken.count == 7 and ken.more_url == "/en/activities/?economy=KEN"


def test_frameworks_indicators_and_organisations(reference, people):
    frameworks = group(selectors.search(None, "C7", language="en"), "frameworks")
    assert frameworks.hits[0].code == "C7" and frameworks.hits[0].url == "/en/action-lines/#line-C7"
    target = group(selectors.search(None, "9.c", language="fr"), "frameworks").hits[0]
    assert target.url == "/fr/sdgs/9/#t9.c"
    orgs = group(selectors.search(None, "ministry", language="en", kinds=["organisations"]), "organisations")
    assert "Ministry of ICT (test)" in [h.title for h in orgs.hits]


def test_bad_input_names_the_field(reference):
    with pytest.raises(ValidationFailed) as exc:
        selectors.search(None, "   ", language="en")
    assert exc.value.errors[0].field == "q"
    with pytest.raises(ValidationFailed) as exc:
        selectors.search(None, "x" * 101, language="en")
    assert exc.value.errors[0].field == "q"
    with pytest.raises(ValidationFailed) as exc:
        selectors.search(None, "kenya", language="en", kinds=["planets"])
    assert exc.value.errors[0].field == "kinds"


def test_word_forms():
    assert forms("Кении") & forms("Кения")
    assert forms("télécommunications") & forms("telecommunication")
    assert "polit" in stems_line("Las políticas")
    words, folded = text_words("الكينية")
    assert matches(query_forms("كينية"), words, folded)
    words, folded = text_words("Enabling environment")
    assert not matches(query_forms("kenya"), words, folded)


def test_a_prefix_of_many_economies_does_not_bring_their_activities(reference, people):
    make(people, {"en": {"title": "Rural schools online"}}, economies=("MLI",))
    answer = selectors.search(None, "ma", language="en")
    assert len(group(answer, "economies").hits) > 1
    assert group(answer, "activities") is None
    # One economy fits the word: its activities come along.
    assert group(selectors.search(None, "Мали", language="en"), "activities").count == 1
