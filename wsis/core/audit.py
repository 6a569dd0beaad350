"""Writing audit rows; every service calls `audit()` inside its transaction."""

from typing import Any

from django.db import transaction

from wsis.core.models import AuditLog


def actor_label(actor: Any) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return getattr(actor, "get_username", lambda: str(actor))()


def audit(*, actor: Any, verb: str, target: Any, before: dict | None = None, after: dict | None = None) -> AuditLog:
    """Record a change. Must run inside the caller's atomic block so both commit or neither."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit() must be called inside transaction.atomic()")
    user = actor if getattr(actor, "pk", None) and hasattr(actor, "get_username") else None
    if isinstance(target, tuple):
        target_type, target_id, target_repr = target
    else:
        target_type = f"{target._meta.app_label}.{target._meta.model_name}"
        target_id = str(target.pk)
        target_repr = str(target)[:300]
    return AuditLog.objects.create(
        actor=user,
        actor_label=actor_label(actor),
        verb=verb,
        target_type=target_type,
        target_id=target_id,
        target_repr=target_repr,
        before=before,
        after=after,
    )
