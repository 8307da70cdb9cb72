"""Receivers that keep denormalised columns in step with the fields they derive from."""

from django.utils import timezone

from common.text import search_words


def fill_search_text(sender, instance, raw=False, **kwargs):
    """
    Refresh `search_text` from the model's `searchable_names()` before every save.

    A pre_save receiver rather than an override of save(), because fixtures are loaded with
    raw saves that skip save() but still send pre_save. A raw row that brings its own (a
    backup being restored) keeps it: the names of a project's site, investor and sector cost
    three queries a row, a quarter of an hour for a national restore.
    """
    if raw and instance.search_text:
        return
    instance.search_text = search_words(" ".join(filter(None, instance.searchable_names())))


def keep_updated_at_on_fixture_load(sender, instance, raw=False, **kwargs):
    """
    Give `updated_at` a value when a fixture is loaded.

    `auto_now` does not apply to raw saves. A row loaded again keeps the time it already had,
    so loading the same facts twice changes nothing; a new row gets the time of loading.
    """
    if not raw or instance.updated_at is not None:
        return
    previous = None
    if instance.pk is not None:
        previous = sender.objects.filter(pk=instance.pk).values_list("updated_at", flat=True)
        previous = previous.first()
    instance.updated_at = previous or timezone.now()


def no_history_for_raw_saves(sender, instance, raw=False, **kwargs):
    """
    A fixture or a dump being loaded replays rows; it changes nothing. django-simple-history
    already skips a raw save, but not the many-to-many values set after it (a statement's
    sites, then its sources), which would each leave a record with no reason given.
    """
    if raw:
        instance.skip_history_when_saving = True
