"""
An edit and a reader at the same time, on PostgreSQL, as two server workers would be: the
reader who arrives while the edit's transaction is still open must not leave a page that hides
the edit once it has committed.
"""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from tests.factories import ProjectFactory, SiteFactory, StatusFactory
from tests.forms import form_data

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
    site = SiteFactory(description_en="Before the edit.")
    path = f"/en/sites/{site.slug}/"
    assert "Before the edit." in read_in_another_worker(path)
    with transaction.atomic():
        site.description_en = "After the edit."
        site.save()
        during = read_in_another_worker(path)
    assert "Before the edit." in during  # uncommitted: the reader cannot see it yet
    assert "After the edit." in read_in_another_worker(path)


def editor(django_user_model, username):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser(username, password="x" * 20))
    return client


def save_while_another_save_is_open(first_save, second_save):
    """
    `second_save` (a request, in its own thread and connection) starts while `first_save` has
    written but not committed; it is given time to reach its own save and wait for the first.
    """
    answer = {}

    def second():
        try:
            answer["response"] = second_save()
        finally:
            connection.close()

    with transaction.atomic():
        first_save()
        thread = threading.Thread(target=second)
        thread.start()
        thread.join(timeout=2)
    thread.join(timeout=30)
    return answer["response"]


@pytest.mark.parametrize(
    ("factory", "change_url", "form_id", "note"),
    [
        (StatusFactory, "admin:zones_sitestatus_change", "sitestatus_form", "text_en"),
        (ProjectFactory, "admin:investments_project_change", "project_form", "description_en"),
    ],
)
def test_two_saves_of_one_record_at_the_same_instant_do_not_lose_one(
    django_user_model, factory, change_url, form_id, note
):
    """
    Both editors' forms passed the stale-edit check before either save committed, and the
    second save overwrote the first. Now the second waits for the first and is refused.
    """
    record = factory(**{note: "As found."})
    client = editor(django_user_model, "second-editor")
    url = reverse(change_url, args=[record.pk])
    data = form_data(client.get(url).content.decode(), form_id)  # opened before either save
    data[note] = "The second editor's note."

    def first_save():
        setattr(record, note, "The first editor's note.")
        record.save()

    response = save_while_another_save_is_open(first_save, lambda: client.post(url, data))
    record.refresh_from_db()
    assert getattr(record, note) == "The first editor's note."
    assert response.status_code == 200  # the form again, with the reason
    refusals = response.context["adminform"].form.non_field_errors().as_data()
    assert [error.code for error in refusals] == ["stale"]


def test_two_status_edits_of_one_row_in_the_list_at_the_same_instant_do_not_lose_one(
    django_user_model,
):
    """
    The list's rows compare what they showed with the record, but that comparison ran before
    either save committed: both passed and the second overwrote the first.
    """
    status = StatusFactory(text_en="As found.")
    client = editor(django_user_model, "list-editor")
    url = reverse("admin:zones_sitestatus_changelist")
    opened = form_data(client.get(url).content.decode(), "changelist-form")
    opened["_save"] = "Save"
    opened["form-0-text_en"] = "The second editor's note."

    def first_save():
        status.text_en = "The first editor's note."
        status.save()

    response = save_while_another_save_is_open(first_save, lambda: client.post(url, opened))
    status.refresh_from_db()
    assert status.text_en == "The first editor's note."
    assert response.status_code == 200  # the list again, with the reason
    refusals = response.context["cl"].formset.forms[0].non_field_errors().as_data()
    assert [error.code for error in refusals] == ["stale"]
