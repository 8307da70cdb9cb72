"""
A project's sector is a copy of its sector statement now (0018), which nobody edits; its
capacity is a statement only, and no citation is "for the sector and capacity" any more. Its
own migration, so that PostgreSQL alters the tables after the rows 0018 wrote are committed.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0018_sector_and_capacity_as_statements"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="historicalproject",
            name="capacity",
        ),
        migrations.RemoveField(
            model_name="historicalproject",
            name="capacity_en",
        ),
        migrations.RemoveField(
            model_name="historicalproject",
            name="capacity_vi",
        ),
        migrations.RemoveField(
            model_name="project",
            name="capacity",
        ),
        migrations.RemoveField(
            model_name="project",
            name="capacity_en",
        ),
        migrations.RemoveField(
            model_name="project",
            name="capacity_vi",
        ),
        migrations.AlterField(
            model_name="historicalproject",
            name="sector",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="zones.sector",
                verbose_name="sector",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="sector",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="projects",
                to="zones.sector",
                verbose_name="sector",
            ),
        ),
        migrations.AlterField(
            model_name="projectcitation",
            name="supports",
            field=models.CharField(
                choices=[("general", "General")],
                default="general",
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
