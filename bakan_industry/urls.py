from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from common.caching import numbered_page, public_page
from investments import views as investment_views
from portal import views
from portal.sitemaps import SITEMAPS
from zones import views as zone_views

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("health/", views.health, name="health"),
    # Open data: one address whatever the reader's language, both languages inside.
    path("api/sites.geojson", zone_views.sites_geojson, name="sites-geojson"),
    path("api/projects.json", investment_views.projects_json, name="projects-json"),
    path("api/sites.csv", zone_views.sites_csv, name="sites-csv"),
    path(
        "api/investor-statements.json",
        zone_views.investor_statements_json,
        name="investor-statements-json",
    ),
    path("api/projects.csv", investment_views.projects_csv, name="projects-csv"),
    path("api/sources.csv", zone_views.sources_csv, name="sources-csv"),
    path("api/statements.csv", zone_views.statements_csv, name="statements-csv"),
    path("api/datapackage.json", views.data_package, name="data-package"),
    path(
        "sitemap.xml",
        require_safe(public_page(sitemap, query=numbered_page("p"))),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
]
urlpatterns += i18n_patterns(
    path("", include("zones.urls")),
    path("", include("investments.urls")),
    path("sources/", views.sources_and_method, name="sources"),
    path("search/", views.search, name="search"),
    prefix_default_language=False,
)
