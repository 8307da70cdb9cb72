"""
A value shown is a sourced statement, the same wherever it is shown.

- Provenance: every source key a page names in its text (a note's "(S21)") is in the page's
  own list of sources, on every site, project and organisation page, in both languages.
- Consistency: for every site, the comparison, the site's page (its summary, its tables, its
  description for search results), the map's popup and the open data show the same first
  value of each property they share.
"""

import html
import json
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from common.formatting import figure_date, format_figure, format_partial_date
from investments.models import Project, ProjectStatement
from zones.glance import GLANCE_FIGURES, LINES, shortened
from zones.models import Organisation, Site, Statement

pytestmark = pytest.mark.django_db

SOURCE_KEY = re.compile(r"\bS\d+\b")
LISTED_KEY = re.compile(r'class="source-key">(S\d+)<')


def page_text(markup):
    """What a reader sees of some markup: the text, without tags or scripts."""
    markup = re.sub(r"<script.*?</script>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def public_pages():
    pages = [site.get_absolute_url() for site in Site.objects.public()]
    pages += [project.get_absolute_url() for project in Project.objects.public()]
    pages += [organisation.get_absolute_url() for organisation in Organisation.objects.all()]
    return pages


def test_every_source_a_page_names_is_in_its_list_of_sources(client, facts):
    missing = {}
    for path in public_pages():
        for address in (path, f"/en{path}"):
            body = client.get(address).content.decode()
            text, _sep, sources = body.partition('<section class="footnotes"')
            listed = set(LISTED_KEY.findall(sources))
            named = set(SOURCE_KEY.findall(page_text(text.split("<main", 1)[-1])))
            if named - listed:
                missing[address] = sorted(named - listed)
    assert missing == {}


def comparison(client, sites, language):
    slugs = "&".join(f"site={site.slug}" for site in sites)
    body = client.get(f"{language}/sites/compare/?{slugs}").content.decode()
    cells = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S):
        heading = re.search(r'<th scope="row">(.*?)</th>', row, flags=re.S)
        if heading:
            values = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
            cells[page_text(heading.group(1)).strip()] = values
    return cells


def first_strong(markup):
    """The value a cell shows first (figures are shown in <strong>)."""
    found = re.search(r"<strong>(.*?)</strong>", markup, flags=re.S)
    return html.unescape(found.group(1)) if found else None


def seen(markup):
    """A value as a reader compares it: its text, without footnote numbers (each page numbers
    its own sources) and without the site page's jump to its tenant list."""
    markup = re.sub(r'<sup class="fn-ref">.*?</sup>', "", markup, flags=re.S)
    markup = re.sub(r'<a class="screen-only glance-jump".*?</a>', "", markup, flags=re.S)
    return page_text(markup)


def glance_lines(page):
    """{label: value markup} of a site page's "At a glance"."""
    summary = page.split('class="glance-list"', 1)[1].split("</dl>", 1)[0]
    return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd></div>", summary, flags=re.S))


