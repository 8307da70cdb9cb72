"""
The open data, read by the clients data users have: GDAL through pyogrio (as QGIS would),
openpyxl (as a spreadsheet would); frictionless, over HTTP, in test_open_data_http.py.
"""

import csv
import io
import json

import openpyxl
import pyogrio
import pytest
from openpyxl.utils import get_column_letter

from investments.exports import PROJECT_FIELDS
from zones.models import Site, Source, Statement
from zones.open_data import SITE_FIELDS


@pytest.mark.django_db
def test_the_geojson_opens_in_gdal_with_typed_short_fields(client, facts, tmp_path):
    response = client.get("/api/sites.geojson")
    assert response["Content-Type"] == "application/geo+json"
    path = tmp_path / "sites.geojson"
    path.write_bytes(response.content)
    assert len(pyogrio.list_layers(path)) == 1
    info = pyogrio.read_info(path)
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert max(len(name) for name in types) <= 10
    assert types["status_dt"].startswith("datetime64") and types["area_ha"] == "float64"
    assert types["dev_prop"] == "bool"
    assert info["features"] == Site.objects.count()
    _meta, _ids, _geometry, columns = pyogrio.raw.read(path, columns=["id", "name_en"])
    assert "thanh-binh" in list(columns[0])
    assert response.json()["license"] == "CC-BY-4.0"
    assert response.json()["describedBy"] == "http://testserver/api/datapackage.json"
    feature = next(f for f in response.json()["features"] if f["id"] == "quang-chu")
    assert feature["properties"]["name"] == "Cụm công nghiệp Quảng Chu"
    assert feature["properties"]["area_src"] == "S1"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "sheet", "date_format"),
    [
        ("/sites/download.xlsx", "Khu, cụm công nghiệp", "dd/mm/yyyy"),
        ("/en/sites/download.xlsx", "Sites", "d mmm yyyy"),
    ],
)
def test_the_sites_spreadsheet_opens_ready_to_read(client, facts, path, sheet, date_format):
    book = openpyxl.load_workbook(io.BytesIO(client.get(path).content))
    table = book.worksheets[0]
    assert table.title == sheet
    assert table.freeze_panes == "A2"
    last_column = get_column_letter(len(SITE_FIELDS))
    assert table.auto_filter.ref == f"A1:{last_column}{Site.objects.count() + 1}"
    headings = [cell.value for cell in table[1]]
    widths = {
        heading: table.column_dimensions[cell.column_letter].width
        for heading, cell in zip(headings, table[1], strict=True)
    }
    area = headings.index("Diện tích (ha)" if sheet != "Sites" else "Area (ha)")
    status_date = headings.index("Tình trạng tính đến ngày" if sheet != "Sites" else "Status as of")
    row = next(r for r in table.iter_rows(min_row=2) if r[0].value == "thanh-binh")
    assert row[area].number_format == "#,##0.0"
    assert row[status_date].number_format == date_format
    assert all(width >= len(heading) for heading, width in widths.items())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["", "/en"])
def test_the_sources_page_explains_every_field_and_links_the_package(client, facts, language):
    page = client.get(f"{language}/sources/").content.decode()
    assert 'href="/api/datapackage.json"' in page
    for open_field in SITE_FIELDS + PROJECT_FIELDS:
        assert f"<td><code>{open_field.name}</code></td>" in page, open_field.name
    assert "<code>site_clearance</code>" in page  # the codes, with their meaning


@pytest.mark.django_db
def test_the_statements_for_investors_are_open_data(client, facts):
    body = client.get("/api/investor-statements.json").json()
    substation = next(s for s in body["statements"] if s["id"] == "utilities-power-substation")
    assert substation["sources"] == ["S65"] and substation["as_of"] == "2022-12-26"
    assert substation["sites"] == ["thanh-binh"] and "110 kV" in substation["text_en"]
    gaps = [s for s in body["statements"] if s["nature"] == "not_found"]
    assert gaps and all(s["as_of"] is None for s in gaps)
    numbers = {document["number"] for document in body["planning_documents"]}
    assert {"1156/QĐ-UBND", "419/QĐ-UBND", "1288/QĐ-TTg"} <= numbers
    page = client.get("/en/sources/").content.decode()
    assert 'href="/api/investor-statements.json"' in page


