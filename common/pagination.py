"""One way to cut a public list into pages, shared by the site and project lists."""

from django.core.paginator import Paginator


def paginate(request, queryset, per_page):
    """
    The requested page, and the query string without its page number (for the page links).

    get_page() turns a missing, non-numeric or out-of-range page number into a real page, so a
    mistyped link never fails.
    """
    requested = request.GET.get("page") or "1"
    page = Paginator(queryset, per_page).get_page(requested)
    if str(page.number) != requested:
        # Page 999 of 3 shows page 3: answered, but not stored under 999 (common.caching).
        request.portal_no_store = True
    query = request.GET.copy()
    query.pop("page", None)
    return {"page": page, "query_without_page": query.urlencode()}
