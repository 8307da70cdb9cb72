"""
Restore a `backup_data` file into an empty, migrated database, all or nothing.

It refuses a database that already holds sites, projects or users, so that a restore can
never mix two registers; everything is loaded in one transaction. Rows are written in bulk,
model by model, in the order the backup lists them (Django's loaddata saves them one by one:
at national scale a quarter of an hour); the cached pages are marked stale once, at the end.
"""

import gzip
import json
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction

from common.caching import bump_data_version
from zones.models import Organisation, Site, Source

BATCH = 2000


def load_in_bulk(rows):
    """
    Write a backup's rows model by model with bulk_create, then their many-to-many rows;
    return the models written and the number of records. Each model's rows are read only
    once the models before it are written, so that a natural key (a user's group) names a
    row already there. Constraint checks wait for the end, as loaddata's do.
    """
    written, count = [], 0
    with connection.constraint_checks_disabled():
        for _label, model_rows in groupby(rows, key=lambda row: row["model"]):
            group = list(serializers.deserialize("python", list(model_rows)))
            if not group:
                continue
            model = type(group[0].object)
            count += len(group)
            with stamps_as_given(model):
                model._base_manager.bulk_create([loaded.object for loaded in group], BATCH)
            written.append(model)
            for name in {name for loaded in group for name in loaded.m2m_data}:
                through = model._meta.get_field(name).remote_field.through
                source, target = through_columns(model, name)
                through.objects.bulk_create(
                    [
                        through(**{source: loaded.object.pk, target: pk})
                        for loaded in group
                        for pk in loaded.m2m_data.get(name, ())
                    ],
                    BATCH,
                )
                written.append(through)
    connection.check_constraints(table_names=[model._meta.db_table for model in written])
    return written, count


@contextmanager
def stamps_as_given(model):
    """
    bulk_create stamps auto_now fields (`updated_at`) with the time of the restore, which a
    raw save does not: for this command's own writes, the backup's times are kept.
    """
    stamped = [
        (field, field.auto_now, field.auto_now_add)
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    for field, _now, _add in stamped:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, now, add in stamped:
            field.auto_now, field.auto_now_add = now, add


def through_columns(model, name):
    """The attnames of an auto-created through table's two foreign keys (from, to)."""
    field = model._meta.get_field(name)
    return field.m2m_column_name(), field.m2m_reverse_name()


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
        try:
            with gzip.open(backup, "rt", encoding="utf-8") as packed:
                rows = json.load(packed)
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise CommandError(
                f"{backup} is not a backup_data file (gzip): {error}. Nothing was restored."
            ) from None
        except ValueError as error:
            raise self.unreadable(backup, DeserializationError(error)) from None
        with transaction.atomic():
            # `migrate` made the Editor group; the backup brings it back with its own id.
            Group.objects.all().delete()
            try:
                written, count = load_in_bulk(rows)
            except (DeserializationError, DatabaseError, LookupError, TypeError) as error:
                # KeyError (LookupError): a row without "model"; TypeError: not a list of rows.
                raise self.unreadable(backup, error) from None
            # Ids were written as the backup gives them: the next new row must not reuse one.
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), written):
                    cursor.execute(statement)
            bump_data_version()
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write(self.style.WARNING("Dry run: the backup loads; rolled back."))
                return
        self.stdout.write(self.style.SUCCESS(f"Restored {backup}: {count} records."))

    def unreadable(self, backup, error):
        return CommandError(
            f"{backup} could not be read as a backup ({error.__class__.__name__}: "
            f"{str(error).splitlines()[0][:300] if str(error) else ''}). Nothing was restored."
        )
