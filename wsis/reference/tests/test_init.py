import csv
import datetime as dt
import json

import pytest

from wsis.core.models import AuditLog
from wsis.reference import models as m
from wsis.reference.data import sdg_codes, wsis_sdg_matrix
from wsis.reference.services import reference_init, validation_problems
from wsis.testing.support import shared_file

pytestmark = pytest.mark.django_db


def members(code, day):
    return set(m.Membership.objects.valid_on(day).filter(group__code=code).values_list("economy__iso3", flat=True))


def test_counts(reference):
    assert m.SdgGoal.objects.count() == 17
    assert m.SdgTarget.objects.count() == 169
    current = m.SdgIndicator.objects.filter(status="current")
    assert current.count() == sum(len(v) for v in sdg_codes.INDICATORS.values())
    assert current.count() >= 231
    assert m.ActionLine.objects.filter(parent__isnull=True).count() == 11
    assert m.ActionLine.objects.filter(parent__code="C7").count() == 8
    assert m.SdgTarget.objects.filter(goal__number=17).count() == 19
    assert m.SdgTarget.objects.filter(code="9.c").exists()
    assert m.SdgIndicator.objects.filter(code="9.c.1", target__code="9.c").exists()


def test_itu_roles_follow_the_resolution(reference):
    roles = dict(m.ActionLine.objects.values_list("code", "itu_role"))
    assert {c for c, r in roles.items() if r == "sole_facilitator"} == {"C2", "C4", "C5", "C6"}
    assert {c for c, r in roles.items() if r == "partner"} == {"C8", "C9"}
    assert roles["C10"] == "none"
    assert {"C1", "C3", "C7", "C11"} <= {c for c, r in roles.items() if r == "co_facilitator"}
    assert all(roles[c] == "co_facilitator" for c in roles if c.startswith("C7."))
    high = set(m.ActionLine.objects.filter(itu_high_priority=True, parent__isnull=True).values_list("code", flat=True))
    assert high == {"C2", "C4", "C5", "C6", "C7"}


def test_every_line_has_names_in_six_languages(reference):
    for line in m.ActionLine.objects.prefetch_related("translations"):
        assert {t.language for t in line.translations.all()} == {"ar", "zh-hans", "en", "fr", "ru", "es"}, line.code


def test_itu_regions_partition_the_member_economies(reference):
    for day in (dt.date(2015, 6, 30), dt.date(2020, 6, 30), dt.date.today()):
        seen = {}
        for iso3, region in m.Membership.objects.valid_on(day).filter(group__kind="itu_region").values_list(
                "economy__iso3", "group__code"):
            assert iso3 not in seen, f"{iso3} in {seen.get(iso3)} and {region} on {day}"
            seen[iso3] = region
        assert len(seen) == 197
    counts = {code: len(members(code, dt.date.today())) for code in ["AFR", "AMS", "ARB", "ASP", "CIS", "EUR"]}
    assert counts == {"AFR": 44, "AMS": 35, "ARB": 22, "ASP": 41, "CIS": 9, "EUR": 46}
    assert validation_problems() == []


def test_itu_regions_match_the_team_table(reference):
    path = shared_file("groupings", "itu_regions.csv")
    names = {"Africa": "AFR", "Americas": "AMS", "Arab States": "ARB", "Asia-Pacific": "ASP", "CIS": "CIS", "Europe": "EUR"}
    with path.open(encoding="utf-8") as fh:
        expected = {row["iso3"]: names[row["itu_region"]] for row in csv.DictReader(fh)}
    ours = dict(m.Membership.objects.filter(group__kind="itu_region").values_list("economy__iso3", "group__code"))
    assert ours == expected


def test_ldc_membership_has_dates(reference):
    assert "BTN" in members("LDC", dt.date(2020, 1, 1))
    assert "BTN" not in members("LDC", dt.date(2025, 1, 1))
    assert "STP" in members("LDC", dt.date(2024, 6, 30))
    assert "STP" not in members("LDC", dt.date(2025, 1, 1))
    assert "VUT" in members("LDC", dt.date(2020, 1, 1)) and "VUT" not in members("LDC", dt.date(2021, 1, 1))
    assert len(members("LDC", dt.date(2025, 1, 1))) == 44


def _m49_flags(path, column):
    with path.open(encoding="utf-8-sig") as fh:
        return {row["ISO-alpha3 Code"] for row in csv.DictReader(fh) if row[column].strip().lower() == "x"}


