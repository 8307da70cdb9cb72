"""Migrations: in step with the models, and safe to run forward over a populated database."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from investments.models import Project
from zones.models import Site, Statement


def apps_at(targets):
    """Migrate back to `targets` and give the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_the_latest():
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """A model change without its migration fails here (makemigrations --check)."""
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_migrating_forward_over_real_data_keeps_it():
    """Load the facts at the first migrations, then apply every later one over them."""
    # Write rows through the schema as it was at those migrations.
    old = apps_at([("zones", "0001_initial"), ("investments", "0001_initial")])
    OldSite = old.get_model("zones", "Site")
    OldProject = old.get_model("investments", "Project")
    site = OldSite.objects.create(
        slug="old-site",
        kind="cluster",
        name="Cụm cũ",
        name_vi="Cụm cũ",
        district="cho-moi",
        status="site_clearance",
        location_precision="commune",
        area_ha="12.50",  # the copy on the site record, with no area figure holding it
    )
    project = OldProject.objects.create(
        slug="old-project",
        name_vi="Dự án cũ",
        site=site,
        status="approved",
        registered_capital_vnd=7_000_000_000,  # copies on the project record, no figure
        area_ha="3.50",
    )
    # A figure had one source; the migration to several sources must keep it.
    OldSource = old.get_model("zones", "Source")
    OldFigure = old.get_model("zones", "ReportedFigure")
    source = OldSource.objects.create(key="OLD1", title="Bài cũ", publisher="Báo cũ")
    old.get_model("zones", "SiteCitation").objects.create(site=site, source=source, supports="area")
    old.get_model("investments", "ProjectCitation").objects.create(project=project, source=source)
    OldFigure.objects.create(
        slug="old-figure",
        kind="budget_allocation",
        label="Kinh phí cũ",
        label_vi="Kinh phí cũ",
        amount=58_000_000_000,
        unit="vnd",
        qualifier="nearly",
        source=source,
    )

    migrate_to_the_latest()

    assert Site.objects.get(slug="old-site").is_synthetic is False
    assert Project.objects.get(slug="old-project").site.slug == "old-site"
    figure = Statement.objects.get(slug="old-figure")
    assert list(figure.sources.values_list("key", flat=True)) == ["OLD1"]
    assert (figure.amount, figure.qualifier) == (58_000_000_000, "nearly")
    # The site's area, recorded one way since 0011: carried over as a figure with its sources.
    area = Statement.objects.get(kind="area", sites__slug="old-site")
    assert (area.amount, area.unit, area.position) == (12.5, "ha", 0)
    assert list(area.sources.values_list("key", flat=True)) == ["OLD1"]
    # The project's capital and area, recorded one way since investments 0008: as statements.
    figures = Project.objects.get(slug="old-project").statements.figures().order_by("kind")
    assert [(f.kind, f.amount, f.unit, f.position) for f in figures] == [
        ("area", Decimal("3.5"), "ha", 0),
        ("capital", 7_000_000_000, "vnd", 0),
    ]
    assert [list(f.sources.values_list("key", flat=True)) for f in figures] == [["OLD1"]] * 2


@pytest.mark.django_db(transaction=True)
def test_figures_and_statements_for_investors_become_one_kind_of_record():
    """
    zones 0012: a reported figure and a statement for investors, as they were, both come out
    as statements with their sites, sources and body; a target keeps saying it is one.
    """
    old = apps_at([("zones", "0011_site_area_recorded_as_figures")])
    site = old.get_model("zones", "Site").objects.create(
        slug="old-site",
        kind="cluster",
        name="Cụm cũ",
        name_vi="Cụm cũ",
        district="cho-moi",
        status="planned",
    )
    source = old.get_model("zones", "Source").objects.create(
        key="OLD1", title="Bài cũ", publisher="Báo cũ"
    )
    board = old.get_model("zones", "Organisation").objects.create(
        slug="old-board", name="Ban cũ", name_vi="Ban cũ", kind="state_agency"
    )
    target = old.get_model("zones", "ReportedFigure").objects.create(
        slug="old-target", kind="target", label="Việc làm", amount=10_000, unit="workers"
    )
    target.sites.add(site)
    target.sources.add(source)
    fact = old.get_model("zones", "InvestorFact").objects.create(
        slug="old-manager",
        topic="institutions",
        answers="manager",
        kind="fact",
        text="Ban cũ quản lý.",
        text_vi="Ban cũ quản lý.",
        text_en="The old board manages it.",
        rank=2,
        organisation=board,
    )
    fact.sites.add(site)
    fact.sources.add(source)
    old.get_model("zones", "InvestorFact").objects.create(
        slug="old-gap", topic="access", kind="not_found", text_vi="Không thấy.", text_en="None."
    )

    migrate_to_the_latest()

    target = Statement.objects.get(slug="old-target")
    assert (target.kind, target.nature, target.amount, target.unit) == (
        "workers",
        "target",
        10_000,
        "workers",
    )
    manager = Statement.objects.get(slug="old-manager")
    assert (manager.kind, manager.nature, manager.amount, manager.position) == (
        "manager",
        "report",
        None,
        2,
    )
    assert (manager.text_vi, manager.text_en, manager.organisation.slug) == (
        "Ban cũ quản lý.",
        "The old board manages it.",
        "old-board",
    )
    assert [s.slug for s in manager.sites.all()] == ["old-site"]
    assert [s.key for s in manager.sources.all()] == ["OLD1"]
    gap = Statement.objects.get(slug="old-gap")
    assert (gap.kind, gap.nature, gap.topic) == ("access", "not_found", "access")


