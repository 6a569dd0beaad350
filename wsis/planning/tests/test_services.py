"""Plan import, progress updates and their review, locking, corrections, permissions, roll-ups, reminders."""

import datetime as dt

import pytest
from django.core import mail

from wsis.core.errors import InvalidTransition, PermissionDenied, ValidationFailed
from wsis.core.models import AuditLog
from wsis.planning import reminders, selectors, services
from wsis.planning.models import (
    Kpi,
    Milestone,
    Output,
    Period,
    Plan,
    ProgressUpdate,
    Reminder,
    UpdateValue,
)
from wsis.testing.factories import plan_dict

D = dt.date
pytestmark = pytest.mark.django_db


def _counts():
    return {m.__name__: m.objects.count() for m in (Plan, Output, Kpi, Milestone, Period, ProgressUpdate, UpdateValue)}


def test_import_builds_the_tree_and_audits(plan):
    assert plan.state == "active"
    assert [o.code for o in Output.objects.filter(objective__plan=plan)] == ["O1.1", "O1.2"]
    out = Output.objects.get(code="O1.1")
    assert out.office.name == "RO Africa (test)"
    assert list(out.action_lines.values_list("code", flat=True)) == ["C2"]
    assert out.activities.get().external_id == "A-1"
    assert plan.text("title", "zh-hans") == "运营计划（测试）" and plan.text("title", "ru") == "Operational plan (test)"
    log = AuditLog.objects.get(verb="plan.import")
    assert log.after["outputs"] == 2 and log.after["kpis"] == 3


@pytest.mark.parametrize("change,field,fragment", [
    (lambda d: d["kpis"][0].update(direction="up"), "direction", "Direction must be one of"),
    (lambda d: d["kpis"][0].update(target="lots"), "target", "is not a number"),
    (lambda d: d["kpis"][0].update(target=-5), "target", "contradicts an increase"),
    (lambda d: d["kpis"][2].update(target=9), "target", "contradicts an decrease"),
    (lambda d: d["kpis"][0].update(deadline=D(2024, 6, 1)), "deadline", "after the end of the baseline year"),
    (lambda d: d["kpis"][1].update(measure=""), "measure", "needs a measure"),
    (lambda d: d["kpis"][1].update(activity_kinds=["party"]), "activity_kinds", "Unknown activity kind"),
    (lambda d: d["kpis"][0].update(output="O9"), "output", "Unknown output"),
    (lambda d: d["outputs"][0].update(office="Nowhere"), "office", "No BDT unit or regional office"),
    (lambda d: d["outputs"][0].update(office="Ministry of ICT (test)"), "office", "No BDT unit or regional office"),
    (lambda d: d["outputs"][0].update(action_lines=["C99"]), "action_lines", "Unknown code 'C99'"),
    (lambda d: d["outputs"][0].update(activities=["nope"]), "activities", "No activity 'nope'"),
    (lambda d: d["outputs"][1].update(code="O1.1"), "code", "appears twice"),
    (lambda d: d["periods"][1].update(start=D(2025, 6, 1)), "periods", "overlap"),
    (lambda d: d["periods"][0].update(due=D(2025, 6, 1)), "due", "before the period ends"),
    (lambda d: d.update(end=D(2024, 1, 1)), "end", "must end after it starts"),
    (lambda d: d["objectives"][0].update(titles={"fr": "Connectivité"}), "titles.en", "English title is required"),
])
def test_import_refuses_bad_input_and_writes_nothing(staff, change, field, fragment):
    from wsis.stocktaking.services import activities_import
    from wsis.testing.factories import sample

    activities_import(actor=staff["admin"], publish=True, items=[("t", sample(external_id="A-1"))])
    data = plan_dict()
    data["kpis"][0]["_loc"] = "plan.xlsx, sheet KPIs, row 2"
    change(data)
    before = _counts()
    with pytest.raises(ValidationFailed) as exc:
        services.plan_import(actor=staff["admin"], data=data)
    assert any(e.field == field and fragment in e.message for e in exc.value.errors), exc.value.errors
    assert _counts() == before


