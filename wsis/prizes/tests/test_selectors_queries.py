"""The entries list reads a fixed number of queries, however many entries a contest has."""

import pytest

from wsis.prizes import lists
from wsis.testing.factories import WORDS_170, make_contest, sample

pytestmark = pytest.mark.django_db

BOUND = 6  # contest, entries with votes and scores, their texts, regions, action-line names and their texts


def _contest_with(people, n: int):
    from wsis.accounts.models import Organisation
    from wsis.prizes.models import Score, Submission
    from wsis.stocktaking.models import Activity
    from wsis.stocktaking.services import activities_import

    contest = make_contest(people["admin"], year=2030 + n)
    activities_import(actor=people["admin"], publish=True, items=[
        ("t", sample(external_id=f"Q-{n}-{i}", economies=["KEN"],
                     texts={"en": {"title": f"Project {i}"}})) for i in range(n)])
    categories = list(contest.categories.all())
    subs = []
    for i, activity in enumerate(Activity.objects.filter(external_id__startswith=f"Q-{n}-").order_by("pk")):
        org = Organisation.objects.create(name=f"Entrant {n}-{i} (test)", kind="private_sector")
        subs.append(Submission(contest=contest, category=categories[i % len(categories)], activity=activity,
                               organisation=org, description=WORDS_170, language="en",
                               state="nominated" if i % 2 else "submitted"))
    Submission.objects.bulk_create(subs)
    from wsis.prizes.models import Expert

    seat = Expert.objects.create(contest=contest, user=people["admin"])
    Score.objects.bulk_create([Score(expert=seat, submission=s, value=7) for s in Submission.objects.filter(
        contest=contest)])
    return contest


@pytest.mark.parametrize("n", [2, 20])
@pytest.mark.parametrize("who", ["public", "admin"])
def test_submissions_read_a_fixed_number_of_queries(reference, people, django_assert_max_num_queries, n, who):
    contest = _contest_with(people, n)
    viewer = people["admin"] if who == "admin" else None
    params = lists.SubmissionParams(year=contest.year)
    with django_assert_max_num_queries(BOUND):  # the same for the public and for an administrator
        rows = lists.SUBMISSIONS.rows(viewer, params, "en")
    assert len(rows) == (n if viewer else n // 2)
    if viewer:
        assert all(r["score"] == 7 for r in rows)
