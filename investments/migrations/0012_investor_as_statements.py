"""
A project's investor becomes a statement (property Investor), as a site's developer did in
zones 0017: the body it names as its `organisation`, the citations "for the investor" as its
sources, the date of the earliest of them as its date (when a source named it), and the
project's history of its investor as the statement's. A project whose sources name no
investor gets none: its page says so. The project keeps a copy of the body (0013).
"""

from datetime import date

from django.db import migrations, models

from zones.migration_history import copy_history


def source_date(source):
    """(date, precision) a source was published, or None."""
    if source.published_on:
        return source.published_on, "day"
    if source.published_year:
        return date(source.published_year, 1, 1), "year"
    return None


def investor_values(record):
    """The body a project (or a record of its history) names as its investor."""
    return {"organisation_id": record.investor_id}


def investors_to_statements(apps, schema_editor):
    Project = apps.get_model("investments", "Project")
    ProjectStatement = apps.get_model("investments", "ProjectStatement")
    ProjectCitation = apps.get_model("investments", "ProjectCitation")
    HistoricalProject = apps.get_model("investments", "HistoricalProject")
    for project in Project.objects.filter(investor__isnull=False):
        cited = ProjectCitation.objects.filter(project=project, supports="investor")
        citations = list(cited.select_related("source"))
        dates = sorted(filter(None, (source_date(c.source) for c in citations)))
        as_of, precision = dates[0] if dates else (None, "day")
        statement = ProjectStatement.objects.create(
            project=project,
            kind="investor",
            nature="report",
            rank=0,
            organisation_id=project.investor_id,
            as_of=as_of,
            as_of_precision=precision,
            note_vi="; ".join(c.note_vi for c in citations if c.note_vi)[:400],
            note_en="; ".join(c.note_en for c in citations if c.note_en)[:400],
        )
        statement.sources.set([c.source_id for c in citations])
        copy_history(
            apps,
            HistoricalProject.objects.filter(id=project.pk),
            statement,
            investor_values,
            ("investments", "ProjectStatement"),
            relations=["sources"],
        )
    ProjectCitation.objects.filter(supports="investor").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0011_project_status_copies"),
        ("zones", "0020_investor_property"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalprojectstatement",
            name="kind",
            field=models.CharField(
                choices=[
                    ("capital", "Capital"),
                    ("area", "Area"),
                    ("workers", "Workers"),
                    ("output", "Output"),
                    ("status", "Status"),
                    ("investor", "Investor"),
                ],
                max_length=30,
                verbose_name="property",
            ),
        ),
        migrations.AlterField(
            model_name="projectstatement",
            name="kind",
            field=models.CharField(
                choices=[
                    ("capital", "Capital"),
                    ("area", "Area"),
                    ("workers", "Workers"),
                    ("output", "Output"),
                    ("status", "Status"),
                    ("investor", "Investor"),
                ],
                max_length=30,
                verbose_name="property",
            ),
        ),
        migrations.RunPython(investors_to_statements, migrations.RunPython.noop),
    ]
