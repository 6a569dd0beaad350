"""The site search over a large registry: time of one search (every group) and of a suggestion (limit 5).

Usage: .venv/bin/python bench/site_search.py [N]   (default 100000 published activities; SQLite in a temp dir,
or the database in DATABASE_URL). Activities get titles in four languages and one economy each, spread over
every economy; prints the median of 5 timings per query, for the full page (20 per group) and suggestions.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("WSIS_DATA_DIR", tempfile.mkdtemp(prefix="wsis-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402
from timing import median_ms  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
TITLES = [
    ("en", "National broadband policy review {i}", "Support to regulators on digital skills and policies."),
    ("fr", "Services de télécommunications d'urgence {i}", "Appui aux politiques nationales de large bande."),
    ("es", "Políticas públicas de accesibilidad {i}", "Formación en competencias digitales."),
    ("ru", "Широкополосный доступ в сельских районах {i}", "Подключение школ и больниц."),
]
QUERIES = ["kenya", "Кения", "肯尼亚", "Кении", "broadband", "télécommunication", "politicas", "digital skills",
           "C7", "zzzyx"]


def build():
    from datetime import timedelta

    from wsis.accounts.models import Organisation
    from wsis.reference.models import Economy
    from wsis.stocktaking.models import Activity, ActivityFacet, ActivitySearch, ActivityTranslation
    from wsis.stocktaking.search import backend, body_text

    call_command("init", verbosity=0)
    if Activity.objects.count() >= N:
        return
    org = Organisation.objects.create(name="Bench org", kind="bdt_unit")
    economies = list(Economy.objects.order_by("iso3").values_list("iso3", flat=True))
    now = timezone.now()
    with transaction.atomic():
        acts = Activity.objects.bulk_create([
            Activity(kind="project", original_language=TITLES[i % 4][0], lead_organisation=org, scope="national",
                     status="ongoing", state="published", published_at=now - timedelta(minutes=i), version=1)
            for i in range(N)], batch_size=2000)
        texts = {a.pk: TITLES[n % 4] for n, a in enumerate(acts)}
        ActivityTranslation.objects.bulk_create([
            ActivityTranslation(activity=a, language=texts[a.pk][0], title=texts[a.pk][1].format(i=a.pk),
                                summary=texts[a.pk][2]) for a in acts], batch_size=2000)
        ActivityFacet.objects.bulk_create([
            ActivityFacet(activity=a, facet=f, code=c) for a in acts
            for f, c in (("kind", "project"), ("state", "published"), ("economy", economies[a.pk % len(economies)]))],
            batch_size=5000)
        ActivitySearch.objects.bulk_create([
            ActivitySearch(activity=a, body=body_text([texts[a.pk][1].format(i=a.pk), texts[a.pk][2]]),
                           sort_title=texts[a.pk][1].format(i=a.pk)[:200].casefold()) for a in acts], batch_size=2000)
        backend().rebuild()
        backend().after_bulk()


def main():
    from wsis.search.selectors import search
    from wsis.stocktaking.models import Activity

    t = time.perf_counter()
    build()
    print(f"{connection.vendor}: {Activity.objects.count()} published activities (built in {time.perf_counter() - t:.1f} s)")
    search(None, "warm up", language="en")
    print(f"{'query':>20} {'activities':>10} {'page ms':>8} {'suggest ms':>10}")
    for q in QUERIES:
        answer = search(None, q, language="en")
        acts = next((g.count for g in answer["groups"] if g.kind == "activities"), 0)
        page = median_ms(lambda q=q: search(None, q, language="en", limit=20))
        suggest = median_ms(lambda q=q: search(None, q, language="en", limit=5))
        print(f"{q:>20} {acts:>10} {page:>8.1f} {suggest:>10.1f}")


if __name__ == "__main__":
    main()
