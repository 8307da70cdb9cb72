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
        from common.signals import (
            fill_search_text,
            keep_updated_at_on_fixture_load,
            no_history_for_raw_saves,
        )

        from .models import Organisation, PlanningDocument, Site, Source, Statement

        simple_history.register(Site, app=self.name, excluded_fields=["search_text", "updated_at"])
        # A statement's every change is kept too, with the sites it is about and its sources.
        simple_history.register(
            Statement,
            app=self.name,
            excluded_fields=["search_text"],
            m2m_fields=["sites", "sources"],
        )
        for model in (Site, Organisation, PlanningDocument, Source, Statement):
            pre_save.connect(
                fill_search_text, sender=model, dispatch_uid=f"search-{model.__name__}"
            )
        pre_save.connect(keep_updated_at_on_fixture_load, sender=Site, dispatch_uid="stamp-Site")
        pre_save.connect(
            no_history_for_raw_saves, sender=Statement, dispatch_uid="raw-history-Statement"
        )
        connect_cache_invalidation(self)
