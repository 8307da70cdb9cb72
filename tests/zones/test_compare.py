"""Sites side by side: a GET address anyone can share, cached, constant in queries, and a clear
answer to a comparison that cannot be made."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

FOUR = ["thanh-binh", "quang-chu", "cam-giang", "vang-muoi"]


def compare(client, slugs, language=""):
    return client.get(f"{language}/sites/compare/", {"site": slugs})


@pytest.mark.parametrize("language", ["", "/en"])
@pytest.mark.parametrize("slugs", [FOUR[:2], FOUR])
def test_two_to_four_sites_side_by_side(client, facts, language, slugs):
    response = compare(client, slugs, language)
    assert response.status_code == 200
    page = response.content.decode()
    table = page.split('class="data-table compare-table"', 1)[1].split("</table>", 1)[0]
    header = table.split("</thead>", 1)[0]
    assert [f'/sites/{slug}/"' in header for slug in slugs] == [True] * len(slugs)
    # Every line of a site's "At a glance", then what only the comparison shows.
    rows = ["Kind", "Status", "Area", "Land let", "Tenants", "Workers", "Distances"]
    rows += ["Airport, seaport, border", "Power", "Water", "Wastewater", "Land rent"]
    rows += ["Wanted sectors", "Incentives", "Who manages it"]
    rows += ["Developer", "Founding decision", "Planned investment"]
    if language:
        assert [f'<th scope="row">{row}</th>' in table for row in rows] == [True] * len(rows)
        assert "74.4 ha" in table and "about 20 km from central Thái Nguyên" in table
    else:
        assert '<th scope="row">Tình trạng</th>' in table
    assert 'href="#fn-1"' in table and 'id="fn-1"' in page


def test_the_comparison_costs_the_same_queries_for_two_sites_as_for_four(client, facts, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    counts = []
    for slugs in [FOUR[:2], FOUR]:
        with CaptureQueriesContext(connection) as queries:
            assert compare(client, slugs).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_comparison_is_cached_like_any_page(client, facts, django_assert_num_queries):
    first = compare(client, FOUR[:3])
    with django_assert_num_queries(0):
        again = compare(client, FOUR[:3])
    assert again.content == first.content


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        (["quang-chu", "no-such-site"], "No site has the code no-such-site."),
        ([f"site-{n}" for n in range(20)], "Pick at most 4 sites; 20 were named."),
        (["quang-chu", "<script>alert(1)</script>"], "No site has the code &lt;script&gt;"),
    ],
)
def test_a_comparison_that_cannot_be_made_says_why(client, facts, slugs, message):
    response = compare(client, slugs, "/en")
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "<script>alert" not in page
    assert 'class="compare-picker"' in page  # and the reader can pick again


def test_a_site_named_twice_is_compared_once(client, facts):
    response = compare(client, ["quang-chu", "quang-chu", "cam-giang"], "/en")
    assert response.status_code == 200
    header = response.content.decode().split("</thead>", 1)[0]
    assert header.count('/sites/quang-chu/"') == 1 and header.count('/sites/cam-giang/"') == 1


def test_each_reader_gets_the_columns_in_the_order_they_asked_for(client, facts):
    """The page kept for "a, b" was served for "b, a": the cache key sorted the codes."""

    def columns(slugs):
        header = compare(client, slugs, "/en").content.decode().split("</thead>", 1)[0]
        return sorted(slugs, key=lambda slug: header.index(f'/sites/{slug}/"'))

    assert columns(["quang-chu", "cam-giang"]) == ["quang-chu", "cam-giang"]
    assert columns(["cam-giang", "quang-chu"]) == ["cam-giang", "quang-chu"]


def test_the_site_list_and_the_map_lead_to_the_comparison(client, facts):
    listing = client.get("/en/sites/").content.decode()
    assert '<form id="compare-form" method="get" action="/en/sites/compare/"' in listing
    assert 'name="site" value="quang-chu" form="compare-form"' in listing
    home = client.get("/en/").content.decode()
    assert '"compareUrl": "/en/sites/compare/"' in home
    picker = compare(client, ["quang-chu"], "/en").content.decode()
    assert 'value="quang-chu" checked' in picker and "Tick 2 to 4 sites" in picker


def test_the_founding_decision_reads_the_same_as_on_the_site_pages(client, facts):
    """One statement each: the decision with its date, or what no source gives, both places."""
    from tests.test_provenance import comparison, page_text, seen
    from zones.models import Site

    sites = Site.objects.filter(slug__in=["cam-giang", "thanh-binh"]).order_by("slug")
    cells = comparison(client, sites, "/en")["Founding decision"]
    assert seen(cells[0]) == "1868/QĐ-UBND, 16 Oct 2020"
    assert seen(cells[1]) == "No source names a founding decision for the zone."
    for site, cell in zip(sites, cells, strict=True):
        page = client.get(f"/en/sites/{site.slug}/").content.decode()
        line = page.split(">Founding decision</dt>", 1)[1].split("</dd>", 1)[0]
        assert seen(line) == seen(cell), site.slug
    assert page_text(cells[0]).endswith("]")  # its footnote
