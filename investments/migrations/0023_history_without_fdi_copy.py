"""
A project's history leaves out is_fdi, now a copy of its origin statements, whose history 0022
carried it over to (as 0020 did for the other copies).
"""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('investments', '0022_origin_as_statements'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicalproject',
            name='is_fdi',
        ),
    ]
