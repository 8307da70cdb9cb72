"""Spreadsheet export of sites from the admin (django-import-export), explicit columns."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from import_export import fields, resources, widgets

from .models import Site, Unit

NATIVE_NUMBER = widgets.DecimalWidget(coerce_to_string=False)
NATIVE_DATE = widgets.DateWidget(coerce_to_string=False)


class SiteResource(resources.ModelResource):
    slug = fields.Field("slug", _("Site code"))
    name_vi = fields.Field("name_vi", _("Name (Vietnamese)"))
    name_en = fields.Field("name_en", _("Name (English)"))
    kind = fields.Field("kind", _("Kind"))
    phase_of = fields.Field("parent__slug", _("Phase of"))
    district = fields.Field("district", _("District (before 2025)"))
    commune = fields.Field("commune_vi", _("Commune or ward (before 2025)"))
    area_ha = fields.Field(None, _("Area (ha)"), NATIVE_NUMBER, readonly=True)
    developer = fields.Field(None, _("Developer"), readonly=True)
    status = fields.Field("status", _("Status"))
    status_note = fields.Field(None, _("Status note"), readonly=True)
    status_date = fields.Field("status_date", _("Status as of"), NATIVE_DATE)
    latitude = fields.Field("latitude", _("Latitude"), NATIVE_NUMBER)
    longitude = fields.Field("longitude", _("Longitude"), NATIVE_NUMBER)
    location_precision = fields.Field("location_precision", _("Location precision"))

    class Meta:
        model = Site
        fields = [
            "slug",
            "name_vi",
            "name_en",
            "kind",
            "phase_of",
            "district",
            "commune",
            "area_ha",
            "developer",
            "status",
            "status_note",
            "status_date",
            "latitude",
            "longitude",
            "location_precision",
        ]

    def get_queryset(self):
        return Site.objects.for_list()

    def dehydrate_area_ha(self, site):
        """The area the site's page shows first, when it is in hectares."""
        figure = site.area_figure
        return figure.amount if figure and figure.unit == Unit.HECTARES else None

    def dehydrate_developer(self, site):
        """The developers its list row names, each "(proposed)" where the source says so."""
        return "; ".join(
            statement.organisation.name_vi
            + (f" ({pgettext('developer', 'proposed')})" if statement.nature == "plan" else "")
            for statement in site.developers
            if statement.organisation and statement.nature != statement.Nature.NOT_FOUND
        )

    def dehydrate_status_note(self, site):
        """The note of its current status statement, in Vietnamese."""
        current = site.status_statement
        return current.text_vi if current else ""
