"""
Receivers that keep a project's copies (Project.status, status_date, its precision and its
period; Project.investor; Project.decision, approval_date and its precision; Project.sector;
Project.is_fdi) those of its current status, investor, approval, sector and origin statements,
whichever way a statement changes: saved, moved to another project, made another property, or
deleted.
"""

from .models import Project, ProjectStatement

# The properties whose current statement the project copies.
COPIED = [
    ProjectStatement.Kind.STATUS,
    ProjectStatement.Kind.INVESTOR,
    ProjectStatement.Kind.APPROVAL,
    ProjectStatement.Kind.SECTOR,
    ProjectStatement.Kind.ORIGIN,
]


def remember_before(sender, instance, raw=False, **kwargs):
    """The project it was copied into before this save: a status moved away counts too."""
    instance.copied_into_before = None
    if instance.pk and not raw:
        instance.copied_into_before = (
            ProjectStatement.objects.filter(pk=instance.pk, kind__in=COPIED)
            .values_list("project_id", flat=True)
            .first()
        )


def statement_saved(sender, instance, raw=False, **kwargs):
    if raw:
        # A fixture or a dump brings the projects' copies with it.
        return
    concerned = set()
    if instance.kind in COPIED:
        concerned.add(instance.project_id)
    if instance.copied_into_before:
        concerned.add(instance.copied_into_before)
    for project in Project.objects.filter(pk__in=concerned):
        project.refresh_copies()


def statement_deleted(sender, instance, **kwargs):
    if instance.kind in COPIED:
        # The project itself may be what is being deleted: then there is nothing to refresh.
        for project in Project.objects.filter(pk=instance.project_id):
            project.refresh_copies()
