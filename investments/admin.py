"""Admin for investment projects, with import and export of spreadsheets."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from import_export.admin import ImportExportModelAdmin
from import_export.forms import ImportForm
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from common.admin import FilterValuesCheckedMixin, refuse_revert_unless_superuser
from common.formatting import format_money
from common.spreadsheets import (
    XLSX_CONTENT_TYPE,
    SafeCSV,
    SafeXLSX,
    import_file_problems,
    xlsx_bytes,
)
from common.stale_edits import LockedWhileSaving, StaleEditGuardForm

from .imports import SignedConfirmImportForm, SignedPreviewStorage, for_editor
from .models import Project, ProjectCitation, ProjectStatement
from .resources import ProjectResource


class ProjectImportForm(ImportForm):
    """The import form, refusing before any parsing a file that is too big or misnamed."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.import_formats = formats

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]  # Django's FileField refuses empty files
        limit = settings.PROJECT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("The file is %(size)s KB; the limit is %(limit)s KB.")
                % {"size": upload.size // 1024, "limit": limit // 1024}
            )
        # Before django-import-export parses it: a small file may unpack to gigabytes or hold
        # more rows than an import can check within the server's time limit.
        extension = upload.name.lower().rpartition(".")[2]
        if extension not in {"xlsx", "csv"}:
            return upload  # clean() says the file is not of the chosen format
        data = upload.read()
        upload.seek(0)
        problems = import_file_problems(
            data,
            extension,
            max_unpacked_bytes=settings.PROJECT_IMPORT_MAX_UNPACKED_BYTES,
            max_rows=settings.PROJECT_IMPORT_MAX_ROWS,
            max_columns=settings.PROJECT_IMPORT_MAX_COLUMNS,
            max_cell_characters=settings.PROJECT_IMPORT_MAX_CELL_CHARACTERS,
        )
        if problems:
            raise ValidationError(problems)
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, chosen = cleaned.get("import_file"), cleaned.get("format")
        if upload and chosen not in (None, ""):
            expected = self.import_formats[int(chosen)]().get_extension()
            if not upload.name.lower().endswith("." + expected):
                self.add_error(
                    "import_file",
                    _("The file “%(name)s” is not a .%(extension)s file.")
                    % {"name": upload.name, "extension": expected},
                )
        return cleaned


class ProjectCitationInline(TranslationTabularInline):
    model = ProjectCitation
    extra = 0
    autocomplete_fields = ["source"]


class ProjectStatementInline(TranslationTabularInline):
    model = ProjectStatement
    # Each row refuses an edit of a statement someone saved after the form was opened.
    form = StaleEditGuardForm
    extra = 0
    autocomplete_fields = ["organisation", "sector"]
    filter_horizontal = ["sources"]
    fields = [
        "kind",
        "status",
        "origin",
        "nature",
        "rank",
        "position",
        "label",
        "qualifier",
        "amount",
        "amount_to",
        "unit",
        "text",
        "organisation",
        "sector",
        "as_of",
        "as_of_precision",
        "period_label",
        "sources",
        "note",
        "version",
    ]


@admin.register(Project)
class ProjectAdmin(
    LockedWhileSaving,
    FilterValuesCheckedMixin,
    ImportExportModelAdmin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    form = StaleEditGuardForm
    resource_classes = [ProjectResource]
    formats = [SafeXLSX.named(pgettext_lazy("sheet name", "Projects")), SafeCSV]
    import_form_class = ProjectImportForm
    tmp_storage_class = SignedPreviewStorage
    # Editors see what is wrong with a row, never a traceback.
    import_error_display = ("message",)
    import_template_name = "admin/investments/project/import.html"
    import_export_change_list_template = "admin/investments/project/change_list.html"
    list_display = [
        "name",
        "site",
        "investor",
        "sector",
        "status",
        "capital",
        "is_fdi",
        "approval_date",
    ]
    list_filter = ["status", "is_fdi", "sector", "site"]
    list_select_related = ["site", "investor", "sector"]
    search_fields = ["name_vi", "name_en", "slug", "investor__name_vi"]
    autocomplete_fields = ["site"]
    prepopulated_fields = {"slug": ["name_vi"]}
    date_hierarchy = "approval_date"
    inlines = [ProjectStatementInline, ProjectCitationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_first_amounts()

    @admin.display(description=gettext_lazy("capital (đồng)"), ordering="capital_vnd")
    def capital(self, project):
        """The first capital in đồng among the project's figures (edited below, in Figures)."""
        return format_money(project.capital_vnd)

    def get_confirm_form_class(self, request):
        return SignedConfirmImportForm.for_user(request.user)

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if "import_file_name" in initial:
            initial["import_file_name"] = for_editor(initial["import_file_name"], request.user)
        return initial

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        context["preview_rows"] = settings.PROJECT_IMPORT_PREVIEW_ROWS
        context["preview_slice"] = f":{settings.PROJECT_IMPORT_PREVIEW_ROWS}"
        context["max_rows"] = settings.PROJECT_IMPORT_MAX_ROWS
        return context

    def process_dataset(self, dataset, form, request, **kwargs):
        # The confirmed file is checked again as it is written: a row that has become invalid
        # since the preview (a site deleted meanwhile) rolls back the whole import.
        kwargs.update(raise_errors=False, rollback_on_validation_errors=True)
        return super().process_dataset(dataset, form, request, **kwargs)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            context = {
                **self.admin_site.each_context(request),
                **self.get_import_context_data(),
                "title": _("Import"),
                "opts": self.model._meta,
                "result": result,
                "import_error_display": self.import_error_display,
                "nothing_written": True,
            }
            return TemplateResponse(request, [self.import_template_name], context)
        return super().process_result(result, request)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        refuse_revert_unless_superuser(request)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_urls(self):
        template_view = self.admin_site.admin_view(self.import_template)
        return [
            path(
                "import-template/",
                template_view,
                name="investments_project_import_template",
            ),
            *super().get_urls(),
        ]

    def import_template(self, request):
        """An empty spreadsheet with the import columns, and a sheet explaining each one."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        # The export's columns, in its order: an export can be filled in and imported back.
        columns = ProjectResource().template_columns()
        guide = [(heading, how) for _name, heading, how in columns]
        content = xlsx_bytes(
            [heading for _name, heading, _how in columns],
            [],
            sheets=[
                (
                    _("How to fill in"),
                    [_("Column"), pgettext("import template", "How to write it")],
                    [map(str, g) for g in guide],
                )
            ],
        )
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="project-import-template.xlsx"'
        return response
