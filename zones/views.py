"""Public pages about sites and organisations. Thin: the queries live on the models' QuerySets."""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, Q
from django.http import HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_safe

from common.caching import built_once, filter_query, public_page
from common.charts import line_chart, newest_first
from common.citations import Footnotes
from common.http import absolute_url, download, readable_anywhere
from common.locator import locator_map
from common.pagination import paginate
from common.spreadsheets import XLSX_CONTENT_TYPE, csv_text, xlsx_bytes

from .comparison import MAX_COMPARED, MIN_COMPARED, comparison_rows
from .filters import PlanningDocumentFilter, SiteFilter
from .geojson import map_collection
from .glance import developer_cell, first_statement_cell, glance
from .models import Organisation, PlanningDocument, Site, Source, Statement
from .open_data import (
    investor_statements,
    site_sheet,
    site_table,
    sites_feature_collection,
    source_table,
    statement_table,
)

# Up to this many sites, the home page lists them all beside the map; beyond it (a national
# register) the list moves to the paginated site list, and the map clusters its markers.
HOME_LIST_LIMIT = 300
SITE_LIST_PAGE_SIZE = 50
# A statement about this many sites or more is about the province, not one site.
PROVINCE_WIDE = 3
SITES_FILE_STEM = pgettext_lazy("file name of the site list download", "bac-kan-sites")


def home_map():
    """(number of sites on the map, the map's data): every filter of the home page shares it."""
    rows = Site.objects.public().top_level().for_map()
    return len(rows), map_collection(rows)


@require_safe
@public_page(query=filter_query(SiteFilter))
def home(request):
    """The map, the same sites as a plain list, and the key figures."""
    all_sites = Site.objects.for_list().top_level()
    site_filter = SiteFilter(request.GET, queryset=all_sites)
    shown = set(site_filter.qs.values_list("pk", flat=True))
    site_count, map_data = built_once("home-map", home_map)
    list_limited = site_count > HOME_LIST_LIMIT
    return render(
        request,
        "zones/home.html",
        {
            "sites": [] if list_limited else list(all_sites),
            "site_count": site_count,
            "list_limited": list_limited,
            "shown": shown,
            "filter": site_filter,
            "map_data": map_data,
            "statuses": Site.Status,
            "key_figures": Statement.objects.key_figures(),
        },
    )


@require_safe
@public_page(query=filter_query(SiteFilter, paginated=True))
def site_list(request):
    site_filter = SiteFilter(request.GET, queryset=Site.objects.for_list())
    pages = paginate(request, site_filter.qs, SITE_LIST_PAGE_SIZE)
    return render(
        request,
        "zones/site_list.html",
        {"filter": site_filter, "sites": pages["page"].object_list, **pages},
    )


def located_projects():
    """
    The projects at a site, with what the page shows of each, through the reverse relation:
    projects belong to the investments app, which points at sites, and reading them this way
    keeps zones free of any import of investments.
    """
    projects = Site._meta.get_field("projects").related_model.objects
    return Prefetch("projects", queryset=projects.for_list(), to_attr="located_projects")


