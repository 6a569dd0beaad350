"""Importing releases (real World Bank files and hand-made bad ones), matching, idempotency, current values,
release comparison, and our group figures against the sources' own."""

import pytest

from wsis.core.errors import PermissionDenied, ValidationFailed
from wsis.core.models import AuditLog
from wsis.statistics import selectors
from wsis.statistics.importing import import_bytes
from wsis.statistics.models import Observation, PublishedAggregate, Release
from wsis.testing.factories import long_csv
from wsis.testing.support import shared_file

pytestmark = pytest.mark.django_db
WB = ("ict_indicators", "wb_wdi")


def _import(user, path_parts, **kw):
    path = shared_file(*path_parts)
    return import_bytes(user, path.read_bytes(), path.name, **kw)


def _rows_in(parts) -> int:
    """Non-empty values in the file, counted independently of the importer."""
    import csv
    import io

    text = shared_file(*parts).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    if header[:4] == ["Country Name", "Country Code", "Year", "Value"]:
        return sum(1 for r in rows[1:] if len(r) > 3 and r[3].strip())
    first_year = header.index("1960")
    return sum(1 for r in rows[1:] for v in r[first_year:] if v.strip())


def _nothing_written():
    return not Release.objects.exists() and not Observation.objects.exists() and not PublishedAggregate.objects.exists()


@pytest.mark.parametrize("parts,indicator,observations,aggregates,unmatched", [
    (("population", "WDI_SP.POP.TOTL_long.csv"), "POP", 14160, 3168, {"XKX"}),
    ((*WB, "API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv"), "INTERNET_USERS", 6709, 1609, {"XKX"}),
    ((*WB, "WDI_IT.NET.BBND.P2_long.csv"), "FBB_100", 4330, 989, set()),
    ((*WB, "WDI_IT.CEL.SETS.P2_long.csv"), "MOBILE_100", 10587, 2423, {"XKX"}),
    ((*WB, "WDI_IT.MLT.MAIN.P2_long.csv"), "FIXED_TEL_100", 11787, 2734, {"XKX"}),
])
def test_real_world_bank_files_import_with_counts(statistician, parts, indicator, observations, aggregates, unmatched):
    result = _import(statistician, parts, skip_unmatched=True)
    assert result.created and result.indicators == [indicator]
    # Every row of the file is an economy, a published aggregate, or a listed unmatched area.
    assert (result.observations, result.aggregates) == (observations, aggregates)
    assert observations + aggregates + sum(u["rows"] for u in result.unmatched) == _rows_in(parts)
    assert {u["area"] for u in result.unmatched} == unmatched
    assert Observation.objects.filter(release=result.release).count() == observations
    # The World Bank's WLD and LDC figures are kept as published aggregates of our WORLD and LDC groups.
    assert PublishedAggregate.objects.filter(release=result.release, area="WLD", group_code="WORLD").exists()
    again = _import(statistician, parts, skip_unmatched=True)
    assert not again.created and again.release == result.release and Release.objects.count() == 1
    assert AuditLog.objects.filter(verb="release.import").count() == 1


def test_unmatched_areas_refuse_the_whole_file_and_name_them(statistician):
    with pytest.raises(ValidationFailed) as exc:
        _import(statistician, ("population", "WDI_SP.POP.TOTL_long.csv"))
    assert "XKX (Kosovo)" in str(exc.value) and "--skip-unmatched" in str(exc.value)
    assert _nothing_written()


@pytest.mark.parametrize("rows,fragment,field", [
    ([("Kenya", "KEN", 2020, "29.5"), ("Kenya", "KEN", 2021, "lots")], "lots", "Value"),
    ([("Kenya", "KEN", 2020, "29.5"), ("Kenya", "KEN", 2020, "31")], "appears twice with different values", "value"),
    ([("Atlantis", "ATL", 2020, "29.5")], "ATL (Atlantis)", "area"),
])
def test_bad_rows_name_the_line_and_nothing_is_written(statistician, rows, fragment, field):
    with pytest.raises(ValidationFailed) as exc:
        import_bytes(statistician, long_csv(rows), "WDI_IT.NET.USER.ZS_long.csv")
    assert any(fragment in e.message and e.field == field for e in exc.value.errors), exc.value.errors
    assert _nothing_written()


