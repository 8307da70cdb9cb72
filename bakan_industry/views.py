"""Site-wide pages that draw on both apps: sources and method, robots.txt."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from investments.models import Project
from zones.caching import public_page
from zones.models import ReportedFigure, Sector, Source


@require_safe
@public_page
def sources_and_method(request):
    approved = ReportedFigure.objects.filter(kind=ReportedFigure.Kind.APPROVED_PROJECTS).first()
    return render(
        request,
        "sources.html",
        {
            "sources": Source.objects.all(),
            "figures": ReportedFigure.objects.select_related("source").prefetch_related("sites"),
            "approved": approved,
            "itemised_count": Project.objects.count(),
            "fdi_sectors": Sector.objects.filter(invited_for_fdi=True),
        },
    )


@require_safe
@public_page
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
