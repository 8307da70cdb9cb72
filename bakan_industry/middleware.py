"""Middleware used only when measuring (QUERY_COUNT_HEADER=true): never in production."""

from django.db import connection


class QueryCountHeaderMiddleware:
    """Counts the SQL queries a request makes and reports them in X-Query-Count."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = self.get_response(request)
        response["X-Query-Count"] = str(len(queries))
        return response
