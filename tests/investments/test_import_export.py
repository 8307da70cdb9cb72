"""
Projects in and out of spreadsheets: the import previews before writing and writes nothing
when any row is wrong; exports keep numbers as numbers, dates as dates and formulas inert.
"""

import csv
import io
import os
import re
import time
import zipfile
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from investments.imports import EDITOR_SALT, SIGNING_SALT, preview_folder
from investments.models import Project
from investments.resources import ProjectResource
from tests.factories import ProjectFactory, ProjectStatementFactory
from zones.models import Organisation, Site, Source

pytestmark = pytest.mark.django_db

XLSX, CSV = "0", "1"  # positions of the formats in ProjectAdmin.formats
with translation.override("vi"):
    NAME_BY_HEADING = {
        heading: name for name, heading, _how in ProjectResource().template_columns()
    }
CODES = list(NAME_BY_HEADING.values())


def template_order(headers):
    """The field name behind each heading (a heading may also be the field's code)."""
    return [NAME_BY_HEADING.get(header, header) for header in headers]


def template_headers(client):
    response = client.get(reverse("admin:investments_project_import_template"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    headers = [cell.value for cell in book.worksheets[0][1]]
    return headers, book


def xlsx_file(headers, rows, name="du-an.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row[name] for name in template_order(headers)])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(headers, rows, name="du-an.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([[row[name] for name in template_order(headers)] for row in rows])
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"))


def good_row(code="nha-may-moi", **changes):
    """A valid row, as a dict of field name to cell value."""
    row = {
        "slug": code,
        "name_vi": "Nhà máy mới",
        "name_en": "New plant",
        "site": "quang-chu",
        "investor": "onsen-fuji-bac-kan",
        "sector": "paper",
        "area_ha": 12.5,
        "capital_vnd": 150_000_000_000,
        "is_fdi": "không",
        "approval_date": date(2023, 5, 4),
        "status": "approved",
        "status_date": "",
        "sources": "S1",
    }
    row.update(changes)
    return row


def preview(client, upload, file_format=XLSX):
    return client.post(
        reverse("admin:investments_project_import"),
        {"import_file": upload, "format": file_format},
    )


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(reverse("admin:investments_project_process_import"), form.initial)


def test_template_has_the_columns_and_a_sheet_explaining_them(admin_client, facts):
    headers, book = template_headers(admin_client)
    assert headers[0] == "Mã dự án"
    assert book.worksheets[0].max_row == 1  # no example data, only the headers
    guide = [[cell.value for cell in row] for row in book.worksheets[1].iter_rows()]
    assert len(guide) == len(headers) + 1
    assert all(explanation for _column, explanation in guide[1:])


def test_import_previews_then_writes_and_reimport_updates(admin_client, facts):
    headers, _book = template_headers(admin_client)
    response = preview(admin_client, xlsx_file(headers, [good_row()]))
    assert response.status_code == 200
    assert "confirm_form" in response.context
    assert not Project.objects.filter(slug="nha-may-moi").exists()  # nothing written yet

    confirm(admin_client, response)
    project = Project.objects.with_first_amounts().get(slug="nha-may-moi")
    assert project.capital_vnd == 150_000_000_000
    assert project.is_fdi is False
    assert project.approval_date == date(2023, 5, 4)
    assert [c.source.key for c in project.citations.all()] == ["S1"]
    assert project.history.first().history_user.username == "admin"

    count = Project.objects.count()
    changed = xlsx_file(headers, [good_row(capital_vnd=160_000_000_000)])
    confirm(admin_client, preview(admin_client, changed))
    assert Project.objects.count() == count
    # The capital shows on the project's page as a figure with the row's source.
    capital = project.statements.get(kind="capital", unit="vnd")
    assert capital.amount == 160_000_000_000
    assert list(capital.sources.values_list("key", flat=True)) == ["S1"]
    # The previewed file is gone once imported.
    assert list(preview_folder().glob("*.upload")) == []


def test_csv_import_with_codes_as_headers(admin_client, facts):
    headers = CODES  # the columns' codes are accepted as headings too
    rows = [good_row(approval_date="04/05/2023", is_fdi="có", area_ha="12,5")]
    confirm(admin_client, preview(admin_client, csv_file(headers, rows), CSV))
    project = Project.objects.get(slug="nha-may-moi")
    area = project.statements.get(kind="area", unit="ha")
    assert project.is_fdi is True and area.amount == Decimal("12.5")


def assert_refused(response, *messages):
    """The import was refused with a reason, no confirm button, and nothing written."""
    content = response.content.decode()
    assert response.status_code == 200
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    for message in messages:
        assert message in content, content[-3000:]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"area_ha": "rộng"}, "không phải là số"),
        ({"capital_vnd": "nhiều tiền"}, "không phải là số đồng nguyên"),
        ({"area_ha": -3}, "Diện tích không thể âm."),
        ({"capital_vnd": -1}, "Vốn không thể âm."),
        ({"site": "khong-co"}, "khong-co"),
        ({"investor": "ai-do"}, "ai-do"),
        ({"status": "xong"}, "xong"),
        ({"sources": "S99"}, "S99"),
        ({"sources": ""}, "ít nhất một nguồn"),
        ({"is_fdi": "có lẽ"}, "có lẽ"),
        ({"slug": "", "name_vi": ""}, "Trường này không thể để trống."),
    ],
)
def test_a_bad_row_refuses_the_whole_file(admin_client, facts, changes, message):
    headers, _book = template_headers(admin_client)
    before = list(Project.objects.values_list("slug", flat=True))
    rows = [good_row("du-an-tot"), good_row("du-an-xau", **changes)]
    assert_refused(preview(admin_client, xlsx_file(headers, rows)), message)
    assert list(Project.objects.values_list("slug", flat=True)) == before