@require_safe
@public_page
def site_detail(request, slug):
    site = get_object_or_404(
        Site.objects.for_detail().with_first_area().prefetch_related(located_projects()),
        slug=slug,
    )
    footnotes = Footnotes.for_citations(site.citations.all())
    own_citations = len(footnotes.entries)
    for shown in [site, *site.phases.all()]:
        for figure in shown.area_figures:
            figure.refs = footnotes.cite_figure(figure)
    # The phases' table cites each phase's status as the page does its area.
    for phase in site.phases.all():
        if current := phase.status_statement:
            phase.status_refs = [
                footnotes.cite(source, f"fact-{current.pk}") for source in current.sources.all()
            ]
    statements = site.statements_with_phases()
    figures = [s for s in statements if s.is_figure]
    for figure in figures:
        figure.refs = footnotes.cite_figure(figure)
    for project in site.located_projects:
        for figure in project.capital_figures:
            figure.refs = footnotes.cite_figure(figure)
    here = [site.pk, *(phase.pk for phase in site.phases.all())]
    # Statements in words: the investors' part, the summary's answers, the founding decision
    # and the expected start of operation.
    in_words = [s for s in statements if not s.is_figure]
    for fact in in_words:
        fact.refs = [footnotes.cite(source, f"fact-{fact.pk}") for source in fact.sources.all()]
        # A zone's factsheet leaves a statement about one of its phases alone to that phase's
        # own factsheet: with them all, the zone's would not fit on two sheets of paper.
        fact.on_paper = not (fact.phases and site.phase is None) and (
            # Statements about the whole province (the capital's distances, the national
            # incentive scheme) stay on screen; what no source gives is printed.
            fact.nature == Statement.Nature.NOT_FOUND or len(fact.sites.all()) < PROVINCE_WIDE
        )
    documents = list(PlanningDocument.objects.for_sites(here))
    for document in documents:
        document.refs = [
            footnotes.cite(source, f"document-{document.pk}") for source in document.sources.all()
        ]
    at_a_glance = glance(site, statements, footnotes)
    # The lines of the site's details that statements answer, printed whole.
    developers = developer_cell(site, in_words, footnotes)
    founding = first_statement_cell(site, in_words, Statement.Kind.FOUNDING, footnotes)
    located = next((shown for shown in [site, site.parent] if shown and shown.location), None)
    # On paper the summary and the investors' part share a sheet: a statement the summary
    # prints is not printed twice.
    summarised = {
        fact.pk
        for _key, _label, cell in at_a_glance
        if cell.template == "statements"
        for fact in cell.value
    }
    for fact in in_words:
        fact.on_paper = fact.on_paper and fact.pk not in summarised
    # The sources the factsheet (the page on paper) still cites: the site's own facts, its
    # area, the summary, the investors' part. Those of the long tables (screen only) are left
    # off paper.
    on_paper = {number for number, _source, _notes in footnotes.entries[:own_citations]}
    for record in [*site.area_figures, *(f for f in in_words if f.on_paper), *documents]:
        on_paper.update(record.refs)
    for _key, _label, cell in [*at_a_glance, (None, None, founding)]:
        on_paper.update(cell.refs)
        values = cell.value if isinstance(cell.value, (list, tuple)) else [cell.value]
        for value in values:
            on_paper.update(getattr(value, "refs", ()))
    # A phase's developer is on the phase's own factsheet; the zone's names it on screen only.
    for statement in developers.value or []:
        if not statement.about_phases:
            on_paper.update(statement.refs)
    # When the site is expected to operate, as each source said it, newest said first.
    expectations = sorted(
        (s for s in in_words if s.kind == Statement.Kind.OPERATION),
        key=Statement.reading_order,
    )
    by_kind = Statement.Kind
    # What a source reports as so; plans, expectations and targets go to a table of their own.
    reported = [f for f in figures if f.nature == Statement.Nature.REPORT]
    series = newest_first([f for f in reported if f.kind in Statement.SERIES_KINDS])
    single = [
        f for f in reported if f.kind not in Statement.SERIES_KINDS and f.kind != by_kind.AREA
    ]
    return render(
        request,
        "zones/site_detail.html",
        {
            "site": site,
            "footnotes": footnotes,
            "glance": at_a_glance,
            "money": [f for f in single if f.is_money],
            # Counts and areas of several sites (the six clusters' 186.4 ha): not money.
            "other_figures": [f for f in single if not f.is_money],
            "series": series,
            "targets": [f for f in figures if f.nature != Statement.Nature.REPORT],
            "charts": [
                chart
                for chart in (
                    line_chart(
                        _("Tenants"),
                        (_("all tenants"), [f for f in series if f.kind == by_kind.TENANTS]),
                        (
                            _("operating"),
                            [f for f in series if f.kind == by_kind.OPERATING_TENANTS],
                        ),
                    ),
                    line_chart(
                        _("Workers"),
                        (_("workers"), [f for f in series if f.kind == by_kind.WORKERS]),
                    ),
                )
                if chart
            ],
            "timeline": site.status_timeline(),
            "expectations": expectations,
            "founding": founding,
            "developers": developers,
            "status": next(cell for key, _label, cell in at_a_glance if key == "status"),
            "sectors": next(cell for key, _label, cell in at_a_glance if key == "sectors"),
            # (topic, label, statements, whether anything under its heading is printed): a
            # heading whose statements all stay on screen stays on screen too.
            "investor_topics": [
                (
                    topic,
                    label,
                    facts,
                    not facts
                    or any(fact.on_paper for fact in facts)
                    or (topic == "planning" and bool(documents)),
                )
                for topic, label, facts in Statement.by_topic(in_words)
            ],
            "topic_figures": {
                topic: newest_first([f for f in reported if f.topic == topic])
                for topic in Statement.Topic.values
            },
            "planning_documents": documents,
            "footnotes_on_paper": on_paper,
            "map_data": map_collection([site.map_row()]),
            # A phase has no point of its own: it is shown where its zone is.
            "located": located,
            "locator": located and locator_map(located.location),
        },
    )


