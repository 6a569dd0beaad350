"""The forms' pickers on the server side: choices labelled in the page language, non-economies left out, currencies
from ISO 4217, partners as rows of organisation and role with errors that name the row and the field, and nothing
written when a form is refused."""

import pytest
from django.utils import translation

from wsis.accounts.models import Organisation
from wsis.reference import selectors as ref
from wsis.reference.models import SdgTarget, SdgTargetTranslation
from wsis.stocktaking.models import Activity, Participant
from wsis.stocktaking.services import activity_create, to_data
from wsis.testing.factories import sample
from wsis.web.activity_forms import ActivityForm, parse_partner_lines
from wsis.web.tests.test_activity_views import form_data

pytestmark = pytest.mark.django_db


def _rows(*rows):
    """POST fields of partner rows given as (organisation id or "", name, role)."""
    out = {"partner_rows": str(len(rows))}
    for i, (org, name, role) in enumerate(rows):
        out.update({f"partner-{i}-organisation": str(org), f"partner-{i}-name": name, f"partner-{i}-role": role})
    return out


def _post(**over):
    data = form_data(**over)
    for k in ("partner_rows", "partner-0-name", "partner-0-role"):
        if k not in over:
            data.pop(k, None)
    return data


# ---------------------------------------------------------------------------------------------- choices

def test_economy_choices_leave_out_non_economies_but_keep_a_stored_one(reference):
    codes = [c for c, _ in ref.economy_choices(language="en")]
    assert "KEN" in codes and "ATA" not in codes and "BVT" not in codes
    assert len(codes) == 249 - len(ref.NOT_ECONOMIES)
    assert "ATA" in [c for c, _ in ref.economy_choices(language="en", keep=["ATA"])]
    assert ("KEN", "Kenya (KEN)") in ref.economy_choices(language="en")
    assert ("KEN", "肯尼亚 (KEN)") in ref.economy_choices(language="zh-hans")
    assert ("KEN", "كينيا (KEN)") in ref.economy_choices(language="ar")


def test_sdg_targets_carry_their_text_in_the_page_language_or_the_code(reference):
    t = SdgTarget.objects.get(code="1.2")
    SdgTargetTranslation.objects.update_or_create(target=t, language="fr", defaults={"title": "Réduire la pauvreté"})
    SdgTargetTranslation.objects.update_or_create(target=t, language="en", defaults={"title": "Reduce poverty"})
    fr = dict(ref.tag_choices(language="fr")["sdg_targets"])
    assert fr["1.2"] == "1.2 — Réduire la pauvreté"
    # A language without the text falls back to English, and a target without any text to its code.
    assert dict(ref.tag_choices(language="ru")["sdg_targets"])["1.2"] == "1.2 — Reduce poverty"
    bare = SdgTarget.objects.exclude(translations__isnull=False).first()
    if bare is not None:
        assert dict(ref.tag_choices(language="en")["sdg_targets"])[bare.code] == bare.code


def test_currency_choices_are_current_iso_4217_codes_named_in_the_page_language(reference):
    en = dict(ref.currency_choices(language="en"))
    assert en["KES"] == "KES — Kenyan Shilling" and "USD" in en and "EUR" in en
    assert "YUD" not in en
    assert dict(ref.currency_choices(language="zh-hans"))["KES"] == "KES — 肯尼亚先令"
    assert dict(ref.currency_choices(language="ar"))["KES"].startswith("KES — ")
    assert "YUD" in dict(ref.currency_choices(language="en", keep=["YUD"]))
    assert ref.is_currency("KES") and not ref.is_currency("kes") and not ref.is_currency("XYZ")


def test_parse_partner_lines_keeps_the_text_format():
    assert parse_partner_lines("UNDP [funding]\n\n  Ministry  \nX [Beneficiary]") == [
        ("UNDP", "funding"), ("Ministry", "implementing"), ("X", "beneficiary")]


# ---------------------------------------------------------------------------------------------- the form

