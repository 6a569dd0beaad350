"""Reminders before deadlines and for missing or returned updates: an in-app list and one e-mail per person.

`reminders_send()` is a daily sweep (`wsis plan remind`, from cron or a timer). Each reminder has a key, so
running it twice on a day, or every day, never repeats one: a person hears about a milestone once when it
enters the 30-day window, once more at 7 days, and once when it is late.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wsis.accounts.models import Role, User
from wsis.core.audit import audit
from wsis.core.errors import NotFound, PermissionDenied
from wsis.planning import selectors
from wsis.planning import status as st
from wsis.planning.models import Plan, Reminder, UpdateStep

WINDOWS = sorted(getattr(settings, "WSIS_REMINDER_DAYS", [30, 7]), reverse=True)


def _window(days_left: int) -> int | None:
    """The narrowest reminder window the date falls in (30, then 7 days by default)."""
    inside = [w for w in WINDOWS if 0 <= days_left <= w]
    return min(inside) if inside else None


def recipients(office) -> list[User]:
    """The staff of the responsible office, and for a regional office its region's regional officers."""
    users = {u.pk: u for u in User.objects.filter(organisation=office, is_active=True)}
    if office.kind == "regional_office" and office.region_id:
        for u in User.objects.filter(is_active=True, roles__role=Role.REGIONAL_OFFICER, roles__region=office.region_id):
            users[u.pk] = u
    return list(users.values())


def due_reminders(plan: Plan, today: dt.date) -> list[dict]:
    """What the office of each output should hear about today, with its idempotency key."""
    view = selectors.evaluate(plan, language="en", today=today)
    items = []
    for o in view.outputs():
        out = o.output
        base = {"output": out, "params": {"plan": plan.code, "output": out.code}}
        for m in o.milestones:
            ms = m.milestone
            if m.status == st.DONE:
                continue
            if m.status == st.LATE:
                items.append({**base, "kind": "milestone_late", "key": f"ms:{ms.pk}:late", "due": ms.due,
                              "params": {**base["params"], "milestone": ms.pk}})
            elif (w := _window((ms.due - today).days)) is not None:
                items.append({**base, "kind": "milestone_due", "key": f"ms:{ms.pk}:{ms.due}:{w}", "due": ms.due,
                              "params": {**base["params"], "milestone": ms.pk}})
        for k in o.kpis:
            kpi = k.kpi
            if k.status == st.DONE:
                continue
            if today > kpi.deadline:
                items.append({**base, "kind": "kpi_late", "key": f"kpi:{kpi.pk}:late", "due": kpi.deadline,
                              "params": {**base["params"], "kpi": kpi.code}})
            elif (w := _window((kpi.deadline - today).days)) is not None:
                items.append({**base, "kind": "kpi_deadline", "key": f"kpi:{kpi.pk}:{kpi.deadline}:{w}",
                              "due": kpi.deadline, "params": {**base["params"], "kpi": kpi.code}})
        for p in view.periods:
            if p.is_locked or p.end > today + dt.timedelta(days=min(WINDOWS)):
                continue
            state = o.updates.get(p.code)
            if state in ("submitted", "approved"):
                continue
            late = today > p.due
            if not late and (p.due - today).days > min(WINDOWS):
                continue
            items.append({**base, "kind": "update_missing" if late else "update_due",
                          "key": f"upd:{out.pk}:{p.pk}:{'late' if late else 'due'}", "due": p.due,
                          "params": {**base["params"], "period": p.code}})
    returned = UpdateStep.objects.filter(to_state="returned", update__state="returned",
                                         update__output__objective__plan=plan).select_related("update__period",
                                                                                              "update__output")
    for step in returned:
        u = step.update
        items.append({"output": u.output, "kind": "update_returned", "key": f"ret:{u.pk}:{step.pk}", "due": u.period.due,
                      "params": {"plan": plan.code, "output": u.output.code, "period": u.period.code,
                                 "comment": step.comment[:500]}})
    return items


