"""
A Redis or a PostgreSQL that accepts connections and never answers (paused, overloaded): a
request still gets its answer (the page built without the cache; the 503 page) instead of
holding a worker. The hanging server is a real listening socket on loopback; the clients are
the real redis-py and psycopg2 with the settings' own options.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.test import Client

from common.caching import cache_status

# How long the tests wait before calling a request stuck. Not a speed target: without the
# timeouts the request never ends at all.
STUCK_AFTER_SECONDS = 30


@pytest.fixture
def hanging_server():
    """A port on loopback that accepts connections and never reads or writes."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


@contextmanager
def not_stuck():
    """Fails the test, from an alarm, if what the block waits for never ends."""

    def stuck(signal_number, frame):
        pytest.fail(f"Still waiting after {STUCK_AFTER_SECONDS} s: no timeout applies.")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(STUCK_AFTER_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.django_db
def test_a_hanging_redis_leaves_pages_served_and_health_degraded(facts, settings, hanging_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "common.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{hanging_server}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }
    with not_stuck():
        page = Client().get("/en/sites/cam-giang/")
        assert page.status_code == 200
        assert "Cẩm Giàng" in page.content.decode()
        assert cache_status() == "unavailable"
    # redis-py's own defaults end the wait too, but after 5 s a call and three retries: a
    # page asks the cache several times. The settings' limits are what the client uses.
    client = caches["default"]._cache.get_client()
    used = client.connection_pool.connection_kwargs
    assert used["socket_timeout"] == used["socket_connect_timeout"] == 0.5
    assert used["retry"].get_retries() == 0


def test_a_hanging_postgresql_is_given_up_on(hanging_server):
    """
    psycopg2 waits for the server's greeting for ever unless connect_timeout is set (an alarm
    cannot interrupt it): the production settings, in a process of their own, connect to it.
    """
    database_url = f"postgres://postgres@127.0.0.1:{hanging_server}/bakan_industry"
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bakan_industry.settings",
    }
    connect = "import django; django.setup(); from django.db import connection as c; c.connect()"
    try:
        connecting = subprocess.run(
            [sys.executable, "-c", connect],
            env=environment,
            capture_output=True,
            text=True,
            timeout=STUCK_AFTER_SECONDS,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"Still connecting after {STUCK_AFTER_SECONDS} s: no timeout applies.")
    assert connecting.returncode != 0
    assert "timeout expired" in connecting.stderr


@pytest.mark.postgresql
@pytest.mark.django_db
def test_postgresql_statements_have_a_time_limit(settings):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        shown = cursor.fetchone()[0]
    assert shown == f"{settings.STATEMENT_TIMEOUT_MS // 1000}s"


@pytest.fixture
def freezable_postgresql():
    """
    A relay on loopback to the real PostgreSQL that can be frozen: from then on it passes no
    byte either way and answers no new connection, as a paused or overloaded server would.
    Yields (port, freeze).
    """
    from django.db import connection

    server = (connection.settings_dict["HOST"] or "127.0.0.1", connection.settings_dict["PORT"])
    listener = socket.create_server(("127.0.0.1", 0))
    frozen, torn_down, sockets = threading.Event(), threading.Event(), []

    def pipe(source, target):
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                if frozen.is_set():
                    torn_down.wait()  # held until the test ends: nothing passes
                    return
                target.sendall(chunk)

    def accept():
        with contextlib.suppress(OSError):
            while True:
                client = listener.accept()[0]
                sockets.append(client)
                if frozen.is_set():
                    continue  # accepted, never answered
                upstream = socket.create_connection((server[0], int(server[1] or 5432)))
                sockets.append(upstream)
                for source, target in ((client, upstream), (upstream, client)):
                    threading.Thread(target=pipe, args=(source, target), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1], frozen.set
    torn_down.set()
    listener.close()
    for opened in sockets:
        # shutdown() ends a recv() blocked in another thread; close() alone would not.
        with contextlib.suppress(OSError):
            opened.shutdown(socket.SHUT_RDWR)
        opened.close()


# A web worker's process, as gunicorn loads it (bakan_industry.wsgi): a page, so that the
# worker holds a connection; then, once the relay is frozen, the request named in argv.
WORKER = """
import sys, time
import bakan_industry.wsgi
from django.db import close_old_connections
from django.test import Client

def timed(path):
    started = time.monotonic()
    close_old_connections()  # as each request starts in gunicorn (the test client skips it)
    response = Client(headers={"host": "localhost"}).get(path)
    print(response.status_code, round(time.monotonic() - started, 1), flush=True)

timed("/en/search/?q=quang")
sys.stdin.readline()
timed(sys.argv[1])
"""


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("path", "within_seconds"),
    [
        # The connection's check waits its limit (DATABASE_WAIT_SECONDS; for /health/, 1 s),
        # then a new connection its own (DATABASE_CONNECT_TIMEOUT), then the 503.
        ("/en/search/?q=chu", 6 + 5 + 2),
        ("/health/", 1 + 1 + 1),
    ],
)
def test_a_web_worker_gives_up_on_a_postgresql_that_stops_answering(
    db, freezable_postgresql, path, within_seconds
):
    """
    The worker's connection, open from an earlier request, waited on its socket for as long as
    gunicorn let it (60 s, then the worker was killed and nginx answered 502): neither
    connect_timeout nor the server's statement_timeout applies to a server that says nothing.
    """
    from django.db import connection

    port, freeze = freezable_postgresql
    name = connection.settings_dict["NAME"]
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, path],
        env={
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/{name}",
            "DJANGO_SETTINGS_MODULE": "bakan_industry.settings",
            "DATABASE_WAIT_SECONDS": "6",
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline().split()[0] == "200"
        freeze()
        worker.stdin.write("\n")
        worker.stdin.flush()
        worker.wait(timeout=STUCK_AFTER_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"Still waiting after {STUCK_AFTER_SECONDS} s: no limit applies.")
    finally:
        worker.kill()
    code, seconds = worker.stdout.read().split()
    assert code == "503" and float(seconds) < within_seconds
