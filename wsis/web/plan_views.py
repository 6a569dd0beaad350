"""Operational-plan pages: plan tree with statuses, timeline, overdue list, offices, output page with progress
updates and their review, review queue and reminders. Thin: every write goes through wsis.planning.services."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wsis.core import charts
from wsis.core.errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from wsis.core.i18n import current_language
from wsis.core.timeline_chart import Bar, Group, Style, Timeline, timeline_svg
from wsis.core.uploads import read_upload
from wsis.planning import lists, permissions, reminders, selectors, services
from wsis.planning import status as st
from wsis.planning.models import REASONS, STATUS_LABELS
from wsis.web.feedback import service_errors


def _plan(request, code):
    try:
        return selectors.plan_get(code, request.user)
    except (NotFound, PermissionDenied) as exc:
        raise Http404(exc.message) from exc


def _at(request):
    try:
        return dt.date.fromisoformat(request.GET["at"]) if request.GET.get("at") else None
    except ValueError:
        messages.error(request, _("The date must be written YYYY-MM-DD."))
        return None


def _office(request):
    try:
        return int(request.GET.get("office") or 0) or None
    except ValueError:
        return None


def _listing(request, contract, plan):
    """The list's rows (with the evaluated plan) or its download. A date or office the page can't read is
    reported and left out, as the page always did: the statuses are then those of today, for every office."""
    try:
        return contract.for_page(request, code=plan.code)
    except ValidationFailed as exc:
        refused = {e.field for e in exc.errors}
        if "at" in refused:
            messages.error(request, _("The date must be written YYYY-MM-DD."))
        query = request.GET.copy()
        for name in refused:
            query.pop(name, None)
        request.GET = query
        return contract.for_page(request, code=plan.code)


def _filters_query(request):
    q = request.GET.copy()
    q.pop("format", None)
    return q.urlencode()


def plan_index(request):
    plan = selectors.current_plan(request.user)
    if plan is None:
        return render(request, "wsis/plan/none.html", {"perms_manage": permissions.can_plan_manage(request.user)})
    return redirect("web:plan", code=plan.code)


def _context(request, plan, view, **extra):
    offices = selectors.plan_offices(plan)
    return {
        "plan": plan, "view": view, "plans": selectors.plan_list(request.user), "offices": offices,
        "office": _office(request), "at": request.GET.get("at", ""), "query": _filters_query(request),
        "status_labels": STATUS_LABELS, "statuses": st.STATUSES,
        "can_manage": permissions.can_plan_manage(request.user),
        "can_decide": permissions.can_update_decide(request.user), **extra,
    }


def plan_tree(request, code: str):
    plan = _plan(request, code)
    answer = _listing(request, lists.OUTPUTS, plan)
    if not isinstance(answer, tuple):
        return answer  # the download
    params, rows = answer
    view, status = rows.view, params.status or None
    objectives = []
    for ob in view.objectives:
        outs = [o for o in ob.outputs if not status or o.status == status]
        if outs or not status:
            objectives.append((ob, outs))
    chart = [{"code": ob.objective.code, "title": ob.title,
              "bars": [(s, ob.roll.counts.get(s, 0)) for s in st.STATUSES if ob.roll.counts.get(s)],
              "total": sum(ob.roll.counts.values())} for ob in view.objectives]
    _scale(chart)
    return render(request, "wsis/plan/tree.html", _context(
        request, plan, view, objectives=objectives, status=status, chart=chart, periods=view.periods,
        status_totals=[(s, sum(ob.roll.counts.get(s, 0) for ob in view.objectives)) for s in st.STATUSES]))


def _scale(chart: list[dict]) -> None:
    """Bars on one scale: each row's bar is as long as its number of outputs, the rest of the row left blank."""
    most = max((sum(n for _s, n in c["bars"]) for c in chart), default=0)
    for c in chart:
        c["rest"] = most - sum(n for _s, n in c["bars"])


def plan_timeline(request, code: str):
    plan = _plan(request, code)
    answer = _listing(request, lists.TIMELINE, plan)
    if not isinstance(answer, tuple):
        return answer
    _params, rows = answer
    months = []
    for r in rows:
        key = r["date"].strftime("%Y-%m")
        if not months or months[-1][0] != key:
            months.append((key, []))
        months[-1][1].append(r)
    gantt = selectors.gantt(rows.view)
    chart = gantt_chart(gantt, rtl=translation.get_language_bidi())
    return render(request, "wsis/plan/timeline.html", _context(
        request, plan, rows.view, months=months, gantt=gantt, chart=chart,
        chart_svg=timeline_svg(chart, aria_label=_("Outputs of the plan from its start to their deadlines"))))


# The statuses as the plan's charts draw them: Okabe–Ito colours, each with its own pattern, so that a reader who
# does not tell the colours apart still tells the statuses apart (and the names are written beside the bars).
STATUS_STYLES = {
    st.DONE: ("#0072B2", "solid", "#ffffff"),
    st.ON_TRACK: ("#009E73", "dots", "#ffffff"),
    st.AT_RISK: ("#E69F00", "hatch", "#1b1f24"),
    st.OFF_TRACK: ("#D55E00", "cross", "#ffffff"),
    st.LATE: ("#000000", "rhatch", "#ffffff"),
    st.NO_DATA: ("#d5dbe3", "dash", "#4a5563"),
}


