"""
Dump everything the portal holds, history and accounts included, to one compressed JSON file.

Primary keys are kept, because historical records refer to the rows they describe by id;
content types and permissions are referred to by natural key, so the file restores into any
empty database of the same schema (`restore_data`).
"""

import gzip
import os
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.base import BaseCommand

# Rebuilt by `migrate` on the target database; restored by natural key where referenced.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]
# Rows that refer to content types or permissions, whose ids differ on the target database:
# written with natural keys. Every other row keeps its ids and refers by id, so that neither
# the backup nor the restore looks up a key per row (at national scale, a look-up per row and
# reference took the backup and the restore tens of minutes).
BY_NATURAL_KEY = {"admin.logentry", "auth.user", "auth.group"}
CHUNK = 2000


def backed_up_models():
    """Every model's rows but the excluded, in an order a restore can load them in."""
    models = serializers.sort_dependencies(
        [(config, None) for config in apps.get_app_configs()], allow_cycles=True
    )
    return [
        model
        for model in models
        if model._meta.app_label not in EXCLUDED
        and model._meta.label_lower not in EXCLUDED
        and not model._meta.proxy
        and model._meta.managed
    ]


def rows(model):
    """The model's rows in id order, with their many-to-many ids read once per chunk."""
    many = [
        field.name
        for field in model._meta.many_to_many
        if field.remote_field.through._meta.auto_created
    ]
    queryset = model._base_manager.order_by("pk").prefetch_related(*many)
    return queryset.iterator(chunk_size=CHUNK)


class Command(BaseCommand):
    help = "Write all data (sites, projects, sources, history, users) to a .json.gz file."

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path, help="File to write, e.g. backup.json.gz")

    def handle(self, *args, output, **options):
        # The backup holds password hashes: readable by its owner only, from the first byte.
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)  # also when the file was already there
        with os.fdopen(descriptor, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as stream:
            # One JSON list, as dumpdata writes it, made of one serialised list per model.
            stream.write("[")
            written = False
            for model in backed_up_models():
                natural = model._meta.label_lower in BY_NATURAL_KEY
                text = serializers.serialize(
                    "json", rows(model), use_natural_foreign_keys=natural, indent=None
                )
                body = text.strip()[1:-1].strip()
                if body:
                    stream.write((",\n" if written else "\n") + body)
                    written = True
            stream.write("\n]\n")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {output}."))
