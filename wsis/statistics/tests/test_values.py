"""Values a statistics import must refuse, each with its file row, before anything is written."""

import pytest

from wsis.core.errors import ValidationFailed
from wsis.statistics.importing import import_bytes
from wsis.statistics.models import Observation, Release
from wsis.testing.factories import long_csv

pytestmark = pytest.mark.django_db

WIDE = ("Country Name,Country Code,Indicator Name,Indicator Code,2022,{header},\n"
        "Kenya,KEN,Individuals using the Internet (% of population),IT.NET.USER.ZS,40,41,\n")


def _refused(user, content, name):
    with pytest.raises(ValidationFailed) as exc:
        import_bytes(user, content, name)
    assert not Release.objects.exists() and not Observation.objects.exists()
    return exc.value.errors


@pytest.mark.parametrize("header", ["2023-02-30", "23", "1850", "Notes"])
def test_a_wide_column_that_is_not_a_year_is_a_located_error(statistician, header):
    errors = _refused(statistician, WIDE.format(header=header).encode(), "API_IT.NET.USER.ZS_DS2_en_csv_v2_1.csv")
    assert errors[0].code == "invalid_year" and errors[0].field == header
    assert errors[0].location == "API_IT.NET.USER.ZS_DS2_en_csv_v2_1.csv:1"


@pytest.mark.parametrize("value", ["-5", "250", "100.01"])
def test_a_percentage_outside_0_100_is_refused(statistician, value):
    errors = _refused(statistician, long_csv([("Kenya", "KEN", 2022, "40"), ("Uganda", "UGA", 2022, value)]),
                      "WDI_IT.NET.USER.ZS_long.csv")
    assert [(e.code, e.field, e.location) for e in errors] == [("out_of_range", "value",
                                                                 "WDI_IT.NET.USER.ZS_long.csv:3")]


def test_a_year_outside_the_range_is_refused_in_a_long_file(statistician):
    errors = _refused(statistician, long_csv([("Kenya", "KEN", 23, "40")]), "WDI_IT.NET.USER.ZS_long.csv")
    assert errors[0].code == "invalid_year" and errors[0].location == "WDI_IT.NET.USER.ZS_long.csv:2"


def test_edges_are_accepted(statistician):
    result = import_bytes(statistician, long_csv([("Kenya", "KEN", 2022, "0"), ("Uganda", "UGA", 2022, "100")]),
                          "WDI_IT.NET.USER.ZS_long.csv")
    assert result.observations == 2
