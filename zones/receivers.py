"""
Receivers that keep a site's status columns (Site.status, status_date, status_date_precision)
copies of its current status statement, whichever way a statement changes (saved, about other
sites, or deleted), and whenever the site itself is saved: a revert to an old record of its
history must not bring back a status its statements no longer give.
"""

from .models import Statement


def refresh_sites(sites):
    for site in sites:
        site.refresh_copies()


def status_saved(sender, instance, raw=False, **kwargs):
    if raw:
        # A fixture or a dump brings the sites' copies with it; its many-to-many values, set
        # next, change nothing either.
        instance.loaded_raw = True
        return
    if instance.kind == Statement.Kind.STATUS or instance.was_status:
        refresh_sites(instance.sites.all())


def site_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.refresh_copies()


def remember_kind(sender, instance, raw=False, **kwargs):
    """Whether it was a status before this save: a statement that stops being one counts."""
    instance.was_status = bool(
        instance.pk
        and not raw
        and instance.kind != Statement.Kind.STATUS
        and Statement.objects.filter(pk=instance.pk, kind=Statement.Kind.STATUS).exists()
    )


def status_sites_changed(sender, instance, action, reverse, pk_set=None, **kwargs):
    if getattr(instance, "loaded_raw", False):
        return
    if reverse:
        # From the site's side (site.statements.add(…)): that site is the one concerned.
        if action in ("post_add", "post_remove", "post_clear"):
            instance.refresh_copies()
        return
    if instance.kind != Statement.Kind.STATUS:
        return
    if action == "pre_clear":
        instance.cleared_sites = list(instance.sites.all())
    elif action in ("post_add", "post_remove"):
        refresh_sites(instance.sites.model.objects.filter(pk__in=pk_set or []))
    elif action == "post_clear":
        refresh_sites(getattr(instance, "cleared_sites", []))


def remember_sites(sender, instance, **kwargs):
    if instance.kind == Statement.Kind.STATUS:
        instance.deleted_from = list(instance.sites.all())


def status_deleted(sender, instance, **kwargs):
    refresh_sites(getattr(instance, "deleted_from", []))