@pytest.mark.parametrize("language", ["", "/en"])
def test_the_comparison_the_site_page_and_the_open_data_agree(client, facts, language):
    """
    For every site and every line of its "At a glance": the comparison shows the same value;
    a figure is the newest of its kind in the page's own table; the area and the status are
    the open data's, and every other line's value is the first the open data's statements
    list about the site (or one of its phases).
    """
    sites = list(Site.objects.for_comparison().order_by("pk"))
    opened = client.get("/api/investor-statements.json").json()["statements"]

    def first_in_open_data(site, kind, figure):
        here = {site.slug, *(phase.slug for phase in site.phases.all())}
        for record in opened:
            if (
                record["property"] == kind
                and here & set(record["sites"])
                and (record["amount"] is not None) == figure
                and (record["nature"] == "report" or not figure)
            ):
                return Statement.objects.get(slug=record["id"])
        return None

    geojson = json.loads(client.get("/api/sites.geojson").content)
    records = {feature["id"]: feature["properties"] for feature in geojson["features"]}
    home = client.get(f"{language}/").content.decode()
    map_data = home.split('id="map-data" type="application/json">', 1)[1].split("</script>")[0]
    map_data = json.loads(map_data)
    popups = {f["properties"]["id"]: f["properties"] for f in map_data["features"]}
    with translation.override("en" if language else "vi"):
        labels = {key: str(label) for key, label in LINES}
        for start in range(0, len(sites), 4):
            chunk = sites[start : start + 4]
            if len(chunk) < 2:
                chunk = sites[-2:]
            cells = comparison(client, chunk, language)
            for position, site in enumerate(chunk):
                page = client.get(site.get_absolute_url()).content.decode()
                lines = glance_lines(page)
                assert list(lines) == list(labels.values()), site.slug
                for label, markup in lines.items():
                    assert seen(cells[label][position]) == seen(markup), (site.slug, label)
                # The area: the summary's, the page's details' and the open data's.
                area = site.area_figure
                shown = first_strong(lines[labels["area"]])
                assert shown == format_figure(area), site.slug
                dd = page.split(f"<dt>{labels['area']}</dt>", 2)[2].split("</dd>", 1)[0]
                assert first_strong(dd) == shown, site.slug
                assert records[site.slug]["area_ha"] == float(area.amount), site.slug
                assert records[site.slug]["area_qual"] == area.qualifier, site.slug
                # The status: the summary's is the open data's and the map popup's, as of the
                # same date; the page's description (search results, link previews) says the
                # summary's area.
                assert records[site.slug]["status"] == site.status
                # ...with the sources of the same statement the page footnotes.
                current = site.status_statement
                keys = ", ".join(source.key for source in current.sources.all())
                assert records[site.slug]["status_src"] == keys, site.slug
                assert site.get_status_display() in seen(lines[labels["status"]])
                if site.parent_id is None:  # the map shows the zone and the clusters
                    assert popups[site.slug]["status"] == site.status
                    # The popup's words, as the map's script writes them ("as of 20 Aug 2024").
                    popup = map_data["labels"]["asOf"].replace(
                        "%(date)s", popups[site.slug]["asOf"]
                    )
                    assert popup in seen(lines[labels["status"]]), site.slug
                check_developer(site, page, cells, position, records[site.slug], language)
                check_founding_and_planned_investment(site, page, cells, position, opened)
                description = page.split('<meta name="description" content="', 1)[1]
                description = html.unescape(description.split('">', 1)[0])
                assert shown in description, site.slug
                # ...with the date each value refers to (a search result is read alone).
                assert f"{shown} (" in description and figure_date(area) in description
                status_date = format_partial_date(site.status_date, site.status_date_precision)
                assert f"{site.get_status_display()}, " in description, site.slug
                assert status_date and status_date in description, site.slug
                # Each figure line: the newest of its kind in the page's "Over time" table.
                body = page.partition('id="over-time"')[2]
                for kind in GLANCE_FIGURES:
                    if kind not in labels:
                        continue  # operating tenants are shown on the tenants' line
                    in_table = [
                        (body.index(f">{html.escape(text)}<"), text)
                        for text in map(format_figure, site_figures(site, kind))
                        if f">{html.escape(text)}<" in body
                    ]
                    newest = min(in_table)[1] if in_table else None
                    assert first_strong(lines[labels[kind]]) == newest, (site.slug, kind)
                    first = first_in_open_data(site, kind, figure=True)
                    assert newest == (first and format_figure(first)), (site.slug, kind)
                for kind in Statement.QUESTIONS:
                    first = first_in_open_data(site, kind, figure=False)
                    line = lines[labels[kind]]
                    if first is None:
                        assert "glance-statement" not in line, (site.slug, kind)
                    else:
                        shown_first = line.split("glance-statement", 2)[1]
                        assert shortened(first) in seen(shown_first), (site.slug, kind)


def check_developer(site, page, cells, position, record, language):
    """
    The developer: the comparison's cell is the page's line, and the body the page names first
    (with "(proposed)" where the source says so) is the open data's, unless the site has no
    developer of its own (the zone's are its phases', in their own records).
    """
    label = str(_("Developer"))
    line = page.split(f"<dt>{label}</dt>", 1)[1].split("</dd>", 1)[0]
    assert seen(cells[label][position]) == seen(line), site.slug
    own = Statement.objects.filter(kind="developer", sites=site, organisation__isnull=False)
    name = record["dev_en" if language else "developer"]
    if not own.exclude(nature="not_found").exists():
        assert name is None and record["dev_prop"] is None, site.slug
        return
    first = html.unescape(re.search(r"<a href=[^>]*>(.*?)</a>", line).group(1))
    assert first == name, site.slug
    proposed = f"{first} ({pgettext('developer', 'proposed')})" in seen(line)
    assert proposed == record["dev_prop"], site.slug


def check_founding_and_planned_investment(site, page, cells, position, opened):
    """
    The comparison's last rows: the founding decision is the page's line (or, where the page
    has none, "not found"); the planned investment is the first of its kind the open data's
    statements list about the site, and the page's money table shows it.
    """
    label = str(_("Founding decision"))
    cell = seen(cells[label][position])
    if f"<dt>{label}</dt>" in page:
        line = page.split(f"<dt>{label}</dt>", 1)[1].split("</dd>", 1)[0]
        assert cell == seen(line), site.slug
    else:
        assert cell == str(_("not found in a published source")), site.slug
    here = {site.slug, *(phase.slug for phase in site.phases.all())}
    planned = next(
        (
            Statement.objects.get(slug=record["id"])
            for record in opened
            if record["property"] == "planned_investment"
            and record["nature"] == "report"
            and here & set(record["sites"])
        ),
        None,
    )
    shown = first_strong(cells[str(_("Planned investment"))][position])
    assert shown == (planned and format_figure(planned)), site.slug
    if planned:
        money = page.split('id="money"', 1)[1].split("</table>", 1)[0]
        assert f">{html.escape(shown)}<" in money, site.slug


def rows_status(language):
    return "Status" if language else "Tình trạng"


