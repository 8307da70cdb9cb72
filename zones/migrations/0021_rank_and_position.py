"""
A statement's rank is Wikidata's now: preferred, other or superseded. The number that was
called rank (0 for what FACTS.md lists first) keeps its values as `position`. Where sources
differ on a property of the same record (not a dated series), the one FACTS.md lists first is
the preferred one: the one pages showed first as "rank 0".
"""

from django.db import migrations, models

from zones.migration_history import mark_preferred

RANK = models.CharField(
    choices=[("preferred", "preferred"), ("other", "other"), ("superseded", "superseded")],
    default="other",
    help_text=(
        "Preferred: the one shown first where sources differ. Superseded: a value a later "
        "source corrected, shown only as such."
    ),
    max_length=10,
    verbose_name="rank",
)
POSITION = models.PositiveSmallIntegerField(
    default=0,
    help_text="0 for the one FACTS.md lists first; higher for the other sources'.",
    verbose_name="position",
)
SERIES = [
    "tenants",
    "operating_tenants",
    "workers",
    "land_let",
    "revenue",
    "exports",
    "budget_paid",
    "progress",
]


def preferred_first(apps, schema_editor):
    Statement = apps.get_model("zones", "Statement")
    statements = Statement.objects.exclude(kind__in=SERIES).prefetch_related("sites")
    mark_preferred(
        Statement, ((s, (s.kind, frozenset(site.pk for site in s.sites.all()))) for s in statements)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0020_investor_property"),
    ]

    operations = [
        migrations.RenameField("statement", "rank", "position"),
        migrations.RenameField("historicalstatement", "rank", "position"),
        migrations.AlterField("statement", "position", POSITION),
        migrations.AlterField("historicalstatement", "position", POSITION),
        migrations.AddField("statement", "rank", RANK),
        migrations.AddField("historicalstatement", "rank", RANK),
        migrations.AlterModelOptions(
            name="statement",
            options={
                "ordering": ["kind", "position", "slug"],
                "verbose_name": "statement",
                "verbose_name_plural": "statements",
            },
        ),
        migrations.RunPython(preferred_first, migrations.RunPython.noop),
    ]