COMPARE_PICKER_LIMIT = HOME_LIST_LIMIT  # above it, sites are named by code, not ticked
CODE = re.compile(r"^[-a-z0-9]{1,120}$")
MOST_NAMED = 20  # values beyond this are not even read


def comparison_query(request):
    """
    The sites asked for, in the order given, repeats dropped; stored only when it is a
    comparison that can be made (two to four well-formed codes), so the cache stays bounded.
    """
    named = list(dict.fromkeys(value.strip() for value in request.GET.getlist("site")))
    named = [value for value in named if value][:MOST_NAMED]
    query = QueryDict(mutable=True)
    query.setlist("site", named)
    cacheable = MIN_COMPARED <= len(named) <= MAX_COMPARED and all(map(CODE.match, named))
    return query, cacheable


@require_safe
@public_page(query=comparison_query)
def compare(request):
    """Two to four sites side by side; a GET form, so a comparison is an address to share."""
    named = request.GET.getlist("site")
    problems = []
    if len(named) > MAX_COMPARED:
        problems.append(
            _("Pick at most %(most)s sites; %(count)s were named.")
            % {"most": MAX_COMPARED, "count": len(named)}
        )
        named = []
    # Only well-formed codes reach the query: PostgreSQL refuses a NUL in any string.
    codes = [value for value in named if CODE.match(value)]
    found = {site.slug: site for site in Site.objects.for_comparison().filter(slug__in=codes)}
    unknown = ["".join(filter(str.isprintable, value)) for value in named if value not in found]
    if unknown:
        problems.append(_("No site has the code %(codes)s.") % {"codes": ", ".join(unknown)})
    sites = [found[value] for value in named if value in found]
    rows, footnotes = comparison_rows(sites) if len(sites) >= MIN_COMPARED else ([], None)
    all_sites = Site.objects.public().order_by("kind", "name")
    picker = all_sites if all_sites.count() <= COMPARE_PICKER_LIMIT else None
    return render(
        request,
        "zones/compare.html",
        {
            "sites": sites,
            "rows": rows,
            "footnotes": footnotes,
            "problems": problems,
            "picker": picker,
            "chosen": set(named),
            "fewest": MIN_COMPARED,
            "most": MAX_COMPARED,
        },
        status=400 if problems else 200,
    )


@require_safe
@public_page(query=filter_query(PlanningDocumentFilter))
def planning_documents(request):
    """Every planning document the sources name, searchable by its number."""
    document_filter = PlanningDocumentFilter(
        request.GET, queryset=PlanningDocument.objects.public().with_sources()
    )
    return render(request, "zones/planning_documents.html", {"filter": document_filter})


