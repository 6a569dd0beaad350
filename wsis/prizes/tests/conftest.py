import pytest

from wsis.prizes import services
from wsis.testing.factories import WORDS_170, make_contest, published_activity, shift_contest


@pytest.fixture
def entries(reference, people):
    """A contest in review with two nominated entries in C2 and one in C5."""
    contest = make_contest(people["admin"])
    from wsis.accounts.services import organisation_create

    a1 = published_activity(people["admin"], external_id="P-1")
    other_org = organisation_create(actor=people["admin"], name="Operator (test)", kind="private_sector")
    a2 = published_activity(people["admin"], external_id="P-2", lead_organisation={"name": other_org.name},
                            texts={"en": {"title": "Satellite backhaul"}})
    a3 = published_activity(people["admin"], external_id="P-3", action_lines=["C5", "C2"],
                            sdg_targets=["16.10", "9.c"], texts={"en": {"title": "National CIRT"}},
                            matrix_justification="x")
    c2 = contest.categories.get(code="C2")
    c5 = contest.categories.get(code="C5")
    s1 = services.submission_create(actor=people["author"], contest=contest, category=c2, activity=a1,
                                    description=WORDS_170, language="en")
    s2 = services.submission_create(actor=people["admin"], contest=contest, category=c2, activity=a2,
                                    description=WORDS_170, language="en")
    s3 = services.submission_create(actor=people["author"], contest=contest, category=c5, activity=a3,
                                    description=WORDS_170, language="en")
    shift_contest(contest, "review")
    services.nominate(actor=people["admin"], submissions=[s1, s2, s3])
    shift_contest(contest, "voting")
    return contest, s1, s2, s3