def test_form_accepts_a_currency_from_the_list_and_refuses_another(reference, people):
    with translation.override("en"):
        ok = ActivityForm(_post(budget_amount="5000", budget_currency="KES"))
        assert ok.is_valid(), ok.errors
        assert ok.to_data({"id": 1})["budget_currency"] == "KES"
        bad = ActivityForm(_post(budget_amount="5000", budget_currency="XYZ"))
        assert not bad.is_valid() and "budget_currency" in bad.errors


def test_form_reads_partner_rows_with_organisations_names_and_roles(reference, people):
    ro = Organisation.objects.get(name="RO Africa (test)")
    with translation.override("en"):
        form = ActivityForm(_post(**_rows((ro.pk, "", "funding"), ("", "", "implementing"),
                                          ("", "Kenya Red Cross", "beneficiary"))))
        assert form.is_valid(), form.errors
        assert form.to_data({"id": 1})["partners"] == [
            {"id": ro.pk, "name": "RO Africa (test)", "role": "funding"},
            {"name": "Kenya Red Cross", "role": "beneficiary"}]


@pytest.mark.parametrize(("row", "message"), [
    (("999999", "", "implementing"), "Partner 2, organisation: choose an organisation from the list."),
    (("", "Kenya Red Cross", "lead"), "Partner 2, role: choose implementing, funding or beneficiary."),
    (("", "Kenya Red Cross", "sponsor"), "Partner 2, role: choose implementing, funding or beneficiary."),
    (("ORG", "Kenya Red Cross", "funding"), "Partner 2, name: choose an organisation from the list or type the name "
                                            "of one not listed, not both."),
    (("", "x" * 301, "funding"), "Partner 2, name: at most 300 characters."),
])
def test_bad_partner_rows_are_named_and_nothing_is_written(client, reference, people, row, message):
    ro = Organisation.objects.get(name="RO Africa (test)")
    row = (ro.pk if row[0] == "ORG" else row[0], row[1], row[2])
    client.force_login(people["author"])
    before = Organisation.objects.count()
    r = client.post("/en/activities/new/", _post(**_rows((ro.pk, "", "implementing"), row)))
    page = r.content.decode()
    assert r.status_code == 200
    assert message in page
    assert 'aria-invalid="true" aria-describedby="partner-1-' in page
    assert not Activity.objects.exists() and Organisation.objects.count() == before


def test_bad_currency_on_the_page_writes_nothing(client, reference, people):
    client.force_login(people["author"])
    r = client.post("/en/activities/new/", _post(budget_amount="100", budget_currency="ABC"))
    assert r.status_code == 200 and "Select a valid choice" in r.content.decode()
    assert not Activity.objects.exists()


def test_new_activity_with_partner_rows_is_saved_and_edited_back(client, reference, people):
    ro = Organisation.objects.get(name="RO Africa (test)")
    client.force_login(people["author"])
    r = client.post("/en/activities/new/", _post(
        economies=["KEN", "NGA", "GHA"], sdg_targets=["4.4", "9.c"], budget_amount="25000", budget_currency="KES",
        **_rows((ro.pk, "", "funding"), ("", "Kenya Red Cross (test)", "beneficiary"), ("", "", "implementing"))))
    a = Activity.objects.get()
    assert r.status_code == 302
    parts = {(p.organisation.name, p.role) for p in Participant.objects.filter(activity=a).select_related("organisation")}
    assert ("RO Africa (test)", "funding") in parts and ("Kenya Red Cross (test)", "beneficiary") in parts
    assert sorted(a.economies.values_list("iso3", flat=True)) == ["GHA", "KEN", "NGA"]
    assert a.budget_currency == "KES"
    page = client.get(f"/en/activities/{a.pk}/edit/").content.decode()
    # The known organisation comes back chosen in its row, the new one too (it is in the register now).
    assert f'<option value="{ro.pk}" selected>RO Africa (test)</option>' in page
    red_cross = Organisation.objects.get(name="Kenya Red Cross (test)")
    assert f'<option value="{red_cross.pk}" selected>Kenya Red Cross (test)</option>' in page
    assert '<option value="KES" selected>KES — Kenyan Shilling</option>' in page


