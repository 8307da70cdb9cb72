"""The open data as a data portal reads it: frictionless, over HTTP, from a live server."""

import json
from urllib.request import urlopen

import frictionless
import pytest
from django.urls import get_resolver

from zones.models import Site, Source


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


def open_data_addresses():
    """Every open-data address the URL conf serves, found there rather than listed by hand."""
    return {
        f"/{pattern.pattern}"
        for pattern in get_resolver().url_patterns
        if str(pattern.pattern).startswith("api/") and pattern.name != "data-package"
    }


def test_the_package_lists_every_open_data_file_and_each_reads(served_facts):
    """investor-statements.json and projects.json were outside the package; sources were a
    web page only, so software could not resolve "S4"."""
    package = json.loads(urlopen(f"{served_facts}/api/datapackage.json").read())
    listed = {resource["path"].removeprefix(served_facts) for resource in package["resources"]}
    assert listed == open_data_addresses()
    for resource in frictionless.Package(f"{served_facts}/api/datapackage.json").resources:
        if resource.format == "csv":
            rows = resource.read_rows()
            assert rows, resource.name
        else:
            body = json.loads(urlopen(resource.path).read())
            # Every JSON file carries its licence and says where it is described.
            assert body["license"] == "CC-BY-4.0", resource.name
            assert body["describedBy"] == f"{served_facts}/api/datapackage.json"
    sources = frictionless.Package(f"{served_facts}/api/datapackage.json")
    keys = {row["id"] for row in sources.get_resource("sources").read_rows()}
    assert keys == set(Source.objects.values_list("key", flat=True))
    # Every key the sites' file cites resolves in the sources' file.
    cited = {
        key.strip()
        for row in sources.get_resource("sites").read_rows()
        for key in (row["area_src"] or "").split(",")
        if key.strip()
    }
    assert cited and cited <= keys
