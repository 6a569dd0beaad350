"""Group aggregates of ICT indicators: our numpy engine against DuckDB, same data, same run.

Usage: .venv/bin/python bench/stats_aggregate.py [N_PANELS]   (default 300 panels × 250 economies ×
66 years ≈ 5M cells). The dataset is synthetic and fixed by a seed: populations as weights, about 30 %
of cells missing, 17 groups (world, 6 ITU regions, LDC, LLDC, SIDS, developed, developing, 4 income
groups, one custom group) whose memberships change in some years, and peer classes ITU region ×
income group.

What is timed (median of 3 runs, time.perf_counter), the data already in memory for both:
- ours: `aggregate` for every panel × group × year, returning the rows (Python objects), with the
  memberships prepared once per run as `Groups` (inside the timing). "full" is weighted mean +
  interpolation + carry forward (3 years) + peer imputation; "reported-only" is the weighted mean of
  reported values with coverage. Two more lines: groups passed as a plain dict (prepared in every
  call), and the full run followed by reading every row's `filled` map, which is built on first use.
- DuckDB: the same computations as SQL over tables created beforehand from the same numpy arrays
  (creating the tables is not timed, as building `Panel` objects is not timed for ours); results
  fetched as numpy arrays. "full" does interpolation and carry forward with window functions and
  peer imputation with joins and GROUP BYs.
Both results are compared (max abs difference of the figures and of coverage).
"""

import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wsis.statistics.aggregate import GapFill, Groups, Panel, aggregate  # noqa: E402

N_PANELS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
N_ECONOMIES = 250
YEARS = list(range(1960, 2026))
SEED = 20_240_611
REGIONS = ("AFR", "AMS", "ARB", "ASP", "CIS", "EUR")
INCOMES = ("LIC", "LMC", "UMC", "HIC")
FULL = GapFill(interpolate=True, carry_forward=3, carry_back=0, impute="peer_mean", min_coverage=0.5)
REPORTED_ONLY = GapFill(interpolate=False, carry_forward=0, carry_back=0, impute="none", min_coverage=0.0)


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def make_world(rng):
    """Economies, population weights, group memberships and peer classes, all economies × years."""
    n_e, n_y = N_ECONOMIES, len(YEARS)
    year = np.array(YEARS)
    economies = [f"E{i:03d}" for i in range(n_e)]
    # Most economies exist throughout; 25 appear in 1991–1993, a few later (as after 1990 in reality).
    start = np.full(n_e, YEARS[0])
    late = rng.choice(n_e, 30, replace=False)
    start[late[:25]] = rng.integers(1991, 1994, 25)
    start[late[25:]] = rng.choice([1993, 2002, 2006, 2008, 2011], 5)
    exists = year[None, :] >= start[:, None]

    base = np.exp(rng.normal(np.log(5e6), 1.8, n_e)).clip(1e4, 1.4e9)
    growth = rng.uniform(0.0, 0.03, n_e)
    population = base[:, None] * (1 + growth[:, None]) ** (year[None, :] - YEARS[0])
    population[~exists] = np.nan
    population[rng.random((n_e, n_y)) < 0.002] = np.nan  # a few years without a population figure

    region = rng.permutation(np.repeat(np.arange(6), [54, 50, 22, 60, 12, 52]))
    income0 = np.clip(np.round(rng.normal(1.5 + (region == 5) * 1.5, 1.0)), 0, 3).astype(int)
    income = np.repeat(income0[:, None], n_y, axis=1)
    movers = rng.choice(n_e, 40, replace=False)
    for e, y in zip(movers, rng.integers(1995, 2024, 40), strict=True):
        income[e, year >= y] = np.minimum(income[e, year >= y] + 1, 3)
    classified = year >= 1987  # income groups exist from 1987

    groups = {"WLD": exists.copy()}
    for r, code in enumerate(REGIONS):
        groups[code] = exists & (region == r)[:, None]
    poor = np.flatnonzero((region == 0) | (region == 3))
    ldc = rng.choice(poor, 46, replace=False)
    ldc_member = np.zeros((n_e, n_y), dtype=bool)
    for e, (joined, graduated) in zip(ldc, zip(rng.integers(1971, 1992, 46),
                                               np.where(rng.random(46) < 0.15, rng.integers(1994, 2024, 46), 9999),
                                               strict=True), strict=True):
        ldc_member[e] = (year >= joined) & (year < graduated)
    groups["LDC"] = ldc_member & exists
    groups["LLDC"] = exists & np.isin(np.arange(n_e), rng.choice(n_e, 32, replace=False))[:, None]
    groups["SIDS"] = exists & np.isin(np.arange(n_e), rng.choice(n_e, 38, replace=False))[:, None]
    developed = (region == 5) | np.isin(np.arange(n_e), rng.choice(n_e, 10, replace=False))
    groups["DEVELOPED"] = exists & developed[:, None]
    groups["DEVELOPING"] = exists & ~developed[:, None]
    for i, code in enumerate(INCOMES):
        groups[code] = exists & classified[None, :] & (income == i)
    groups["CUSTOM"] = exists & np.isin(np.arange(n_e), rng.choice(n_e, 20, replace=False))[:, None] & (year >= 2021)
    peers = region[:, None] * 4 + income  # ITU region × income group (the 1987 class before 1987)
    return economies, population, groups, peers