def test_missing_and_unknown_columns(admin_client, facts):
    headers, _book = template_headers(admin_client)
    renamed = ["Ghi chú", *headers[1:]]
    row = good_row()
    row["Ghi chú"] = row.pop("slug")
    response = preview(admin_client, xlsx_file(renamed, [row]))
    assert_refused(response, "Mã dự án", "Ghi chú")
    assert not Project.objects.filter(slug="nha-may-moi").exists()


def test_duplicate_rows(admin_client, facts):
    headers, _book = template_headers(admin_client)
    response = preview(admin_client, xlsx_file(headers, [good_row("lap-lai"), good_row("lap-lai")]))
    assert_refused(response, "lap-lai")
    assert not Project.objects.filter(slug="lap-lai").exists()


@pytest.mark.parametrize(
    ("upload", "file_format", "message"),
    [
        (SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n"), XLSX, "không phải là tệp .xlsx"),
        (
            SimpleUploadedFile("hong.xlsx", b"PK\x03\x04 broken zip"),
            XLSX,
            "không phải là sổ tính .xlsx đọc được",
        ),
        (SimpleUploadedFile("rong.xlsx", b""), XLSX, "rỗng"),
        (SimpleUploadedFile("rong.csv", b""), CSV, "rỗng"),
        (SimpleUploadedFile("tieu-de.csv", "Mã dự án\n".encode()), CSV, "No valid data"),
    ],
)
def test_unreadable_files_are_refused(admin_client, facts, upload, file_format, message):
    count = Project.objects.count()
    response = preview(admin_client, upload, file_format)
    assert_refused(response, message)
    assert response.context["form"].errors
    assert Project.objects.count() == count


def test_a_file_over_the_size_limit_is_refused(admin_client, facts, settings):
    settings.PROJECT_IMPORT_MAX_BYTES = 1024
    headers, _book = template_headers(admin_client)
    rows = [good_row(f"du-an-{n}", name_vi="x" * 200) for n in range(20)]
    response = preview(admin_client, xlsx_file(headers, rows))
    assert_refused(response, "giới hạn")
    assert not Project.objects.filter(slug="du-an-1").exists()


def test_editor_may_import(editor_client, facts):
    headers, _book = template_headers(editor_client)
    confirm(editor_client, preview(editor_client, xlsx_file(headers, [good_row()])))
    assert Project.objects.filter(slug="nha-may-moi").exists()


def download(client, path, **query):
    response = client.get(path, query)
    assert response.status_code == 200
    return response


def test_public_download_is_the_filtered_list_with_real_numbers_and_dates(client, facts):
    project = ProjectFactory(
        name_vi='=HYPERLINK("http://example.org")',
        name_en='=HYPERLINK("http://example.org")',
        site=None,
        approval_date=date(2023, 11, 28),
    )
    # The capital a page shows is a figure; the file reads that record.
    project.statements.create(kind="capital", unit="vnd", amount=2_921_000_000_000, label_vi="Vốn")
    response = download(client, "/en/projects/download.xlsx")
    assert response["Content-Disposition"].startswith('attachment; filename="bac-kan-projects-')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Name", "Site", "Investor"]
    assert len(rows) == 1 + Project.objects.count()
    column = {name: number for number, name in enumerate(rows[0])}
    formula_row = next(row for row in rows if str(row[0]).startswith("=HYPERLINK"))
    capital = formula_row[column["Capital in VND, where a source gives VND"]]
    assert capital == 2_921_000_000_000 and isinstance(capital, int)
    assert formula_row[column["Approval date"]].date() == date(2023, 11, 28)
    cell = next(c for c in sheet["A"] if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"  # stored as text: it will not run as a formula

    # The second sheet says what the list is, and what it is not.
    about = openpyxl.load_workbook(io.BytesIO(response.content))["About this list"]
    about_text = " ".join(str(row[0]) for row in about.iter_rows(values_only=True))
    assert "not the list of the 21 industrial projects" in about_text
    assert about_text.endswith("/en/sources/")

    filtered = download(client, "/projects/download.xlsx", site="quang-chu")
    sheet = openpyxl.load_workbook(io.BytesIO(filtered.content)).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == [
        "Tên",
        "Nhà máy giấy kraft Hòa An Phước",
    ]


def test_public_download_gives_statuses_with_their_dates(client, facts):
    rows = list(
        openpyxl.load_workbook(
            io.BytesIO(download(client, "/en/projects/download.xlsx").content)
        ).active.iter_rows(values_only=True)
    )
    column = {name: number for number, name in enumerate(rows[0])}
    by_name = {row[0]: row for row in rows[1:]}
    footwear = by_name["Export footwear and shoe-sole plant"]
    assert footwear[column["Status"]] == "Operating"
    assert footwear[column["Status as of"]] == "May 2025"
    assert footwear[column["Capital, as the source gives it"]] == "USD 25 million"
    # The same sources' figure in đồng is "over 600 billion": its qualifier sits beside it.
    assert footwear[column["Capital in VND, where a source gives VND"]] == 600_000_000_000
    assert footwear[column["Capital in VND: qualifier"]] == "over"
    # One type per column: the approval date is a date, and its precision says the source
    # gives the month only (a reader is not told "1 October").
    assert footwear[column["Approval date"]].date() == date(2023, 10, 1)
    assert footwear[column["Approval date: precision"]] == "month"
    # "About 4 ha needed": the qualifier and what the figure measures are kept.
    registering_plywood = by_name["Thăng Long industrial plywood plant (registering)"]
    assert registering_plywood[column["Area, as the source gives it"]] == "Land needed: about 4 ha"
    assert registering_plywood[column["Area (ha)"]] == 4
    assert registering_plywood[column["Area (ha): qualifier"]] == "about"
    registering = by_name["Container floorboard and LVL project"]
    assert registering[column["Status as of"]] == "first 9 months of 2021"


def test_public_csv_download_escapes_formulas(client, facts):
    ProjectFactory(name_vi="@SUM(1+1)", site=None)
    response = download(client, "/projects/download.csv")
    text = response.content.decode("utf-8")
    assert text.startswith('\ufeff"Tên",')
    assert "'@SUM(1+1)" in text
    assert response["Content-Type"].startswith("text/csv")


def test_unknown_download_format_is_a_404(client, db):
    assert client.get("/projects/download.pdf").status_code == 404


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_a_formula_after_a_separator_is_harmless_in_any_locale(client, db, separator):
    """ "Tên;=1+1" was written bare: a spreadsheet that splits on ";" ran "=1+1"."""
    ProjectFactory(name_vi="Nhà máy;=1+1", name_en="Plant,+SUM(A1)", site=None)
    text = download(client, "/projects/download.csv").content.decode("utf-8-sig")
    # Read as a spreadsheet would with this separator, quotes respected …
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=separator) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]
    # … and even by one that ignores quotes altogether.
    naive = [cell.strip('"') for line in text.splitlines() for cell in line.split(separator)]
    assert not [cell for cell in naive if cell.startswith(("=", "+", "@"))]


