"""One way to cut a public list into pages, shared by the site and project lists."""

from django.core.paginator import Paginator


def paginate(request, queryset, per_page):
    """
    The requested page, and the query string without its page number (for the page links).

    get_page() turns a missing, non-numeric or out-of-range page number into a real page, so a
    mistyped link never fails.
    """
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page": page, "query_without_page": query.urlencode()}
