"""
One way to record a sourced fact: the reported figures and the statements for investors become
one model, Statement, each of one property (`kind`) from a controlled list, with what it is
(`nature`: a report, a plan, an expectation, a target, or not found) and a value that is a
number (with unit and qualifier, or a range) or a text in both languages.

ReportedFigure is renamed, keeping its rows and ids. A figure of the old kind "target" becomes
a statement whose nature is "target" and whose property is read from its unit. Every
InvestorFact is copied over, with its sites and sources, its question (`answers`) or else its
topic as the property; then InvestorFact goes. Nothing is dropped: a copied statement's slug
that an existing figure already uses gets a suffix.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

# An old "target" figure's property, from its unit (the facts' own targets are given theirs in
# fixtures/; this is for records an editor added).
TARGET_PROPERTY_BY_UNIT = {
    "projects": "approved_projects",
    "vnd": "registered_capital",
    "usd": "registered_capital",
    "ha": "area",
    "m2": "area",
    "percent": "progress",
    "workers": "workers",
    "firms": "tenants",
    "clusters": "clusters",
    "tonnes": "progress",
}

NATURE_OF_FACT_KIND = {"fact": "report", "plan": "plan", "not_found": "not_found"}


def into_statements(apps, schema_editor):
    Statement = apps.get_model("zones", "Statement")
    InvestorFact = apps.get_model("zones", "InvestorFact")
    for unit, kind in TARGET_PROPERTY_BY_UNIT.items():
        Statement.objects.filter(kind="target", unit=unit).update(kind=kind, nature="target")
    Statement.objects.filter(kind="target").update(kind="progress", nature="target")
    taken = set(Statement.objects.values_list("slug", flat=True))
    for fact in InvestorFact.objects.order_by("pk").prefetch_related("sites", "sources"):
        slug = fact.slug if fact.slug not in taken else f"{fact.slug}-statement"[:120]
        taken.add(slug)
        statement = Statement.objects.create(
            slug=slug,
            kind=fact.answers or fact.topic,
            nature=NATURE_OF_FACT_KIND[fact.kind],
            label="",
            label_vi="",
            label_en="",
            amount=None,
            unit="",
            text=fact.text or fact.text_vi or "",
            text_vi=fact.text_vi,
            text_en=fact.text_en,
            as_of=fact.as_of,
            as_of_precision=fact.as_of_precision,
            rank=fact.rank,
            organisation_id=fact.organisation_id,
        )
        statement.sites.set(fact.sites.all())
        statement.sources.set(fact.sources.all())


def back_to_two_models(apps, schema_editor):
    Statement = apps.get_model("zones", "Statement")
    InvestorFact = apps.get_model("zones", "InvestorFact")
    topics = {
        "distances": "access",
        "gateways": "access",
        "power": "utilities",
        "water": "utilities",
        "wastewater": "utilities",
        "land_rent": "land",
        "incentives": "policy",
        "manager": "institutions",
    }
    for statement in Statement.objects.filter(amount=None).prefetch_related("sites", "sources"):
        fact = InvestorFact.objects.create(
            slug=statement.slug,
            topic=topics.get(statement.kind, statement.kind),
            answers=statement.kind if statement.kind in topics else "",
            kind={"report": "fact", "not_found": "not_found"}.get(statement.nature, "plan"),
            text=statement.text,
            text_vi=statement.text_vi,
            text_en=statement.text_en,
            as_of=statement.as_of,
            as_of_precision=statement.as_of_precision,
            rank=statement.rank,
            organisation_id=statement.organisation_id,
        )
        fact.sites.set(statement.sites.all())
        fact.sources.set(statement.sources.all())
    Statement.objects.filter(amount=None).delete()
    Statement.objects.exclude(nature="report").update(kind="target")


KINDS = [
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
]
# The old list, for the way back: every new property fits the old field's length.
OLD_KINDS = [*KINDS[:17], ("target", "Target"), *KINDS[17:]]


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0011_site_area_recorded_as_figures"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="reportedfigure", name="figure_amount_not_negative"),
        migrations.RemoveConstraint(model_name="reportedfigure", name="figure_range_in_order"),
        migrations.RemoveConstraint(model_name="reportedfigure", name="figure_period_in_order"),
        migrations.RenameModel(old_name="ReportedFigure", new_name="Statement"),
        migrations.AlterModelOptions(
            name="statement",
            options={
                "ordering": ["kind", "rank", "slug"],
                "verbose_name": "statement",
                "verbose_name_plural": "statements",
            },
        ),
        migrations.AlterField(
            model_name="statement",
            name="kind",
            field=models.CharField(choices=OLD_KINDS, max_length=30, verbose_name="property"),
        ),
        migrations.AddField(
            model_name="statement",
            name="nature",
            field=models.CharField(
                choices=[
                    ("report", "Report"),
                    ("plan", "Plan"),
                    ("expectation", "Expectation"),
                    ("target", "Target"),
                    ("not_found", "Not found"),
                ],
                default="report",
                max_length=12,
                verbose_name="what it is",
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="label",
            field=models.CharField(blank=True, max_length=300, verbose_name="label"),
        ),
        migrations.AlterField(
            model_name="statement",
            name="label_vi",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="label"),
        ),
        migrations.AlterField(
            model_name="statement",
            name="label_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="label"),
        ),
        migrations.AlterField(
            model_name="statement",
            name="amount",
            field=models.DecimalField(
                blank=True,
                decimal_places=3,
                help_text=(
                    "For a figure, as the source gives it, in the unit below: 2921000000000 "
                    "for 2,921 billion. Empty for a statement in words."
                ),
                max_digits=20,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, "A reported amount cannot be negative."
                    )
                ],
                verbose_name="amount",
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="unit",
            field=models.CharField(
                blank=True,
                choices=[
                    ("vnd", "đồng"),
                    ("usd", "US dollars"),
                    ("ha", "hectares"),
                    ("m2", "square metres"),
                    ("percent", "per cent"),
                    ("projects", "projects"),
                    ("clusters", "industrial clusters"),
                    ("firms", "firms"),
                    ("workers", "workers"),
                    ("tonnes", "tonnes"),
                ],
                max_length=10,
                verbose_name="unit or currency",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="text",
            field=models.TextField(
                blank=True,
                help_text="For a statement that is not a single figure, in the source's own terms.",
                max_length=2000,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="statement in words",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="text_vi",
            field=models.TextField(
                blank=True,
                help_text="For a statement that is not a single figure, in the source's own terms.",
                max_length=2000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="statement in words",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="text_en",
            field=models.TextField(
                blank=True,
                help_text="For a statement that is not a single figure, in the source's own terms.",
                max_length=2000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="statement in words",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                help_text="The body the statement names (its page is linked), if any.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="statements",
                to="zones.organisation",
                verbose_name="organisation it names",
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="sites",
            field=models.ManyToManyField(
                blank=True,
                related_name="statements",
                to="zones.site",
                verbose_name="sites concerned",
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="sources",
            field=models.ManyToManyField(
                blank=True, related_name="statements", to="zones.source", verbose_name="sources"
            ),
        ),
        migrations.RunPython(into_statements, back_to_two_models, elidable=False),
        migrations.AlterField(
            model_name="statement",
            name="kind",
            field=models.CharField(choices=KINDS, max_length=30, verbose_name="property"),
        ),
        migrations.DeleteModel(name="InvestorFact"),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.CheckConstraint(
                condition=models.Q(("amount__isnull", True), ("amount__gte", 0), _connector="OR"),
                name="statement_amount_not_negative",
            ),
        ),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("amount_to__isnull", True),
                    models.Q(("amount__isnull", False), ("amount_to__gte", models.F("amount"))),
                    _connector="OR",
                ),
                name="statement_range_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("period_start__isnull", True),
                    ("period_end__isnull", True),
                    ("period_start__lte", models.F("period_end")),
                    _connector="OR",
                ),
                name="statement_period_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("amount__isnull", True), ("unit", "")),
                    models.Q(("amount__isnull", False), models.Q(("unit", ""), _negated=True)),
                    _connector="OR",
                ),
                name="statement_amount_with_unit",
            ),
        ),
    ]
