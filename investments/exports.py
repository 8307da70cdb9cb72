"""
The public project list as a file: exactly the rows on screen, with the filters applied,
headers in the reader's language, names rather than codes, numbers and dates as such.

Rows are read as plain values in chunks rather than as model instances, and written by a
streaming writer, so that exporting 50,000 projects stays within seconds and a few hundred MB
(see scripts/benchmark_export.py).
"""

from collections import defaultdict

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from zones.spreadsheets import XLSX_CONTENT_TYPE, csv_text, xlsx_bytes

from .models import Project, ProjectCitation
from .resources import FdiWidget

FILE_STEM = pgettext_lazy("file name of the project list download", "bac-kan-projects")
TRANSLATED = ["name", "site__name", "investor__name", "sector__name"]
PLAIN = ["pk", "slug", "area_ha", "registered_capital_vnd", "is_fdi", "approval_date", "status"]


def in_language(row, field):
    """The reader's language, falling back to Vietnamese as the pages do."""
    return row.get(f"{field}_{row['_language']}") or row.get(f"{field}_vi") or ""


PUBLIC_COLUMNS = [
    (_("Name"), lambda row: in_language(row, "name")),
    (_("Site"), lambda row: in_language(row, "site__name")),
    (_("Investor"), lambda row: in_language(row, "investor__name")),
    (_("Sector"), lambda row: in_language(row, "sector__name")),
    (_("Area (ha)"), lambda row: row["area_ha"]),
    (_("Registered capital (đồng)"), lambda row: row["registered_capital_vnd"]),
    (_("FDI"), lambda row: FdiWidget().render(row["is_fdi"])),
    (_("Approval date"), lambda row: row["approval_date"]),
    (_("Status"), lambda row: row["_status_label"]),
    (_("Sources"), lambda row: ", ".join(row["_sources"])),
    (_("Page"), lambda row: row["_url"]),
]


def public_rows(projects, absolute_url):
    language = (get_language() or "vi")[:2]
    status_labels = {value: str(label) for value, label in Project.Status.choices}
    sources = defaultdict(list)
    citations = ProjectCitation.objects.filter(project__in=projects.values("pk"))
    for project_id, key in citations.order_by("source__id").values_list(
        "project_id", "source__key"
    ):
        sources[project_id].append(key)
    # One reverse() for the whole file: every project page has the same shape.
    page = absolute_url(reverse("investments:detail", kwargs={"slug": "SLUG"}))
    fields = PLAIN + [f"{name}_{code}" for name in TRANSLATED for code in ("vi", "en")]
    for row in projects.values(*fields).iterator(chunk_size=2000):
        row["_language"] = language
        row["_status_label"] = status_labels.get(row["status"], row["status"])
        row["_sources"] = sources.get(row["pk"], [])
        row["_url"] = page.replace("SLUG", row["slug"])
        yield [value(row) for _label, value in PUBLIC_COLUMNS]


def public_export(projects, file_format, absolute_url=str):
    """(content, content type, file name) for the projects in .xlsx or .csv."""
    headers = [str(label) for label, _value in PUBLIC_COLUMNS]
    rows = public_rows(projects, absolute_url)
    file_name = f"{FILE_STEM}-{timezone.localdate().isoformat()}.{file_format}"
    if file_format == "xlsx":
        return xlsx_bytes(headers, rows), XLSX_CONTENT_TYPE, file_name
    return csv_text(headers, rows).encode("utf-8"), "text/csv; charset=utf-8", file_name
