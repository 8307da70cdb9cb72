"""Backup and restore: everything, history and accounts included, comes back as it was."""

import gzip

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from common.caching import NewVersion
from tests.dumps import comparable_dump
from tests.factories import SiteFactory
from zones.models import Site, Statement


def everything():
    """
    All rows the backup covers, but the data version: a restore moves it on, so that no page
    kept from before is served.
    """
    excluded = ["contenttypes", "auth.permission", "sessions", "axes", "portal.dataversion"]
    return comparable_dump(exclude=excluded)


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_loses_nothing(tmp_path, client, monkeypatch):
    call_command("load_facts", verbosity=0)
    call_command("create_editor", "bien-tap-vien", password="Bac-Kan-2023-editor", verbosity=0)
    editor = get_user_model().objects.get(username="bien-tap-vien")
    client.force_login(editor)
    status = Statement.objects.get(slug="cam-giang-status")
    client.post(
        reverse("admin:zones_sitestatus_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(status.pk),
            "form-0-status": "under_construction",
            "form-0-text_vi": "Đã xong giải phóng mặt bằng.",
            "form-0-text_en": "Site clearance done.",
            "form-0-as_of": "01/03/2024",
            "form-0-as_of_precision": "day",
            "_save": "Lưu",
        },
    )
    assert status.history.count() == 2
    before = everything()

    backup = tmp_path / "backup.json.gz"
    call_command("backup_data", str(backup), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    assert not Site.objects.exists()
    published = []
    publish = NewVersion.__call__
    monkeypatch.setattr(NewVersion, "__call__", lambda self: published.append(publish(self)))
    call_command("restore_data", str(backup), verbosity=0)
    # The cached pages are marked stale once, when the restore commits, not once a row.
    assert len(published) == 1

    assert everything() == before
    SiteFactory()  # ids continue after the restored ones (PostgreSQL's sequences were reset)
    restored = Site.objects.get(slug="cam-giang")
    assert restored.status_statement.history.first().history_user.username == "bien-tap-vien"
    assert [entry["status"] for entry in restored.status_timeline()] == [
        "site_clearance",
        "under_construction",
    ]


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path, facts):
    backup = tmp_path / "backup.json.gz"
    call_command("backup_data", str(backup), verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_data", str(backup), verbosity=0)


@pytest.mark.django_db
def test_a_backup_is_readable_by_its_owner_only(tmp_path, facts):
    """It holds password hashes; it was written world-readable."""
    backup = tmp_path / "backup.json.gz"
    backup.write_text("an older file, readable by all")
    backup.chmod(0o644)
    call_command("backup_data", str(backup), verbosity=0)
    assert oct(backup.stat().st_mode & 0o777) == "0o600"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [b"not gzip at all", gzip.compress(b"[{not json"), gzip.compress(b'[{"model": "x.y"}]')],
    # Named, not shown: gzip stamps the time, and xdist's workers must collect the same names.
    ids=["not-gzip", "not-json", "unknown-model"],
)
def test_a_corrupt_backup_is_a_clear_message_and_restores_nothing(tmp_path, content):
    backup = tmp_path / "broken.json.gz"
    backup.write_bytes(content)
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore_data", str(backup), verbosity=0)
    assert not Site.objects.exists()


@pytest.mark.django_db
def test_a_backup_costs_the_same_queries_for_ten_projects_as_for_forty(tmp_path):
    """
    It looked up a natural key per row and reference, and the many-to-many ids per row: at
    national scale the backup had not finished after 14 minutes.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ProjectStatementFactory

    def queries_for_backup():
        with CaptureQueriesContext(connection) as captured:
            call_command("backup_data", str(tmp_path / "backup.json.gz"), verbosity=0)
        return len(captured)

    for _ in range(10):
        ProjectStatementFactory()
    ten = queries_for_backup()
    for _ in range(30):
        ProjectStatementFactory()
    assert queries_for_backup() == ten


@pytest.mark.django_db
def test_a_restored_row_keeps_its_search_text_without_reading_its_relations(
    django_assert_num_queries,
):
    """Each restored project read its site, investor and sector again to remake the text."""
    from common.signals import fill_search_text
    from investments.models import Project
    from tests.factories import ProjectFactory

    restored = Project.objects.get(pk=ProjectFactory().pk)  # its relations not yet read
    kept = restored.search_text
    with django_assert_num_queries(0):
        fill_search_text(Project, restored, raw=True)
    assert restored.search_text == kept != ""
