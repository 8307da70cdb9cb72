"""
Public pages cached for readers, with ETag/Last-Modified so that a repeat request can be a 304.

One number, the *data version*, lives in the cache and changes whenever anything a public page
shows is saved or deleted (the receivers are connected in each app's ready()). A page's cache key
and its ETag are made of that version, the language, whether the reader takes gzip, and the full
path: any change, from the admin or an import, makes every cached page stale at once, and the
next request builds a fresh one. With several server processes the cache must be shared (Redis,
CACHE_URL), or the version would only change in the process that saw the edit.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

DATA_VERSION_KEY = "portal:data-version"
gzip = GZipMiddleware(lambda request: None)


def data_version():
    """Nanoseconds since the epoch at the last change (also the pages' Last-Modified)."""
    version = cache.get(DATA_VERSION_KEY)
    if version is None:
        cache.add(DATA_VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(DATA_VERSION_KEY) or time.time_ns()
    return version


def bump_data_version(**kwargs):
    """Receiver for post_save, post_delete and m2m_changed: every cached page is now stale."""
    cache.set(DATA_VERSION_KEY, time.time_ns(), timeout=None)


def connect_cache_invalidation(app_config):
    """Make every save, delete or many-to-many change in the app's models stale the pages."""
    for model in app_config.get_models():
        uid = f"stale-pages-{model._meta.label}"
        post_save.connect(bump_data_version, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_data_version, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                bump_data_version,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}-m2m-{field.name}",
            )


def public_page(view):
    """Cache a public GET view's 200 responses and answer 304 to a matching If-None-Match."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        takes_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        if request.method not in ("GET", "HEAD") or not seconds:
            response = view(request, *args, **kwargs)
            return gzip.process_response(request, response) if takes_gzip else response
        version = data_version()
        fingerprint = f"{version}|{get_language()}|{takes_gzip}|{request.get_full_path()}"
        etag = '"' + hashlib.sha256(fingerprint.encode()).hexdigest()[:32] + '"'
        last_modified = version // 1_000_000_000
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            return not_modified
        key = f"portal:page:{etag}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render"):
                response.render()
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
            # Readers revalidate every time: an edit shows on the very next request.
            patch_cache_control(response, public=True, no_cache=True)
            if takes_gzip:
                response = gzip.process_response(request, response)
            cache.set(key, response, seconds)
        return response

    return cached_view
