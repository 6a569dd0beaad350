"""Server time of the statistics pages and the economy profile, measured in-process with Django's test client.

    WSIS_DATA_DIR=... python bench/stats_pages.py [N] [path ...]

Uses the database in WSIS_DATA_DIR (run `wsis init && wsis demo` there first). Each page is requested once to
warm up (the first request of a process pays for imports and fills the per-release caches), then N times
(default 20); prints p50/p95/max in milliseconds and the number of SQL queries of the last request.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PAGES = ["/en/statistics/targets/", "/en/economies/KEN/", "/ar/economies/KEN/", "/en/economies/compare/?e=KEN&e=NGA&e=IND",
         "/en/statistics/economies/KEN/", "/en/statistics/INTERNET_USERS/about/", "/en/statistics/INTERNET_USERS/", "/api/v1/economies/KEN/profile"]


def main():
    args = sys.argv[1:]
    n = int(args.pop(0)) if args and args[0].isdigit() else 20
    pages = args or PAGES
    setup_test_environment()
    # Static URLs without the collected manifest (`collectstatic` is a deployment step, not part of server time).
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    client = Client()
    print(f"{'page':58} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
    for page in pages:
        first = client.get(page)
        times = []
        for _ in range(n):
            t = time.perf_counter()
            r = client.get(page)
            times.append((time.perf_counter() - t) * 1000)
        with CaptureQueriesContext(connection) as q:
            client.get(page)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        print(f"{page:58} {r.status_code:>6} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f} "
              f"{len(q.captured_queries):>8}  (first {first.status_code})")


if __name__ == "__main__":
    main()
