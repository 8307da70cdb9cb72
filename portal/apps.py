from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """
    What spans both domains: loading the facts, backup and restore, the Editor role, synthetic
    data, the site-wide pages and template tags. It may import `zones` and `investments`;
    neither imports it.
    """

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from .roles import ensure_editor_group

        # Sent for the investments app, whose permissions auth has created by then (its own
        # receiver is connected earlier); this app has no models, so it gets no post_migrate.
        post_migrate.connect(
            ensure_editor_group,
            sender=apps.get_app_config("investments"),
            dispatch_uid="editor-group",
        )
