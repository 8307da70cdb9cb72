"""Admin helpers shared by both apps' ModelAdmins."""

from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect


class FilterValuesCheckedMixin:
    """
    A list whose filter values no database could compare (a NUL character, which PostgreSQL
    refuses in any string, or a value of thousands of characters) is answered the way Django
    answers an unknown filter: the list again, with its "invalid filter" notice.
    """

    def changelist_view(self, request, extra_context=None):
        values = [value for _name, values in request.GET.lists() for value in values]
        if any("\x00" in value or len(value) > 200 for value in values):
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        return super().changelist_view(request, extra_context)


def refuse_revert_unless_superuser(request):
    """
    django-simple-history's "revert" view saves the old version's every field, whatever the
    form shows: an editor could rewrite a site's name or area through it.
    """
    if not request.user.is_superuser:
        raise PermissionDenied
