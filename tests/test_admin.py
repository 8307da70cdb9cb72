"""The admin opens for a superuser on every model, and sends anyone else to the login page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = [
    "zones/site",
    "zones/organisation",
    "zones/sector",
    "zones/statement",
    "zones/source",
    "investments/project",
]


@pytest.mark.parametrize("model", MODELS)
def test_changelist_and_add_pages_open_for_a_superuser(admin_client, facts, model):
    app_label, model_name = model.split("/")
    for view in ("changelist", "add"):
        response = admin_client.get(reverse(f"admin:{app_label}_{model_name}_{view}"))
        assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, model):
    app_label, model_name = model.split("/")
    response = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_site_list_shows_every_site(admin_client, facts):
    response = admin_client.get(reverse("admin:zones_site_changelist"))
    content = response.content.decode()
    for name in ["Cụm công nghiệp Quảng Chu", "Khu công nghiệp Thanh Bình giai đoạn II"]:
        assert name in content


def test_site_form_edits_the_location_on_a_map(admin_client, facts):
    from zones.models import Site

    site = Site.objects.get(slug="cam-giang")
    response = admin_client.get(reverse("admin:zones_site_change", args=[site.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "leaflet" in content.lower()
    assert 'name="location"' in content


def test_site_history_page_opens(admin_client, facts):
    from zones.models import Site

    site = Site.objects.get(slug="cam-giang")
    response = admin_client.get(reverse("admin:zones_site_history", args=[site.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("location", '{"type": "Point", "coordinates": ["105.8", "22.1"]}', "không phải chữ"),
        ("location", '{"type": "Point", "coordinates": [305.8, 22.1]}', "±180°"),
        ("location", '{"type": "LineString", "coordinates": [[105, 22], [106, 23]]}', "Point"),
        ("boundary", '{"type": "Polygon", "coordinates": [[[105, 22], [106, 23]]]}', "bốn"),
        ("boundary", '{"type": "Polygon", "coordinates": "junk"}', "vòng"),
        (
            "boundary",
            '{"type": "Polygon", "coordinates": [[[105, 22], [106, 22], [106, 23], [105, 23]]]}',
            "kết thúc",
        ),
    ],
)
def test_malformed_geometry_is_a_form_error(admin_client, facts, field, value, message):
    from tests.forms import form_data
    from zones.models import Site

    site = Site.objects.get(slug="cam-giang")
    url = reverse("admin:zones_site_change", args=[site.pk])
    data = form_data(admin_client.get(url).content.decode(), "site_form")
    data[field] = value
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    site.refresh_from_db()
    assert site.location == {"type": "Point", "coordinates": [105.86667, 22.20194]}
    assert site.boundary is None


def test_odd_stored_geometry_never_breaks_the_public_pages(client, facts):
    """Saved before validation existed, a junk geometry made the home page a 500."""
    from zones.models import Site

    Site.objects.filter(slug="cam-giang").update(
        location={"type": "Point", "coordinates": ["105.8", "x"]}
    )
    Site.objects.filter(slug="vang-muoi").update(boundary={"type": "Polygon", "coordinates": 7})
    for path in ["/", "/en/", "/sites/cam-giang/", "/sites/vang-muoi/", "/api/sites.geojson"]:
        assert client.get(path).status_code == 200, path
    features = client.get("/api/sites.geojson").json()["features"]
    cam_giang = next(f for f in features if f["id"] == "cam-giang")
    assert cam_giang["geometry"] is None


def statement_form(**values):
    """The admin's add form for a statement, as a superuser fills it in."""
    form = {
        "slug": "test-statement",
        "kind": "power",
        "nature": "report",
        "qualifier": "exact",
        "as_of_precision": "day",
        "rank": "other",
        "position": "0",
        "text_vi": "",
        "text_en": "",
    }
    form.update(values)
    return form


def test_a_statement_in_words_is_added_and_one_with_no_value_is_refused(admin_client, facts):
    from zones.models import Source, Statement

    source = Source.objects.get(key="S1").pk
    url = reverse("admin:zones_statement_add")
    empty = admin_client.post(url, statement_form(sources=[source]))
    assert empty.status_code == 200
    # The admin speaks Vietnamese: "give the statement's value: a number with its unit, or words".
    assert "Hãy nhập giá trị của thông tin" in empty.content.decode()
    assert not Statement.objects.filter(slug="test-statement").exists()
    saved = admin_client.post(
        url, statement_form(text_vi="Điện ổn định.", text_en="Stable power.", sources=[source])
    )
    assert saved.status_code == 302
    statement = Statement.objects.get(slug="test-statement")
    assert (statement.text_en, [s.key for s in statement.sources.all()]) == (
        "Stable power.",
        ["S1"],
    )
    history = reverse("admin:zones_statement_history", args=[statement.pk])
    assert admin_client.get(history).status_code == 200


def test_a_figure_without_its_label_is_refused_with_a_form_error(admin_client, facts):
    from zones.models import Source

    sources = [Source.objects.get(key="S1").pk]
    form = statement_form(kind="workers", amount="100", unit="workers", sources=sources)
    response = admin_client.post(reverse("admin:zones_statement_add"), form)
    assert response.status_code == 200
    assert "Con số cần có nhãn." in response.content.decode()  # "a figure needs its label"
