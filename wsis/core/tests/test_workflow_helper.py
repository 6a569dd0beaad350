"""The workflow helper's table: what it accepts, what it answers, and that every record's workflow declares its
transitions in it."""

import pytest

from wsis.core.errors import ErrorCode, ValidationFailed
from wsis.core.workflow import Workflow, step

STATES = {"draft": "Draft", "sent": "Sent", "done": "Done"}


def table(**kw):
    return Workflow("letter", STATES, [
        step("send", "draft", "sent", may=lambda actor, obj: actor == "author"),
        step("close", ["draft", "sent"], "done", guard=lambda obj, ctx: "not yet" if ctx.get("early") else None),
    ], **kw)


class Letter:
    def __init__(self, state):
        self.state = state


def test_the_table_answers_actions_sources_targets_and_steps():
    wf = table()
    assert wf.actions == ["send", "close"]
    assert wf.sources("close") == ["draft", "sent"] and wf.target("close") == "done"
    assert wf.steps() == [("draft", "send", "sent"), ("draft", "close", "done"), ("sent", "close", "done")]
    assert wf.transition("send", "sent") is None and wf.transition("send", "draft").target == "sent"


def test_available_follows_state_guard_and_who_may():
    wf = table()
    assert wf.available("author", Letter("draft")) == ["send", "close"]
    assert wf.available("reader", Letter("draft")) == ["close"]
    assert wf.available("author", Letter("draft"), {"early": True}) == ["send"]
    assert wf.available("author", Letter("done")) == []


def test_an_unknown_action_is_refused_with_its_code():
    with pytest.raises(ValidationFailed) as exc:
        table().check_action("burn")
    assert exc.value.errors[0].code is ErrorCode.INVALID_CHOICE and exc.value.errors[0].field == "action"
    assert "use one of send, close" in exc.value.errors[0].message


def test_refusal_messages():
    assert table().refusal(Letter("done"), "send", "done") == "Cannot send a letter that is done; it must be draft."
    wf = table(refused=lambda obj, action, state, sources: f"{state}: {action} needs {'/'.join(sources)}")
    assert wf.refusal(Letter("done"), "close", "done") == "done: close needs draft/sent"


def test_a_table_naming_unknown_states_or_leaving_a_state_twice_is_refused():
    with pytest.raises(ValueError, match="unknown states"):
        Workflow("letter", STATES, [step("send", "draft", "lost")])
    with pytest.raises(ValueError, match="twice"):
        Workflow("letter", STATES, [step("send", "draft", "sent"), step("send", "draft", "done")])


def test_the_pages_tables_agree_with_the_workflows():
    from wsis.partnerships import codes
    from wsis.partnerships.cooperation.services import REQUEST_WORKFLOW
    from wsis.partnerships.funding.services import AGREEMENT_WORKFLOW

    for wf, actions in ((AGREEMENT_WORKFLOW, codes.AGREEMENT_ACTIONS), (REQUEST_WORKFLOW, codes.REQUEST_ACTIONS)):
        assert {a: (set(wf.sources(a)), wf.target(a)) for a in wf.actions} == actions
