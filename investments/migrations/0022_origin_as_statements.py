"""
Each project's "FDI or domestic" becomes a statement of the property "Domestic or foreign",
with the sources of its general citations, or, where it has none, those of its investor
statement (the sources that name the investor whose capital it is), and the project's history
of it as the statement's. Its words are those its investor's record gave ("100% Chinese
capital", Organisation.origin_note, which zones 0028 then removes: the words are the project's
statement's, with their sources).
"""

from django.db import migrations

from zones.migration_history import copy_history

ORIGIN_OF = {True: "foreign", False: "domestic", None: ""}


def origin_values(record):
    return {"origin": ORIGIN_OF[record.is_fdi]}


def words_of(investor):
    """The origin in its investor's words, where they agree with the project's."""
    if investor is None:
        return {"text": "", "text_vi": "", "text_en": ""}
    return {
        "text": investor.origin_note,
        "text_vi": investor.origin_note_vi or "",
        "text_en": investor.origin_note_en or "",
    }


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
        investor = project.investor
        said = investor is not None and investor.origin == ORIGIN_OF[project.is_fdi]
        statement = ProjectStatement.objects.create(
            project=project,
            kind="origin",
            nature="report",
            **origin_values(project),
            **words_of(investor if said else None),
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
