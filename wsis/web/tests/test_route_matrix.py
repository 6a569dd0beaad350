"""Every GET route of the site and the API × every demo identity, on the demo data loaded once.

Each response must not be a server error, and must not name what its reader may not see: the title or
external identifier of an activity outside the registry's visibility rule for that reader, the reference
or title of an agreement outside the agreements rule, the amount of a confidential flow. What a reader
may not see is computed from the models and the services' own rules (stocktaking.selectors.visible,
partnerships.selectors.agreements_visible and the flow rule), never from the pages.

The demo is loaded inside a transaction that is rolled back at the end of the module, so the other
tests of the session keep their empty database.
"""

import os
import re
import time
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.db.models import Count
from django.test import Client

from wsis.testing.support import body_text

pytestmark = [pytest.mark.matrix, pytest.mark.django_db]

ROLES = ["anonymous", "admin", "reviewer", "afr.officer", "asp.officer", "ams.officer", "arb.officer", "cis.officer",
         "eur.officer", "ke.focal", "np.focal", "satellite"]
# The roles alternate: half read the web pages in English, half in Arabic (right to left, other number forms).
LANGUAGES = ["en", "ar"]
DRAFT_FLOW_TITLE_NOTE = "a flow on another organisation's draft, so flow lists must hide its title"
MIN_TEXT = 8  # shorter titles would match ordinary words


# ------------------------------------------------------------------------------------------------ the demo

@dataclass
class Demo:
    values: dict = field(default_factory=dict)   # parameter kind -> the values to request
    flows: dict = field(default_factory=dict)    # confidential flow pk -> its digits


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from wsis.site.demo import load_demo
    from wsis.testing.support import module_data

    with module_data(django_db_blocker):
        started = time.monotonic()
        load_demo(password="x-demo-pass")
        world = _prepare(Demo())
        world.values["load_seconds"] = round(time.monotonic() - started, 1)
        yield world


def _prepare(world: Demo) -> Demo:
    from wsis.accounts.models import Organisation, User
    from wsis.partnerships.funding import services as funding_services
    from wsis.partnerships.models import (
        Agreement,
        AssistanceRequest,
        Contribution,
        Document,
        EventDetail,
        Flow,
    )
    from wsis.planning.models import Milestone, Output, Period, Plan, ProgressUpdate, Reminder
    from wsis.prizes.models import Contest, Submission
    from wsis.reference.models import Group
    from wsis.reports.models import ReportRun
    from wsis.statistics.models import IndexDefinition, Indicator, Release
    from wsis.stocktaking.models import Activity

    # A flow on another organisation's draft, funded by the satellite operator: the operator and BDT staff
    # know the flow, not the activity.
    satellite = Organisation.objects.get(name="Demo Satellite Operator")
    draft = (Activity.objects.filter(state="draft", revision_of__isnull=True).exclude(lead_organisation=satellite)
             .order_by("pk").first())
    funding_services.flows_record(actor=User.objects.get(username="admin"), items=[("matrix", {
        "activity": draft.pk, "funder": {"id": satellite.pk}, "stage": "commitment", "amount": "1000",
        "currency": "USD", "value_date": "2025-01-01", "mechanism": "trust_fund", "public": False})])
    # Another organisation's draft that nearly repeats a submitted activity: the reviewers who open the
    # submitted one must not see the draft among its possible duplicates.
    from wsis.stocktaking.services import activity_create, to_data

    target = (Activity.objects.filter(state="submitted", revision_of__isnull=True).exclude(lead_organisation=satellite)
              .order_by("pk").first())
    data = to_data(target)
    data.update(external_id=None, lead_organisation={"name": satellite.name, "kind": satellite.kind}, partners=[])
    for entry in data["texts"].values():
        entry["title"] = f"{entry['title']} (second draft)"
    activity_create(actor=User.objects.get(username="satellite"), data=data)

    # Confidential amounts get digits found nowhere else, so a leak in any format is recognisable.
    for i, f in enumerate(Flow.objects.filter(public=False).order_by("pk")):
        amount = Decimal(f"{7_310_000 + 13 * i}.37")
        Flow.objects.filter(pk=f.pk).update(amount=amount)
        world.flows[f.pk] = f"{7_310_000 + 13 * i}37"

    by_state = {}
    for a in Activity.objects.order_by("pk"):
        key = "revision" if a.revision_of_id else a.state
        by_state.setdefault(key, a.pk)
    plan = Plan.objects.order_by("pk").first()
    period = Period.objects.filter(plan=plan).order_by("pk").first()
    # The indicator with the fewest observations keeps its XLSX download small.
    indicator = (Indicator.objects.annotate(n=Count("observations")).filter(n__gt=0).order_by("n", "pk")
                 .values_list("code", flat=True).first())
    releases = list(Release.objects.order_by("pk").values_list("pk", flat=True)[:2]) or [1]
    years = list(Contest.objects.order_by("year").values_list("year", flat=True))
    events = list(EventDetail.objects.order_by("pk").values_list("activity_id", flat=True)[:2])
    flow_orgs = set(Flow.objects.values_list("funder_id", flat=True))
    world.values.update({
        "activity": sorted(by_state.values()) + [draft.pk],
        "every role's activity": [target.pk],
        "event": events,
        "agreement": list(Agreement.objects.order_by("pk").values_list("pk", flat=True)),
        "document": list(Document.objects.order_by("pk").values_list("pk", flat=True)[:2]) or [1],
        "flow": [Flow.objects.order_by("pk").first().pk],
        "organisation": sorted(flow_orgs | {draft.lead_organisation_id}),
        "request": list(AssistanceRequest.objects.order_by("pk").values_list("pk", flat=True)),
        "contribution": list(Contribution.objects.order_by("pk").values_list("pk", flat=True)),
        "report": list(ReportRun.objects.order_by("pk").values_list("pk", flat=True)),
        "plan": [plan.code], "period": [period.code],
        "output": [Output.objects.filter(objective__plan=plan).order_by("pk").first().pk],
        "milestone": [Milestone.objects.order_by("pk").first().pk],
        "update": [ProgressUpdate.objects.order_by("pk").first().pk],
        "reminder": [Reminder.objects.order_by("pk").first().pk],
        "year": years[-2:], "submission": [Submission.objects.order_by("pk").first().pk],
        "indicator": [indicator], "index": [IndexDefinition.objects.order_by("pk").first().code],
        "release": releases,
        "group": [Group.objects.filter(kind="user").values_list("code", flat=True).first()
                  or Group.objects.order_by("pk").values_list("code", flat=True).first()],
        "iso3": ["KEN"], "sdg": [9], "token": ["not-a-token"],
        "uid": ["MQ"],  # base64 of the first account's id; with a wrong token the reset page says the link is invalid
    })
    return world


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


