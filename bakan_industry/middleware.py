"""The project's own middleware: security headers, database outages, and query counting."""

import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.shortcuts import render

logger = logging.getLogger(__name__)


class QueryCountHeaderMiddleware:
    """
    Counts the SQL queries a request makes and times them and the whole answer: X-Query-Count,
    X-Query-Time and X-Server-Time (milliseconds), so the benchmark can say where a slow page
    spends its time. Only installed when measuring (QUERY_COUNT_HEADER=true), never in
    production.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        durations = []

        def timed(execute, sql, params, many, context):
            began = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                durations.append(time.perf_counter() - began)

        with connection.execute_wrapper(timed):
            response = self.get_response(request)
        response["X-Query-Count"] = str(len(durations))
        response["X-Query-Time"] = f"{sum(durations) * 1000:.3f}"
        response["X-Server-Time"] = f"{(time.perf_counter() - started) * 1000:.3f}"
        return response


class PermissionsPolicyMiddleware:
    """Tells browsers this site uses no camera, microphone, location or payment features."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """
    While the database is down, readers get a short 503 page in their language (pages in the
    cache are still served by their views' cache), never a traceback; once the database is
    back, Django's connection health checks reconnect on the next request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", exception)
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "30"
        return response
