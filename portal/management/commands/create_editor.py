"""Create (or update) a staff account in the Editor group, for the README's quick start."""

import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.roles import ensure_editor_group


class Command(BaseCommand):
    help = "Create an editor: a staff user who may update statuses and projects, not delete."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password",
            help="The password; asked for interactively when left out.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check, write nothing.")

    def handle(self, *args, username, email, password, dry_run, **options):
        User = get_user_model()
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        user = User.objects.filter(username=username).first() or User(username=username)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        with transaction.atomic():
            user.email = email or user.email
            user.is_staff = True
            user.is_superuser = False
            user.set_password(password)
            user.save()
            user.groups.add(ensure_editor_group())
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write(self.style.WARNING(f"Dry run: editor {username} not saved."))
                return
        self.stdout.write(self.style.SUCCESS(f"Editor {username} can now log in at /admin/."))
