"""ICT statistics endpoints: indicators, observations, group aggregates with coverage, the digital divide,
strategic-target tracking, index scores, economy profiles, releases and their comparison, imports."""

from typing import Annotated, Literal

from ninja import File, Form, Router, Status
from ninja.files import UploadedFile
from pydantic import Field

from wsis.core.apiauth import django_auth
from wsis.core.bounds import Id, Year
from wsis.core.errors import ErrorItem, NotFound, ValidationFailed
from wsis.core.export import download
from wsis.core.i18n import language_param
from wsis.core.uploads import read_upload
from wsis.reference.api import ErrorEnvelope
from wsis.statistics import selectors
from wsis.statistics.aggregate import MAX_CARRY
from wsis.statistics.models import Release

router = Router(tags=["statistics"])
ERRORS = {400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope,
          422: ErrorEnvelope}
Lang = Literal["ar", "zh-hans", "en", "fr", "ru", "es", "zh", "zh-Hans"]
Carry = Annotated[int, Field(ge=0, le=MAX_CARRY)]
Share = Annotated[float, Field(ge=0, le=1)]
Fmt = Literal["json", "csv", "xlsx"]
METHOD_DOC = ("Gap filling (declared): interpolate=true|false, carry_forward=years (default 3), carry_back=years "
              "(default 0), impute=peer_mean|none, min_coverage=0..1 (default 0.5: below half of the group's "
              "population covered by reported values no figure is published).")


def _years(start: int | None, end: int | None):
    if start is None and end is None:
        return None
    if start is None or end is None or start > end:
        raise ValidationFailed([ErrorItem("invalid", "Give both from and to years, from ≤ to.", field="from")])
    return start, end


def _out(rows, fmt, name):
    return rows if fmt == "json" else download(rows, name, fmt)


@router.get("/indicators", response={200: list[dict], **ERRORS}, summary="Indicators with their rules and coverage")
def indicators(request, lang: Lang = "en", format: Fmt = "json"):
    lang = language_param(lang)
    rows = [{"code": i.code, "name": i.text("name", lang), "unit": i.unit, "rule": i.rule,
             "weight": i.weight.code if i.weight else None, "dimensions": i.dimensions, "sdg_indicator": i.sdg_indicator,
             "aliases": i.aliases, "higher_is_better": i.higher_is_better, "observations": i.n_observations,
             "economies": i.n_economies, "first_year": i.first_year, "last_year": i.last_year}
            for i in selectors.indicator_list(lang)]
    return _out(rows, format, "indicators")


@router.get("/indicators/{code}/observations", response={200: list[dict], **ERRORS},
            summary="Observations by economy, year and dimension (current values, or those of one release)")
def observations(request, code: str, economy: str | None = None, dims: str | None = None,
                 start: Year | None = None, end: Year | None = None, release: Id | None = None,
                 format: Fmt = "json"):
    ind = selectors.indicator_get(code)
    rel = Release.objects.filter(pk=release).first() if release else None
    if release and rel is None:
        raise NotFound(f"No release #{release}.")
    rows = selectors.observations(ind, dims=selectors.dims_param(ind, dims),
                                  economies=[e.strip().upper() for e in economy.split(",")] if economy else None,
                                  years=_years(start, end), release=rel)
    return _out(rows, format, f"{code}-observations")


@router.get("/indicators/{code}/aggregates", response={200: list[dict], **ERRORS},
            summary="Group figures with coverage, the economies filled and how, and the source's own figure",
            description="groups = comma-separated codes (WORLD, AFR…, LDC, LLDC, SIDS, DEVELOPED, DEVELOPING, "
                        "WB-HIC…, or a user-defined group). " + METHOD_DOC)
def aggregates(request, code: str, groups: str | None = None, dims: str | None = None, start: Year | None = None,
               end: Year | None = None, interpolate: bool = True, carry_forward: Carry = 3, carry_back: Carry = 0,
               impute: str = "peer_mean", min_coverage: Share = 0.5, format: Fmt = "json"):
    ind = selectors.indicator_get(code)
    method = selectors.method_from({"interpolate": interpolate, "carry_forward": carry_forward,
                                    "carry_back": carry_back, "impute": impute, "min_coverage": min_coverage})
    rows = selectors.aggregates(ind, dims=selectors.dims_param(ind, dims),
                                groups=[g.strip() for g in groups.split(",")] if groups else None,
                                years=_years(start, end), method=method)
    if format != "json":
        rows = [{**r, "filled": ";".join(f"{k}:{v}" for k, v in sorted(r["filled"].items())),
                 "no_weight": ";".join(r["no_weight"])} for r in rows]
    return _out(rows, format, f"{code}-aggregates")


@router.get("/indicators/{code}/divide", response={200: dict, **ERRORS},
            summary="Digital divide: gaps between groups, gender parity, urban/rural, dispersion, people offline")
def divide(request, code: str, year: Year | None = None):
    return selectors.divide(selectors.indicator_get(code), year=year)


@router.get("/targets", response={200: list[dict], **ERRORS},
            summary="Strategic targets: latest value, distance, pace needed and achieved, projection, status")
def targets(request, format: Fmt = "json"):
    rows = selectors.targets()
    if format != "json":
        rows = [{k: v for k, v in r.items() if k != "series"} for r in rows]
    return _out(rows, format, "targets")


@router.get("/index/{code}", response={200: dict, **ERRORS},
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


@router.get("/economies/{iso3}", response={200: dict, **ERRORS},
            summary="Economy profile: each indicator beside the economy's region, groups and the world")
def economy(request, iso3: str, lang: Lang = "en", year: Year | None = None):
    p = selectors.profile(iso3, language=language_param(lang), year=year)
    return {"economy": p["economy"].iso3, "groups": p["groups"], "rows": p["rows"]}


@router.get("/releases", response={200: list[dict], **ERRORS}, summary="Imported releases, newest first")
def releases(request):
    return [{"id": r.pk, "source": r.source, "format": r.adapter, "file": r.filename, "imported_at": r.imported_at,
             "imported_by": r.imported_by.get_username() if r.imported_by else "", "counts": r.counts,
             "unmatched": r.unmatched, "is_demo": r.is_demo} for r in selectors.release_list()]


@router.get("/releases/{int:old}/compare/{int:new}", response={200: dict, **ERRORS},
            summary="What changed between two releases: added, removed and changed values")
def compare(request, old: Id, new: Id, limit: Annotated[int, Field(ge=1, le=5000)] = 500):
    a, b = Release.objects.filter(pk=old).first(), Release.objects.filter(pk=new).first()
    if a is None or b is None:
        raise NotFound("No such release.")
    return selectors.release_diff(a, b, limit=limit)


@router.post("/releases", auth=django_auth, response={201: dict, 200: dict, **ERRORS},
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
