import pytest

from wsis.core.errors import InvalidTransition, PermissionDenied, ServiceError, ValidationFailed
from wsis.core.models import AuditLog
from wsis.stocktaking import selectors
from wsis.stocktaking.models import Activity, ActivityVersion, Transition
from wsis.stocktaking.services import (
    activity_create,
    activity_revise,
    activity_transition,
    activity_update,
    checks,
)
from wsis.testing.factories import publish, published_activity, sample

pytestmark = pytest.mark.django_db


def test_create_and_full_happy_path(reference, people):
    a = activity_create(actor=people["author"], data=sample())
    assert a.state == "draft" and a.text("title", "zh-hans") == "肯尼亚国家宽带计划"
    assert [c for c in checks(a) if c["level"] == "error"] == []
    a = publish(a, by=people["author"], reviewer=people["afr_reviewer"])
    assert a.state == "published" and a.version == 1 and a.published_at
    assert ActivityVersion.objects.filter(activity=a, number=1).exists()
    assert [t.to_state for t in a.transitions.all()] == ["draft", "submitted", "in_review", "published"]
    assert AuditLog.objects.filter(verb__startswith="activity.", target_id=str(a.pk)).count() == 4


@pytest.mark.parametrize("action,state", [("publish", "draft"), ("start_review", "draft"), ("reopen", "draft"),
                                          ("submit", "published"), ("reject", "submitted")])
def test_invalid_transitions_are_409(reference, people, action, state):
    a = activity_create(actor=people["author"], data=sample())
    if state == "published":
        a = publish(a, by=people["author"], reviewer=people["afr_reviewer"])
    elif state == "submitted":
        a = activity_transition(actor=people["author"], activity=a, action="submit")
    with pytest.raises(InvalidTransition) as err:
        activity_transition(actor=people["admin"], activity=a, action=action)
    assert err.value.status == 409 and state in err.value.message
    assert Activity.objects.get(pk=a.pk).state == state


def test_return_needs_a_comment_and_author_fixes(reference, people):
    a = activity_create(actor=people["author"], data=sample())
    a = activity_transition(actor=people["author"], activity=a, action="submit")
    with pytest.raises(ValidationFailed):
        activity_transition(actor=people["afr_reviewer"], activity=a, action="return")
    a = activity_transition(actor=people["afr_reviewer"], activity=a, action="return", comment="Add the budget source.")
    assert a.state == "returned"
    a = activity_update(actor=people["colleague"], activity=a, data=sample(contact_name="B. Focal"))
    a = activity_transition(actor=people["author"], activity=a, action="submit")
    assert a.state == "submitted"
    assert a.transitions.filter(to_state="returned", comment="Add the budget source.").exists()


def test_reviewer_scope(reference, people):
    a = activity_create(actor=people["author"], data=sample())
    a = activity_transition(actor=people["author"], activity=a, action="submit")
    with pytest.raises(PermissionDenied):
        activity_transition(actor=people["eur_reviewer"], activity=a, action="start_review")
    with pytest.raises(PermissionDenied):
        activity_transition(actor=people["author"], activity=a, action="start_review")
    activity_transition(actor=people["bdt_reviewer"], activity=a, action="start_review")


def test_contributors_edit_only_their_organisations_activities(reference, people):
    a = activity_create(actor=people["author"], data=sample())
    with pytest.raises(PermissionDenied):
        activity_update(actor=people["stranger"], activity=a, data=sample())
    with pytest.raises(PermissionDenied):
        activity_create(actor=people["stranger"], data=sample())
    with pytest.raises(PermissionDenied):
        activity_create(actor=people["no_role"], data=sample())
    with pytest.raises(PermissionDenied):
        activity_transition(actor=people["stranger"], activity=a, action="submit")
    a2 = activity_update(actor=people["admin"], activity=a, data=sample(status="planned", start_date="2030-01-01"))
    assert a2.status == "planned"
    assert AuditLog.objects.filter(verb="activity.update", actor=people["admin"]).exists()


def test_checks_block_submission(reference, people):
    a = activity_create(actor=people["author"], data=sample(
        sdg_targets=[], partners=[], status="completed", end_date=None, economies=["KEN", "UGA"]))
    codes = {c["code"] for c in checks(a) if c["level"] == "error"}
    assert {"sdg_target", "partners", "dates", "scope"} <= codes
    with pytest.raises(ServiceError) as err:
        activity_transition(actor=people["author"], activity=a, action="submit")
    assert err.value.status == 409 and err.value.code == "checks_failed"
    assert Activity.objects.get(pk=a.pk).state == "draft"


def test_targets_outside_the_matrix_need_a_justification(reference, people):
    a = activity_create(actor=people["author"], data=sample(sdg_targets=["9.c", "3.8"]))
    assert any(c["code"] == "matrix" for c in checks(a))
    a = activity_update(actor=people["author"], activity=a, data=sample(sdg_targets=["9.c", "3.8"],
                        matrix_justification="Telemedicine links for rural clinics."))
    assert not any(c["code"] == "matrix" for c in checks(a))


