import datetime as dt
import shutil

import pytest
from django.core.management import CommandError, call_command

from wsis.core.errors import ValidationFailed
from wsis.core.models import AuditLog
from wsis.reference import models as m
from wsis.reference.loaders import load_itu_codes, load_sdg_texts, load_wb_income
from wsis.testing.support import shared_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def sdg_dir():
    return shared_file("sdg", "open-sdg-translations")


@pytest.fixture
def sdg_copy(sdg_dir, tmp_path):
    dest = tmp_path / "open-sdg"
    shutil.copytree(sdg_dir, dest)
    return dest


def test_load_real_open_sdg_texts(reference, sdg_dir):
    current = m.SdgIndicator.objects.filter(status="current").count()
    result = load_sdg_texts(actor="tests", root=sdg_dir)
    assert m.SdgIndicator.objects.filter(status="current").count() == current
    legacy = set(result["legacy"])
    assert "17.6.2" in legacy
    assert set(m.SdgIndicator.objects.filter(status="legacy").values_list("code", flat=True)) == legacy
    target = m.SdgTarget.objects.get(code="9.c")
    assert target.text("title", "zh-hans")
    assert "ICT" in target.text("title", "en") or "information and communications technology" in target.text("title", "en")
    goal = m.SdgGoal.objects.get(number=9)
    for lang in ("ar", "zh-hans", "en", "fr", "ru", "es"):
        assert goal.text("title", lang), lang
        assert goal.text("short", lang), lang
    assert m.SdgTargetTranslation.objects.filter(language="ar").count() == 169
    ind = m.SdgIndicator.objects.get(code="17.8.1")
    assert "Internet" in ind.text("title", "en")
    # A second load of the same files writes nothing.
    audits = AuditLog.objects.count()
    again = load_sdg_texts(actor="tests", root=sdg_dir)
    assert again["tally"].get("created", 0) == 0 and again["tally"].get("updated", 0) == 0
    assert AuditLog.objects.count() == audits


def _assert_nothing_written():
    assert not m.SdgTargetTranslation.objects.exists()
    assert not m.SdgIndicatorTranslation.objects.exists()


def test_missing_language_folder_is_named(reference, sdg_copy):
    shutil.rmtree(sdg_copy / "ru")
    with pytest.raises(ValidationFailed) as err:
        load_sdg_texts(actor="tests", root=sdg_copy)
    assert "language ru" in str(err.value) and str(sdg_copy / "ru") in str(err.value)
    _assert_nothing_written()


def test_unknown_code_names_file_and_line(reference, sdg_copy):
    path = sdg_copy / "fr" / "global_targets.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "18-1-title: Une cible qui n'existe pas\n", encoding="utf-8")
    lines = len((text + "x").splitlines())
    with pytest.raises(ValidationFailed) as err:
        load_sdg_texts(actor="tests", root=sdg_copy)
    msg = str(err.value)
    assert f"{path}:{lines}" in msg and "unknown SDG goal 18" in msg
    _assert_nothing_written()