@pytest.mark.django_db(transaction=True)
def test_the_expected_year_of_operation_becomes_a_statement_dated_when_said():
    """zones 0013: the year on the site record, with its citations, becomes an expectation."""
    old = apps_at([("zones", "0012_statements")])
    site = old.get_model("zones", "Site").objects.create(
        slug="old-site",
        kind="cluster",
        name="Cụm cũ",
        name_vi="Cụm cũ",
        district="cho-moi",
        status="planned",
        expected_operation_year=2025,
    )
    source = old.get_model("zones", "Source").objects.create(
        key="OLD1", title="Bài cũ", publisher="Báo cũ", published_year=2023
    )
    old.get_model("zones", "SiteCitation").objects.create(
        site=site, source=source, supports="expected", note_en="From Q4."
    )

    migrate_to_the_latest()

    expectation = Statement.objects.get(kind="operation", sites__slug="old-site")
    assert (expectation.nature, expectation.period_start, expectation.period_end) == (
        "expectation",
        2025,
        2025,
    )
    assert (expectation.as_of.year, expectation.as_of_precision) == (2023, "year")
    assert (expectation.text_en, expectation.note_en) == (
        "Expected to operate in 2025.",
        "From Q4.",
    )
    assert [s.key for s in expectation.sources.all()] == ["OLD1"]
    assert not Site.objects.get(slug="old-site").citations.exists()


@pytest.mark.django_db(transaction=True)
def test_the_founding_decision_becomes_a_statement_that_still_finds_its_site():
    """zones 0014: the decision on the site record, with its citations, becomes a statement."""
    old = apps_at([("zones", "0013_expected_operation_as_statements")])
    sites = old.get_model("zones", "Site").objects
    founded = sites.create(
        slug="old-founded",
        kind="cluster",
        name="Cụm cũ",
        name_vi="Cụm cũ",
        district="cho-moi",
        status="planned",
        founding_decision="999/QĐ-UBND",
        founding_date="2020-01-02",
    )
    unfounded = sites.create(
        slug="old-unfounded", kind="zone", name="Khu cũ", district="cho-moi", status="planned"
    )
    source = old.get_model("zones", "Source").objects.create(
        key="OLD1", title="Bài cũ", publisher="Báo cũ"
    )
    citations = old.get_model("zones", "SiteCitation").objects
    citations.create(site=founded, source=source, supports="founding")
    citations.create(site=unfounded, source=source, supports="founding", note_en="None was found.")

    migrate_to_the_latest()

    decision = Statement.objects.get(kind="founding", sites__slug="old-founded")
    assert (decision.nature, decision.text_vi, decision.as_of.isoformat()) == (
        "report",
        "999/QĐ-UBND",
        "2020-01-02",
    )
    assert [s.key for s in decision.sources.all()] == ["OLD1"]
    gap = Statement.objects.get(kind="founding", sites__slug="old-unfounded")
    assert (gap.nature, gap.text_en) == ("not_found", "None was found.")
    assert list(Site.objects.search("999 qd ubnd").values_list("slug", flat=True)) == [
        "old-founded"
    ]


