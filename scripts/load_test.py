"""
Load test: 50 concurrent readers for 60 seconds against gunicorn + PostgreSQL + Redis, on
loopback only, cycling through every public page with the real (sourced) data. It stops by
itself and prints the count of errors (anything but 200), the rate and the latencies.

    make load-test     (or: .venv/bin/python scripts/load_test.py [--clients 50 --seconds 60])
"""

import argparse
import http.client
import itertools
import statistics
import threading
import time

from serverlib import HOST, environment, fresh_database, get, manage, start_gunicorn, stop

DATABASE = "bakan_load"
CACHE_URL = "redis://127.0.0.1:6379/4"
PATHS = [
    "/",
    "/en/",
    "/sites/",
    "/sites/cam-giang/",
    "/en/sites/thanh-binh-phase-1/",
    "/organisations/onsen-fuji-bac-kan/",
    "/projects/",
    "/projects/?q=giay",
    "/en/projects/hoa-an-phuoc-paper-plant/",
    "/projects/download.xlsx",
    "/sources/",
    "/api/sites.geojson",
    "/api/projects.json",
    "/sitemap.xml",
]


def main():
    parser = argparse.ArgumentParser(description="Bounded load test on loopback.")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    arguments = parser.parse_args()

    env = fresh_database(DATABASE, CACHE_URL)
    manage("load_facts", "-v0", env=env)
    server = start_gunicorn(8781, environment(DATABASE, CACHE_URL, 3600), arguments.workers)
    latencies, errors = [], []
    lock = threading.Lock()
    deadline = time.monotonic() + arguments.seconds

    def reader(offset):
        connection = http.client.HTTPConnection(HOST, 8781, timeout=30)
        for path in itertools.islice(itertools.cycle(PATHS), offset, None):
            if time.monotonic() >= deadline:
                return
            started = time.perf_counter()
            try:
                status, _response, _body = get(8781, path, connection, {"Accept-Encoding": "gzip"})
            except (OSError, http.client.HTTPException) as error:
                status = repr(error)
                connection = http.client.HTTPConnection(HOST, 8781, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append((path, status))

    try:
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(arguments.clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - started
    finally:
        stop(server)

    latencies.sort()
    print(
        f"{arguments.clients} clients, {seconds:.0f} s, gunicorn {arguments.workers} workers, "
        "PostgreSQL, Redis cache, loopback"
    )
    print(
        f"requests: {len(latencies)}  errors: {len(errors)}  rate: {len(latencies) / seconds:.0f}/s"
    )
    print(
        f"latency ms: p50 {statistics.median(latencies):.1f}  "
        f"p95 {latencies[int(len(latencies) * 0.95) - 1]:.1f}  max {latencies[-1]:.1f}"
    )
    for path, status in errors[:10]:
        print(f"  error: {path} → {status}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
