"""
Writing project lists to .xlsx and .csv safely.

Numbers stay numbers and dates stay dates. A text cell that a spreadsheet would run as a
formula (starting with = + - @, a tab or a carriage return) is written as plain text: in .xlsx
its cell type is forced to string; in .csv it gets a leading apostrophe, as OWASP advises.
The .xlsx writer streams rows (openpyxl's write-only mode) so that 50,000 rows stay cheap.
"""

import csv
import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from itertools import chain

from django.utils.translation import gettext as _
from import_export.formats import base_formats
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from common.languages import reader_language

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A formula may also start after a separator: a spreadsheet that splits on ";" (where the
# decimal mark is a comma) reads "Tên;=1+1" as two cells. Such a start gets the same "'".
FORMULA_AFTER_SEPARATOR = re.compile(r"(^|[;,\t\r\n])([=+\-@])")
ESCAPED_FORMULA = re.compile(r"(^|[;,\t\r\n])'([=+\-@\t\r])")
XLSX_CONTENT_TYPE = base_formats.XLSX.CONTENT_TYPE


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


# Date cells as readers write dates: 28/11/2023 in Vietnamese, 28 Nov 2023 in English.
DATE_FORMATS = {"vi": "dd/mm/yyyy", "en": "d mmm yyyy"}
# Widths are fitted to the header and the first rows (the file is written as a stream).
WIDTH_SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 8, 60


WEB_ADDRESS = re.compile(r"^https?://[^\s\"<>]{1,2000}$")


def xlsx_bytes(headers, rows, sheets=(), title=None, number_formats=()):
    """
    Rows (sequences of plain values) to .xlsx: the first sheet named `title`, with a bold,
    frozen header row, an autofilter, columns as wide as their contents and, per column,
    `number_formats` ("#,##0" for đồng, "#,##0.0" for hectares; dates get the reader's date
    format). `sheets` adds (title, headers, rows) sheets, such as a note about the list.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(title) if title else None)
    rows = iter(rows)
    sample = [list(row) for _, row in zip(range(WIDTH_SAMPLE_ROWS), rows, strict=False)]
    formats = list(number_formats) + [None] * (len(headers) - len(number_formats))
    date_format = DATE_FORMATS.get(reader_language(), DATE_FORMATS["vi"])
    for index, width in enumerate(fitted_widths(headers, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    # On paper: landscape, every column on one page's width, the headings on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.append(header_cells(sheet, headers))
    count = 0
    for row in chain(sample, rows):
        sheet.append(
            [
                xlsx_cell(sheet, value, fmt, date_format)
                for value, fmt in zip(row, formats, strict=False)
            ]
        )
        count += 1
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    for sheet_title, sheet_headers, sheet_rows in sheets:
        extra = workbook.create_sheet(title=str(sheet_title))
        extra.column_dimensions["A"].width = MAX_WIDTH * 2
        extra.append(header_cells(extra, sheet_headers))
        for row in sheet_rows:
            extra.append([xlsx_cell(extra, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def header_cells(sheet, headers):
    bold = Font(bold=True)
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=str(header))
        cell.font = bold
        cells.append(cell)
    return cells


def fitted_widths(headers, sample):
    """Characters per column: the longest of the header and the sampled values, within bounds."""
    widths = []
    for index, header in enumerate(headers):
        values = [row[index] for row in sample if index < len(row) and row[index] is not None]
        # A number gains separators when shown ("2,921,000,000"): a third more room.
        longest = max([len(str(header))] + [cell_width(value) for value in values])
        widths.append(min(max(longest + 2, MIN_WIDTH), MAX_WIDTH))
    return widths


def cell_width(value):
    if isinstance(value, (date, datetime)):
        return 12
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return len(str(value)) * 4 // 3
    return len(str(value))


def xlsx_cell(sheet, value, number_format=None, date_format=None):
    if isinstance(value, str) and WEB_ADDRESS.match(value):
        cell = WriteOnlyCell(sheet, value=value)  # an address a reader can click
        cell.hyperlink = value
        cell.style = "Hyperlink"
        return cell
    if looks_like_formula(value):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, never a formula
        return cell
    if isinstance(value, date) and date_format:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = date_format
        return cell
    if number_format and isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell
    return value


def csv_text(headers, rows):
    buffer = io.StringIO()
    # The byte-order mark makes Excel read the file as UTF-8 (Vietnamese letters intact).
    buffer.write("\ufeff")
    # Every text cell quoted, so that no separator inside one splits it, whatever separator
    # the reader's spreadsheet assumes; numbers stay bare numbers.
    writer = csv.writer(buffer, quoting=csv.QUOTE_STRINGS)
    writer.writerow([str(header) for header in headers])
    for row in rows:
        writer.writerow([escape_formulas(value) for value in row])
    return buffer.getvalue()


def escape_formulas(value):
    """Text that a spreadsheet would run as a formula, with a leading "'" (OWASP)."""
    if not isinstance(value, str):
        return value
    if value.startswith(("\t", "\r")):
        value = "'" + value
    return FORMULA_AFTER_SEPARATOR.sub(r"\1'\2", value)


def unescape_formulas(value):
    """What escape_formulas() added, taken off again: a .csv round trip changes nothing."""
    return ESCAPED_FORMULA.sub(r"\1\2", value) if isinstance(value, str) else value


class SafeXLSX(base_formats.XLSX):
    """
    django-import-export's .xlsx format, writing through xlsx_bytes() (admin export): safe
    cells, fitted widths, frozen header and filter, on a sheet named `sheet_name`
    (ModelAdmins use SafeXLSX.named("Sites")).
    """

    sheet_name = None

    @classmethod
    def named(cls, sheet_name):
        return type(f"Named{cls.__name__}", (cls,), {"sheet_name": sheet_name})

    def export_data(self, dataset, **kwargs):
        return xlsx_bytes(dataset.headers, dataset, title=self.sheet_name)


class SafeCSV(base_formats.CSV):
    """django-import-export's .csv format, writing through csv_text() (admin export)."""

    def export_data(self, dataset, **kwargs):
        return csv_text(dataset.headers, dataset)


def import_file_problems(
    data, extension, *, max_unpacked_bytes, max_rows, max_columns, max_cell_characters
):
    """
    What makes an uploaded spreadsheet too big to read safely, checked before it is parsed: an
    .xlsx's unpacked size (a small file can unpack to gigabytes), then the number of rows, of
    columns and the longest cell, read in a streaming pass that stops at the first excess.
    """
    if extension == "xlsx":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                unpacked = sum(member.file_size for member in archive.infolist())
        except zipfile.BadZipFile:
            return [_("The file is not a readable .xlsx workbook.")]
        if unpacked > max_unpacked_bytes:
            return [
                _("The workbook unpacks to %(size)s MB; the limit is %(limit)s MB.")
                % {"size": unpacked // 2**20, "limit": max_unpacked_bytes // 2**20}
            ]
        rows = _xlsx_rows(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return [_("The file is not UTF-8 text; save it as “CSV UTF-8”.")]
        rows = csv.reader(io.StringIO(text))
    try:
        for count, row in enumerate(rows):  # row 0 is the header
            if count > max_rows:
                return [
                    _("The file has more than %(limit)s rows; split it into smaller files.")
                    % {"limit": max_rows}
                ]
            if len(row) > max_columns:
                message = _("Row %(row)s has %(count)s columns (at most %(n)s).")
                return [message % {"row": count + 1, "count": len(row), "n": max_columns}]
            for cell in row:
                if cell is not None and len(str(cell)) > max_cell_characters:
                    message = _("Row %(row)s has a cell of %(length)s characters (at most %(n)s).")
                    values = {"row": count + 1, "length": len(str(cell)), "n": max_cell_characters}
                    return [message % values]
                if cell is not None and "\x00" in str(cell):
                    # No text may hold one, and PostgreSQL refuses it even in a look-up.
                    return [_("Row %(row)s has a NUL character in a cell.") % {"row": count + 1}]
    # SyntaxError: a sheet whose XML does not parse (ElementTree's and lxml's errors are both).
    except (csv.Error, ValueError, KeyError, SyntaxError, zipfile.BadZipFile) as error:
        return [_("The file could not be read: %(error)s") % {"error": error}]
    return []


def _xlsx_rows(data):
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        yield from workbook.active.iter_rows(values_only=True)
    finally:
        workbook.close()
