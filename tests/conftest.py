import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def fresh_start():
    """
    Each test starts in Vietnamese with an empty cache: a request to /en/ must not leak into
    the next test, nor a page cached from a database that the last test rolled back.
    """
    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def import_previews_in_a_test_folder(settings, tmp_path):
    """Each test's import previews in its own folder, not the checkout's var/."""
    settings.PROJECT_IMPORT_PREVIEW_DIR = str(tmp_path / "import-previews")


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
