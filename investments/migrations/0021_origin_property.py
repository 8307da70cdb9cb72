"""
The property "Domestic or foreign" (ProjectStatement.origin): whether a project is FDI becomes
a statement with its sources (0022), of which Project.is_fdi is a copy nobody edits; its
history then leaves the copy out (0023).
"""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('investments', '0020_history_without_copies'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalprojectstatement',
            name='origin',
            field=models.CharField(blank=True, choices=[('foreign', 'FDI'), ('domestic', 'Domestic')], help_text='For the property “Domestic or foreign” only: what the source says the project is. Its words (“100% Chinese capital”) go in the statement in words.', max_length=10, verbose_name='domestic or foreign'),
        ),
        migrations.AddField(
            model_name='projectstatement',
            name='origin',
            field=models.CharField(blank=True, choices=[('foreign', 'FDI'), ('domestic', 'Domestic')], help_text='For the property “Domestic or foreign” only: what the source says the project is. Its words (“100% Chinese capital”) go in the statement in words.', max_length=10, verbose_name='domestic or foreign'),
        ),
        migrations.AlterField(
            model_name='historicalprojectstatement',
            name='kind',
            field=models.CharField(choices=[('capital', 'Capital'), ('area', 'Area'), ('workers', 'Workers'), ('output', 'Output'), ('status', 'Status'), ('investor', 'Investor'), ('approval', 'Approval or licence'), ('sector', 'Sector'), ('capacity', 'Capacity'), ('origin', 'Domestic or foreign')], max_length=30, verbose_name='property'),
        ),
        migrations.AlterField(
            model_name='project',
            name='is_fdi',
            field=models.BooleanField(blank=True, editable=False, null=True, verbose_name='FDI project'),
        ),
        migrations.AlterField(
            model_name='projectstatement',
            name='kind',
            field=models.CharField(choices=[('capital', 'Capital'), ('area', 'Area'), ('workers', 'Workers'), ('output', 'Output'), ('status', 'Status'), ('investor', 'Investor'), ('approval', 'Approval or licence'), ('sector', 'Sector'), ('capacity', 'Capacity'), ('origin', 'Domestic or foreign')], max_length=30, verbose_name='property'),
        ),
    ]