@pytest.mark.django_db(transaction=True)
def test_the_developer_becomes_a_statement_with_its_sources_and_its_history():
    """
    zones 0017: the developer on the site record, with its citations, becomes a statement, and
    each change the site's history recorded of it a record of the statement's history.
    """
    old = apps_at([("zones", "0016_statement_history")])
    bodies = old.get_model("zones", "Organisation").objects
    first = bodies.create(
        slug="old-first", name="Công ty Một", name_vi="Công ty Một", kind="company"
    )
    second = bodies.create(
        slug="old-second", name="Công ty Hai", name_vi="Công ty Hai", kind="company"
    )
    sites = old.get_model("zones", "Site").objects
    common = {"kind": "cluster", "district": "cho-moi", "status": "planned"}
    developed = sites.create(
        slug="old-developed", name="Cụm một", developer=first, developer_is_proposed=True, **common
    )
    unnamed = sites.create(
        slug="old-unnamed",
        name="Cụm hai",
        developer_note_vi="Ngân sách địa phương.",
        developer_note_en="Funded by the local budget.",
        **common,
    )
    source = old.get_model("zones", "Source").objects.create(
        key="OLD2", title="Bài cũ", publisher="Báo cũ", published_on="2023-11-28"
    )
    citations = old.get_model("zones", "SiteCitation").objects
    citations.create(site=developed, source=source, supports="developer", note_en="Page 2.")
    citations.create(site=unnamed, source=source, supports="developer")
    # Its history: proposed, then appointed, then another body; a change of status between.
    history = old.get_model("zones", "HistoricalSite").objects
    for day, body, proposed, status in [
        (1, first, True, "planned"),
        (2, first, True, "established"),
        (3, first, False, "established"),
        (4, second, False, "established"),
    ]:
        history.create(
            id=developed.pk,
            slug=developed.slug,
            name=developed.name,
            developer=body,
            developer_is_proposed=proposed,
            history_date=f"2024-01-0{day}T00:00:00Z",
            history_type="+" if day == 1 else "~",
            history_change_reason=f"change {day}",
            **{**common, "status": status},
        )

    migrate_to_the_latest()

    statement = Statement.objects.get(kind="developer", sites__slug="old-developed")
    assert (statement.organisation.slug, statement.nature, statement.as_of.isoformat()) == (
        "old-first",
        "plan",
        "2023-11-28",
    )
    assert [s.key for s in statement.sources.all()] == ["OLD2"]
    assert statement.note_en == "Page 2."
    assert [
        (
            record.history_change_reason,
            record.organisation_id and record.organisation.slug,
            record.nature,
        )
        for record in statement.history.order_by("history_date")
    ] == [
        ("change 1", "old-first", "plan"),
        ("change 3", "old-first", "report"),
        ("change 4", "old-second", "report"),
    ]
    # Each record of its history names the site and the sources, as a new record would.
    earliest = statement.history.earliest()
    assert [row.site_id for row in earliest.sites.all()] == [statement.sites.get().pk]
    assert [row.source.key for row in earliest.sources.all()] == ["OLD2"]
    gap = Statement.objects.get(kind="developer", sites__slug="old-unnamed")
    assert (gap.nature, gap.text_en, gap.as_of, gap.organisation) == (
        "not_found",
        "Funded by the local budget.",
        None,
        None,
    )
    assert not Site.objects.first().citations.filter(supports="developer").exists()


