"""The WSIS Prizes' read contracts (see wsis.core.lists): a contest's entries and its results, each under the
contest's year (`/prizes/contests/{year}/...`)."""

from ninja import Schema

from wsis.core.lists import ListContract
from wsis.prizes import selectors
from wsis.prizes.schemas import SubmissionOut

API = "/api/v1/prizes/contests/{year}"


class ResultRow(SubmissionOut):
    """A winner or champion of a category, with its valid votes and mean expert score."""


class SubmissionFilters(Schema):
    category: str | None = None


class SubmissionParams(SubmissionFilters):
    year: int = 0


class ResultFilters(Schema):
    region: str | None = None


class ResultParams(ResultFilters):
    year: int = 0


def _submissions(viewer, p: SubmissionParams, language: str) -> list[dict]:
    return selectors.submission_list(selectors.contest_get(p.year), viewer, language, category=p.category or None)


def _results(viewer, p: ResultParams, language: str) -> list[dict]:
    return selectors.results(selectors.contest_get(p.year), language, region=p.region or None)


SUBMISSIONS = ListContract(
    name="prizes.submissions", row=SubmissionOut, params=SubmissionParams, select=_submissions,
    filename="wsis-prizes-{year}-submissions", api_path=API + "/submissions", page="web:prize_contest",
    page_kwargs={"year": 2025}, examples=[{}, {"category": "C2"}])

RESULTS = ListContract(
    name="prizes.results", row=ResultRow, params=ResultParams, select=_results, formats=("json", "csv"),
    filename="wsis-prizes-{year}-results", api_path=API + "/results", page="web:prize_results",
    page_kwargs={"year": 2023}, examples=[{}, {"region": "AFR"}])
