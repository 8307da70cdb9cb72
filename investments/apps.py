from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class InvestmentsConfig(AppConfig):
    name = "investments"
    verbose_name = _("Investment projects")

    def ready(self):
        # Registered here, as zones.Site is, so history keeps both languages' columns.
        import simple_history

        from zones.caching import connect_cache_invalidation
        from zones.signals import fill_search_text, keep_updated_at_on_fixture_load

        from .models import Project
        from .roles import ensure_editor_group

        simple_history.register(
            Project, app=self.name, excluded_fields=["search_text", "updated_at"]
        )
        pre_save.connect(fill_search_text, sender=Project, dispatch_uid="search-Project")
        pre_save.connect(
            keep_updated_at_on_fixture_load, sender=Project, dispatch_uid="stamp-Project"
        )
        connect_cache_invalidation(self)
        # After this app's permissions exist (auth creates them on the same signal, earlier).
        post_migrate.connect(ensure_editor_group, sender=self, dispatch_uid="editor-group")
