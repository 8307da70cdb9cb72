"""Public project pages and the projects' open data. Thin: queries live on ProjectQuerySet."""

import json

from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.http import require_safe

from common.caching import built_once_bounded, busy_means_retry, filter_query, public_page
from common.citations import Footnotes
from common.http import absolute_url, download, readable_anywhere
from common.pagination import paginate
from common.spreadsheets import csv_text
from zones.models import first_and_others
from zones.open_data import file_header

from .exports import (
    ABOUT_THIS_LIST,
    project_records,
    project_table,
    public_export,
    public_export_name,
)
from .filters import ProjectFilter
from .models import Project, ProjectStatement

PAGE_SIZE = 25


def filtered_projects(request):
    """The project list as the reader filtered it: shared by the page, its export and JSON."""
    return ProjectFilter(request.GET, queryset=Project.objects.for_list())


def invalid_filters(project_filter):
    """
    {parameter: [reasons]} for the values a file's reader asked for that no project can have.
    The list page ignores them; a file must not quietly hold every project instead.
    """
    return {
        name: [str(reason) for reason in reasons] for name, reasons in project_filter.errors.items()
    }


@require_safe
@public_page(query=filter_query(ProjectFilter, paginated=True))
def project_list(request):
    project_filter = filtered_projects(request)
    pages = paginate(request, project_filter.qs, PAGE_SIZE)
    return render(
        request,
        "investments/project_list.html",
        {
            "filter": project_filter,
            "filters_in_use": any(key != "page" for key in request.GET),
            "projects": pages["page"].object_list,
            **pages,
        },
    )


@require_safe
@public_page(query=filter_query(ProjectFilter), store=False)
@busy_means_retry
def project_export(request, file_format):
    """The list exactly as filtered on screen, as a spreadsheet (all pages, not just one)."""
    if file_format not in {"xlsx", "csv"}:
        raise Http404
    project_filter = filtered_projects(request)
    if invalid := invalid_filters(project_filter):
        reasons = "; ".join(f"{name}: {' '.join(why)}" for name, why in invalid.items())
        return HttpResponseBadRequest(reasons, content_type="text/plain; charset=utf-8")

    def build():
        return public_export(project_filter.qs, file_format, absolute_url)[:2]

    # Built once per data version, language and filters (request.GET is normalised).
    name = f"project-list.{file_format}?{request.GET.urlencode()}"
    content, content_type = built_once_bounded(name, build, keep="q" not in request.GET)
    return download(content, content_type, public_export_name(file_format))


@require_safe
@readable_anywhere
@public_page(store=False)
@busy_means_retry
def projects_csv(request):
    """Open data: every project as CSV, field names and codes as the data package describes."""

    def build():
        headers, rows = project_table(Project.objects.public().order_by("pk"), absolute_url)
        return csv_text(headers, rows).encode("utf-8")

    content = built_once_bounded("projects.csv", build)
    return download(content, "text/csv; charset=utf-8", "projects.csv")


@require_safe
@public_page
def project_detail(request, slug):
    project = get_object_or_404(Project.objects.for_detail(), slug=slug)
    footnotes = Footnotes.for_citations(project.citations.all())
    figure_rows = []
    for kind in ProjectStatement.FIGURES:
        label = kind.label
        figures = [figure for figure in project.statements.all() if figure.kind == kind]
        for figure in figures:
            figure.refs = footnotes.cite_figure(figure)
        first, others = first_and_others(figures)
        # Capital and area are always listed ("not stated" when no source gives them).
        if first or kind in (ProjectStatement.Kind.CAPITAL, ProjectStatement.Kind.AREA):
            figure_rows.append((kind, label, first, others))
    statuses = sorted(
        (s for s in project.statements.all() if s.kind == ProjectStatement.Kind.STATUS),
        key=ProjectStatement.reading_order,
    )
    for status in statuses:
        status.refs = footnotes.cite_figure(status)
    if investor := project.investor_statement:
        investor.refs = footnotes.cite_figure(investor)
    if approval := project.approval_statement:
        approval.refs = footnotes.cite_figure(approval)
    if sector := project.sector_statement:
        sector.refs = footnotes.cite_figure(sector)
    if origin := project.origin_statement:
        origin.refs = footnotes.cite_figure(origin)
    capacities = sorted(
        (s for s in project.statements.all() if s.kind == ProjectStatement.Kind.CAPACITY),
        key=ProjectStatement.reading_order,
    )
    for capacity in capacities:
        capacity.refs = footnotes.cite_figure(capacity)
    return render(
        request,
        "investments/project_detail.html",
        {
            "project": project,
            "footnotes": footnotes,
            "figure_rows": figure_rows,
            # Its current status first, as its status columns copy it, then what else the
            # sources reported.
            "statuses": statuses,
            "investor": investor,
            "approval": approval,
            "sector": sector,
            "origin": origin,
            "capacities": capacities,
        },
    )


@require_safe
@readable_anywhere
@public_page(query=filter_query(ProjectFilter))
@busy_means_retry
def projects_json(request):
    """Open data: the projects, filtered with the same parameters as the list page."""
    project_filter = filtered_projects(request)
    if invalid := invalid_filters(project_filter):
        return JsonResponse(
            {"error": "invalid filter values", "invalid": invalid},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )

    def build():
        about = {}
        for language in ("vi", "en"):
            with translation.override(language):
                about[language] = " ".join(str(line) for line in ABOUT_THIS_LIST)
        data = list(project_records(project_filter.qs, absolute_url))
        body = {**file_header(absolute_url), "about": about, "projects": data}
        return json.dumps(body, ensure_ascii=False).encode()

    name = f"projects.json?{request.GET.urlencode()}"
    content = built_once_bounded(name, build, keep="q" not in request.GET)
    return HttpResponse(content, content_type="application/json")
