"""Public pages about sites and organisations. Thin: the queries live on the models' QuerySets."""

from django.db.models import Prefetch, Sum
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .caching import public_page
from .citations import Footnotes
from .filters import SiteFilter
from .geojson import map_collection, open_data_collection
from .http import readable_anywhere
from .models import Organisation, ReportedFigure, Site
from .pagination import paginate

# Up to this many sites, the home page lists them all beside the map; beyond it (a national
# register) the list moves to the paginated site list, and the map clusters its markers.
HOME_LIST_LIMIT = 300
SITE_LIST_PAGE_SIZE = 50


@require_safe
@public_page
def home(request):
    """The map, the same sites as a plain list, and the key figures."""
    all_sites = Site.objects.public().top_level()
    site_filter = SiteFilter(request.GET, queryset=all_sites)
    shown = set(site_filter.qs.values_list("pk", flat=True))
    map_rows = Site.objects.top_level().for_map()
    list_limited = len(map_rows) > HOME_LIST_LIMIT
    return render(
        request,
        "zones/home.html",
        {
            "sites": [] if list_limited else list(all_sites),
            "site_count": len(map_rows),
            "list_limited": list_limited,
            "shown": shown,
            "filter": site_filter,
            "map_data": map_collection(map_rows),
            "statuses": Site.Status,
            "key_figures": ReportedFigure.objects.filter(is_key_figure=True).select_related(
                "source"
            ),
            "cluster_count": sum(row["kind"] == Site.Kind.CLUSTER for row in map_rows),
            "phase_count": Site.objects.filter(parent__isnull=False).count(),
            "total_area": all_sites.aggregate(total=Sum("area_ha"))["total"],
        },
    )


@require_safe
@public_page
def site_list(request):
    site_filter = SiteFilter(request.GET, queryset=Site.objects.public())
    pages = paginate(request, site_filter.qs, SITE_LIST_PAGE_SIZE)
    return render(
        request,
        "zones/site_list.html",
        {"filter": site_filter, "sites": pages["page"].object_list, **pages},
    )


@require_safe
@public_page
def site_detail(request, slug):
    site = get_object_or_404(
        Site.objects.for_detail().prefetch_related(
            # Projects belong to the investments app, which points at sites; reading them
            # through the reverse relation keeps zones free of any import of investments.
            Prefetch("projects", to_attr="located_projects")
        ),
        slug=slug,
    )
    footnotes = Footnotes.for_citations(site.citations.all())
    figures = site.figures_with_phases()
    for figure in figures:
        figure.footnote = footnotes.cite(figure.source, f"figure-{figure.pk}")
    return render(
        request,
        "zones/site_detail.html",
        {
            "site": site,
            "footnotes": footnotes,
            "figures": figures,
            "timeline": site.status_timeline(),
            "map_data": map_collection([site.map_row()]),
        },
    )


@require_safe
@public_page
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related(
            Prefetch("developed_sites", queryset=Site.objects.public()),
            "sources",
            Prefetch("projects", to_attr="invested_projects"),
        ),
        slug=slug,
    )
    return render(request, "zones/organisation_detail.html", {"organisation": organisation})


@require_safe
@readable_anywhere
@public_page
def sites_geojson(request):
    """Open data: every site, phases included, as a GeoJSON FeatureCollection."""
    collection = open_data_collection(Site.objects.order_by("pk"), request.build_absolute_uri)
    return JsonResponse(collection, json_dumps_params={"ensure_ascii": False})
