"""
A site's area is recorded one way: as reported figures (kind "area"), each with its sources,
as the pages and the open data already read it. The copy on the site record (area_ha, with
area_note) goes; a value found there that no area figure holds is carried over first, as a
figure citing the site's "area" sources, so that nothing is lost.
"""

from django.db import migrations
from django.db.models import Max


def carry_over_areas(apps, schema_editor):
    Site = apps.get_model("zones", "Site")
    ReportedFigure = apps.get_model("zones", "ReportedFigure")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    for site in Site.objects.exclude(area_ha=None).iterator():
        figures = ReportedFigure.objects.filter(kind="area", sites=site)
        if figures.filter(amount=site.area_ha, unit="ha").exists():
            continue
        rank = (figures.aggregate(highest=Max("rank"))["highest"] or -1) + 1
        figure = ReportedFigure.objects.create(
            slug=f"{site.slug}-area-record"[:120],
            kind="area",
            label="Diện tích",
            label_vi="Diện tích",
            label_en="Area",
            amount=site.area_ha,
            unit="ha",
            as_of=None,
            rank=rank,
            note_vi=(site.area_note_vi or "")[:400],
            note_en=(site.area_note_en or "")[:400],
        )
        figure.sites.add(site)
        cited = SiteCitation.objects.filter(site=site, supports="area").values_list(
            "source", flat=True
        )
        figure.sources.add(*cited)


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0010_organisation_set_up_by"),
    ]

    operations = [
        migrations.RunPython(carry_over_areas, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="site",
            name="site_area_not_negative",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="area_ha",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="area_note",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="area_note_en",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="area_note_vi",
        ),
        migrations.RemoveField(
            model_name="site",
            name="area_ha",
        ),
        migrations.RemoveField(
            model_name="site",
            name="area_note",
        ),
        migrations.RemoveField(
            model_name="site",
            name="area_note_en",
        ),
        migrations.RemoveField(
            model_name="site",
            name="area_note_vi",
        ),
    ]