@require_safe
@public_page
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("set_up_by").prefetch_related(
            "sources",
            "companies_set_up",
        ),
        slug=slug,
    )
    # Its projects, and those of the companies it set up to carry them out (Better Power's
    # footwear plant is carried out by Chung Jye, which it set up): read through the reverse
    # relation, as zones does not import investments.
    projects = Organisation._meta.get_field("projects").related_model.objects.for_list()
    organisation.invested_projects = list(
        projects.filter(Q(investor=organisation) | Q(investor__set_up_by=organisation))
    )
    developed_sites = list(Site.objects.for_list().developed_by(organisation))
    managed_sites = Site.objects.public().filter(
        statements__organisation=organisation,
        statements__kind__in=[Statement.Kind.MANAGER, Statement.Kind.INSTITUTIONS],
    )
    # Every source the page names: the organisation's own, and those of the figures its
    # tables show (a site's area, a project's capital).
    shown_figures = [
        *(site.area_figure for site in developed_sites),
        *(
            figure
            for project in organisation.invested_projects
            for figure in project.capital_figures
        ),
    ]
    # And those that name it as a site's developer.
    shown_figures += [
        statement
        for site in developed_sites
        for statement in site.developers
        if statement.organisation_id == organisation.pk
    ]
    sources = {source.pk: source for source in organisation.sources.all()}
    for figure in filter(None, shown_figures):
        sources.update((source.pk, source) for source in figure.sources.all())
    # And those of the sites' statuses, which the table names too.
    for site in developed_sites:
        sources.update((source.pk, source) for source in site.status_sources)
    return render(
        request,
        "zones/organisation_detail.html",
        {
            "organisation": organisation,
            "developed_sites": developed_sites,
            "managed_sites": managed_sites.distinct().order_by("pk"),
            "sources": [sources[pk] for pk in sorted(sources)],
        },
    )


@require_safe
@readable_anywhere
@public_page
def sites_geojson(request):
    """Open data: every site, phases included, as a GeoJSON FeatureCollection."""
    content = built_once("sites-geojson", sites_geojson_bytes)
    return HttpResponse(content, content_type="application/geo+json")


def sites_geojson_bytes():
    collection = sites_feature_collection(Site.objects.public().order_by("pk"), absolute_url)
    return json.dumps(collection, ensure_ascii=False, cls=DjangoJSONEncoder).encode()


@require_safe
@readable_anywhere
@public_page(store=False)
def sites_csv(request):
    """Open data: the sites as CSV, field names and codes as the data package describes them."""
    headers, rows = site_table(Site.objects.public().order_by("pk"), absolute_url)
    return download(csv_text(headers, rows).encode("utf-8"), "text/csv; charset=utf-8", "sites.csv")


@require_safe
@readable_anywhere
@public_page(store=False)
def sources_csv(request):
    """Open data: every source, so that software can resolve the keys the other files cite."""
    headers, rows = source_table(Source.objects.all())
    return download(
        csv_text(headers, rows).encode("utf-8"), "text/csv; charset=utf-8", "sources.csv"
    )


@require_safe
@readable_anywhere
@public_page(store=False)
def statements_csv(request):
    """Open data: every statement, the fields of investor-statements.json in one table."""
    headers, rows = statement_table()
    return download(
        csv_text(headers, rows).encode("utf-8"), "text/csv; charset=utf-8", "statements.csv"
    )


@require_safe
@public_page(store=False)
def site_export(request):
    """Every site as a spreadsheet to read: headings in the reader's language, labels, dates."""
    headings, rows, formats = site_sheet(Site.objects.public().order_by("pk"), absolute_url)
    content = xlsx_bytes(
        headings, rows, title=pgettext("sheet name", "Sites"), number_formats=formats
    )
    file_name = f"{SITES_FILE_STEM}-{timezone.localdate().isoformat()}.xlsx"
    return download(content, XLSX_CONTENT_TYPE, file_name)


@require_safe
@readable_anywhere
@public_page
def investor_statements_json(request):
    """Open data: the statements for investors and the planning documents, both languages."""
    return JsonResponse(
        investor_statements(absolute_url), json_dumps_params={"ensure_ascii": False}
    )