def test_import_reports_every_problem_with_its_row(staff):
    data = plan_dict()
    data["kpis"][0].update(direction="sideways", _loc="plan.xlsx, sheet KPIs, row 2")
    data["kpis"][2].update(baseline="n/a", _loc="plan.xlsx, sheet KPIs, row 4")
    with pytest.raises(ValidationFailed) as exc:
        services.plan_import(actor=staff["admin"], data=data)
    where = {(e.location, e.field) for e in exc.value.errors}
    assert ("plan.xlsx, sheet KPIs, row 2", "direction") in where
    assert ("plan.xlsx, sheet KPIs, row 4", "baseline") in where
    assert "row 4, field baseline" in str(exc.value)


def test_only_bdt_admins_import_and_a_draft_plan_is_hidden(staff):
    with pytest.raises(PermissionDenied):
        services.plan_import(actor=staff["head"], data=plan_dict())
    p = services.plan_import(actor=staff["admin"], data=plan_dict(code="op-draft", outputs=plan_dict()["outputs"][1:],
                                                                 kpis=plan_dict()["kpis"][2:],
                                                                 milestones=plan_dict()["milestones"][1:]))
    assert selectors.plan_list(staff["head"]) == []
    with pytest.raises(PermissionDenied):
        selectors.plan_get("op-draft", staff["head"])
    assert selectors.plan_get("op-draft", staff["admin"]) == p
    with pytest.raises(InvalidTransition):
        services.plan_set_state(actor=staff["admin"], plan=p, state="draft")


def _update(staff, plan, who="head", output="O1.1", period="2025-H2", values=None, narrative="Work done."):
    out = Output.objects.get(code=output)
    return services.update_save(actor=staff[who], output=out, period=plan.periods.get(code=period),
                                narrative=narrative, values=values if values is not None else {"K1": 80})


def _kpi(plan, output="O1.1", code="K1", today=None):
    today = today or D(2026, 1, 10)
    view = selectors.evaluate(plan, language="en", today=today)
    o = next(o for o in view.outputs() if o.output.code == output)
    return next(k for k in o.kpis if k.kpi.code == code), o, view


def test_update_workflow_and_status_follow_approval(staff, plan):
    k, o, view = _kpi(plan)
    assert k.status == "no_data"
    u = _update(staff, plan, values={"K1": 80})
    services.update_submit(actor=staff["head"], update=u)
    assert _kpi(plan)[0].status == "no_data"  # a submitted value does not count yet
    services.update_return(actor=staff["bdt_reviewer"], update=u, comment="Give the sites per country.")
    u.refresh_from_db()
    assert u.state == "returned"
    u = _update(staff, plan, values={"K1": 120})  # corrected and resubmitted
    services.update_submit(actor=staff["head"], update=u)
    services.update_approve(actor=staff["bdt_reviewer"], update=u)
    k, o, view = _kpi(plan)
    # 120 of 300 in one year of three: ahead of the 100 a year needed.
    assert (k.status, k.result.latest) == ("on_track", 120)
    assert [s.to_state for s in u.steps.all()] == ["submitted", "returned", "submitted", "approved"]
    verbs = list(AuditLog.objects.filter(target_type="planning.progressupdate").values_list("verb", flat=True))
    assert verbs.count("progress_update.submit") == 2 and "progress_update.return" in verbs


def test_roll_up_changes_with_an_approved_update(staff, plan):
    today = D(2026, 1, 10)
    before = selectors.evaluate(plan, language="en", today=today)
    o11 = next(o for o in before.outputs() if o.output.code == "O1.1")
    # K1 has no data; K2 (activities) counts A-1, completed 2025-09-30: 1 of 2 in a year of three → on track.
    assert [k.status for k in o11.kpis] == ["no_data", "on_track"]
    u = _update(staff, plan, values={"K1": 20})
    services.update_submit(actor=staff["head"], update=u)
    services.update_approve(actor=staff["admin"], update=u)
    after = selectors.evaluate(plan, language="en", today=today)
    o11 = next(o for o in after.outputs() if o.output.code == "O1.1")
    assert [k.status for k in o11.kpis] == ["off_track", "on_track"]
    assert o11.status == "off_track"
    assert after.objectives[0].status == "off_track" and after.status == "off_track"


def test_the_submitter_cannot_approve_their_own_update(staff, plan):
    u = _update(staff, plan, who="admin")
    services.update_submit(actor=staff["admin"], update=u)
    with pytest.raises(PermissionDenied, match="other than the submitter"):
        services.update_approve(actor=staff["admin"], update=u)


