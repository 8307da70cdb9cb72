"""
A project's capital and area are recorded one way: as its figures, each with its sources, as
its page and the open data already read them. The copies on the project record
(registered_capital_vnd, area_ha) go; a value found there that no figure of the same kind and
unit holds is carried over first, as a figure citing the project's sources, so that nothing
is lost. (The copies' earlier values in the project's history go with the columns; the
figures carry the current ones.)
"""

from django.db import migrations
from django.db.models import Max

LABELS = {"capital": ("Vốn", "Capital", "vnd"), "area": ("Diện tích", "Area", "ha")}


def carry_over(apps, schema_editor):
    Project = apps.get_model("investments", "Project")
    ProjectFigure = apps.get_model("investments", "ProjectFigure")
    ProjectCitation = apps.get_model("investments", "ProjectCitation")
    for project in Project.objects.exclude(registered_capital_vnd=None, area_ha=None).iterator():
        given = {"capital": project.registered_capital_vnd, "area": project.area_ha}
        for kind, amount in given.items():
            label_vi, label_en, unit = LABELS[kind]
            figures = ProjectFigure.objects.filter(project=project, kind=kind)
            if amount is None or figures.filter(unit=unit, amount=amount).exists():
                continue
            rank = (figures.aggregate(highest=Max("rank"))["highest"] or -1) + 1
            figure = ProjectFigure.objects.create(
                project=project,
                kind=kind,
                label=label_vi,
                label_vi=label_vi,
                label_en=label_en,
                amount=amount,
                unit=unit,
                rank=rank,
            )
            cited = ProjectCitation.objects.filter(project=project).values_list("source", flat=True)
            figure.sources.add(*cited)


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
