"""
A project's facts are statements of the same shape and properties as a site's: its status
among them. Its status columns copy its current status statement, which is what its page, the
list and the open data show, whichever way the statement changes.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from investments.models import Project, ProjectStatement
from zones.models import Organisation, Sector, Source

pytestmark = pytest.mark.django_db

PAGE = "/en/projects/lechenwood-plywood/"


def listed_status(client, slug, with_sources=False):
    rows = client.get("/api/projects.json", {"q": "lechenwood"}).json()["projects"]
    row = next(row for row in rows if row["id"] == slug)
    if with_sources:
        return row["status"], row["status_dt"], row["status_src"]
    return row["status"], row["status_dt"]


def status_line(client):
    """The page's Status line: what its definition list says after "Status"."""
    body = client.get(PAGE).content.decode()
    return body.split("<dt>Status</dt><dd>", 1)[1].split("</dd>", 1)[0]


def new_status(project, **values):
    statement = ProjectStatement(
        project=project, kind=ProjectStatement.Kind.STATUS, position=1, **values
    )
    statement.full_clean()
    statement.save()
    statement.sources.set([Source.objects.get(key="S1")])
    return statement


def test_a_newer_reported_status_becomes_the_current_one_everywhere(client, facts, committed):
    project = Project.objects.get(slug="lechenwood-plywood")
    assert listed_status(client, project.slug) == ("operating", "2024-08-15")
    original_sources = listed_status(client, project.slug, with_sources=True)[2]
    assert original_sources != "S1"
    with committed():
        stalled = new_status(
            project, status="stalled", as_of=date(2025, 3, 1), text_en="Two lines stopped."
        )
    # The open data's sources are the current statement's, of the two (S1's, not the earlier's).
    assert listed_status(client, project.slug, with_sources=True) == (
        "stalled",
        "2025-03-01",
        "S1",
    )
    line = status_line(client)
    # The newest first, with its own words; the earlier one still beside it.
    assert line.index("Stalled") < line.index("Operating")
    assert "Two lines stopped." in line and "1 Mar 2025" in line
    # A plan never displaces what a source reports.
    with committed():
        stalled.nature = ProjectStatement.Nature.PLAN
        stalled.save()
    assert listed_status(client, project.slug, with_sources=True) == (
        "operating",
        "2024-08-15",
        original_sources,
    )


def test_a_status_moved_retyped_or_deleted_leaves_each_project_its_own(client, facts, committed):
    lechenwood = Project.objects.get(slug="lechenwood-plywood")
    other = Project.objects.get(slug="hoa-an-phuoc-paper-plant")
    before = listed_status(client, "lechenwood-plywood")
    with committed():
        later = new_status(lechenwood, status="stopped", as_of=date(2026, 1, 1))
    assert Project.objects.get(pk=lechenwood.pk).status == "stopped"
    # Moved to another project: it is that project's newest now, and no longer this one's.
    with committed():
        later.project = other
        later.save()
    assert listed_status(client, "lechenwood-plywood") == before
    assert Project.objects.get(pk=other.pk).status == "stopped"
    # Made another property: the other project's own status is back.
    with committed():
        later.kind, later.status = ProjectStatement.Kind.OUTPUT, ""
        later.text_en = "Plywood."
        later.save()
    assert Project.objects.get(pk=other.pk).status == "under_construction"
    # Deleted while it is the current one: the earlier status is current again.
    with committed():
        again = new_status(lechenwood, status="stopped", as_of=date(2026, 1, 1))
    assert Project.objects.get(pk=lechenwood.pk).status == "stopped"
    with committed():
        again.delete()
    assert listed_status(client, "lechenwood-plywood") == before


def test_a_status_statement_needs_a_status_and_only_it_has_one(facts):
    project = Project.objects.get(slug="lechenwood-plywood")
    without = ProjectStatement(project=project, kind=ProjectStatement.Kind.STATUS, position=1)
    with pytest.raises(ValidationError) as refused:
        without.full_clean()
    assert "status" in refused.value.message_dict
    misplaced = ProjectStatement(
        project=project, kind=ProjectStatement.Kind.OUTPUT, text="x", status="operating", position=1
    )
    with pytest.raises(ValidationError) as refused:
        misplaced.full_clean()
    assert list(refused.value.message_dict) == ["status"]


