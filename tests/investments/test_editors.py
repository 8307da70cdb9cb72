"""The Editor role: statuses and projects yes; deleting, other fields, users and groups no."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from investments.models import Project
from portal.roles import EDITOR_GROUP
from tests.forms import form_data
from zones.models import Site

pytestmark = pytest.mark.django_db


def test_the_editor_group_exists_after_migrate_without_delete_or_user_rights(db):
    codenames = set(
        Group.objects.get(name=EDITOR_GROUP).permissions.values_list("codename", flat=True)
    )
    assert {"change_site", "add_project", "change_project", "add_organisation"} <= codenames
    assert not any(code.startswith("delete_") for code in codenames)
    assert not any(code.endswith(("_user", "_group", "_permission")) for code in codenames)
    assert "change_sector" not in codenames and "add_site" not in codenames


def test_create_editor_makes_a_staff_member_who_can_log_in(client, editor):
    assert editor.is_staff and not editor.is_superuser
    assert editor.groups.filter(name=EDITOR_GROUP).exists()
    response = client.post(
        reverse("admin:login"),
        {"username": "bien-tap-vien", "password": "Bac-Kan-2023-editor", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def changelist_post(site, **changes):
    """The admin list's inline-edit form, as the browser submits it for one row."""
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(site.pk),
        "form-0-status": site.status,
        "form-0-status_note_vi": site.status_note_vi,
        "form-0-status_note_en": site.status_note_en,
        "form-0-status_date": site.status_date.isoformat() if site.status_date else "",
        "form-0-status_date_precision": site.status_date_precision,
        "_save": "Lưu",
    }
    data.update({f"form-0-{name}": value for name, value in changes.items()})
    return data


def test_editor_changes_a_status_from_the_list_and_it_shows_everywhere(editor_client, facts):
    site = Site.objects.get(slug="cam-giang")
    url = reverse("admin:zones_site_changelist")
    response = editor_client.post(
        url,
        changelist_post(
            site,
            status="under_construction",
            status_note_vi="Đã xong giải phóng mặt bằng.",
            status_note_en="Site clearance done.",
            status_date="2024-03-01",
        ),
    )
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.status == "under_construction"

    # The admin history names who changed what, with the old and new values.
    latest, previous = site.history.all()[:2]
    assert latest.history_user.username == "bien-tap-vien"
    changed = {
        change.field: (change.old, change.new) for change in latest.diff_against(previous).changes
    }
    assert changed["status"] == ("site_clearance", "under_construction")
    history_page = editor_client.get(reverse("admin:zones_site_history", args=[site.pk]))
    assert "bien-tap-vien" in history_page.content.decode()

    # The public page shows the timeline, old status first, without the editor's name.
    page = editor_client.get("/en/sites/cam-giang/").content.decode()
    timeline = page.split('id="status-history"')[1]
    assert timeline.index("Site clearance") < timeline.index("Infrastructure under construction")
    assert "1 Mar 2024" in timeline and "Site clearance done." in timeline
    assert "bien-tap-vien" not in page


def site_form(client, site):
    url = reverse("admin:zones_site_change", args=[site.pk])
    return url, form_data(client.get(url).content.decode(), "site_form")


def test_editor_cannot_change_other_site_fields(editor_client, facts):
    site = Site.objects.get(slug="cam-giang")
    url, data = site_form(editor_client, site)
    assert "status" in data
    assert "commune_vi" not in data and "name_vi" not in data
    # The form as the browser sends it, plus fields the editor may not change.
    data.update(status="operational", status_note_vi="x", commune_vi="Xã khác", name_vi="Bị đổi")
    response = editor_client.post(url, data)
    assert response.status_code == 302  # saved: the status went through…
    site.refresh_from_db()
    assert site.status == "operational"
    # …and the read-only fields did not.
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


def test_a_stale_site_form_is_refused_with_a_message(editor_client, admin_client, facts):
    site = Site.objects.get(slug="cam-giang")
    url, opened_by_editor = site_form(editor_client, site)
    # Meanwhile a colleague saves the same site.
    _, colleague = site_form(admin_client, site)
    colleague.update(status="under_construction", status_note_vi="Đã khởi công.")
    assert admin_client.post(url, colleague).status_code == 302
    # The editor saves the form opened before that: refused, nothing overwritten.
    opened_by_editor.update(status="operational", status_note_vi="Đã hoạt động.")
    response = editor_client.post(url, opened_by_editor)
    assert response.status_code == 200
    assert "sau khi bạn mở" in response.content.decode()
    site.refresh_from_db()
    assert (site.status, site.status_note_vi) == ("under_construction", "Đã khởi công.")