def test_an_admin_csv_round_trip_changes_nothing(admin_client, facts):
    """Each export–import cycle added a "'" to such names; dated rows could not come back."""
    ProjectFactory(
        slug="vong-tron",
        name_vi="Nhà máy;=1+1",
        name_en="-minus plant",
        approval_date=date(2024, 1, 2),
        status_date=date(2024, 3, 4),
        site=Site.objects.get(slug="quang-chu"),
        investor=None,
        sector=None,
    ).citations.create(source=Source.objects.get(key="S1"))
    for _cycle in range(2):
        exported = admin_client.post(
            reverse("admin:investments_project_export"),
            {"format": CSV, "resource": "0", **{f"projectresource_{n}": "on" for n in CODES}},
        )
        upload = SimpleUploadedFile("vong-tron.csv", exported.content)
        response = preview(admin_client, upload, CSV)
        assert "confirm_form" in response.context, response.content.decode()[-3000:]
        confirm(admin_client, response)
    project = Project.objects.get(slug="vong-tron")
    assert (project.name_vi, project.name_en) == ("Nhà máy;=1+1", "-minus plant")
    assert (project.approval_date, project.status_date) == (date(2024, 1, 2), date(2024, 3, 4))


def test_admin_export_keeps_codes_numbers_and_dates(admin_client, facts):
    project = ProjectFactory(slug="xuat", approval_date=date(2024, 1, 2))
    ProjectStatementFactory(project=project, amount=7)
    response = admin_client.post(
        reverse("admin:investments_project_export"),
        {
            "format": XLSX,
            "resource": "0",
            **{f"projectresource_{name}": "on" for name in CODES},
        },
    )
    assert response.status_code == 200, response.content[:500]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "xuat")
    assert row[7] == 7 and row[9].date() == date(2024, 1, 2)
    # Ready to read: a named sheet, a frozen header with a filter, columns that fit.
    assert sheet.title == "Dự án" and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert all(sheet.column_dimensions[cell.column_letter].width >= 8 for cell in sheet[1])