def investor_line(client):
    body = client.get(PAGE).content.decode()
    return body.split("<dt>Investor</dt><dd>", 1)[1].split("</dd>", 1)[0]


def test_the_investor_shown_everywhere_is_its_statements_body(client, facts, committed):
    """The page names the body its investor statement names, with that statement's sources."""
    project = Project.objects.get(slug="lechenwood-plywood")
    line = investor_line(client)
    assert "Lechenwood" in line and line.count('class="fn-ref"') == 2  # S20 and S22
    statement = project.investor_statement
    with committed():
        statement.organisation = Organisation.objects.get(slug="govina")
        statement.sources.set([Source.objects.get(key="S1")])
        statement.save()
    line = investor_line(client)
    assert "Govina" in line and "Lechenwood" not in line
    assert line.count('class="fn-ref"') == 1
    rows = client.get("/api/projects.json", {"q": "lechenwood"}).json()["projects"]
    row = next(row for row in rows if row["id"] == project.slug)
    assert row["inv_en"] == Organisation.objects.get(slug="govina").name_en
    assert project.slug in client.get("/en/organisations/govina/").content.decode()
    # Deleted: no source names an investor any more, and the page says so.
    with committed():
        statement.delete()
    assert "not named in the sources" in investor_line(client)
    assert Project.objects.get(pk=project.pk).investor is None


def test_the_approval_shown_everywhere_is_its_statements(client, facts, committed):
    """The decision and its date: the page's line, the list's order and the open data's."""
    project = Project.objects.get(slug="huyen-tung-export-footwear")
    page = f"/en/projects/{project.slug}/"

    def approval_line():
        body = client.get(page).content.decode()
        return body.split("<dt>Approval or licence</dt><dd>", 1)[1].split("</dd>", 1)[0]

    def approved():
        rows = client.get("/api/projects.json", {"q": "1856"}).json()["projects"]
        return next(row for row in rows if row["id"] == project.slug)["approved"]

    assert approval_line().startswith("1856/QĐ-UBND, Oct 2023")
    assert approval_line().count('class="fn-ref"') == 1  # S54
    assert approved() == "2023-10-01"
    statement = project.approval_statement
    with committed():
        statement.as_of, statement.as_of_precision = date(2023, 10, 12), "day"
        statement.sources.add(Source.objects.get(key="S1"))
        statement.save()
    assert approval_line().startswith("1856/QĐ-UBND, 12 Oct 2023")
    assert approval_line().count('class="fn-ref"') == 2
    assert approved() == "2023-10-12"
    # A decision number given anew is found by the search.
    with committed():
        statement.text_vi = statement.text_en = "1857/QĐ-UBND"
        statement.save()
    found = client.get("/api/projects.json", {"q": "1857"}).json()["projects"]
    assert [row["id"] for row in found] == [project.slug]
    with committed():
        statement.delete()
    assert "not stated" in approval_line()
    assert Project.objects.get(pk=project.pk).decision == ""


def test_the_sector_and_capacity_shown_everywhere_are_its_statements(client, facts, committed):
    """
    The sector: the page's line with its own sources, the list's filter, the search and the
    open data's code, all from the sector statement; the capacity a line of its own.
    """
    project = Project.objects.get(slug="govina-plywood")
    page = f"/en/projects/{project.slug}/"

    def line(label):
        body = client.get(page).content.decode()
        return body.split(f"<dt>{label}</dt><dd>", 1)[1].split("</dd>", 1)[0]

    def listed(**query):
        rows = client.get("/api/projects.json", query).json()["projects"]
        return {row["id"]: row["sector"] for row in rows}

    assert line("Sector").startswith("Plywood") and line("Sector").count('class="fn-ref"') == 1
    assert line("Capacity").startswith("120,000 m³ a year (first phase)")
    assert line("Capacity").count('class="fn-ref"') == 1  # S27
    assert listed(sector="plywood")[project.slug] == "plywood"
    statement = project.sector_statement
    with committed():
        statement.sector = Sector.objects.get(slug="paper")
        statement.sources.add(Source.objects.get(key="S1"))
        statement.save()
    assert line("Sector").startswith("Paper") and line("Sector").count('class="fn-ref"') == 2
    assert listed(sector="paper")[project.slug] == "paper"
    assert project.slug not in listed(sector="plywood")
    assert project.slug in listed(q="giay")
    with committed():
        statement.delete()
    assert "not stated" in line("Sector")
    assert Project.objects.get(pk=project.pk).sector is None


