"""
The project's status note is its status statement's words now (0010), and its status columns
are copies of that statement, which nobody edits; the citations "for the status" are the
statement's sources. Its own migration, so that PostgreSQL alters the tables after the rows
0010 wrote are committed.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0010_project_status_as_statements"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="historicalproject",
            name="status_note",
        ),
        migrations.RemoveField(
            model_name="historicalproject",
            name="status_note_en",
        ),
        migrations.RemoveField(
            model_name="historicalproject",
            name="status_note_vi",
        ),
        migrations.RemoveField(
            model_name="project",
            name="status_note",
        ),
        migrations.RemoveField(
            model_name="project",
            name="status_note_en",
        ),
        migrations.RemoveField(
            model_name="project",
            name="status_note_vi",
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="status",
            field=models.CharField(
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
                editable=False,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="status_date",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="status as of"
            ),
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="status_date_precision",
            field=models.CharField(
                choices=[
                    ("day", "day"),
                    ("month", "month"),
                    ("quarter", "quarter"),
                    ("year", "year"),
                ],
                default="day",
                editable=False,
                max_length=10,
                verbose_name="precision of the status date",
            ),
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="status_period",
            field=models.CharField(
                blank=True, editable=False, max_length=120, verbose_name="status period, in words"
            ),
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="status_period_en",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=120,
                null=True,
                verbose_name="status period, in words",
            ),
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="status_period_vi",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=120,
                null=True,
                verbose_name="status period, in words",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="status",
            field=models.CharField(
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
                editable=False,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="status_date",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="status as of"
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="status_date_precision",
            field=models.CharField(
                choices=[
                    ("day", "day"),
                    ("month", "month"),
                    ("quarter", "quarter"),
                    ("year", "year"),
                ],
                default="day",
                editable=False,
                max_length=10,
                verbose_name="precision of the status date",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="status_period",
            field=models.CharField(
                blank=True, editable=False, max_length=120, verbose_name="status period, in words"
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="status_period_en",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=120,
                null=True,
                verbose_name="status period, in words",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="status_period_vi",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=120,
                null=True,
                verbose_name="status period, in words",
            ),
        ),
        migrations.AlterField(
            model_name="projectcitation",
            name="supports",
            field=models.CharField(
                choices=[
                    ("general", "General"),
                    ("investor", "Investor"),
                    ("sector", "Sector and capacity"),
                    ("approval", "Approval or licence"),
                ],
                default="general",
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
