"""
Each rule is enforced twice: clean() explains it to an editor, and the database refuses a row
that slips past the form. Both sides are tested.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import (
    FigureStatementFactory,
    ProjectFactory,
    ProjectStatementFactory,
    SiteFactory,
    SourceFactory,
)
from zones.models import Site

pytestmark = pytest.mark.django_db


def assert_refused_by_database(instance):
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


def test_negative_reported_amount_is_refused():
    figure = FigureStatementFactory.build(amount=-5)
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "amount" in error.value.message_dict
    assert_refused_by_database(figure)


def test_period_must_not_end_before_it_starts():
    figure = FigureStatementFactory.build(period_start=2023, period_end=2021)
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    # Tests run in Vietnamese, the editors' language.
    message = "Giai đoạn không thể kết thúc trước khi bắt đầu."
    assert error.value.message_dict["period_end"] == [message]
    assert_refused_by_database(figure)


@pytest.mark.parametrize("factory", [FigureStatementFactory, ProjectStatementFactory])
def test_a_range_cannot_end_below_its_start(factory):
    figure = factory.build(amount=85, amount_to=60, unit="percent")
    if factory is ProjectStatementFactory:
        figure.project = ProjectFactory()
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "amount_to" in error.value.message_dict
    assert_refused_by_database(figure)


def test_slugs_are_unique():
    SiteFactory(slug="same")
    duplicate = SiteFactory.build(slug="same", developer=None)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict
    assert_refused_by_database(duplicate)


def test_a_phase_belongs_to_a_zone():
    cluster = SiteFactory(kind=Site.Kind.CLUSTER)
    phase_of_cluster = SiteFactory.build(
        kind=Site.Kind.CLUSTER, parent=cluster, phase=1, developer=None
    )
    with pytest.raises(ValidationError) as error:
        phase_of_cluster.full_clean()
    assert "parent" in error.value.message_dict
    assert "kind" in error.value.message_dict
    # The database refuses a phase whose own kind is not "zone".
    assert_refused_by_database(phase_of_cluster)


def test_a_phase_needs_its_number():
    zone = SiteFactory(kind=Site.Kind.ZONE)
    phase = SiteFactory.build(kind=Site.Kind.ZONE, parent=zone, phase=None, developer=None)
    with pytest.raises(ValidationError) as error:
        phase.full_clean()
    assert error.value.message_dict["phase"] == ["Giai đoạn cần có số thứ tự."]
    assert_refused_by_database(phase)


def test_phase_numbers_are_unique_within_a_zone():
    zone = SiteFactory(kind=Site.Kind.ZONE)
    SiteFactory(kind=Site.Kind.ZONE, parent=zone, phase=1)
    again = SiteFactory.build(kind=Site.Kind.ZONE, parent=zone, phase=1, developer=None)
    with pytest.raises(ValidationError):
        again.full_clean()
    assert_refused_by_database(again)


def test_coordinates_must_be_on_earth():
    site = SiteFactory.build(location={"type": "Point", "coordinates": [205.0, 22.0]})
    with pytest.raises(ValidationError) as error:
        site.full_clean(exclude=["developer"])
    assert "location" in error.value.message_dict


def test_a_source_has_a_date_or_a_year_not_both():
    source = SourceFactory.build(published_year=2025)
    source.published_on = __import__("datetime").date(2025, 5, 1)
    with pytest.raises(ValidationError):
        source.full_clean()
    assert_refused_by_database(source)
