"""Every GET route of the site and the API × every demo identity, on the demo data.

Each response must not be a server error, and must not name what its reader may not see: the title or
external identifier of an activity outside the registry's visibility rule for that reader, the reference
or title of an agreement outside the agreements rule, the amount of a confidential flow. What a reader
may not see is computed from the models and the services' own rules (stocktaking.selectors.visible,
partnerships.selectors.agreements_visible and the flow rule), never from the pages: the demo site's build
does it (`wsis.testing.demo_site.forbidden_for`), in the demo database.

The requests go over HTTP to the run's shared demo site (the `demo_site` fixture: the demo built once for the
whole run, one live server), signed in with a session of each demo account; nothing here writes.
"""

import os
import re
import time
from dataclasses import dataclass, field

import pytest

from wsis.testing.demo_site import ROLES
from wsis.testing.support import body_text

pytestmark = pytest.mark.matrix

# The roles alternate: half read the web pages in English, half in Arabic (right to left, other number forms).
LANGUAGES = ["en", "ar"]
# On PostgreSQL (the second CI pass) one account of each kind reads every route: the visibility rules are the same
# queries for the other regional officers and the other focal point, only their region or economy differs.
# WSIS_FULL_MATRIX=1 runs all twelve there too; on SQLite all twelve always run.
POSTGRESQL_ROLES = {"anonymous", "admin", "reviewer", "afr.officer", "ke.focal", "satellite"}


def _roles():
    url = os.environ.get("DATABASE_URL", "")
    bounded = url and not url.startswith("sqlite") and not os.environ.get("WSIS_FULL_MATRIX")
    for role in ROLES:
        skip = bounded and role not in POSTGRESQL_ROLES
        yield pytest.param(role, marks=[pytest.mark.skip(reason="same rules as another account; SQLite runs it "
                                                                "(WSIS_FULL_MATRIX=1 runs it here)")] if skip else [])


# ------------------------------------------------------------------------------------------------ the routes

# (a pattern of the route, parameter name) -> the kind of demo value it takes; the first match wins.
KINDS = [
    ("events/", "pk", "event"), ("events/", "activity_id", "event"),
    ("agreements/", "pk", "agreement"), ("agreement", "agreement_id", "agreement"),
    ("documents/", "pk", "document"), ("flows/", "pk", "flow"), ("flows/", "flow_id", "flow"),
    ("organisations/", "pk", "organisation"), ("organisations/", "org_id", "organisation"),
    ("requests/", "pk", "request"), ("requests/", "request_id", "request"),
    ("contributions/", "pk", "contribution"), ("contributions/", "contribution_id", "contribution"),
    ("reports/", "pk", "report"), ("reports/", "run_id", "report"),
    ("activities/", "pk", "activity"), ("", "activity_id", "activity"),
    ("outputs/", "pk", "output"), ("milestones/", "pk", "milestone"), ("updates/", "pk", "update"),
    ("reminders/", "pk", "reminder"), ("submissions/", "pk", "submission"),
    ("plan", "code", "plan"), ("", "period", "period"),
    ("statistics/index/", "code", "index"), ("statistics/", "code", "indicator"), ("groups/", "code", "group"),
    ("", "year", "year"), ("", "old", "release"), ("", "new", "release"),
    ("", "iso3", "iso3"), ("sdgs/", "number", "sdg"), ("", "token", "token"),
    ("reset/", "uidb64", "uid"),
]
PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\{(?:\w+:)?(\w+)\}")
SKIP = ("i18n/", "api/v1/docs", "accounts/logout/")


def _kind(route: str, name: str) -> str:
    for part, param, kind in KINDS:
        if param == name and part in route:
            return kind
    raise AssertionError(f"no demo value for <{name}> in {route}: add it to KINDS")


# How many values of a kind each role requests. Each role starts at its own offset in the list, so
# together the roles request every value while each role requests every route.
PER_ROLE = {"activity": 3, "agreement": 2, "organisation": 2}
# Activity downloads cover one region each (about a sixth of the registry); the roles rotate the regions.
NARROWED = ("/activities", "/activities/export")
REGIONS = ["AFR", "ASP", "AMS", "ARB", "CIS", "EUR"]


def _fill(route: str, values: dict, index: int) -> list[str]:
    """The paths of the route this role requests, parameters taken from the demo."""
    paths = [route]
    for m in PARAM.finditer(route):
        name = m.group(1) or m.group(2)
        kind = _kind(route, name)
        options = values[kind]
        n = PER_ROLE.get(kind, 1) if len(PARAM.findall(route)) == 1 else 1
        picks = values.get(f"every role's {kind}", []) + [options[(index * n + k) % len(options)] for k in range(n)]
        picks = list(dict.fromkeys(picks))
        paths = [p.replace(m.group(0), str(v), 1) for p in paths for v in picks]
    return paths


