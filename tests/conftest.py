"""
Fixtures and the suite's layout.

Where the time goes, and why the fixtures look as they do: loading the sourced facts costs
seconds and most tests read them, so they are loaded once per test module, not once per test.
`facts` opens a transaction around the module, loads the facts in it and rolls it back at the
module's end; each test runs in a savepoint inside it (pytest-django's `db`), so what a test
changes is undone before the next. Pages served to a live server's thread (a browser, an HTTP
client) need data that is committed: `committed_facts` loads them once per module, committed,
and empties the database at the module's end.

Every test is marked by what it needs (pytest_collection_modifyitems below): `database` for a
test that touches the database, `browser` for tests/browser. `make test` runs the tests marked
`database` on SQLite and PostgreSQL, the others (plain logic) once, and the browser tests on
PostgreSQL, the production database; see scripts/test.sh.
"""

import os
from functools import partial

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase
from django.utils import translation
from hypothesis import settings as hypothesis_settings

# Property-based tests: a modest number of examples in `make test`, many more on demand
# (HYPOTHESIS_PROFILE=long, README "Tests").
hypothesis_settings.register_profile("default", max_examples=150)
hypothesis_settings.register_profile("long", max_examples=3000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "committed_facts"}


def pytest_addoption(parser):
    parser.addoption(
        "--benchmarks",
        action="store_true",
        help="Run the timed benchmarks (tests/benchmarks, make bench); make test leaves them out.",
    )


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """
    Before the other plugins: mark each test `database` or `browser` (for -m to select by),
    and leave out benchmarks (unless --benchmarks) and, off PostgreSQL, what only it can run.

    After them (pytest-django sends transactional tests to the end of the run): each module's
    tests together, those that do not read the facts first. The module's facts stay loaded
    from the first test that asks for them to the module's end, in a transaction that a
    transactional test (which empties the tables) or a test expecting an empty database must
    not find open.
    """
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.database)
    left_out = [
        item
        for item in items
        if (item.get_closest_marker("benchmark") and not config.getoption("--benchmarks"))
        or (item.get_closest_marker("postgresql") and connection.vendor != "postgresql")
    ]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]
    yield
    module_order = {}
    for item in items:
        module_order.setdefault(item.module, len(module_order))
    items.sort(key=lambda item: (module_order[item.module], "facts" in item.fixturenames))


@pytest.fixture(autouse=True)
def fresh_start():
    """
    Each test starts in Vietnamese with an empty cache: a request to /en/ must not leak into
    the next test, nor a page cached from a database that the last test rolled back.
    """
    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def import_previews_in_a_test_folder(settings, tmp_path):
    """Each test's import previews in its own folder, not the checkout's var/."""
    settings.PROJECT_IMPORT_PREVIEW_DIR = str(tmp_path / "import-previews")


@pytest.fixture(scope="module")
def facts_for_the_module(django_db_setup, django_db_blocker):
    """
    The sourced facts, loaded the way `make run` loads them, in a transaction that stays open
    for the module's tests and is rolled back after the last one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        # As if committed: the page cache's new version is published, so that a test's own
        # edit publishes one of its own.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_facts", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def facts(facts_for_the_module, db):
    """The real, sourced data from fixtures/; the test's changes are rolled back after it."""


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """
    `with committed(): edit` runs what the edit's transaction does when it commits (the page
    cache's new version is published then): a test's own transaction never commits.
    """
    return partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture(scope="module")
def committed_facts(django_db_setup, django_db_blocker):
    """
    The sourced facts, committed, for pages a live server's thread builds: loaded once for the
    module, and the database emptied after its last test. The module's tests must not change
    them (`unchanged_facts` checks).
    """
    with django_db_blocker.unblock():
        call_command("load_facts", verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def unchanged_facts(committed_facts, db):
    """
    The committed facts, for one test: what the test itself writes is rolled back after it
    (`db`), and it fails if the server's thread changed them, which the next test would read.
    """
    from portal.models import DataVersion

    before = DataVersion.load()
    yield
    assert DataVersion.load() == before, "The server changed the module's committed facts."


@pytest.fixture(scope="session")
def live_portal(django_db_setup):
    """
    The portal served on a free port of its own (one per xdist worker), in a thread that
    passes requests straight to the application, so that WhiteNoise serves the collected,
    fingerprinted static files as it does under gunicorn. Not pytest-django's `live_server`,
    whose name alone makes every test that asks for it empty the database afterwards.
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    server.thread.static_handler = serve_with_the_application
    server._live_server_modified_settings.enable()
    server.start()
    yield server
    server.stop()
    server._live_server_modified_settings.disable()


def serve_with_the_application(application):
    return application


@pytest.fixture
def editor(db, django_user_model):
    """A Department editor, created the way the README says."""
    call_command("create_editor", "bien-tap-vien", password="Bac-Kan-2023-editor", verbosity=0)
    return django_user_model.objects.get(username="bien-tap-vien")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
