"""Headers, read-only public surface, the admin's locks, and production settings."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/",
    "/en/",
    "/sites/",
    "/sites/cam-giang/",
    "/organisations/khoang-san-bac-kan/",
    "/projects/",
    "/projects/hoa-an-phuoc-paper-plant/",
    "/projects/download.xlsx",
    "/sources/",
    "/api/sites.geojson",
    "/api/projects.json",
    "/sitemap.xml",
    "/robots.txt",
    "/health/",
]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_HTTPS": "true",
    "DJANGO_SECRET_KEY": "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghij",
    "DJANGO_ALLOWED_HOSTS": "congthongtin.example.vn",
}


def clean_environment(**env):
    """This machine's environment, minus what the browser tests set for themselves."""
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**inherited, "DJANGO_SETTINGS_MODULE": "bakan_industry.settings", **env}


def run_django(code, **env):
    """Run Python with the real settings module under the given environment."""
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=clean_environment(**env),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_the_documented_production_variables():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        env=clean_environment(**PRODUCTION_ENV),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("unsafe", "refusal"),
    [
        ({"DJANGO_SECRET_KEY": "", "DJANGO_SECRET_KEY_FILE": "/nonexistent"}, "No secret key"),
        ({"DJANGO_SECRET_KEY": next(iter(settings.PUBLIC_KEYS))}, "No secret key"),
        ({"DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS is empty"),
    ],
    ids=["no-key", "the-key-once-committed", "no-allowed-hosts"],
)
def test_production_settings_refuse_to_start_unsafe(unsafe, refusal):
    """With debug off, the settings fell back to the key in the repository, and started."""
    assert run_django("pass", **PRODUCTION_ENV).returncode == 0
    started = run_django("pass", **{**PRODUCTION_ENV, **unsafe})
    assert started.returncode != 0
    assert f"ImproperlyConfigured: {refusal}" in started.stderr


def test_production_cookies_and_hsts():
    code = (
        "from django.conf import settings as s; import json; print(json.dumps(["
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        "s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS,"
        "s.SECURE_SSL_REDIRECT, s.DEBUG]))"
    )
    result = run_django(code, **PRODUCTION_ENV)
    assert json.loads(result.stdout) == [True, True, True, True, "Lax", 31_536_000, True, False]


