"""
The sourced fixtures hold the facts of FACTS.md, each with its source, and load idempotently;
the provenance test at the end checks the rules over whatever the database holds.
"""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from investments.models import IS_FDI, Project, ProjectStatement
from tests.dumps import comparable_dump
from zones.models import Organisation, Site, SiteCitation, Source, Statement

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


def sources_of(figure):
    return sorted(figure.sources.values_list("key", flat=True))


def area_figures(slug):
    """A site's reported areas as (amount, qualifier, [source keys]), first shown first."""
    figures = (
        Statement.objects.figures().reported().filter(kind="area", sites__slug=slug).in_rank_order()
    )
    return [(f.amount, f.qualifier, sources_of(f)) for f in figures]


def first_developer(site):
    """The body a site's first developer statement names, or None."""
    named = [s.organisation for s in site.developers if s.nature != "not_found"]
    return named[0].name_vi if named else None


def test_six_clusters_with_their_areas_and_developers(facts):
    clusters = Site.objects.filter(kind=Site.Kind.CLUSTER).for_list()
    found = {site.slug: (site.area_figure.amount, first_developer(site)) for site in clusters}
    assert found == CLUSTERS


def test_areas_that_differ_are_each_kept_with_their_own_source(facts):
    assert area_figures("thanh-binh-phase-1") == [
        (Decimal("80.8"), "exact", ["S4"]),
        (Decimal("73.5"), "exact", ["S3"]),
        (Decimal("73"), "over", ["S19"]),
    ]
    assert area_figures("thanh-binh") == [
        (Decimal("161"), "about", ["S4"]),
        (Decimal("153"), "exact", ["S7"]),
        (Decimal("153.8"), "exact", ["S63"]),
        (Decimal("100"), "over", ["S19"]),
        (Decimal("153"), "exact", ["S65"]),  # S65 gives 153 ha too, in 2022: its own record
    ]
    assert area_figures("cam-giang") == [
        (Decimal("43"), "exact", ["S1"]),
        (Decimal("40"), "exact", ["S8"]),
    ]
    assert area_figures("quang-chu") == [
        (Decimal("74.4"), "exact", ["S1"]),
        (Decimal("74.5"), "exact", ["S2"]),
        (Decimal("74.9"), "about", ["S49"]),
    ]


def test_phase_two_developer_is_only_proposed(facts):
    developers = Statement.objects.filter(kind="developer")
    proposed = developers.get(nature="plan")
    assert proposed.organisation.slug == "onsen-fuji-bac-kan"
    assert [site.slug for site in proposed.sites.all()] == ["thanh-binh-phase-2"]
    assert sources_of(proposed) == ["S2", "S4"] and proposed.as_of.isoformat() == "2023-11-17"
    # Every other site's developer is reported, or reported as not named (Huyền Tụng).
    assert set(developers.values_list("nature", flat=True)) == {"report", "plan", "not_found"}


def test_the_zone_status_comes_from_the_sources_that_say_it(facts):
    """The audit found the zone shown operational citing S1, which does not say so."""
    zone = Site.objects.get(slug="thanh-binh")
    status = zone.status_statement
    assert (status.status, status.as_of.isoformat(), sources_of(status)) == (
        "operational",
        "2024-08-20",
        ["S30"],
    )
    # The site's own columns (filters, the map) copy it.
    assert (zone.status, zone.status_date) == (status.status, status.as_of)
    assert "duy nhất" not in zone.description_vi and "only" not in zone.description_en


@pytest.mark.parametrize(
    ("slug", "qualifier", "amount", "sources"),
    [
        ("approved-projects-2021-2023", "exact", 21, ["S1"]),
        ("approved-capital-2021-2023", "over", 2_921_000_000_000, ["S1"]),
        ("approved-fdi-projects-2021-2023", "exact", 1, ["S1"]),
        ("thanh-binh-phase-1-completion-budget", "nearly", 58_000_000_000, ["S1"]),
        ("cluster-infrastructure-budget", "about", 322_000_000_000, ["S1"]),
        ("thanh-binh-phase-2-planned-investment", "exact", 390_174_000_000, ["S7"]),
        ("clusters-total-area", "exact", Decimal("186.4"), ["S2", "S52"]),
        ("thanh-binh-exports-2021-s34", "over", 32_000_000, ["S34"]),
    ],
)
def test_reported_totals_keep_their_qualifier_and_sources(facts, slug, qualifier, amount, sources):
    figure = Statement.objects.get(slug=slug)
    assert (figure.qualifier, figure.amount, sources_of(figure)) == (qualifier, amount, sources)


