"""
Load the portal's sourced facts (fixtures/*.json) into the database.

The fixtures use natural keys, so loading them again updates the same rows instead of adding
new ones: running the command twice leaves the data as it was. Every record without a history
entry gets one ("loaded from the sourced fixtures"), so that the admin's history and the public
status timeline start from the sourced state.
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from investments.models import Project, ProjectStatement
from zones.models import Site, Statement

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
HISTORY_REASON = "Loaded from the sourced fixtures"


class Command(BaseCommand):
    help = "Load the sourced facts from fixtures/ (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Load inside a transaction, report what would change, then roll back.",
        )

    def handle(self, *args, dry_run=False, **options):
        fixture_files = sorted(FIXTURES_DIR.glob("*.json"))
        with transaction.atomic():
            call_command("loaddata", *map(str, fixture_files), verbosity=options["verbosity"])
            created = sum(self.record_first_history(model) for model in (Site, Project))
            created += sum(
                self.record_first_statement_history(model)
                for model in (Statement, ProjectStatement)
            )
            summary = (
                f"{Site.objects.count()} sites, {Project.objects.count()} projects; "
                f"{created} first history records."
            )
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write(self.style.WARNING(f"Dry run, nothing written: {summary}"))
                return
        self.stdout.write(self.style.SUCCESS(f"Facts loaded from {FIXTURES_DIR}: {summary}"))

    @staticmethod
    def record_first_statement_history(model):
        """
        As record_first_history(), one save each, so that the record keeps the statement's
        sites and sources as well (a bulk history record would not).
        """
        without_history = model.objects.exclude(pk__in=model.history.values("id"))
        statements = list(without_history.order_by("pk"))
        for statement in statements:
            statement._change_reason = HISTORY_REASON
            statement.save()
        return len(statements)

    @staticmethod
    def record_first_history(model):
        without_history = model.objects.exclude(pk__in=model.history.values("id")).order_by("pk")
        objects = list(without_history)
        model.history.bulk_history_create(objects, default_change_reason=HISTORY_REASON)
        return len(objects)
