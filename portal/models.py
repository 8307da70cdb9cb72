from django.db import DatabaseError, models


class DataVersion(models.Model):
    """
    When the public data last changed, kept in the database (one row): the page cache's
    version and every public page's Last-Modified. In the database rather than only in the
    cache, it survives a restart or an emptied cache and is the same for every worker.
    common.caching reads and writes it through settings.PUBLIC_PAGE_VERSION_STORE.
    """

    changed_ns = models.BigIntegerField("changed at (nanoseconds since 1970, UTC)")

    class Meta:
        verbose_name = "data version"

    def __str__(self):
        return str(self.changed_ns)

    @classmethod
    def load(cls):
        """The stored time, or None when there is none yet (or the database cannot say)."""
        try:
            return cls.objects.filter(pk=1).values_list("changed_ns", flat=True).first()
        except DatabaseError:
            return None

    @classmethod
    def save_version(cls, changed_ns):
        cls.objects.update_or_create(pk=1, defaults={"changed_ns": changed_ns})
