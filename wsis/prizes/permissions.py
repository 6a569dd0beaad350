"""Who may do what in the WSIS Prizes; the services call these."""

from wsis.accounts.permissions import is_bdt_admin
from wsis.stocktaking.permissions import is_author_side


def can_contest_manage(user) -> bool:
    return is_bdt_admin(user)


def can_submission_create(user, activity) -> bool:
    return is_bdt_admin(user) or is_author_side(user, activity)


def expert_seat(user, contest):
    if not getattr(user, "is_authenticated", False):
        return None
    return contest.experts.filter(user=user).first()


def is_insider(user, contest) -> bool:
    """BDT administrators and the contest's expert group: they see every entry with its votes and scores."""
    return is_bdt_admin(user) or expert_seat(user, contest) is not None


def can_nominate(user, contest) -> bool:
    seat = expert_seat(user, contest)
    return is_bdt_admin(user) or bool(seat and seat.is_chair)


def can_vote(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.email_verified_at)


def can_vote_invalidate(user) -> bool:
    return is_bdt_admin(user)
