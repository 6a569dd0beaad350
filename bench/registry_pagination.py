"""Deep pagination of the activity list: keyset (what the registry uses) against OFFSET, same data, same run.

Usage: .venv/bin/python bench/registry_pagination.py [N]   (default 30000 activities; SQLite in a temp dir,
or the database in DATABASE_URL). Prints the median of 7 timings per depth.
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

N = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
PAGE = 25


def build():
    from datetime import timedelta

    from wsis.accounts.models import Organisation
    from wsis.stocktaking.models import Activity, ActivityFacet, ActivitySearch, ActivityTranslation
    from wsis.stocktaking.search import backend

    call_command("init", verbosity=0)
    if Activity.objects.count() >= N:
        return
    org = Organisation.objects.create(name="Bench org", kind="bdt_unit")
    now = timezone.now()
    kinds = ["project", "training", "event", "publication"]
    with transaction.atomic():
        acts = Activity.objects.bulk_create([
            Activity(kind=kinds[i % 4], original_language="en", lead_organisation=org, scope="global", status="ongoing",
                     state="published", published_at=now - timedelta(minutes=i // 3), version=1)
            for i in range(N)], batch_size=2000)
        ActivityTranslation.objects.bulk_create([
            ActivityTranslation(activity=a, language="en", title=f"Activity {a.pk} on broadband and skills")
            for a in acts], batch_size=2000)
        ActivityFacet.objects.bulk_create([
            ActivityFacet(activity=a, facet=f, code=c) for a in acts
            for f, c in (("kind", a.kind), ("state", "published"), ("region", ["AFR", "ASP", "EUR"][a.pk % 3]))],
            batch_size=5000)
        ActivitySearch.objects.bulk_create([
            ActivitySearch(activity=a, body=f"activity {a.pk} on broadband and skills", sort_title=f"activity {a.pk:08d}")
            for a in acts], batch_size=2000)
        backend().rebuild()
        backend().after_bulk()


def main():
    from django.db.models import Q

    from wsis.stocktaking import selectors
    from wsis.stocktaking.models import Activity

    t = time.perf_counter()
    build()
    print(f"{connection.vendor}: {Activity.objects.count()} published activities (built in {time.perf_counter() - t:.1f} s)")
    for values in ({}, {"region": ["AFR", "ASP"]}):
        filters = selectors.Filters(values=values)
        qs = selectors.filtered(None, filters).order_by("-published_at", "-id")
        total = qs.count()
        print(f"\nfilter {values or 'none'}: {total} rows; time to fetch one page of {PAGE} ids (median ms)")
        print(f"{'depth':>8} {'keyset':>8} {'OFFSET':>8} {'OFFSET/keyset':>14} {'whole page (keyset)':>20}")
        for depth in (0, 1_000, total // 2, total - PAGE):
            prev = qs[depth - 1] if depth else None

            def keyset(prev=prev, qs=qs):
                part = qs
                if prev is not None:
                    part = qs.filter(Q(published_at__lte=prev.published_at)
                                     & (Q(published_at__lt=prev.published_at) | Q(pk__lt=prev.pk)))
                return list(part.values_list("id", flat=True)[:PAGE])

            def offset(depth=depth, qs=qs):
                return list(qs.values_list("id", flat=True)[depth:depth + PAGE])

            cursor = selectors._encode(prev.published_at, prev.pk) if prev else None

            def whole(cursor=cursor, filters=filters):
                return selectors.page(None, filters, language="en", limit=PAGE, cursor=cursor)

            assert keyset() == offset() == [r["id"] for r in whole()["results"]], depth
            k, o, w = median_ms(keyset, 7), median_ms(offset, 7), median_ms(whole, 5)
            print(f"{depth:>8} {k:>8.2f} {o:>8.2f} {o / k:>14.1f} {w:>20.1f}")


if __name__ == "__main__":
    main()
