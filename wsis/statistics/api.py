"""ICT statistics endpoints: indicators, observations, group aggregates with coverage, the digital divide,
strategic-target tracking, index scores, economy profiles, releases and their comparison, imports."""

from typing import Annotated

from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile
from pydantic import Field

from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id, Year
from wsis.core.export import download
from wsis.core.i18n import language_param
from wsis.core.lists import list_route
from wsis.core.schemas import ERRORS, Fmt, Lang
from wsis.core.uploads import read_upload
from wsis.statistics import lists, selectors
from wsis.statistics.schemas import (
    DivideOut,
    EconomyProfileOut,
    IndexScoresOut,
    ReleaseDiffOut,
    ReleaseImportOut,
)

router = Router(tags=["statistics"])


list_route(router, "/indicators", lists.INDICATORS, summary="Indicators with their rules and coverage")


@router.get("/indicators/{code}/observations", response={200: lists.OBSERVATIONS.answer, **ERRORS},
            summary="Observations by economy, year and dimension (current values, or those of one release)")
def observations(request, code: str, filters: Query[lists.ObservationFilters], format: Fmt = "json"):
    params = lists.ObservationParams(code=code, **filters.model_dump())
    return lists.OBSERVATIONS.respond(None, params, "en", format)


@router.get("/indicators/{code}/aggregates", response={200: lists.AGGREGATES.answer, **ERRORS},
            summary="Group figures with coverage, the economies filled and how, and the source's own figure",
            description="groups = comma-separated codes (WORLD, AFR…, LDC, LLDC, SIDS, DEVELOPED, DEVELOPING, "
                        "WB-HIC…, or a user-defined group). " + lists.METHOD_DOC)
def aggregates(request, code: str, filters: Query[lists.AggregateFilters], format: Fmt = "json"):
    params = lists.AggregateParams(code=code, **filters.model_dump())
    return lists.AGGREGATES.respond(None, params, "en", format)


@router.get("/indicators/{code}/divide", response={200: DivideOut, **ERRORS},
            summary="Digital divide: gaps between groups, gender parity, urban/rural, dispersion, people offline")
def divide(request, code: str, year: Year | None = None):
    return selectors.divide(selectors.indicator_get(code), year=year)


list_route(router, "/targets", lists.TARGETS,
           summary="Strategic targets: latest value, distance, pace needed and achieved, projection, status")


@router.get("/index/{code}", response={200: IndexScoresOut, **ERRORS},
            summary="A composite index (e.g. IDI): its definition held as data and every economy's score")
def index(request, code: str, year: Year | None = None, format: Fmt = "json"):
    from wsis.statistics.services import index_as_data

    result = selectors.index_scores(code, year=year)
    rows = [{"economy": iso3, "index": s.index, **{f"pillar_{k}": v for k, v in s.pillars.items()},
             **{f"c_{k}": v for k, v in s.components.items()}, "missing": ";".join(s.missing),
             "rule": s.rule_applied} for iso3, s in result["scores"].items()]
    if format != "json":
        return download(rows, f"{code}-{result['year']}", format)
    return {"code": result["code"], "version": result["version"], "verified": result["verified"],
            "notes": result["notes"], "year": result["year"], "definition": index_as_data(result["definition"]),
            "sources": result["sources"], "scores": rows}


@router.get("/economies/{iso3}", response={200: EconomyProfileOut, **ERRORS},
            summary="Economy profile: each indicator beside the economy's region, groups and the world")
def economy(request, iso3: str, lang: Lang = "en", year: Year | None = None):
    p = selectors.profile(iso3, language=language_param(lang), year=year)
    return {"economy": p["economy"].iso3, "groups": p["groups"], "rows": p["rows"]}


list_route(router, "/releases", lists.RELEASES, summary="Imported releases, newest first")


@router.get("/releases/{int:old}/compare/{int:new}", response={200: ReleaseDiffOut, **ERRORS},
            summary="What changed between two releases: added, removed and changed values")
def compare(request, old: Id, new: Id, limit: Annotated[int, Field(ge=1, le=5000)] = 500):
    return selectors.release_diff(selectors.release_get(old), selectors.release_get(new), limit=limit)


@router.post("/releases", auth=django_auth, response={201: ReleaseImportOut, 200: ReleaseImportOut, **ERRORS},
             summary="Import a file as a release (ICT statisticians): all or nothing; the same file twice "
                     "changes nothing")
def release_import(request, file: File[UploadedFile], format: Form[str] = "auto", indicator: Form[str] = "",
                   area: Form[str] = "", mapping: Form[str] = "", skip_unmatched: Form[bool] = False,
                   create_indicators: Form[bool] = False):
    from wsis.statistics.importing import import_bytes

    content = read_upload(file)
    result = import_bytes(request.user, content, file.name or "upload", fmt=format,
                          options={"indicator": indicator, "area": area, "mapping": mapping},
                          skip_unmatched=skip_unmatched, create_indicators=create_indicators)
    body = {"release": result.release.pk, "created": result.created, "observations": result.observations,
            "aggregates": result.aggregates, "indicators": result.indicators, "unmatched": result.unmatched}
    return Status(201 if result.created else 200, body)
