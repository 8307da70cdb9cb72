"""
A site's target sectors are statements now (0024): its list of them and the citations "for the
target sectors" go. Their own migration, so that PostgreSQL alters the tables after the rows
0024 wrote are committed.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0024_site_sectors_as_statements"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="site",
            name="target_sectors",
        ),
        migrations.AlterField(
            model_name="sitecitation",
            name="supports",
            field=models.CharField(
                choices=[
                    ("general", "General"),
                    ("area", "Area"),
                    ("location", "Location"),
                    ("administrative", "Administrative unit"),
                ],
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
