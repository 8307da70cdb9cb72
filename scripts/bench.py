"""
Benchmark: the portal under gunicorn on PostgreSQL with a national register's worth of
synthetic data, page by page, against the same server serving a static file of the same size.

    make bench            (or: .venv/bin/python scripts/bench.py [--sites 2000 --projects 50000])

It builds a throw-away database (bakan_bench) and Redis cache (db 3), generates the synthetic
sites and projects, then runs gunicorn (2 workers) twice on loopback: with the page cache off
(fresh pages) and on (cached pages). The load comes from wrk (Debian's package, installed by
`make bench`), 16 connections, in rounds that alternate each page with a static file of the
same size served by the same gunicorn and WhiteNoise, so that both see the same machine. Fresh
pages are also timed with a single client (the p50 the aims speak of). One Python request per
page reads the SQL query count. Every request asks for gzip, as browsers do. Timings vary
between runs and machines: they are for comparison, not for tests.
"""

import argparse
import gzip
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time

from serverlib import (
    HOST,
    ROOT,
    environment,
    fresh_database,
    get,
    manage,
    start_gunicorn,
    stop,
)

DATABASE = "bakan_bench"
CACHE_URL = "redis://127.0.0.1:6379/3"


# The aims: a cached page at this share of the static file's rate or more; a fresh page,
# for one client, under this p50 (ms). Downloads are built once per data version and kept.
CACHED_SHARE_AIM = 0.8
FRESH_P50_AIM = {"/": 50, "/api/sites.geojson": 50}
OTHER_FRESH_P50_AIM = 30


def pages(sample_site):
    return [
        ("home / map page", "/", 400),
        ("map data (GeoJSON)", "/api/sites.geojson", 200),
        ("site list", "/sites/", 400),
        ("site page", f"/sites/{sample_site}/", 400),
        ("project list (filtered)", "/projects/?status=approved&sort=-capital&page=3", 400),
        ("project export .xlsx (filtered)", f"/projects/download.xlsx?site={sample_site}", 100),
    ]


def aims(name, path, row):
    """Lines saying, for one page, which aims it meets and, for a miss, where the time goes."""
    lines = []
    cached = row["cached"]
    share = cached["rate"] / cached["static"]
    measured = f"cached {share:.0%} of the static rate (aim {CACHED_SHARE_AIM:.0%})"
    if "download" in path:
        lines.append(
            f"{name}: built once per data version and filters, then served from the cache "
            "(with the page cache off too): the rates below are for the kept file."
        )
    elif share >= CACHED_SHARE_AIM:
        lines.append(f"{name}: {measured}: met.")
    else:
        lines.append(
            f"{name}: {measured}: missed. A hit makes one Redis round trip (the data "
            "version and the page, unpickled) before it answers; WhiteNoise answers a static "
            "file from memory and the disk, with no round trip."
        )
    aim = FRESH_P50_AIM.get(path, OTHER_FRESH_P50_AIM)
    p50 = row["one"][1]
    verdict = "met" if p50 < aim else "missed"
    lines.append(
        f"{name}: fresh p50 {p50:.1f} ms for one client (aim under {aim} ms): {verdict}. "
        f"Server time {row['server']:.1f} ms, of which SQL {row['sql']:.1f} ms "
        f"({row['queries']} queries); the rest is Python: filters, templates, serialisation."
    )
    return lines


def fetch(port, path, connection=None):
    status, response, body = get(port, path, connection, {"Accept-Encoding": "gzip"})
    if status != 200:
        raise RuntimeError(f"{path}: HTTP {status}")
    return response, body


def load(port, path, requests, concurrency=4):
    """
    Send `requests` GETs with `concurrency` clients: latencies in ms, bytes, and the queries,
    SQL time and server time the server reports (QUERY_COUNT_HEADER).
    """
    latencies, sizes, queries, sql, server = [], [], [], [], []
    lock = threading.Lock()
    remaining = [requests]

    def client():
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                response, body = fetch(port, path, connection)
            except (http.client.HTTPException, OSError):
                connection = http.client.HTTPConnection(HOST, port, timeout=60)
                response, body = fetch(port, path, connection)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                sizes.append(len(body))
                queries.append(int(response.getheader("X-Query-Count") or 0))
                sql.append(float(response.getheader("X-Query-Time") or 0))
                server.append(float(response.getheader("X-Server-Time") or 0))
            if response.getheader("Connection", "").lower() == "close":
                connection = http.client.HTTPConnection(HOST, port, timeout=60)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    latencies.sort()
    return {
        "rate": len(latencies) / seconds,
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95) - 1],
        "bytes": statistics.median(sizes),
        "queries": max(queries),
        "sql": statistics.median(sql),
        "server": statistics.median(server),
    }


