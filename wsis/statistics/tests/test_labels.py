"""Breakdown keys read as words in the page's language, never as SDMX codes."""

import pytest
from django.utils import translation

from wsis.statistics.labels import breakdown_label


@pytest.mark.parametrize("key,label", [
    ("AGE=_T|SEX=_T|URBANISATION=_T", "Total"),
    ("", "Total"),
    ("AGE=_T|SEX=F|URBANISATION=_T", "Sex: female"),
    ("AGE=Y15T24|SEX=M", "Age: 15–24 · Sex: male"),
    ("AGE=Y_GE75", "Age: 75 and over"),
    ("URBANISATION=R", "Area: rural"),
    ("SPEED=S256KT2M", "Speed: 256 kbit/s–2 Mbit/s"),
    ("SPEED=S_GE10M", "Speed: 10 Mbit/s and over"),
    ("COLOUR=RED", "COLOUR=RED"),  # a dimension we do not know stays as its code
])
def test_breakdown_labels_in_english(key, label):
    with translation.override("en"):
        assert breakdown_label(key) == label


@pytest.mark.parametrize("lang", ["ar", "zh-hans", "fr", "ru", "es"])
def test_breakdown_labels_are_translated(lang):
    with translation.override(lang):
        label = breakdown_label("AGE=_T|SEX=F|URBANISATION=_T")
        total, word = breakdown_label("AGE=_T|SEX=_T"), translation.gettext("Total")
    assert label != "Sex: female" and "female" not in label
    assert total == word


@pytest.mark.parametrize("lang", ["ar", "zh-hans", "fr", "ru", "es"])
def test_units_and_gap_filling_methods_are_translated(lang):
    from wsis.statistics.aggregate import LABELS
    from wsis.statistics.labels import FILL_NAMES, UNIT_NAMES, fill_label, unit_label

    assert set(LABELS.values()) <= set(FILL_NAMES)  # every code the aggregation writes has a name
    with translation.override(lang):
        for code in FILL_NAMES:
            assert fill_label(code) not in (code, code.replace("_", " ")), (lang, code)
        for unit in UNIT_NAMES:
            assert unit_label(unit) != unit, (lang, unit)
        assert unit_label("%") == "%" and unit_label("no such unit") == "no such unit"
