"""Test settings: the real settings, with a fast password hasher for the test users."""

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client's host, so that absolute URLs read as they would on a real server.
PORTAL_ORIGIN = "http://testserver"
# The tests empty the cache before each test: never a Redis that CACHE_URL names (it could be
# production's). Tests that need another cache say so themselves.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
}
