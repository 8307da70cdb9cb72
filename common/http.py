"""Small HTTP helpers for the public views."""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

# What stands for a record's slug in an address pattern: reversed once, filled in per record
# (by address_of() here, by the map script in the browser, which is told this placeholder).
SLUG_PLACEHOLDER = "__slug__"


def absolute_url(path):
    """A path on this portal as a full address, from PORTAL_ORIGIN (never the request's Host)."""
    return settings.PORTAL_ORIGIN + path


def address_pattern(viewname):
    """The address of a detail page with SLUG_PLACEHOLDER for its slug: one reverse() per list."""
    return reverse(viewname, kwargs={"slug": SLUG_PLACEHOLDER})


def address_of(pattern, slug):
    return pattern.replace(SLUG_PLACEHOLDER, slug)


def portal_scheme_and_domain():
    origin = urlsplit(settings.PORTAL_ORIGIN)
    return origin.scheme, origin.netloc


def normalised_full_path(request):
    """
    The path with the query the view saw (common.caching keeps only the parameters a page
    understands), not the raw query string, which a reader could fill with anything.
    """
    query = request.GET.urlencode()
    return request.path + ("?" + query if query else "")


def local_path(path):
    """
    A request path made safe to print as a link: "//evil.example/x" (a protocol-relative
    address to another site) becomes "/evil.example/x" on this one.
    """
    return "/" + path.lstrip("/\\")


def download(content, content_type, file_name):
    """A file the browser saves under `file_name` rather than shows."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def readable_anywhere(view):
    """Open data: any website may read this response from the browser (CORS)."""

    @wraps(view)
    def view_with_cors(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return view_with_cors
