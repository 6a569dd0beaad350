"""Timing helpers shared by the benchmarks."""

import statistics
import time


def median_ms(fn, runs: int = 5) -> float:
    """The median wall time of `runs` calls of fn, in milliseconds (the machines are noisy: medians, not means)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)
