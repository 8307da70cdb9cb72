"""Admin for investment projects."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import Project, ProjectCitation


class ProjectCitationInline(TranslationTabularInline):
    model = ProjectCitation
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = [
        "name",
        "site",
        "investor",
        "sector",
        "status",
        "registered_capital_vnd",
        "is_fdi",
        "approval_date",
    ]
    list_filter = ["status", "is_fdi", "sector", "site"]
    list_select_related = ["site", "investor", "sector"]
    search_fields = ["name_vi", "name_en", "slug", "investor__name_vi"]
    autocomplete_fields = ["site", "investor", "sector"]
    prepopulated_fields = {"slug": ["name_en"]}
    date_hierarchy = "approval_date"
    inlines = [ProjectCitationInline]
    history_list_display = ["status", "status_date"]
