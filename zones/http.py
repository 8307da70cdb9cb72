"""Small HTTP helpers for the public views."""

from functools import wraps


def readable_anywhere(view):
    """Open data: any website may read this response from the browser (CORS)."""

    @wraps(view)
    def view_with_cors(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return view_with_cors