def test_same_value_twice_is_accepted_once(statistician):
    r = import_bytes(statistician, long_csv([("Kenya", "KEN", 2020, "29.5"), ("Kenya", "KEN", 2020, "29.5")]),
                     "WDI_IT.NET.USER.ZS_long.csv")
    assert r.observations == 1


def test_a_unit_that_contradicts_the_indicator_is_refused(statistician):
    content = (b"Country Name,Country Code,Indicator Name,Indicator Code,2020\n"
               b"Kenya,KEN,Individuals using the Internet (number),IT.NET.USER.ZS,14000000\n")
    with pytest.raises(ValidationFailed, match="is in 'number' but indicator INTERNET_USERS is in '%'"):
        import_bytes(statistician, content, "API_IT.NET.USER.ZS.csv")
    assert _nothing_written()


def test_unknown_series_needs_create_indicators(statistician):
    content = long_csv([("Kenya", "KEN", 2020, "3.1")])
    with pytest.raises(ValidationFailed, match="not a known indicator"):
        import_bytes(statistician, content, "WDI_XX.NEW.SERIES_long.csv")
    r = import_bytes(statistician, content, "WDI_XX.NEW.SERIES_long.csv", create_indicators=True)
    assert r.indicators == ["XX.NEW.SERIES"]
    assert selectors.indicator_get("XX.NEW.SERIES").rule == "none"


def test_only_statisticians_and_admins_import(statistician, people):
    with pytest.raises(PermissionDenied):
        import_bytes(people["author"], long_csv([("Kenya", "KEN", 2020, "29.5")]), "WDI_IT.NET.USER.ZS_long.csv")
    assert _nothing_written()


def test_newer_release_becomes_current_and_releases_compare(statistician):
    first = import_bytes(statistician, long_csv([("Kenya", "KEN", 2020, "29.5"), ("Ghana", "GHA", 2020, "58")]),
                         "WDI_IT.NET.USER.ZS_long.csv").release
    second = import_bytes(statistician, long_csv([("Kenya", "KEN", 2020, "30.1"), ("Kenya", "KEN", 2021, "33")]),
                          "WDI_IT.NET.USER.ZS_long.csv").release
    ind = selectors.indicator_get("INTERNET_USERS")
    current = {(o["economy"], o["year"]): (o["value"], o["release"]) for o in
               selectors.observations(ind, dims=selectors.total_dims(ind))}
    # Ghana 2020 is only in the first release: it stays current; Kenya 2020 is the newer value.
    assert current == {("GHA", 2020): (58.0, first.pk), ("KEN", 2020): (30.1, second.pk),
                       ("KEN", 2021): (33.0, second.pk)}
    diff = selectors.release_diff(first, second)
    assert (diff["added"], diff["removed"], diff["changed"], diff["unchanged"]) == (1, 1, 1, 0)
    changed = next(r for r in diff["rows"] if r["old"] is not None and r["new"] is not None)
    assert changed["economy"] == "KEN" and changed["change"] == pytest.approx(0.6)


def test_real_data_retires_demo_values(statistician):
    from wsis.statistics.demo import load_demo_statistics

    load_demo_statistics()
    ind = selectors.indicator_get("INTERNET_USERS")
    dims = selectors.total_dims(ind)
    assert Observation.objects.filter(indicator=ind, dims=dims, is_current=True, release__is_demo=True).exists()
    import_bytes(statistician, long_csv([("Kenya", "KEN", 2020, "29.5")]), "WDI_IT.NET.USER.ZS_long.csv")
    assert not Observation.objects.filter(indicator=ind, is_current=True, release__is_demo=True).exists()
    assert [o["economy"] for o in selectors.observations(ind, dims=dims)] == ["KEN"]
    # Other indicators keep their demo values until real data of theirs arrives.
    assert Observation.objects.filter(indicator__code="MOBILE_100", is_current=True, release__is_demo=True).exists()