@pytest.mark.parametrize("who,allowed", [
    ("head", True), ("afr_officer", True), ("admin", True),
    ("afr_reviewer", True),  # staff of the Africa regional office
    ("unit", False), ("eur_officer", False), ("author", False), ("stranger", False),
])
def test_a_regional_office_edits_only_its_outputs(staff, plan, who, allowed):
    out = Output.objects.get(code="O1.1")  # the Africa regional office's output
    if allowed:
        _update(staff, plan, who=who)
        services.milestone_update(actor=staff[who], milestone=out.milestones.first(), expected=D(2025, 6, 1))
    else:
        with pytest.raises(PermissionDenied):
            _update(staff, plan, who=who)
        with pytest.raises(PermissionDenied):
            services.milestone_update(actor=staff[who], milestone=out.milestones.first(), expected=D(2025, 6, 1))
        assert not ProgressUpdate.objects.exists()


def test_only_reviewers_and_admins_decide(staff, plan):
    u = _update(staff, plan)
    services.update_submit(actor=staff["head"], update=u)
    for who in ("head", "afr_officer", "afr_reviewer", "unit"):
        with pytest.raises(PermissionDenied):
            services.update_approve(actor=staff[who], update=u)
    with pytest.raises(ValidationFailed, match="Say what must change"):
        services.update_return(actor=staff["bdt_reviewer"], update=u, comment="  ")
    u.refresh_from_db()
    assert u.state == "submitted"


@pytest.mark.parametrize("values,field,fragment", [
    ({"K1": "many"}, "values.K1", "is not a number"),
    ({"K9": 3}, "values.K9", "has no KPI"),
    ({"K2": 3}, "values.K2", "computed from linked activities"),
    ({"K1": float("nan")}, "values.K1", "is not a number"),
])
def test_bad_values_are_refused_and_nothing_is_written(staff, plan, values, field, fragment):
    with pytest.raises(ValidationFailed) as exc:
        _update(staff, plan, values=values)
    assert any(e.field == field and fragment in e.message for e in exc.value.errors)
    assert not ProgressUpdate.objects.exists() and not UpdateValue.objects.exists()


def test_percentages_stay_between_0_and_100(staff, plan):
    with pytest.raises(ValidationFailed, match="percentage"):
        _update(staff, plan, who="unit", output="O1.2", values={"K1": 140})


def test_submit_needs_something_to_report(staff, plan):
    u = _update(staff, plan, values={}, narrative="")
    with pytest.raises(ValidationFailed, match="before submitting"):
        services.update_submit(actor=staff["head"], update=u)


def test_locked_period_takes_only_audited_corrections(staff, plan):
    u = _update(staff, plan, period="2025-H1", values={"K1": 40})
    services.update_submit(actor=staff["head"], update=u)
    p = plan.periods.get(code="2025-H1")
    with pytest.raises(InvalidTransition, match="Decide the submitted updates first: O1.1"):
        services.period_lock(actor=staff["admin"], period=p)
    services.update_approve(actor=staff["bdt_reviewer"], update=u)
    with pytest.raises(PermissionDenied):
        services.period_lock(actor=staff["head"], period=p)
    services.period_lock(actor=staff["admin"], period=p)
    p.refresh_from_db()
    assert p.is_locked
    with pytest.raises(InvalidTransition, match="locked"):
        _update(staff, plan, period="2025-H1", values={"K1": 45}, who="admin")
    with pytest.raises(InvalidTransition, match="already locked"):
        services.period_lock(actor=staff["admin"], period=p)
    with pytest.raises(PermissionDenied):
        services.update_correct(actor=staff["head"], update=u, values={"K1": 45}, reason="typo")
    with pytest.raises(ValidationFailed, match="reason"):
        services.update_correct(actor=staff["admin"], update=u, values={"K1": 45}, reason="")
    u = services.update_correct(actor=staff["admin"], update=u, values={"K1": 45},
                                reason="Late report from one country.")
    assert u.values.get().value == 45
    log = AuditLog.objects.get(verb="progress_update.correct")
    assert log.before == {"K1": 40.0} and log.after["K1"] == 45 and log.after["locked_period"] is True
    step = u.steps.last()
    assert step.changes == {"K1": [40.0, 45.0]} and step.comment == "Late report from one country."
    with pytest.raises(ValidationFailed, match="unchanged"):
        services.update_correct(actor=staff["admin"], update=u, values={"K1": 45}, reason="again")


