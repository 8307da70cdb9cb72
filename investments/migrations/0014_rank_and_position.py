"""A project's statements get the same rank and position as zones.Statement (zones 0021)."""

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


def preferred_first(apps, schema_editor):
    ProjectStatement = apps.get_model("investments", "ProjectStatement")
    statements = ProjectStatement.objects.exclude(kind="workers")
    mark_preferred(ProjectStatement, ((s, (s.kind, s.project_id)) for s in statements))


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0013_investor_copy"),
        ("zones", "0021_rank_and_position"),
    ]

    operations = [
        migrations.RemoveConstraint("projectstatement", "project_statement_unique_rank"),
        migrations.RenameField("projectstatement", "rank", "position"),
        migrations.RenameField("historicalprojectstatement", "rank", "position"),
        migrations.AlterField("projectstatement", "position", POSITION),
        migrations.AlterField("historicalprojectstatement", "position", POSITION),
        migrations.AddField("projectstatement", "rank", RANK),
        migrations.AddField("historicalprojectstatement", "rank", RANK),
        migrations.AlterModelOptions(
            name="projectstatement",
            options={
                "ordering": ["project", "kind", "position"],
                "verbose_name": "project statement",
                "verbose_name_plural": "project statements",
            },
        ),
        migrations.AddConstraint(
            "projectstatement",
            models.UniqueConstraint(
                fields=("project", "kind", "position"), name="project_statement_unique_position"
            ),
        ),
        migrations.RunPython(preferred_first, migrations.RunPython.noop),
    ]