def gantt_chart(gantt: selectors.Gantt, *, rtl: bool = False) -> Timeline:
    """The plan's Gantt rows as a chart: names, dates the reader reads in the page's language, links."""
    counts = dict(gantt.counts())
    styles = {s: Style(str(STATUS_LABELS[s]), *STATUS_STYLES[s], count=counts.get(s, 0)) for s in st.STATUSES}
    lines = []
    for code, title, rows in gantt.groups():
        lines.append(Group(f"{code} · {title}"))
        for r in rows:
            status = str(STATUS_LABELS[r.status])
            lines.append(Bar(
                start=r.start, end=r.deadline, style=r.status, name=f"{r.code} · {r.title}", note=status,
                href=reverse("web:plan_output", args=[r.output_id]),
                markers=[(d, s == st.DONE) for d, _t, s in r.milestones],
                aria_label=_("%(output)s, %(start)s to %(deadline)s, %(status)s") % {
                    "output": f"{r.code} {r.title}", "start": date_format(r.start, "DATE_FORMAT"),
                    "deadline": date_format(r.deadline, "DATE_FORMAT"), "status": status}))
    return Timeline(start=gantt.start, end=gantt.end, rows=lines, styles=styles, today=gantt.today,
                    today_label=_("Today"), key="plan", rtl=rtl)


def plan_overdue(request, code: str):
    plan = _plan(request, code)
    answer = _listing(request, lists.OVERDUE, plan)
    if not isinstance(answer, tuple):
        return answer
    _params, rows = answer
    ids = {o.output.code: o.output.pk for o in rows.view.outputs()}
    for r in rows:
        r["output_id"] = ids.get(r["output"])
    return render(request, "wsis/plan/overdue.html", _context(request, plan, rows.view, rows=rows))


def plan_offices(request, code: str):
    plan = _plan(request, code)
    answer = _listing(request, lists.OFFICES, plan)
    if not isinstance(answer, tuple):
        return answer
    _params, rows = answer
    chart = [{"code": r["office"], "title": "", "bars": [(s, r[f"n_{s}"]) for s in st.STATUSES if r[f"n_{s}"]]}
             for r in rows]
    totals = [(s, sum(r[f"n_{s}"] for r in rows)) for s in st.STATUSES]
    _scale(chart)
    return render(request, "wsis/plan/offices.html", _context(request, plan, rows.view, rows=rows, chart=chart,
                                                              status_totals=totals))


def _year(d: dt.date) -> float:
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def kpi_chart(k) -> dict | None:
    """The KPI's values against the straight path from baseline to target, drawn by the shared chart code."""
    kpi = k.kpi
    t0 = dt.date(kpi.baseline_year, 12, 31)
    points = [(t0, kpi.baseline_value), *k.series]
    if len(points) < 2:
        return None
    def when(d):
        return date_format(d, "SHORT_DATE_FORMAT")

    chart = charts.LineChart([
        charts.Series(_("Value"), [(_year(d), v, when(d)) for d, v in points]),
        charts.Series(_("target"), [(_year(t0), kpi.baseline_value, when(t0)),
                                    (_year(kpi.deadline), kpi.target_value, when(kpi.deadline))],
                      colour="#4a5563", dash="5 4"),
    ], width=480, height=240, x_label=_("Year"), y_label=kpi.code, key=f"kpi-{kpi.pk}",
        rtl=translation.get_language_bidi())
    label = _("Values of KPI %(code)s against the straight path from baseline to target; the same values are "
              "in the table.") % {"code": kpi.code}
    return charts.render(chart, aria_label=label)


def output_detail(request, pk: int):
    try:
        out = selectors.output_get(pk, request.user)
    except (NotFound, PermissionDenied) as exc:
        raise Http404(exc.message) from exc
    plan = out.objective.plan
    lang = current_language()
    view = selectors.output_view(out, language=lang, today=_at(request))
    can_edit = permissions.can_output_edit(request.user, out)
    updates = selectors.updates_for(out, request.user)
    period = selectors.open_period(plan, output=out)
    current = next((u for u in updates if period and u.period_id == period.pk), None)
    editable = can_edit and period is not None and (current is None or current.state in ("draft", "returned"))
    values = selectors.update_values(current) if current else {}
    manual = [k for k in view.kpis if k.kpi.source == "manual"]
    for k in view.kpis:
        k.chart = kpi_chart(k)
    linked = selectors.output_activities(out)
    activities = [(a.pk, a.title(lang), a.state) for a in linked]
    budgets: dict[str, float] = {}
    for a in linked:
        if a.budget_amount is not None and a.budget_currency:
            budgets[a.budget_currency] = budgets.get(a.budget_currency, 0) + float(a.budget_amount)
    return render(request, "wsis/plan/output.html", {
        "plan": plan, "o": view, "out": out, "can_edit": can_edit, "updates": updates, "period": period,
        "current": current, "editable": editable, "values": values, "manual": manual, "activities": activities,
        "budgets": sorted(budgets.items()),
        "can_decide": permissions.can_update_decide(request.user), "status_labels": STATUS_LABELS,
        "can_manage": permissions.can_plan_manage(request.user), "reasons": REASONS,
    })


