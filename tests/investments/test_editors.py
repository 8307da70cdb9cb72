"""
The Editor role: site statuses (as statements) and projects yes; deleting, a site's own fields,
users and groups no.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse, reverse_lazy

from investments.models import Project
from portal.roles import EDITOR_GROUP
from tests.forms import form_data
from zones.models import Site, Source, Statement

pytestmark = pytest.mark.django_db


def test_the_editor_group_exists_after_migrate_without_delete_or_user_rights(db):
    codenames = set(
        Group.objects.get(name=EDITOR_GROUP).permissions.values_list("codename", flat=True)
    )
    assert {"change_sitestatus", "add_project", "change_project", "add_organisation"} <= codenames
    assert not any(code.startswith("delete_") for code in codenames)
    assert not any(code.endswith(("_user", "_group", "_permission")) for code in codenames)
    assert "change_sector" not in codenames and "add_site" not in codenames
    # A site's own fields are read-only to editors: its status is kept as statements.
    assert "change_site" not in codenames


def test_create_editor_makes_a_staff_member_who_can_log_in(client, editor):
    assert editor.is_staff and not editor.is_superuser
    assert editor.groups.filter(name=EDITOR_GROUP).exists()
    response = client.post(
        reverse("admin:login"),
        {"username": "bien-tap-vien", "password": "Bac-Kan-2023-editor", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def changelist_post(record, **changes):
    """The list of site statuses' inline-edit form, as the browser submits it for one row."""
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(record.pk),
        "form-0-status": record.status,
        "form-0-text_vi": record.text_vi,
        "form-0-text_en": record.text_en,
        "form-0-as_of": record.as_of.isoformat() if record.as_of else "",
        "form-0-as_of_precision": record.as_of_precision,
        "_save": "Lưu",
    }
    data.update({f"form-0-{name}": value for name, value in changes.items()})
    return data


STATUSES = reverse_lazy("admin:zones_sitestatus_changelist")


def test_editor_changes_a_status_from_the_list_and_it_shows_everywhere(editor_client, facts):
    status = Statement.objects.get(slug="cam-giang-status")
    response = editor_client.post(
        STATUSES,
        changelist_post(
            status,
            status="under_construction",
            text_vi="Đã xong giải phóng mặt bằng.",
            text_en="Site clearance done.",
            as_of="2024-03-01",
        ),
    )
    assert response.status_code == 302
    # The site's status (its lists, its filters, the map) follows its statement.
    site = Site.objects.get(slug="cam-giang")
    assert (site.status, site.status_date.isoformat()) == ("under_construction", "2024-03-01")
    geojson = editor_client.get("/api/sites.geojson").json()
    record = next(f for f in geojson["features"] if f["id"] == "cam-giang")["properties"]
    assert (record["status"], record["status_dt"]) == ("under_construction", "2024-03-01")

    # The admin history names who changed what, with the old and new values.
    latest, previous = status.history.all()[:2]
    assert latest.history_user.username == "bien-tap-vien"
    changed = {
        change.field: (change.old, change.new) for change in latest.diff_against(previous).changes
    }
    assert changed["status"] == ("site_clearance", "under_construction")
    history_page = editor_client.get(reverse("admin:zones_sitestatus_history", args=[status.pk]))
    assert "bien-tap-vien" in history_page.content.decode()

    # The public page shows the timeline, old status first, without the editor's name.
    page = editor_client.get("/en/sites/cam-giang/").content.decode()
    timeline = page.split('id="status-history"')[1]
    assert timeline.index("Site clearance") < timeline.index("Infrastructure under construction")
    assert "1 Mar 2024" in timeline and "Site clearance done." in timeline
    assert "bien-tap-vien" not in page


def change_form(client, url_name, record, form_id):
    url = reverse(url_name, args=[record.pk])
    return url, form_data(client.get(url).content.decode(), form_id)


def test_editor_cannot_change_a_site_own_fields(editor_client, facts):
    """A site's name, commune and place are the superuser's; its status is a statement."""
    site = Site.objects.get(slug="cam-giang")
    url, data = change_form(editor_client, "admin:zones_site_change", site, "site_form")
    assert "commune_vi" not in data and "name_vi" not in data and "status" not in data
    data.update(commune_vi="Xã khác", name_vi="Bị đổi")
    assert editor_client.post(url, data).status_code == 403
    site.refresh_from_db()
    assert site.commune_vi != "Xã khác" and site.name_vi == "Cụm công nghiệp Cẩm Giàng"