def make_panel_values(rng, exists):
    """One indicator: an adoption curve per economy, reported from a first year, with gaps."""
    n_e, n_y = exists.shape
    year = np.array(YEARS)
    midpoint = rng.uniform(1995, 2025, n_e)
    ceiling = rng.uniform(40, 130, n_e)
    values = ceiling[:, None] / (1 + np.exp(-(year[None, :] - midpoint[:, None]) / rng.uniform(3, 8)))
    values *= rng.lognormal(0, 0.05, (n_e, n_y))
    first = rng.integers(1960, 1985, n_e)
    lag = rng.integers(0, 3, n_e)  # latest years not yet reported
    missing = ~exists | (year[None, :] < first[:, None]) | (year[None, :] > YEARS[-1] - lag[:, None])
    missing |= rng.random((n_e, n_y)) < 0.09
    values[missing] = np.nan
    return values


def run_ours(panels, groups, population, peers, method, prepare=True, read_filled=False):
    prepared = Groups(groups, N_ECONOMIES, len(YEARS)) if prepare else groups
    for panel in panels:
        rows = aggregate(panel, groups=prepared, rule="weighted_mean", weights=population, method=method,
                         peers=peers)
        if read_filled:
            for row in rows:
                len(row.filled)


def ours_figures(panels, groups, population, peers, method):
    """(value, coverage) per panel × group × year, NaN where there is no figure."""
    prepared = Groups(groups, N_ECONOMIES, len(YEARS))
    value = np.full((len(panels), len(groups), len(YEARS)), np.nan)
    coverage = np.full_like(value, np.nan)
    for p, panel in enumerate(panels):
        rows = aggregate(panel, groups=prepared, rule="weighted_mean", weights=population, method=method, peers=peers)
        for i, row in enumerate(rows):
            g, y = divmod(i, len(YEARS))
            if row.value_unpublished is not None:
                value[p, g, y] = row.value_unpublished
                coverage[p, g, y] = row.coverage
    return value, coverage


def duckdb_load(con, panels, groups, population, peers):
    """Long tables keyed by (year, economy) as one integer k = year_index × E + economy_index."""
    n_e, n_y = N_ECONOMIES, len(YEARS)
    key = (np.arange(n_y)[None, :] * n_e + np.arange(n_e)[:, None])  # E × Y
    stacked = np.stack([p.values for p in panels])  # P × E × Y
    p_idx, e_idx, y_idx = np.nonzero(~np.isnan(stacked))
    obs = {"p": p_idx.astype(np.int32), "k": key[e_idx, y_idx].astype(np.int32),
           "y": y_idx.astype(np.int32), "v": stacked[p_idx, e_idx, y_idx]}
    has_w = ~np.isnan(population)
    pop = {"k": key[has_w].astype(np.int32), "w": population[has_w]}
    g_idx, e_idx, y_idx = np.nonzero(np.stack(list(groups.values())))
    mem = {"g": g_idx.astype(np.int32), "k": key[e_idx, y_idx].astype(np.int32), "y": y_idx.astype(np.int32)}
    peer = {"k": key.ravel().astype(np.int32), "c": peers.ravel().astype(np.int32)}
    panel_ids = {"p": np.arange(len(panels), dtype=np.int32)}
    for name, data in (("obs", obs), ("pop", pop), ("mem", mem), ("peer", peer), ("panels", panel_ids)):
        con.register(f"{name}_src", data)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_src")
        con.unregister(f"{name}_src")
    return len(obs["v"])