def test_a_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused_quickly(admin_client, db):
    """A 409 KB .xlsx unpacking to one 400 MB cell made a 419 MB preview page."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "xl/sharedStrings.xml", "<sst><si><t>" + "A" * 60_000_000 + "</t></si></sst>"
        )
    upload = SimpleUploadedFile("bom.xlsx", buffer.getvalue())
    assert upload.size < 1_000_000
    response = preview(admin_client, upload)
    assert (
        "Sổ tính khi giải nén có dung lượng 57 MB; giới hạn là 20 MB." in response.content.decode()
    )
    assert "confirm_form" not in response.context


def test_a_file_with_too_many_rows_is_refused_before_parsing(admin_client, db, settings):
    settings.PROJECT_IMPORT_MAX_BYTES = 50 * 2**20
    lines = ["slug,name_vi,status,sources"] + [f"p-{n},Dự án {n},approved,S1" for n in range(10**6)]
    upload = SimpleUploadedFile("rows.csv", "\n".join(lines).encode())
    response = preview(admin_client, upload, CSV)
    assert "Tệp có hơn 2000 dòng" in response.content.decode()


def test_a_cell_too_long_is_refused(admin_client, facts):
    headers, _book = template_headers(admin_client)
    response = preview(admin_client, xlsx_file(headers, [good_row(name_vi="x" * 5000)]))
    assert "một ô dài 5000 ký tự (tối đa 2000)" in response.content.decode()


def test_the_confirm_step_accepts_only_a_signed_preview(admin_client, facts, tmp_path):
    """The confirm form trusted the posted file name: an editor deleted a file in /tmp."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    for name in [str(victim), "../../etc/passwd", "victim.txt", "abc:def:ghi"]:
        response = admin_client.post(
            reverse("admin:investments_project_process_import"),
            {"import_file_name": name, "original_file_name": "x.csv", "format": CSV},
        )
        assert response.status_code == 200
        assert "Bản xem trước này đã hết hạn hoặc không hợp lệ" in response.content.decode()
    assert victim.read_text() == "keep me"


