"""
"At a glance" and the table of contents at the top of every site's page (issue 21): what an
investor asks first, each answer the newest the sources give, with its date and source, or one
"not found" line; the comparison's rows are the same lines (tests/test_provenance.py).
"""

import csv
import io
import re

import pytest

from tests.factories import FigureStatementFactory
from tests.test_provenance import comparison, glance_lines, page_text
from zones.models import Site

pytestmark = pytest.mark.django_db

NOT_FOUND = "not found in a published source"


def summary(client, slug, language="/en"):
    body = client.get(f"{language}/sites/{slug}/").content.decode()
    return body, {label: page_text(value) for label, value in glance_lines(body).items()}


def test_the_zone_opens_with_the_answers_an_investor_asks_first(client, facts):
    body, lines = summary(client, "thanh-binh")
    assert body.index('id="at-a-glance"') < body.index('id="details"')
    assert lines["Status"].startswith("Operational") and "as of 20 Aug 2024" in lines["Status"]
    assert lines["Area"].startswith("about 161 ha")
    assert lines["Land let"].startswith("100%") and "(2 May 2023)" in lines["Land let"]
    # Operating of all, from the same report, and one tap to the list of tenants.
    assert re.match(r"14 firms .*\(20 Aug 2024\) operating: 8 firms", lines["Tenants"])
    assert "17 projects named by the sources" in lines["Tenants"]
    assert lines["Workers"].startswith("about 1,000 workers")
    assert lines["Distances"].startswith("Along National Highway 3 (QL3), 130 km")
    # The provincial capital's distances say so, and what is not published follows them.
    airport = lines["Airport, seaport, border"]
    assert airport.startswith("From the provincial capital, not from this site: 150 km")
    assert "Distances from this site to Nội Bài airport" in airport
    assert lines["Power"].startswith("Power supply is not stable")
    assert lines["Water"].startswith("Phase I: Infrastructure: water supply and drainage.")
    assert lines["Wastewater"].startswith("Phase I: A central wastewater treatment plant")
    assert lines["Land rent"].startswith("Land rent, sub-lease prices and infrastructure fees")
    # Its promotion plan's priorities are its wanted sectors, not "not found".
    assert lines["Wanted sectors"].startswith("The zone's 2022 investment promotion plan gives")
    incentives = lines["Incentives"]
    assert incentives.startswith("The national rule, not this site's rate")
    assert "Decree 31/2021/NĐ-CP" in incentives  # which band applies here: not found
    manager = lines["Who manages it"]
    assert manager.startswith("Managed by the Bắc Kạn Industrial Zones Management Board")
    assert "No source says which body succeeded" in manager


def test_a_cluster_says_plainly_what_no_source_gives(client, facts):
    _body, lines = summary(client, "cam-giang")
    assert lines["Distances"].startswith("No source gives a road or a distance for this cluster")
    for label in ["Land let", "Tenants", "Workers", "Power", "Water", "Wastewater"]:
        assert lines[label] == NOT_FOUND, label
    assert lines["Who manages it"].startswith("The Department of Industry and Trade leads")
    # The sectors a cluster was founded for, in its founding decision's words.
    assert lines["Wanted sectors"].startswith("Founded for biomass power, microbial fertiliser")
    _body, lines = summary(client, "nam-bang-lung")
    assert lines["Wanted sectors"].startswith("Founded for metals, electrical equipment")
    _body, lines = summary(client, "thanh-thinh")
    assert re.fullmatch(
        r"Minerals \[(\d+)\] , Metals \[\1\] , Forest products \[\1\]", lines["Wanted sectors"]
    )
    _body, lines = summary(client, "quang-chu")
    assert lines["Power"].startswith("Stable power (said at the Hòa An Phước plant's")
    assert lines["Distances"].startswith("On the Hà Nội – Thái Nguyên expressway axis")


