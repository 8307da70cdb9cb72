"""
Restore a `backup_data` file into an empty, migrated database, all or nothing.

It refuses a database that already holds sites, projects or users, so that a restore can
never mix two registers; everything is loaded in one transaction.
"""

import gzip
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import transaction

from zones.models import Organisation, Site, Source


class Command(BaseCommand):
    help = "Load a backup_data file into an empty database (migrate it first)."

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="A file written by backup_data.")
        parser.add_argument("--dry-run", action="store_true", help="Load, then roll back.")

    def handle(self, *args, backup, dry_run, **options):
        if not backup.exists():
            raise CommandError(f"No such file: {backup}")
        holders = [Site, Source, Organisation, get_user_model()]
        if any(model.objects.exists() for model in holders):
            raise CommandError(
                "This database is not empty; restore into a freshly migrated database."
            )
        with tempfile.TemporaryDirectory() as folder:
            plain = Path(folder) / "backup.json"
            try:
                with gzip.open(backup, "rb") as packed:
                    plain.write_bytes(packed.read())
            except (OSError, EOFError) as error:
                raise CommandError(
                    f"{backup} is not a backup_data file (gzip): {error}. Nothing was restored."
                ) from None
            with transaction.atomic():
                # `migrate` made the Editor group; the backup brings it back with its own id.
                Group.objects.all().delete()
                try:
                    call_command("loaddata", str(plain), verbosity=0)
                except DeserializationError as error:
                    raise CommandError(
                        f"{backup} could not be read as a backup ({error.__class__.__name__}: "
                        f"{str(error).splitlines()[0][:300]}). Nothing was restored."
                    ) from None
                if dry_run:
                    transaction.set_rollback(True)
                    self.stdout.write(self.style.WARNING("Dry run: the backup loads; rolled back."))
                    return
        self.stdout.write(self.style.SUCCESS(f"Restored {backup}."))
