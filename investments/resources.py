"""
Spreadsheet columns for projects (django-import-export).

`ProjectResource` is the admin's import/export: stable codes for the site, investor, sector and
sources, so that a file exported, corrected and imported again updates the same projects.
The public list's download, with names a reader understands, is in exports.py.
"""

from collections import Counter
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets

from zones.models import Organisation, Sector, Site, Source
from zones.text import fold

from .models import Project, ProjectCitation


def folded_in_both_languages(lazy_text):
    """A translatable label as an editor may type it, in Vietnamese or English, folded."""
    folded = set()
    for language in ("vi", "en"):
        with translation.override(language):
            folded.add(fold(str(lazy_text)))
    return folded


class CodeWidget(widgets.ForeignKeyWidget):
    """A related record given by its code (slug); an unknown code is a clear row error."""

    def clean(self, value, row=None, **kwargs):
        code = str(value or "").strip()
        if not code:
            return None
        try:
            return self.get_queryset(value, row, **kwargs).get(**{self.field: code})
        except self.model.DoesNotExist:
            raise ValueError(
                _("no %(thing)s has the code “%(code)s”")
                % {"thing": self.model._meta.verbose_name, "code": code}
            ) from None


class AreaWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, int | float | Decimal):
            return Decimal(str(value))
        text = str(value).strip().replace(" ", "").replace(",", ".")
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(_("“%(value)s” is not a number") % {"value": value}) from None