def test_previews_are_kept_in_a_private_folder_and_expire(admin_client, facts, settings):
    headers, _book = template_headers(admin_client)
    response = preview(admin_client, xlsx_file(headers, [good_row()]))
    token, _editor = signing.loads(
        response.context["confirm_form"].initial["import_file_name"], salt=EDITOR_SALT
    )
    files = list(preview_folder().glob("*.upload"))
    assert len(files) == 1 and files[0].stem in signing.loads(token, salt=SIGNING_SALT)
    assert oct(files[0].stat().st_mode & 0o777) == "0o600"
    old = time.time() - settings.PROJECT_IMPORT_PREVIEW_SECONDS - 60
    os.utime(files[0], (old, old))
    preview(admin_client, xlsx_file(headers, [good_row("khac")]))  # any new preview sweeps
    assert not files[0].exists()


def test_a_row_that_became_invalid_before_confirm_writes_nothing(admin_client, facts):
    """The confirm step wrote '1 new' and silently dropped the other, now invalid, row."""
    headers, _book = template_headers(admin_client)
    rows = [good_row("du-an-a"), good_row("du-an-b", investor="misaki")]
    response = preview(admin_client, xlsx_file(headers, rows))
    assert "confirm_form" in response.context
    # Between preview and confirm, the investor of the second row disappears.
    Project.objects.filter(investor__slug="misaki").delete()
    Organisation.objects.filter(slug="misaki").delete()
    result = confirm(admin_client, response)
    assert result.status_code == 200
    assert "Không có gì được ghi" in result.content.decode()
    assert not Project.objects.filter(slug__in=["du-an-a", "du-an-b"]).exists()


def test_a_file_at_the_row_limit_imports_whole(admin_client, facts, settings):
    """
    A file of exactly PROJECT_IMPORT_MAX_ROWS rows previews and imports, history and figures
    included. A small limit proves what the default's 2,000 would; the time a 2,000-row file
    takes is measured by `make bench` (tests/benchmarks/test_import_time.py).
    """
    settings.PROJECT_IMPORT_MAX_ROWS = 30
    import_rows_at_the_limit(admin_client, settings)


