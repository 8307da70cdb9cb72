"""
The open data, read by the clients data users have: GDAL through pyogrio (as QGIS would),
openpyxl (as a spreadsheet would); frictionless, over HTTP, in test_open_data_http.py.
"""

import io

import openpyxl
import pyogrio
import pytest

from investments.exports import PROJECT_FIELDS
from zones.models import Site
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
    assert table.auto_filter.ref == f"A1:X{Site.objects.count() + 1}"
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
    gaps = [s for s in body["statements"] if s["kind"] == "not_found"]
    assert gaps and all(s["as_of"] is None for s in gaps)
    numbers = {document["number"] for document in body["planning_documents"]}
    assert {"1156/QĐ-UBND", "419/QĐ-UBND", "1288/QĐ-TTg"} <= numbers
    page = client.get("/en/sources/").content.decode()
    assert 'href="/api/investor-statements.json"' in page
