"""Small HTTP helpers for the public views."""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path):
    """A path on this portal as a full address, from PORTAL_ORIGIN (never the request's Host)."""
    return settings.PORTAL_ORIGIN + path


def portal_scheme_and_domain():
    origin = urlsplit(settings.PORTAL_ORIGIN)
    return origin.scheme, origin.netloc


def normalised_full_path(request):
    """
    The path with the query the view saw (zones.caching keeps only the parameters a page
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


def readable_anywhere(view):
    """Open data: any website may read this response from the browser (CORS)."""

    @wraps(view)
    def view_with_cors(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return view_with_cors