def test_a_sector_statement_names_its_sector_and_no_other_property_does(facts):
    project = Project.objects.get(slug="govina-plywood")
    with pytest.raises(ValidationError) as unnamed:
        ProjectStatement(project=project, kind=ProjectStatement.Kind.SECTOR).full_clean()
    assert "sector" in unnamed.value.error_dict
    plywood = Sector.objects.get(slug="plywood")
    with pytest.raises(ValidationError) as misplaced:
        ProjectStatement(
            project=project, kind=ProjectStatement.Kind.CAPACITY, text_vi="1", sector=plywood
        ).full_clean()
    assert "sector" in misplaced.value.error_dict


def test_reverting_a_project_to_an_old_record_keeps_the_copies_of_its_statements(facts):
    """
    A project's history holds its own fields, not the copies of its statements: a revert to
    a record from before its status changed brought the old status back into the list.
    """
    project = Project.objects.get(slug="lechenwood-plywood")
    project.description_en = "Before the revert."
    project.save()
    before = project.history.latest()
    new_status(project, status="stalled", as_of=date(2025, 3, 1))
    project.refresh_from_db()
    project.description_en = "After."
    project.save()

    before.instance.save()  # what the admin's "revert to this record" saves

    project.refresh_from_db()
    assert project.description_en == "Before the revert."
    assert (project.status, project.status_date) == ("stalled", date(2025, 3, 1))


def test_whether_it_is_fdi_is_a_statement_shown_and_filtered_everywhere(client, facts, committed):
    """
    "Domestic or foreign": the page's line with the source's words and its own footnotes, the
    list's filter and the open data, all from the origin statement, whichever way it changes.
    """
    project = Project.objects.get(slug="lechenwood-plywood")

    def line():
        body = client.get(PAGE).content.decode()
        return body.split("<dt>Domestic or foreign</dt><dd>", 1)[1].split("</dd>", 1)[0]

    def listed(fdi):
        rows = client.get("/api/projects.json", {"fdi": fdi}).json()["projects"]
        return {row["id"]: (row["fdi"], row["fdi_en"], row["fdi_src"]) for row in rows}

    assert line().startswith("FDI: 100% Chinese capital")
    assert line().count('class="fn-ref"') == 3  # S20, S21, S22
    assert listed("fdi")[project.slug] == (True, "100% Chinese capital", "S20, S21, S22")
    statement = project.origin_statement
    with committed():
        statement.origin = "domestic"
        statement.text_vi = statement.text_en = ""
        statement.save()
        statement.sources.set([Source.objects.get(key="S1")])
    assert line().startswith("Domestic<") and line().count('class="fn-ref"') == 1
    assert listed("domestic")[project.slug] == (False, None, "S1")
    assert project.slug not in listed("fdi")
    with committed():
        statement.delete()
    assert line() == '<span class="muted">not stated</span>'
    assert listed("unknown")[project.slug] == (None, None, None)
    assert Project.objects.get(pk=project.pk).is_fdi is None


def test_an_origin_statement_says_domestic_or_fdi_and_no_other_property_does(facts):
    project = Project.objects.get(slug="govina-plywood")
    with pytest.raises(ValidationError) as unsaid:
        ProjectStatement(
            project=project, kind=ProjectStatement.Kind.ORIGIN, text_vi="vốn Nhật Bản"
        ).full_clean()
    assert "origin" in unsaid.value.error_dict
    with pytest.raises(ValidationError) as misplaced:
        ProjectStatement(
            project=project, kind=ProjectStatement.Kind.CAPACITY, text_vi="1", origin="foreign"
        ).full_clean()
    assert "origin" in misplaced.value.error_dict
    # What no source was found to say needs no origin.
    ProjectStatement(
        project=project, kind=ProjectStatement.Kind.ORIGIN, nature="not_found", text_vi="-"
    ).full_clean()
