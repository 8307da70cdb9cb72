"""
The project's approval columns are copies of its approval statement now (0015), which nobody
edits, and no citation is "for the approval" any more. Its own migration, so that PostgreSQL
alters the tables after the rows 0015 wrote are committed.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0015_approval_as_statements"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalproject",
            name="approval_date",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="approval date"
            ),
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="approval_date_precision",
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
                verbose_name="precision of the approval date",
            ),
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="decision",
            field=models.CharField(
                blank=True, editable=False, max_length=120, verbose_name="approval or licence"
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="approval_date",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="approval date"
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="approval_date_precision",
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
                verbose_name="precision of the approval date",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="decision",
            field=models.CharField(
                blank=True, editable=False, max_length=120, verbose_name="approval or licence"
            ),
        ),
        migrations.AlterField(
            model_name="projectcitation",
            name="supports",
            field=models.CharField(
                choices=[("general", "General"), ("sector", "Sector and capacity")],
                default="general",
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
