"""
Public pages cached for readers, with ETag/Last-Modified so that a repeat request can be a 304.

One number, the *data version*, changes whenever anything a public page shows is saved or
deleted (the receivers are connected in each app's ready()); it lives in the cache and, for
good, in the database (settings.PUBLIC_PAGE_VERSION_STORE), and it is every page's
Last-Modified. A page's cache key is made of the language, whether the reader takes gzip, the
path and the page's *normalised* query: only the parameters the view understands, with values it
accepts, in a fixed order. A random `?x=…` therefore reuses the page without it instead of
adding an entry, so the cache holds a bounded set of pages (one per valid filter combination
and page); free-text searches are answered fresh and never stored. A page is kept with the
version it was built under, and its ETag is made of that version too, so any change, from the
admin or an import, makes every cached page stale at once. With several server processes the
cache must be shared (Redis, CACHE_URL), or the version would only change in the process that
saw the edit. EarlyCachedPageMiddleware answers a kept page before most of the middleware runs.

When the cache cannot be reached, pages are built and served uncached (slower, never a 500), and
/health/ says so.
"""

import contextlib
import hashlib
import logging
import time
from functools import wraps
from importlib import import_module

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import GZipMiddleware
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, urlencode
from django.utils.module_loading import import_string
from django.utils.translation import get_language, get_language_from_path

logger = logging.getLogger(__name__)

DATA_VERSION_KEY = "portal:data-version"
# Searches longer than this are cut: a 2,000-word query costs no more than a short one.
SEARCH_MAX_WORDS = 10
SEARCH_MAX_CHARACTERS = 150
# Page numbers beyond this are not pages anyone links to.
MAX_PAGE_NUMBER = 100_000
# How long a value made by built_once() is kept; a new data version makes a new key anyway.
BUILT_SECONDS = 24 * 3600
gzip = GZipMiddleware(lambda request: None)


class CacheUnavailable(Exception):
    """The shared cache did not answer; the caller serves the page without it."""


def _cache_call(method, *args, **kwargs):
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception as error:  # redis.ConnectionError, TimeoutError, …: any backend's own
        logger.warning("Page cache unavailable (%s): serving without it.", error)
        raise CacheUnavailable from error


def version_store():
    """
    Where the version is kept for good (settings.PUBLIC_PAGE_VERSION_STORE, a class with
    load() and save_version(ns); the portal app's DataVersion model): named in settings, as
    Django names a user model, so that this module needs no import from an app above it.
    """
    path = getattr(settings, "PUBLIC_PAGE_VERSION_STORE", "")
    return import_string(path) if path else None


def data_version():
    """
    Nanoseconds since the epoch at the last change (also the pages' Last-Modified): from the
    cache, which takes it from the version store after a restart or a flush.
    """
    version = _cache_call("get", DATA_VERSION_KEY)
    if version is None:
        store = version_store()
        stored = store.load() if store else None
        _cache_call("add", DATA_VERSION_KEY, stored or time.time_ns(), timeout=None)
        version = _cache_call("get", DATA_VERSION_KEY) or stored or time.time_ns()
    return version


def bump_data_version(using=None, **kwargs):
    """
    Receiver for post_save, post_delete and m2m_changed: every cached page goes stale when the
    change commits, once per transaction however many rows (and history rows) it saved.

    The new version is written to the version store at the first change, inside the edit's own
    transaction (it commits or rolls back with the edit), and published to the cache only
    after the commit: a reader who saw the new version before then could keep a page built
    from the old data under it. A transaction that rolls back publishes nothing.
    """
    connection = transaction.get_connection(using)
    # Django keeps a transaction's on-commit callbacks in run_on_commit (and drops those of a
    # savepoint that rolls back): a new version waiting there will cover this change too.
    if any(
        isinstance(call, NewVersion) and call.waiting for _, call, _ in connection.run_on_commit
    ):
        return
    changed_ns = time.time_ns()
    store = version_store()
    if store:
        store.save_version(changed_ns)
    transaction.on_commit(NewVersion(changed_ns), using=using)


class NewVersion:
    """
    The data version a transaction publishes to the cache when it commits. `waiting` says it
    has not run yet: a commit empties run_on_commit, but a test's simulated commit (Django's
    captureOnCommitCallbacks(execute=True)) runs the callbacks and leaves them listed.
    """

    def __init__(self, changed_ns):
        self.changed_ns = changed_ns
        self.waiting = True

    def __call__(self):
        self.waiting = False
        try:
            _cache_call("set", DATA_VERSION_KEY, self.changed_ns, timeout=None)
        except CacheUnavailable:
            # The edit itself must not fail because the cache is down. Pages cached before the
            # outage expire after PUBLIC_PAGE_CACHE_SECONDS at the latest.
            logger.error("An edit could not mark the cached pages stale: the cache is unavailable.")


