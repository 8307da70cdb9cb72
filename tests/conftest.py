import pytest
from django.core.management import call_command


@pytest.fixture
def facts(db):
    """The real, sourced data from fixtures/, loaded the way `make run` loads it."""
    call_command("load_facts", verbosity=0)