@pytest.mark.django_db(transaction=True)
def test_the_status_becomes_a_statement_with_its_sources_and_its_history():
    """
    zones 0018: the status on the site record (with its note, its date and its citations)
    becomes a status statement, each change of it in the site's history a record of the
    statement's, and the public timeline reads them there.
    """
    old = apps_at([("zones", "0017_developer_as_statements")])
    site = old.get_model("zones", "Site").objects.create(
        slug="old-status",
        name="Cụm ba",
        kind="cluster",
        district="cho-moi",
        status="under_construction",
        status_note_vi="Đang xây dựng.",
        status_note_en="Being built.",
        status_date="2025-01-01",
        status_date_precision="year",
    )
    source = old.get_model("zones", "Source").objects.create(
        key="OLD3", title="Bài cũ", publisher="Báo cũ"
    )
    old.get_model("zones", "SiteCitation").objects.create(
        site=site, source=source, supports="status", note_en="Weak."
    )
    history = old.get_model("zones", "HistoricalSite").objects
    for day, status, note, as_of in [
        (1, "site_clearance", "Clearing.", "2021-01-01"),
        (2, "site_clearance", "Clearing.", "2021-01-01"),  # another field changed
        (3, "under_construction", "Being built.", "2025-01-01"),
    ]:
        history.create(
            id=site.pk,
            slug=site.slug,
            name=site.name,
            kind="cluster",
            district="cho-moi",
            status=status,
            status_note_vi=note,
            status_note_en=note,
            status_date=as_of,
            status_date_precision="year",
            history_date=f"2024-01-0{day}T00:00:00Z",
            history_type="+" if day == 1 else "~",
        )

    migrate_to_the_latest()

    site = Site.objects.get(slug="old-status")
    status = site.status_statement
    assert (status.status, status.text_en, status.as_of.isoformat(), status.as_of_precision) == (
        "under_construction",
        "Being built.",
        "2025-01-01",
        "year",
    )
    assert [s.key for s in status.sources.all()] == ["OLD3"] and status.note_en == "OLD3: Weak."
    assert [(entry["status"], entry["note"]) for entry in site.status_timeline()] == [
        ("site_clearance", "Clearing."),
        ("under_construction", "Being built."),
    ]
    assert status.history.earliest().history_date.day == 1
    assert not site.citations.filter(supports="status").exists()


@pytest.mark.django_db(transaction=True)
def test_a_projects_status_becomes_a_statement_with_its_sources_and_its_history():
    """
    investments 0010: the status on the project record (with its note, its date or period and
    its citations) becomes a status statement, each change of it in the project's history a
    record of the statement's.
    """
    old = apps_at(
        [("investments", "0009_project_statements"), ("zones", "0019_project_properties")]
    )
    project = old.get_model("investments", "Project").objects.create(
        slug="old-status-project",
        name="Nhà máy cũ",
        status="stalled",
        status_note_vi="Dừng.",
        status_note_en="Stopped for now.",
        status_period_en="first 9 months of 2021",
        status_period_vi="9 tháng đầu năm 2021",
    )
    source = old.get_model("zones", "Source").objects.create(
        key="OLD4", title="Bài cũ", publisher="Báo cũ"
    )
    old.get_model("investments", "ProjectCitation").objects.create(
        project=project, source=source, supports="status"
    )
    history = old.get_model("investments", "HistoricalProject").objects
    for day, status, note in [
        (1, "approved", "Approved."),
        (2, "approved", "Approved."),  # another field changed
        (3, "stalled", "Stopped for now."),
    ]:
        history.create(
            id=project.pk,
            slug=project.slug,
            name=project.name,
            status=status,
            status_note_en=note,
            status_date_precision="day",
            history_date=f"2024-01-0{day}T00:00:00Z",
            history_type="+" if day == 1 else "~",
        )

    migrate_to_the_latest()

    project = Project.objects.get(slug="old-status-project")
    status = project.status_statement
    assert (status.status, status.text_en, status.period_label_en, status.as_of) == (
        "stalled",
        "Stopped for now.",
        "first 9 months of 2021",
        None,
    )
    assert [s.key for s in status.sources.all()] == ["OLD4"]
    assert [(r.status, r.text_en) for r in status.history.order_by("history_date")] == [
        ("approved", "Approved."),
        ("stalled", "Stopped for now."),
    ]
    assert [row.source.key for row in status.history.earliest().sources.all()] == ["OLD4"]
    assert not project.citations.filter(supports="status").exists()
    assert (project.status, project.status_period_en) == ("stalled", "first 9 months of 2021")


