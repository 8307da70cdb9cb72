"""Admin for sites, organisations, sectors, statements, planning documents and sources."""

from django import forms
from django.contrib import admin
from django.middleware.csp import get_nonce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from import_export.admin import ExportMixin
from leaflet.admin import LeafletAdminWidget, LeafletGeoAdminMixin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from common.admin import FilterValuesCheckedMixin, refuse_revert_unless_superuser
from common.spreadsheets import SafeCSV, SafeXLSX
from common.stale_edits import LockedWhileSaving, StaleEditGuardForm, remember_shown_values

from .models import (
    Organisation,
    PlanningDocument,
    Sector,
    Site,
    SiteCitation,
    SiteStatus,
    Source,
    Statement,
)
from .resources import SiteResource


@admin.register(Source)
class SourceAdmin(FilterValuesCheckedMixin, TranslationAdmin):
    list_display = ["key", "title", "publisher", "published_on", "published_year", "link_address"]
    search_fields = ["key", "title", "publisher"]
    list_filter = ["publisher"]


@admin.register(Organisation)
class OrganisationAdmin(FilterValuesCheckedMixin, TranslationAdmin):
    list_display = ["name", "kind", "origin"]
    list_filter = ["kind", "origin"]
    search_fields = ["name_vi", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_vi"]}
    filter_horizontal = ["sources"]
    autocomplete_fields = ["set_up_by"]


@admin.register(Sector)
class SectorAdmin(FilterValuesCheckedMixin, TranslationAdmin):
    list_display = ["name", "slug", "invited_for_fdi"]
    list_filter = ["invited_for_fdi"]
    search_fields = ["name_vi", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


class SiteCitationInline(TranslationTabularInline):
    model = SiteCitation
    extra = 0
    autocomplete_fields = ["source"]


class GeoJSONMapWidget(LeafletAdminWidget):
    """django-leaflet's admin map, told that an empty GeoJSON field ("null") is no geometry."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, None if value in ("null", "") else value, attrs)


# What editors change, row by row, in the list of site statuses.
STATUS_FIELDS = ["status", "text_vi", "text_en", "as_of", "as_of_precision"]


@admin.register(Site)
class SiteAdmin(
    LockedWhileSaving,
    FilterValuesCheckedMixin,
    ExportMixin,
    LeafletGeoAdminMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    form = StaleEditGuardForm
    resource_classes = [SiteResource]
    formats = [SafeXLSX.named(pgettext_lazy("sheet name", "Sites")), SafeCSV]
    widget = GeoJSONMapWidget
    list_display = ["name", "kind", "status", "status_date"]
    # The status columns are copies of the site's current status statement (Site statuses).
    readonly_fields = ["status", "status_date", "status_date_precision"]
    list_filter = ["kind", "status", "district", "location_precision"]
    list_select_related = ["parent"]
    search_fields = ["name_vi", "name_en", "commune_vi", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [SiteCitationInline]
    fieldsets = [
        (None, {"fields": ["kind", "name", "slug", "parent", "phase", "description", "version"]}),
        (
            _("Status"),
            {
                "fields": ["status", "status_date", "status_date_precision"],
                "description": _(
                    "The site's current status, as its newest status statement gives it: "
                    "change it under Site statuses, where each status has its note, its date "
                    "and its sources."
                ),
            },
        ),
        (
            _("Place"),
            {
                "fields": ["district", "commune"],
                # One way to record a fact: as statements, each with its sources.
                "description": _(
                    "The area, the developer, the founding decision, the year the site is "
                    "expected to operate and the sectors it is meant for are recorded under "
                    "Statements (properties Area, Developer, Founding decision, Start of "
                    "operation and Sector), one record for each value a source gives, with "
                    "its date and sources."
                ),
            },
        ),
        (
            _("Map"),
            {"fields": ["location", "location_precision", "location_note", "boundary"]},
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, LeafletAdminWidget):
            # django-leaflet looks for django-csp's request.csp_nonce; Django 6.1's own CSP
            # keeps it elsewhere. Without it the map's inline scripts are blocked (and the
            # location and boundary fields hidden).
            formfield.widget.csp_nonce = get_nonce(request)
        return formfield

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting to an old version rewrites every field: superusers only."""
        refuse_revert_unless_superuser(request)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_prepopulated_fields(self, request, obj=None):
        return super().get_prepopulated_fields(request, obj) if request.user.is_superuser else {}

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        # Editors read a site; they keep its status under Site statuses.
        return [
            name
            for _title, options in self.fieldsets
            for name in options["fields"]
            if name != "version"
        ]


@admin.register(Statement)
class StatementAdmin(FilterValuesCheckedMixin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = [
        "__str__",
        "kind",
        "nature",
        "rank",
        "position",
        "qualifier",
        "amount",
        "unit",
        "as_of",
    ]
    list_filter = ["kind", "nature", "unit", "is_key_figure", "sites"]
    search_fields = ["label_vi", "label_en", "text_vi", "text_en", "slug"]
    filter_horizontal = ["sites", "sources"]
    autocomplete_fields = ["organisation", "sector"]
    fieldsets = [
        (None, {"fields": ["slug", "kind", "nature", "sites", "organisation", "sector"]}),
        (
            _("A figure"),
            {"fields": ["label", "qualifier", "amount", "amount_to", "unit", "is_key_figure"]},
        ),
        (_("Or in words"), {"fields": ["text"]}),
        (
            _("When, and from where"),
            {
                "fields": [
                    "as_of",
                    "as_of_precision",
                    "period_start",
                    "period_end",
                    "period_label",
                    "rank",
                    "position",
                    "note",
                    "sources",
                ]
            },
        ),
    ]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting to an old version rewrites every field: superusers only."""
        refuse_revert_unless_superuser(request)
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(SiteStatus)
class SiteStatusAdmin(
    LockedWhileSaving, FilterValuesCheckedMixin, SimpleHistoryAdmin, TranslationAdmin
):
    """
    Where editors keep statuses current, straight from the list, without opening each one: a
    row is a site's status statement (the status, its note in both languages, its date), and
    the site's status follows its newest.
    """

    form = StaleEditGuardForm
    list_display = ["site_names", *STATUS_FIELDS]
    list_display_links = ["site_names"]
    list_editable = STATUS_FIELDS
    # About 9 fields a row: a page of 100 rows was more than Django takes in one request
    # (DATA_UPLOAD_MAX_NUMBER_FIELDS, 1,000), and saving it a 400.
    list_per_page = 50
    list_filter = ["status", "nature", "sites__kind"]
    search_fields = ["sites__name_vi", "sites__name_en", "text_vi", "text_en", "slug"]
    filter_horizontal = ["sites", "sources"]
    history_list_display = ["status", "as_of", "text_vi"]
    fieldsets = [
        (None, {"fields": ["slug", "sites", "status", "nature", "text", "version"]}),
        (
            _("When, and from where"),
            {"fields": ["as_of", "as_of_precision", "rank", "position", "note", "sources"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sites")

    @admin.display(description=_("sites concerned"))
    def site_names(self, statement):
        return ", ".join(site.name for site in statement.sites.all()) or statement.slug

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault(
            "widgets",
            {
                "text_vi": forms.Textarea(attrs={"rows": 2, "cols": 28}),
                "text_en": forms.Textarea(attrs={"rows": 2, "cols": 28}),
            },
        )
        kwargs.setdefault("form", StaleEditGuardForm)
        form_class = super().get_changelist_form(request, **kwargs)
        return remember_shown_values(form_class, STATUS_FIELDS)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting to an old version rewrites every field: superusers only."""
        refuse_revert_unless_superuser(request)
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(PlanningDocument)
class PlanningDocumentAdmin(FilterValuesCheckedMixin, TranslationAdmin):
    list_display = ["number", "issued_on", "issuer", "replaced"]
    search_fields = ["number", "subject_vi", "subject_en", "slug"]
    filter_horizontal = ["sites", "sources"]