def test_a_stale_project_form_is_refused(admin_client, facts, django_user_model):
    project_url = reverse(
        "admin:investments_project_change",
        args=[Project.objects.get(slug="lechenwood-plywood").pk],
    )
    opened = form_data(admin_client.get(project_url).content.decode(), "project_form")
    Project.objects.filter(slug="lechenwood-plywood").update(status="stopped")
    project = Project.objects.get(slug="lechenwood-plywood")
    project.save()  # a colleague's save moves updated_at on
    opened.update(status="operating")
    response = admin_client.post(project_url, opened)
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.status == "stopped"


def test_a_stale_site_list_saves_only_the_rows_the_editor_changed(editor_client, facts):
    """Saving a list opened earlier re-saved every row on it, undoing others' changes."""
    url = reverse("admin:zones_site_changelist")
    opened = form_data(editor_client.get(url).content.decode(), "changelist-form")
    opened["_save"] = "Lưu"  # the button the editor presses
    rows = {opened[f"form-{n}-id"]: n for n in range(int(opened["form-TOTAL_FORMS"]))}
    cam_giang, quang_chu = Site.objects.get(slug="cam-giang"), Site.objects.get(slug="quang-chu")
    # A colleague changes Quảng Chu after the editor opened the list.
    quang_chu.status = "operational"
    quang_chu.status_note_vi = "Đã đi vào hoạt động."
    quang_chu.save()
    # The editor changes Cẩm Giàng only, and saves the whole list.
    opened[f"form-{rows[str(cam_giang.pk)]}-status"] = "under_construction"
    response = editor_client.post(url, opened)
    assert response.status_code == 302
    cam_giang.refresh_from_db()
    quang_chu.refresh_from_db()
    assert cam_giang.status == "under_construction"
    assert (quang_chu.status, quang_chu.status_note_vi) == ("operational", "Đã đi vào hoạt động.")
    assert quang_chu.history.first().history_user is None  # not blamed on the editor


def test_a_row_changed_by_both_is_refused_in_the_list(editor_client, facts):
    url = reverse("admin:zones_site_changelist")
    opened = form_data(editor_client.get(url).content.decode(), "changelist-form")
    opened["_save"] = "Lưu"  # the button the editor presses
    rows = {opened[f"form-{n}-id"]: n for n in range(int(opened["form-TOTAL_FORMS"]))}
    quang_chu = Site.objects.get(slug="quang-chu")
    quang_chu.status = "operational"
    quang_chu.save()
    opened[f"form-{rows[str(quang_chu.pk)]}-status"] = "site_clearance"
    response = editor_client.post(url, opened)
    assert response.status_code == 200
    assert "sau khi bạn mở" in response.content.decode()
    quang_chu.refresh_from_db()
    assert quang_chu.status == "operational"


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
            "status": "approved",
            "status_date_precision": "day",
            "approval_date_precision": "day",
            "figures-TOTAL_FORMS": "0",
            "figures-INITIAL_FORMS": "0",
            "figures-MIN_NUM_FORMS": "0",
            "figures-MAX_NUM_FORMS": "1000",
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
            "citations-MIN_NUM_FORMS": "0",
            "citations-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert editor_client.get("/projects/du-an-moi/").status_code == 200


def test_superuser_changes_any_field(admin_client, facts):
    site = Site.objects.get(slug="cam-giang")
    form = admin_client.get(reverse("admin:zones_site_change", args=[site.pk])).content.decode()
    assert 'name="commune_vi"' in form and 'name="name_vi"' in form


def test_the_site_list_saves_at_national_scale(editor_client, db):
    """With 2,000 sites a full page of the list sent 1,107 fields, over Django's 1,000: a 400."""
    call_command("generate_synthetic", sites=120, projects=0, verbosity=0)
    url = reverse("admin:zones_site_changelist")
    opened = form_data(editor_client.get(url).content.decode(), "changelist-form")
    assert len(opened) <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    opened["_save"] = "Lưu"
    site_id = opened["form-0-id"]
    opened["form-0-status"] = "operational"
    response = editor_client.post(url, opened)
    assert response.status_code == 302
    assert Site.objects.get(pk=site_id).status == "operational"
