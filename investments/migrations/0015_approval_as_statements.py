"""
A project's approval or licence becomes a statement (property Approval or licence): the
decision's number as its words, its date and precision as the statement's, the citations "for
the approval" as its sources, and the project's history of them as the statement's. The
project keeps copies for the list's sorting and filters (0016).
"""

from django.db import migrations, models

from zones.migration_history import copy_history


def approval_values(record):
    """A project's approval as a project record (or one of its history) holds it."""
    return {
        "text": record.decision,
        "text_vi": record.decision,
        "text_en": record.decision,
        "as_of": record.approval_date,
        "as_of_precision": record.approval_date_precision,
    }


def approvals_to_statements(apps, schema_editor):
    Project = apps.get_model("investments", "Project")
    ProjectStatement = apps.get_model("investments", "ProjectStatement")
    ProjectCitation = apps.get_model("investments", "ProjectCitation")
    HistoricalProject = apps.get_model("investments", "HistoricalProject")
    approved = Project.objects.exclude(decision="", approval_date__isnull=True)
    for project in approved:
        statement = ProjectStatement.objects.create(
            project=project, kind="approval", nature="report", **approval_values(project)
        )
        cited = ProjectCitation.objects.filter(project=project, supports="approval")
        statement.sources.set([citation.source_id for citation in cited])
        copy_history(
            apps,
            HistoricalProject.objects.filter(id=project.pk),
            statement,
            approval_values,
            ("investments", "ProjectStatement"),
            relations=["sources"],
        )
    ProjectCitation.objects.filter(supports="approval").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0014_rank_and_position"),
        ("zones", "0022_approval_property"),
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
                    ("approval", "Approval or licence"),
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
                    ("approval", "Approval or licence"),
                ],
                max_length=30,
                verbose_name="property",
            ),
        ),
        migrations.RunPython(approvals_to_statements, migrations.RunPython.noop),
    ]
