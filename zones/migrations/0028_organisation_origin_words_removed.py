"""
An organisation's origin in words ("100% Chinese capital") goes: investments 0022 made them
the words of its projects' statements of "Domestic or foreign", which carry their sources.
The organisation keeps whether it is domestic or foreign.
"""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('zones', '0027_origin_property'),
        # The words are copied there first.
        ('investments', '0022_origin_as_statements'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='organisation',
            name='origin_note',
        ),
        migrations.RemoveField(
            model_name='organisation',
            name='origin_note_en',
        ),
        migrations.RemoveField(
            model_name='organisation',
            name='origin_note_vi',
        ),
    ]
