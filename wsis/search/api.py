"""`GET /api/v1/search`: the site search, also the as-you-type suggestions of the header's search box."""

from typing import Annotated

from ninja import Query, Router
from pydantic import Field

from wsis.core.bounds import SEARCH_QUERY_MAX
from wsis.core.i18n import language_param
from wsis.core.schemas import READ_ERRORS, Lang
from wsis.search import selectors
from wsis.search.schemas import Kind, SearchAnswer

router = Router(tags=["search"])


@router.get("", response={200: SearchAnswer, **READ_ERRORS}, summary="Search the whole site",
            description=(
                "Activities, economies, indicators, organisations, action lines and SDG goals and targets, "
                "contributions and plan outputs, grouped by kind with a count and the first matches of each. "
                "An economy is found by its name in any of the six languages or its ISO code, and brings its "
                "activities; words match their other forms in Russian, French, Spanish, English and Arabic and "
                "ignore case and accents. Only what the caller may see is counted (published activities for the "
                "public). Suggestions as you type: `limit=5`."))
def site_search(request,
                q: Annotated[str, Field(min_length=1, max_length=SEARCH_QUERY_MAX,
                                        description=f"The words to find, 1–{SEARCH_QUERY_MAX} characters.")],
                lang: Lang = "en",
                kinds: list[Kind] = Query([], description="Only these kinds (repeat the key); every kind when absent."),
                limit: Annotated[int, Field(ge=1, le=selectors.LIMIT_MAX, description="Hits per group.")] = selectors.PAGE_LIMIT):
    viewer = request.user if request.user.is_authenticated else None
    answer = selectors.search(viewer, q, language=language_param(lang), kinds=kinds, limit=limit)
    return answer