def _web_routes() -> list[tuple[str, bool]]:
    """(route without the language prefix, whether its view offers ?format= downloads)."""
    import inspect

    from django.urls import URLResolver, get_resolver

    out = []

    def walk(patterns, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                if str(p.pattern).startswith(("api/", "^api", "admin/")):
                    continue
                walk(p.url_patterns, prefix + str(p.pattern))
            else:
                route = prefix + str(p.pattern)
                if route.startswith(SKIP):
                    continue
                try:
                    source = inspect.getsource(inspect.unwrap(p.callback))
                except (OSError, TypeError):
                    source = ""
                out.append((route, "download(" in source or "csv_response(" in source or "exports.render" in source))

    from django.utils import translation

    with translation.override("en"):
        walk(get_resolver().url_patterns, "")
    return [(r[len("en/"):], fmt) for r, fmt in out if r.startswith("en/")]


def _api_routes() -> list[tuple[str, list[str]]]:
    """(GET path of the API, the values of its `format` parameter)."""
    from config.api import api

    schema = api.get_openapi_schema()
    out = []
    for path, ops in schema["paths"].items():
        op = ops.get("get")
        if op is None or path.endswith(("/docs", "openapi.json")):
            continue
        formats = []
        for p in op.get("parameters", []):
            if p["name"] == "format":
                s = p.get("schema", {})
                formats = s.get("enum") or [e.get("const") for e in s.get("anyOf", []) if e.get("const")] or []
                if not formats and "$ref" not in s:
                    formats = []
        out.append((path.lstrip("/"), [f for f in formats if f != "json"]))
    return out


def _query(path: str, index: int, **params) -> str:
    # Only downloads are narrowed: a page shows 25 rows whatever the filter.
    if path.rstrip("/").endswith(NARROWED) and (params or path.endswith("/export")):
        params["region"] = REGIONS[index % len(REGIONS)]
    return f"{path}?{'&'.join(f'{k}={v}' for k, v in params.items())}" if params else path


def _formats(formats: list[str], index: int) -> list[str]:
    """The anonymous reader (index 0) downloads every format; each signed-in role one, in turn, so that
    every format of every list is still read by a third of the roles."""
    return formats if index == 0 or not formats else [formats[index % len(formats)]]


def requests_for(values: dict, index: int) -> list[str]:
    """Every GET route for the role of this index: web pages in one language (the roles alternate English and
    Arabic), every API GET route, and the lists' downloads (see _formats)."""
    lang = LANGUAGES[index % len(LANGUAGES)]
    urls = []
    for route, has_formats in _web_routes():
        for path in _fill(route, values, index):
            urls.append(_query(f"/{lang}/{path}", index))
            if has_formats:
                urls += [_query(f"/{lang}/{path}", index, format=f) for f in _formats(["csv", "json", "xlsx"], index)]
    for path, formats in _api_routes():
        for filled in _fill(path, values, index):
            urls.append(_query(f"/{filled}", index))
            urls += [_query(f"/{filled}", index, format=f) for f in _formats(formats, index)]
    return urls


# ------------------------------------------------------------------------------------------------ what a reader may not see

@dataclass
class Forbidden:
    texts: dict = field(default_factory=dict)       # text -> what it is
    codes: dict = field(default_factory=dict)       # identifier/reference -> what it is (matched whole)
    digits: dict = field(default_factory=dict)      # confidential amount digits -> flow

    def found_in(self, body: str) -> list[str]:
        hits = [what for text, what in self.texts.items() if text in body]
        hits += [what for code, what in self.codes.items()
                 if code in body and re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", body)]
        if self.digits:
            plain = re.sub(r"(?<=\d)[,.\u066b\u066c\u00a0\u202f' ](?=\d)", "",
                           body.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
            hits += [what for d, what in self.digits.items() if re.search(rf"(?<!\d){d}(?!\d)", plain)]
        return hits


def forbidden_for(role: str, demo_site) -> Forbidden:
    return Forbidden(**demo_site.facts["forbidden"][role])


# ------------------------------------------------------------------------------------------------ the matrix

@pytest.mark.parametrize("role", list(_roles()))
def test_every_route_as_every_role(demo_site, role):
    forbidden = forbidden_for(role, demo_site)
    assert forbidden.texts and forbidden.codes or role == "admin", "the demo must hold things this role may not see"
    urls = requests_for(demo_site.facts["values"], ROLES.index(role))
    problems = []
    started = time.monotonic()
    timings = []
    for url in urls:
        t0 = time.monotonic()
        try:
            resp = demo_site.get(url, role=role)
        except Exception as exc:  # noqa: BLE001 - every failing route is reported, not only the first
            problems.append(f"{url}: {type(exc).__name__}: {exc}")
            continue
        if resp.status_code >= 500:
            problems.append(f"{url}: status {resp.status_code}")
            continue
        if resp.status_code != 200:
            continue
        t1 = time.monotonic()
        hits = forbidden.found_in(body_text(resp))
        timings.append((time.monotonic() - t0, time.monotonic() - t1, url))
        if hits:
            problems.append(f"{url}: shows {', '.join(sorted(set(hits))[:5])}")
    seconds = time.monotonic() - started
    if os.environ.get("WSIS_MATRIX_TIMINGS"):
        print(f"checking the bodies took {sum(c for _, c, _ in timings):.1f}s")
        for t, c, url in sorted(timings, reverse=True)[:int(os.environ["WSIS_MATRIX_TIMINGS"])]:
            print(f"{t:6.2f}s (check {c:.2f}s) {url}")
    print(f"\n{role}: {len(urls)} requests in {seconds:.1f}s (demo built once in {demo_site.facts['build_seconds']}s)")
    assert not problems, f"{role}: {len(problems)} problem(s):\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("role", ROLES)
def test_admin_only_for_bdt_administrators(demo_site, role):
    resp = demo_site.get("/en/admin/stocktaking/activity/", role=role)
    if role == "admin":
        assert resp.status_code == 200
    else:
        assert resp.status_code in (302, 403), resp.status_code
        assert resp.status_code == 403 or "/login/" in resp["Location"]