def test_money_keeps_the_currency_the_source_uses(facts):
    exports = Statement.objects.get(slug="thanh-binh-exports-2021-s34")
    misaki = ProjectStatement.objects.get(project__slug="misaki-farm-produce", kind="capital")
    assert (exports.unit, misaki.unit, misaki.amount) == ("usd", "usd", 2_000_000)


def test_the_zone_over_time(facts):
    """Tenants (operating of total) and workers, each dated and sourced (FACTS.md)."""
    series = {
        (f.kind, f.as_of.isoformat() if f.as_of else None, f.amount, tuple(sources_of(f)))
        for f in Statement.objects.filter(
            sites__slug="thanh-binh", kind__in=["tenants", "operating_tenants", "workers"]
        )
    }
    assert {
        ("tenants", "2015-01-01", 4, ("S5", "S9")),
        ("tenants", "2023-04-30", 14, ("S31",)),
        ("operating_tenants", "2023-04-30", 11, ("S31",)),
        ("tenants", "2024-08-20", 14, ("S30",)),
        ("operating_tenants", "2024-08-20", 8, ("S30",)),
        ("workers", "2015-01-01", 500, ("S5",)),
        ("workers", "2021-01-01", 1200, ("S31",)),
        ("workers", "2024-08-20", 1000, ("S30",)),
    } <= series


def test_the_cluster_budget_is_one_figure_for_three_clusters(facts):
    figure = Statement.objects.get(slug="cluster-infrastructure-budget")
    assert set(figure.sites.values_list("slug", flat=True)) == {
        "huyen-tung",
        "vang-muoi",
        "nam-bang-lung",
    }


def test_approximate_locations_are_marked(facts):
    precision = dict(Site.objects.top_level().values_list("slug", "location_precision"))
    assert precision["vang-muoi"] == "district"
    assert precision["nam-bang-lung"] == "town"
    assert "exact" not in precision.values()  # no source gives an exact position
    assert Site.objects.get(slug="vang-muoi").location["coordinates"] == [106.08583, 22.16333]


def test_every_named_tenant_and_project_is_itemised(facts):
    """FACTS.md's T1–T17 in the zone and C1–C2 in the clusters, and nothing else."""
    by_site = {}
    for slug, site in Project.objects.values_list("slug", "site__slug"):
        by_site.setdefault(site, set()).add(slug)
    assert len(by_site.pop("thanh-binh")) == 17
    assert by_site == {
        "huyen-tung": {"huyen-tung-export-footwear"},
        "quang-chu": {"hoa-an-phuoc-paper-plant"},
    }
    footwear = Project.objects.get(slug="huyen-tung-export-footwear")
    assert footwear.investor.name_vi == "Công ty TNHH Sản xuất giày Chung Jye Bắc Kạn - Việt Nam"
    assert footwear.decision == "1856/QĐ-UBND"


def test_projects_with_differing_capitals_keep_every_figure(facts):
    capitals = ProjectStatement.objects.filter(project__slug="sahabak-mdf-phase-2", kind="capital")
    assert [(f.amount, sources_of(f)) for f in capitals.in_rank_order()] == [
        (1_140_000_000_000, ["S39"]),
        (Decimal("1142612000000"), ["S42"]),
        (1_076_000_000_000, ["S41"]),
    ]


def test_weak_copies_on_unrelated_sites_are_never_linked(facts):
    unlinked = set(Source.objects.filter(link_address=False).values_list("key", flat=True))
    assert unlinked == {"S54", "S60"}


def test_content_is_in_both_languages(facts):
    assert not Site.objects.filter(name_en="").exists()
    assert not Statement.objects.filter(kind="status", text_en="").exists()
    assert not Organisation.objects.filter(name_en="").exists()
    assert not Project.objects.filter(name_en="").exists()
    assert Source.objects.get(key="S1").published_on.isoformat() == "2023-11-28"