def import_rows_at_the_limit(admin_client, settings):
    """Previews and imports PROJECT_IMPORT_MAX_ROWS new projects; the seconds each step took."""
    headers, _book = template_headers(admin_client)
    rows = [good_row(f"du-an-{n:04d}") for n in range(settings.PROJECT_IMPORT_MAX_ROWS)]
    upload = csv_file(headers, rows)
    started = time.monotonic()
    response = preview(admin_client, upload, CSV)
    previewed = time.monotonic() - started
    assert "confirm_form" in response.context, response.content.decode()[-2000:]
    confirm(admin_client, response)
    total = time.monotonic() - started
    imported = Project.objects.filter(slug__startswith="du-an-")
    assert imported.count() == settings.PROJECT_IMPORT_MAX_ROWS
    assert Project.history.filter(slug="du-an-0001").get().history_user.username == "admin"
    assert imported.filter(
        statements__kind="capital", statements__sources__key="S1"
    ).count() == len(rows)
    return previewed, total


def with_part_replaced(upload, part, content):
    """The same .xlsx with one of its inner files replaced."""
    packed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(upload.read())) as book, zipfile.ZipFile(packed, "w") as new:
        for item in book.infolist():
            new.writestr(item, content if item.filename == part else book.read(item))
    return SimpleUploadedFile(upload.name, packed.getvalue())


def test_an_xlsx_whose_sheet_is_not_xml_is_a_form_error(admin_client, facts):
    """It was a 500: the sheet's XML is read only after the file's checks."""
    headers, _book = template_headers(admin_client)
    upload = with_part_replaced(
        xlsx_file(headers, [good_row()]), "xl/worksheets/sheet1.xml", b"<worksheet><row"
    )
    response = preview(admin_client, upload)
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert "không đọc được" in response.content.decode().lower()
    assert not Project.objects.filter(slug="nha-may-moi").exists()


def test_a_nul_character_in_a_code_is_a_row_error(admin_client, facts):
    """PostgreSQL refuses a NUL in a query: it was a 500 there."""
    headers, _book = template_headers(admin_client)
    response = preview(admin_client, csv_file(headers, [good_row("du-an\x00moi")]), CSV)
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert "Dòng 2 có ký tự NUL trong một ô." in response.content.decode()
    assert not Project.objects.filter(slug__startswith="du-an").exists()


def test_a_preview_is_confirmed_only_by_the_editor_who_made_it(admin_client, client, facts):
    """Another editor who got hold of the confirm form could import a file they never saw."""
    headers, _book = template_headers(admin_client)
    response = preview(admin_client, xlsx_file(headers, [good_row()]))
    other = get_user_model().objects.create_superuser("quan-tri-khac", password="x-Bac-Kan-2023")
    client.force_login(other)
    result = confirm(client, response)
    assert result.status_code == 200
    assert "Bản xem trước này đã hết hạn hoặc không hợp lệ" in result.content.decode()
    assert not Project.objects.filter(slug="nha-may-moi").exists()
    assert confirm(admin_client, response).status_code == 302  # the editor who made it may
    assert Project.objects.filter(slug="nha-may-moi").exists()


def test_a_source_code_given_twice_is_cited_once_not_a_500(admin_client, facts):
    """A CSV edit of a capital with the sources "S20, S20, S21" gave a 500 on confirm."""
    headers, _book = template_headers(admin_client)
    row = good_row(sources="S20, s20 , S21", capital_vnd=160_000_000_000)
    response = preview(admin_client, csv_file(headers, [row]), file_format=CSV)
    assert response.status_code == 200 and "confirm_form" in response.context
    assert confirm(admin_client, response).status_code == 302
    project = Project.objects.get(slug="nha-may-moi")
    assert [c.source.key for c in project.citations.order_by("source__id")] == ["S20", "S21"]
    capital = project.statements.get(kind="capital", unit="vnd")
    assert sorted(capital.sources.values_list("key", flat=True)) == ["S20", "S21"]


