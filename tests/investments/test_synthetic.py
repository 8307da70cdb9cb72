"""The synthetic data generator: marked, separate, and refused on the real data."""

import pytest
from django.core.management import CommandError, call_command

from investments.models import Project
from zones.models import Site

pytestmark = pytest.mark.django_db


def test_refuses_a_database_with_the_real_facts(facts):
    with pytest.raises(CommandError, match="real, sourced records"):
        call_command("generate_synthetic", sites=5, projects=5, verbosity=0)
    assert not Site.objects.filter(is_synthetic=True).exists()


def test_generates_marked_records_on_an_empty_database(db):
    call_command("generate_synthetic", sites=30, projects=200, verbosity=0)
    assert Site.objects.filter(is_synthetic=True).count() == 30
    assert Project.objects.filter(is_synthetic=True).count() == 200
    assert not Site.objects.filter(is_synthetic=False).exists()
    assert all("giả lập" in name for name in Site.objects.values_list("name_vi", flat=True))
    # Each project's status and investor are statements with their source, as a real one's.
    for project in Project.objects.all()[:20]:
        status, investor = project.status_statement, project.investor_statement
        assert (status.status, status.as_of) == (project.status, project.status_date)
        assert investor.organisation == project.investor
        # Its columns are its statements' copies: refreshing them changes nothing.
        copies = [getattr(project, name) for name in Project.COPIES]
        project.refresh_copies()
        assert [getattr(project, name) for name in Project.COPIES] == copies
        assert [source.key for source in status.sources.all()] == ["SYNTHETIC"]
    # Spread over Vietnam, not piled on one point.
    longitudes = {site.location["coordinates"][0] for site in Site.objects.all()}
    assert len(longitudes) == 30 and min(longitudes) > 102 and max(longitudes) < 110


def test_synthetic_pages_say_so(client, db):
    call_command("generate_synthetic", sites=2, projects=1, verbosity=0)
    site = Site.objects.first()
    page = client.get("/en" + site.get_absolute_url()).content.decode()
    assert "Synthetic data, generated for load tests: not real information." in page
