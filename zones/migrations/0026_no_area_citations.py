"""
A site's area is its area statements, each with its own sources (0011): a citation "for the
area" pointed at nothing a page shows, a second way to cite one fact. Such citations become
general ones (dropped where the site already cites that source in general), and the choice
goes.
"""

from django.db import migrations, models


def area_citations_to_general(apps, schema_editor):
    SiteCitation = apps.get_model("zones", "SiteCitation")
    for citation in SiteCitation.objects.filter(supports="area"):
        general = SiteCitation.objects.filter(
            site_id=citation.site_id, source_id=citation.source_id, supports="general"
        )
        if general.exists():
            citation.delete()
        else:
            citation.supports = "general"
            citation.save(update_fields=["supports"])


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0025_site_sectors_list_removed"),
    ]

    operations = [
        migrations.RunPython(area_citations_to_general, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="sitecitation",
            name="supports",
            field=models.CharField(
                choices=[
                    ("general", "General"),
                    ("location", "Location"),
                    ("administrative", "Administrative unit"),
                ],
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
