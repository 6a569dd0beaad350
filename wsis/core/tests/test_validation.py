"""The value layer (wsis.core.validation) and the defects it closes, each at its root."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from wsis.core import validation as v
from wsis.core.errors import ServiceError, ValidationFailed
from wsis.testing.factories import sample

# ---------------------------------------------------------------------------------------------- unit


def _code(fn, *a, **kw):
    with pytest.raises(ValidationFailed) as exc:
        fn(*a, **kw)
    return exc.value.errors[0]


def test_clean_text_refuses_controls_and_lengths():
    assert v.clean_text("  a  ", "f") == "a"
    assert v.clean_text("a\tb\nc", "f", multiline=True) == "a\tb\nc"
    e = _code(v.clean_text, "a\x00b", "title", location="x.csv:3")
    assert (e.code, e.field, e.location) == ("control_character", "title", "x.csv:3") and "NUL" in e.message
    assert _code(v.clean_text, "a\tb", "title").code == "control_character"
    assert _code(v.clean_text, "a\x1bb", "summary", multiline=True).code == "control_character"
    assert _code(v.clean_text, "abcd", "f", max_length=3).code == "too_long"
    assert _code(v.clean_text, "\ud800", "f").code == "invalid_text"
    assert _code(v.clean_text, {"a": 1}, "f").code == "invalid"
    assert v.clean_text("نص\u200cفارسی", "title") == "نص\u200cفارسی"  # prose may carry a joiner


@pytest.mark.parametrize("ch", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_identifiers_refuse_invisible_characters(ch):
    assert _code(v.clean_identifier, f"AG{ch}-1", "reference").code == "invisible_character"


def test_clean_decimal_bounds_and_rounding():
    assert v.clean_decimal("1.50", "x", max_digits=5, decimal_places=2) == Decimal("1.50")
    assert v.clean_decimal("2.500", "x", max_digits=5, decimal_places=2) == Decimal("2.5")
    assert _code(v.clean_decimal, "1e25", "per_usd", max_digits=20, decimal_places=8).code == "out_of_range"
    assert _code(v.clean_decimal, "1.234", "x", max_digits=5, decimal_places=2).code == "too_many_decimals"
    assert _code(v.clean_decimal, "0.000000001", "x", max_digits=20, decimal_places=8).code == "rounds_to_zero"
    assert _code(v.clean_decimal, "0", "x", max_digits=5, decimal_places=2, positive=True).code == "not_positive"
    for bad in ("NaN", "Infinity", "-inf", "abc", "", True, float("nan")):
        assert _code(v.clean_decimal, bad, "x", max_digits=5, decimal_places=2).code == "invalid"
    from wsis.partnerships.models import ExchangeRate

    f = ExchangeRate._meta.get_field("per_usd")
    assert v.clean_decimal_for(f, "99999999999.12345678") == Decimal("99999999999.12345678")
    assert _code(v.clean_decimal_for, f, "1000000000000").field == "per_usd"


def test_clean_int_year_percent_date():
    assert v.clean_int("42", "n", min_value=0) == 42
    assert _code(v.clean_int, "12345678901234567890", "id").code == "out_of_range"
    assert _code(v.clean_int, "1.5", "n").code == "invalid"
    from wsis.stocktaking.models import Activity

    lo, hi = v.integer_range(Activity._meta.get_field("version"))
    assert (lo, hi) == (0, 2147483647)
    assert v.clean_year("2023") == 2023 and v.clean_year(2023.0) == 2023
    for bad in ("2023-02-30", "23", "1850", "2200", dt.date(2023, 1, 1)):
        assert _code(v.clean_year, bad).code == "invalid_year"
    assert v.clean_percent("99.5") == 99.5
    assert _code(v.clean_percent, -5).code == "out_of_range"
    assert _code(v.clean_percent, "250").code == "out_of_range"
    assert v.clean_date("2024-02-29", "d") == dt.date(2024, 2, 29)
    assert _code(v.clean_date, "2023-02-30", "d").code == "invalid"
    assert _code(v.clean_date, "0001-01-01", "d").code == "out_of_range"


def test_loads_json_refuses_duplicate_keys_and_constants():
    assert v.loads_json('{"a": {"b": 1}}') == {"a": {"b": 1}}
    e = _code(v.loads_json, '{"a": 1, "b": {"c": 1, "c": 2}}')
    assert (e.code, e.field) == ("duplicate_key", "c")
    assert _code(v.loads_json, '{"a": NaN}').code == "invalid_json"
    assert _code(v.loads_json, b"\xff\xfe").code == "invalid_json"
    assert _code(v.loads_json, '{"a": ').code == "invalid_json"


@pytest.mark.django_db
def test_the_pre_save_guard_names_model_and_field(reference):
    from wsis.accounts.models import Organisation

    with pytest.raises(ValidationFailed) as exc:
        Organisation.objects.create(name="Bad\x00name", kind="member_state")
    assert exc.value.errors[0].field == "name" and "NUL" in exc.value.errors[0].message
    assert not Organisation.objects.filter(name__startswith="Bad").exists()
    with v.at("orgs.csv:7"), pytest.raises(ValidationFailed) as exc:
        Organisation.objects.create(name="x" * 400, kind="member_state")
    assert exc.value.errors[0].location == "orgs.csv:7" and exc.value.errors[0].code == "too_long"


# ---------------------------------------------------------------------------------------------- defects


@pytest.fixture
def rates_admin(people):
    from wsis.partnerships.models import ExchangeRate

    ExchangeRate.objects.create(currency="EUR", date=dt.date(2024, 1, 1), per_usd="0.90")
    return people["admin"]


@pytest.mark.django_db
@pytest.mark.parametrize("value,code", [("1e25", "out_of_range"), ("0.000000001", "rounds_to_zero"),
                                        ("1.123456789", "too_many_decimals"), ("0", "not_positive")])
def test_a_rate_the_column_cannot_hold_is_refused_with_its_row(client, rates_admin, value, code):
    from wsis.partnerships.models import ExchangeRate

    client.force_login(rates_admin)
    body = f"currency,date,per_usd,source\nEUR,2031-03-01,{value},typo\n".encode()
    r = client.post("/api/v1/partnerships/rates/import", {"file": SimpleUploadedFile("rates.csv", body)})
    assert r.status_code == 400, r.content
    err = r.json()["errors"][0]
    assert (err["location"], err["field"]) == ("rates.csv:2", "per_usd") and err["code"] in (code, "invalid"), err
    assert ExchangeRate.objects.count() == 1
    assert client.get("/api/v1/partnerships/rates").status_code == 200


@pytest.mark.django_db
def test_rates_import_service_checks_rows_it_is_given(rates_admin):
    from wsis.partnerships.funding import services as funding_services
    from wsis.partnerships.models import ExchangeRate

    with pytest.raises(ValidationFailed) as exc:
        funding_services.rates_import(actor=rates_admin, rows=[
            {"currency": "EUR", "date": dt.date(2031, 3, 1), "per_usd": Decimal("1e25"), "source": "typo"}])
    assert exc.value.errors[0].field == "per_usd"
    assert ExchangeRate.objects.count() == 1


@pytest.mark.django_db
def test_a_forty_digit_budget_is_a_clear_400(client, people):
    from wsis.stocktaking.models import Activity

    client.force_login(people["admin"])
    before = Activity.objects.count()
    r = client.post("/api/v1/activities", json.dumps(sample(budget_amount="9" * 40)), content_type="application/json")
    assert r.status_code == 400, r.content
    assert r.json()["errors"][0]["field"] == "budget_amount"
    assert Activity.objects.count() == before
    r = client.post("/api/v1/activities", json.dumps(sample(budget_amount="10.005")), content_type="application/json")
    assert r.status_code == 400 and r.json()["errors"][0]["code"] == "too_many_decimals"


@pytest.mark.django_db
def test_duplicate_keys_in_an_api_body_are_refused(client, people):
    from wsis.stocktaking.models import Activity

    client.force_login(people["admin"])
    body = json.dumps(sample())[:-1] + ', "kind": "event"}'
    r = client.post("/api/v1/activities", body, content_type="application/json")
    assert r.status_code == 400, r.content
    assert r.json()["errors"][0]["code"] == "duplicate_key" and r.json()["errors"][0]["field"] == "kind"
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_nul_in_a_text_is_refused_on_every_path(client, people):
    from wsis.stocktaking.models import Activity

    client.force_login(people["admin"])
    data = sample()
    data["texts"]["en"]["summary"] = "Support\x00 to the plan"
    r = client.post("/api/v1/activities", json.dumps(data), content_type="application/json")
    assert r.status_code == 400, r.content
    assert r.json()["errors"][0]["field"] == "texts.en.summary"
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_import_with_publish_goes_through_the_checks(people):
    from wsis.stocktaking import services
    from wsis.stocktaking.models import Activity

    good = sample(external_id="XM-OK-1")
    bad = sample(external_id="XM-BAD-1", action_lines=[], sdg_targets=[])
    with pytest.raises(ServiceError) as exc:
        services.activities_import(actor=people["admin"], items=[("f.csv:2", good), ("f.csv:3", bad)], publish=True)
    errs = exc.value.errors
    assert exc.value.status == 409
    assert {e.location for e in errs} == {"f.csv:3"} and {e.field for e in errs} == {"action_lines", "sdg_targets"}
    assert not Activity.objects.exists()
    services.activities_import(actor=people["admin"], items=[("f.csv:2", good)], publish=True)
    a = Activity.objects.get(external_id="XM-OK-1")
    assert a.state == "published" and a.version == 1 and a.versions.count() == 1
    assert list(a.transitions.values_list("from_state", "to_state")) == [("", "draft"), ("draft", "published")]


@pytest.mark.django_db
def test_check_values_finds_what_was_stored_around_the_guard(people):
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.db import connection

    from wsis.accounts.models import Organisation

    out = io.StringIO()
    call_command("check_values", stdout=out)
    assert "No stored value out of bounds." in out.getvalue()
    org = Organisation.objects.get(name="Other ministry (test)")
    Organisation.objects.filter(pk=org.pk).update(name="Other\x1bministry")  # update() sends no pre-save signal
    if connection.vendor == "sqlite":  # only SQLite stores a number its column cannot hold
        with connection.cursor() as c:
            c.execute("INSERT INTO partnerships_exchangerate (currency, date, per_usd, source) "
                      "VALUES ('EUR', '2031-03-01', 1e25, 'typo')")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_values", stdout=out)
    assert f"accounts.Organisation #{org.pk} name: holds the control character U+001B" in out.getvalue()
    if connection.vendor == "sqlite":
        assert "partnerships.ExchangeRate #" in out.getvalue() and "per_usd:" in out.getvalue()
