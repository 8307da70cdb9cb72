"""
A web worker waits for PostgreSQL a bounded time, even when the server stops answering.

The server's statement_timeout cannot help when the server itself is paused or overloaded,
and libpq's connect_timeout covers only new connections: a worker holding a connection from an
earlier request waited on its socket until gunicorn killed it. psycopg2's wait callback (its
hook for cooperative waiting) lets us wait with poll() and a deadline instead; on expiry the
connection's stream is shut and an OperationalError raised, which the portal answers with its 503
page, and Django connects afresh on the next request.

Installed by the WSGI entry point only: management commands (migrate, restore_data) keep
psycopg2's own blocking waits and the server's statement_timeout.
"""

import os
import select
import socket
import threading
import time
from contextlib import contextmanager

import psycopg2
from django.conf import settings
from psycopg2 import extensions

_override = threading.local()
CONNECTED = {extensions.STATUS_READY, extensions.STATUS_BEGIN, extensions.STATUS_PREPARED}
EVENTS = {extensions.POLL_READ: select.POLLIN, extensions.POLL_WRITE: select.POLLOUT}


def install():
    extensions.set_wait_callback(bounded_wait)


@contextmanager
def waits_at_most(seconds):
    """Within the block, no single wait lasts longer than `seconds` (/health/ must be quick)."""
    previous = getattr(_override, "seconds", None)
    _override.seconds = seconds
    try:
        yield
    finally:
        _override.seconds = previous


def limit_for(connection):
    override = getattr(_override, "seconds", None)
    if connection.status in CONNECTED:
        limit = settings.DATABASE_WAIT_SECONDS
    else:  # still connecting (an asynchronous connection ignores libpq's connect_timeout)
        limit = settings.POSTGRES_OPTIONS["connect_timeout"]
    return min(limit, override) if override else limit


def bounded_wait(connection):
    limit = limit_for(connection)
    deadline = time.monotonic() + limit
    while True:
        state = connection.poll()
        if state == extensions.POLL_OK:
            return
        left = deadline - time.monotonic()
        if left <= 0:
            # close() would wait for the answer too: end the stream under it instead, so
            # psycopg2 finds it closed at once and Django connects afresh next time.
            with socket.socket(fileno=os.dup(connection.fileno())) as stream:
                stream.shutdown(socket.SHUT_RDWR)
            raise psycopg2.OperationalError(f"PostgreSQL did not answer within {limit} s")
        if state not in EVENTS:
            raise psycopg2.OperationalError(f"unexpected state from poll(): {state}")
        # poll(), not select(): select() cannot watch a descriptor numbered over 1023.
        watcher = select.poll()
        watcher.register(connection.fileno(), EVENTS[state])
        watcher.poll(left * 1000)
