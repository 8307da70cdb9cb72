"""The sourced fixtures hold the facts of FACTS.md, each with its source, and load idempotently."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from investments.models import Project
from tests.dumps import comparable_dump
from zones.models import Organisation, ReportedFigure, Site, Source

pytestmark = pytest.mark.django_db

CLUSTERS = {
    # slug: (area in ha, developer's Vietnamese name or None)
    "huyen-tung": (Decimal("16"), None),
    "quang-chu": (Decimal("74.4"), "Công ty Cổ phần Onsen Fuji Bắc Kạn"),
    "cam-giang": (Decimal("43"), "Công ty Cổ phần Nhựa đường dầu khí Việt Nam"),
    "thanh-thinh": (Decimal("50"), "Công ty Cổ phần Khoáng sản Bắc Kạn"),
    "vang-muoi": (Decimal("15"), "Trung tâm Khuyến công và Xúc tiến thương mại"),
    "nam-bang-lung": (Decimal("20"), "Trung tâm Khuyến công và Xúc tiến thương mại"),
}


def test_six_clusters_with_their_areas_and_developers(facts):
    clusters = Site.objects.filter(kind=Site.Kind.CLUSTER).select_related("developer")
    found = {
        site.slug: (site.area_ha, site.developer.name_vi if site.developer else None)
        for site in clusters
    }
    assert found == CLUSTERS


def test_the_zone_has_two_phases_with_the_newest_official_areas(facts):
    zone = Site.objects.get(slug="thanh-binh", parent__isnull=True)
    phases = {phase.phase: phase for phase in zone.phases.all()}
    assert sorted(phases) == [1, 2]
    assert phases[1].area_ha == Decimal("80.8")
    assert "73,5 ha" in phases[1].area_note_vi and "73.5 ha" in phases[1].area_note_en
    assert phases[2].area_ha == Decimal("80.3")
    assert phases[2].developer.slug == "onsen-fuji-bac-kan"


@pytest.mark.parametrize(
    ("slug", "qualifier", "amount", "source"),
    [
        ("approved-projects-2021-2023", "exact", 21, "S1"),
        ("approved-capital-2021-2023", "over", 2_921_000_000_000, "S1"),
        ("approved-fdi-projects-2021-2023", "exact", 1, "S1"),
        ("thanh-binh-phase-1-completion-budget", "nearly", 58_000_000_000, "S1"),
        ("cluster-infrastructure-budget", "about", 322_000_000_000, "S1"),
        ("thanh-binh-phase-2-planned-investment", "exact", 390_174_000_000, "S7"),
    ],
)
def test_reported_totals_keep_their_qualifier_and_source(facts, slug, qualifier, amount, source):
    figure = ReportedFigure.objects.get(slug=slug)
    assert (figure.qualifier, figure.amount, figure.source.key) == (qualifier, amount, source)


def test_the_cluster_budget_is_one_figure_for_three_clusters(facts):
    figure = ReportedFigure.objects.get(slug="cluster-infrastructure-budget")
    assert set(figure.sites.values_list("slug", flat=True)) == {
        "huyen-tung",
        "vang-muoi",
        "nam-bang-lung",
    }


def test_every_record_names_a_source(facts):
    assert not Site.objects.filter(citations__isnull=True, parent__isnull=True).exists()
    assert not Site.objects.filter(citations__isnull=True).exists()
    assert not Organisation.objects.filter(sources__isnull=True).exists()
    assert not Project.objects.filter(citations__isnull=True).exists()
    assert ReportedFigure.objects.filter(source__isnull=True).count() == 0


def test_approximate_locations_are_marked(facts):
    precision = dict(Site.objects.top_level().values_list("slug", "location_precision"))
    assert precision["vang-muoi"] == precision["nam-bang-lung"] == "district"
    assert set(precision.values()) <= {"commune", "district"}  # no source gives an exact one
    assert Site.objects.get(slug="cam-giang").location["coordinates"] == [105.86667, 22.20194]


def test_no_project_is_invented(facts):
    """Only the two projects a source names are itemised; the 21 stay a reported total."""
    assert set(Project.objects.values_list("slug", flat=True)) == {
        "huyen-tung-export-footwear",
        "hoa-an-phuoc-paper-plant",
    }
    assert not Project.objects.exclude(registered_capital_vnd__isnull=True).exists()


def test_content_is_in_both_languages(facts):
    assert not Site.objects.filter(name_en="").exists()
    assert not Site.objects.filter(status_note_en="").exists()
    assert Source.objects.get(key="S1").published_on.isoformat() == "2023-11-28"


def dump_all():
    """Every record of both apps, by natural key."""
    return comparable_dump("zones", "investments", natural_primary=True)


def test_loading_twice_changes_nothing(facts):
    before = dump_all()
    history_before = Site.history.count()
    call_command("load_facts", verbosity=0)
    assert dump_all() == before
    assert Site.history.count() == history_before


def test_dry_run_writes_nothing(db):
    call_command("load_facts", dry_run=True, verbosity=0)
    assert Site.objects.count() == 0


def test_natural_key_dump_and_load_round_trip(transactional_db, tmp_path):
    # transactional_db: PostgreSQL cannot flush tables inside the test's own transaction.
    call_command("load_facts", verbosity=0)
    dump_file = tmp_path / "dump.json"
    out = io.StringIO()
    call_command("dumpdata", "zones", "investments", natural_foreign=True,
                 natural_primary=True, stdout=out)  # fmt: skip
    dump_file.write_text(out.getvalue(), encoding="utf-8")
    before = dump_all()
    # Empty the database, then load the dump back: the natural keys resolve on any database.
    call_command("flush", interactive=False, verbosity=0)
    assert Site.objects.count() == 0
    call_command("loaddata", str(dump_file), verbosity=0)
    assert dump_all() == before
