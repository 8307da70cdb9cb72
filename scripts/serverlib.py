"""Shared by the benchmark, load and outage scripts: a throw-away database and gunicorn."""

import http.client
import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
HOST = "127.0.0.1"


def environment(database, cache_url, cache_seconds, **extra):
    return {
        **os.environ,
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "CACHE_URL": cache_url,
        "PUBLIC_PAGE_CACHE_SECONDS": str(cache_seconds),
        "DJANGO_SECRET_KEY": "scripts-only-not-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_LOG_LEVEL": "ERROR",
        **extra,
    }


def manage(*arguments, env):
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, check=True)  # noqa: S603


def fresh_database(name, cache_url):
    """Drop and create `name`, migrate it, collect static files, empty the cache database."""
    import psycopg2

    connection = psycopg2.connect(f"{POSTGRES}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    env = environment(name, cache_url, 0)
    manage("migrate", "--no-input", "-v0", env=env)
    manage("collectstatic", "--no-input", "-v0", env=env)
    ensure_redis()
    cache_db = cache_url.rsplit("/", 1)[-1]
    subprocess.run(["redis-cli", "-n", cache_db, "flushdb"], check=True, capture_output=True)  # noqa: S603, S607
    return env


def ensure_redis():
    """Start the machine's Redis (as its notes say) when it does not answer."""
    ping = subprocess.run(["redis-cli", "ping"], capture_output=True, text=True)  # noqa: S603, S607
    if ping.stdout.strip() != "PONG":
        subprocess.run(  # noqa: S603
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",  # noqa: S607
             "--save", "", "--appendonly", "no"],
            check=True,
        )  # fmt: skip
        time.sleep(1)


def start_gunicorn(port, env, workers=2):
    process = subprocess.Popen(  # noqa: S603
        [ROOT / ".venv" / "bin" / "gunicorn", "bakan_industry.wsgi",
         f"--bind={HOST}:{port}", f"--workers={workers}", "--log-level=warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _ in range(100):
        try:
            get(port, "/robots.txt")
            return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def stop(process):
    process.terminate()
    process.wait()


def get(port, path, connection=None, headers=None):
    """(status, headers, body) of one GET; raises OSError when nothing answers."""
    connection = connection or http.client.HTTPConnection(HOST, port, timeout=60)
    connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
    response = connection.getresponse()
    return response.status, response, response.read()
