"""
Heavy files are built once per data version and never tie up every worker (issue 22): at
national scale six readers asking for the 50,000-row .xlsx at once ended in 500s and 504s
with /health/ timing out. Now one worker builds it, the others answer 503 with Retry-After,
and the file is then served from the cache until the data change.
"""

import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.caching import BuildBusy, built_once_bounded

pytestmark = pytest.mark.django_db


def test_two_readers_at_once_cost_one_build_and_the_other_is_told_to_retry(db):
    cache.clear()
    builds, outcomes = [], []
    started = threading.Event()

    def slow_build():
        builds.append(1)
        started.set()
        time.sleep(0.5)
        return b"the file"

    def reader():
        try:
            outcomes.append(built_once_bounded("big-file", slow_build))
        except BuildBusy:
            outcomes.append("busy")

    first = threading.Thread(target=reader)
    first.start()
    started.wait(5)
    reader()  # while the first build runs
    first.join()
    assert sorted(outcomes, key=str) == [b"the file", "busy"]
    assert len(builds) == 1
    assert built_once_bounded("big-file", slow_build) == b"the file"  # kept: no new build
    assert len(builds) == 1


@pytest.mark.parametrize(
    "path", ["/en/projects/download.xlsx", "/api/projects.csv", "/api/projects.json"]
)
def test_a_heavy_file_is_built_once_then_served_from_the_cache(client, facts, path):
    cache.clear()
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as second:
        again = client.get(path)
    assert again.status_code == 200
    assert not [q for q in second.captured_queries if "investments_projectstatement" in q["sql"]]


@pytest.mark.parametrize(
    "path", ["/en/projects/download.xlsx", "/api/projects.json?site=quang-chu"]
)
def test_when_every_build_slot_is_taken_a_reader_is_told_when_to_retry(client, facts, path):
    cache.clear()
    cache.add("portal:build-slot:0", 1, 60)  # another worker is building a heavy file
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    # In the reader's language: English under /en/, Vietnamese elsewhere.
    said = "try again in a few seconds" if path.startswith("/en/") else "thử lại sau vài giây"
    assert said in response.content.decode()
    cache.delete("portal:build-slot:0")
    assert client.get(path).status_code == 200  # and the 503 was not kept
