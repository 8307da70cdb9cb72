"""Project rules, enforced by clean() for editors and by the database for everything else."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("field", "value"), [("registered_capital_vnd", -1), ("area_ha", "-0.5")])
def test_negative_capital_or_area_is_refused(field, value):
    project = ProjectFactory.build(site=None, investor=None, sector=None, **{field: value})
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert field in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_a_project_description_has_a_length_bound(db):
    project = ProjectFactory.build(description_vi="x" * 5001, site=None, investor=None, sector=None)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "description_vi" in error.value.message_dict
