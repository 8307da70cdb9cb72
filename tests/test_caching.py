"""Public pages are cached, revalidated with ETags, and stale the moment data changes."""

import gzip

import pytest
from django.urls import reverse

from zones.models import Site

pytestmark = pytest.mark.django_db


def test_a_repeat_request_is_served_from_the_cache_without_queries(
    client, facts, django_assert_num_queries
):
    first = client.get("/sites/cam-giang/")
    with django_assert_num_queries(0):
        second = client.get("/sites/cam-giang/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_matching_if_none_match_gets_a_304(client, facts):
    first = client.get("/en/")
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get("/en/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    other = client.get("/en/", headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200


def test_a_status_change_in_the_admin_shows_on_the_next_request(admin_client, client, facts):
    before = client.get("/en/sites/cam-giang/")
    assert "Site clearance" in before.content.decode()
    site = Site.objects.get(slug="cam-giang")
    admin_client.post(
        reverse("admin:zones_site_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(site.pk),
            "form-0-status": "operational",
            "form-0-status_note_vi": "Đi vào hoạt động.",
            "form-0-status_note_en": "In operation.",
            "form-0-status_date": "01/06/2025",
            "form-0-status_date_precision": "day",
            "_save": "Lưu",
        },
    )
    after = client.get("/en/sites/cam-giang/", headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200  # the old ETag no longer matches
    assert "In operation." in after.content.decode()
    assert after["ETag"] != before["ETag"]


def test_the_cache_keeps_languages_apart(client, facts):
    vietnamese = client.get("/sites/cam-giang/").content.decode()
    english = client.get("/en/sites/cam-giang/").content.decode()
    assert "Đang giải phóng mặt bằng" in vietnamese
    assert "Site clearance" in english and "Đang giải phóng mặt bằng" not in english
    assert client.get("/sites/cam-giang/").content.decode() == vietnamese


def test_pages_are_compressed_for_readers_who_accept_gzip(client, facts):
    plain = client.get("/api/sites.geojson")
    compressed = client.get("/api/sites.geojson", headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3


def test_errors_are_not_cached(client, facts):
    assert client.get("/sites/not-yet/").status_code == 404
    Site.objects.filter(slug="cam-giang").update(slug="not-yet")  # no signal: bypasses save()
    from zones.caching import bump_data_version

    bump_data_version()
    assert client.get("/sites/not-yet/").status_code == 200
