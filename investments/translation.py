"""Fields stored in both Vietnamese and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Project, ProjectCitation, ProjectStatement


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("name", "description", "status_period")


@register(ProjectCitation)
class ProjectCitationTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(ProjectStatement)
class ProjectStatementTranslationOptions(TranslationOptions):
    fields = ("label", "text", "note", "period_label")