def test_world_and_ldc_figures_track_the_world_banks_own(statistician):
    """Our population-weighted world and LDC means of Internet use beside the World Bank's WLD and LDC."""
    _import(statistician, ("population", "WDI_SP.POP.TOTL_long.csv"), skip_unmatched=True)
    _import(statistician, (*WB, "API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv"), skip_unmatched=True)
    ind = selectors.indicator_get("INTERNET_USERS")
    rows = {(r["group"], r["year"]): r for r in selectors.aggregates(ind, groups=["WORLD", "LDC"], years=(2015, 2023))}
    for g in ("WORLD", "LDC"):
        for y in range(2015, 2023):
            r = rows[(g, y)]
            assert r["published"] and r["published_by_source"] is not None
            # Same data, different gap filling: within 1.5 percentage points every year (measured: ≤ 1.16).
            assert abs(r["difference"]) < 1.5, (g, y, r["value"], r["published_by_source"])
    # 2023: only 59 economies reported (42 % of the world's population): no world figure is published.
    assert rows[("WORLD", 2023)]["value"] is None and rows[("WORLD", 2023)]["coverage"] < 0.5
    assert rows[("WORLD", 2023)]["value_unpublished"] is not None


UNSD = ("ict_indicators", "unsd_sdg_db")


def test_un_ldc_lldc_sids_figures_from_the_un_country_data(statistician):
    """The UN SDG database carries the economies' values and the UN's own group figures. We compute the groups
    from the economies (population from the World Bank) and compare, ours − UN, in percentage points:

    2021 (measured): World −0.2, LDC −2.1, LLDC +2.1, SIDS (M49) +0.6 — the same country data, different
    population estimates (World Bank vs UN) and different imputation (regional peers vs ITU's models).
    2022: this vintage has no total country values for 2022 at all (only 8 economies by sex), while the UN
    publishes ITU's 2022 estimates (World 66.3, LDC 36.14, LLDC 36.44, SIDS 66.33). Our rule then carries
    2021 values forward: World −4.1, LDC −7.1, LLDC −1.9, SIDS −3.5, with coverage by reported data 0,
    so by default no 2022 figure is published."""
    _import(statistician, ("population", "WDI_SP.POP.TOTL_long.csv"), skip_unmatched=True)
    name = "ddf--datapoints--it_use_ii99--by--age--geo_area--nature--sex--units--year.csv"
    result = _import(statistician, (*UNSD, name), skip_unmatched=True)
    assert [u["area"] for u in result.unmatched] == ["412"]  # Kosovo: not an ISO 3166 economy
    ind = selectors.indicator_get("INTERNET_USERS")
    groups = ["WORLD", "LDC", "LLDC", "SIDS-M49"]
    from wsis.statistics.aggregate import GapFill

    # Most values of this vintage are marked "estimated" by ITU (nature e), which our coverage does not count
    # as reported; the threshold is lowered to compare like with like.
    method = GapFill(min_coverage=0.0)
    y2021 = {r["group"]: r for r in selectors.aggregates(ind, groups=groups, years=(2021, 2021), method=method)}
    un2021 = {"WORLD": 62.6, "LDC": 31.2, "LLDC": 32.6, "SIDS-M49": 62.2}
    for group, theirs in un2021.items():
        r = y2021[group]
        assert r["published_by_source"] == pytest.approx(theirs)
        assert abs(r["difference"]) < 2.5, (group, r["value"], theirs)
    y2022 = {r["group"]: r for r in selectors.aggregates(ind, groups=groups, years=(2022, 2022), method=method)}
    assert all(r["coverage"] == 0 for r in y2022.values())
    assert all(r["value"] < r["published_by_source"] for r in y2022.values())
    assert {g: r["published_by_source"] for g, r in y2022.items()} == pytest.approx(
        {"WORLD": 66.3, "LDC": 36.14, "LLDC": 36.44, "SIDS-M49": 66.33})
    default = selectors.aggregates(ind, groups=["WORLD"], years=(2022, 2022))
    assert default[0]["value"] is None and not default[0]["published"]


