"""
A statement's rank (Wikidata's): where sources differ, the preferred value is shown first, the
others beside it, and a superseded one only as such, never first, on the page, in its "At a
glance" line and in the open data alike.
"""

import csv
import io

import pytest

from tests.zones.test_glance import summary
from zones.models import Rank, Statement

pytestmark = pytest.mark.django_db


def set_rank(slug, rank):
    statement = Statement.objects.get(slug=slug)
    statement.rank = rank
    statement.save()


def open_data(client, path, key, value):
    rows = csv.DictReader(io.StringIO(client.get(path).content.decode("utf-8-sig")))
    return next(row for row in rows if row[key] == value)


def test_a_superseded_value_is_shown_as_such_and_never_first(client, facts, committed):
    _body, lines = summary(client, "thanh-binh")
    assert lines["Area"].startswith("about 161 ha")
    with committed():
        set_rank("thanh-binh-area-s4", Rank.SUPERSEDED)
    body, lines = summary(client, "thanh-binh")
    # The next in FACTS.md's order is first now; the corrected value is among the others.
    assert lines["Area"].startswith("153 ha")
    assert 'class="tag tag-superseded">Superseded</strong> <strong>about 161 ha' in body
    assert open_data(client, "/api/sites.csv", "id", "thanh-binh")["area_ha"] == "153.0"
    record = open_data(client, "/api/statements.csv", "id", "thanh-binh-area-s4")
    assert (record["rank"], record["position"]) == ("superseded", "0")


def test_the_preferred_value_comes_before_the_others(client, facts, committed):
    _body, lines = summary(client, "thanh-binh")
    assert lines["Area"].startswith("about 161 ha")
    with committed():
        set_rank("thanh-binh-area-s4", Rank.OTHER)
        set_rank("thanh-binh-area-s63", Rank.PREFERRED)
    _body, lines = summary(client, "thanh-binh")
    assert lines["Area"].startswith("153.8 ha")
    assert open_data(client, "/api/sites.csv", "id", "thanh-binh")["area_ha"] == "153.8"
