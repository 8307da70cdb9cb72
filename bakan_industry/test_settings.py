"""Test settings: the real settings, with a fast password hasher for the test users."""

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client's host, so that absolute URLs read as they would on a real server.
PORTAL_ORIGIN = "http://testserver"
