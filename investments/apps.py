from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class InvestmentsConfig(AppConfig):
    name = "investments"
    verbose_name = _("Investment projects")

    def ready(self):
        # Registered here, as zones.Site is, so history keeps both languages' columns.
        import simple_history

        from common.caching import connect_cache_invalidation
        from common.signals import (
            fill_search_text,
            keep_updated_at_on_fixture_load,
            no_history_for_raw_saves,
        )

        from . import receivers
        from .models import Project, ProjectStatement

        # Its copies of its statements are left out: their history is the statements' own, and
        # a revert to an old record must not bring back a copy its statements no longer give.
        simple_history.register(
            Project, app=self.name, excluded_fields=["search_text", "updated_at", *Project.COPIES]
        )
        # A project's statements keep their every change, as zones.Statement's do.
        simple_history.register(
            ProjectStatement, app=self.name, excluded_fields=["updated_at"], m2m_fields=["sources"]
        )
        pre_save.connect(fill_search_text, sender=Project, dispatch_uid="search-Project")
        for model in (Project, ProjectStatement):
            pre_save.connect(
                keep_updated_at_on_fixture_load,
                sender=model,
                dispatch_uid=f"stamp-{model.__name__}",
            )
        # A project's status columns follow its status statements.
        pre_save.connect(
            no_history_for_raw_saves, sender=ProjectStatement, dispatch_uid="raw-ProjectStatement"
        )
        pre_save.connect(receivers.remember_before, sender=ProjectStatement, dispatch_uid="before")
        post_save.connect(receivers.statement_saved, sender=ProjectStatement, dispatch_uid="saved")
        post_delete.connect(
            receivers.statement_deleted, sender=ProjectStatement, dispatch_uid="del"
        )
        connect_cache_invalidation(self)
