"""Admin for sites, organisations, sectors, reported figures and sources."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdminMixin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import Organisation, ReportedFigure, Sector, Site, SiteCitation, Source


@admin.register(Source)
class SourceAdmin(TranslationAdmin):
    list_display = ["key", "title", "publisher", "published_on", "published_year"]
    search_fields = ["key", "title", "publisher"]
    list_filter = ["publisher"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "kind", "origin"]
    list_filter = ["kind", "origin"]
    search_fields = ["name_vi", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_vi"]}
    filter_horizontal = ["sources"]


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    list_display = ["name", "slug", "invited_for_fdi"]
    list_filter = ["invited_for_fdi"]
    search_fields = ["name_vi", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


class SiteCitationInline(TranslationTabularInline):
    model = SiteCitation
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(Site)
class SiteAdmin(LeafletGeoAdminMixin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = [
        "name",
        "kind",
        "parent",
        "district",
        "area_ha",
        "developer",
        "status",
        "status_date",
    ]
    list_filter = ["kind", "status", "district", "location_precision"]
    list_select_related = ["developer", "parent"]
    search_fields = ["name_vi", "name_en", "commune_vi", "slug"]
    autocomplete_fields = ["developer", "parent"]
    filter_horizontal = ["target_sectors"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [SiteCitationInline]
    history_list_display = ["status", "status_date", "status_note"]
    fieldsets = [
        (None, {"fields": ["kind", "name", "slug", "parent", "phase", "description"]}),
        (
            _("Status"),
            {"fields": ["status", "status_note", "status_date", "expected_operation_year"]},
        ),
        (
            _("Place and size"),
            {"fields": ["district", "commune", "area_ha", "area_note"]},
        ),
        (
            _("Developer and founding"),
            {
                "fields": [
                    "developer",
                    "developer_note",
                    "founding_decision",
                    "founding_date",
                    "target_sectors",
                ]
            },
        ),
        (
            _("Map"),
            {"fields": ["location", "location_precision", "location_note", "boundary"]},
        ),
    ]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(TranslationAdmin):
    list_display = ["label", "kind", "qualifier", "amount", "unit", "period_start", "period_end"]
    list_filter = ["kind", "unit", "is_key_figure"]
    list_select_related = ["source"]
    search_fields = ["label_vi", "label_en", "slug"]
    autocomplete_fields = ["source"]
    filter_horizontal = ["sites"]
