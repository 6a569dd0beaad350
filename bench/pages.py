"""Server time of every page of the demo, crawled from the home page, in two languages, public and signed in.

Usage: .venv/bin/python bench/pages.py [--data-dir DIR] [--reps 5] [--per-route 2] [--langs en,ar]
                                        [--user afr.officer] [--budget 300] [--json pages.json]

- Loads the demo into a fresh data dir (SQLite; `wsis init` + `wsis demo`, about two minutes) unless
  `--data-dir` names one that already has it (then it is reused as it is). DATABASE_URL is ignored.
- Crawls with Django's test Client (in process: server time without the network) from `/{lang}/` over every
  link to a page of the site (same language prefix, query strings dropped; downloads, the API, static files
  and the admin left out), then again signed in as `--user` (demo password `wsis-demo`) from `/{lang}/my/`.
  Pages are grouped by their URL route (`activities/<int:pk>/`); at most `--per-route` pages of each route
  are timed, so 320 activity pages count as one route.
- Times every page `--reps` times after the crawl's first (warm-up) request and prints p50/p95 per page
  (nearest-rank: with 5 repetitions p95 is the slowest), then the pages whose p95 is over `--budget` ms.
- Baseline in the same run: the API's not-found answer (a one-line view behind the whole middleware stack)
  and the sign-in page (a template without data), timed the same way, so the noise of the machine can be
  judged beside the pages' figures.
"""

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--data-dir", default="")
ap.add_argument("--reps", type=int, default=5)
ap.add_argument("--per-route", type=int, default=2)
ap.add_argument("--langs", default="en,ar")
ap.add_argument("--user", default="afr.officer")
ap.add_argument("--budget", type=float, default=300.0)
ap.add_argument("--max-pages", type=int, default=2000, help="stop the crawl after this many pages per pass")
ap.add_argument("--json", default="")
args = ap.parse_args()

os.environ.pop("DATABASE_URL", None)
os.environ["WSIS_DATA_DIR"] = args.data_dir or tempfile.mkdtemp(prefix="wsis-bench-pages-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("WSIS_LOGIN_THROTTLE", "0")

import logging  # noqa: E402
import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()
logging.disable(logging.WARNING)  # "Not Found" lines of the baseline and refused pages; the table has the statuses

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import Resolver404, resolve  # noqa: E402
from django.utils import translation  # noqa: E402

# Pages render with the plain static storage: no collectstatic needed, and hashing is not what is measured.
settings.STORAGES = {**settings.STORAGES,
                     "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
settings.DEBUG = False

SKIP = re.compile(r"^/(static|media|api|i18n)/|/admin/|/accounts/(logout|reset|password-reset)|\.(csv|xlsx|json|pdf|docx|zip|xml|png|svg)$")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def prepare():
    from wsis.stocktaking.models import Activity

    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    if not Activity.objects.filter(is_demo=True).exists():
        call_command("init", verbosity=0)
        call_command("demo", verbosity=0)
    return time.perf_counter() - t


def route_of(path: str, lang: str) -> str | None:
    # The language prefix resolves only for the active language.
    try:
        with translation.override(lang):
            match = resolve(path)
    except Resolver404:
        return None
    return match.route


def crawl(client: Client, start: list[str], lang: str) -> dict[str, list[str]]:
    """route → the first pages of that route reached from `start` (breadth first)."""
    start = list(dict.fromkeys(start))
    seen, queue, routes = set(start), list(start), defaultdict(list)
    prefix = f"/{lang}/"
    fetched = 0
    while queue and fetched < args.max_pages:
        path = queue.pop(0)
        route = route_of(path, lang)
        if route is None or len(routes[route]) >= args.per_route:
            continue
        r = client.get(path)
        fetched += 1
        if r.status_code != 200 or r.streaming or "text/html" not in r.get("Content-Type", ""):
            continue
        routes[route].append(path)
        parser = Links()
        parser.feed(r.content.decode("utf-8", "replace"))
        for href in parser.hrefs:
            href = urldefrag(href)[0]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith(prefix) or parts.query:
                continue
            if SKIP.search(parts.path) or parts.path in seen:
                continue
            seen.add(parts.path)
            queue.append(parts.path)
    return routes


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(round(q * len(s) + 0.5)) - 1))]


def timed(client: Client, path: str) -> dict:
    client.get(path)  # warm-up (template and query caches), not counted
    times, status = [], None
    for _ in range(args.reps):
        t = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - t) * 1000)
        status = r.status_code
    return {"path": path, "status": status, "p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
            "max": max(times)}


def main():
    from wsis.accounts.models import User

    seconds = prepare()
    print(f"demo ready in {seconds:.0f} s, data dir {os.environ['WSIS_DATA_DIR']}; "
          f"{args.reps} repetitions per page after one warm-up, at most {args.per_route} pages per route")
    langs = [code.strip() for code in args.langs.split(",") if code.strip()]
    public = Client()
    signed = Client()
    user = User.objects.get(username=args.user)
    signed.force_login(user)
    baseline = [timed(public, "/api/v1/bench-baseline-not-found"), timed(public, f"/{langs[0]}/accounts/login/")]
    results = []
    for who, client, start in (("public", public, "/{lang}/"), (args.user, signed, "/{lang}/my/")):
        for lang in langs:
            routes = crawl(client, [start.format(lang=lang), f"/{lang}/"], lang)
            for route, paths in sorted(routes.items()):
                for path in paths:
                    results.append({"who": who, "lang": lang, "route": route, **timed(client, path)})
    baseline.append(timed(public, "/api/v1/bench-baseline-not-found"))  # the end of the run, for drift

    width = max(len(r["path"]) for r in results + baseline)
    print(f"\n{'who':<12} {'page':<{width}} {'status':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for r in baseline:
        print(f"{'baseline':<12} {r['path']:<{width}} {r['status']:>6} {r['p50']:>8.1f} {r['p95']:>8.1f}")
    for r in results:
        print(f"{r['who']:<12} {r['path']:<{width}} {r['status']:>6} {r['p50']:>8.1f} {r['p95']:>8.1f}")
    slow = [r for r in results if r["p95"] > args.budget]
    p95s = sorted(r["p95"] for r in results)
    print(f"\n{len(results)} pages ({len({(r['who'], r['route']) for r in results})} routes × roles) in "
          f"{len(langs)} languages; median of the pages' p95: {percentile(p95s, 0.5):.1f} ms, slowest "
          f"{p95s[-1]:.1f} ms; baseline p50 {baseline[0]['p50']:.1f} ms (start) and {baseline[-1]['p50']:.1f} ms (end), "
          f"sign-in page p50 {baseline[1]['p50']:.1f} ms")
    print(f"{len(slow)} pages over {args.budget:.0f} ms at p95:")
    for r in sorted(slow, key=lambda r: -r["p95"]):
        print(f"  {r['p95']:>8.1f} ms  {r['who']:<12} {r['path']}")
    bad = [r for r in results if r["status"] not in (200, 302)]
    if bad:
        print(f"{len(bad)} pages answered neither 200 nor 302: " + ", ".join(f"{r['path']} {r['status']}" for r in bad))
    if args.json:
        Path(args.json).write_text(json.dumps({"baseline": baseline, "pages": results, "budget_ms": args.budget},
                                              indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