def reminder_text(r: Reminder) -> str:
    """The reminder in the active language."""
    p = r.params
    days = (r.due - timezone.localdate()).days
    if r.kind == "milestone_due":
        return ngettext("Output %(output)s: a milestone is due on %(due)s (in %(days)d day).",
                        "Output %(output)s: a milestone is due on %(due)s (in %(days)d days).",
                        days) % {"output": p["output"], "due": r.due.isoformat(), "days": days}
    if r.kind == "milestone_late":
        return _("Output %(output)s: a milestone due on %(due)s is not completed.") % {
            "output": p["output"], "due": r.due.isoformat()}
    if r.kind == "kpi_deadline":
        return ngettext("Output %(output)s: KPI %(kpi)s has its deadline on %(due)s (in %(days)d day) and is not met.",
                        "Output %(output)s: KPI %(kpi)s has its deadline on %(due)s (in %(days)d days) and is not met.",
                        days) % {"output": p["output"], "kpi": p["kpi"], "due": r.due.isoformat(), "days": days}
    if r.kind == "kpi_late":
        return _("Output %(output)s: KPI %(kpi)s passed its deadline (%(due)s) without reaching its target.") % {
            "output": p["output"], "kpi": p["kpi"], "due": r.due.isoformat()}
    if r.kind == "update_due":
        return _("Output %(output)s: the progress update for %(period)s is due on %(due)s.") % {
            "output": p["output"], "period": p["period"], "due": r.due.isoformat()}
    if r.kind == "update_missing":
        return _("Output %(output)s: the progress update for %(period)s was due on %(due)s and has not been "
                 "submitted.") % {"output": p["output"], "period": p["period"], "due": r.due.isoformat()}
    if r.kind == "update_returned":
        return _("Output %(output)s: the update for %(period)s was returned: %(comment)s") % {
            "output": p["output"], "period": p["period"], "comment": p.get("comment", "")}
    return r.key


def reminders_send(*, today: dt.date | None = None, email: bool = True) -> dict:
    """Create today's reminders for every active plan and mail each person the new ones, in their language.

    The mail goes out once the reminders are committed: a sweep rolled back (or run inside a transaction that
    is) sends nothing. `emails` counts the mails sent: run on its own, the sweep commits before it returns; inside
    an outer transaction the count is filled in when that one commits."""
    today = today or timezone.localdate()
    created: dict[int, list[Reminder]] = defaultdict(list)
    office_users: dict[int, list[User]] = {}
    result = {"created": 0, "emails": 0}
    with transaction.atomic():
        for plan in Plan.objects.filter(state="active"):
            for item in due_reminders(plan, today):
                office = item["output"].office
                if office.pk not in office_users:
                    office_users[office.pk] = recipients(office)
                for user in office_users[office.pk]:
                    r, new = Reminder.objects.get_or_create(user=user, key=item["key"], defaults={
                        "kind": item["kind"], "output": item["output"], "due": item["due"], "params": item["params"]})
                    if new:
                        created[user.pk].append(r)
        total = sum(len(v) for v in created.values())
        if total:
            audit(actor="system", verb="reminder.send", target=("planning.reminder", "", today.isoformat()),
                  after={"created": total, "people": len(created)})
        result["created"] = total
        if email and created:
            transaction.on_commit(lambda: result.update(emails=_mail_reminders(created)))
    return result


def _mail_reminders(created: dict[int, list[Reminder]]) -> int:
    """One mail per person with their new reminders, in their language; returns how many were sent."""
    sent = 0
    users = User.objects.in_bulk(list(created))
    for user_id, rems in created.items():
        user = users[user_id]
        if not user.email:
            continue
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            body = "\n".join(f"- {reminder_text(r)}" for r in rems)
            subject = ngettext("Operational plan: %(n)d reminder", "Operational plan: %(n)d reminders",
                               len(rems)) % {"n": len(rems)}
            send_mail(subject, body + "\n", None, [user.email])
        Reminder.objects.filter(pk__in=[r.pk for r in rems]).update(emailed_at=timezone.now())
        sent += 1
    return sent


def reminder_list(user, *, unread_only: bool = False) -> list[Reminder]:
    if not getattr(user, "is_authenticated", False):
        return []
    qs = Reminder.objects.filter(user=user).select_related("output")
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return list(qs.order_by("read_at", "due", "id"))


def unread_count(user) -> int:
    """How many of the user's plan reminders are unread (0 for the public)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return 0
    return Reminder.objects.filter(user=user, read_at__isnull=True).count()


def reminder_get(pk: int, user) -> Reminder:
    """One of the user's own reminders."""
    r = Reminder.objects.filter(pk=pk, user=user).first() if getattr(user, "is_authenticated", False) else None
    if r is None:
        raise NotFound(f"No reminder #{pk}.")
    return r


def reminder_read(*, actor, reminder: Reminder) -> Reminder:
    if not getattr(actor, "is_authenticated", False) or reminder.user_id != actor.pk:
        raise PermissionDenied("This reminder is someone else's.")
    if reminder.read_at is None:
        with transaction.atomic():
            reminder.read_at = timezone.now()
            reminder.save(update_fields=["read_at"])
            audit(actor=actor, verb="reminder.read", target=reminder)
    return reminder
