"""The economy profile in the API: `/economies/{iso3}/profile`."""

from ninja import Router

from wsis.core.export import download
from wsis.core.i18n import language_param
from wsis.core.schemas import ERRORS, Fmt, Lang
from wsis.reports.economies import selectors
from wsis.reports.economies.schemas import EconomyProfile

router = Router(tags=["economies"])

FILE_COLUMNS = ("indicator", "name", "unit", "year", "value", "status", "source", "region_value", "world_value")


def file_rows(p: dict) -> list[dict]:
    """The profile's indicator table as the rows of its CSV/XLSX file (region and world at the same year)."""
    return [{"economy": p["iso3"], **{k: r[k] for k in FILE_COLUMNS}} for r in p["indicators"]]


@router.get("/{iso3}/profile", response={200: EconomyProfile, **ERRORS},
            summary="Economy profile: indicators beside the region and the world, IDI rank, place in the digital "
                    "divide, activities, funding, requests, data gaps, groups and names",
            description="`format=csv` or `xlsx` answers the indicator table (latest value, year, source, region and "
                        "world at the same year) as a file; the JSON holds everything, series included. Funding and "
                        "requests count what the caller may see.")
def economy_profile(request, iso3: str, lang: Lang = "en", format: Fmt = "json"):
    p = selectors.profile(iso3, language=language_param(lang), viewer=request.user)
    if format != "json":
        return download(file_rows(p), f"profile-{p['iso3']}", format)
    return p