def test_groups_match_unsd_m49_2024(reference):
    path = shared_file("groupings", "UNSD_M49_en.csv")
    # The file is the 2024 vintage: Bhutan already left the LDC list, São Tomé and Príncipe had not.
    day = dt.date(2024, 6, 30)
    assert members("LDC", day) == _m49_flags(path, "Least Developed Countries (LDC)")
    assert members("LLDC", day) == _m49_flags(path, "Land Locked Developing Countries (LLDC)")
    assert members("SIDS-M49", day) == _m49_flags(path, "Small Island Developing States (SIDS)")
    assert members("SIDS", day) <= members("SIDS-M49", day)


def test_developed_matches_the_2020_m49_split(reference):
    path = shared_file("groupings", "datasets_country-codes_2020-10_with_developed_developing.csv")
    with path.open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["ISO3166-1-Alpha-3"]]
    developed = {r["ISO3166-1-Alpha-3"] for r in rows if r["Developed / Developing Countries"] == "Developed"}
    developing = {r["ISO3166-1-Alpha-3"] for r in rows if r["Developed / Developing Countries"] == "Developing"}
    assert members("DEVELOPED", dt.date.today()) == developed
    ours = members("DEVELOPING", dt.date.today())
    assert developing <= ours
    assert not (ours & developed)


def test_economy_codes_match_unsd_m49(reference):
    path = shared_file("groupings", "UNSD_M49_en.csv")
    with path.open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["ISO-alpha3 Code"]]
    ours = {e.iso3: e for e in m.Economy.objects.all()}
    for r in rows:
        e = ours.get(r["ISO-alpha3 Code"])
        assert e is not None, r["ISO-alpha3 Code"]
        assert e.m49 == r["M49 Code"].zfill(3), e.iso3
        assert e.iso2 == r["ISO-alpha2 Code"], e.iso3


def test_economy_names_come_from_cldr_in_six_languages(reference):
    chn = m.Economy.objects.get(iso3="CHN")
    names = {t.language: t.name for t in chn.translations.all()}
    assert names["zh-hans"] == "中国"
    assert names["en"] == "China"
    assert names["ar"] == "الصين"
    assert names["ru"] == "Китай"
    assert len(names) == 6


def test_matrix_is_consistent_and_checked_against_the_app_data(reference):
    for line in m.ActionLine.objects.prefetch_related("matrix_goals__goal", "matrix_targets__target__goal"):
        goals = {mg.goal.number for mg in line.matrix_goals.all()}
        assert all(mt.target.goal.number in goals for mt in line.matrix_targets.all()), line.code
    assert m.MatrixTarget.objects.filter(action_line__code="C2", target__code="9.c").exists()
    path = shared_file("wsis", "wsis_sdg_matrix.json")
    app = json.loads(path.read_text(encoding="utf-8"))
    known = {(d["line"], d["field"]) for d in wsis_sdg_matrix.KNOWN_DIFFERENCES}
    for code, entry in wsis_sdg_matrix.MATRIX.items():
        other = app.get(code)
        if other is None:
            assert (code, "goals") in known, f"{code} missing from the app data but not listed as a known difference"
            continue
        if set(entry["goals"]) != set(other["sdgs"]):
            assert (code, "goals") in known, code
        if set(entry["targets"]) != set(other["targets"]):
            assert (code, "targets") in known, code


def test_strategic_targets_have_sources_and_flags(reference):
    rows = list(m.StrategicTarget.objects.all())
    assert {r.framework for r in rows} == {"connect2030", "umc2030"}
    assert all(r.source and r.deadline for r in rows)
    assert all(r.deadline.year == 2023 for r in rows if r.framework == "connect2030")
    assert all(r.deadline.year == 2030 for r in rows if r.framework == "umc2030")


def test_init_is_idempotent(reference):
    before = AuditLog.objects.count()
    snapshot = (m.Membership.objects.count(), m.EconomyTranslation.objects.count(), m.MatrixTarget.objects.count())
    tally = reference_init(actor="tests")
    assert tally.changed() == 0, dict(tally)
    assert AuditLog.objects.count() == before
    assert snapshot == (m.Membership.objects.count(), m.EconomyTranslation.objects.count(), m.MatrixTarget.objects.count())


def test_init_repairs_a_tampered_membership_and_audits(reference):
    ms = m.Membership.objects.get(group__code="LDC", economy__iso3="BTN")
    ms.valid_to = None
    ms.save()
    tally = reference_init(actor="tests")
    assert tally.changed() > 0
    assert m.Membership.objects.get(group__code="LDC", economy__iso3="BTN").valid_to == dt.date(2023, 12, 13)
    assert AuditLog.objects.filter(verb="reference_data.load").exists()
