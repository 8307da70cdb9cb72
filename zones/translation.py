"""Fields stored in both Vietnamese and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    InvestorFact,
    Organisation,
    PlanningDocument,
    ReportedFigure,
    Sector,
    Site,
    SiteCitation,
    Source,
)


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description", "origin_note")


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Site)
class SiteTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "description",
        "commune",
        "developer_note",
        "status_note",
        "location_note",
    )


@register(SiteCitation)
class SiteCitationTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(ReportedFigure)
class ReportedFigureTranslationOptions(TranslationOptions):
    fields = ("label", "note", "period_label")


@register(InvestorFact)
class InvestorFactTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(PlanningDocument)
class PlanningDocumentTranslationOptions(TranslationOptions):
    fields = ("issuer", "subject")
