"""search_text now holds whole words, and a project's also its description and sector."""

from django.db import migrations

from common.text import search_words

FIELDS = ["name_vi", "name_en", "decision", "capacity_vi", "capacity_en"]
FIELDS += ["description_vi", "description_en", "sector__name_vi", "sector__name_en"]


def refill(apps, schema_editor):
    project_model = apps.get_model("investments", "Project")
    changed = []
    for row in project_model.objects.values("pk", *FIELDS).iterator():
        text = " ".join(filter(None, (row[field] for field in FIELDS)))
        changed.append(project_model(pk=row["pk"], search_text=search_words(text)))
    project_model.objects.bulk_update(changed, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("investments", "0006_project_status_idx"), ("zones", "0007_search_on_words")]

    operations = [migrations.RunPython(refill, migrations.RunPython.noop)]
