"""
Investment projects located in (or planned for) the sites of the `zones` app.

The article's 21 approved projects are not listed by any public source, so they exist here only
as reported totals (zones.Statement); a project is itemised only when a source names it.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from common.text import query_words
from zones.models import (
    CopiesItsStatements,
    DatePrecision,
    Organisation,
    SearchableQuerySet,
    Sector,
    Site,
    Source,
    SourcedStatement,
    SourcedStatementQuerySet,
    Statement,
    Unit,
)


def first_amount(kind, unit):
    return Subquery(
        ProjectStatement.objects.filter(project=OuterRef("pk"), kind=kind, unit=unit)
        .in_rank_order()
        .values("amount")[:1]
    )


class ProjectQuerySet(SearchableQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def public(self):
        """
        The projects the public sees, with their site, investor and sector in the same query.
        Every public read starts here (as with Site.objects.public(), nothing is left out
        today; tests/test_public_reads.py checks that each read goes through it).
        """
        return self.select_related("site", "investor", "sector")

    def with_first_amounts(self):
        """
        Each project's first capital in đồng and first area in hectares (in rank order, as its
        page lists them) as `capital_vnd` and `area_ha`: what the list sorts by and the
        admin's spreadsheet holds. Read from its statements: the project record keeps no copy.
        """
        return self.annotate(
            capital_vnd=Cast(
                first_amount(ProjectStatement.Kind.CAPITAL, Unit.VND), models.BigIntegerField()
            ),
            area_ha=first_amount(ProjectStatement.Kind.AREA, Unit.HECTARES),
        )

    def for_list(self):
        """Public projects with what a list row shows: one query, and one for their capitals."""
        return (
            self.public()
            .with_first_amounts()
            .prefetch_related(
                Prefetch(
                    "statements",
                    queryset=ProjectStatement.objects.filter(kind=ProjectStatement.Kind.CAPITAL)
                    .figures()
                    .with_sources()
                    .in_rank_order(),
                    to_attr="capital_figures",
                )
            )
        )

    def search(self, query):
        """Projects whose name, investor or site matches, diacritics and case ignored."""
        condition = Q()
        for word in query_words(query):
            condition &= (
                Q(search_text__contains=word)
                | Q(investor__search_text__contains=word)
                | Q(site__search_text__contains=word)
            )
        return self.filter(condition)

    def for_detail(self):
        return self.for_list().prefetch_related(
            Prefetch("citations", queryset=ProjectCitation.objects.select_related("source")),
            Prefetch(
                "statements",
                queryset=ProjectStatement.objects.with_sources().in_rank_order(),
            ),
        )


# The words for whether a project is foreign direct investment, wherever it is shown: the
# project's page, the list's filter, the public and admin spreadsheets (which the import reads
# back: "FDI", "Trong nước" and "Domestic" are among the words it accepts).
FDI_LABELS = {True: _("FDI"), False: _("Domestic"), None: _("Not stated")}


class Origin(models.TextChoices):
    """What a statement of the property "Domestic or foreign" says a project is."""

    FOREIGN = "foreign", FDI_LABELS[True]
    DOMESTIC = "domestic", FDI_LABELS[False]


# Project.is_fdi, the copy, of each, and back (None: no source says).
IS_FDI = {Origin.FOREIGN: True, Origin.DOMESTIC: False}
ORIGIN_OF_FDI = {True: Origin.FOREIGN, False: Origin.DOMESTIC, None: None}


class Project(CopiesItsStatements, models.Model):
    """
    An investment project a source names, with its investor and site. Its capital and area
    are its statements (ProjectStatement), each with its sources; the record keeps no copy.
    """

    class Status(models.TextChoices):
        REGISTERING = "registering", _("Registering investment")
        APPROVED = "approved", _("Investment policy approved")
        PREPARING = "preparing", _("Completing procedures")
        UNDER_CONSTRUCTION = "under_construction", _("Under construction")
        TRIAL_OPERATION = "trial_operation", _("In trial operation")
        OPERATING = "operating", _("Operating")
        STALLED = "stalled", _("Stalled, stopped or running inefficiently")
        STOPPED = "stopped", _("Stopped")
        ABANDONED = "abandoned", _("Abandoned")

    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    name = models.CharField(_("name"), max_length=255)
    # Bounded: a page, its cache entry and its exports should not carry a megabyte of text.
    description = models.TextField(
        _("description"), blank=True, max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    # A copy of the body its current investor statement names (ProjectStatement, property
    # Investor), written by refresh_copies() only: empty when no source names one.
    investor = models.ForeignKey(
        Organisation,
        verbose_name=_("investor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="projects",
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    # A copy of the sector its current sector statement (ProjectStatement, property Sector)
    # names, written by refresh_copies() only: what the list filters by.
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="projects",
    )
    # A copy of what its current statement of the property "Domestic or foreign" says
    # (ProjectStatement.origin), written by refresh_copies() only: empty when no source says.
    is_fdi = models.BooleanField(_("FDI project"), null=True, blank=True, editable=False)
    # Copies of its current approval statement (ProjectStatement, property Approval or
    # licence), written by refresh_copies() only: what the list sorts and filters by.
    decision = models.CharField(
        _("approval or licence"), max_length=120, blank=True, editable=False
    )
    approval_date = models.DateField(_("approval date"), null=True, blank=True, editable=False)
    approval_date_precision = models.CharField(
        _("precision of the approval date"),
        max_length=10,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        editable=False,
    )
    # Copies of its current status statement (ProjectStatement, property Status), written by
    # refresh_copies() only: what the filters, the lists and the files read.
    status = models.CharField(_("status"), max_length=20, choices=Status, editable=False)
    status_date = models.DateField(_("status as of"), null=True, blank=True, editable=False)
    status_date_precision = models.CharField(
        _("precision of the status date"),
        max_length=10,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        editable=False,
    )
    status_period = models.CharField(
        _("status period, in words"), max_length=120, blank=True, editable=False
    )
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
            models.Index(fields=["approval_date"], name="project_approval_idx"),
            models.Index(fields=["name_vi"], name="project_name_vi_idx"),
            models.Index(fields=["name_en"], name="project_name_en_idx"),
            # The status filter: its page count reads every row without one.
            models.Index(fields=["status"], name="project_status_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("investments:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def searchable_names(self):
        sector = self.sector
        return [
            self.name_vi,
            self.name_en,
            self.decision,
            self.description_vi,
            self.description_en,
            # A sector renamed later leaves this copy behind until the project is saved again.
            sector and sector.name_vi,
            sector and sector.name_en,
        ]

    @cached_property
    def status_statement(self):
        """
        Its current status: the first of its status statements in reading order (what a
        source reports before what is planned, newest first). Its status columns copy it.
        """
        return self.first_statement(ProjectStatement.Kind.STATUS)

    def first_statement(self, kind, names_a_value=False):
        """
        Its first statement of a property in reading order (from for_detail(), or queried);
        with `names_a_value`, the first that names a body, a sector or an origin (not a "not
        found").
        """
        if "statements" in getattr(self, "_prefetched_objects_cache", {}):
            statements = self.statements.all()
        else:
            statements = self.statements.filter(kind=kind).with_sources()
        return min(
            (
                statement
                for statement in statements
                if statement.kind == kind and (statement.names_a_value or not names_a_value)
            ),
            key=ProjectStatement.reading_order,
            default=None,
        )

    COPIED_FROM = (
        "status_statement",
        "investor_statement",
        "approval_statement",
        "sector_statement",
        "origin_statement",
    )
    # The columns those are copied into (which its history leaves out).
    COPIES = (
        "status",
        "status_date",
        "status_date_precision",
        "status_period",
        "status_period_vi",
        "status_period_en",
        "investor",
        "sector",
        "decision",
        "approval_date",
        "approval_date_precision",
        "is_fdi",
    )

    @cached_property
    def investor_statement(self):
        """The first of its investor statements, in reading order, that names a body."""
        return self.first_statement(ProjectStatement.Kind.INVESTOR, names_a_value=True)

    @cached_property
    def approval_statement(self):
        """Its current approval or licence: the first of those statements in reading order."""
        return self.first_statement(ProjectStatement.Kind.APPROVAL)

    @cached_property
    def sector_statement(self):
        """The first of its sector statements, in reading order, that names a sector."""
        return self.first_statement(ProjectStatement.Kind.SECTOR, names_a_value=True)

    @cached_property
    def origin_statement(self):
        """The first of its statements of "Domestic or foreign", in reading order, that says."""
        return self.first_statement(ProjectStatement.Kind.ORIGIN, names_a_value=True)

    def copied_values(self):
        values = super().copied_values()
        origin = self.origin_statement
        values["is_fdi"] = IS_FDI[origin.origin] if origin else None
        sector = self.sector_statement
        values["sector"] = sector.sector if sector else None
        if approval := self.approval_statement:
            values["decision"] = approval.text_vi or ""
            values["approval_date"] = approval.as_of
            values["approval_date_precision"] = approval.as_of_precision
        else:
            values["decision"], values["approval_date"] = "", None
            values["approval_date_precision"] = DatePrecision.DAY
        if current := self.status_statement:
            values["status_period_vi"] = current.period_label_vi or ""
            values["status_period_en"] = current.period_label_en or ""
        investor = self.investor_statement
        values["investor"] = investor.organisation if investor else None
        return values

    @property
    def capital_figure(self):
        """The capital shown first (from public()); the others are in other_capital_figures."""
        return self.capital_figures[0] if self.capital_figures else None

    @property
    def other_capital_figures(self):
        return self.capital_figures[1:]


class ProjectStatementQuerySet(SourcedStatementQuerySet):
    def get_by_natural_key(self, project, kind, position):
        return self.get(project__slug=project, kind=kind, position=position)


class ProjectStatement(SourcedStatement):
    """
    A statement a source gives about a project: of one property of the statements' one list
    (zones.Statement.Kind), with a value of the same shape, read the same way (see
    SourcedStatement). Zones cannot point at a project, so a project's statements have their
    own table, here. Sources that differ give one statement each.
    """

    # The one list of properties, of which a project has these.
    Kind = Statement.Kind
    FIGURES = [Kind.CAPITAL, Kind.AREA, Kind.WORKERS, Kind.OUTPUT]
    PROPERTIES = [
        *FIGURES,
        Kind.STATUS,
        Kind.INVESTOR,
        Kind.APPROVAL,
        Kind.SECTOR,
        Kind.CAPACITY,
        Kind.ORIGIN,
    ]

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="statements"
    )
    kind = models.CharField(
        _("property"), max_length=30, choices=[(kind.value, kind.label) for kind in PROPERTIES]
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Project.Status,
        blank=True,
        help_text=_("For the property Status only: the status the source reports."),
    )
    origin = models.CharField(
        _("domestic or foreign"),
        max_length=10,
        choices=Origin,
        blank=True,
        help_text=_(
            "For the property “Domestic or foreign” only: what the source says the project "
            "is. Its words (“100% Chinese capital”) go in the statement in words."
        ),
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), related_name="project_statements"
    )

    objects = ProjectStatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("project statement")
        verbose_name_plural = _("project statements")
        ordering = ["project", "kind", "position"]
        constraints = [
            *SourcedStatement.statement_constraints("project_statement"),
            models.UniqueConstraint(
                fields=["project", "kind", "position"], name="project_statement_unique_position"
            ),
        ]

    def __str__(self):
        return super().__str__() or self.get_status_display() or self.get_origin_display()

    @property
    def names_a_value(self):
        """Whether it names what its property asks for: a body, a sector or an origin."""
        return bool(self.organisation_id or self.sector_id or self.origin)

    def value_errors(self):
        errors = super().value_errors()
        # An approval may be known by its date alone.
        dated_approval = self.kind == self.Kind.APPROVAL and self.as_of
        if self.amount is None and not (
            self.text or self.names_a_value or self.status or dated_approval
        ):
            errors["text_vi"] = _("Give the statement's value: a number with its unit, or words.")
        if self.kind == self.Kind.STATUS and not self.status:
            errors["status"] = _("Give the status the source reports.")
        if self.kind != self.Kind.STATUS and self.status:
            errors["status"] = _("Only a statement of the property Status has a status.")
        if (
            self.kind == self.Kind.INVESTOR
            and self.nature != self.Nature.NOT_FOUND
            and not self.organisation_id
        ):
            errors["organisation"] = _("Name the investor, or record that none was found.")
        if (
            self.kind == self.Kind.ORIGIN
            and self.nature != self.Nature.NOT_FOUND
            and not self.origin
        ):
            errors["origin"] = _(
                "Say whether it is domestic or FDI, or record that no source says."
            )
        if self.kind != self.Kind.ORIGIN and self.origin:
            errors["origin"] = _("Only a statement of the property “Domestic or foreign” has one.")
        return errors

    def natural_key(self):
        return (self.project.slug, self.kind, self.position)

    natural_key.dependencies = ["investments.project"]


class ProjectCitationManager(models.Manager):
    def get_by_natural_key(self, project, source, supports):
        return self.get(project__slug=project, source__key=source, supports=supports)


class ProjectCitation(models.Model):
    """Names a source for a project, and which of its facts the source supports."""

    class Supports(models.TextChoices):
        GENERAL = "general", _("General")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="citations"
    )
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="project_citations",
    )
    supports = models.CharField(
        _("supports"), max_length=20, choices=Supports, default=Supports.GENERAL
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = ProjectCitationManager()

    class Meta:
        verbose_name = _("project citation")
        verbose_name_plural = _("project citations")
        ordering = ["source__id", "supports"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "source", "supports"], name="project_citation_unique"
            ),
        ]

    def __str__(self):
        return f"{self.project} — {self.source.key}"

    def natural_key(self):
        return (self.project.slug, self.source.key, self.supports)

    natural_key.dependencies = ["investments.project", "zones.source"]