@pytest.mark.django_db(transaction=True)
def test_a_projects_investor_becomes_a_statement_with_its_sources_and_its_history():
    """
    investments 0012: the investor on the project record and the citations for it become an
    investor statement dated by its earliest source, with the project's history of it.
    """
    old = apps_at(
        [("investments", "0011_project_status_copies"), ("zones", "0020_investor_property")]
    )
    organisation = old.get_model("zones", "Organisation")
    first = organisation.objects.create(slug="old-first", name="Công ty cũ", kind="company")
    second = organisation.objects.create(slug="old-second", name="Công ty mới", kind="company")
    project = old.get_model("investments", "Project").objects.create(
        slug="old-investor-project", name="Nhà máy cũ", status="approved", investor=second
    )
    sources = old.get_model("zones", "Source").objects
    dated = sources.create(key="OLD5", title="Bài", publisher="Báo", published_year=2022)
    undated = sources.create(key="OLD6", title="Bài khác", publisher="Báo")
    for source in (undated, dated):
        old.get_model("investments", "ProjectCitation").objects.create(
            project=project, source=source, supports="investor"
        )
    history = old.get_model("investments", "HistoricalProject").objects
    for day, investor in [(1, first), (2, second)]:
        history.create(
            id=project.pk,
            slug=project.slug,
            name=project.name,
            status="approved",
            status_date_precision="day",
            investor_id=investor.pk,
            history_date=f"2024-01-0{day}T00:00:00Z",
            history_type="+" if day == 1 else "~",
        )

    migrate_to_the_latest()

    project = Project.objects.get(slug="old-investor-project")
    investor = project.investor_statement
    assert (investor.organisation.slug, investor.as_of.year, investor.as_of_precision) == (
        "old-second",
        2022,
        "year",
    )
    assert sorted(s.key for s in investor.sources.all()) == ["OLD5", "OLD6"]
    named = [r.organisation.slug for r in investor.history.order_by("history_date")]
    assert named == ["old-first", "old-second"]
    assert not project.citations.filter(supports="investor").exists()
    assert project.investor.slug == "old-second"


@pytest.mark.django_db(transaction=True)
def test_the_rank_becomes_a_position_and_what_was_shown_first_is_preferred():
    """
    zones 0021: the old number (0 for what FACTS.md lists first) is kept as `position`; where
    sources differ on a property of one record, the one pages showed first is preferred. A
    dated series has no preferred value.
    """
    old = apps_at([("zones", "0020_investor_property")])
    site = old.get_model("zones", "Site").objects.create(
        slug="old-ranked", name="Cụm", kind="cluster", district="cho-moi", status="planned"
    )
    statements = old.get_model("zones", "Statement").objects
    for slug, kind, rank, as_of in [
        ("old-area-first", "area", 0, "2024-01-01"),
        ("old-area-second", "area", 1, "2020-01-01"),
        ("old-workers-2024", "workers", 0, "2024-01-01"),
        ("old-workers-2020", "workers", 1, "2020-01-01"),
    ]:
        statements.create(
            slug=slug, kind=kind, rank=rank, amount=1, unit="ha", label="x", as_of=as_of
        ).sites.add(site)

    migrate_to_the_latest()

    ranked = {
        s.slug: (s.rank, s.position) for s in Statement.objects.filter(sites__slug="old-ranked")
    }
    assert ranked == {
        "old-area-first": ("preferred", 0),
        "old-area-second": ("other", 1),
        "old-workers-2024": ("other", 0),
        "old-workers-2020": ("other", 1),
    }


@pytest.mark.django_db(transaction=True)
def test_a_projects_approval_becomes_a_statement_with_its_sources_and_its_history():
    """
    investments 0015: the decision's number and date on the project record and the citations
    for them become an approval statement, with the project's history of them.
    """
    old = apps_at([("investments", "0014_rank_and_position"), ("zones", "0022_approval_property")])
    projects = old.get_model("investments", "Project").objects
    project = projects.create(
        slug="old-approved",
        name="Nhà máy cũ",
        status="approved",
        decision="12/QĐ-UBND",
        approval_date="2023-10-01",
        approval_date_precision="month",
    )
    projects.create(slug="old-unapproved", name="Nhà máy khác", status="approved")
    source = old.get_model("zones", "Source").objects.create(
        key="OLD7", title="Bài", publisher="Báo"
    )
    old.get_model("investments", "ProjectCitation").objects.create(
        project=project, source=source, supports="approval"
    )
    history = old.get_model("investments", "HistoricalProject").objects
    for day, decision in [(1, "11/QĐ-UBND"), (2, "12/QĐ-UBND")]:
        history.create(
            id=project.pk,
            slug=project.slug,
            name=project.name,
            status="approved",
            status_date_precision="day",
            decision=decision,
            approval_date="2023-10-01",
            approval_date_precision="month",
            history_date=f"2024-01-0{day}T00:00:00Z",
            history_type="+" if day == 1 else "~",
        )

    migrate_to_the_latest()

    project = Project.objects.get(slug="old-approved")
    approval = project.approval_statement
    assert (approval.text_en, approval.as_of.isoformat(), approval.as_of_precision) == (
        "12/QĐ-UBND",
        "2023-10-01",
        "month",
    )
    assert [s.key for s in approval.sources.all()] == ["OLD7"]
    decisions = [r.text_vi for r in approval.history.order_by("history_date")]
    assert decisions == ["11/QĐ-UBND", "12/QĐ-UBND"]
    assert not project.citations.filter(supports="approval").exists()
    assert Project.objects.get(slug="old-unapproved").approval_statement is None


