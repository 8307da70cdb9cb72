from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    name = "zones"
    verbose_name = _("Industrial zones and clusters")

    def ready(self):
        # History is registered here rather than on the model so that it is built after
        # django-modeltranslation has added the _vi/_en columns: the status note is kept
        # in both languages in every historical record.
        import simple_history

        from common.caching import connect_cache_invalidation
        from common.signals import fill_search_text, keep_updated_at_on_fixture_load

        from .models import Organisation, PlanningDocument, Site, Source, Statement

        simple_history.register(Site, app=self.name, excluded_fields=["search_text", "updated_at"])
        for model in (Site, Organisation, PlanningDocument, Source, Statement):
            pre_save.connect(
                fill_search_text, sender=model, dispatch_uid=f"search-{model.__name__}"
            )
        pre_save.connect(keep_updated_at_on_fixture_load, sender=Site, dispatch_uid="stamp-Site")
        connect_cache_invalidation(self)