def test_every_value_has_its_footnote_and_a_cut_statement_links_to_it_in_full(client, facts):
    body = client.get("/en/sites/thanh-binh/").content.decode()
    for label, value in glance_lines(body).items():
        if NOT_FOUND not in value and "not published" not in value:
            assert 'class="fn-ref"' in value, label
        for target in re.findall(r'href="/en/sites/thanh-binh/#([^"]+)"', value):
            assert f'id="{target}"' in body, (label, target)
    assert "(in full)</a>" in glance_lines(body)["Incentives"]


@pytest.mark.parametrize("language", ["", "/en"])
def test_every_jump_link_of_the_contents_has_its_target(client, facts, language):
    for site in Site.objects.public():
        body = client.get(f"{language}/sites/{site.slug}/").content.decode()
        contents = body.split('class="toc screen-only"', 1)[1].split("</nav>", 1)[0]
        targets = re.findall(r'href="#([^"]+)"', contents)
        assert len(targets) >= 7, site.slug
        assert [t for t in targets if f'id="{t}"' not in body] == [], site.slug


def test_the_summary_is_in_vietnamese_on_the_vietnamese_page(client, facts):
    _body, lines = summary(client, "thanh-binh", language="")
    assert list(lines)[:3] == ["Tình trạng", "Diện tích", "Đất đã cho thuê"]
    assert lines["Khoảng cách"].startswith("Nằm dọc Quốc lộ 3 (QL3)")


@pytest.mark.parametrize("nature", ["target", "plan", "expectation"])
def test_a_target_or_a_plan_is_never_read_as_what_is_so(client, facts, nature):
    """
    Quảng Chu reports no workers; a newer statement of what is targeted or planned, of the
    same property, stays in "Plans and targets" and never fills the summary, the comparison
    or the open data's first area.
    """
    quang_chu = Site.objects.get(slug="quang-chu")
    # The reported areas behind: the statement aimed at is the first by rank.
    quang_chu.statements.filter(kind="area").update(rank="other", position=1)
    for kind, unit in [("workers", "workers"), ("area", "ha")]:
        FigureStatementFactory(
            kind=kind,
            nature=nature,
            amount=77_777,
            unit=unit,
            label_en="Aimed at",
            rank="preferred",
        ).sites.add(quang_chu)
    body, lines = summary(client, "quang-chu")
    assert lines["Workers"] == NOT_FOUND
    assert "77,777" not in lines["Area"]
    plans = body.split('id="plans"', 1)[1].split("</table>", 1)[0]
    assert "77,777 workers" in page_text(plans) and "77,777 ha" in page_text(plans)
    cells = comparison(client, Site.objects.filter(slug__in=["quang-chu", "cam-giang"]), "/en")
    assert "77,777" not in page_text(" ".join(cells["Workers"] + cells["Area"]))
    sites_file = client.get("/api/sites.csv").content.decode()
    assert "77777" not in sites_file
    everything = client.get("/api/investor-statements.json").json()["statements"]
    aimed = [s for s in everything if s["amount"] == 77_777]
    assert {s["nature"] for s in aimed} == {nature}


def test_a_sites_sectors_are_statements_on_its_page_and_in_the_open_data(client, facts):
    """Huyền Tụng's sector: its two sources, the note on it, and the same in statements.csv."""
    body = client.get("/en/sites/huyen-tung/").content.decode()
    line = body.split("<dt>Target sectors</dt>", 1)[1].split("</dd>", 1)[0]
    assert page_text(line).startswith("Export footwear")
    assert line.count('class="fn-ref"') == 2  # S1, S2
    assert "no founding decision naming its sectors was found" in line
    rows = list(csv.DictReader(io.StringIO(client.get("/api/statements.csv").content.decode())))
    (row,) = [row for row in rows if row["property"] == "sector" and row["sites"] == "huyen-tung"]
    assert (row["sector"], row["sources"]) == ("export-footwear", "S1; S2")