@pytest.mark.django_db(transaction=True)
def test_a_projects_sector_and_capacity_become_statements_with_their_sources_and_history():
    """
    investments 0018: the sector and the capacity on the project record, and the citations
    "for the sector and capacity", become a sector and a capacity statement with the
    project's history of them; a project cited only in general has those sources instead.
    """
    # Only investments goes back: zones' later migrations are not what is tested.
    old = apps_at([("investments", "0016_approval_copies")])
    sectors = old.get_model("zones", "Sector").objects
    wood, paper = (sectors.create(slug=slug, name=slug) for slug in ("old-wood", "old-paper"))
    sources = old.get_model("zones", "Source").objects
    general, for_sector = (
        sources.create(key=key, title="Bài", publisher="Báo") for key in ("OLD8", "OLD9")
    )
    projects = old.get_model("investments", "Project").objects
    cited = projects.create(
        slug="old-plywood",
        name="Nhà máy cũ",
        status="approved",
        sector=wood,
        capacity_vi="100.000 m³/năm",
        capacity_en="100,000 m³ a year",
    )
    uncited = projects.create(slug="old-paper-mill", name="Nhà máy giấy", status="approved")
    uncited.sector = paper
    uncited.save()
    citations = old.get_model("investments", "ProjectCitation").objects
    citations.create(project=cited, source=general, supports="general")
    citations.create(project=cited, source=for_sector, supports="sector")
    citations.create(project=uncited, source=general, supports="general")
    history = old.get_model("investments", "HistoricalProject").objects
    for day, sector in [(1, paper), (2, wood)]:
        history.create(
            id=cited.pk,
            slug=cited.slug,
            name=cited.name,
            status="approved",
            status_date_precision="day",
            approval_date_precision="day",
            sector=sector,
            capacity_vi="100.000 m³/năm",
            capacity_en="100,000 m³ a year",
            history_date=f"2024-01-0{day}T00:00:00Z",
            history_type="+" if day == 1 else "~",
        )

    migrate_to_the_latest()

    project = Project.objects.get(slug="old-plywood")
    sector = project.sector_statement
    assert sector.sector.slug == "old-wood"
    assert [s.key for s in sector.sources.all()] == ["OLD9"]
    assert [r.sector.slug for r in sector.history.order_by("history_date")] == [
        "old-paper",
        "old-wood",
    ]
    (capacity,) = project.statements.filter(kind="capacity")
    assert (capacity.text_vi, capacity.text_en) == ("100.000 m³/năm", "100,000 m³ a year")
    assert [s.key for s in capacity.sources.all()] == ["OLD9"]
    assert list(project.citations.values_list("source__key", "supports")) == [("OLD8", "general")]
    paper_mill = Project.objects.get(slug="old-paper-mill")
    assert [s.key for s in paper_mill.sector_statement.sources.all()] == ["OLD8"]
    assert not paper_mill.statements.filter(kind="capacity").exists()


