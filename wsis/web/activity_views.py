"""Registry pages: search with facets, detail, editor, submission with checks and duplicates, review queue, import."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from wsis.core.errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from wsis.core.i18n import current_language
from wsis.stocktaking import exports, permissions, selectors, services
from wsis.stocktaking.imports import import_upload
from wsis.web.activity_forms import ActivityForm

# Lazy: the module is imported once, in whatever language; each page shows the titles in its own.
FACET_TITLES = {
    "kind": _l("Kind"), "status": _l("Status"), "scope": _l("Scope"), "priority": _l("ITU-D priority"),
    "region": _l("ITU region"), "group": _l("Group"), "economy": _l("Economy"), "line": _l("Action line"),
    "role": _l("ITU role"), "goal": _l("SDG"), "target": _l("SDG target"), "stakeholder": _l("Stakeholder type"),
    "year": _l("Start year"), "beneficiary": _l("Beneficiary group"), "state": _l("Review state"),
}


def _visible_or_404(viewer, pk: int):
    try:
        return selectors.get_visible(viewer, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _viewer(request):
    return request.user if request.user.is_authenticated else None


def activity_list(request, preset: selectors.Filters | None = None, title: str | None = None):
    lang = current_language()
    try:
        filters = preset or selectors.Filters.from_params(request.GET)
        if preset:
            more = selectors.Filters.from_params(request.GET)
            filters.values.update(more.values)
            filters.q = more.q or filters.q
        fmt = request.GET.get("format")
        if fmt in exports.CONTENT_TYPES:
            return exports.render(selectors.export_rows(_viewer(request), filters), fmt)
        result = selectors.page(_viewer(request), filters, language=lang, limit=25, cursor=request.GET.get("cursor"))
        facets = selectors.facet_counts(_viewer(request), filters, lang)
        error = None
    except ValidationFailed as exc:
        filters, result, facets, error = selectors.Filters(), {"count": 0, "results": [], "next": None}, {}, exc.message
    query = filters.as_query()
    facet_blocks = [(name, str(FACET_TITLES[name]), facets.get(name, [])) for name in selectors.FACETS
                    if facets.get(name) and (name != "state" or _viewer(request))]
    return render(request, "wsis/activities/list.html", {
        "title": title or _("Activities"), "filters": filters, "result": result, "facets": facet_blocks,
        "query": urlencode(query), "error": error,
        "next_url": "?" + urlencode(query + [("cursor", result["next"])]) if result.get("next") else None,
        "sorts": [("-published", _("Newest published")), ("-start", _("Latest start")), ("start", _("Earliest start")),
                  ("title", _("Title")), ("-updated", _("Recently changed"))],
        "can_create": permissions.can_activity_create(_viewer(request)),
    })


@login_required
def review_queue(request):
    return activity_list(request, preset=selectors.Filters(values={"state": ["submitted", "in_review"]}, sort="-updated"),
                         title=_("Review queue"))


@login_required
def my_activities(request):
    return activity_list(request, preset=selectors.Filters(mine=True, sort="-updated"), title=_("My organisation's activities"))


def activity_detail(request, pk: int):
    viewer = _viewer(request)
    a = _visible_or_404(viewer, pk)
    info = selectors.detail(viewer, a, current_language())
    dups = selectors.duplicates(viewer, a) if a.state in ("draft", "returned", "submitted", "in_review") and viewer else []
    return render(request, "wsis/activities/detail.html", {
        "a": a, "info": info, "duplicates": dups,
        "can_edit": permissions.can_activity_edit(viewer, a),
        "can_revise": a.state == "published" and not a.revision_of_id and (
            permissions.is_bdt_admin(viewer) or permissions.is_author_side(viewer, a)) and not info["open_revision"],
        "errors": [c for c in info["checks"] if c["level"] == "error"],
        "warnings": [c for c in info["checks"] if c["level"] == "warning"],
    })


def _lead_for(user, a=None) -> dict:
    if a is not None:
        return {"id": a.lead_organisation_id}
    return {"id": user.organisation_id} if user.organisation_id else {}


@login_required
def activity_edit(request, pk: int | None = None):
    a = None
    if pk is not None:
        a = _visible_or_404(request.user, pk)
        if not permissions.can_activity_edit(request.user, a):
            messages.error(request, _("This activity cannot be edited now."))
            return redirect("web:activity", pk=a.pk)
    elif not permissions.can_activity_create(request.user):
        messages.error(request, _("Your account may not record activities. Ask a BDT administrator for the contributor role."))
        return redirect("web:activities")
    initial = ActivityForm.initial_from(services.to_data(a)) if a else {"original_language": current_language(),
                                                                         "status": "planned", "scope": "national"}
    form = ActivityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.to_data(_lead_for(request.user, a))
        try:
            if a is None:
                a = services.activity_create(actor=request.user, data=data)
                messages.success(request, _("Draft saved. Check it, then submit it for review."))
            else:
                a = services.activity_update(actor=request.user, activity=a, data=data)
                messages.success(request, _("Changes saved."))
            return redirect("web:activity", pk=a.pk)
        except ValidationFailed as exc:
            form.apply_errors(exc.errors)
        except ServiceError as exc:
            form.add_error(None, exc.message)
    return render(request, "wsis/activities/edit.html", {"form": form, "a": a})


@login_required
def activity_submit(request, pk: int):
    """Checks and likely duplicates, shown before the author confirms the submission."""
    a = _visible_or_404(request.user, pk)
    info = selectors.detail(request.user, a, current_language())
    return render(request, "wsis/activities/submit.html", {
        "a": a, "info": info, "duplicates": selectors.duplicates(request.user, a),
        "errors": [c for c in info["checks"] if c["level"] == "error"],
        "warnings": [c for c in info["checks"] if c["level"] == "warning"],
    })


@login_required
@require_POST
def activity_action(request, pk: int):
    a = _visible_or_404(request.user, pk)
    action = request.POST.get("action", "")
    try:
        if action == "revise":
            rev = services.activity_revise(actor=request.user, activity=a)
            messages.success(request, _("A revision is open. The published version stays public until the revision is published."))
            return redirect("web:activity_edit", pk=rev.pk)
        target = services.activity_transition(actor=request.user, activity=a, action=action,
                                              comment=request.POST.get("comment", ""))
        messages.success(request, _("Done: the activity is now %(state)s.") % {"state": target.get_state_display()})
        return redirect("web:activity", pk=target.pk)
    except (ServiceError, PermissionDenied) as exc:
        messages.error(request, exc.message)
        for e in exc.errors:
            if e.message != exc.message:
                messages.error(request, e.message)
        return redirect("web:activity", pk=a.pk)


@login_required
def activity_import(request):
    result, errors = None, []
    if request.method == "POST" and request.FILES.get("file"):
        try:
            result = import_upload(request.user, request.FILES["file"],
                                   publish=bool(request.POST.get("publish")) and permissions.is_bdt_admin(request.user))
        except ValidationFailed as exc:
            errors = [e.as_dict() for e in exc.errors]
            messages.error(request, exc.message)
        except ServiceError as exc:
            messages.error(request, exc.message)
    elif request.method == "POST":
        messages.error(request, _("Choose a file to import."))
    return render(request, "wsis/activities/import.html", {
        "result": result, "errors": errors[:500], "more_errors": max(0, len(errors) - 500),
        "can_publish": permissions.is_bdt_admin(request.user),
    })