def test_activity_kpi_counts_published_linked_activities_from_their_dates(staff, plan):
    from wsis.stocktaking.models import Activity

    out = Output.objects.get(code="O1.1")
    k, *_ = _kpi(plan, code="K2", today=D(2026, 6, 1))
    assert k.series == [(D(2025, 9, 30), 1.0)]  # A-1 counts from its end date: it is completed
    services.output_activities_set(actor=staff["head"], output=out, activities=["A-1", "A-2"])
    k, *_ = _kpi(plan, code="K2", today=D(2026, 6, 1))
    assert k.series == [(D(2025, 9, 30), 1.0), (D(2026, 2, 1), 2.0)] and k.status == "done"
    Activity.objects.filter(external_id="A-2").update(state="withdrawn")
    k, *_ = _kpi(plan, code="K2", today=D(2026, 6, 1))
    assert k.series == [(D(2025, 9, 30), 1.0)]
    with pytest.raises(ValidationFailed, match="No activity 'Z-9'"):
        services.output_activities_set(actor=staff["head"], output=out, activities=["Z-9"])
    with pytest.raises(PermissionDenied):
        services.output_activities_set(actor=staff["unit"], output=out, activities=["A-2"])


def test_milestone_updates_are_validated(staff, plan):
    m = Milestone.objects.get(output__code="O1.2")
    with pytest.raises(ValidationFailed, match="not a date"):
        services.milestone_update(actor=staff["unit"], milestone=m, expected="soon")
    with pytest.raises(ValidationFailed, match="future"):
        services.milestone_update(actor=staff["unit"], milestone=m, completed=dt.date.today() + dt.timedelta(days=3))
    services.milestone_update(actor=staff["unit"], milestone=m, expected="2026-05-15")
    m.refresh_from_db()
    assert m.expected == D(2026, 5, 15) and m.due == D(2026, 3, 31)
    view = selectors.evaluate(plan, language="en", today=D(2026, 1, 10))
    ms = next(x for o in view.outputs() for x in o.milestones if x.milestone.pk == m.pk)
    assert (ms.status, ms.result.slippage_days) == ("at_risk", 45)


def test_overdue_timeline_and_offices(staff, plan):
    u = _update(staff, plan, period="2025-H1")
    services.update_submit(actor=staff["head"], update=u)
    view = selectors.evaluate(plan, language="en", today=D(2026, 4, 15))
    rows = selectors.overdue(view)
    kinds = {(r["kind"], r["output"], r["title"].split(":")[0]) for r in rows}
    assert ("milestone", "O1.2", "Toolkit v1") in kinds
    assert ("update", "O1.1", "2025-H2") in kinds and ("update", "O1.2", "2025-H1") in kinds
    assert ("update", "O1.1", "2025-H1") not in kinds  # submitted in time counts as sent
    dates = [r["date"] for r in selectors.timeline(view)]
    assert dates == sorted(dates)
    offices = {r["office"]: r for r in selectors.office_summary(view)}
    assert offices["BDT (test)"]["n_late"] == 1 and offices["RO Africa (test)"]["outputs"] == 1


def test_plan_round_trips_through_the_interchange_shape(staff, plan):
    data = selectors.plan_to_data(plan)
    data["code"] = "op-copy"
    copy = services.plan_import(actor=staff["admin"], data=data)
    again = selectors.plan_to_data(copy)
    again["code"] = "op-test"
    assert again == selectors.plan_to_data(plan)


