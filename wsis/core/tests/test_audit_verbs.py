"""Audit verbs have one form, `<entity>.<verb>`: the record's kind (snake_case), a dot, the action (snake_case),
never an app's name in place of the record's."""

import ast
import pathlib
import re

from django.apps import apps

ROOT = pathlib.Path(__file__).resolve().parents[3]
VERB = re.compile(r"^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$")
# Verbs still to be brought into the form by the reminders' own change.
def _not_entities() -> set[str]:
    return {a.label for a in apps.get_app_configs()} | {"wsis", "core", "web"}


def _audit_verbs():
    for path in sorted((ROOT / "wsis").rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            f = getattr(node, "func", None)
            if not (isinstance(node, ast.Call) and getattr(f, "id", getattr(f, "attr", None)) == "audit"):
                continue
            for k in node.keywords:
                if k.arg == "verb":
                    values = [k.value.body, k.value.orelse] if isinstance(k.value, ast.IfExp) else [k.value]
                    for v in values:
                        yield f"{path.relative_to(ROOT)}:{node.lineno}", v


def test_every_literal_verb_is_entity_dot_verb():
    bad, seen = [], 0
    for where, v in _audit_verbs():
        if isinstance(v, ast.Constant):
            seen += 1
            if not VERB.match(v.value) or v.value.split(".")[0] in _not_entities():
                bad.append((where, v.value))
        elif isinstance(v, ast.JoinedStr):
            head = v.values[0]
            if isinstance(head, ast.Constant):  # f"activity.{action}": the entity is written out
                seen += 1
                entity = head.value
                if not re.match(r"^[a-z]+(_[a-z]+)*\.$", entity) or entity[:-1] in _not_entities():
                    bad.append((where, entity))
    assert seen > 40
    assert not bad, f"audit verbs not in the form <entity>.<verb>: {bad}"


def test_workflow_verbs_are_entity_dot_verb():
    from wsis.partnerships.cooperation.services import REQUEST_WORKFLOW
    from wsis.partnerships.funding.services import AGREEMENT_WORKFLOW
    from wsis.planning.services import PLAN_WORKFLOW, UPDATE_WORKFLOW
    from wsis.prizes.services import CONTEST_WORKFLOW, SUBMISSION_WORKFLOW
    from wsis.stocktaking.services import WORKFLOW

    for wf in (WORKFLOW, AGREEMENT_WORKFLOW, REQUEST_WORKFLOW, PLAN_WORKFLOW, UPDATE_WORKFLOW, CONTEST_WORKFLOW,
               SUBMISSION_WORKFLOW):
        assert wf.entity not in _not_entities()
        for action in wf.actions:
            assert VERB.match(f"{wf.entity}.{action}"), (wf.entity, action)
