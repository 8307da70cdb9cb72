"""
The year a site is expected to operate is recorded one way, as a statement (property
"operation", nature "expectation"): the year is its period, and the date it was said (the
newest source that gave it) its date, so that a page can say, once the year is over, when it
was said. The copy on the site record goes, with the site citations that supported it: their
sources become the statement's, their notes its note.
"""

from datetime import date

from django.db import migrations, models


def into_statements(apps, schema_editor):
    Site = apps.get_model("zones", "Site")
    Statement = apps.get_model("zones", "Statement")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    for site in Site.objects.exclude(expected_operation_year=None).order_by("pk"):
        year = site.expected_operation_year
        citations = SiteCitation.objects.filter(site=site, supports="expected").select_related(
            "source"
        )
        said = [
            (c.source.published_on, "day")
            if c.source.published_on
            else (date(c.source.published_year, 1, 1), "year")
            for c in citations
            if c.source.published_on or c.source.published_year
        ]
        as_of, precision = max(said, default=(None, "day"))
        statement = Statement.objects.create(
            slug=f"{site.slug}-expected-operation"[:120],
            kind="operation",
            nature="expectation",
            text=f"Dự kiến đi vào hoạt động năm {year}.",
            text_vi=f"Dự kiến đi vào hoạt động năm {year}.",
            text_en=f"Expected to operate in {year}.",
            period_start=year,
            period_end=year,
            as_of=as_of,
            as_of_precision=precision,
            note_vi="; ".join(c.note_vi for c in citations if c.note_vi)[:400],
            note_en="; ".join(c.note_en for c in citations if c.note_en)[:400],
        )
        statement.sites.add(site)
        statement.sources.set([c.source for c in citations])
    SiteCitation.objects.filter(supports="expected").delete()


def back_onto_sites(apps, schema_editor):
    Statement = apps.get_model("zones", "Statement")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    expectations = Statement.objects.filter(kind="operation").order_by("-rank", "pk")
    for statement in expectations.prefetch_related("sites", "sources"):
        for site in statement.sites.all():
            site.expected_operation_year = statement.period_end
            site.save(update_fields=["expected_operation_year"])
            for source in statement.sources.all():
                SiteCitation.objects.get_or_create(site=site, source=source, supports="expected")
    expectations.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0012_statements"),
    ]

    operations = [
        migrations.AlterField(
            model_name="statement",
            name="kind",
            field=models.CharField(
                choices=[
                    ("area", "Area"),
                    ("total_area", "Total area of several sites"),
                    ("budget_allocation", "Budget allocated"),
                    ("planned_investment", "Planned total investment"),
                    ("infrastructure_cost", "Infrastructure cost"),
                    ("approved_projects", "Projects approved"),
                    ("registered_capital", "Registered capital"),
                    ("fdi_projects", "FDI projects among those approved"),
                    ("clusters", "Industrial clusters established"),
                    ("tenants", "Tenants"),
                    ("operating_tenants", "Tenants operating"),
                    ("workers", "Workers"),
                    ("land_let", "Land let"),
                    ("revenue", "Revenue"),
                    ("exports", "Exports"),
                    ("budget_paid", "Paid to the state budget"),
                    ("progress", "Progress of works"),
                    ("operation", "Start of operation"),
                    ("distances", "Distances"),
                    ("gateways", "Airport, seaport, border"),
                    ("power", "Power"),
                    ("water", "Water"),
                    ("wastewater", "Wastewater"),
                    ("land_rent", "Land rent"),
                    ("incentives", "Incentives"),
                    ("manager", "Who manages it"),
                    ("access", "Access: other"),
                    ("utilities", "Utilities: other"),
                    ("land", "Land and occupancy: other"),
                    ("policy", "Policy and incentives: other"),
                    ("institutions", "Institutions: other"),
                    ("labour", "Labour: other"),
                    ("planning", "Planning"),
                ],
                max_length=30,
                verbose_name="property",
            ),
        ),
        migrations.RunPython(into_statements, back_onto_sites, elidable=False),
        migrations.RemoveField(
            model_name="historicalsite",
            name="expected_operation_year",
        ),
        migrations.RemoveField(
            model_name="site",
            name="expected_operation_year",
        ),
        migrations.AlterField(
            model_name="sitecitation",
            name="supports",
            field=models.CharField(
                choices=[
                    ("general", "General"),
                    ("area", "Area"),
                    ("developer", "Developer"),
                    ("status", "Status"),
                    ("founding", "Founding decision"),
                    ("sectors", "Target sectors"),
                    ("location", "Location"),
                    ("administrative", "Administrative unit"),
                ],
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
