"""
The project's investor is its investor statement's body now (0012): the column is a copy,
which nobody edits, and no citation is "for the investor" any more. Its own migration, so
that PostgreSQL alters the tables after the rows 0012 wrote are committed.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0012_investor_as_statements"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalproject",
            name="investor",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="zones.organisation",
                verbose_name="investor",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="investor",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="projects",
                to="zones.organisation",
                verbose_name="investor",
            ),
        ),
        migrations.AlterField(
            model_name="projectcitation",
            name="supports",
            field=models.CharField(
                choices=[
                    ("general", "General"),
                    ("sector", "Sector and capacity"),
                    ("approval", "Approval or licence"),
                ],
                default="general",
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
