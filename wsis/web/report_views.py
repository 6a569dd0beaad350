"""Report pages: request a report, follow its generation, download it, read it in the site and see what changed
since an earlier run. Reports hold only public data, so every page but the request form is open to all; the
form and every write go through wsis.reports.services, which checks who may generate."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wsis.core.bounds import whole_number
from wsis.core.errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from wsis.core.i18n import current_language
from wsis.reference import selectors as reference
from wsis.reports import builder, lists, selectors, services
from wsis.reports.models import FORMATS, STATUSES
from wsis.web.feedback import service_errors

RUNS_PER_PAGE = 25
REFRESH_SECONDS = 3
FORMAT_LABELS = {"pdf": "PDF", "docx": "DOCX", "html": "HTML", "xlsx": "XLSX"}
CHANGE_LABELS = {"changed": gettext_lazy("Value changed"), "row added": gettext_lazy("Row added"),
                 "row removed": gettext_lazy("Row removed"), "added": gettext_lazy("Table added"),
                 "removed": gettext_lazy("Table removed")}


# ---------------------------------------------------------------------------------------------- helpers

def _run_or_404(pk: int):
    try:
        return selectors.run_get(pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _int(value) -> int | None:
    return whole_number(value)


def _languages() -> dict[str, str]:
    names = dict(settings.LANGUAGES)
    return {code: str(names.get(code, code)) for code in builder.LANGUAGES}


def _scope_choices(lang: str) -> dict:
    groups = reference.group_list(language=lang)
    return {
        "regions": [(g["code"], g["name"]) for g in groups if g["kind"] == "itu_region"],
        "development": [(g["code"], g["name"]) for code in builder.DEVELOPMENT for g in groups
                        if g["code"] == code],
        "economies": [(e["iso3"], e["name"]) for e in reference.economy_list(language=lang)
                      if e["iso3"] not in reference.NOT_ECONOMIES],
    }


def _describe(run, kinds: dict, languages: dict, lang: str, scopes: dict) -> dict:
    if run.scope not in scopes:
        scopes[run.scope] = selectors.scope_label(run.scope, lang)
    return {"run": run, "kind": kinds.get(run.kind, run.kind), "scope": scopes[run.scope],
            "language": languages.get(run.language, run.language), "format": FORMAT_LABELS.get(run.format, run.format),
            "status": STATUSES.get(run.status, run.status), "busy": run.status in ("queued", "running")}


def _sources(run) -> list[dict]:
    out = []
    for src in (run.document or {}).get("sources", []):
        params = [f"{k}={','.join(str(x) for x in v) if isinstance(v, list | tuple) else v}"
                  for k, v in (src.get("params") or {}).items()]
        out.append({**src, "params": params})
    return out


def _default_form() -> dict:
    return {"type": "cwg", "period": str(timezone.localdate().year - 1), "scope": "world",
            "lang": current_language(), "format": "pdf"}


def _field_errors(exc: ServiceError) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in exc.errors:
        if e.field:
            out.setdefault(e.field, []).append(e.message)
    return out


def _compare_problem(exc: ServiceError) -> str:
    codes = {e.code for e in exc.errors}
    if "not_ready" in codes:
        return _("Both runs must be finished to be compared.")
    if "different_report" in codes:
        return _("Only runs of the same report (type, period, scope and language) can be compared.")
    return exc.message


def _runs(request):
    """The runs the filters keep (or their download); a filter the page can't read is left out, as a period
    that is not a year always was."""
    try:
        return lists.RUNS.for_page(request)
    except ValidationFailed as exc:
        query = request.GET.copy()
        for e in exc.errors:
            query.pop(e.field, None)
        request.GET = query
        return lists.RUNS.for_page(request)


# ---------------------------------------------------------------------------------------------- pages

def report_list(request):
    """The request form (for those who may generate) above every run, newest first."""
    lang = current_language()
    may_generate = services.can_report_generate(request.user)
    form, errors, status = _default_form(), {}, 200
    if request.method == "POST":
        form = {k: request.POST.get(k, "").strip() for k in form}
        try:
            run = services.report_request(actor=request.user, kind=form["type"], period=form["period"],
                                          scope=form["scope"], language=form["lang"], fmt=form["format"])
        except PermissionDenied as exc:
            service_errors(request, exc)
            status = 403
        except ServiceError as exc:
            service_errors(request, exc)
            errors = _field_errors(exc)
        else:
            messages.success(request, _("Report #%(id)s is queued; it is generated in the background.")
                             % {"id": run.pk})
            return redirect("web:reports")

    kinds, languages = builder.kind_labels(), _languages()
    answer = _runs(request)
    if not isinstance(answer, tuple):
        return answer  # the download
    params, qs = answer
    filters = {"type": params.type, "period": params.period, "lang": params.lang, "status": params.status}
    page = Paginator(qs, RUNS_PER_PAGE).get_page(request.GET.get("page"))
    scopes: dict[str, str] = {}
    rows = [_describe(r, kinds, languages, lang, scopes) for r in page]
    query = urlencode({k: v for k, v in filters.items() if v not in (None, "")})
    # A refused form is shown as typed; reloading it would lose what was typed.
    refresh = request.method == "GET" and any(r["busy"] for r in rows)
    return render(request, "wsis/reports/list.html", {
        "may_generate": may_generate, "form": form, "errors": errors, "invalid": set(errors),
        "kinds": list(kinds.items()), "report_languages": list(languages.items()),
        "formats": [(k, FORMAT_LABELS[k]) for k in FORMATS], "statuses": list(STATUSES.items()),
        "scopes": _scope_choices(lang) if may_generate else {}, "filters": filters, "query": query,
        "periods": selectors.run_periods(),
        "page": page, "rows": rows, "refresh": refresh, "refresh_seconds": REFRESH_SECONDS,
    }, status=status)


def report_detail(request, pk: int):
    run = _run_or_404(pk)
    lang = current_language()
    row = _describe(run, builder.kind_labels(), _languages(), lang, {})
    previous = run.previous() if run.status == "done" else None
    changed = None
    if previous is not None:
        try:
            changed = len(selectors.changes(previous, run))
        except ServiceError:
            changed = None
    return render(request, "wsis/reports/detail.html", {
        "r": row, "run": run, "sources": _sources(run), "previous": previous,
        "changed": changed, "refresh": row["busy"], "refresh_seconds": REFRESH_SECONDS,
        "can_retry": services.can_report_retry(request.user, run),
    })


def report_retry(request, pk: int):
    if request.method != "POST":
        return redirect("web:report", pk=pk)
    try:
        services.report_retry(actor=request.user, run_id=pk)
    except ServiceError as exc:
        service_errors(request, exc)
    else:
        messages.success(request, _("Report #%(id)s is queued again.") % {"id": pk})
    return redirect("web:report", pk=pk)


def report_file(request, pk: int):
    run = _run_or_404(pk)
    if run.status != "done" or not run.file:
        raise Http404(_("This report is not ready yet."))
    try:
        handle = run.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("The file of this report is missing.")) from exc
    return FileResponse(handle, as_attachment=True, filename=run.filename, content_type=FORMATS[run.format][0])


def report_view(request, pk: int):
    """The report inside the site's layout, in the report's own language and direction."""
    from wsis.reports.document import Document
    from wsis.reports.render_html import render_html

    run = _run_or_404(pk)
    if run.status != "done" or not run.document:
        raise Http404(_("This report is not ready yet."))
    doc = Document.from_dict(run.document)
    # Our renderer escapes every piece of content it places in the article.
    article = mark_safe(render_html(doc, standalone=False))  # noqa: S308
    return render(request, "wsis/reports/view.html", {"run": run, "doc": doc, "article": article})


def report_compare(request, pk: int):
    run = _run_or_404(pk)
    lang = current_language()
    other = _int(request.GET.get("with"))
    base = _run_or_404(other) if other else (run.previous() if run.status == "done" else None)
    rows, problem = None, ""
    if base is None:
        problem = _("There is no earlier finished run of this report to compare with.")
    else:
        try:
            rows = [{**c, "label": CHANGE_LABELS.get(c["change"], c["change"])} for c in selectors.changes(base, run)]
        except ServiceError as exc:
            problem = _compare_problem(exc)
    same = selectors.same_report_runs(run)
    return render(request, "wsis/reports/compare.html", {
        "run": run, "base": base, "rows": rows, "problem": problem, "others": same,
        "r": _describe(run, builder.kind_labels(), _languages(), lang, {}),
    })


urlpatterns = [
    path("reports/", report_list, name="reports"),
    path("reports/<int:pk>/", report_detail, name="report"),
    path("reports/<int:pk>/file/", report_file, name="report_file"),
    path("reports/<int:pk>/retry/", report_retry, name="report_retry"),
    path("reports/<int:pk>/view/", report_view, name="report_view"),
    path("reports/<int:pk>/compare/", report_compare, name="report_compare"),
]
