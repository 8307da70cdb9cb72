"""
A project's figures become its statements: the same value shape as zones.Statement (a number,
or words, or a body it names; a report, a plan, an expectation or a target), of the same list
of properties. The rows stay where they are, renamed; nothing is copied or lost.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("investments", "0008_capital_and_area_recorded_as_figures"),
        ("zones", "0019_project_properties"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="projectfigure", name="project_figure_amount_not_negative"
        ),
        migrations.RemoveConstraint(
            model_name="projectfigure", name="project_figure_range_in_order"
        ),
        migrations.RemoveConstraint(
            model_name="projectfigure", name="project_figure_period_in_order"
        ),
        migrations.RemoveConstraint(model_name="projectfigure", name="project_figure_unique_rank"),
        migrations.RenameModel("ProjectFigure", "ProjectStatement"),
        migrations.AlterModelOptions(
            name="projectstatement",
            options={
                "ordering": ["project", "kind", "rank"],
                "verbose_name": "project statement",
                "verbose_name_plural": "project statements",
            },
        ),
        migrations.AddField(
            model_name="projectstatement",
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
        migrations.AddField(
            model_name="projectstatement",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                help_text="The body the statement names (its page is linked), if any.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)ss",
                to="zones.organisation",
                verbose_name="organisation it names",
            ),
        ),
        migrations.AddField(
            model_name="projectstatement",
            name="text",
            field=models.TextField(
                blank=True,
                help_text="For a statement that is not a single figure, in the source's own terms.",
                max_length=2000,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="statement in words",
            ),
        ),
        migrations.AlterField(
            model_name="projectstatement",
            name="amount",
            field=models.DecimalField(
                blank=True,
                decimal_places=3,
                help_text="For a figure, as the source gives it, in the unit below: 2921000000000 for 2,921 billion. Empty for a statement in words.",
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
            model_name="projectstatement",
            name="kind",
            field=models.CharField(
                choices=[
                    ("capital", "Capital"),
                    ("area", "Area"),
                    ("workers", "Workers"),
                    ("output", "Output"),
                ],
                max_length=30,
                verbose_name="property",
            ),
        ),
        migrations.AlterField(
            model_name="projectstatement",
            name="label",
            field=models.CharField(blank=True, max_length=300, verbose_name="label"),
        ),
        migrations.AlterField(
            model_name="projectstatement",
            name="label_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="label"),
        ),
        migrations.AlterField(
            model_name="projectstatement",
            name="label_vi",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="label"),
        ),
        migrations.AlterField(
            model_name="projectstatement",
            name="project",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="statements",
                to="investments.project",
                verbose_name="project",
            ),
        ),
        migrations.AlterField(
            model_name="projectstatement",
            name="sources",
            field=models.ManyToManyField(
                related_name="project_statements", to="zones.source", verbose_name="sources"
            ),
        ),
        migrations.AlterField(
            model_name="projectstatement",
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
        migrations.AddConstraint(
            model_name="projectstatement",
            constraint=models.CheckConstraint(
                condition=models.Q(("amount__isnull", True), ("amount__gte", 0), _connector="OR"),
                name="project_statement_amount_not_negative",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectstatement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("amount_to__isnull", True),
                    models.Q(("amount__isnull", False), ("amount_to__gte", models.F("amount"))),
                    _connector="OR",
                ),
                name="project_statement_range_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectstatement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("period_start__isnull", True),
                    ("period_end__isnull", True),
                    ("period_start__lte", models.F("period_end")),
                    _connector="OR",
                ),
                name="project_statement_period_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectstatement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("amount__isnull", True), ("unit", "")),
                    models.Q(("amount__isnull", False), models.Q(("unit", ""), _negated=True)),
                    _connector="OR",
                ),
                name="project_statement_amount_with_unit",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectstatement",
            constraint=models.UniqueConstraint(
                fields=("project", "kind", "rank"), name="project_statement_unique_rank"
            ),
        ),
        migrations.AddField(
            model_name="projectstatement",
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
            model_name="projectstatement",
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
    ]
