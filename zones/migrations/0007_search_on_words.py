"""search_text now holds whole words (" van ep "), and a site's also its description."""

from django.db import migrations

from common.text import search_words

# The fields each model's searchable_names() reads, as of this migration.
SEARCHED = {
    "Organisation": ["name_vi", "name_en"],
    "Site": [
        "name_vi",
        "name_en",
        "commune_vi",
        "commune_en",
        "founding_decision",
        "description_vi",
        "description_en",
    ],
    "PlanningDocument": ["number", "issuer_vi", "issuer_en", "subject_vi", "subject_en"],
}


def refill(apps, schema_editor):
    for model_name, fields in SEARCHED.items():
        model = apps.get_model("zones", model_name)
        changed = []
        for record in model.objects.only("pk", *fields).iterator():
            text = " ".join(filter(None, (getattr(record, field) for field in fields)))
            record.search_text = search_words(text)
            changed.append(record)
        model.objects.bulk_update(changed, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("zones", "0006_planning_documents")]

    operations = [migrations.RunPython(refill, migrations.RunPython.noop)]