SQL_REPORTED_ONLY = """
WITH total AS (
    SELECT m.g, m.y, sum(w.w) AS total FROM mem m JOIN pop w USING (k) GROUP BY m.g, m.y
), reported AS (
    SELECT o.p, m.g, m.y, sum(w.w * o.v) AS sx, sum(w.w) AS sw
    FROM obs o JOIN mem m ON m.k = o.k JOIN pop w ON w.k = o.k
    GROUP BY o.p, m.g, m.y
)
SELECT r.p, r.g, r.y, r.sx / r.sw AS value, r.sw / t.total AS coverage
FROM reported r JOIN total t ON t.g = r.g AND t.y = r.y
"""

# Interpolation inside the series, then carry forward at most 3 years after the last observation, per
# panel × economy (window functions over a dense panel × economy × year grid); then, per panel ×
# group × year × peer class, the sums needed for peer imputation (rule 6 of the module docstring).
SQL_FULL = """
WITH grid AS (
    SELECT p.p, w.k, w.k // {n_e} AS y, w.k % {n_e} AS e, o.v
    FROM panels p CROSS JOIN (SELECT k FROM range({cells}) t(k)) w
    LEFT JOIN obs o ON o.p = p.p AND o.k = w.k
), windows AS (
    SELECT p, k, y, v,
        max(CASE WHEN v IS NOT NULL THEN y END) OVER before AS y0,
        last_value(v IGNORE NULLS) OVER before AS v0,
        min(CASE WHEN v IS NOT NULL THEN y END) OVER after AS y1,
        first_value(v IGNORE NULLS) OVER after AS v1
    FROM grid
    WINDOW before AS (PARTITION BY p, e ORDER BY y ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
           after AS (PARTITION BY p, e ORDER BY y ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
), filled AS (
    SELECT p, k, v IS NOT NULL AS reported,
        CASE WHEN v IS NOT NULL THEN v
             WHEN y0 IS NOT NULL AND y1 IS NOT NULL THEN v0 + (v1 - v0) * ((y - y0) / (y1 - y0))
             WHEN y0 IS NOT NULL AND y - y0 <= 3 THEN v0 END AS fv
    FROM windows
), by_class AS (
    SELECT f.p, m.g, m.y, c.c,
        sum(w.w * f.fv) FILTER (WHERE f.fv IS NOT NULL) AS sx,
        sum(w.w) FILTER (WHERE f.fv IS NOT NULL) AS sm,
        coalesce(sum(w.w) FILTER (WHERE f.fv IS NULL), 0) AS smiss,
        coalesce(sum(w.w) FILTER (WHERE f.reported), 0) AS srep,
        sum(w.w) AS total
    FROM filled f JOIN mem m ON m.k = f.k JOIN pop w ON w.k = f.k JOIN peer c ON c.k = f.k
    GROUP BY f.p, m.g, m.y, c.c
), by_group AS (
    SELECT p, g, y, sum(sx) AS tx, sum(sm) AS tm, sum(srep) AS trep, sum(total) AS total
    FROM by_class GROUP BY p, g, y
)
SELECT b.p, b.g, b.y,
    (t.tx + sum(b.smiss * CASE WHEN b.sm > 0 THEN b.sx / b.sm ELSE t.tx / t.tm END))
        / (t.tm + sum(b.smiss)) AS value,
    t.trep / t.total AS coverage
FROM by_class b JOIN by_group t ON t.p = b.p AND t.g = b.g AND t.y = b.y
WHERE t.tm > 0
GROUP BY b.p, b.g, b.y, t.tx, t.tm, t.trep, t.total
"""


def duckdb_figures(con, sql, n_panels, n_groups):
    got = con.execute(sql).fetchnumpy()
    value = np.full((n_panels, n_groups, len(YEARS)), np.nan)
    coverage = np.full_like(value, np.nan)
    value[got["p"], got["g"], got["y"]] = got["value"]
    coverage[got["p"], got["g"], got["y"]] = got["coverage"]
    return value, coverage


