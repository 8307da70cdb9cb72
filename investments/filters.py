"""Filters for the project list, its export and its JSON (django-filter).

Values that do not validate (an unknown site, a year that is not a number) are ignored rather
than failing the page; the form shows what was not understood.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from zones.models import Sector, Site

from .models import FDI_LABELS, Project

SITE_MENU_LIMIT = 200


class SiteMenu(forms.Select):
    """
    The site menu, or, past SITE_MENU_LIMIT sites, a box for a site's code (as linked from each
    site's page): a national register's thousands of sites make an unusable menu and a slow
    page. Decided when the form is drawn, with the query that fills the menu, so the export
    and the JSON, which never draw it, run no query for it.
    """

    def render(self, name, value, attrs=None, renderer=None):
        sites = self.choices.queryset
        # Counted first: loading 201 sites only to find there are too many costs a national
        # register's page 10 ms.
        if sites[: SITE_MENU_LIMIT + 1].count() > SITE_MENU_LIMIT:
            placeholder = _("site code, e.g. quang-chu")
            code_box = forms.TextInput({**self.attrs, "placeholder": placeholder})
            return code_box.render(name, value, attrs, renderer)
        empty = ("", self.choices.field.empty_label)
        menu = sites.select_related(None).only("slug", "name")  # only what the menu shows
        self.choices = [empty, *((site.slug, str(site)) for site in menu)]
        return super().render(name, value, attrs, renderer)


class YearFilter(django_filters.NumberFilter):
    """A whole year within bounds: an out-of-range year would otherwise fail the date lookup."""

    field_class = forms.IntegerField


FDI_CHOICES = [
    ("fdi", FDI_LABELS[True]),
    ("domestic", FDI_LABELS[False]),
    ("unknown", FDI_LABELS[None]),
]


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    site = django_filters.ModelChoiceFilter(
        label=_("Site"),
        queryset=lambda request: Site.objects.public(),  # read when a filter is made
        to_field_name="slug",
        empty_label=_("All"),
        widget=SiteMenu,
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"),
        queryset=Sector.objects.filter(Exists(Project.objects.filter(sector=OuterRef("pk")))),
        to_field_name="slug",
        empty_label=_("All"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Project.Status.choices, empty_label=_("All")
    )
    fdi = django_filters.ChoiceFilter(
        label=_("FDI or domestic"), choices=FDI_CHOICES, method="filter_fdi", empty_label=_("All")
    )
    year = YearFilter(
        label=_("Year approved"),
        field_name="approval_date",
        lookup_expr="year",
        min_value=1990,
        max_value=2100,
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=[
            ("name", "name"),
            ("capital_vnd", "capital"),
            ("approval_date", "approved"),
            ("site__name", "site"),
        ],
        # Both directions labelled here: django-filter's own "(descending)" has no Vietnamese.
        field_labels={
            "name": _("Name, A to Z"),
            "-name": _("Name, Z to A"),
            "capital_vnd": _("Capital in đồng, smallest first"),
            "-capital": _("Capital in đồng, largest first"),
            "approval_date": _("Approval date, oldest first"),
            "-approved": _("Approval date, newest first"),
            "site__name": _("Site, A to Z"),
            "-site": _("Site, Z to A"),
        },
        empty_label=_("Default"),
    )

    class Meta:
        model = Project
        fields = ["q", "site", "sector", "status", "fdi", "year"]

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_fdi(self, queryset, name, value):
        return queryset.filter(is_fdi={"fdi": True, "domestic": False, "unknown": None}[value])