class MoneyWidget(widgets.IntegerWidget):
    """Whole đồng; accepts 2921000000000, 2.921.000.000.000 or 2,921,000,000,000."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        text = str(value).strip().replace(" ", "").replace(".", "").replace(",", "")
        if not text.lstrip("-").isdigit():
            raise ValueError(_("“%(value)s” is not a whole number of đồng") % {"value": value})
        return int(text)


class FdiWidget(widgets.Widget):
    TRUE = {"co", "yes", "true", "1", "fdi", "x"}
    FALSE = {"khong", "no", "false", "0", "trong nuoc", "domestic"}

    def clean(self, value, row=None, **kwargs):
        text = fold(str(value)) if value is not None else ""
        if text == "":
            return None
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(
            _("write “có”, “không” or leave empty, not “%(value)s”") % {"value": value}
        )

    def render(self, value, obj=None, **kwargs):
        return {True: _("yes"), False: _("no")}.get(value, "")


class StatusWidget(widgets.Widget):
    """A project status given by its code or by its label in either language."""

    def clean(self, value, row=None, **kwargs):
        text = fold(str(value or ""))
        for status in Project.Status:
            if text == status.value or text in folded_in_both_languages(status.label):
                return status.value
        codes = ", ".join(Project.Status.values)
        raise ValueError(
            _("unknown status “%(value)s”; use one of: %(codes)s")
            % {"value": value, "codes": codes}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


# Native values on export (coerce_to_string=False), so .xlsx cells are real dates and numbers.
DATE = widgets.DateWidget(format="%d/%m/%Y", coerce_to_string=False)


class ProjectResource(resources.ModelResource):
    slug = fields.Field("slug", gettext_lazy("Project code"))
    name_vi = fields.Field("name_vi", gettext_lazy("Name (Vietnamese)"))
    name_en = fields.Field("name_en", gettext_lazy("Name (English)"))
    site = fields.Field("site", gettext_lazy("Site code"), CodeWidget(Site, "slug"))
    investor = fields.Field(
        "investor", gettext_lazy("Investor code"), CodeWidget(Organisation, "slug")
    )
    sector = fields.Field("sector", gettext_lazy("Sector code"), CodeWidget(Sector, "slug"))
    area_ha = fields.Field("area_ha", gettext_lazy("Area (ha)"), AreaWidget(coerce_to_string=False))
    registered_capital_vnd = fields.Field(
        "registered_capital_vnd",
        gettext_lazy("Registered capital (đồng)"),
        MoneyWidget(coerce_to_string=False),
    )
    is_fdi = fields.Field("is_fdi", gettext_lazy("FDI (có/không)"), FdiWidget())
    approval_date = fields.Field("approval_date", gettext_lazy("Approval date"), DATE)
    status = fields.Field("status", gettext_lazy("Status"), StatusWidget())
    status_date = fields.Field("status_date", gettext_lazy("Status as of"), DATE)
    sources = fields.Field(None, gettext_lazy("Sources (codes)"), readonly=False)

    # How each column's cells are written, for the import template's second sheet.
    FORMATS = {
        "slug": gettext_lazy(
            "Required. Unique code of lowercase letters, digits and hyphens, "
            "e.g. nha-may-giay; the same code updates the same project."
        ),
        "name_vi": gettext_lazy("Required. The project's name in Vietnamese."),
        "name_en": gettext_lazy("Optional. The project's name in English."),
        "site": gettext_lazy(
            "Optional. Code of the industrial zone or cluster, as in the "
            "address of its page (e.g. quang-chu)."
        ),
        "investor": gettext_lazy(
            "Optional. Code of the investor, as in the address of its "
            "page; add a new investor in the admin first."
        ),
        "sector": gettext_lazy("Optional. Code of the sector (see the Sectors list)."),
        "area_ha": gettext_lazy("Optional. Hectares, a number not below 0, e.g. 12,5."),
        "registered_capital_vnd": gettext_lazy(
            "Optional. Whole đồng, not billions, not below 0, e.g. 150000000000."
        ),
        "is_fdi": gettext_lazy(
            "Optional. “có” for an FDI project, “không” for a domestic "
            "one, empty when the source does not say."
        ),
        "approval_date": gettext_lazy("Optional. A date cell or dd/mm/yyyy."),
        "status": gettext_lazy(
            "Required. One of: approved, preparing, under_construction, "
            "operating, stopped (or their names)."
        ),
        "status_date": gettext_lazy("Optional. A date cell or dd/mm/yyyy."),
        "sources": gettext_lazy(
            "Required. Codes of the sources, separated by commas, e.g. S1; "
            "add a new source in the admin first."
        ),
    }

    class Meta:
        model = Project
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name_vi",
            "name_en",
            "site",
            "investor",
            "sector",
            "area_ha",
            "registered_capital_vnd",
            "is_fdi",
            "approval_date",
            "status",
            "status_date",
            "sources",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def get_queryset(self):
        return Project.objects.public().prefetch_related("citations__source")

    def template_columns(self):
        """(name, heading, how to write it) per column, in the order the import page lists."""
        names = {id(field): name for name, field in self.fields.items()}
        return [
            (names[id(field)], str(field.column_name), str(self.FORMATS[names[id(field)]]))
            for field in self.get_user_visible_fields()
        ]

    def dehydrate_site(self, project):
        return project.site.slug if project.site else ""

    def dehydrate_investor(self, project):
        return project.investor.slug if project.investor else ""

    def dehydrate_sector(self, project):
        return project.sector.slug if project.sector else ""

    def dehydrate_sources(self, project):
        return ", ".join(citation.source.key for citation in project.citations.all())

    def before_import(self, dataset, **kwargs):
        """Refuse a file whose columns are not this resource's, or that repeats a project."""
        self._sources_by_key = {source.key: source for source in Source.objects.all()}
        problem = self._recognise_headers(dataset) or self._repeated_codes(dataset)
        if problem:
            # A problem with the whole file: no row is looked at, so none reports noise.
            del dataset[0 : len(dataset)]
            raise ValueError(problem)

    def _repeated_codes(self, dataset):
        codes = [str(code or "").strip() for code in dataset[str(self.fields["slug"].column_name)]]
        repeated = sorted(code for code, count in Counter(codes).items() if code and count > 1)
        if repeated:
            return _("The file lists these project codes more than once: %(codes)s.") % {
                "codes": ", ".join(repeated)
            }
        return None

    def _recognise_headers(self, dataset):
        """
        Accept each column under its code or its heading in either language; return what is
        wrong with the columns, if anything.
        """
        aliases = {}
        for name, field in self.fields.items():
            for label in {fold(name), *folded_in_both_languages(field.column_name)}:
                aliases[label] = str(field.column_name)
        headers = [str(header or "").strip() for header in dataset.headers or []]
        recognised = [aliases.get(fold(header)) for header in headers]
        unknown = [header for header, known in zip(headers, recognised, strict=True) if not known]
        missing = [
            str(field.column_name)
            for field in self.fields.values()
            if str(field.column_name) not in recognised
        ]
        problems = []
        if missing:
            problems.append(_("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
        if unknown:
            problems.append(_("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
        if problems:
            return _("The file's columns do not match the template (%(problems)s).") % {
                "problems": "; ".join(problems)
            }
        dataset.headers = recognised
        return None

    def before_import_row(self, row, **kwargs):
        keys = self._source_keys(row)
        unknown = [key for key in keys if key not in self._sources_by_key]
        column = str(self.fields["sources"].column_name)
        if not keys:
            raise ValidationError(
                {"sources": _("%(column)s: name at least one source.") % {"column": column}}
            )
        if unknown:
            raise ValidationError(
                {
                    "sources": _("%(column)s: unknown source %(keys)s.")
                    % {
                        "column": column,
                        "keys": ", ".join(unknown),
                    }
                }
            )

    def after_save_instance(self, instance, row, **kwargs):
        """Cite the row's sources (adding citations; existing ones and their notes stay)."""
        for key in self._source_keys(row):
            ProjectCitation.objects.get_or_create(
                project=instance, source=self._sources_by_key[key]
            )

    def _source_keys(self, row):
        cell = row.get(str(self.fields["sources"].column_name)) or ""
        return [key.strip().upper() for key in str(cell).split(",") if key.strip()]
