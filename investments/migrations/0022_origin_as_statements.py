"""
Each project's "FDI or domestic" becomes a statement of the property "Domestic or foreign",
with the sources of its general citations, or, where it has none, those of its investor
statement (the sources that name the investor whose capital it is), and the project's history
of it as the statement's.
"""

from django.db import migrations

from zones.migration_history import copy_history

ORIGIN_OF = {True: "foreign", False: "domestic", None: ""}


def origin_values(record):
    return {"origin": ORIGIN_OF[record.is_fdi]}


def origins_to_statements(apps, schema_editor):
    Project = apps.get_model("investments", "Project")
    ProjectStatement = apps.get_model("investments", "ProjectStatement")
    ProjectCitation = apps.get_model("investments", "ProjectCitation")
    HistoricalProject = apps.get_model("investments", "HistoricalProject")
    for project in Project.objects.filter(is_fdi__isnull=False).order_by("pk"):
        sources = list(
            ProjectCitation.objects.filter(project=project).values_list("source_id", flat=True)
        )
        if not sources:
            investor = (
                ProjectStatement.objects.filter(
                    project=project, kind="investor", organisation__isnull=False
                )
                .order_by("position", "pk")
                .first()
            )
            sources = list(investor.sources.values_list("pk", flat=True)) if investor else []
        statement = ProjectStatement.objects.create(
            project=project, kind="origin", nature="report", **origin_values(project)
        )
        statement.sources.set(sources)
        copy_history(
            apps,
            HistoricalProject.objects.filter(id=project.pk),
            statement,
            origin_values,
            ("investments", "ProjectStatement"),
            relations=["sources"],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0021_origin_property"),
    ]

    operations = [
        migrations.RunPython(origins_to_statements, migrations.RunPython.noop),
    ]
