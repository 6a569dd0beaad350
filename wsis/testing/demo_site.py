"""One demo site for the whole test run: the demo database built once, and one live server reading it.

Several suites only read the demo (the route × role matrix, the list contracts, the demo banner, the browser
crawl). Loading the demo takes most of a minute, so each loading it for itself, in every pytest-xdist worker and
on both databases, cost many minutes of CI. Here the first worker that asks builds the demo once into its own
database (SQLite: a file in the run's shared temporary folder; PostgreSQL: a database named after DATABASE_URL's
with `_demo` added), and starts one `runserver` on a free port against it; the other workers wait on a file lock
and reuse both (the pattern of pytest-xdist's "Making session-scoped fixtures execute only once"). Each worker
counts itself in; the last one out stops the server, and the server also stops by itself when the pytest process
that started the run is gone.

Tests that write must not use this site: they keep their own database (pytest-django's `db`).

Run as a program (by `acquire`, in a process with the demo's settings):
    python -m wsis.testing.demo_site build OUT.json    migrate, load the reference data and the demo, write facts
    python -m wsis.testing.demo_site serve PORT PID    run the server until the process PID is gone
"""

import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from http.client import HTTPConnection
from pathlib import Path

PASSWORD = "wsis-demo"
SETTINGS = "wsis.testing.live_settings"
ROLES = ["anonymous", "admin", "reviewer", "afr.officer", "asp.officer", "ams.officer", "arb.officer", "cis.officer",
         "eur.officer", "ke.focal", "np.focal", "satellite"]
MIN_TEXT = 8  # shorter titles would match ordinary words
ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------------------------------------ the site as tests see it

@dataclass
class Response:
    status_code: int
    headers: dict
    content: bytes
    streaming: bool = False

    def get(self, name, default=None):
        return self.headers.get(name.lower(), default)

    def __getitem__(self, name):
        return self.headers[name.lower()]

    def json(self):
        return json.loads(self.content)


@dataclass
class DemoSite:
    url: str                                     # http://127.0.0.1:PORT
    facts: dict = field(default_factory=dict)    # what the build wrote (values, sessions, forbidden, ...)

    def get(self, path: str, params: dict | None = None, *, role: str | None = None) -> Response:
        """GET a path (redirects are not followed) as a demo account (its session made by the build) or anonymously."""
        if params:
            path = f"{path}{'&' if '?' in path else '?'}{urllib.parse.urlencode(params, doseq=True)}"
        headers = {}
        if role and role != "anonymous":
            headers["Cookie"] = f"sessionid={self.facts['sessions'][role]}"
        netloc = urllib.parse.urlsplit(self.url).netloc
        conn = HTTPConnection(netloc, timeout=300)
        try:
            conn.request("GET", path, headers=headers)
            r = conn.getresponse()
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()


# ------------------------------------------------------------------------------------------------ sharing it across workers

@contextmanager
def _locked(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "demo.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _database_url(root: Path) -> str:
    import dj_database_url

    url = os.environ.get("DATABASE_URL", "")
    if url and not url.startswith("sqlite"):
        parts = urllib.parse.urlsplit(url)
        name = parts.path.lstrip("/") + "_demo"
        cfg = dj_database_url.parse(url)
        import psycopg

        with psycopg.connect(host=cfg["HOST"] or None, port=cfg["PORT"] or None, user=cfg["USER"] or None,
                             password=cfg["PASSWORD"] or None, dbname="postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return urllib.parse.urlunsplit(parts._replace(path="/" + name))
    return f"sqlite:///{root / 'demo.sqlite3'}"


def _env(root: Path, database_url: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "WSIS_DATA_DIR": str(root / "data"),
           "DATABASE_URL": database_url, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                                                  os.environ.get("PYTHONPATH")]))}
    env.pop("DEBUG", None)
    return env


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(log: Path) -> str:
    return log.read_text()[-3000:] if log.exists() else f"(no {log})"


