"""The open data as a data portal reads it: frictionless, over HTTP, from a live server."""

import frictionless
import pytest

from zones.models import Site


@pytest.fixture
def served_facts(unchanged_facts, live_portal, settings):
    """The facts, committed and served over HTTP, with absolute addresses on that server."""
    settings.PORTAL_ORIGIN = live_portal.url
    return live_portal.url


def test_the_data_package_is_valid_and_describes_every_file(served_facts):
    report = frictionless.validate(f"{served_facts}/api/datapackage.json")
    errors = report.flatten(["type", "fieldName", "rowNumber", "note"])
    assert report.valid, errors[:10]
    package = frictionless.Package(f"{served_facts}/api/datapackage.json")
    assert package.licenses[0]["name"] == "CC-BY-4.0"
    sites = package.get_resource("sites").read_rows()
    assert len(sites) == Site.objects.count()
    thanh_binh = next(row for row in sites if row["id"] == "thanh-binh")
    assert thanh_binh["kind"] == "zone" and thanh_binh["status_dt"].isoformat() == "2024-08-20"
    projects = package.get_resource("projects").read_rows()
    assert {row["site"] for row in projects} <= {row["id"] for row in sites} | {None}
