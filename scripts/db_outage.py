"""
What readers see while PostgreSQL is down, and that the portal recovers by itself.

Starts gunicorn on the real data, reads a page so it is cached, stops the PostgreSQL cluster,
requests pages (a cached one, uncached ones in both languages, /health/), starts PostgreSQL
again and requests them once more. Needs root (pg_ctlcluster). Loopback only.

    .venv/bin/python scripts/db_outage.py
"""

import subprocess
import time
from pathlib import Path

from serverlib import environment, fresh_database, get, manage, start_gunicorn, stop

DATABASE = "bakan_outage"
CACHE_URL = "redis://127.0.0.1:6379/5"
PORT = 8791


def cluster(action):
    version = sorted(path.name for path in Path("/etc/postgresql").iterdir())[-1]
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],  # noqa: S607
        check=True,
    )


def show(label, path):
    status, response, body = get(PORT, path)
    text = body.decode("utf-8", "replace")
    title = text.split("<h1>")[1].split("</h1>")[0] if "<h1>" in text else text[:60]
    print(f"  {label:8} {path:24} {status}  {title.strip()}")
    return status


def main():
    env = fresh_database(DATABASE, CACHE_URL)
    manage("load_facts", "-v0", env=env)
    server = start_gunicorn(PORT, environment(DATABASE, CACHE_URL, 3600))
    # "/" is read first, so it is in the cache; the site pages are first asked for while
    # the database is down.
    pages = ["/", "/sites/vang-muoi/", "/en/sites/quang-chu/", "/health/"]
    try:
        print("PostgreSQL running:")
        for path in ["/", "/health/"]:
            show("before", path)
        cluster("stop")
        print("PostgreSQL stopped:")
        down = [show("down", path) for path in pages]
        cluster("start")
        time.sleep(2)
        print("PostgreSQL started again (no restart of gunicorn):")
        after = [show("after", path) for path in pages]
    finally:
        stop(server)
    recovered = all(status == 200 for status in after)
    friendly = all(status in (200, 503) for status in down)
    print(f"friendly while down: {friendly}; recovered by itself: {recovered}")
    return 0 if friendly and recovered else 1


if __name__ == "__main__":
    raise SystemExit(main())
