"""
Receivers that keep a project's status columns (Project.status, status_date, its precision
and its period) copies of its current status statement, whichever way a statement changes:
saved, moved to another project, made another property, or deleted.
"""

from .models import Project, ProjectStatement

STATUS = ProjectStatement.Kind.STATUS


def remember_before(sender, instance, raw=False, **kwargs):
    """The project and property it had before this save: a status moved away counts too."""
    instance.status_of_before = None
    if instance.pk and not raw:
        instance.status_of_before = (
            ProjectStatement.objects.filter(pk=instance.pk, kind=STATUS)
            .values_list("project_id", flat=True)
            .first()
        )


def status_saved(sender, instance, raw=False, **kwargs):
    if raw:
        # A fixture or a dump brings the projects' copies with it.
        return
    concerned = set()
    if instance.kind == STATUS:
        concerned.add(instance.project_id)
    if instance.status_of_before:
        concerned.add(instance.status_of_before)
    for project in Project.objects.filter(pk__in=concerned):
        project.refresh_status()


def status_deleted(sender, instance, **kwargs):
    if instance.kind == STATUS:
        # The project itself may be what is being deleted: then there is nothing to refresh.
        for project in Project.objects.filter(pk=instance.project_id):
            project.refresh_status()
