"""Fields stored in both Vietnamese and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Project, ProjectCitation


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(ProjectCitation)
class ProjectCitationTranslationOptions(TranslationOptions):
    fields = ("note",)
