"""
A site's founding decision is recorded one way, as a statement (property "founding"): the
decision's number as its words, the decision's date as its date, the site citations that
supported it as its sources. A site whose citations say only that no founding decision was
found gets a "not found" statement with those sources and notes. The copies on the site
record go. Statements get a search_text, so that a decision's number still finds its site.
"""

from django.db import migrations, models

from common.text import search_words


def into_statements(apps, schema_editor):
    Site = apps.get_model("zones", "Site")
    Statement = apps.get_model("zones", "Statement")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    for site in Site.objects.order_by("pk"):
        citations = list(
            SiteCitation.objects.filter(site=site, supports="founding").select_related("source")
        )
        if not site.founding_decision and not citations:
            continue
        notes_vi = "; ".join(c.note_vi for c in citations if c.note_vi)
        notes_en = "; ".join(c.note_en for c in citations if c.note_en)
        if site.founding_decision:
            text_vi = text_en = site.founding_decision
            nature = "report"
        else:
            text_vi = notes_vi or "Không nguồn nào nêu quyết định thành lập."
            text_en = notes_en or "No source names a founding decision."
            notes_vi = notes_en = ""
            nature = "not_found"
        statement = Statement.objects.create(
            slug=f"{site.slug}-founding"[:120],
            kind="founding",
            nature=nature,
            text=text_vi,
            text_vi=text_vi,
            text_en=text_en,
            as_of=site.founding_date,
            as_of_precision="day",
            note_vi=notes_vi[:400],
            note_en=notes_en[:400],
            search_text=search_words(f"{text_vi} {text_en}"),
        )
        statement.sites.add(site)
        statement.sources.set([c.source for c in citations])
    SiteCitation.objects.filter(supports="founding").delete()
    # In bulk: a national register holds a statement or more for each of thousands of sites.
    others = list(Statement.objects.exclude(kind="founding").only("text_vi", "text_en"))
    for statement in others:
        statement.search_text = search_words(f"{statement.text_vi or ''} {statement.text_en or ''}")
    Statement.objects.bulk_update(others, ["search_text"], batch_size=1000)


def back_onto_sites(apps, schema_editor):
    Statement = apps.get_model("zones", "Statement")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    founding = Statement.objects.filter(kind="founding").prefetch_related("sites", "sources")
    for statement in founding:
        for site in statement.sites.all():
            if statement.nature == "report":
                site.founding_decision = statement.text_vi[:60]
                site.founding_date = statement.as_of
                site.save(update_fields=["founding_decision", "founding_date"])
            for source in statement.sources.all():
                SiteCitation.objects.get_or_create(site=site, source=source, supports="founding")
    founding.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0013_expected_operation_as_statements"),
    ]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
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
            name="founding_date",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="founding_decision",
        ),
        migrations.RemoveField(
            model_name="site",
            name="founding_date",
        ),
        migrations.RemoveField(
            model_name="site",
            name="founding_decision",
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
                    ("sectors", "Target sectors"),
                    ("location", "Location"),
                    ("administrative", "Administrative unit"),
                ],
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
