"""Sources are searched too (the portal's search box): their key, title, publisher and note."""

from django.db import migrations, models

from common.text import search_words

SEARCHED = ["key", "title", "publisher", "note_vi", "note_en"]  # Source.searchable_names()


def fill(apps, schema_editor):
    Source = apps.get_model("zones", "Source")
    changed = []
    for source in Source.objects.only("pk", *SEARCHED).iterator():
        text = " ".join(filter(None, (getattr(source, field) for field in SEARCHED)))
        source.search_text = search_words(text)
        changed.append(source)
    Source.objects.bulk_update(changed, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("zones", "0008_investor_fact_answers")]

    operations = [
        migrations.AddField(
            model_name="source",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
