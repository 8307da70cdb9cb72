"""
A project's sector and capacity become statements (properties Sector and Capacity): the sector
it names, and the capacity in the source's words in both languages, each with the sources of
the citations "for the sector and capacity" (or, where none is, those of the project's general
citations, which describe the plant as a whole), and the project's history of them as the
statement's. The project keeps its sector as a copy for the list's filter; the capacity column
goes, and so does the citation "for the sector and capacity" (0019).
"""

from django.db import migrations

from zones.migration_history import copy_history


def sector_values(record):
    return {"sector_id": record.sector_id}


def capacity_values(record):
    return {"text": record.capacity, "text_vi": record.capacity_vi, "text_en": record.capacity_en}


def sectors_and_capacities_to_statements(apps, schema_editor):
    Project = apps.get_model("investments", "Project")
    ProjectStatement = apps.get_model("investments", "ProjectStatement")
    ProjectCitation = apps.get_model("investments", "ProjectCitation")
    HistoricalProject = apps.get_model("investments", "HistoricalProject")
    for project in Project.objects.order_by("pk"):
        cited = ProjectCitation.objects.filter(project=project, supports="sector")
        if not cited.exists():
            cited = ProjectCitation.objects.filter(project=project, supports="general")
        sources = [citation.source_id for citation in cited]
        facts = []
        if project.sector_id:
            facts.append(("sector", sector_values))
        if project.capacity_vi or project.capacity_en:
            facts.append(("capacity", capacity_values))
        for kind, values_of in facts:
            statement = ProjectStatement.objects.create(
                project=project, kind=kind, nature="report", **values_of(project)
            )
            statement.sources.set(sources)
            copy_history(
                apps,
                HistoricalProject.objects.filter(id=project.pk),
                statement,
                values_of,
                ("investments", "ProjectStatement"),
                relations=["sources"],
            )
    ProjectCitation.objects.filter(supports="sector").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0017_sector_and_capacity_properties"),
    ]

    operations = [
        migrations.RunPython(sectors_and_capacities_to_statements, migrations.RunPython.noop),
    ]
