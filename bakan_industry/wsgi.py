"""WSGI entry point, used by gunicorn in production."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from common import database_waits

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakan_industry.settings")

application = get_wsgi_application()

if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A web worker waits for PostgreSQL a bounded time (management commands do not).
    database_waits.install()
