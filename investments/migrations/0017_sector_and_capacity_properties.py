"""
A project's sector and capacity may be statements (properties Sector and Capacity; 0018 moves
them there). Its own migration: on PostgreSQL the new column's index is built when the
migration ends, which it cannot be once 0018 has written rows in the same transaction.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0016_approval_copies"),
        ("zones", "0023_sector_property"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalprojectstatement",
            name="sector",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="For the property Sector only: the sector the source names.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="zones.sector",
                verbose_name="sector it names",
            ),
        ),
        migrations.AddField(
            model_name="projectstatement",
            name="sector",
            field=models.ForeignKey(
                blank=True,
                help_text="For the property Sector only: the sector the source names.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)ss",
                to="zones.sector",
                verbose_name="sector it names",
            ),
        ),
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
                    ("sector", "Sector"),
                    ("capacity", "Capacity"),
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
                    ("sector", "Sector"),
                    ("capacity", "Capacity"),
                ],
                max_length=30,
                verbose_name="property",
            ),
        ),
    ]