@login_required
@require_POST
def output_update(request, pk: int):
    """Save or submit the office's update for the open period."""
    try:
        out = selectors.output_get(pk, request.user)
        period = selectors.period_get(out.objective.plan, pk=int(request.POST.get("period") or 0))
        values = {k[len("kpi-"):]: v for k, v in request.POST.items() if k.startswith("kpi-")}
        u = services.update_save(actor=request.user, output=out, period=period,
                                 narrative=request.POST.get("narrative", ""), values=values)
        if request.POST.get("do") == "submit":
            services.update_submit(actor=request.user, update=u)
            messages.success(request, _("Update submitted for review."))
        else:
            messages.success(request, _("Draft saved."))
    except (NotFound, ValueError):
        messages.error(request, _("Unknown reporting period."))
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect("web:plan_output", pk=pk)


@login_required
@require_POST
def update_decide(request, pk: int):
    try:
        u = selectors.update_find(pk)
    except NotFound as exc:
        raise Http404 from exc
    try:
        comment = request.POST.get("comment", "")
        if request.POST.get("do") == "approve":
            services.update_approve(actor=request.user, update=u, comment=comment)
            messages.success(request, _("Update approved."))
        elif request.POST.get("do") == "return":
            services.update_return(actor=request.user, update=u, comment=comment)
            messages.success(request, _("Update returned to the office."))
        elif request.POST.get("do") == "correct":
            values = {k[len("kpi-"):]: v for k, v in request.POST.items() if k.startswith("kpi-") and v != ""}
            services.update_correct(actor=request.user, update=u, values=values, reason=request.POST.get("reason", ""))
            messages.success(request, _("Correction recorded."))
    except ServiceError as exc:
        service_errors(request, exc)
    nxt = request.POST.get("next", "")
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return redirect(nxt)
    return redirect("web:plan_output", pk=u.output_id)


@login_required
@require_POST
def milestone_edit(request, pk: int):
    try:
        m = selectors.milestone_get(pk)
    except NotFound as exc:
        raise Http404 from exc
    try:
        services.milestone_update(actor=request.user, milestone=m, expected=request.POST.get("expected") or None,
                                  completed=request.POST.get("completed") or None)
        messages.success(request, _("Milestone saved."))
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect("web:plan_output", pk=m.output_id)


@login_required
@require_POST
def period_lock(request, code: str, period: str):
    plan = _plan(request, code)
    try:
        p = selectors.period_get(plan, period)
    except NotFound as exc:
        raise Http404 from exc
    try:
        services.period_lock(actor=request.user, period=p)
        messages.success(request, _("Period %(code)s locked.") % {"code": p.code})
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect("web:plan", code=code)


@login_required
def plan_import(request):
    """BDT administrators create a plan from the workbook (`wsis plan template` writes an empty one)."""
    from wsis.planning import xlsx

    if not permissions.can_plan_manage(request.user):
        raise Http404(_("This page is for BDT administrators."))
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Choose a file."))
        else:
            try:
                plan = services.plan_import(actor=request.user, data=xlsx.read_plan_xlsx(read_upload(upload), upload.name))
                messages.success(request, _("Plan %(code)s created as a draft; check it, then publish it.")
                                 % {"code": plan.code})
                return redirect("web:plan", code=plan.code)
            except ServiceError as exc:
                service_errors(request, exc)
    return render(request, "wsis/plan/import.html", {})


@login_required
def plan_template(request):
    from django.http import HttpResponse

    from wsis.planning import xlsx

    resp = HttpResponse(xlsx.plan_template_xlsx(),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = 'attachment; filename="plan-template.xlsx"'
    return resp


@login_required
@require_POST
def plan_state(request, code: str):
    plan = _plan(request, code)
    try:
        services.plan_set_state(actor=request.user, plan=plan, state=request.POST.get("state", ""))
        messages.success(request, _("Plan %(code)s is now %(state)s.") % {"code": plan.code,
                                                                         "state": plan.get_state_display()})
    except ServiceError as exc:
        service_errors(request, exc)
    return redirect("web:plan", code=code)


@login_required
def review(request):
    if not permissions.can_update_decide(request.user):
        raise Http404(_("This page is for BDT reviewers."))
    return render(request, "wsis/plan/review.html", {"updates": selectors.review_queue(request.user)})


@login_required
def my_reminders(request):
    if request.method == "POST":
        try:
            r = reminders.reminder_get(int(request.POST.get("reminder") or 0), request.user)
        except (NotFound, ValueError):
            r = None
        if r is not None:
            reminders.reminder_read(actor=request.user, reminder=r)
        return redirect("web:plan_reminders")
    rows = reminders.reminder_list(request.user)
    with translation.override(current_language()):
        items = [(r, reminders.reminder_text(r)) for r in rows]
    return render(request, "wsis/plan/reminders.html", {"items": items})
