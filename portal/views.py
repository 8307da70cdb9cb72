"""Site-wide pages that draw on both apps: sources and method, robots.txt."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from common.caching import cache_status, public_page, search_query
from common.database_waits import waits_at_most
from common.http import absolute_url, readable_anywhere
from common.text import query_words
from investments.exports import PROJECT_FIELDS
from investments.models import Project
from zones.models import Organisation, PlanningDocument, Sector, Site, Source, Statement
from zones.open_data import SITE_FIELDS, SOURCE_FIELDS, STATEMENT_FIELDS

from . import open_data


@require_safe
@public_page
def sources_and_method(request):
    # Totals: figures about the province or about several sites at once. A site's own
    # figures are on its page.
    totals = (
        Statement.objects.figures()
        .annotate(site_count=Count("sites", distinct=True))
        .exclude(site_count=1)
        .public()
        .with_sources()
    )
    return render(
        request,
        "sources.html",
        {
            "sources": Source.objects.all(),
            "figures": totals,
            "fdi_sectors": Sector.objects.filter(invited_for_fdi=True),
            "dataset": open_data.dataset_description(absolute_url),
            "open_tables": [
                (_("Sites"), "sites-csv", SITE_FIELDS),
                (_("Projects"), "projects-csv", PROJECT_FIELDS),
                (_("Sources"), "sources-csv", SOURCE_FIELDS),
                (_("Statements"), "statements-csv", STATEMENT_FIELDS),
            ],
        },
    )


# Each kind of record shows at most this many matches; its own list has the rest.
SEARCH_GROUP_SIZE = 10


@require_safe
@public_page(query=search_query)
def search(request):
    """
    One search for the whole portal, from the box in every page's header: sites, projects,
    organisations, planning documents and sources, each kind a group of its own, on whole
    words without diacritics, the records holding the words side by side first.
    """
    query = request.GET.get("q", "")
    groups = []
    if query_words(query):
        found = [
            ("sites", _("Sites"), Site.objects.public().search(query), "zones:list"),
            (
                "projects",
                _("Projects"),
                Project.objects.for_list().search(query),
                "investments:list",
            ),
            ("organisations", _("Organisations"), Organisation.objects.search(query), None),
            (
                "documents",
                _("Planning documents"),
                PlanningDocument.objects.public().search(query),
                "zones:documents",
            ),
            ("sources", _("Sources"), Source.objects.search(query), None),
        ]
        for key, label, records, full_list in found:
            shown = list(records.ranked(query)[: SEARCH_GROUP_SIZE + 1])
            groups.append(
                {
                    "key": key,
                    "label": label,
                    "records": shown[:SEARCH_GROUP_SIZE],
                    # Only a list that can show the rest is linked: it takes the same search.
                    "more": full_list if len(shown) > SEARCH_GROUP_SIZE else None,
                }
            )
    return render(
        request,
        "search.html",
        {
            "query": query,
            "searched": bool(query_words(query)),
            "groups": [group for group in groups if group["records"]],
        },
    )


@require_safe
@readable_anywhere
@public_page
def data_package(request):
    """The open data's description (Frictionless Data Package), at a stable address."""
    return JsonResponse(
        open_data.data_package(absolute_url), json_dumps_params={"ensure_ascii": False}
    )


@csrf_exempt  # GET only: a POST gets require_safe's 405
@require_safe
@never_cache
def health(request):
    """
    For the load balancer: 200 while the database answers, 503 while it does not. The page
    cache is reported too, but does not decide the code: without it every page is still
    served (uncached, slower), so taking the server out of rotation would only make it worse.
    """
    cache = cache_status()
    try:
        with waits_at_most(settings.HEALTH_DATABASE_WAIT_SECONDS), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        body = {"status": "unavailable", "database": "unavailable", "cache": cache}
        return JsonResponse(body, status=503)
    status = "ok" if cache == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache})


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links: the icon's fingerprinted file."""
    return HttpResponsePermanentRedirect(static("img/icon-32.png"))


@require_safe
@public_page
def robots_txt(request):
    # The admin is not named: robots.txt is public, and a moved admin path should stay
    # unknown. It needs a login anyway, so crawlers find nothing there.
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