@pytest.mark.parametrize("file_format", [XLSX, CSV])
def test_the_admin_export_of_the_facts_imports_back_with_nothing_changed(
    admin_client, facts, file_format
):
    """Re-importing the admin's own .xlsx export showed 8 false "changed" rows."""
    exported = admin_client.post(
        reverse("admin:investments_project_export"),
        {"format": file_format, "resource": "0", **{f"projectresource_{n}": "on" for n in CODES}},
    )
    name = "du-an.xlsx" if file_format == XLSX else "du-an.csv"
    response = preview(admin_client, SimpleUploadedFile(name, exported.content), file_format)
    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    changed = [
        row.object_repr for row in result.rows if row.import_type not in ("skip", "unchanged")
    ]
    assert changed == []


def test_a_small_workbook_with_hundreds_of_columns_is_refused_before_parsing(admin_client, facts):
    """A 43 KB .xlsx of 1,999 rows × 600 numbers, within every other limit, held a worker 22 s."""
    headers, _book = template_headers(admin_client)
    row = "<row>" + "<c><v>1</v></c>" * 600 + "</row>"
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{row * 1999}</sheetData></worksheet>"
    )
    upload = with_part_replaced(
        xlsx_file(headers, [good_row()]), "xl/worksheets/sheet1.xml", sheet.encode()
    )
    assert upload.size < 100_000
    response = preview(admin_client, upload)
    # Refused on its width, before its rows are read (about 3 s here, openpyxl's scan of a
    # sheet that does not state its size; it was 21 s): no timing is asserted, as a loaded
    # machine would make it fail for no fault.
    assert "Dòng 1 có 600 cột" in response.content.decode()
    assert "confirm_form" not in response.context


def test_the_capital_column_does_not_call_every_capital_registered(admin_client, db):
    """The footwear plant's "over 600 billion" is an investment, not a registered capital."""
    headers, _book = template_headers(admin_client)
    assert "Vốn (đồng)" in headers
    assert not [header for header in headers if "đăng ký" in header.lower()]


def test_an_imported_status_is_the_projects_status_statement(admin_client, facts):
    """
    A row's status and its date are the project's current status statement, with the row's
    sources; a changed status drops the words that described the one before (its history
    keeps them).
    """
    headers, _book = template_headers(admin_client)
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row()])))
    status = Project.objects.get(slug="nha-may-moi").status_statement
    assert (status.status, status.as_of) == ("approved", None)
    assert [source.key for source in status.sources.all()] == ["S1"]
    status.text_vi = "Đã được chấp thuận."
    status.save()

    changed = good_row(status="under_construction", status_date=date(2025, 6, 1), sources="S2")
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [changed])))
    project = Project.objects.get(slug="nha-may-moi")
    status = project.status_statement
    assert (status.status, status.as_of, status.text_vi) == (
        "under_construction",
        date(2025, 6, 1),
        "",
    )
    assert [source.key for source in status.sources.all()] == ["S2"]
    assert project.statements.filter(kind="status").count() == 1
    assert (project.status, project.status_date) == ("under_construction", date(2025, 6, 1))
    assert status.history.first().history_user.username == "admin"
    assert "Đã được chấp thuận." in [record.text_vi for record in status.history.all()]


def test_an_imported_investor_is_the_projects_investor_statement(admin_client, facts):
    """A row's investor is the body of the project's investor statement; an empty cell keeps it."""
    headers, _book = template_headers(admin_client)
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row()])))
    investor = Project.objects.get(slug="nha-may-moi").investor_statement
    assert investor.organisation.slug == "onsen-fuji-bac-kan"
    assert [source.key for source in investor.sources.all()] == ["S1"]

    changed = good_row(investor="govina", sources="S2")
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [changed])))
    project = Project.objects.get(slug="nha-may-moi")
    assert project.investor.slug == project.investor_statement.organisation.slug == "govina"
    assert [source.key for source in project.investor_statement.sources.all()] == ["S2"]
    assert project.statements.filter(kind="investor").count() == 1

    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row(investor="")])))
    project = Project.objects.get(slug="nha-may-moi")
    assert project.investor.slug == project.investor_statement.organisation.slug == "govina"


