"""The site's main menu and breadcrumbs, computed from the request path alone.

Nothing here reads the database, so the server-error page can draw the same header as every other page.
"""

from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

# (section key, its label, [(url name, label)]); a section with one link is a plain link in the menu, the others
# open a sub-menu. The section labels have their own context: "Reference" there is not a reference number.
MENU = [
    ("registry", pgettext_lazy("main menu", "Registry"), [
        ("web:activities", _l("Activities")), ("web:organisations", _l("Organisations")),
        ("web:agreements", _l("Agreements")), ("web:events", _l("Events"))]),
    ("data", pgettext_lazy("main menu", "Data"), [
        ("web:stats", _l("Indicators")), ("web:stats_targets", _l("Targets")),
        ("web:stats_index/IDI", _l("ICT Development Index")), ("web:stats_releases", _l("Releases"))]),
    ("cooperation", pgettext_lazy("main menu", "Cooperation"), [
        ("web:partnerships", _l("Funding dashboard")), ("web:flows", _l("Funding flows")),
        ("web:requests", _l("Assistance requests")), ("web:contributions", _l("Contributions")),
        ("web:rates", _l("Exchange rates"))]),
    ("plan", pgettext_lazy("main menu", "Plan"), [("web:plan_index", _l("Operational plan"))]),
    ("prizes", pgettext_lazy("main menu", "Prizes"), [("web:prizes", _l("WSIS Prizes"))]),
    ("reports", pgettext_lazy("main menu", "Reports"), [("web:reports", _l("Reports"))]),
    ("reference", pgettext_lazy("main menu", "Reference"), [
        ("web:action_lines", _l("Action lines")), ("web:sdgs", _l("SDGs")), ("web:economies", _l("Economies")), ("web:economy_compare", _l("Compare economies")),
        ("web:strategic_targets", _l("Strategic targets")), ("api-docs", _l("API"))]),
]

# The first path segment after the language (and for /partnerships/ the second) -> its menu section.
SECTIONS = {
    "activities": "registry", "statistics": "data", "plan": "plan", "prizes": "prizes", "reports": "reports",
    "action-lines": "reference", "sdgs": "reference", "economies": "reference", "targets": "reference",
    "partnerships": "cooperation",
}
REGISTRY_PARTNERSHIPS = {"organisations", "agreements", "events"}

# Fixed segments of longer URLs that a shorter pattern with a parameter would also match.
LITERAL_SEGMENTS = {"outputs", "updates", "milestones", "economies", "index", "periods", "documents", "activities"}

# URL names whose page is an ancestor worth a breadcrumb, with its label; a callable takes the URL's kwargs.
CRUMBS = {
    "web:activities": lambda kw: _("Activities"),
    "web:activity": lambda kw: _("Activity #%(n)s") % {"n": kw["pk"]},
    "web:stats": lambda kw: _("Statistics"),
    "web:stats_indicator": lambda kw: kw["code"],
    "web:partnerships": lambda kw: _("Partnerships"),
    "web:agreements": lambda kw: _("Agreements"),
    "web:agreement": lambda kw: _("Agreement #%(n)s") % {"n": kw["pk"]},
    "web:flows": lambda kw: _("Funding flows"),
    "web:organisations": lambda kw: _("Organisations"),
    "web:organisation": lambda kw: _("Organisation #%(n)s") % {"n": kw["pk"]},
    "web:events": lambda kw: _("Trainings and events"),
    "web:event": lambda kw: _("Event #%(n)s") % {"n": kw["pk"]},
    "web:requests": lambda kw: _("Assistance requests"),
    "web:request": lambda kw: _("Request #%(n)s") % {"n": kw["pk"]},
    "web:contributions": lambda kw: _("Contributions"),
    "web:contribution": lambda kw: _("Contribution #%(n)s") % {"n": kw["pk"]},
    "web:plan_index": lambda kw: _("Operational plan"),
    "web:plan": lambda kw: kw["code"],
    "web:prizes": lambda kw: _("WSIS Prizes"),
    "web:prize_contest": lambda kw: str(kw["year"]),
    "web:reports": lambda kw: _("Reports"),
    "web:report": lambda kw: _("Report #%(id)s") % {"id": kw["pk"]},
    "web:economies": lambda kw: _("Economies"),
    "web:sdgs": lambda kw: _("SDGs"),
}


def _url(name: str) -> str:
    if name == "api-docs":
        return "/api/v1/docs"
    name, _sep, arg = name.partition("/")
    try:
        return reverse(name, args=[arg] if arg else None)
    except NoReverseMatch:
        return ""


def section_of(path: str) -> str:
    """The menu section of a path (with or without its language prefix); "" for the home page and the rest."""
    parts = [p for p in path.split("/") if p]
    if parts and parts[0] in _languages():
        parts = parts[1:]
    if not parts:
        return ""
    if parts[0] == "partnerships" and len(parts) > 1 and parts[1] in REGISTRY_PARTNERSHIPS:
        return "registry"
    return SECTIONS.get(parts[0], "")


def _languages() -> list[str]:
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def main_menu(path: str) -> list[dict]:
    """The groups of the header menu for the page at `path`, each marked current or not."""
    current = section_of(path)
    groups = []
    for key, label, links in MENU:
        items = []
        for name, text in links:
            url = _url(name)
            if url:
                items.append({"url": url, "label": str(text), "current": url == path})
        if items:
            groups.append({"key": key, "label": str(label), "links": items,
                           "current": key == current, "single": len(items) == 1})
    return groups


def breadcrumbs(path: str) -> list[dict]:
    """The pages above `path` (home first, the page itself excluded), from the URLs that are a prefix of it."""
    lang = get_language() or "en"
    try:
        home = reverse("web:home")
    except NoReverseMatch:
        home = f"/{lang}/"
    if not path.startswith(home) or path == home:
        return []
    parts = [p for p in path[len(home):].split("/") if p]
    if len(parts) < 2:  # a first-level page: the menu says where it is
        return []
    crumbs = [{"url": home, "label": _("Home")}]
    for i in range(1, len(parts)):
        prefix = home + "/".join(parts[:i]) + "/"
        try:
            match = resolve(prefix)
        except Resolver404:
            continue
        label = CRUMBS.get(f"{match.namespace}:{match.url_name}")
        if match.kwargs and parts[i - 1] in LITERAL_SEGMENTS:
            continue  # /plan/outputs/ is not the plan "outputs"
        if label:
            crumbs.append({"url": prefix, "label": label(match.kwargs)})
    return crumbs
