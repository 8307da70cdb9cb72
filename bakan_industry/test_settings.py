"""Test settings: the real settings, with what a test run must not share with a real server."""

import os

from django.utils.csp import CSP

# A key of the test run's own, before the settings look for one (they refuse to start without).
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-" + "k" * 50)

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client's host, so that absolute URLs read as they would on a real server.
PORTAL_ORIGIN = "http://testserver"
# The tests empty the cache before each test: never a Redis that CACHE_URL names (it could be
# production's). Tests that need another cache say so themselves.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
}
# No base map: every page must work without tiles, and no test may depend on a tile server
# (the default one, or one LEAFLET_TILES_URL names). django-leaflet reads LEAFLET_CONFIG when
# it is imported, after this module, so the blank layer list takes effect.
LEAFLET_TILES_URL = ""
LEAFLET_CONFIG = {**LEAFLET_CONFIG, "TILES": []}  # noqa: F405
SECURE_CSP = {**SECURE_CSP, "img-src": [CSP.SELF, "data:"]}  # noqa: F405
