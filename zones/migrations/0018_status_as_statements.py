"""
A site's status is recorded one way, as a statement (property "status"): the status as its
`status`, the status note as its words, the status date and its precision as its date, the site
citations that supported it as its sources (their notes as its note). Each change the site's
history records of its status becomes a record of the statement's history, with its date, its
editor and its reason: the public timeline reads them there. The site keeps copies of its
current status's value and date, for filters and the map, which editors no longer change
directly (the admin's Site statuses, a proxy of the statements of this property).
"""

from django.db import migrations, models

from common.text import search_words
from zones.migration_history import copy_site_history


def status_values(record):
    """What a site (or a record of its history) says of its status, as a statement's."""
    note_vi = record.status_note_vi or record.status_note or ""
    note_en = record.status_note_en or ""
    return {
        "status": record.status,
        "text": note_vi,
        "text_vi": note_vi,
        "text_en": note_en,
        "as_of": record.status_date,
        "as_of_precision": record.status_date_precision,
    }


def into_statements(apps, schema_editor):
    Site = apps.get_model("zones", "Site")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    Statement = apps.get_model("zones", "Statement")
    for site in Site.objects.order_by("pk"):
        citations = list(
            SiteCitation.objects.filter(site=site, supports="status").select_related("source")
        )
        values = status_values(site)
        statement = Statement.objects.create(
            slug=f"{site.slug}-status"[:120],
            kind="status",
            nature="report",
            # A citation's note was about its source: it names the source's key.
            note_vi="; ".join(f"{c.source.key}: {c.note_vi}" for c in citations if c.note_vi)[:400],
            note_en="; ".join(f"{c.source.key}: {c.note_en}" for c in citations if c.note_en)[:400],
            search_text=search_words(f"{values['text_vi']} {values['text_en']}"),
            **values,
        )
        statement.sites.add(site)
        statement.sources.set([c.source for c in citations])
        copy_site_history(apps, site, statement, status_values)
    SiteCitation.objects.filter(supports="status").delete()


def back_onto_sites(apps, schema_editor):
    Statement = apps.get_model("zones", "Statement")
    SiteCitation = apps.get_model("zones", "SiteCitation")
    statuses = Statement.objects.filter(kind="status").prefetch_related("sites", "sources")
    for statement in statuses.order_by("as_of", "pk"):
        for site in statement.sites.all():
            site.status = statement.status
            site.status_note_vi = (statement.text_vi or "")[:400]
            site.status_note_en = (statement.text_en or "")[:400]
            site.status_date = statement.as_of
            site.status_date_precision = statement.as_of_precision
            site.save()
            for source in statement.sources.all():
                SiteCitation.objects.get_or_create(site=site, source=source, supports="status")
    statuses.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0017_developer_as_statements"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalstatement",
            name="status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("planned", "In the development plan"),
                    ("policy_pending", "Investment policy under review"),
                    ("established", "Established"),
                    ("site_clearance", "Site clearance"),
                    ("under_construction", "Infrastructure under construction"),
                    ("operational", "Operational"),
                ],
                help_text="For the property Status only: the status the source reports.",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("planned", "In the development plan"),
                    ("policy_pending", "Investment policy under review"),
                    ("established", "Established"),
                    ("site_clearance", "Site clearance"),
                    ("under_construction", "Infrastructure under construction"),
                    ("operational", "Operational"),
                ],
                help_text="For the property Status only: the status the source reports.",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, null=True, verbose_name="last updated"),
        ),
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
                    ("status", "Status"),
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
                    ("status", "Status"),
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
        migrations.CreateModel(
            name="SiteStatus",
            fields=[],
            options={
                "verbose_name": "site status",
                "verbose_name_plural": "site statuses",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("zones.statement",),
        ),
        migrations.RunPython(into_statements, back_onto_sites, elidable=False),
        migrations.RemoveField(
            model_name="historicalsite",
            name="status_note",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="status_note_en",
        ),
        migrations.RemoveField(
            model_name="historicalsite",
            name="status_note_vi",
        ),
        migrations.RemoveField(
            model_name="site",
            name="status_note",
        ),
        migrations.RemoveField(
            model_name="site",
            name="status_note_en",
        ),
        migrations.RemoveField(
            model_name="site",
            name="status_note_vi",
        ),
        migrations.AlterField(
            model_name="historicalsite",
            name="status",
            field=models.CharField(
                choices=[
                    ("planned", "In the development plan"),
                    ("policy_pending", "Investment policy under review"),
                    ("established", "Established"),
                    ("site_clearance", "Site clearance"),
                    ("under_construction", "Infrastructure under construction"),
                    ("operational", "Operational"),
                ],
                editable=False,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="historicalsite",
            name="status_date",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="status as of"
            ),
        ),
        migrations.AlterField(
            model_name="historicalsite",
            name="status_date_precision",
            field=models.CharField(
                choices=[
                    ("day", "day"),
                    ("month", "month"),
                    ("quarter", "quarter"),
                    ("year", "year"),
                ],
                default="day",
                editable=False,
                max_length=10,
                verbose_name="precision of the status date",
            ),
        ),
        migrations.AlterField(
            model_name="site",
            name="status",
            field=models.CharField(
                choices=[
                    ("planned", "In the development plan"),
                    ("policy_pending", "Investment policy under review"),
                    ("established", "Established"),
                    ("site_clearance", "Site clearance"),
                    ("under_construction", "Infrastructure under construction"),
                    ("operational", "Operational"),
                ],
                editable=False,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="site",
            name="status_date",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="status as of"
            ),
        ),
        migrations.AlterField(
            model_name="site",
            name="status_date_precision",
            field=models.CharField(
                choices=[
                    ("day", "day"),
                    ("month", "month"),
                    ("quarter", "quarter"),
                    ("year", "year"),
                ],
                default="day",
                editable=False,
                max_length=10,
                verbose_name="precision of the status date",
            ),
        ),
        migrations.AlterField(
            model_name="sitecitation",
            name="supports",
            field=models.CharField(
                choices=[
                    ("general", "General"),
                    ("area", "Area"),
                    ("sectors", "Target sectors"),
                    ("location", "Location"),
                    ("administrative", "Administrative unit"),
                ],
                max_length=20,
                verbose_name="supports",
            ),
        ),
    ]