def test_the_earlier_text_box_still_posts(client, reference, people):
    client.force_login(people["author"])
    data = _post(partners="RO Africa (test) [funding]\nSomebody new (test)")
    r = client.post("/en/activities/new/", data)
    assert r.status_code == 302
    roles = dict(Participant.objects.exclude(role="lead").values_list("organisation__name", "role"))
    assert roles == {"RO Africa (test)": "funding", "Somebody new (test)": "implementing"}


def test_an_activity_tagged_with_antarctica_keeps_it_on_edit(client, reference, people):
    a = activity_create(actor=people["author"], data=sample(economies=["ATA", "KEN"]))
    client.force_login(people["author"])
    page = client.get(f"/en/activities/{a.pk}/edit/").content.decode()
    assert '<option value="ATA" selected>' in page
    new = client.get("/en/activities/new/").content.decode()
    assert 'value="ATA"' not in new and '<option value="KEN">Kenya (KEN)</option>' in new
    assert to_data(a)["economies"] == ["ATA", "KEN"]


@pytest.mark.parametrize("lang", ["en", "zh-hans", "ar"])
def test_editor_page_loads_the_picker_and_offers_dates_and_rows(client, reference, people, lang):
    client.force_login(people["author"])
    page = client.get(f"/{lang}/activities/new/").content.decode()
    assert "wsis/picker.js" in page and 'id="picker-strings"' in page
    assert 'type="date" name="start_date"' in page and 'type="date" name="end_date"' in page
    assert 'name="economies"' in page and "data-picker" in page
    assert 'name="partner_rows" value="3"' in page and 'name="partner-2-role"' in page
    assert "<template data-row-template>" in page and 'name="partner-__i__-organisation"' in page
    assert 'name="partners"' not in page and "<script>" not in page and " style=" not in page


def test_flow_form_offers_currencies_and_refuses_an_unknown_one(client, funding):
    client.force_login(funding["officer"])
    page = client.get(f"/en/partnerships/flows/new/?activity={funding['activity'].pk}").content.decode()
    assert '<select id="currency" name="currency" data-picker>' in page
    assert '<option value="EUR">EUR — Euro</option>' in page and "wsis/picker.js" in page
    data = {"activity": funding["activity"].pk, "funder": funding["eu"].pk, "stage": "commitment", "amount": "10",
            "currency": "ZZZ", "value_date": "2024-03-01", "mechanism": "trust_fund"}
    from wsis.partnerships.models import Flow
    before = Flow.objects.count()
    r = client.post("/en/partnerships/flows/new/", data)
    page = r.content.decode()
    assert r.status_code == 200 and "unknown currency code" in page
    # The refused code stays visible as the choice, so the person sees what was wrong.
    assert '<option value="ZZZ" selected>ZZZ</option>' in page
    assert Flow.objects.count() == before


def test_report_scopes_are_grouped_without_non_economies(client, funding):
    client.force_login(funding["officer"])
    page = client.get("/en/reports/").content.decode()
    assert '<select id="rp-scope" name="scope" data-picker' in page
    assert '<optgroup label="Economies">' in page and '>Kenya (KEN)</option>' in page and "(ATA)" not in page


def test_economies_on_a_page_in_another_language_also_match_their_english_name(client, reference, people):
    client.force_login(people["author"])
    zh = client.get("/zh-hans/activities/new/").content.decode()
    assert '<option value="KEN" data-search="Kenya">肯尼亚 (KEN)</option>' in zh
    en = client.get("/en/activities/new/").content.decode()
    assert "data-search" not in en


def test_the_service_refuses_a_currency_that_is_not_iso_4217(reference, people):
    from wsis.core.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as exc:
        activity_create(actor=people["author"], data=sample(budget_amount="10", budget_currency="ABC"))
    assert [(e.code, e.field) for e in exc.value.errors] == [("unknown_currency", "budget_currency")]
    assert not Activity.objects.exists()
    assert activity_create(actor=people["author"], data=sample(budget_amount="10", budget_currency="KES"))
