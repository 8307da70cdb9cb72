"""Filters for the map and the site list (django-filter). Invalid values are ignored."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import District, PlanningDocument, Site


class SiteFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    # Several kinds at once: the map's "zones / clusters" switches are checkboxes.
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=Site.Kind.choices)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Site.Status.choices, empty_label=_("All")
    )
    district = django_filters.ChoiceFilter(
        label=_("District (before 2025)"), choices=District.choices, empty_label=_("All")
    )

    class Meta:
        model = Site
        fields = ["q", "kind", "status", "district"]

    def search(self, queryset, name, value):
        return queryset.search(value)


class PlanningDocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Number or words"), method="search")

    class Meta:
        model = PlanningDocument
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.search(value)
