"""
A site's developer is recorded one way, as a statement (property "developer"): the body it
names as its `organisation`, a plan where the source names it only as proposed, the note on
the developer as its words, the site citations that supported it as its sources (their notes
as its note), the date of the earliest of those sources as its date. A site whose note says
only that no source names a developer gets an undated "not found" statement. Each change the
site's history records of its developer becomes a record of the statement's history, with its
date, its editor and its reason. The copies on the site record go.
"""

from datetime import date

from django.db import migrations, models

from common.text import search_words
from zones.migration_history import copy_site_history

NOT_FOUND_VI = "Không nguồn nào nêu tên chủ đầu tư hạ tầng."
NOT_FOUND_EN = "No source names the developer."


def source_date(source):
    """(date, precision) a source was published, or None."""
    if source.published_on:
        return source.published_on, "day"
    if source.published_year:
        return date(source.published_year, 1, 1), "year"
    return None


def developer_values(record):
    """What a site (or a record of its history) says of its developer, as a statement's."""
    note_vi = record.developer_note_vi or record.developer_note or ""
    note_en = record.developer_note_en or ""
    if record.developer_id:
        nature = "plan" if record.developer_is_proposed else "report"
    elif note_vi or note_en:
        nature = "not_found"
    else:
        return None
    return {
        "organisation_id": record.developer_id,
        "nature": nature,
        "text": note_vi,
        "text_vi": note_vi,
        "text_en": note_en,
        "search_text": search_words(f"{note_vi} {note_en}"),
    }


def into_statements(apps, schema_editor):
    Site = apps.get_model("zones", "Site")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    Statement = apps.get_model("zones", "Statement")
    for site in Site.objects.order_by("pk"):
        citations = list(
            SiteCitation.objects.filter(site=site, supports="developer").select_related("source")
        )
        values = developer_values(site)
        if values is None and not citations:
            continue
        if values is None or (values["nature"] == "not_found" and not values["text_vi"]):
            values = {
                **(values or {"organisation_id": None, "nature": "not_found"}),
                "text": NOT_FOUND_VI,
                "text_vi": NOT_FOUND_VI,
                "text_en": NOT_FOUND_EN,
                "search_text": search_words(f"{NOT_FOUND_VI} {NOT_FOUND_EN}"),
            }
        dates = sorted(filter(None, (source_date(c.source) for c in citations)))
        # What no source gives is not dated.
        if values["nature"] == "not_found":
            dates = []
        as_of, precision = dates[0] if dates else (None, "day")
        statement = Statement.objects.create(
            slug=f"{site.slug}-developer"[:120],
            kind="developer",
            as_of=as_of,
            as_of_precision=precision,
            note_vi="; ".join(c.note_vi for c in citations if c.note_vi)[:400],
            note_en="; ".join(c.note_en for c in citations if c.note_en)[:400],
            **values,
        )
        statement.sites.add(site)
        statement.sources.set([c.source for c in citations])
        copy_site_history(apps, site, statement, developer_values)
    SiteCitation.objects.filter(supports="developer").delete()


def back_onto_sites(apps, schema_editor):
    Statement = apps.get_model("zones", "Statement")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    developers = Statement.objects.filter(kind="developer").prefetch_related("sites", "sources")
    for statement in developers:
        for site in statement.sites.all():
            site.developer_id = statement.organisation_id
            site.developer_is_proposed = statement.nature == "plan"
            if statement.text_vi != NOT_FOUND_VI:
                site.developer_note_vi = statement.text_vi[:300]
                site.developer_note_en = (statement.text_en or "")[:300]
            site.save()
            for source in statement.sources.all():
                SiteCitation.objects.get_or_create(site=site, source=source, supports="developer")
    developers.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0016_statement_history"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalstatement",
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
                    ("founding", "Founding decision"),
                    ("developer", "Developer"),
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
                    ("founding", "Founding decision"),
                    ("developer", "Developer"),
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
            name="developer",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="developer_is_proposed",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="developer_note",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="developer_note_en",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="developer_note_vi",
        ),
        migrations.RemoveField(
            model_name="site",
            name="developer",
        ),
        migrations.RemoveField(
            model_name="site",
            name="developer_is_proposed",
        ),
        migrations.RemoveField(
            model_name="site",
            name="developer_note",
        ),
        migrations.RemoveField(
            model_name="site",
            name="developer_note_en",
        ),
        migrations.RemoveField(
            model_name="site",
            name="developer_note_vi",
        ),
        migrations.AlterField(
            model_name="sitecitation",
            name="supports",
            field=models.CharField(
                choices=[
                    ("general", "General"),
                    ("area", "Area"),
                    ("status", "Status"),
                    ("sectors", "Target sectors"),
                    ("location", "Location"),
                    ("administrative", "Administrative unit"),
                ],
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