def test_editor_cannot_revert_a_site_to_an_old_version(editor_client, admin_client, facts):
    """The history's revert view saved every field of the old version, read-only ones too."""
    site = Site.objects.get(slug="cam-giang")
    old_version = site.history.earliest()
    site.name_vi = "Tên mới do quản trị viên đặt"
    site.commune_vi = "Xã mới"
    site.save()
    url = reverse("admin:zones_site_simple_history", args=[site.pk, old_version.history_id])
    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"status": "operational"}).status_code == 403
    site.refresh_from_db()
    assert (site.name_vi, site.commune_vi, site.status) == (
        "Tên mới do quản trị viên đặt",
        "Xã mới",
        "site_clearance",
    )
    assert admin_client.get(url).status_code == 200  # a superuser may still revert


def test_a_stale_status_form_is_refused_with_a_message(editor_client, admin_client, facts):
    status = Statement.objects.get(slug="cam-giang-status")
    url_name = "admin:zones_sitestatus_change"
    url, opened_by_editor = change_form(editor_client, url_name, status, "sitestatus_form")
    # Meanwhile a colleague saves the same status.
    _, colleague = change_form(admin_client, url_name, status, "sitestatus_form")
    colleague.update(status="under_construction", text_vi="Đã khởi công.")
    assert admin_client.post(url, colleague).status_code == 302
    # The editor saves the form opened before that: refused, nothing overwritten.
    opened_by_editor.update(status="operational", text_vi="Đã hoạt động.")
    response = editor_client.post(url, opened_by_editor)
    assert response.status_code == 200
    assert "sau khi bạn mở" in response.content.decode()
    status.refresh_from_db()
    assert (status.status, status.text_vi) == ("under_construction", "Đã khởi công.")
    assert Site.objects.get(slug="cam-giang").status == "under_construction"


def test_a_stale_project_form_is_refused(admin_client, facts, django_user_model):
    """A colleague's change to the project's status statement makes an older form stale."""
    project = Project.objects.get(slug="lechenwood-plywood")
    project_url = reverse("admin:investments_project_change", args=[project.pk])
    opened = form_data(admin_client.get(project_url).content.decode(), "project_form")
    rows = range(int(opened["statements-TOTAL_FORMS"]))
    status_row = next(n for n in rows if opened[f"statements-{n}-kind"] == "status")
    # Meanwhile a colleague records that it stopped.
    status = project.statements.get(kind="status")
    status.status = "stopped"
    status.save()
    # The editor saves the form opened before that, with another status: refused.
    opened[f"statements-{status_row}-status"] = "trial_operation"
    response = admin_client.post(project_url, opened)
    assert response.status_code == 200
    status.refresh_from_db()
    assert status.status == "stopped"
    assert Project.objects.get(pk=project.pk).status == "stopped"


def test_a_stale_status_list_saves_only_the_rows_the_editor_changed(editor_client, facts):
    """Saving a list opened earlier re-saved every row on it, undoing others' changes."""
    opened = form_data(editor_client.get(STATUSES).content.decode(), "changelist-form")
    opened["_save"] = "Lưu"  # the button the editor presses
    rows = {opened[f"form-{n}-id"]: n for n in range(int(opened["form-TOTAL_FORMS"]))}
    cam_giang = Statement.objects.get(slug="cam-giang-status")
    quang_chu = Statement.objects.get(slug="quang-chu-status")
    # A colleague changes Quảng Chu after the editor opened the list.
    quang_chu.status = "operational"
    quang_chu.text_vi = "Đã đi vào hoạt động."
    quang_chu.save()
    # The editor changes Cẩm Giàng only, and saves the whole list.
    opened[f"form-{rows[str(cam_giang.pk)]}-status"] = "under_construction"
    response = editor_client.post(STATUSES, opened)
    assert response.status_code == 302
    cam_giang.refresh_from_db()
    quang_chu.refresh_from_db()
    assert cam_giang.status == "under_construction"
    assert (quang_chu.status, quang_chu.text_vi) == ("operational", "Đã đi vào hoạt động.")
    assert quang_chu.history.first().history_user is None  # not blamed on the editor