@pytest.mark.django_db
def test_the_sites_area_is_the_figure_the_page_shows_with_its_date_precision(client, facts):
    """
    The open data read the area from a copy on the site record (now gone: the area is recorded
    as figures only); and a year-only date ("2025", S2) reached the file as 1 January with
    nothing to say so.
    """
    features = {
        f["id"]: f["properties"] for f in client.get("/api/sites.geojson").json()["features"]
    }
    assert features["quang-chu"]["area_ha"] == 74.4
    assert features["huyen-tung"]["area_date"] == "2025-01-01"
    assert features["huyen-tung"]["area_pre"] == "year"
    assert features["thanh-binh"]["area_pre"] == "day"
    header = client.get("/api/sites.csv").content.decode().splitlines()[0]
    assert '"area_date","area_pre"' in header


@pytest.mark.django_db
def test_the_projects_data_keep_each_number_with_its_qualifier(client, facts):
    """The footwear plant's "over 600 billion" was exported as exactly 600 billion, under a
    field that called every capital registered; "about 4 ha needed" as a plain 4 ha."""
    projects = {p["id"]: p for p in client.get("/api/projects.json").json()["projects"]}
    footwear = projects["huyen-tung-export-footwear"]
    assert (footwear["cap_qual"], footwear["cap_amount"], footwear["cap_unit"]) == (
        "exact",
        25_000_000,
        "usd",
    )
    assert (footwear["cap_vnd"], footwear["cap_vnd_q"]) == (600_000_000_000, "over")
    assert "registered_capital_vnd" not in footwear
    plywood = projects["thang-long-plywood-registering"]
    assert (plywood["area_ha"], plywood["area_qual"]) == (4, "about")
    text = client.get("/api/projects.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["id"] == "huyen-tung-export-footwear")
    assert (row["cap_vnd"], row["cap_vnd_q"]) == ("600000000000", "over")


@pytest.mark.django_db
def test_the_open_data_page_describes_the_dataset_for_search_engines(client, facts):
    body = client.get("/en/sources/").content.decode()
    block = body.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    dataset = json.loads(block)
    assert dataset["@type"] == "Dataset"
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    downloads = {d["contentUrl"] for d in dataset["distribution"]}
    assert "http://testserver/api/sources.csv" in downloads
    assert "http://testserver/api/investor-statements.json" in downloads
    assert "<" not in block  # nothing in it can end the element early


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/projects/download.xlsx", "/en/sites/download.xlsx"])
def test_a_downloaded_sheet_prints_one_page_wide_and_its_addresses_are_links(client, facts, path):
    """The .xlsx printed ten portrait pages with only the name column on the first, and its
    page addresses were plain text."""
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(path).content)).worksheets[0]
    assert sheet.page_setup.orientation == "landscape"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    pages = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.hyperlink]
    assert pages and all(cell.hyperlink.target == cell.value for cell in pages)
    assert all(cell.value.startswith("http://testserver/en/") for cell in pages)


@pytest.mark.django_db
def test_every_statement_is_one_csv_row_with_its_qualifier_period_and_nature(client, facts):
    """statements.csv: the JSON's statements, field for field, in the same order."""
    response = client.get("/api/statements.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    statements = client.get("/api/investor-statements.json").json()["statements"]
    assert [row["id"] for row in rows] == [s["id"] for s in statements]
    by_id = {row["id"]: row for row in rows}
    capital = by_id["approved-capital-2021-2023"]
    assert (capital["amount"], capital["qualifier"], capital["unit"]) == (
        "2921000000000.0",
        "over",
        "vnd",
    )
    assert (capital["from_year"], capital["to_year"], capital["sites"]) == ("2021", "2023", "")
    jobs = by_id["quang-chu-target-jobs"]
    assert (jobs["property"], jobs["nature"], jobs["sites"]) == ("workers", "target", "quang-chu")
    said = by_id["cam-giang-expected-operation"]
    assert (said["nature"], said["as_of"], said["as_of_prec"], said["to_year"]) == (
        "expectation",
        "2023-11-28",
        "day",
        "2025",
    )
    assert by_id["vang-muoi-nam-bang-lung-grading-2025"]["sites"] == "vang-muoi; nam-bang-lung"


def test_a_statements_sources_are_listed_in_the_pages_order_whatever_order_they_were_linked(
    client, facts
):
    """The open data listed them in the order the links were written (S2; S1 on one run)."""
    statement = Statement.objects.get(slug="quang-chu-target-jobs")
    statement.sources.clear()
    for key in ("S2", "S1"):
        statement.sources.add(Source.objects.get(key=key))
    records = client.get("/api/investor-statements.json").json()["statements"]
    assert next(s for s in records if s["id"] == statement.slug)["sources"] == ["S1", "S2"]
