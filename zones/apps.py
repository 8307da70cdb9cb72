from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    name = "zones"
    verbose_name = _("Industrial zones and clusters")

    def ready(self):
        # History is registered here rather than on the model so that it is built after
        # django-modeltranslation has added the _vi/_en columns: a statement's words are kept
        # in both languages in every historical record.
        import simple_history
        from simple_history.models import HistoricalRecords

        from common.caching import connect_cache_invalidation
        from common.signals import (
            fill_search_text,
            keep_updated_at_on_fixture_load,
            no_history_for_raw_saves,
        )

        from . import receivers
        from .models import Organisation, PlanningDocument, Site, SiteStatus, Source, Statement

        class RecordsAlsoOfProxies(HistoricalRecords):
            """
            Django names a proxy as the sender of its saves and deletions: the statement's
            history listens for its proxy's too (the admin's Site statuses), into the same
            table (django-simple-history does not; its issue #544).
            """

            def finalize(self, sender, **kwargs):
                super().finalize(sender, **kwargs)
                for proxy in (SiteStatus,):
                    # The admin's history page looks for the history manager on the proxy.
                    proxy._meta.simple_history_manager_attribute = self.manager_name
                    post_save.connect(self.post_save, sender=proxy, weak=False)
                    pre_delete.connect(self.pre_delete, sender=proxy, weak=False)
                    post_delete.connect(self.post_delete, sender=proxy, weak=False)

        simple_history.register(Site, app=self.name, excluded_fields=["search_text", "updated_at"])
        # A statement's every change is kept too, with the sites it is about and its sources.
        simple_history.register(
            Statement,
            app=self.name,
            records_class=RecordsAlsoOfProxies,
            excluded_fields=["search_text", "updated_at"],
            m2m_fields=["sites", "sources"],
        )
        for model in (Site, Organisation, PlanningDocument, Source, Statement, SiteStatus):
            pre_save.connect(
                fill_search_text, sender=model, dispatch_uid=f"search-{model.__name__}"
            )
        for model in (Site, Statement, SiteStatus):
            pre_save.connect(
                keep_updated_at_on_fixture_load,
                sender=model,
                dispatch_uid=f"stamp-{model.__name__}",
            )
        # A site's status columns follow its status statements, whichever class saved them.
        for model in (Statement, SiteStatus):
            name = model.__name__
            pre_save.connect(no_history_for_raw_saves, sender=model, dispatch_uid=f"raw-{name}")
            pre_save.connect(receivers.remember_kind, sender=model, dispatch_uid=f"kind-{name}")
            post_save.connect(receivers.status_saved, sender=model, dispatch_uid=f"saved-{name}")
            pre_delete.connect(receivers.remember_sites, sender=model, dispatch_uid=f"pre-{name}")
            post_delete.connect(receivers.status_deleted, sender=model, dispatch_uid=f"del-{name}")
        post_save.connect(receivers.site_saved, sender=Site, dispatch_uid="site-saved")
        m2m_changed.connect(
            receivers.status_sites_changed,
            sender=Statement.sites.through,
            dispatch_uid="status-sites",
        )
        connect_cache_invalidation(self)
