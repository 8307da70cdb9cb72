"""
Benchmark: the portal under gunicorn on PostgreSQL with a national register's worth of
synthetic data, page by page, against the same server serving a static file of the same size.

    make bench            (or: .venv/bin/python scripts/bench.py [--sites 2000 --projects 50000])

It builds a throw-away database (bakan_bench) and Redis cache (db 3), generates the synthetic
sites and projects, then runs gunicorn twice on loopback: once with the page cache off
(uncached figures, SQL queries per request) and once with it on (cached figures, and the static
files). Every request asks for gzip, as browsers do; WhiteNoise serves the static files
pre-compressed. It prints one table. Timings vary between runs and machines: they are for
comparison, not for tests.
"""

import argparse
import gzip
import http.client
import os
import statistics
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


def pages(sample_site):
    return [
        ("home / map page", "/", 400),
        ("map data (GeoJSON)", "/api/sites.geojson", 200),
        ("site list", "/sites/", 400),
        ("site page", f"/sites/{sample_site}/", 400),
        ("project list (filtered)", "/projects/?status=approved&sort=-capital&page=3", 400),
        ("project export .xlsx (filtered)", f"/projects/download.xlsx?site={sample_site}", 100),
    ]


def fetch(port, path, connection=None):
    status, response, body = get(port, path, connection, {"Accept-Encoding": "gzip"})
    if status != 200:
        raise RuntimeError(f"{path}: HTTP {status}")
    return response, body


def load(port, path, requests, concurrency=4):
    """Send `requests` GETs with `concurrency` clients; latencies in ms, bytes, queries."""
    latencies, sizes, queries = [], [], []
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


def main():
    parser = argparse.ArgumentParser(description="Benchmark the portal against static files.")
    parser.add_argument("--sites", type=int, default=2000)
    parser.add_argument("--projects", type=int, default=50000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply request counts.")
    arguments = parser.parse_args()

    print(f"Preparing {arguments.sites} sites and {arguments.projects} projects …", flush=True)
    env = fresh_database(DATABASE, CACHE_URL)
    manage("generate_synthetic", f"--sites={arguments.sites}",
           f"--projects={arguments.projects}", "-v0", env=env)  # fmt: skip
    sample_site = "synthetic-site-00042"
    results = {}

    uncached = environment(DATABASE, CACHE_URL, 0, QUERY_COUNT_HEADER="true")
    server = start_gunicorn(8765, uncached, arguments.workers)
    try:
        for name, path, count in pages(sample_site):
            load(8765, path, 5)  # warm up the workers and the database
            results[name] = {"uncached": load(8765, path, max(5, int(count * arguments.scale)))}
    finally:
        stop(server)

    twins = {name: write_static_twin(f"page-{index}", results[name]["uncached"]["bytes"])
             for index, (name, _path, _count) in enumerate(pages(sample_site))}  # fmt: skip
    cached = environment(DATABASE, CACHE_URL, 3600, QUERY_COUNT_HEADER="true")
    server = start_gunicorn(8766, cached, arguments.workers)
    try:
        for name, path, count in pages(sample_site):
            requests = max(5, int(count * arguments.scale))
            load(8766, path, 5)
            results[name]["cached"] = load(8766, path, requests)
            load(8766, twins[name], 5)
            results[name]["static"] = load(8766, twins[name], requests)
    finally:
        stop(server)

    header = (
        f"{'page':34} {'cached r/s':>10} {'static r/s':>10} {'ratio':>6} {'c p50':>7} "
        f"{'c p95':>7} {'uncached r/s':>12} {'u p50':>7} {'u p95':>7} {'bytes':>8} {'SQL':>4}"
    )
    print()
    print(f"gunicorn {arguments.workers} workers, PostgreSQL, Redis cache; "
          f"{arguments.sites} sites, {arguments.projects} projects; latencies in ms; "
          "bytes as sent (gzip); SQL = queries per uncached request")  # fmt: skip
    print(header)
    print("-" * len(header))
    for name, _path, _count in pages(sample_site):
        row = results[name]
        cached, static, uncached = row["cached"], row["static"], row["uncached"]
        print(
            f"{name:34} {cached['rate']:10.0f} {static['rate']:10.0f} "
            f"{cached['rate'] / static['rate']:6.0%} {cached['p50']:7.1f} {cached['p95']:7.1f} "
            f"{uncached['rate']:12.0f} {uncached['p50']:7.1f} {uncached['p95']:7.1f} "
            f"{uncached['bytes']:8.0f} {uncached['queries']:4d}"
        )


if __name__ == "__main__":
    sys.exit(main())
