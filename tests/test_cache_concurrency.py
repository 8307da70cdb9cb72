"""
An edit and a reader at the same time, on PostgreSQL, as two server workers would be: the
reader who arrives while the edit's transaction is still open must not leave a page that hides
the edit once it has committed.
"""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from tests.factories import SiteFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgresql]


def read_in_another_worker(path):
    """A request answered in its own thread, with its own database connection."""
    answer = {}

    def read():
        try:
            answer["page"] = Client().get(path).content.decode()
        finally:
            connection.close()

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(timeout=30)
    return answer["page"]


def test_a_reader_during_an_edit_does_not_hide_the_edit_once_committed():
    """
    The version used to move on at the save, inside the transaction: the reader in between
    got the old data (not yet committed), which was then kept under the new version for an hour.
    """
    site = SiteFactory(status_note_en="Before the edit.")
    path = f"/en/sites/{site.slug}/"
    assert "Before the edit." in read_in_another_worker(path)
    with transaction.atomic():
        site.status_note_en = "After the edit."
        site.save()
        during = read_in_another_worker(path)
    assert "Before the edit." in during  # uncommitted: the reader cannot see it yet
    assert "After the edit." in read_in_another_worker(path)
