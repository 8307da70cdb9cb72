"""The admin opens for a superuser on every model, and sends anyone else to the login page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = [
    "zones/site",
    "zones/organisation",
    "zones/sector",
    "zones/reportedfigure",
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
