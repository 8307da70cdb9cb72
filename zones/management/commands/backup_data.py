"""
Dump everything the portal holds, history and accounts included, to one compressed JSON file.

Primary keys are kept, because historical records refer to the rows they describe by id;
content types and permissions are referred to by natural key, so the file restores into any
empty database of the same schema (`restore_data`).
"""

import gzip
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
        with gzip.open(output, "wt", encoding="utf-8") as stream:
            call_command(
                "dumpdata",
                natural_foreign=True,
                exclude=EXCLUDED,
                stdout=stream,
                verbosity=0,
            )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {output}."))
