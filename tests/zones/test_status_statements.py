"""
A site's status is a statement (property Status) with its sources: its page, the comparison,
the map and the open data read the current one, and the site's status columns follow it
however a statement changes.
"""

import datetime

import pytest

from zones.models import Site, Source, Statement

pytestmark = pytest.mark.django_db


def status_of(client, slug):
    """(the site's columns, the open data's record, the page's status line) for a site."""
    site = Site.objects.get(slug=slug)
    features = client.get("/api/sites.geojson").json()["features"]
    record = next(f["properties"] for f in features if f["id"] == slug)
    page = client.get(f"/en/sites/{slug}/").content.decode()
    line = page.split("<dt>Status</dt>", 2)[2].split("</dd>", 1)[0]
    return (site.status, str(site.status_date)), (record["status"], record["status_dt"]), line


def test_the_site_follows_its_newest_reported_status_statement(client, facts, committed):
    cam_giang = Site.objects.get(slug="cam-giang")
    with committed():  # each edit publishes a new version of the cached files, as it commits
        newer = Statement.objects.create(
            slug="cam-giang-status-2025",
            kind=Statement.Kind.STATUS,
            status=Site.Status.UNDER_CONSTRUCTION,
            text_en="Infrastructure works started.",
            as_of=datetime.date(2025, 6, 1),
        )
        newer.sources.add(Source.objects.get(key="S2"))
        newer.sites.add(cam_giang)
    columns, opened, line = status_of(client, "cam-giang")
    assert columns == ("under_construction", "2025-06-01")
    assert opened == ("under_construction", "2025-06-01")
    assert "Infrastructure under construction" in line and "1 Jun 2025" in line
    # Each source's status stays on the page's timeline, oldest first.
    timeline = client.get("/en/sites/cam-giang/").content.decode().split('id="status-history"')[1]
    assert timeline.index("Site clearance") < timeline.index("Infrastructure works started.")

    # A plan, however new, is not what is so.
    with committed():
        planned = Statement.objects.create(
            slug="cam-giang-status-plan",
            kind=Statement.Kind.STATUS,
            nature=Statement.Nature.PLAN,
            status=Site.Status.OPERATIONAL,
            as_of=datetime.date(2026, 1, 1),
        )
        planned.sites.add(cam_giang)
    assert status_of(client, "cam-giang")[:2] == (("under_construction", "2025-06-01"),) * 2

    # Taken off the site, or deleted, the newer one no longer counts.
    with committed():
        newer.sites.clear()
    assert status_of(client, "cam-giang")[:2] == (("site_clearance", "2023-11-28"),) * 2
    with committed():
        newer.sites.add(cam_giang)
    assert status_of(client, "cam-giang")[:2] == (("under_construction", "2025-06-01"),) * 2
    # From the site's side too.
    with committed():
        cam_giang.statements.remove(newer)
    assert status_of(client, "cam-giang")[:2] == (("site_clearance", "2023-11-28"),) * 2
    with committed():
        cam_giang.statements.add(newer)
    assert status_of(client, "cam-giang")[:2] == (("under_construction", "2025-06-01"),) * 2
    with committed():
        newer.delete()
    columns, opened, line = status_of(client, "cam-giang")
    assert columns == opened == ("site_clearance", "2023-11-28")
    assert "Site clearance" in line and "28 Nov 2023" in line


def test_a_status_statement_needs_its_status_and_no_other_property_has_one(facts):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as missing:
        Statement(slug="x", kind=Statement.Kind.STATUS, as_of=datetime.date(2025, 1, 1)).clean()
    assert "status" in missing.value.message_dict
    with pytest.raises(ValidationError) as stray:
        Statement(slug="y", kind=Statement.Kind.POWER, text="Stable.", status="operational").clean()
    assert "status" in stray.value.message_dict


@pytest.mark.parametrize("slug", ["quang-chu", "vang-muoi", "nam-bang-lung"])
def test_where_two_sources_give_two_statuses_the_timeline_shows_each(client, facts, slug):
    """S1 (28/11/2023) found these clusters being cleared; S2 (2025) reports construction."""
    page = client.get(f"/en/sites/{slug}/").content.decode()
    timeline = page.split('id="status-history"')[1].split("</ol>", 1)[0]
    assert timeline.count("<li") == 2
    assert timeline.index("28 Nov 2023") < timeline.index("Site clearance")
    assert timeline.index("Site clearance") < timeline.index("2025")
    assert timeline.index("2025") < timeline.index("Infrastructure under construction")
    # The current status is the newer source's, and its line cites that source only.
    site = Site.objects.get(slug=slug)
    assert (site.status, site.status_statement.as_of.year) == ("under_construction", 2025)
    assert "S1" not in {source.key for source in site.status_statement.sources.all()}


def test_the_timeline_follows_the_dates_statuses_refer_to_not_when_recorded(client, facts):
    """A source found later that reports an older status takes its place in time."""
    older = Statement.objects.create(
        slug="cam-giang-status-2020",
        kind=Statement.Kind.STATUS,
        status=Site.Status.ESTABLISHED,
        text_en="Founded.",
        as_of=datetime.date(2020, 10, 16),
    )
    older.sources.add(Source.objects.get(key="S8"))
    older.sites.add(Site.objects.get(slug="cam-giang"))
    page = client.get("/en/sites/cam-giang/").content.decode()
    timeline = page.split('id="status-history"')[1].split("</ol>", 1)[0]
    assert timeline.index("Founded.") < timeline.index("Site clearance")
    # The newest is still the current status.
    assert Site.objects.get(slug="cam-giang").status == "site_clearance"


def test_reverting_a_site_to_an_old_record_keeps_the_status_its_statements_give(facts):
    """A revert to a record from before its status changed brought the old status back."""
    site = Site.objects.get(slug="cam-giang")
    site.description_en = "Before the revert."
    site.save()
    before = site.history.latest()
    newer = Statement.objects.create(
        slug="cam-giang-building",
        kind=Statement.Kind.STATUS,
        status=Site.Status.UNDER_CONSTRUCTION,
        as_of=datetime.date(2025, 6, 1),
    )
    newer.sites.add(site)

    before.instance.save()  # what the admin's "revert to this record" saves

    site.refresh_from_db()
    assert site.description_en == "Before the revert."
    assert (site.status, site.status_date) == ("under_construction", datetime.date(2025, 6, 1))
