"""
The sectors a site's sources say it is meant for become statements (property Sector), one for
each sector, about that site: with the sources of its citations "for the target sectors" (or,
where none is, those of its general citations) and their notes as the statement's note. The
site's list of sectors and those citations go (0025). The list was not in the site's history,
so there is none to carry over.
"""

from django.db import migrations


def joined_notes(citations, language):
    notes = (getattr(citation, f"note_{language}") for citation in citations)
    return " ".join(dict.fromkeys(note for note in notes if note))


def target_sectors_to_statements(apps, schema_editor):
    Site = apps.get_model("zones", "Site")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    Statement = apps.get_model("zones", "Statement")
    through = Site.target_sectors.through
    for site in Site.objects.order_by("pk"):
        links = through.objects.filter(site=site).select_related("sector").order_by("pk")
        if not links:
            continue
        cited = list(SiteCitation.objects.filter(site=site, supports="sectors").order_by("pk"))
        if not cited:
            cited = list(SiteCitation.objects.filter(site=site, supports="general"))
        for position, link in enumerate(links):
            slug = f"{site.slug}-sector-{link.sector.slug}"[:110]
            while Statement.objects.filter(slug=slug).exists():
                slug += "-1"
            statement = Statement.objects.create(
                slug=slug,
                kind="sector",
                nature="report",
                sector=link.sector,
                position=position,
                note=joined_notes(cited, "vi"),
                note_vi=joined_notes(cited, "vi"),
                note_en=joined_notes(cited, "en"),
            )
            statement.sites.set([site])
            statement.sources.set(sorted({citation.source_id for citation in cited}))
    SiteCitation.objects.filter(supports="sectors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0023_sector_property"),
    ]

    operations = [
        migrations.RunPython(target_sectors_to_statements, migrations.RunPython.noop),
    ]
