"""
Admin login throttling for a portal behind a proxy (django-axes, with three limits).

Failed logins are counted three ways, each against its own limit within the cool-off hour:
for one username from one address (AXES_FAILURE_LIMIT, 5: a mistyped password), for one
username from any address (AXES_USERNAME_FAILURE_LIMIT: a password guessed from many
machines), and from one address for any username (AXES_ADDRESS_FAILURE_LIMIT: one machine
trying many accounts). The second limit is not applied to an address the account has logged in
from before: a guesser who knows an editor's username can lock them out of new places, not out
of their office. The client's address is the one the trusted front server reports
(DJANGO_CLIENT_IP_HEADER), so that behind nginx every reader is not one address.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessLog
from django.conf import settings
from django.db.models import Sum


def client_address(request):
    """
    The address failed logins are counted for: the one the trusted front server puts in
    CLIENT_IP_HEADER when that is configured, the connection's own otherwise.
    """
    if settings.CLIENT_IP_HEADER and request.META.get(settings.CLIENT_IP_HEADER):
        return request.META[settings.CLIENT_IP_HEADER].strip()[:45]
    return request.META.get("REMOTE_ADDR")


# The order of settings.AXES_LOCKOUT_PARAMETERS, each with its limit.
LOCKOUT_PARAMETERS = [["username", "ip_address"], ["username"], ["ip_address"]]


def limits():
    return [
        settings.AXES_FAILURE_LIMIT,
        settings.AXES_USERNAME_FAILURE_LIMIT,
        settings.AXES_ADDRESS_FAILURE_LIMIT,
    ]


class ThreeLimitsHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        """
        django-axes compares one count with one limit. This reports the limit itself as soon
        as any of the three counts reaches its own limit, and the pair's count otherwise.
        """
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        checked = limits()
        if logged_in_from_here_before(request, credentials):
            checked[1] = None
        if any(limit and count >= limit for count, limit in zip(counts, checked, strict=True)):
            return settings.AXES_FAILURE_LIMIT
        return counts[0]


def logged_in_from_here_before(request, credentials):
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None)
    return bool(username and address) and (
        AccessLog.objects.filter(username=username, ip_address=address).exists()
    )
