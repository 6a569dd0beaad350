"""The WSIS Prizes API's shapes: what it accepts and every answer it gives."""

from ninja import Schema

from wsis.core.bounds import Id


class ContestOut(Schema):
    year: int
    title: str
    phase: str
    phase_label: str
    submission_opens: str
    voting_opens: str
    voting_closes: str
    is_demo: bool


class SubmissionOut(Schema):
    id: int
    category: str
    category_name: str
    activity: int
    title: str
    organisation: str
    regions: list[str]
    state: str
    state_label: str
    description: str
    language: str
    votes: int | None = None
    score: float | None = None


class SubmissionIn(Schema):
    category: str
    activity: Id
    description: str
    language: str = "en"


class ScoreIn(Schema):
    value: int
    comment: str = ""


class ReasonIn(Schema):
    reason: str


class NominateIn(Schema):
    submissions: list[int]
    nominated: bool = True


class InvalidateIn(Schema):
    votes: list[int]
    reason: str


class VoteOut(Schema):
    id: int
    submission: int
    category: str
    flagged: str


class ScoreOut(Schema):
    submission: int
    value: int


class ConflictOut(Schema):
    submission: int
    declared: bool


class NominateOut(Schema):
    """`nominated` (the entries put on the shortlist) or `removed` (taken off it), whichever was asked."""

    nominated: list[int] | None = None
    removed: list[int] | None = None


class InvalidateOut(Schema):
    invalidated: int


class WinnerOut(Schema):
    winner: int
    category: str