def test_hsts_header_on_https_in_production(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/robots.txt", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_security_headers_on_every_public_page(client, facts):
    for path in PUBLIC_PATHS:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_script(client, facts):
    """Cached pages cannot carry a per-request nonce, so they must not need one."""
    for path in ["/", "/sites/cam-giang/", "/sources/"]:
        content = client.get(path).content.decode()
        for chunk in content.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            # Data blocks (JSON, the open data's schema.org description) are never run.
            data_block = 'type="application/json"' in tag or 'type="application/ld+json"' in tag
            assert "src=" in tag or data_block, (path, tag)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_public_urls_are_read_only(facts, method):
    """A POST got the CSRF check's 403; the README promises 405, as a browser would see it."""
    client = Client(enforce_csrf_checks=True)
    for path in [*PUBLIC_PATHS, "/health/"]:
        assert getattr(client, method)(path).status_code == 405, (method, path)


def test_open_data_may_be_read_cross_origin(client, facts):
    for path in ["/api/sites.geojson", "/api/projects.json"]:
        assert client.get(path)["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/")


def test_health_reports_the_database(client, db):
    response = client.get("/health/")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_admin_login_is_throttled_after_repeated_failures(client, editor):
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": editor.username, "password": "wrong"})
    response = client.post(login, {"username": editor.username, "password": "Bac-Kan-2023-editor"})
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302  # still not logged in


def test_admin_path_is_configurable():
    result = run_django(
        "from django.urls import reverse; print(reverse('admin:index'))",
        DJANGO_ADMIN_PATH="quan-tri-noi-bo",
    )
    assert result.stdout.strip() == "/quan-tri-noi-bo/"


def test_staff_sessions_expire(client, editor):
    client.post(
        reverse("admin:login"),
        {"username": editor.username, "password": "Bac-Kan-2023-editor"},
    )
    assert client.session.get_expiry_age() <= 8 * 3600
    assert client.session.get_expire_at_browser_close()


def fail_login(client, username, address, times=1):
    for _ in range(times):
        client.post(
            reverse("admin:login"),
            {"username": username, "password": "wrong"},
            REMOTE_ADDR=address,
        )


def can_log_in(client, editor, address):
    response = client.post(
        reverse("admin:login"),
        {"username": editor.username, "password": "Bac-Kan-2023-editor"},
        REMOTE_ADDR=address,
    )
    return response.status_code == 302


def test_one_username_from_many_addresses_is_limited_too(client, editor, settings):
    """Only the pair (username, address) was counted: a guesser rotating addresses was free."""
    for number in range(settings.AXES_USERNAME_FAILURE_LIMIT):
        fail_login(client, editor.username, f"10.0.{number}.1")
    assert not can_log_in(client, editor, "10.9.9.9")


def test_a_guesser_elsewhere_cannot_lock_an_editor_out_of_an_address_they_use(
    client, editor, settings
):
    """
    Twenty failures for one username from anywhere locked that account everywhere for an hour:
    anyone who knew an editor's username could keep them out. The address the editor has logged
    in from before stays open to them; a new address is still locked.
    """
    assert can_log_in(client, editor, "10.8.8.8")
    for number in range(settings.AXES_USERNAME_FAILURE_LIMIT):
        fail_login(Client(), editor.username, f"10.0.{number}.1")
    assert can_log_in(Client(), editor, "10.8.8.8")
    for number in range(settings.AXES_USERNAME_FAILURE_LIMIT):
        fail_login(Client(), editor.username, f"10.0.{number}.1")
    assert not can_log_in(Client(), editor, "10.9.9.9")


def test_one_address_trying_many_usernames_is_limited(client, editor, settings):
    for number in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        fail_login(client, f"khong-co-{number}", "10.1.1.1")
    assert not can_log_in(client, editor, "10.1.1.1")
    assert can_log_in(Client(), editor, "10.2.2.2")  # others are not locked out


def test_a_few_failures_elsewhere_do_not_lock_an_editor_out(client, editor, settings):
    fail_login(client, editor.username, "10.3.3.3", times=settings.AXES_FAILURE_LIMIT)
    assert not can_log_in(client, editor, "10.3.3.3")
    assert can_log_in(Client(), editor, "10.4.4.4")


def test_behind_the_front_server_the_client_address_comes_from_its_header(editor):
    """Behind a proxy every client shared one address: five failures locked out everyone."""
    result = run_django(
        "from axes.helpers import get_client_ip_address\n"
        "from django.test import RequestFactory\n"
        "request = RequestFactory().get('/', REMOTE_ADDR='127.0.0.1', "
        "HTTP_X_REAL_IP='203.0.113.7', HTTP_X_FORWARDED_FOR='198.51.100.1')\n"
        "print(get_client_ip_address(request))",
        DJANGO_CLIENT_IP_HEADER="HTTP_X_REAL_IP",
    )
    assert result.stdout.strip() == "203.0.113.7"


def test_a_very_long_username_is_a_form_error(client, db):
    response = client.post(reverse("admin:login"), {"username": "x" * 300, "password": "p"})
    assert response.status_code == 200
    assert "150" in response.content.decode()


def test_a_refused_next_lands_on_the_admin(client, editor):
    response = client.post(
        reverse("admin:login") + "?next=//evil.example/",
        {"username": editor.username, "password": "Bac-Kan-2023-editor"},
    )
    assert response["Location"] == reverse("admin:index")


def test_robots_txt_does_not_name_the_admin(client, db):
    assert "admin" not in client.get("/robots.txt").content.decode().lower()


@pytest.mark.parametrize(
    "query",
    [
        "status=%00",
        "site__id__exact=%00",
        "q=%00",
        "approval_date__year=99999999",
        "q=" + "x" * 500,
    ],
)
def test_admin_list_filters_with_junk_are_not_a_500(admin_client, facts, query):
    for url in ["/admin/investments/project/", "/admin/zones/site/"]:
        response = admin_client.get(f"{url}?{query}")
        assert response.status_code in {200, 302}, (url, query)
