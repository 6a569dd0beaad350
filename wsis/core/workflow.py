"""One way to declare and take the steps of a record's life (activities, agreements, assistance requests,
progress updates, prize contests and submissions).

A `Workflow` names the record (`entity`, the first half of its audit verbs), its states, and its transitions. Each
`Transition` says its action, the states it leaves from, the state it leads to, who may take it (a predicate on
actor and record), what must hold at that moment (`guard`, refused with InvalidTransition) and what is checked
(`checks`, a function returning problems, refused with ValidationFailed or the transition's own `failure`).

`Workflow.apply()` takes one step: it refuses an unknown action (ValidationFailed, `invalid_choice`), and then,
in one transaction on the locked record, a step impossible from the current state (InvalidTransition, 409), an
actor who may not take it (PermissionDenied, 403), a failed guard (InvalidTransition) and failed checks; it
then changes the record, records the step in its history and writes one audit row `<entity>.<action>`.
`Workflow.available()` lists the actions an actor may take now, for pages and API answers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from wsis.core.audit import audit
from wsis.core.errors import (
    ErrorCode,
    ErrorItem,
    InvalidTransition,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)

Problems = list[ErrorItem]


def anyone(actor, obj) -> bool:
    return True


@dataclass(frozen=True)
class Transition:
    """One step: `action` from any of `sources` to `target`.

    - `may(actor, obj) -> bool`: who may take it; `denied` is the refusal's message (a text, or a function of
      actor and record when the reason depends on them).
    - `guard(obj, ctx) -> str | None`: a condition of the moment (a phase, a locked period); the text refuses.
    - `checks(obj, ctx) -> list[ErrorItem]`: what must be right before the step; problems refuse it with
      `failure(problems)` (ValidationFailed by default).
    - `refused`: the message when the record is in none of `sources`; `{state}`, `{sources}` and `{action}` are
      filled in (the workflow's own message when empty).
    """

    action: str
    sources: frozenset[str]
    target: str
    may: Callable[[Any, Any], bool] = anyone
    denied: str | Callable[[Any, Any], str] = "You do not have permission to do this."
    guard: Callable[[Any, dict], str | None] | None = None
    checks: Callable[[Any, dict], Problems] | None = None
    failure: Callable[[Problems], ServiceError] | None = None
    refused: str = ""

    def __post_init__(self):
        object.__setattr__(self, "sources", frozenset(self.sources))

    def denial(self, actor, obj) -> str:
        return self.denied(actor, obj) if callable(self.denied) else self.denied


def step(action: str, sources: Iterable[str] | str, target: str, **kw) -> Transition:
    """A Transition; `sources` may be one state."""
    return Transition(action, frozenset([sources] if isinstance(sources, str) else sources), target, **kw)


@dataclass
class Workflow:
    """The states and transitions of one kind of record.

    - `field`: the attribute holding the state; `state_of(obj, ctx)` instead when the state is computed.
    - `lock(obj)`: the record read again under a row lock (by default `select_for_update` on its primary key).
    - `change(obj, transition, ctx)`: what the step does to the record (by default: set `field` and save); it
      returns the record the caller gets back (a published revision answers its original, for instance).
    - `record(obj, before, transition, actor, ctx)`: the row of the record's own history of steps.
    - `audit_before(...)`, `audit_after(obj, before, transition, ctx)`: the `before` and `after` of the audit row
      (by default the old and the new state).
    - `refused(obj, action, state, sources)`: the message of a step impossible from the current state.
    """

    entity: str
    states: dict
    transitions: list[Transition]
    field: str = "state"
    state_of: Callable[[Any, dict], str] | None = None
    lock: Callable[[Any], Any] | None = None
    change: Callable[[Any, Transition, dict], Any] | None = None
    record: Callable[[Any, str, Transition, Any, dict], None] | None = None
    audit_before: Callable[[Any, str, Transition, dict], dict | None] | None = None
    audit_after: Callable[[Any, str, Transition, dict], dict] | None = None
    refused: Callable[[Any, str, str, list[str]], str] | None = None
    unknown: str = "Unknown action '{action}'; use one of {actions}."
    _by_action: dict = dataclasses.field(init=False, repr=False)

    def __post_init__(self):
        self._by_action = {}
        for t in self.transitions:
            unknown = ({t.target} | set(t.sources)) - set(self.states)
            if unknown:
                raise ValueError(f"{self.entity} workflow: {t.action} names unknown states {sorted(unknown)}")
            self._by_action.setdefault(t.action, []).append(t)
            if len([s for x in self._by_action[t.action] for s in x.sources]) != len(
                    {s for x in self._by_action[t.action] for s in x.sources}):
                raise ValueError(f"{self.entity} workflow: {t.action} leaves one state twice")

    @property
    def actions(self) -> list[str]:
        """Every action, in the order of the table."""
        return list(self._by_action)

    def steps(self) -> list[tuple[str, str, str]]:
        """Every (from state, action, to state) of the table."""
        return [(s, t.action, t.target) for t in self.transitions for s in sorted(t.sources)]

    def sources(self, action: str) -> list[str]:
        """The states `action` leaves from, in the order of the table."""
        return [s for t in self._by_action.get(action, []) for s in sorted(t.sources)]

    def target(self, action: str) -> str:
        """The state `action` leads to (the first one's, when the table gives several)."""
        return self._by_action[action][0].target

    def state(self, obj, ctx: dict | None = None) -> str:
        return self.state_of(obj, ctx or {}) if self.state_of else getattr(obj, self.field)

    def transition(self, action: str, state: str) -> Transition | None:
        return next((t for t in self._by_action.get(action, []) if state in t.sources), None)

    def available(self, actor, obj, ctx: dict | None = None) -> list[str]:
        """The actions `actor` may take on `obj` now (checks are left to the step itself)."""
        state = self.state(obj, ctx)
        out = []
        for action in self._by_action:
            t = self.transition(action, state)
            if t is None or (t.guard and t.guard(obj, ctx or {})) or not t.may(actor, obj):
                continue
            out.append(action)
        return out

    def check_action(self, action: str) -> None:
        """Refuse an action the table does not know (ValidationFailed, `invalid_choice`)."""
        if action not in self._by_action:
            raise ValidationFailed([ErrorItem(ErrorCode.INVALID_CHOICE, self.unknown.format(
                action=action, actions=", ".join(self.actions)), field="action")])

    def refusal(self, obj, action: str, state: str) -> str:
        sources = self.sources(action)
        template = self._by_action[action][0].refused
        if template:
            return template.format(state=state, sources=" or ".join(sources), action=action)
        if self.refused:
            return self.refused(obj, action, state, sources)
        return f"Cannot {action.replace('_', ' ')} a {self.entity} that is {state}; it must be {' or '.join(sources)}."

    def apply(self, *, actor, obj, action: str, ctx: dict | None = None):
        """Take the step `action` on `obj` as `actor`: check, change, record and audit in one transaction."""
        self.check_action(action)
        ctx = {} if ctx is None else ctx
        given = obj
        with transaction.atomic():
            obj = self._lock(obj)
            before = self.state(obj, ctx)
            t = self.transition(action, before)
            if t is None:
                raise InvalidTransition(self.refusal(obj, action, before))
            if not t.may(actor, obj):
                raise PermissionDenied(t.denial(actor, obj))
            message = t.guard(obj, ctx) if t.guard else None
            if message:
                raise InvalidTransition(message)
            problems = t.checks(obj, ctx) if t.checks else []
            if problems:
                raise (t.failure or ValidationFailed)(problems)
            result = (self.change or self._set_state)(obj, t, ctx)
            if self.record:
                self.record(obj, before, t, actor, ctx)
            old = self.audit_before(obj, before, t, ctx) if self.audit_before else {self.field: before}
            after = self.audit_after(obj, before, t, ctx) if self.audit_after else {self.field: self.state(obj, ctx)}
            audit(actor=actor, verb=f"{self.entity}.{action}", target=obj, before=old, after=after)
        if given is not obj and hasattr(obj, "_meta"):  # the caller's instance shows the step too
            for f in obj._meta.concrete_fields:
                setattr(given, f.attname, getattr(obj, f.attname))
        return obj if result is None else result

    def _lock(self, obj):
        if self.lock:
            return self.lock(obj)
        return type(obj).objects.select_for_update().get(pk=obj.pk)

    def _set_state(self, obj, t: Transition, ctx: dict):
        setattr(obj, self.field, t.target)
        obj.save()
        return obj
