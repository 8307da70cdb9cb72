"""
A project's history leaves out its copies of its statements (status, investor, sector,
approval): their history is the statements' own, where investments 0010, 0012, 0015 and 0018
carried it, and a revert to an old record must not bring back a copy its statements no longer
give.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('investments', '0019_sector_copy'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicalproject',
            name='approval_date',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='approval_date_precision',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='decision',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='investor',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='sector',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='status',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='status_date',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='status_date_precision',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='status_period',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='status_period_en',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='status_period_vi',
        ),
    ]