def test_a_row_changed_by_both_is_refused_in_the_list(editor_client, facts):
    opened = form_data(editor_client.get(STATUSES).content.decode(), "changelist-form")
    opened["_save"] = "Lưu"  # the button the editor presses
    rows = {opened[f"form-{n}-id"]: n for n in range(int(opened["form-TOTAL_FORMS"]))}
    quang_chu = Statement.objects.get(slug="quang-chu-status")
    quang_chu.status = "operational"
    quang_chu.save()
    opened[f"form-{rows[str(quang_chu.pk)]}-status"] = "site_clearance"
    response = editor_client.post(STATUSES, opened)
    assert response.status_code == 200
    assert "sau khi bạn mở" in response.content.decode()
    quang_chu.refresh_from_db()
    assert quang_chu.status == "operational"
    assert Site.objects.get(slug="quang-chu").status == "operational"


def test_editor_may_not_delete_nor_see_users_or_groups(editor_client, facts, editor):
    site = Site.objects.get(slug="cam-giang")
    assert editor_client.get(reverse("admin:zones_site_delete", args=[site.pk])).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    own = editor_client.get(reverse("admin:auth_user_change", args=[editor.pk]))
    assert own.status_code == 403
    # Nor raise their own rights by posting to their own user form.
    editor_client.post(
        reverse("admin:auth_user_change", args=[editor.pk]),
        {"username": editor.username, "is_superuser": "on", "is_staff": "on"},
    )
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_editor_adds_a_project(editor_client, facts):
    response = editor_client.post(
        reverse("admin:investments_project_add"),
        {
            "slug": "du-an-moi",
            "name_vi": "Dự án mới",
            "name_en": "",
            "description_vi": "",
            "description_en": "",
            # Its status is its first statement.
            "statements-0-kind": "status",
            "statements-0-status": "approved",
            "statements-0-nature": "report",
            "statements-0-rank": "other",
            "statements-0-position": "0",
            "statements-0-qualifier": "exact",
            "statements-0-as_of_precision": "day",
            "statements-0-sources": [Source.objects.get(key="S1").pk],
            "statements-TOTAL_FORMS": "1",
            "statements-INITIAL_FORMS": "0",
            "statements-MIN_NUM_FORMS": "0",
            "statements-MAX_NUM_FORMS": "1000",
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
            "citations-MIN_NUM_FORMS": "0",
            "citations-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert editor_client.get("/projects/du-an-moi/").status_code == 200
    assert Project.objects.get(slug="du-an-moi").status == "approved"


def test_superuser_changes_any_field(admin_client, facts):
    site = Site.objects.get(slug="cam-giang")
    form = admin_client.get(reverse("admin:zones_site_change", args=[site.pk])).content.decode()
    assert 'name="commune_vi"' in form and 'name="name_vi"' in form


def test_the_site_list_saves_at_national_scale(editor_client, db):
    """With 2,000 sites a full page of the list sent 1,107 fields, over Django's 1,000: a 400."""
    call_command("generate_synthetic", sites=120, projects=0, verbosity=0)
    opened = form_data(editor_client.get(STATUSES).content.decode(), "changelist-form")
    assert int(opened["form-TOTAL_FORMS"]) == 50  # a full page
    assert len(opened) <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    opened["_save"] = "Lưu"
    status = Statement.objects.get(pk=opened["form-0-id"])
    opened["form-0-status"] = "planned" if status.status != "planned" else "operational"
    response = editor_client.post(STATUSES, opened)
    assert response.status_code == 302
    status.refresh_from_db()
    assert status.sites.get().status == status.status == opened["form-0-status"]


def test_an_editor_changes_a_projects_status_in_its_form(editor_client, facts, committed):
    """A project's status is a row among its statements: the list and the page follow it."""
    project = Project.objects.get(slug="lechenwood-plywood")
    url = reverse("admin:investments_project_change", args=[project.pk])
    data = form_data(editor_client.get(url).content.decode(), "project_form")
    rows = range(int(data["statements-TOTAL_FORMS"]))
    row = next(n for n in rows if data[f"statements-{n}-kind"] == "status")
    data[f"statements-{row}-status"] = "stalled"
    with committed():
        assert editor_client.post(url, data).status_code == 302
    assert Project.objects.get(pk=project.pk).status == "stalled"
    assert project.statements.get(kind="status").history.first().history_user.username
