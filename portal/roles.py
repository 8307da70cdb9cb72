"""
The Editor role: the Department's staff who keep statuses and projects current.

Editors may change and add a site's status statements (the status, its note, its date and its
sources: the admin's Site statuses), add and change projects and organisations, and read
everything else in the admin. They may not delete anything, and have
no permission on users or groups, so they cannot raise their own rights. The group is kept in
step after every `migrate`, so a fresh database has it and a changed list takes effect.

It lives in `portal`, above both apps, because it names permissions of both.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITOR_GROUP = "Editor"

EDITOR_PERMISSIONS = {
    "zones": [
        "view_site",
        "view_sitestatus",
        "add_sitestatus",
        "change_sitestatus",
        "view_organisation",
        "add_organisation",
        "change_organisation",
        "view_sector",
        "view_source",
        "view_sitecitation",
        "view_statement",
        "view_planningdocument",
    ],
    "investments": [
        "view_project",
        "add_project",
        "change_project",
        "view_projectcitation",
        "add_projectcitation",
        "change_projectcitation",
        "view_projectstatement",
        "add_projectstatement",
        "change_projectstatement",
    ],
}


def ensure_editor_group(**kwargs):
    """Create or update the Editor group with exactly EDITOR_PERMISSIONS (idempotent)."""
    wanted = Q()
    for app_label, codenames in EDITOR_PERMISSIONS.items():
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.set(Permission.objects.filter(wanted))
    return group