def test_reminders_once_per_window_in_the_reader_language(staff, plan, settings,
                                                           django_capture_on_commit_callbacks):
    staff["head"].preferred_language = "fr"
    staff["head"].save()
    u = _update(staff, plan, period="2025-H2")
    services.update_submit(actor=staff["head"], update=u)
    services.update_return(actor=staff["bdt_reviewer"], update=u, comment="Sites per country, please.")
    with django_capture_on_commit_callbacks(execute=True):
        result = reminders.reminders_send(today=D(2026, 3, 10))
        assert mail.outbox == []  # not before the reminders are committed
    kinds = set(Reminder.objects.values_list("kind", flat=True))
    assert {"update_returned", "update_missing", "milestone_due"} <= kinds
    # The Africa office's staff and its regional officer hear about O1.1; the Europe officer does not.
    people = set(Reminder.objects.values_list("user__username", flat=True))
    assert {"afr.head", "afr.officer2", "bdt.unit"} <= people and "eur.officer2" not in people
    with_address = {u for u in people if u in ("afr.head", "afr.officer2", "bdt.unit")}  # the others have none
    assert result["emails"] == len(mail.outbox) == len(with_address)
    fr = next(m for m in mail.outbox if m.to == ["afr.head@example.org"])
    assert fr.subject.startswith("Plan opérationnel")  # in the reader's language
    assert "Sites per country, please." in fr.body
    assert reminders.reminders_send(today=D(2026, 3, 10)) == {"created": 0, "emails": 0}
    # Seven days before the milestone it comes once more; once it is late, once more again.
    assert reminders.reminders_send(today=D(2026, 3, 25))["created"] >= 1
    assert reminders.reminders_send(today=D(2026, 4, 2))["created"] >= 1
    assert Reminder.objects.filter(kind="milestone_late", user__username="bdt.unit").count() == 1


def test_reminders_rolled_back_send_no_mail(staff, plan, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            assert reminders.reminders_send(today=D(2026, 3, 10))["created"] >= 1
            raise RuntimeError("the sweep's transaction is rolled back")
    assert callbacks == [] and mail.outbox == []
    assert not Reminder.objects.exists()
    # The same sweep committed mails them.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = reminders.reminders_send(today=D(2026, 3, 10))
    assert len(callbacks) == 1 and result["emails"] == len(mail.outbox) >= 1


def test_reminders_are_private(staff, plan):
    reminders.reminders_send(today=D(2026, 3, 10), email=False)
    r = Reminder.objects.filter(user=staff["head"]).first()
    with pytest.raises(PermissionDenied):
        reminders.reminder_read(actor=staff["unit"], reminder=r)
    reminders.reminder_read(actor=staff["head"], reminder=r)
    assert Reminder.objects.get(pk=r.pk).read_at is not None


def test_kpi_measured_by_an_ict_indicator(staff):
    """A KPI may follow a group figure of the statistics module; its status comes from the published years."""
    from wsis.statistics.records import Parsed, Record
    from wsis.statistics.services import catalogue_init, import_release

    catalogue_init(actor="tests")
    p = Parsed(source="test")
    for iso3, base in {"KEN": 20.0, "ETH": 10.0, "GHA": 30.0}.items():
        for i, year in enumerate(range(2020, 2024)):
            p.records += [Record("SP.POP.TOTL", iso3, "iso3", year, 5e7),
                          Record("IT.NET.USER.ZS", iso3, "iso3", year, base + 5 * i)]
    import_release(actor=staff["admin"], parsed=p, adapter="test", filename="t.csv", sha256="x")
    data = plan_dict(code="op-ind")
    data["kpis"] = [{"output": "O1.1", "code": "K9", "titles": {"en": "Internet use in Africa"}, "unit": "%",
                     "direction": "increase", "baseline": 20, "baseline_year": 2020, "target": 40,
                     "deadline": D(2027, 12, 31), "source": "indicator", "indicator": "INTERNET_USERS", "area": "AFR"}]
    data["outputs"][0]["activities"] = []
    plan = services.plan_import(actor=staff["admin"], data=data)
    view = selectors.evaluate(plan, language="en", today=D(2024, 3, 1))
    k = next(o for o in view.outputs() if o.output.code == "O1.1").kpis[0]
    # Africa = Kenya, Ethiopia, Ghana with equal populations: 20, 25, 30, 35 from 2020 to 2023.
    assert [v for _, v in k.series] == pytest.approx([20.0, 25.0, 30.0, 35.0])
    assert k.status == "on_track" and k.result.latest == pytest.approx(35.0)
    for bad, field in ((dict(indicator="NOPE"), "indicator"), (dict(area="MARS"), "area"),
                       (dict(indicator="MBB_TRAFFIC", area="AFR"), "area")):
        d = plan_dict(code="op-bad")
        d["outputs"][0]["activities"] = []
        d["kpis"] = [{**data["kpis"][0], **bad}]
        with pytest.raises(ValidationFailed) as exc:
            services.plan_import(actor=staff["admin"], data=d)
        assert any(e.field == field for e in exc.value.errors), exc.value.errors
