"""
A project's status becomes a statement (property Status), as a site's did in zones 0018: the
status, its note (now its words), its date or period and the sources cited for it, with the
project's history of them as the statement's. The project keeps copies of its current status
for the filters, the lists and the files, written only by Project.refresh_copies().
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from zones.migration_history import copy_history


def status_values(record):
    """A project's status as a historical project record holds it, as a statement's fields."""
    return {
        "status": record.status,
        "text": record.status_note,
        "text_vi": record.status_note_vi,
        "text_en": record.status_note_en,
        "as_of": record.status_date,
        "as_of_precision": record.status_date_precision,
        "period_label": record.status_period,
        "period_label_vi": record.status_period_vi,
        "period_label_en": record.status_period_en,
    }


def statuses_to_statements(apps, schema_editor):
    Project = apps.get_model("investments", "Project")
    ProjectStatement = apps.get_model("investments", "ProjectStatement")
    ProjectCitation = apps.get_model("investments", "ProjectCitation")
    HistoricalProject = apps.get_model("investments", "HistoricalProject")
    for project in Project.objects.all():
        statement = ProjectStatement.objects.create(
            project=project, kind="status", nature="report", rank=0, **status_values(project)
        )
        cited = ProjectCitation.objects.filter(project=project, supports="status")
        statement.sources.set([citation.source_id for citation in cited])
        cited.delete()
        copy_history(
            apps,
            HistoricalProject.objects.filter(id=project.pk),
            statement,
            status_values,
            ("investments", "ProjectStatement"),
            relations=["sources"],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0009_project_statements"),
        ("zones", "0019_project_properties"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="projectstatement",
            name="status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("registering", "Registering investment"),
                    ("approved", "Investment policy approved"),
                    ("preparing", "Completing procedures"),
                    ("under_construction", "Under construction"),
                    ("trial_operation", "In trial operation"),
                    ("operating", "Operating"),
                    ("stalled", "Stalled, stopped or running inefficiently"),
                    ("stopped", "Stopped"),
                    ("abandoned", "Abandoned"),
                ],
                help_text="For the property Status only: the status the source reports.",
                max_length=20,
                verbose_name="status",
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
                ],
                max_length=30,
                verbose_name="property",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalProjectStatement",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "nature",
                    models.CharField(
                        choices=[
                            ("report", "Report"),
                            ("plan", "Plan"),
                            ("expectation", "Expectation"),
                            ("target", "Target"),
                            ("not_found", "Not found"),
                        ],
                        default="report",
                        max_length=12,
                        verbose_name="what it is",
                    ),
                ),
                ("label", models.CharField(blank=True, max_length=300, verbose_name="label")),
                (
                    "label_vi",
                    models.CharField(blank=True, max_length=300, null=True, verbose_name="label"),
                ),
                (
                    "label_en",
                    models.CharField(blank=True, max_length=300, null=True, verbose_name="label"),
                ),
                (
                    "qualifier",
                    models.CharField(
                        choices=[
                            ("exact", "exactly"),
                            ("about", "about"),
                            ("over", "over"),
                            ("nearly", "nearly"),
                            ("at_least", "at least"),
                        ],
                        default="exact",
                        max_length=10,
                        verbose_name="qualifier",
                    ),
                ),
                (
                    "amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=3,
                        help_text="For a figure, as the source gives it, in the unit below: 2921000000000 for 2,921 billion. Empty for a statement in words.",
                        max_digits=20,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                0, "A reported amount cannot be negative."
                            )
                        ],
                        verbose_name="amount",
                    ),
                ),
                (
                    "amount_to",
                    models.DecimalField(
                        blank=True,
                        decimal_places=3,
                        help_text="Only for a range the source gives (300–500): its upper end.",
                        max_digits=20,
                        null=True,
                        verbose_name="up to",
                    ),
                ),
                (
                    "unit",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("vnd", "đồng"),
                            ("usd", "US dollars"),
                            ("ha", "hectares"),
                            ("m2", "square metres"),
                            ("percent", "per cent"),
                            ("projects", "projects"),
                            ("clusters", "industrial clusters"),
                            ("firms", "firms"),
                            ("workers", "workers"),
                            ("tonnes", "tonnes"),
                        ],
                        max_length=10,
                        verbose_name="unit or currency",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        blank=True,
                        help_text="For a statement that is not a single figure, in the source's own terms.",
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="statement in words",
                    ),
                ),
                (
                    "as_of",
                    models.DateField(
                        blank=True,
                        help_text="The date the figure refers to; empty when the source gives none.",
                        null=True,
                        verbose_name="as of",
                    ),
                ),
                (
                    "as_of_precision",
                    models.CharField(
                        choices=[
                            ("day", "day"),
                            ("month", "month"),
                            ("quarter", "quarter"),
                            ("year", "year"),
                        ],
                        default="day",
                        max_length=10,
                        verbose_name="precision of that date",
                    ),
                ),
                (
                    "period_start",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="from year"
                    ),
                ),
                (
                    "period_end",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="to year"),
                ),
                (
                    "period_label",
                    models.CharField(
                        blank=True,
                        help_text="When the source dates it in words: “first 9 months of 2021”.",
                        max_length=120,
                        verbose_name="period, in words",
                    ),
                ),
                (
                    "period_label_vi",
                    models.CharField(
                        blank=True,
                        help_text="When the source dates it in words: “first 9 months of 2021”.",
                        max_length=120,
                        null=True,
                        verbose_name="period, in words",
                    ),
                ),
                (
                    "period_label_en",
                    models.CharField(
                        blank=True,
                        help_text="When the source dates it in words: “first 9 months of 2021”.",
                        max_length=120,
                        null=True,
                        verbose_name="period, in words",
                    ),
                ),
                (
                    "rank",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="0 for the figure shown first; higher for the other sources' figures.",
                        verbose_name="rank",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=400, verbose_name="note")),
                (
                    "note_vi",
                    models.CharField(blank=True, max_length=400, null=True, verbose_name="note"),
                ),
                (
                    "note_en",
                    models.CharField(blank=True, max_length=400, null=True, verbose_name="note"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("capital", "Capital"),
                            ("area", "Area"),
                            ("workers", "Workers"),
                            ("output", "Output"),
                            ("status", "Status"),
                        ],
                        max_length=30,
                        verbose_name="property",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("registering", "Registering investment"),
                            ("approved", "Investment policy approved"),
                            ("preparing", "Completing procedures"),
                            ("under_construction", "Under construction"),
                            ("trial_operation", "In trial operation"),
                            ("operating", "Operating"),
                            ("stalled", "Stalled, stopped or running inefficiently"),
                            ("stopped", "Stopped"),
                            ("abandoned", "Abandoned"),
                        ],
                        help_text="For the property Status only: the status the source reports.",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The body the statement names (its page is linked), if any.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="zones.organisation",
                        verbose_name="organisation it names",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="investments.project",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical project statement",
                "verbose_name_plural": "historical project statements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProjectStatement_sources",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="investments.historicalprojectstatement",
                    ),
                ),
                (
                    "projectstatement",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="investments.projectstatement",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="zones.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalProjectStatement_sources",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalprojectstatement",
            name="text_en",
            field=models.TextField(
                blank=True,
                help_text="For a statement that is not a single figure, in the source's own terms.",
                max_length=2000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="statement in words",
            ),
        ),
        migrations.AddField(
            model_name="historicalprojectstatement",
            name="text_vi",
            field=models.TextField(
                blank=True,
                help_text="For a statement that is not a single figure, in the source's own terms.",
                max_length=2000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="statement in words",
            ),
        ),
        migrations.AddField(
            model_name="projectstatement",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, null=True, verbose_name="last updated"),
        ),
        migrations.RunPython(statuses_to_statements, migrations.RunPython.noop),
    ]