def built_key(name):
    """
    Where something built once per data version and language is kept. The name may hold a
    query string: hashed, so that no key grows past what a cache takes.
    """
    digest = hashlib.sha256(name.encode()).hexdigest()[:32]
    return f"portal:built:{digest}:{get_language()}:{data_version()}"


def built_once(name, build):
    """
    What build() returns, made once per data version and language and then taken from the
    cache (by every worker): the map's data for 2,000 sites costs its queries and its
    serialisation once per edit, not once per page. Built fresh when the cache is down.
    """
    try:
        key = built_key(name)
        value = _cache_call("get", key)
    except CacheUnavailable:
        return build()
    if value is None:
        value = build()
        with contextlib.suppress(CacheUnavailable):
            _cache_call("set", key, value, BUILT_SECONDS)
    return value


class BuildBusy(Exception):
    """The file asked for is being built by another worker, or as many files as may be built
    at once are: the caller answers 503 with Retry-After instead of tying up one more worker."""


BUILD_LOCK_SECONDS = 300  # a build that dies holding its lock frees it after this
RETRY_AFTER_SECONDS = 10


def busy_means_retry(view):
    """A view whose heavy file is being built elsewhere answers 503 with Retry-After."""

    @wraps(view)
    def view_or_retry(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BuildBusy:
            response = HttpResponse(
                translation.gettext(
                    "This file is being prepared for another reader. Please try again in a "
                    "few seconds."
                ),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response

    return view_or_retry


def built_once_bounded(name, build, keep=True):
    """
    Like built_once(), for heavy files (the project list as .xlsx at national scale): built once
    per data version and language, by one worker at a time, and by at most
    settings.HEAVY_BUILDS_AT_ONCE workers for all such files together. A request that would be
    a second build raises BuildBusy rather than waiting: six readers asking for the same
    50,000-row file at once cost one build, and the five others a quick 503 to retry. With
    keep=False (a file for a free-text search: unbounded) the build is bounded but not kept.
    """
    try:
        key = built_key(name)
        value = _cache_call("get", key)
    except CacheUnavailable:
        return build()
    if value is not None:
        return value
    held = []
    try:
        if not _cache_call("add", f"portal:building:{key}", 1, BUILD_LOCK_SECONDS):
            raise BuildBusy
        held.append(f"portal:building:{key}")
        slots = [f"portal:build-slot:{n}" for n in range(settings.HEAVY_BUILDS_AT_ONCE)]
        slot = next((s for s in slots if _cache_call("add", s, 1, BUILD_LOCK_SECONDS)), None)
        if slot is None:
            raise BuildBusy
        held.append(slot)
        value = build()
        if keep:
            with contextlib.suppress(CacheUnavailable):
                _cache_call("set", key, value, BUILT_SECONDS)
        return value
    except CacheUnavailable:
        return build()
    finally:
        for lock in held:
            with contextlib.suppress(CacheUnavailable):
                _cache_call("delete", lock)


def cache_status():
    """'ok' when the shared cache answers a round trip, 'unavailable' when it does not."""
    try:
        _cache_call("set", "portal:health", 1, timeout=10)
        return "ok" if _cache_call("get", "portal:health") == 1 else "unavailable"
    except CacheUnavailable:
        return "unavailable"


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


def no_query(request):
    """For pages that take no parameters: whatever the query string, the same page."""
    return QueryDict(), True


def filter_query(filterset_class, paginated=False):
    """
    A query normaliser for a page driven by a django-filter FilterSet: the parameters the
    filter accepts, with the values its form validates (choices, existing codes, years in
    range), sorted; a search cut to SEARCH_MAX_WORDS words. Pages with a search are answered
    but not stored, since their text is unbounded. A query with a value the form refuses
    reaches the view as it came and is never kept: a file answers 400, a page says what it
    ignored (a random value cannot grow the cache either way).
    """

    def normalise(request):
        form = filterset_class(request.GET).form
        if not form.is_valid():
            # As asked, never kept nor answered from a kept page: a file refuses the value
            # (400), a page says it ignored it, which the page kept without it cannot say.
            # The search is still cut to size.
            asked = request.GET.copy()
            if asked.get("q"):
                asked["q"] = cut_search(asked["q"])
            return asked, False
        query = QueryDict(mutable=True)
        cacheable = True
        for name in sorted(form.fields):
            # What the form, and so the view, reads: the last value of a one-value parameter
            # (?status=junk&status=operational is the operational page, not a new one), every
            # value of a many-value one.
            read = form.fields[name].widget.value_from_datadict(request.GET, {}, name)
            read = read if isinstance(read, list) else [read]
            values = sorted({str(value).strip() for value in read if value is not None} - {""})
            if name == "q" and values:
                values = [cut_search(values[0])]
                cacheable = False
            if values:
                query.setlist(name, values)
        page = request.GET.get("page", "")
        if paginated and is_page_number(page):
            query["page"] = str(int(page))
        return query, cacheable

    return normalise


def cut_search(text):
    """A search as it is read: its first SEARCH_MAX_WORDS words, SEARCH_MAX_CHARACTERS at most."""
    return " ".join(text.split()[:SEARCH_MAX_WORDS])[:SEARCH_MAX_CHARACTERS]


def search_query(request):
    """For the portal's search page: the search cut to size; answered fresh, never stored."""
    query = QueryDict(mutable=True)
    text = cut_search(request.GET.get("q", ""))
    if text:
        query["q"] = text
    return query, not text


def is_page_number(value):
    """A page past the first that anyone links to. Not str.isdigit(): "²" is a digit to it."""
    return value.isascii() and value.isdecimal() and 1 < int(value) <= MAX_PAGE_NUMBER


def numbered_page(parameter):
    """A normaliser for pages that take only a page number (the sitemap's `p`)."""

    def normalise(request):
        value = request.GET.get(parameter, "")
        query = QueryDict(mutable=True)
        if is_page_number(value):
            query[parameter] = str(int(value))
        return query, True

    return normalise


def canonical_query(query):
    """
    A QueryDict as a query string in the order the normalisers above give theirs: names
    sorted, the page number last. A normalised query comes out as it went in, so an address
    whose query is already normal finds its page without normalising. A name's values keep
    their order: filters sort theirs, but a comparison's columns are the order asked for.
    """
    names = sorted(query, key=lambda name: (name == "page", name))
    return urlencode([(name, value) for name in names for value in query.getlist(name)])


def page_key(language, takes_gzip, path, query):
    """Where a page is kept: one entry per page, replaced when the data version moves on."""
    raw = "|".join([language, str(takes_gzip), path, canonical_query(query)])
    return "portal:page:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def public_page(view=None, *, query=no_query, store=True):
    """
    Cache a public GET view's 200 responses and answer 304 to a matching If-None-Match.

    `query` normalises the request's parameters (no_query, or filter_query(...)): the view then
    sees only those, so the page it builds matches the key it is stored under. With
    `store=False` (downloads, whose file name carries the day they were made) the response is
    revalidated the same way but always built fresh, never stored.

    Pages are kept as (data version, response). Behind EarlyCachedPageMiddleware the
    middleware looks them up before the rest of the stack runs and stores them once the whole
    stack has added its headers; without it (a view called directly) this does both.
    """
    if view is None:
        return lambda view: public_page(view, query=query, store=store)

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        request.GET, cacheable = query(request)
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        takes_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        if request.method not in ("GET", "HEAD") or not seconds or not cacheable:
            return fresh_response(view, request, args, kwargs, takes_gzip)
        # The early middleware asked whether the cookie names a session; a view called without
        # it goes by the cookie alone.
        has_session = getattr(request, "portal_has_session", None)
        if has_session is None:
            has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if has_session:
            # An editor, signed in: a page built for them, never one kept for the public,
            # and never kept for the public either.
            return fresh_response(view, request, args, kwargs, takes_gzip)
        try:
            version = data_version()
        except CacheUnavailable:
            return fresh_response(view, request, args, kwargs, takes_gzip)
        fingerprint = "|".join(
            [str(version), get_language(), str(takes_gzip), request.path, request.GET.urlencode()]
        )
        etag = '"' + hashlib.sha256(fingerprint.encode()).hexdigest()[:32] + '"'
        last_modified = version // 1_000_000_000
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            return not_modified
        key = page_key(get_language(), takes_gzip, request.path, request.GET)
        if store and not getattr(request, "portal_early_looked", False):
            try:
                entry = _cache_call("get", key)
            except CacheUnavailable:
                return fresh_response(view, request, args, kwargs, takes_gzip)
            if entry is not None and entry[0] == version:
                return entry[1]
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        if hasattr(response, "render"):
            response.render()
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        # Readers revalidate every time: an edit shows on the very next request.
        patch_cache_control(response, public=True, no_cache=True)
        response = compressed(request, response, takes_gzip)
        if store and not getattr(request, "portal_no_store", False):
            if getattr(request, "portal_early", False):
                request.portal_store = (key, version, seconds)  # the middleware stores it
            else:
                with contextlib.suppress(CacheUnavailable):  # served all the same
                    _cache_call("set", key, (version, response), seconds)
        return response

    # Public pages answer GET and HEAD only (require_safe): a POST should get that 405, not
    # the CSRF check's 403, and no public page reads anything a POST could carry.
    cached_view.csrf_exempt = True
    # For EarlyCachedPageMiddleware, which finds the page's key before the view runs.
    cached_view.portal_query = query
    cached_view.portal_store = store
    return cached_view


class EarlyCachedPageMiddleware:
    """
    A public page in the cache, answered before the session, CSRF, auth, messages, history
    and login-limit middleware run: an anonymous GET or HEAD costs one cache round trip (the
    data version and the page together) and no database query.

    It sits below the security, CSP, Permissions-Policy and WhiteNoise middleware, so a cached
    page gets their headers as a fresh one does; the page is stored after the rest of the
    stack has run, so it carries theirs (Content-Language, Vary, X-Frame-Options) too. A
    request with a session cookie (an editor), or to the admin, always takes the full path.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH
        self.session_store = import_module(settings.SESSION_ENGINE).SessionStore

    def __call__(self, request):
        request.portal_early = True
        hit = self.cached_response(request)
        if hit is not None:
            return hit
        response = self.get_response(request)
        stored = getattr(request, "portal_store", None)
        # Never a response that sets a cookie: it would be handed to every reader.
        if (
            stored
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            key, version, seconds = stored
            with contextlib.suppress(CacheUnavailable):  # served all the same
                _cache_call("set", key, (version, response), seconds)
        return response

    def cached_response(self, request):
        if request.method not in ("GET", "HEAD") or not settings.PUBLIC_PAGE_CACHE_SECONDS:
            return None
        # A Host the settings do not allow is a 400 (DisallowedHost), as for a fresh page:
        # CommonMiddleware, which would check it, runs only after a miss.
        request.get_host()
        request.portal_has_session = self.has_session(request)
        if request.portal_has_session:
            return None
        if request.path_info.startswith(self.admin_prefix):
            return None
        # The language as LocaleMiddleware will choose it: from the path's prefix, else the
        # default (every page without a prefix is Vietnamese).
        translation.activate(get_language_from_path(request.path_info) or settings.LANGUAGE_CODE)
        takes_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        language = get_language()
        # First the address as it comes: links carry normal queries, and a normal query is its
        # own key. Only a public_page view keeps pages, under its address's key, so a hit
        # needs neither the URL resolver nor the view's normaliser (a filter's form costs more
        # than the rest of the hit).
        key = page_key(language, takes_gzip, request.path, request.GET)
        try:
            found = _cache_call("get_many", [DATA_VERSION_KEY, key])
            version, entry = found.get(DATA_VERSION_KEY), found.get(key)
            if entry is None and version is not None:
                # Not kept as it comes (?x=…, a blank or repeated value, a search): normalised,
                # it may be.
                normal_key = self.normal_key(request, language, takes_gzip)
                if normal_key is None:
                    return None
                if normal_key != key:
                    entry = _cache_call("get", normal_key)
        except CacheUnavailable:
            return None
        request.portal_early_looked = True
        if version is None or entry is None or entry[0] != version:
            return None
        response = entry[1]
        not_modified = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=version // 1_000_000_000,
            response=response,
        )
        return not_modified or response

    def has_session(self, request):
        """
        Whether the request carries a session that exists (an editor's): such a request takes
        the full path. A cookie made up to dodge the cache costs one look-up, not a fresh page;
        with the session store unreachable, the reader gets the kept page.
        """
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not session_key:
            return False
        try:
            return self.session_store().exists(session_key)
        except DatabaseError:
            return False

    def normal_key(self, request, language, takes_gzip):
        """The key of the page the view would keep for this request, or None if it keeps none."""
        try:
            view = resolve(request.path_info).func
        except Resolver404:
            return None
        normalise = getattr(view, "portal_query", None)
        if normalise is None or not getattr(view, "portal_store", False):
            return None
        query, cacheable = normalise(request)
        return page_key(language, takes_gzip, request.path, query) if cacheable else None


def fresh_response(view, request, args, kwargs, takes_gzip):
    return compressed(request, view(request, *args, **kwargs), takes_gzip)


# Formats that are compressed already (an .xlsx is a zip): gzip would only cost time.
ALREADY_COMPRESSED = ("application/vnd.openxmlformats", "application/zip", "image/png")


def compressed(request, response, takes_gzip):
    if not takes_gzip or response.get("Content-Type", "").startswith(ALREADY_COMPRESSED):
        return response
    return gzip.process_response(request, response)