def write_static_twin(name, size):
    """A static file of `size` bytes (and its .gz), so WhiteNoise serves it as it would CSS."""
    folder = ROOT / "staticfiles" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    content = os.urandom(int(size)).hex().encode()[: int(size)]  # incompressible, like a worst case
    path = folder / f"{name}.html"
    path.write_bytes(content)
    (folder / f"{name}.html.gz").write_bytes(gzip.compress(content))
    return f"/static/bench/{name}.html"


def wrk(port, path, connections=16, seconds=5):
    """(requests per second, p50 in ms) from wrk for one page."""
    threads = min(2, connections)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
         "-H", "Accept-Encoding: gzip", f"http://{HOST}:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if "Non-2xx" in output:
        raise RuntimeError(f"{path}: wrk saw non-2xx answers\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"50%\s+([\d.]+)(us|ms|s)", output).groups()
    return rate, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def alternating(port, path, twin, rounds=3, seconds=4):
    """The page and its static twin in alternating rounds: rates and p50s, summed over rounds."""
    page, static = [], []
    for _ in range(rounds):
        page.append(wrk(port, path, seconds=seconds))
        static.append(wrk(port, twin, seconds=seconds))
    return {
        "rate": statistics.mean(rate for rate, _ in page),
        "p50": statistics.median(p50 for _, p50 in page),
        "static": statistics.mean(rate for rate, _ in static),
    }


def main():
    parser = argparse.ArgumentParser(description="Benchmark the portal against static files.")
    parser.add_argument("--sites", type=int, default=2000)
    parser.add_argument("--projects", type=int, default=50000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=4, help="Length of each wrk round.")
    arguments = parser.parse_args()

    print(f"Preparing {arguments.sites} sites and {arguments.projects} projects …", flush=True)
    env = fresh_database(DATABASE, CACHE_URL)
    manage("generate_synthetic", f"--sites={arguments.sites}",
           f"--projects={arguments.projects}", "-v0", env=env)  # fmt: skip
    sample_site = "synthetic-site-00042"
    results = {name: {} for name, _path, _count in pages(sample_site)}

    fresh = environment(DATABASE, CACHE_URL, 0, QUERY_COUNT_HEADER="true")
    server = start_gunicorn(8765, fresh, arguments.workers)
    try:
        for name, path, _count in pages(sample_site):
            # One request first: a heavy file is built once by one worker (others asking at
            # the same moment get 503, by design), then served from the cache.
            load(8765, path, 1, concurrency=1)
            load(8765, path, 4)  # warms both workers
            measured = load(8765, path, 10, concurrency=1)  # bytes; SQL and server time
            for measure in ["bytes", "queries", "sql", "server"]:
                results[name][measure] = measured[measure]
            results[name]["one"] = wrk(8765, path, connections=1, seconds=arguments.seconds)
            results[name]["fresh"] = wrk(8765, path, seconds=arguments.seconds)
    finally:
        stop(server)

    twins = {name: write_static_twin(f"page-{index}", results[name]["bytes"])
             for index, (name, _path, _count) in enumerate(pages(sample_site))}  # fmt: skip
    cached = environment(DATABASE, CACHE_URL, 3600)
    server = start_gunicorn(8766, cached, arguments.workers)
    try:
        for name, path, _count in pages(sample_site):
            load(8766, path, 3)
            load(8766, twins[name], 3)
            results[name]["cached"] = alternating(
                8766, path, twins[name], seconds=arguments.seconds
            )
    finally:
        stop(server)

    load_average = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    header = (
        f"{'page':32} {'cached r/s':>10} {'static r/s':>10} {'share':>6} {'c p50':>6} "
        f"{'fresh r/s':>9} {'f p50':>6} {'1-client p50':>12} {'bytes':>8} {'SQL':>4}"
    )
    print()
    print(f"gunicorn {arguments.workers} workers, PostgreSQL, Redis; {arguments.sites} sites, "
          f"{arguments.projects} projects; wrk, 16 connections, {arguments.seconds} s rounds; "
          f"latencies in ms; bytes as sent (gzip); SQL = queries per fresh page; "
          f"load average after the run: {load_average}")  # fmt: skip
    print(header)
    print("-" * len(header))
    for name, _path, _count in pages(sample_site):
        row = results[name]
        cached = row["cached"]
        print(
            f"{name:32} {cached['rate']:10.0f} {cached['static']:10.0f} "
            f"{cached['rate'] / cached['static']:6.0%} {cached['p50']:6.1f} "
            f"{row['fresh'][0]:9.0f} {row['fresh'][1]:6.1f} {row['one'][1]:12.1f} "
            f"{row['bytes']:8.0f} {row['queries']:4d}"
        )
    print()
    print("Aims:")
    for name, path, _count in pages(sample_site):
        for line in aims(name, path, results[name]):
            print(f"- {line}")


if __name__ == "__main__":
    sys.exit(main())