@pytest.mark.parametrize("name,indicators,observations,aggregates,unmatched", [
    ("ddf--datapoints--it_mob_2gntwk--by--geo_area--nature--units--year.csv", ["COVERAGE_2G"], 3317, 216, []),
    ("ddf--datapoints--it_mob_3gntwk--by--geo_area--nature--units--year.csv", ["COVERAGE_3G"], 2293, 216, []),
    ("ddf--datapoints--it_mob_4gntwk--by--geo_area--nature--units--year.csv", ["COVERAGE_4G"], 1681, 213, []),
    ("ddf--datapoints--it_mob_own--by--geo_area--nature--sex--units--year.csv", ["MOBILE_OWNERSHIP"], 972, 144, []),
    ("ddf--datapoints--it_net_bbnd--by--age--freq--geo_area--location--nature--sex--type_of_speed--units--year.csv",
     ["FBB_100"], 8669, 369, []),
    ("ddf--datapoints--it_net_bbndn--by--age--freq--geo_area--location--nature--sex--type_of_speed--units--year.csv",
     ["FBB_SUBS"], 8669, 14, []),
    ("ddf--datapoints--it_use_ii99--by--age--geo_area--nature--sex--units--year.csv", ["INTERNET_USERS"], 6808, 692,
     ["412"]),
])
def test_real_un_sdg_files_import_with_counts(statistician, name, indicators, observations, aggregates, unmatched):
    """Each UN SDG database file: economies by M49 code, the UN's group figures kept as published aggregates,
    and every row accounted for (records = observations + aggregates + rows of unmatched areas)."""
    from wsis.statistics.sources import unsd

    result = _import(statistician, (*UNSD, name), skip_unmatched=True)
    assert (result.indicators, result.observations, result.aggregates) == (indicators, observations, aggregates)
    assert [u["area"] for u in result.unmatched] == unmatched
    records = len(unsd.read_ddf(shared_file(*UNSD, name).read_bytes(), name).records)
    assert records == observations + aggregates + sum(u["rows"] for u in result.unmatched)


def test_real_owid_file_imports_with_counts(statistician):
    name = "population-covered-by-mobile-network-by-network-capability.csv"
    result = _import(statistician, ("ict_indicators", "owid", name), skip_unmatched=True)
    assert result.indicators == ["COVERAGE_2G", "COVERAGE_3G", "COVERAGE_4G"]
    assert (result.observations, result.aggregates, result.unmatched) == (7731, 415, [])
    assert PublishedAggregate.objects.filter(area="World", group_code="WORLD", indicator__code="COVERAGE_4G",
                                             year=2023).get().value == pytest.approx(90.1)


def test_deletions_keep_observations_consistent_without_database_foreign_keys(statistician):
    """Observations carry no database-level foreign keys (bulk loads); Django applies on_delete instead."""
    from django.db.models import ProtectedError

    from wsis.reference.models import Economy

    r = import_bytes(statistician, long_csv([("Kenya", "KEN", 2020, "29.5")]), "WDI_IT.NET.USER.ZS_long.csv")
    with pytest.raises(ProtectedError):
        selectors.indicator_get("INTERNET_USERS").delete()
    with pytest.raises(ProtectedError):
        Economy.objects.get(iso3="KEN").delete()
    r.release.delete()
    assert not Observation.objects.exists()
