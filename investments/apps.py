from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class InvestmentsConfig(AppConfig):
    name = "investments"
    verbose_name = _("Investment projects")

    def ready(self):
        # Registered here, as zones.Site is, so history keeps both languages' columns.
        import simple_history

        from common.caching import connect_cache_invalidation
        from common.signals import fill_search_text, keep_updated_at_on_fixture_load

        from .models import Project

        simple_history.register(
            Project, app=self.name, excluded_fields=["search_text", "updated_at"]
        )
        pre_save.connect(fill_search_text, sender=Project, dispatch_uid="search-Project")
        pre_save.connect(
            keep_updated_at_on_fixture_load, sender=Project, dispatch_uid="stamp-Project"
        )
        connect_cache_invalidation(self)
