import pytest

from wsis.stocktaking import selectors
from wsis.stocktaking.services import activity_create
from wsis.testing import factories
from wsis.testing.factories import sample

pytestmark = pytest.mark.django_db

TEXTS = [
    {"en": {"title": "Cybersecurity incident response team for Kenya", "summary": "A national CIRT."}},
    {"zh-hans": {"title": "肯尼亚农村宽带网络", "summary": "为农村学校提供宽带。"}},
    {"ar": {"title": "تعزيز الأمن السيبراني في كينيا", "summary": "بناء القدرات في الأمن السيبراني."}},
    {"ru": {"title": "Широкополосный доступ в сельских районах Кении", "summary": "Подключение школ."}},
    {"fr": {"title": "Plan national large bande du Kenya", "summary": "Appui réglementaire."}},
]


def make(people, texts, publish=True, **over):
    lang = next(iter(texts))
    a = activity_create(actor=people["author"], data=sample(texts=texts, original_language=lang, **over))
    if publish:
        a = factories.publish(a, by=people["author"], reviewer=people["bdt_reviewer"])
    return a


def titles(viewer=None, **kw):
    return {r["title"] for r in selectors.page(viewer, selectors.Filters(**kw), language="en", limit=200)["results"]}


@pytest.fixture
def corpus(reference, people):
    made = [make(people, t) for t in TEXTS]
    hidden = make(people, {"zh-hans": {"title": "草稿：宽带秘密计划"}}, publish=False)
    return made, hidden


@pytest.mark.parametrize("query,expected", [
    ("宽带", "肯尼亚农村宽带网络"),              # 2 Chinese characters
    ("宽带网", "肯尼亚农村宽带网络"),            # 3
    ("农村宽带网络", "肯尼亚农村宽带网络"),      # longer
    ("في", "تعزيز الأمن السيبراني في كينيا"),    # 2 Arabic letters
    ("أمن", "تعزيز الأمن السيبراني في كينيا"),   # 3
    ("السيبراني", "تعزيز الأمن السيبراني في كينيا"),
    ("Ке", "Широкополосный доступ в сельских районах Кении"),  # 2 Cyrillic, case-folded
    ("шир", "Широкополосный доступ в сельских районах Кении"),
    ("широкополосный", "Широкополосный доступ в сельских районах Кении"),
    ("CI", "Cybersecurity incident response team for Kenya"),
    ("cir", "Cybersecurity incident response team for Kenya"),
    ("incident response", "Cybersecurity incident response team for Kenya"),
    ("ÉGLEMENTAIRE", "Plan national large bande du Kenya"),
])
def test_search_in_six_scripts_and_lengths(corpus, query, expected):
    assert expected in titles(q=query)


def test_search_matches_summaries_and_respects_visibility(corpus, people):
    assert titles(q="农村学校") == {"肯尼亚农村宽带网络"}
    assert "草稿：宽带秘密计划" not in titles(q="宽带")
    assert "草稿：宽带秘密计划" in titles(people["author"], q="宽带")
    assert "草稿：宽带秘密计划" not in titles(people["stranger"], q="宽带")
    assert titles(q="no such words at all") == set()


def test_facets_count_only_what_the_viewer_may_see(corpus, people):
    public = selectors.facet_counts(None, selectors.Filters(), "en")
    assert sum(v["count"] for v in public["kind"]) == 5
    mine = selectors.facet_counts(people["author"], selectors.Filters(), "en")
    assert sum(v["count"] for v in mine["kind"]) == 6
    region = {v["code"]: v for v in public["region"]}
    assert region["AFR"]["count"] == 5 and region["AFR"]["label"] == "Africa"
    assert {v["code"] for v in public["role"]} >= {"sole_facilitator"}
    goal = {v["code"]: v["count"] for v in public["goal"]}
    assert goal["9"] == 5
    assert {v["code"] for v in public["group"]} >= {"DEVELOPING"}


def test_filters_combine(corpus, people):
    make(people, {"en": {"title": "Regional CIRT drill in Europe"}}, economies=["FRA", "DEU"], scope="regional")
    f = selectors.Filters(values={"region": ["EUR"]})
    assert titles(**f.__dict__) == {"Regional CIRT drill in Europe"}
    assert titles(values={"region": ["EUR", "AFR"], "economy": ["DEU"]}) == {"Regional CIRT drill in Europe"}
    assert titles(values={"line": ["C2"], "goal": ["17"]}, q="kenya") >= {"Plan national large bande du Kenya"}
    assert titles(values={"status": ["completed"]}) == set()


def test_keyset_pagination_walks_everything_once(reference, people):
    for i in range(23):
        make(people, {"en": {"title": f"Activity number {i:02d}"}}, start_date=f"2024-01-{i % 5 + 1:02d}")
    for sort in selectors.SORTS:
        seen, cursor = [], None
        while True:
            p = selectors.page(None, selectors.Filters(sort=sort), language="en", limit=5, cursor=cursor)
            seen += [r["id"] for r in p["results"]]
            cursor = p["next"]
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == 23, sort
    by_title = selectors.page(None, selectors.Filters(sort="title"), language="en", limit=30)["results"]
    assert [r["title"] for r in by_title] == sorted(r["title"] for r in by_title)


def test_broken_cursor_is_a_clear_error(reference):
    from wsis.core.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as err:
        selectors.page(None, selectors.Filters(), language="en", cursor="%%%")
    assert err.value.errors[0].field == "cursor"
