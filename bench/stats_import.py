"""Import one million observations, and the same file into DuckDB, in the same run.

    .venv/bin/python bench/stats_import.py [observations]     (default 1 000 000)

Writes a synthetic World Bank bulk CSV (wide: one row per economy × series, one column per year) with
the requested number of values, imports it with `wsis.statistics.importing.import_bytes` into a fresh
database (SQLite in a temporary directory, or the PostgreSQL of DATABASE_URL), and prints wall time and
peak resident memory of this process. DuckDB then loads the same CSV, unpivots it and inserts it into a
keyed table; its figure is printed beside ours. DuckDB does less (no area matching, no validation, no
audit, no superseding of older releases): it is the floor, not a like-for-like rival.
"""

from __future__ import annotations

import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_csv(path: Path, economies: list[str], target: int) -> int:
    years = list(range(1960, 2026))
    rng = random.Random(7)
    per_series = len(economies) * len(years)
    n_series = max(1, -(-target // per_series))
    written = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Country Name,Country Code,Indicator Name,Indicator Code," + ",".join(map(str, years)) + "\n")
        for s in range(n_series):
            code = f"BENCH.S{s:03d}"
            for iso3 in economies:
                cells = []
                for _y in years:
                    if written < target:
                        cells.append(f"{rng.uniform(0, 100):.3f}")
                        written += 1
                    else:
                        cells.append("")
                fh.write(f"{iso3},{iso3},Bench series {s} (%),{code}," + ",".join(cells) + "\n")
    return written


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    tmp = Path(tempfile.mkdtemp(prefix="wsis-bench-"))
    os.environ.setdefault("WSIS_DATA_DIR", str(tmp))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from wsis.accounts.models import User
    from wsis.reference.models import Economy
    from wsis.reference.services import reference_init
    from wsis.statistics.importing import import_bytes
    from wsis.statistics.services import catalogue_init

    reference_init(actor="bench")
    catalogue_init(actor="bench")
    admin = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser("bench", "", "x")
    economies = list(Economy.objects.values_list("iso3", flat=True))
    csv_path = tmp / "API_BENCH_DS2_en_csv_v2.csv"
    n = make_csv(csv_path, economies, target)
    content = csv_path.read_bytes()
    engine = django.db.connection.vendor
    print(f"{n:,} observations, {len(content) / 1e6:.1f} MB CSV, database {engine}")

    before = peak_mb()
    t = time.perf_counter()
    result = import_bytes(admin, content, csv_path.name, create_indicators=True)
    ours = time.perf_counter() - t
    del content
    ours_peak = peak_mb()
    assert result.observations == n, (result.observations, n)

    import duckdb

    t = time.perf_counter()
    con = duckdb.connect(str(tmp / "bench.duckdb"))
    con.execute(f"CREATE TABLE obs AS SELECT \"Country Code\" AS economy, \"Indicator Code\" AS indicator, "
                f"CAST(year AS INTEGER) AS year, CAST(value AS DOUBLE) AS value FROM "
                f"(UNPIVOT read_csv('{csv_path}', header=true, all_varchar=true) ON COLUMNS(* EXCLUDE "
                f"(\"Country Name\", \"Country Code\", \"Indicator Name\", \"Indicator Code\")) INTO NAME year VALUE "
                f"value) WHERE value IS NOT NULL AND value <> ''")
    con.execute("CREATE UNIQUE INDEX obs_key ON obs (indicator, economy, year)")
    duck = time.perf_counter() - t
    duck_rows = con.execute("SELECT count(*) FROM obs").fetchone()[0]
    print(f"{'':24}{'seconds':>10}{'rows':>12}")
    print(f"{'ours (' + engine + ')':24}{ours:10.1f}{result.observations:12,}   peak RSS {ours_peak:,.0f} MB "
          f"(before import {before:,.0f} MB)")
    print(f"{'duckdb (load only)':24}{duck:10.1f}{duck_rows:12,}   peak RSS after both {peak_mb():,.0f} MB")
    print(f"ratio ours/duckdb: {ours / duck:.1f}×; goal: under 30 s and 1 GB")


if __name__ == "__main__":
    main()
