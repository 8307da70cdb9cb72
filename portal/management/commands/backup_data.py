"""
Dump everything the portal holds, history and accounts included, to one compressed JSON file.

Primary keys are kept, because historical records refer to the rows they describe by id;
content types and permissions are referred to by natural key, so the file restores into any
empty database of the same schema (`restore_data`).
"""

import gzip
import os
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

# Rebuilt by `migrate` on the target database; restored by natural key where referenced.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]


class Command(BaseCommand):
    help = "Write all data (sites, projects, sources, history, users) to a .json.gz file."

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path, help="File to write, e.g. backup.json.gz")

    def handle(self, *args, output, **options):
        # The backup holds password hashes: readable by its owner only, from the first byte.
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)  # also when the file was already there
        with os.fdopen(descriptor, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as stream:
            call_command(
                "dumpdata",
                natural_foreign=True,
                exclude=EXCLUDED,
                stdout=stream,
                verbosity=0,
            )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {output}."))
