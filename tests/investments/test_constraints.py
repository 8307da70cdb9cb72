"""Project rules, enforced by clean() for editors and by the database for everything else."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_project_description_has_a_length_bound(db):
    project = ProjectFactory.build(description_vi="x" * 5001, site=None, investor=None, sector=None)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "description_vi" in error.value.message_dict
