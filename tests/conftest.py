import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Vietnamese: a request to /en/ must not leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def facts(db):
    """The real, sourced data from fixtures/, loaded the way `make run` loads it."""
    call_command("load_facts", verbosity=0)


@pytest.fixture
def editor(db, django_user_model):
    """A Department editor, created the way the README says."""
    call_command("create_editor", "bien-tap-vien", password="Bac-Kan-2023-editor", verbosity=0)
    return django_user_model.objects.get(username="bien-tap-vien")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
