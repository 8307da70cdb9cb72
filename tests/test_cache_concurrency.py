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


def test_two_saves_of_one_site_at_the_same_instant_do_not_lose_one(django_user_model):
    """
    Both editors' forms passed the stale-edit check before either save committed, and the
    second save overwrote the first. Now the second waits for the first and is refused.
    """
    from django.urls import reverse

    from tests.forms import form_data

    site = SiteFactory(status_note_en="As found.")
    admin = django_user_model.objects.create_superuser("second-editor", password="x" * 20)
    client = Client()
    client.force_login(admin)
    url = reverse("admin:zones_site_change", args=[site.pk])
    data = form_data(client.get(url).content.decode(), "site_form")  # opened before either save
    data["status_note_en"] = "The second editor's note."
    if not data.get("target_sectors"):
        data.pop("target_sectors", None)  # an empty multiple choice sends nothing
    answer = {}

    def second_save():
        try:
            answer["response"] = client.post(url, data)
        finally:
            connection.close()

    with transaction.atomic():
        # The first editor's save, in progress: written, not yet committed.
        site.status_note_en = "The first editor's note."
        site.save()
        second = threading.Thread(target=second_save)
        second.start()
        second.join(timeout=2)  # it reaches the save and waits for this one
    second.join(timeout=30)
    site.refresh_from_db()
    assert site.status_note_en == "The first editor's note."
    response = answer["response"]
    assert response.status_code == 200  # the form again, with the reason
    refusals = response.context["adminform"].form.non_field_errors().as_data()
    assert [error.code for error in refusals] == ["stale"]