def test_the_downloads_sources_are_every_source_the_page_cites(client, facts):
    """Sources cited only for a status or an investor (statements now) are in the file too."""
    rows = list(
        openpyxl.load_workbook(
            io.BytesIO(download(client, "/en/projects/download.xlsx").content)
        ).active.iter_rows(values_only=True)
    )
    column = rows[0].index("Sources")
    for project in Project.objects.all():
        page = client.get(f"/en/projects/{project.slug}/").content.decode()
        row = next(row for row in rows if row[0] == project.name_en)
        cited = set(re.findall(r'<li id="fn-\d+"', page))
        assert len(row[column].split(", ")) == len(cited), project.slug


def test_an_imported_approval_date_is_the_projects_approval_statement(admin_client, facts):
    """A row's approval date is its approval statement's date; an empty cell keeps it."""
    headers, _book = template_headers(admin_client)
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row()])))
    approval = Project.objects.get(slug="nha-may-moi").approval_statement
    assert (approval.as_of, [source.key for source in approval.sources.all()]) == (
        date(2023, 5, 4),
        ["S1"],
    )
    changed = good_row(approval_date=date(2023, 6, 7), sources="S2")
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [changed])))
    project = Project.objects.get(slug="nha-may-moi")
    assert project.approval_date == project.approval_statement.as_of == date(2023, 6, 7)
    assert project.statements.filter(kind="approval").count() == 1

    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row(approval_date="")])))
    project = Project.objects.get(slug="nha-may-moi")
    assert project.approval_date == project.approval_statement.as_of == date(2023, 6, 7)


def test_an_imported_sector_is_the_projects_sector_statement(admin_client, facts):
    """A row's sector is its sector statement, with the row's sources; an empty cell keeps it."""
    headers, _book = template_headers(admin_client)
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row()])))
    sector = Project.objects.get(slug="nha-may-moi").sector_statement
    assert (sector.sector.slug, [source.key for source in sector.sources.all()]) == (
        "paper",
        ["S1"],
    )
    changed = good_row(sector="plywood", sources="S2")
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [changed])))
    project = Project.objects.get(slug="nha-may-moi")
    assert project.sector.slug == project.sector_statement.sector.slug == "plywood"
    assert [source.key for source in project.sector_statement.sources.all()] == ["S2"]
    assert project.statements.filter(kind="sector").count() == 1

    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row(sector="")])))
    project = Project.objects.get(slug="nha-may-moi")
    assert project.sector.slug == project.sector_statement.sector.slug == "plywood"


def test_an_imported_fdi_cell_is_the_projects_origin_statement(admin_client, facts):
    """
    A row's "FDI (có/không)" is its origin statement, with the row's sources; a changed cell
    changes it in place and drops the words that described the earlier one; an empty cell
    keeps it.
    """
    headers, _book = template_headers(admin_client)
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row(is_fdi="có")])))
    origin = Project.objects.get(slug="nha-may-moi").origin_statement
    assert (origin.origin, [source.key for source in origin.sources.all()]) == ("foreign", ["S1"])
    origin.text_vi = origin.text_en = "100% vốn nước ngoài"
    origin.save()

    changed = good_row(is_fdi="không", sources="S2")
    confirm(admin_client, preview(admin_client, xlsx_file(headers, [changed])))
    project = Project.objects.get(slug="nha-may-moi")
    assert (project.is_fdi, project.origin_statement.origin) == (False, "domestic")
    assert (project.origin_statement.text_vi, project.origin_statement.text_en) == ("", "")
    assert [source.key for source in project.origin_statement.sources.all()] == ["S2"]
    assert project.statements.filter(kind="origin").count() == 1

    confirm(admin_client, preview(admin_client, xlsx_file(headers, [good_row(is_fdi="")])))
    project = Project.objects.get(slug="nha-may-moi")
    assert (project.is_fdi, project.origin_statement.origin) == (False, "domestic")