def forbidden_for(user, demo: Demo) -> Forbidden:
    from wsis.partnerships import permissions as partner_permissions
    from wsis.partnerships.funding.selectors import _may_see, _viewer_org, agreements_visible
    from wsis.partnerships.models import Agreement, Flow
    from wsis.stocktaking.models import Activity, ActivityTranslation
    from wsis.stocktaking.selectors import visible

    out = Forbidden()
    open_ids = set(Activity.objects.filter(visible(user)).values_list("pk", flat=True))
    titles = ActivityTranslation.objects.values_list("activity_id", "title")
    allowed = "\n".join(t for a, t in titles if a in open_ids)
    allowed_ids = set(Activity.objects.filter(pk__in=open_ids).exclude(external_id=None)
                      .values_list("external_id", flat=True))
    for a, t in titles:
        if a not in open_ids and len(t) >= MIN_TEXT and t not in allowed:
            out.texts[t] = f"title of activity #{a}"
    for a, ext in Activity.objects.exclude(pk__in=open_ids).exclude(external_id=None).values_list("pk", "external_id"):
        if ext and ext not in allowed_ids:
            out.codes[ext] = f"external id of activity #{a}"

    seen = set(agreements_visible(user).values_list("pk", flat=True))
    shown = "\n".join(Agreement.objects.filter(pk__in=seen).values_list("title", flat=True))
    for a in Agreement.objects.exclude(pk__in=seen):
        out.codes[a.reference] = f"reference of agreement #{a.pk}"
        if len(a.title) >= MIN_TEXT and a.title not in shown:
            out.texts[a.title] = f"title of agreement #{a.pk}"

    bdt, org = partner_permissions.is_bdt_staff(user), _viewer_org(user)
    for f in Flow.objects.filter(pk__in=demo.flows).values("pk", "public", "funder_id", "receiver_id",
                                                              "activity__lead_organisation_id"):
        if not _may_see(user, bdt, org, f):
            out.digits[demo.flows[f["pk"]]] = f"amount of confidential flow #{f['pk']}"
    return out


# ------------------------------------------------------------------------------------------------ the matrix

def _user(role: str):
    from wsis.accounts.models import User

    return None if role == "anonymous" else User.objects.get(username=role)


@pytest.mark.parametrize("role", ROLES)
def test_every_route_as_every_role(demo, role):
    from django.contrib.auth.models import AnonymousUser

    user = _user(role)
    client = Client()
    if user is not None:
        client.force_login(user)
    forbidden = forbidden_for(user or AnonymousUser(), demo)
    assert forbidden.texts and forbidden.codes or role == "admin", "the demo must hold things this role may not see"
    urls = requests_for(demo.values, ROLES.index(role))
    problems = []
    started = time.monotonic()
    timings = []
    for url in urls:
        t0 = time.monotonic()
        try:
            resp = client.get(url)
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
    print(f"\n{role}: {len(urls)} requests in {seconds:.1f}s (demo loaded in {demo.values['load_seconds']}s)")
    assert not problems, f"{role}: {len(problems)} problem(s):\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("role", ROLES)
def test_admin_only_for_bdt_administrators(demo, role):
    client = Client()
    user = _user(role)
    if user is not None:
        client.force_login(user)
    resp = client.get("/en/admin/stocktaking/activity/")
    if role == "admin":
        assert resp.status_code == 200
    else:
        assert resp.status_code in (302, 403), resp.status_code
        assert resp.status_code == 403 or "/login/" in resp["Location"]