def site_figures(site, kind):
    figures = [figure for figure in site.compared_figures if figure.kind == kind]
    for phase in site.phases.all():
        figures += [figure for figure in phase.compared_figures if figure.kind == kind]
    return figures


@pytest.mark.parametrize("language", ["", "/en"])
def test_a_project_shows_the_same_first_capital_and_status_everywhere(client, facts, language):
    """
    For every project: its row in the list, its page and the open data give the same first
    capital (with its qualifier and currency) and the same status.
    """
    opened = {p["id"]: p for p in client.get("/api/projects.json").json()["projects"]}
    listing = client.get(f"{language}/projects/").content.decode()
    rows = {
        re.search(r'href="[^"]*/projects/([a-z0-9-]+)/"', row).group(1): row
        for row in listing.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr>")[1:]
    }
    projects = list(Project.objects.for_list())
    assert set(rows) == set(opened) == {project.slug for project in projects}
    with translation.override("en" if language else "vi"):
        label = str(_("Capital"))
    for project in projects:
        row, record = rows[project.slug], opened[project.slug]
        page = client.get(f"{language}/projects/{project.slug}/").content.decode()
        # Its status and its investor: the statements its page shows first, with their sources.
        status, investor = project.status_statement, project.investor_statement
        assert record["status"] == status.status == project.status, project.slug
        assert record["status_src"] == ", ".join(s.key for s in status.sources.all())
        with translation.override("en" if language else "vi"):
            shown_status = f"<dd>{status.get_status_display()}"
        # Its footnote markers, before the comma that precedes its date.
        markers = page.split(shown_status, 1)[1].split(",", 1)[0]
        assert markers.count('class="fn-ref"') == status.sources.count(), project.slug
        if investor is None:
            assert (record["investor"], record["inv_src"]) == (None, None), project.slug
        else:
            assert record["investor"] == investor.organisation.name_vi, project.slug
            assert record["inv_src"] == ", ".join(s.key for s in investor.sources.all())
            assert investor.organisation.name in page, project.slug
        # Its sector likewise: the statement its page shows, with its sources.
        sector = project.sector_statement
        assert record["sector"] == sector.sector.slug == project.sector.slug, project.slug
        assert record["sec_src"] == ", ".join(s.key for s in sector.sources.all())
        shown_sector = page.split(f"<dd>{sector.sector.name}", 1)[1].split("</dd>", 1)[0]
        assert shown_sector.count('class="fn-ref"') == sector.sources.count(), project.slug
        # Its capacity, where a source gives one: the first the page shows, in both languages.
        capacity = project.first_statement(ProjectStatement.Kind.CAPACITY)
        with translation.override("en" if language else "vi"):
            capacity_line = f"<dt>{_('Capacity')}</dt><dd>"
            shown_capacity = capacity and html.escape(capacity.text)
        if capacity is None:
            assert capacity_line not in page and record["capacity"] is None, project.slug
        else:
            assert (record["capacity"], record["capac_en"]) == (capacity.text_vi, capacity.text_en)
            assert record["capac_src"] == ", ".join(s.key for s in capacity.sources.all())
            assert f"{capacity_line}{shown_capacity}" in page, project.slug
        # Whether it is FDI, where a source says: the page's line, its words and footnotes,
        # and the open data's fdi, fdi_vi, fdi_en and fdi_src, from the same statement.
        origin = project.origin_statement
        with translation.override("en" if language else "vi"):
            origin_line = page.split(f"<dt>{_('Domestic or foreign')}</dt><dd>", 1)[1]
            origin_line = origin_line.split("</dd>", 1)[0]
            if origin is None:
                assert str(_("not stated")) in origin_line, project.slug
                assert (record["fdi"], record["fdi_src"]) == (None, None), project.slug
            else:
                said = f"{origin.get_origin_display()}: {html.escape(origin.text)}"
                assert origin_line.startswith(said), project.slug
        if origin is not None:
            assert record["fdi"] is (origin.origin == "foreign") is project.is_fdi
            assert (record["fdi_vi"], record["fdi_en"]) == (origin.text_vi, origin.text_en)
            assert record["fdi_src"] == ", ".join(s.key for s in origin.sources.all())
            assert origin_line.count('class="fn-ref"') == origin.sources.count(), project.slug
        capital = project.capital_figure
        cell = row.split(f'data-label="{label}">', 1)[1].split("</td>", 1)[0]
        if capital is None:
            assert record["cap_amount"] is None and "<strong>" not in cell, project.slug
            continue
        shown = format_figure(capital)
        assert seen(cell).startswith(shown), project.slug
        dd = page.split(f"<dt>{label}</dt>", 1)[1].split("</dd>", 1)[0]
        assert first_strong(dd) == shown, project.slug
        assert (record["cap_amount"], record["cap_qual"], record["cap_unit"]) == (
            float(capital.amount),
            capital.qualifier,
            capital.unit,
        ), project.slug
        assert record["status"] == project.status, project.slug
        assert project.get_status_display() in seen(row) and project.get_status_display() in page