def _wait_ready(url: str, proc, log: Path, seconds: float = 300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the demo server stopped (status {proc.returncode}):\n{_tail(log)}")
        try:
            conn = HTTPConnection(urllib.parse.urlsplit(url).netloc, timeout=30)
            conn.request("GET", "/en/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGTERM)
    raise RuntimeError(f"the demo server did not answer within {seconds:.0f}s:\n{_tail(log)}")


def acquire(root: Path) -> DemoSite:
    """The shared demo site: built and started by the first caller of the run, reused by the others."""
    with _locked(root):
        facts_file, state_file = root / "demo.json", root / "server.json"
        if not facts_file.exists():
            started = time.monotonic()
            database_url = _database_url(root)
            out = root / "build.log"
            with open(out, "w") as log:
                done = subprocess.run([sys.executable, "-m", "wsis.testing.demo_site", "build", str(root / "facts.tmp")],
                                      env=_env(root, database_url), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
            if done.returncode:
                raise RuntimeError(f"building the demo failed:\n{out.read_text()[-5000:]}")
            facts = json.loads((root / "facts.tmp").read_text())
            facts.update(database_url=database_url, build_seconds=round(time.monotonic() - started, 1))
            facts_file.write_text(json.dumps(facts))
        facts = json.loads(facts_file.read_text())
        state = json.loads(state_file.read_text()) if state_file.exists() else None
        if state is None or not _alive(state["pid"]):
            port = _free_port()
            log = root / f"server-{port}.log"
            # The pytest process that started the run: the xdist controller for a worker, pytest itself otherwise.
            watch = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
            proc = subprocess.Popen([sys.executable, "-m", "wsis.testing.demo_site", "serve", str(port), str(watch)],
                                    env=_env(root, facts["database_url"]), cwd=ROOT, stdout=open(log, "w"),
                                    stderr=subprocess.STDOUT, start_new_session=True)
            url = f"http://127.0.0.1:{port}"
            _wait_ready(url, proc, log)
            state = {"pid": proc.pid, "url": url, "users": 0, "log": str(log)}
        state["users"] += 1
        state_file.write_text(json.dumps(state))
        return DemoSite(url=state["url"], facts=facts)


def release(root: Path):
    """One user fewer; the last one stops the server (a later caller starts it again on the same database)."""
    with _locked(root):
        state_file = root / "server.json"
        if not state_file.exists():
            return
        state = json.loads(state_file.read_text())
        state["users"] -= 1
        if state["users"] > 0:
            state_file.write_text(json.dumps(state))
            return
        state_file.unlink()
        if _alive(state["pid"]):
            os.killpg(state["pid"], signal.SIGTERM)
            for _ in range(50):
                try:
                    if os.waitpid(state["pid"], os.WNOHANG)[0]:
                        break
                except ChildProcessError:  # started by another worker: not our child to reap
                    if not _alive(state["pid"]):
                        break
                time.sleep(0.1)


# ------------------------------------------------------------------------------------------------ building the demo

def build(out: Path):
    import django

    django.setup()
    from django.core.management import call_command

    from wsis.accounts.models import Organisation
    from wsis.site.demo import load_demo

    call_command("init", verbosity=0)
    started = time.monotonic()
    load_demo(password=PASSWORD)
    load_seconds = round(time.monotonic() - started, 1)
    organisations = Organisation.objects.filter(is_demo=True).count()
    load_demo(password=PASSWORD)  # idempotent: the banner test checks that nothing was added the second time
    facts = {"load_seconds": load_seconds, "demo_organisations": [organisations,
                                                                  Organisation.objects.filter(is_demo=True).count()]}
    values, flows = _prepare_matrix()
    facts.update(values=values, flows={str(k): v for k, v in flows.items()})
    facts["forbidden"] = {role: forbidden_for(role, flows) for role in ROLES}
    facts["sessions"] = _sessions()
    out.write_text(json.dumps(facts))


def _sessions() -> dict:
    """A signed-in session for every demo account, as the sign-in form would make it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from wsis.accounts.models import User

    store = import_module(settings.SESSION_ENGINE).SessionStore
    out = {}
    for role in ROLES[1:]:
        user = User.objects.get(username=role)
        s = store()
        s[SESSION_KEY] = str(user.pk)
        s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        s[HASH_SESSION_KEY] = user.get_session_auth_hash()
        s.create()
        out[role] = s.session_key
    return out


def _prepare_matrix() -> tuple[dict, dict]:
    """What the route × role matrix requests and the confidential amounts it looks for (see test_route_matrix)."""
    from django.db.models import Count

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
    from wsis.stocktaking.services import activity_create, to_data

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
    target = (Activity.objects.filter(state="submitted", revision_of__isnull=True).exclude(lead_organisation=satellite)
              .order_by("pk").first())
    data = to_data(target)
    data.update(external_id=None, lead_organisation={"name": satellite.name, "kind": satellite.kind}, partners=[])
    for entry in data["texts"].values():
        entry["title"] = f"{entry['title']} (second draft)"
    activity_create(actor=User.objects.get(username="satellite"), data=data)

    # Confidential amounts get digits found nowhere else, so a leak in any format is recognisable.
    flows = {}
    for i, f in enumerate(Flow.objects.filter(public=False).order_by("pk")):
        Flow.objects.filter(pk=f.pk).update(amount=Decimal(f"{7_310_000 + 13 * i}.37"))
        flows[f.pk] = f"{7_310_000 + 13 * i}37"

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
    values = {
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
    }
    return values, flows


def forbidden_for(role: str, flows: dict) -> dict:
    """What a demo account may not read anywhere: {"texts", "codes", "digits"} -> {text: what it is}. Computed from
    the models and the services' own visibility rules, never from the pages."""
    from django.contrib.auth.models import AnonymousUser

    from wsis.accounts.models import User
    from wsis.partnerships import permissions as partner_permissions
    from wsis.partnerships.funding.selectors import _may_see, _viewer_org, agreements_visible
    from wsis.partnerships.models import Agreement, Flow
    from wsis.stocktaking.models import Activity, ActivityTranslation
    from wsis.stocktaking.selectors import visible

    user = AnonymousUser() if role == "anonymous" else User.objects.get(username=role)
    out = {"texts": {}, "codes": {}, "digits": {}}
    open_ids = set(Activity.objects.filter(visible(user)).values_list("pk", flat=True))
    titles = ActivityTranslation.objects.values_list("activity_id", "title")
    allowed = "\n".join(t for a, t in titles if a in open_ids)
    allowed_ids = set(Activity.objects.filter(pk__in=open_ids).exclude(external_id=None)
                      .values_list("external_id", flat=True))
    for a, t in titles:
        if a not in open_ids and len(t) >= MIN_TEXT and t not in allowed:
            out["texts"][t] = f"title of activity #{a}"
    for a, ext in Activity.objects.exclude(pk__in=open_ids).exclude(external_id=None).values_list("pk", "external_id"):
        if ext and ext not in allowed_ids:
            out["codes"][ext] = f"external id of activity #{a}"

    seen = set(agreements_visible(user).values_list("pk", flat=True))
    shown = "\n".join(Agreement.objects.filter(pk__in=seen).values_list("title", flat=True))
    for a in Agreement.objects.exclude(pk__in=seen):
        out["codes"][a.reference] = f"reference of agreement #{a.pk}"
        if len(a.title) >= MIN_TEXT and a.title not in shown:
            out["texts"][a.title] = f"title of agreement #{a.pk}"

    bdt, org = partner_permissions.is_bdt_staff(user), _viewer_org(user)
    for f in Flow.objects.filter(pk__in=flows).values("pk", "public", "funder_id", "receiver_id",
                                                        "activity__lead_organisation_id"):
        if not _may_see(user, bdt, org, f):
            out["digits"][flows[f["pk"]]] = f"amount of confidential flow #{f['pk']}"
    return out


# ------------------------------------------------------------------------------------------------ serving it

def serve(port: int, watch: int):
    def watchdog():
        while _alive(watch):
            time.sleep(2)
        os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["wsis", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"])


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(Path(sys.argv[2]))
    elif sys.argv[1] == "serve":
        serve(int(sys.argv[2]), int(sys.argv[3]))
    else:
        raise SystemExit(__doc__)
