"""
A project's capital and area are recorded one way: as its figures, each with its sources, as
its page and the open data already read them. The copies on the project record
(registered_capital_vnd, area_ha) go; a value found there that no figure of the same kind and
unit holds is carried over first, as a figure citing the project's sources, so that nothing
is lost. (The copies' earlier values in the project's history go with the columns; the
figures carry the current ones.)
"""

from django.db import migrations

LABELS = {"capital": ("Vốn", "Capital", "vnd"), "area": ("Diện tích", "Area", "ha")}


def carry_over(apps, schema_editor):
    """In bulk: at national scale, a few queries a project made this a quarter of an hour."""
    Project = apps.get_model("investments", "Project")
    ProjectFigure = apps.get_model("investments", "ProjectFigure")
    ProjectCitation = apps.get_model("investments", "ProjectCitation")
    held, highest_rank = set(), {}
    for project_id, kind, unit, amount, rank in ProjectFigure.objects.values_list(
        "project_id", "kind", "unit", "amount", "rank"
    ).iterator():
        held.add((project_id, kind, unit, amount))
        highest_rank[project_id, kind] = max(rank, highest_rank.get((project_id, kind), -1))
    new = []
    copies = Project.objects.exclude(registered_capital_vnd=None, area_ha=None)
    for project_id, capital, area in copies.values_list(
        "pk", "registered_capital_vnd", "area_ha"
    ).iterator():
        for kind, amount in (("capital", capital), ("area", area)):
            label_vi, label_en, unit = LABELS[kind]
            if amount is None or (project_id, kind, unit, amount) in held:
                continue
            new.append(
                ProjectFigure(
                    project_id=project_id,
                    kind=kind,
                    label=label_vi,
                    label_vi=label_vi,
                    label_en=label_en,
                    amount=amount,
                    unit=unit,
                    rank=highest_rank.get((project_id, kind), -1) + 1,
                )
            )
    ProjectFigure.objects.bulk_create(new, batch_size=2000)
    cited = {}
    for project_id, source_id in ProjectCitation.objects.values_list("project_id", "source_id"):
        cited.setdefault(project_id, set()).add(source_id)
    Through = ProjectFigure.sources.through
    Through.objects.bulk_create(
        [
            Through(projectfigure_id=figure.pk, source_id=source_id)
            for figure in new
            for source_id in sorted(cited.get(figure.project_id, ()))
        ],
        batch_size=5000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('investments', '0007_search_on_words'),
    ]

    operations = [
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name='project',
            name='project_area_not_negative',
        ),
        migrations.RemoveConstraint(
            model_name='project',
            name='project_capital_not_negative',
        ),
        migrations.RemoveIndex(
            model_name='project',
            name='project_capital_idx',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='area_ha',
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='registered_capital_vnd',
        ),
        migrations.RemoveField(
            model_name='project',
            name='area_ha',
        ),
        migrations.RemoveField(
            model_name='project',
            name='registered_capital_vnd',
        ),
    ]
