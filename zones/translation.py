"""Fields stored in both Vietnamese and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

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


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Site)
class SiteTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "description",
        "commune",
        "location_note",
    )


@register(SiteCitation)
class SiteCitationTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Statement)
class StatementTranslationOptions(TranslationOptions):
    fields = ("label", "text", "note", "period_label")


# The proxy of the admin's Site statuses: the same columns, registered for its own admin.
@register(SiteStatus)
class SiteStatusTranslationOptions(TranslationOptions):
    fields = ()


@register(PlanningDocument)
class PlanningDocumentTranslationOptions(TranslationOptions):
    fields = ("issuer", "subject")
