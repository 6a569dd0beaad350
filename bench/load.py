"""Load bench: `wsis serve` with the demo data under N concurrent simulated users, level by level.

    python bench/load.py                          # 10 then 30 users, 60 s each
    python bench/load.py --users 30 --duration 20 --workers 3

Starts its own server on 127.0.0.1 (a free port, its own data dir, demo loaded on first use), lets each user
loop over a mix of public pages and API lists with a short think time, and prints per level: requests, errors,
throughput and latency percentiles (p50/p95/p99), plus the resident memory of the server's processes (serve,
gunicorn master and workers, task worker) at the start and end of each level. Traffic goes only to 127.0.0.1,
bounded by --duration and --max-requests per level. Standard library only.
"""

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = ["/en/", "/en/activities/", "/en/activities/?region=AFR", "/fr/activities/?q=broadband", "/en/action-lines/",
         "/en/sdgs/", "/en/sdgs/9/", "/en/economies/", "/en/economies/KEN/", "/zh-hans/activities/", "/ar/",
         "/en/prizes/", "/en/statistics/", "/en/reports/", "/en/partnerships/"]
APIS = ["/api/v1/activities?limit=25", "/api/v1/activities?limit=25&q=digital", "/api/v1/activities?region=ASP",
        "/api/v1/reference/economies", "/api/v1/reference/action-lines", "/api/v1/reference/groups",
        "/api/v1/statistics/indicators", "/api/v1/prizes/contests", "/api/v1/partnerships/agreements",
        "/api/v1/partnerships/events", "/api/v1/partnerships/summary", "/api/v1/reports"]


def wsis(args: list[str], env: dict, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wsis.cli", *args], cwd=ROOT, env=env, check=True, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree(pid: int) -> list[int]:
    """The process and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                parents.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(parents.get(p, []))
    return out


def memory(pid: int) -> dict[str, int]:
    """Resident memory (kB) of each process of the server, by a short name."""
    out = {}
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode()
            with open(f"/proc/{p}/status") as fh:
                rss = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
        name = "serve" if p == pid else "worker" if " worker" in cmd else "gunicorn"
        out[f"{name}:{p}"] = rss
    return out


def get(port: int, path: str, timeout: float) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Accept-Language": "en"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


def run_level(port: int, urls: list[str], users: int, duration: float, think: float, max_requests: int,
              timeout: float, seed: int) -> dict:
    lock = threading.Lock()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    count = [0]
    deadline = time.monotonic() + duration

    def user(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        while time.monotonic() < deadline:
            with lock:
                if count[0] >= max_requests:
                    return
                count[0] += 1
            path = rng.choice(urls)
            started = time.perf_counter()
            try:
                status = get(port, path, timeout)
                problem = None if status == 200 else f"HTTP {status} {path}"
            except (OSError, http.client.HTTPException) as exc:
                problem = f"{type(exc).__name__} {path}"
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if problem:
                    errors[problem] = errors.get(problem, 0) + 1
            if think:
                time.sleep(rng.uniform(0, 2 * think))

    started = time.monotonic()
    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=duration + timeout + 5)
    wall = time.monotonic() - started
    lat = sorted(latencies)
    return {"users": users, "seconds": round(wall, 1), "requests": len(lat), "errors": sum(errors.values()),
            "error_kinds": errors, "rps": round(len(lat) / wall, 1) if wall else 0,
            "p50_ms": round(percentile(lat, 50) * 1000, 1), "p95_ms": round(percentile(lat, 95) * 1000, 1),
            "p99_ms": round(percentile(lat, 99) * 1000, 1), "max_ms": round((lat[-1] if lat else 0) * 1000, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="10,30", help="comma-separated user counts, one level each (10,30)")
    parser.add_argument("--duration", type=float, default=60, help="seconds per level (60)")
    parser.add_argument("--think", type=float, default=0.5,
                        help="mean pause of a user between requests, seconds (0.5; 0 = as fast as possible)")
    parser.add_argument("--max-requests", type=int, default=50_000, help="cap on requests per level (50000)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds before a request counts as an error")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (3)")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/wsis-bench-load"),
                        help="data dir of the served instance; the demo is loaded into it once")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    opts = parser.parse_args()
    levels = [int(n) for n in opts.users.split(",") if n.strip()]

    env = {**os.environ, "WSIS_DATA_DIR": str(opts.data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)  # its own SQLite database, never the one configured for the shell
    env.pop("DJANGO_SETTINGS_MODULE", None)
    ready = opts.data_dir / ".bench-ready"
    if not ready.exists():
        print(f"Preparing {opts.data_dir}: wsis init, wsis demo, collectstatic (once)…", flush=True)
        wsis(["init"], env, stdout=subprocess.DEVNULL)
        wsis(["demo"], env, stdout=subprocess.DEVNULL)
        wsis(["collectstatic", "--noinput", "-v", "0"], env)
        ready.touch()

    port = free_port()
    log = open(opts.data_dir / "bench-serve.log", "w")  # noqa: SIM115 - open for the server's whole life
    serve = subprocess.Popen([sys.executable, "-m", "wsis.cli", "serve", "--no-collectstatic", "--port", str(port),
                              "--workers", str(opts.workers)], cwd=ROOT, env=env, stdout=log, stderr=log)
    results = []
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if get(port, "/api/v1/reference/groups", 5) == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or serve.poll() is not None:
                raise SystemExit(f"the server did not come up; see {opts.data_dir / 'bench-serve.log'}")
            time.sleep(0.5)
        urls = []
        for path in PAGES + APIS:  # warm up every URL once; a URL that fails here is a bug, reported not hidden
            status = get(port, path, opts.timeout)
            if status == 200:
                urls.append(path)
            else:
                print(f"warning: {path} answers {status} before the load; left out of the mix")
        print(f"Server pid {serve.pid} on 127.0.0.1:{port}, {opts.workers} gunicorn workers, {len(urls)} URLs "
              f"({sum(u.startswith('/api/') for u in urls)} API lists), think time {opts.think} s.", flush=True)
        for i, users in enumerate(levels):
            before = memory(serve.pid)
            result = run_level(port, urls, users, opts.duration, opts.think, opts.max_requests, opts.timeout, i)
            after = memory(serve.pid)
            result["rss_kb_start"], result["rss_kb_end"] = sum(before.values()), sum(after.values())
            result["processes_end"] = after
            results.append(result)
            print(f"{users:>3} users {result['seconds']:>5} s: {result['requests']:>6} requests, "
                  f"{result['errors']} errors, {result['rps']} req/s, p50 {result['p50_ms']} ms, "
                  f"p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms; server RSS "
                  f"{result['rss_kb_start'] / 1024:.0f} → {result['rss_kb_end'] / 1024:.0f} MiB "
                  f"({len(after)} processes)", flush=True)
            for kind, n in sorted(result["error_kinds"].items(), key=lambda x: -x[1])[:5]:
                print(f"      {n} × {kind}")
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()
        log.close()
    if opts.json:
        opts.json.write_text(json.dumps(results, indent=1))
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