@pytest.mark.django_db(transaction=True)
def test_whether_a_project_is_fdi_becomes_a_statement_with_its_sources_and_history():
    """
    investments 0022: a project's "FDI or domestic" becomes an origin statement with the
    project's history of it, sourced by its citations, or, where it has none, by the sources
    that name its investor, in its investor's words where its investor is of that origin
    (zones 0028 then drops them from the investor); a project of which nobody said gets none.
    """
    old = apps_at([("investments", "0020_history_without_copies")])
    sources = old.get_model("zones", "Source").objects
    cited_source, investor_source = (
        sources.create(key=key, title="Bài", publisher="Báo") for key in ("OLD6", "OLD7")
    )
    organisations = old.get_model("zones", "Organisation").objects
    investor = organisations.create(slug="old-investor", name="Công ty cũ", kind="company")
    foreign = organisations.create(
        slug="old-foreign",
        name="Công ty nước ngoài",
        kind="company",
        origin="foreign",
        origin_note="100% vốn Trung Quốc",
        origin_note_vi="100% vốn Trung Quốc",
        origin_note_en="100% Chinese capital",
    )
    projects = old.get_model("investments", "Project").objects
    cited = projects.create(
        slug="old-fdi", name="Nhà máy FDI", status="approved", is_fdi=True, investor=foreign
    )
    # Its investor's record says foreign: its words are not a domestic project's.
    uncited = projects.create(
        slug="old-domestic", name="Nhà máy", status="approved", is_fdi=False, investor=foreign
    )
    projects.create(slug="old-unsaid", name="Nhà máy khác", status="approved")
    old.get_model("investments", "ProjectCitation").objects.create(
        project=cited, source=cited_source, supports="general"
    )
    statement = old.get_model("investments", "ProjectStatement").objects.create(
        project=uncited, kind="investor", organisation=investor
    )
    statement.sources.set([investor_source])
    history = old.get_model("investments", "HistoricalProject").objects
    for day, is_fdi in [(1, None), (2, True)]:
        history.create(
            id=cited.pk,
            slug=cited.slug,
            name=cited.name,
            is_fdi=is_fdi,
            history_date=f"2024-01-0{day}T00:00:00Z",
            history_type="+" if day == 1 else "~",
        )

    migrate_to_the_latest()

    project = Project.objects.get(slug="old-fdi")
    origin = project.origin_statement
    assert (origin.origin, project.is_fdi) == ("foreign", True)
    assert [s.key for s in origin.sources.all()] == ["OLD6"]
    assert (origin.text_vi, origin.text_en) == ("100% vốn Trung Quốc", "100% Chinese capital")
    assert [r.origin for r in origin.history.order_by("history_date")] == ["", "foreign"]
    domestic = Project.objects.get(slug="old-domestic").origin_statement
    assert (domestic.origin, domestic.text_vi) == ("domestic", "")
    assert [s.key for s in domestic.sources.all()] == ["OLD7"]
    assert not Project.objects.get(slug="old-unsaid").statements.filter(kind="origin").exists()


@pytest.mark.django_db(transaction=True)
def test_a_sites_target_sectors_become_statements_and_no_citation_is_for_a_statement():
    """
    zones 0024: each sector on a site's list becomes a statement about the site naming it,
    with the sources and notes of the citations "for the target sectors" (or, where none is,
    of its general citations); those citations go. zones 0026: a citation "for the area" (the
    area is statements) becomes a general one, or goes where that one exists.
    """
    old = apps_at([("zones", "0023_sector_property")])
    sectors = old.get_model("zones", "Sector").objects
    metals, wood = (sectors.create(slug=slug, name=slug) for slug in ("old-metals", "old-wood"))
    sources = old.get_model("zones", "Source").objects
    decision, general = (
        sources.create(key=key, title="Bài", publisher="Báo") for key in ("OLD10", "OLD11")
    )
    sites = old.get_model("zones", "Site").objects
    cited, uncited = (
        sites.create(
            slug=slug,
            kind="cluster",
            name=slug,
            name_vi=slug,
            district="cho-moi",
            status="site_clearance",
            location_precision="commune",
        )
        for slug in ("old-cited", "old-uncited")
    )
    # One add at a time: the list's order is the order its links were written, and set()
    # writes a set of ids, whose order depends on the ids PostgreSQL hands out.
    cited.target_sectors.add(metals)
    cited.target_sectors.add(wood)
    uncited.target_sectors.set([wood])
    citations = old.get_model("zones", "SiteCitation").objects
    citations.create(
        site=cited, source=decision, supports="sectors", note_vi="Theo quyết định.", note_en="By."
    )
    citations.create(site=cited, source=general, supports="general")
    citations.create(site=uncited, source=general, supports="general")
    citations.create(site=cited, source=general, supports="area")
    citations.create(site=uncited, source=decision, supports="area")

    migrate_to_the_latest()

    def sectors_of(slug):
        statements = Statement.objects.filter(kind="sector", sites__slug=slug)
        return [
            (s.sector.slug, [source.key for source in s.sources.all()], s.note_en)
            for s in statements.order_by("position")
        ]

    assert sectors_of("old-cited") == [
        ("old-metals", ["OLD10"], "By."),
        ("old-wood", ["OLD10"], "By."),
    ]
    assert sectors_of("old-uncited") == [("old-wood", ["OLD11"], "")]

    def citations_of(slug):
        return sorted(Site.objects.get(slug=slug).citations.values_list("source__key", "supports"))

    assert citations_of("old-cited") == [("OLD11", "general")]
    assert citations_of("old-uncited") == [("OLD10", "general"), ("OLD11", "general")]