def median_time(fn, runs=3):
    """Median seconds of `runs` calls, and the last call's result."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def compare(a, b):
    both = ~np.isnan(a) & ~np.isnan(b)
    only = int((np.isnan(a) != np.isnan(b)).sum())
    return float(np.abs(a[both] - b[both]).max()) if both.any() else 0.0, only


def main():
    rng = np.random.default_rng(SEED)
    economies, population, groups, peers = make_world(rng)
    exists = groups["WLD"]
    panels = [Panel(economies, YEARS, make_panel_values(rng, exists)) for _ in range(N_PANELS)]
    cells = N_PANELS * N_ECONOMIES * len(YEARS)
    missing = sum(int(np.isnan(p.values).sum()) for p in panels) / cells
    members = sum(int(m.sum()) for m in groups.values())
    print(f"{N_PANELS} panels × {N_ECONOMIES} economies × {len(YEARS)} years = {cells:,} cells, "
          f"{missing:.0%} missing; {len(groups)} groups ({members:,} membership economy-years); "
          f"{N_PANELS * len(groups) * len(YEARS):,} group × year figures per method")
    rss_start = rss_mib()

    t_full, _ = median_time(lambda: run_ours(panels, groups, population, peers, FULL))
    t_rep, _ = median_time(lambda: run_ours(panels, groups, population, peers, REPORTED_ONLY))
    t_dict, _ = median_time(lambda: run_ours(panels, groups, population, peers, FULL, prepare=False))
    t_filled, _ = median_time(lambda: run_ours(panels, groups, population, peers, FULL, read_filled=True))
    rss_ours = rss_mib()
    tracemalloc.start()
    run_ours(panels, groups, population, peers, FULL)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ours_rep, ours_rep_cov = ours_figures(panels, groups, population, peers, REPORTED_ONLY)
    ours_full, ours_full_cov = ours_figures(panels, groups, population, peers, FULL)

    import duckdb

    con = duckdb.connect()
    threads = con.execute("SELECT current_setting('threads')").fetchall()[0][0]
    n_obs = duckdb_load(con, panels, groups, population, peers)
    rss_loaded = rss_mib()
    sql_full = SQL_FULL.format(n_e=N_ECONOMIES, cells=N_ECONOMIES * len(YEARS))
    d_rep_time, (duck_rep, duck_rep_cov) = median_time(
        lambda: duckdb_figures(con, SQL_REPORTED_ONLY, N_PANELS, len(groups)))
    d_full_time, (duck_full, duck_full_cov) = median_time(
        lambda: duckdb_figures(con, sql_full, N_PANELS, len(groups)))
    rss_duck = rss_mib()

    rep_diff, rep_only = compare(ours_rep, duck_rep)
    rep_cov_diff, _ = compare(ours_rep_cov, duck_rep_cov)
    full_diff, full_only = compare(ours_full, duck_full)
    full_cov_diff, _ = compare(ours_full_cov, duck_full_cov)

    print(f"\nDuckDB {duckdb.__version__}, {threads} threads; {n_obs:,} observations loaded (load not timed)")
    print(f"{'computation':58} {'ours s':>8} {'DuckDB s':>9} {'max |Δ value|':>14} {'max |Δ cov|':>12}")
    print(f"{'reported-only weighted mean + coverage':58} {t_rep:8.3f} {d_rep_time:9.3f} "
          f"{rep_diff:14.2e} {rep_cov_diff:12.2e}")
    print(f"{'full: interpolation + carry forward 3 + peer imputation':58} {t_full:8.3f} {d_full_time:9.3f} "
          f"{full_diff:14.2e} {full_cov_diff:12.2e}")
    print(f"figures present in one result only: reported-only {rep_only}, full {full_only}")
    print(f"ours, full, groups passed as a dict (prepared in every call): {t_dict:.3f} s")
    print(f"ours, full, then reading every row's `filled` map (built on first use): {t_filled:.3f} s")
    print("ours returns AggregateRow objects (published flag, coverage_filled, counts, lazy filled map); "
          "DuckDB returns value and coverage as numpy arrays")
    print(f"\npeak memory: process RSS {rss_start:.0f} MiB before timing, {rss_ours:.0f} MiB after ours, "
          f"{rss_loaded:.0f} MiB after loading DuckDB, {rss_duck:.0f} MiB after DuckDB's queries; "
          f"ours traced (tracemalloc) peak {traced_peak / 2**20:.1f} MiB over a full run")
    budget = "within" if t_full < 2.0 else "OVER"
    print(f"ours, full method: {t_full:.3f} s for {cells:,} cells — {budget} the 2 s budget")


if __name__ == "__main__":
    main()