def test_bad_input_names_fields_and_writes_nothing(reference, people):
    bad = sample(kind="party", economies=["KEN", "XXX"], action_lines=["C12"], sdg_targets=["9.z"],
                 start_date="2024-13-01", budget_amount="lots", contact_email="nope", texts={"en": {"title": ""}})
    with pytest.raises(ValidationFailed) as err:
        activity_create(actor=people["author"], data=bad)
    fields = {e.field for e in err.value.errors}
    assert {"kind", "economies", "action_lines", "sdg_targets", "start_date", "budget_amount", "contact_email",
            "texts.en.title"} <= fields
    assert not Activity.objects.exists()


def test_revision_keeps_the_published_version_public(reference, people):
    a = published_activity(people["author"], reviewer=people["afr_reviewer"])
    rev = activity_revise(actor=people["author"], activity=a)
    with pytest.raises(InvalidTransition):
        activity_revise(actor=people["author"], activity=a)
    activity_update(actor=people["author"], activity=rev, data=sample(texts={"en": {"title": "National broadband plan for Kenya, phase 2"}}))
    public = selectors.page(None, selectors.Filters(), language="en")
    assert [r["title"] for r in public["results"]] == ["National broadband plan for Kenya"]
    rev = activity_transition(actor=people["author"], activity=rev, action="submit")
    rev = activity_transition(actor=people["afr_reviewer"], activity=rev, action="start_review")
    merged = activity_transition(actor=people["afr_reviewer"], activity=rev, action="publish")
    assert merged.pk == a.pk and merged.version == 2
    assert Activity.objects.get(pk=rev.pk).state == "merged"
    public = selectors.page(None, selectors.Filters(), language="en")
    assert [r["title"] for r in public["results"]] == ["National broadband plan for Kenya, phase 2"]
    assert [v.number for v in ActivityVersion.objects.filter(activity=a)] == [1, 2]
    assert ActivityVersion.objects.get(activity=a, number=1).data["texts"]["en"]["title"] == "National broadband plan for Kenya"


def test_withdraw_published_needs_comment(reference, people):
    a = published_activity(people["author"], reviewer=people["afr_reviewer"])
    with pytest.raises(ValidationFailed):
        activity_transition(actor=people["author"], activity=a, action="withdraw")
    a = activity_transition(actor=people["author"], activity=a, action="withdraw", comment="Duplicate entry.")
    assert a.state == "withdrawn"
    assert selectors.page(None, selectors.Filters(), language="en")["count"] == 0
    a = activity_transition(actor=people["author"], activity=a, action="reopen")
    assert a.state == "draft"
    assert Transition.objects.filter(activity=a).count() == 6


def test_duplicate_warning(reference, people):
    first = published_activity(people["author"], reviewer=people["afr_reviewer"])
    second = activity_create(actor=people["author"], data=sample(texts={"fr": {"title": "Plan national large bande Kenya"},
                                                                         "en": {"title": "National broadband plan - Kenya"}}))
    found = selectors.duplicates(people["author"], second)
    assert found and found[0]["id"] == first.pk and found[0]["similarity"] >= 0.6
    other = activity_create(actor=people["author"], data=sample(texts={"en": {"title": "Cybersecurity drill for CIRTs"}}))
    assert selectors.duplicates(people["author"], other) == []


def test_admin_corrects_a_published_activity_as_a_new_version(reference, people):
    a = published_activity(people["author"], reviewer=people["afr_reviewer"])
    with pytest.raises(InvalidTransition):
        activity_update(actor=people["author"], activity=a, data=sample(contact_name="X"))
    a = activity_update(actor=people["admin"], activity=a, data=sample(contact_name="Corrected"))
    assert a.state == "published" and a.version == 2 and a.contact_name == "Corrected"
    assert AuditLog.objects.filter(verb="activity.correct", target_id=str(a.pk)).exists()


ALL_STEPS = [
    ("draft", "submit", "submitted"), ("returned", "submit", "submitted"), ("submitted", "start_review", "in_review"),
    ("submitted", "return", "returned"), ("in_review", "return", "returned"), ("in_review", "reject", "rejected"),
    ("in_review", "publish", "published"), ("draft", "withdraw", "withdrawn"), ("submitted", "withdraw", "withdrawn"),
    ("in_review", "withdraw", "withdrawn"), ("returned", "withdraw", "withdrawn"), ("published", "withdraw", "withdrawn"),
    ("withdrawn", "reopen", "draft"),
]
PATHS = {
    "draft": [], "submitted": ["submit"], "in_review": ["submit", "start_review"],
    "returned": ["submit", "return"], "published": ["submit", "start_review", "publish"],
    "withdrawn": ["withdraw"],
}


@pytest.mark.parametrize("start,action,end", ALL_STEPS)
def test_every_workflow_step(reference, people, start, action, end):
    from wsis.stocktaking.services import WORKFLOW

    assert sorted(WORKFLOW.steps()) == sorted(ALL_STEPS)
    a = activity_create(actor=people["author"], data=sample())
    for step in PATHS[start]:
        who = "author" if step in ("submit", "withdraw") else "afr_reviewer"
        a = activity_transition(actor=people[who], activity=a, action=step, comment="because")
    assert a.state == start
    who = "author" if action in ("submit", "withdraw", "reopen") else "afr_reviewer"
    a = activity_transition(actor=people[who], activity=a, action=action, comment="because")
    assert a.state == end
    assert a.transitions.last().from_state == start and a.transitions.last().to_state == end