def test_duplicate_key_is_refused(reference, sdg_copy):
    path = sdg_copy / "es" / "global_goals.yml"
    path.write_text(path.read_text(encoding="utf-8") + "1-title: otra vez\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        load_sdg_texts(actor="tests", root=sdg_copy)
    assert "duplicate key '1-title'" in str(err.value) and str(path) in str(err.value)
    _assert_nothing_written()


def test_malformed_yaml_and_cli_exit_status(reference, sdg_copy):
    path = sdg_copy / "ar" / "global_indicators.yml"
    path.write_text("1-1-1-title: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call_command("load", "sdg-texts", str(sdg_copy))
    assert err.value.returncode == 2
    assert f"{path}:" in str(err.value) and "malformed YAML" in str(err.value)
    _assert_nothing_written()


def test_empty_text_is_refused(reference, sdg_copy):
    path = sdg_copy / "en" / "global_goals.yml"
    path.write_text("1-title: ''\n1-short: No poverty\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        load_sdg_texts(actor="tests", root=sdg_copy)
    assert f"{path}:1" in str(err.value) and "empty text for 1-title" in str(err.value)
    _assert_nothing_written()


def test_wb_income_groups_from_the_real_metadata(reference):
    path = shared_file("ict_indicators", "wb_wdi", "Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv")
    with pytest.raises(ValidationFailed) as err:
        load_wb_income(actor="tests", path=path, valid_from=dt.date(2024, 7, 1))
    assert "XKX" in str(err.value) and f"{path}:" in str(err.value)
    assert not m.Membership.objects.filter(group__kind="income").exists()
    result = load_wb_income(actor="tests", path=path, valid_from=dt.date(2024, 7, 1), skip_unknown=True)
    assert "XKX" in result["skipped"]
    on = dt.date(2025, 1, 1)
    hic = set(m.Membership.objects.valid_on(on).filter(group__code="WB-HIC").values_list("economy__iso3", flat=True))
    assert {"USA", "CHE", "JPN"} <= hic
    assert m.Membership.objects.valid_on(on).filter(group__code="WB-LIC", economy__iso3="AFG").exists()


def test_wb_reclassification_closes_the_old_membership(reference, tmp_path):
    path = tmp_path / "meta.csv"
    path.write_text("Country Code,Region,IncomeGroup\nAFG,South Asia,Low income\nWLD,,\n", encoding="utf-8")
    load_wb_income(actor="tests", path=path, valid_from=dt.date(2023, 7, 1))
    path.write_text("Country Code,Region,IncomeGroup\nAFG,South Asia,Lower middle income\n", encoding="utf-8")
    load_wb_income(actor="tests", path=path, valid_from=dt.date(2024, 7, 1))
    def group_on(day):
        return list(m.Membership.objects.valid_on(day).filter(economy__iso3="AFG", group__kind="income")
                    .values_list("group__code", flat=True))
    assert group_on(dt.date(2024, 1, 1)) == ["WB-LIC"]
    assert group_on(dt.date(2025, 1, 1)) == ["WB-LMC"]
    with pytest.raises(ValidationFailed):
        load_wb_income(actor="tests", path=path.with_name("missing.csv"), valid_from=dt.date(2025, 7, 1))


def test_itu_codes_loader(reference, tmp_path):
    path = shared_file("groupings", "datasets_country-codes_latest.csv")
    load_itu_codes(actor="tests", path=path)
    assert m.Economy.objects.get(iso3="DZA").itu_code == "ALG"
    bad = tmp_path / "codes.csv"
    bad.write_text("ISO3166-1-Alpha-3,ITU\nDZA,ALG\nXXX,ZZZ\nDZA,AGL\nAGO,agl\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        load_itu_codes(actor="tests", path=bad)
    msg = str(err.value)
    assert f"{bad}:3" in msg and "XXX" in msg
    assert f"{bad}:4" in msg and "DZA also on line 2" in msg
    assert f"{bad}:5" in msg and "not 1–3 capital letters" in msg
    assert m.Economy.objects.get(iso3="AGO").itu_code == "AGL"  # from the first, valid load only


def test_missing_column_is_named(reference, tmp_path):
    bad = tmp_path / "meta.csv"
    bad.write_text("Country Code,IncomeGroup\nAFG,Low income\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        load_wb_income(actor="tests", path=bad, valid_from=dt.date(2024, 7, 1))
    assert f"{bad}:1" in str(err.value) and "Region" in str(err.value)


def test_reused_codes_do_not_get_the_old_indicators_text(reference, sdg_dir):
    result = load_sdg_texts(actor="tests", root=sdg_dir)
    assert "8.9.2" in result["skipped"]
    assert not m.SdgIndicatorTranslation.objects.filter(indicator__code="8.9.2").exists()