def test_provenance_of_everything_in_the_database(facts):
    """
    Over the whole database, not a list of fixtures: every value a page shows names a
    source that gives exactly that value, and every status has its date or says it has none.
    """
    problems = []
    # What no source was found to give is the one statement without a source.
    for figure in [
        *Statement.objects.filter(sources__isnull=True).exclude(nature="not_found"),
        *ProjectStatement.objects.filter(sources__isnull=True),
    ]:
        problems.append(f"{type(figure).__name__} {figure} has no source")
    for organisation in Organisation.objects.filter(sources__isnull=True):
        problems.append(f"organisation {organisation.slug} has no source")

    site_supports = {}
    for site_id, supports in SiteCitation.objects.values_list("site_id", "supports"):
        site_supports.setdefault(site_id, set()).add(supports)
    for site in Site.objects.all():
        needed = {"administrative"}
        needed |= {"location"} if site.location else set()
        if missing := needed - site_supports.get(site.pk, set()):
            problems.append(f"site {site.slug} has no source for {sorted(missing)}")
        # The area is recorded once, as figures; every site has one, with its own sources.
        first_area = Statement.objects.filter(kind="area", sites=site, position=0).first()
        if first_area is None or not first_area.sources.exists():
            problems.append(f"site {site.slug}: no first area figure with its sources")
        # Its status is a statement with its sources and date, and its columns copy it.
        status = site.status_statement
        if status is None or not status.sources.exists() or not status.as_of:
            problems.append(f"site {site.slug}: no dated status statement with its sources")
        elif (site.status, site.status_date) != (status.status, status.as_of):
            problems.append(f"site {site.slug}: its status columns are not its statement's")

    for project in Project.objects.all():
        # Its status is a statement with its sources and its date or period; its columns
        # copy it.
        status = project.status_statement
        if status is None or not status.sources.exists():
            problems.append(f"project {project.slug}: no status statement with its sources")
        elif (project.status, project.status_date, project.status_period) != (
            status.status,
            status.as_of,
            status.period_label,
        ):
            problems.append(f"project {project.slug}: its status columns are not its statement's")
        # Its investor too, where a source names one.
        investor = project.investor_statement
        if investor and not investor.sources.exists():
            problems.append(f"project {project.slug}: its investor statement has no source")
        if project.investor != (investor.organisation if investor else None):
            problems.append(f"project {project.slug}: its investor is not its statement's")
        # Its approval too, where a source gives one, and its columns copy it.
        approval = project.approval_statement
        if approval and not approval.sources.exists():
            problems.append(f"project {project.slug}: its approval statement has no source")
        copied = (project.decision, project.approval_date)
        if copied != ((approval.text_vi, approval.as_of) if approval else ("", None)):
            problems.append(f"project {project.slug}: its approval is not its statement's")
        if project.status_date and project.status_period:
            problems.append(f"project {project.slug}: both a status date and a period")
        # Its sector too: every project's sources name one, and its column copies it.
        sector = project.sector_statement
        if sector is None or not sector.sources.exists():
            problems.append(f"project {project.slug}: no sourced sector statement")
        elif project.sector != sector.sector:
            problems.append(f"project {project.slug}: its sector is not its statement's")
        # Whether it is FDI too, where a source says: with its sources, copied into is_fdi;
        # and the investor the source names is, on its own page, of the same origin.
        origin = project.origin_statement
        if origin and not origin.sources.exists():
            problems.append(f"project {project.slug}: its origin statement has no source")
        if project.is_fdi != (IS_FDI[origin.origin] if origin else None):
            problems.append(f"project {project.slug}: is_fdi is not its statement's")
        if origin and project.investor and project.investor.origin != origin.origin:
            problems.append(f"project {project.slug}: its investor's origin differs")
    assert problems == []


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


def test_every_statement_keeps_its_history_with_its_sites_and_sources(facts):
    """Loaded once each, with its sources; a later change of sources is a record of its own."""
    statement = Statement.objects.get(slug="institutions-board")
    (loaded,) = statement.history.all()
    assert loaded.history_change_reason == "Loaded from the sourced fixtures"
    assert [row.source.key for row in loaded.sources.all()] == ["S70"]
    assert [row.site.slug for row in loaded.sites.all()] == ["thanh-binh"]
    statement.sources.add(Source.objects.get(key="S1"))
    newest = statement.history.first()
    assert sorted(row.source.key for row in newest.sources.all()) == ["S1", "S70"]
    assert Statement.history.values("id").distinct().count() == Statement.objects.count()
