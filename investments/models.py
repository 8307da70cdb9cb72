"""
Investment projects located in (or planned for) the sites of the `zones` app.

The article's 21 approved projects are not listed by any public source, so they exist here only
as reported totals (zones.ReportedFigure); a project is itemised only when a source names it.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zones.models import Organisation, Sector, Site, Source
from zones.text import fold


class ProjectQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def public(self):
        """Projects with what a list row shows, in one query."""
        return self.select_related("site", "investor", "sector")

    def search(self, query):
        """Projects whose name, investor or site matches, diacritics and case ignored."""
        condition = Q()
        for word in fold(query).split():
            condition &= (
                Q(search_text__contains=word)
                | Q(investor__search_text__contains=word)
                | Q(site__search_text__contains=word)
            )
        return self.filter(condition)

    def for_detail(self):
        return self.public().prefetch_related(
            Prefetch("citations", queryset=ProjectCitation.objects.select_related("source"))
        )


class Project(models.Model):
    """An investment project a source names, with its investor, site and registered capital."""

    class Status(models.TextChoices):
        APPROVED = "approved", _("Investment policy approved")
        PREPARING = "preparing", _("Completing procedures")
        UNDER_CONSTRUCTION = "under_construction", _("Under construction")
        OPERATING = "operating", _("Operating")
        STOPPED = "stopped", _("Stopped")

    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    investor = models.ForeignKey(
        Organisation,
        verbose_name=_("investor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        help_text=_("Leave empty when no source names the investor."),
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    area_ha = models.DecimalField(
        _("area (ha)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), _("An area cannot be negative."))],
    )
    registered_capital_vnd = models.BigIntegerField(
        _("registered capital (đồng)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Registered capital cannot be negative."))],
    )
    is_fdi = models.BooleanField(
        _("FDI project"),
        null=True,
        blank=True,
        help_text=_("Foreign direct investment. Leave unknown when no source says."),
    )
    approval_date = models.DateField(_("approval date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status)
    status_date = models.DateField(_("status as of"), null=True, blank=True)
    is_synthetic = models.BooleanField(
        _("synthetic"),
        default=False,
        editable=False,
        help_text=_("Generated for load tests; never real data."),
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]
        # The project list sorts by these; without an index a sorted page of a national
        # register reads every row.
        indexes = [
            models.Index(fields=["registered_capital_vnd"], name="project_capital_idx"),
            models.Index(fields=["approval_date"], name="project_approval_idx"),
            models.Index(fields=["name_vi"], name="project_name_vi_idx"),
            models.Index(fields=["name_en"], name="project_name_en_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(area_ha__isnull=True) | Q(area_ha__gte=0),
                name="project_area_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(registered_capital_vnd__isnull=True) | Q(registered_capital_vnd__gte=0),
                name="project_capital_not_negative",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("investments:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def searchable_names(self):
        return [self.name_vi, self.name_en]


class ProjectCitationManager(models.Manager):
    def get_by_natural_key(self, project, source):
        return self.get(project__slug=project, source__key=source)


class ProjectCitation(models.Model):
    """Names a source for a project."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="citations"
    )
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="project_citations",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = ProjectCitationManager()

    class Meta:
        verbose_name = _("project citation")
        verbose_name_plural = _("project citations")
        ordering = ["source__id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "source"], name="project_citation_unique"),
        ]

    def __str__(self):
        return f"{self.project} — {self.source.key}"

    def natural_key(self):
        return (self.project.slug, self.source.key)

    natural_key.dependencies = ["investments.project", "zones.source"]
