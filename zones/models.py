"""
Sites (the industrial zone, its phases and the industrial clusters), the organisations that
develop them, and the sources every figure comes from.

Nothing here depends on the `investments` app: projects point at sites, never the reverse.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from djgeojson.fields import PointField, PolygonField

from common.geometry import point_error, polygon_error
from common.languages import reader_language
from common.text import fold, query_words, search_words


class SearchableQuerySet(models.QuerySet):
    """Records with a `search_text` column (common.signals keeps it), searched on whole words."""

    def search(self, query):
        """Records holding every word of `query`, diacritics and case ignored."""
        condition = Q()
        for word in query_words(query):
            condition &= Q(search_text__contains=word)
        return self.filter(condition)

    def ranked(self, query):
        """Those holding the query's words side by side first ("onsen fuji"), then the rest."""
        # The query's words as one phrase (" onsen fuji "), as search_text keeps words.
        side_by_side = models.Case(
            models.When(search_text__contains=search_words(query), then=0), default=1
        )
        return self.order_by(side_by_side, *self.model._meta.ordering)


class SlugNaturalKeyManager(models.Manager):
    """Lets fixtures refer to a record by its slug, so they load the same on any database."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SourceManager(models.Manager.from_queryset(SearchableQuerySet)):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class Source(models.Model):
    """A published document that facts come from: an article, an official notice, a dataset."""

    key = models.CharField(
        _("key"),
        max_length=10,
        unique=True,
        help_text=_("Short reference used in footnotes, for example S1."),
    )
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    published_year = models.PositiveSmallIntegerField(
        _("publication year"),
        null=True,
        blank=True,
        help_text=_("Fill in when only the year of publication is known."),
    )
    url = models.URLField(_("address"), max_length=500, blank=True)
    link_address = models.BooleanField(
        _("link the address"),
        default=True,
        help_text=_(
            "Untick for a copy on an unrelated site: its address is kept for the record and "
            "shown as text, never as a link."
        ),
    )
    note = models.TextField(_("note"), blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = SourceManager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(published_year__isnull=True),
                name="source_one_kind_of_date",
            ),
        ]

    def __str__(self):
        return f"{self.key}: {self.title}"

    def natural_key(self):
        return (self.key,)

    def searchable_names(self):
        return [self.key, self.title, self.publisher, self.note_vi, self.note_en]

    def clean(self):
        if self.published_on and self.published_year:
            raise ValidationError(
                _("Give either the full publication date or only its year, not both.")
            )


class Organisation(models.Model):
    """A developer (chủ đầu tư hạ tầng) or an investor in a project."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        STATE_AGENCY = "state_agency", _("State agency")
        PUBLIC_CENTRE = "public_centre", _("Public service centre")

    class Origin(models.TextChoices):
        DOMESTIC = "domestic", _("Domestic")
        FOREIGN = "foreign", _("Foreign")
        UNKNOWN = "unknown", _("Not stated in the sources")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    origin = models.CharField(
        _("domestic or foreign"), max_length=10, choices=Origin, default=Origin.UNKNOWN
    )
    description = models.TextField(
        _("description"), blank=True, max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Only an address a source gives.")
    )
    set_up_by = models.ForeignKey(
        "self",
        verbose_name=_("set up by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="companies_set_up",
        help_text=_(
            "The company that set this one up to carry out its project, where a source says so: "
            "the project is then that company's too."
        ),
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = SlugNaturalKeyManager.from_queryset(SearchableQuerySet)()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("zones:organisation", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def searchable_names(self):
        return [self.name_vi, self.name_en]


class Sector(models.Model):
    """An industry a site targets or a project belongs to."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=150)
    invited_for_fdi = models.BooleanField(
        _("province invites foreign investment"),
        default=False,
        help_text=_("One of the sectors the province names for foreign direct investment."),
    )

    objects = SlugNaturalKeyManager()

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class DatePrecision(models.TextChoices):
    """How much of a date the source gives: "28/11/2023", "8/2024", "Q1/2025" or "2025"."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    YEAR = "year", _("year")


class Qualifier(models.TextChoices):
    """The source's own word before a figure; never dropped, never added."""

    EXACT = "exact", _("exactly")
    ABOUT = "about", _("about")
    OVER = "over", _("over")
    NEARLY = "nearly", _("nearly")
    AT_LEAST = "at_least", _("at least")


class Unit(models.TextChoices):
    """Units and currencies as the sources give them: amounts are never converted."""

    VND = "vnd", _("đồng")
    USD = "usd", _("US dollars")
    HECTARES = "ha", _("hectares")
    SQUARE_METRES = "m2", _("square metres")
    PERCENT = "percent", _("per cent")
    PROJECTS = "projects", _("projects")
    CLUSTERS = "clusters", _("industrial clusters")
    FIRMS = "firms", _("firms")
    WORKERS = "workers", _("workers")
    TONNES = "tonnes", _("tonnes")


class Nature(models.TextChoices):
    """Whether the source reports it as so, or as what is planned, expected or targeted."""

    REPORT = "report", _("Report")
    PLAN = "plan", _("Plan")
    EXPECTATION = "expectation", _("Expectation")
    TARGET = "target", _("Target")
    NOT_FOUND = "not_found", _("Not found")


class Rank(models.TextChoices):
    """
    Which of a property's statements about one record a page shows first (Wikidata's ranks):
    the preferred one; the others beside it; a superseded one (a value a later source
    corrected) only as such, never first.
    """

    PREFERRED = "preferred", _("preferred")
    OTHER = "other", _("other")
    SUPERSEDED = "superseded", _("superseded")


# The order of a property's statements about one record, in SQL: by rank, then position.
RANK_ORDER = [
    models.Case(
        *(models.When(rank=rank, then=number) for number, rank in enumerate(Rank.values)),
        default=len(Rank.values),
    ),
    "position",
    "pk",
]


class SourcedStatement(models.Model):
    """
    What every statement is, whatever it is about (zones.Statement: the province, sites or a
    body; investments.ProjectStatement: a project): one value of one property, as one source
    (or several that agree) gives it, the date or period it refers to, and what it is
    (`nature`: a report, a plan, an expectation, a target, or what no source was found to give).

    Its value is either a number with its unit and the source's qualifier, or a range
    ("over 2,921 billion VND", "300–500 ha"; a total is never split over records it does not
    describe, and never summed with another by us), or a text in both languages ("Along
    National Highway 3, 130 km from central Hà Nội"), which may name a body with a page of
    its own (`organisation`).

    A second source that gives another value is another statement of the same property; its
    `rank` says which one a page shows first (preferred), which beside it as "other sources",
    and which only as superseded; `position` keeps the order FACTS.md lists them in (0 first).
    Properties that change over time (tenants, workers) form a dated series instead.

    An expectation ("expected to operate in 2025") gives the year it expects as its period, and
    the date it was said as its `as_of`: once the year is over, a page says when it was said
    and that no later news was found.
    """

    Nature = Nature
    Rank = Rank

    # Footnote numbers, set by a page that lists its sources as footnotes (Footnotes); lists
    # without footnotes name the source keys instead. A class default, so that a template's
    # test of it is a plain read (a missing attribute sends Django's lookup through dir()).
    refs = ()

    nature = models.CharField(_("what it is"), max_length=12, choices=Nature, default=Nature.REPORT)
    # A figure's name as the page's tables show it; a text statement needs none.
    label = models.CharField(_("label"), max_length=300, blank=True)
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier, default=Qualifier.EXACT
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=20,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("A reported amount cannot be negative."))],
        help_text=_(
            "For a figure, as the source gives it, in the unit below: 2921000000000 for 2,921 "
            "billion. Empty for a statement in words."
        ),
    )
    amount_to = models.DecimalField(
        _("up to"),
        max_digits=20,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Only for a range the source gives (300–500): its upper end."),
    )
    unit = models.CharField(_("unit or currency"), max_length=10, choices=Unit, blank=True)
    text = models.TextField(
        _("statement in words"),
        max_length=2000,
        blank=True,
        validators=[MaxLengthValidator(2000)],
        help_text=_("For a statement that is not a single figure, in the source's own terms."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation it names"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        # "statements" for zones.Statement, "projectstatements" for a project's.
        related_name="%(class)ss",
        help_text=_("The body the statement names (its page is linked), if any."),
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector it names"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        # "statements" for zones.Statement, "projectstatements" for a project's.
        related_name="%(class)ss",
        help_text=_("For the property Sector only: the sector the source names."),
    )
    as_of = models.DateField(
        _("as of"),
        null=True,
        blank=True,
        help_text=_("The date the figure refers to; empty when the source gives none."),
    )
    as_of_precision = models.CharField(
        _("precision of that date"),
        max_length=10,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    period_label = models.CharField(
        _("period, in words"),
        max_length=120,
        blank=True,
        help_text=_("When the source dates it in words: “first 9 months of 2021”."),
    )
    rank = models.CharField(
        _("rank"),
        max_length=10,
        choices=Rank,
        default=Rank.OTHER,
        help_text=_(
            "Preferred: the one shown first where sources differ. Superseded: a value a later "
            "source corrected, shown only as such."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("0 for the one FACTS.md lists first; higher for the other sources'."),
    )
    note = models.CharField(_("note"), max_length=400, blank=True)
    # When it was last saved: the admin's forms refuse an edit made on an older copy.
    updated_at = models.DateTimeField(_("last updated"), auto_now=True, null=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label or self.text[:80] or str(self.organisation or self.sector or "")

    @property
    def is_figure(self):
        return self.amount is not None

    @property
    def is_money(self):
        return self.is_figure and self.unit in (Unit.VND, Unit.USD)

    @property
    def has_passed(self):
        """An expectation (or a plan, a target) whose year is over: no later news is recorded."""
        return (
            self.nature in (Nature.PLAN, Nature.EXPECTATION, Nature.TARGET)
            and self.period_end is not None
            and self.period_end < timezone.localdate().year
        )

    def clean(self):
        if errors := self.value_errors():
            raise ValidationError(errors)

    def value_errors(self):
        """clean()'s findings, by field; a concrete model adds its own property's rules."""
        # Keyed to the Vietnamese columns: the admin's forms have those, not "text" or "label".
        errors = {}
        if self.period_start and self.period_end and self.period_start > self.period_end:
            errors["period_end"] = _("The period cannot end before it starts.")
        if self.amount_to is not None and self.amount is not None and self.amount_to < self.amount:
            errors["amount_to"] = _("The upper end of a range cannot be below its start.")
        if self.amount is not None and not self.unit:
            errors["unit"] = _("A number needs its unit or currency.")
        if self.amount is None and self.unit:
            errors["amount"] = _("A unit needs its number.")
        if self.amount is not None and not self.label:
            errors["label_vi"] = _("A figure needs its label.")
        if self.kind == Statement.Kind.SECTOR:
            if not self.sector_id and self.nature != Nature.NOT_FOUND:
                errors["sector"] = _("Name the sector, or record that none was found.")
        elif self.sector_id:
            errors["sector"] = _("Only a statement of the property Sector names a sector.")
        return errors

    @property
    def is_superseded(self):
        return self.rank == Rank.SUPERSEDED

    @staticmethod
    def standing_of(rank, nature, as_of, position):
        """
        Where a statement stands among those of its property about the same record: by rank
        (preferred, other, superseded), reports before plans, expectations and targets before
        what was not found, then newest first (undated last) and by position.
        """
        dated = as_of.toordinal() if as_of else 0
        return (
            Rank.values.index(rank),
            Nature.values.index(nature),
            as_of is None,
            -dated,
            position,
        )

    def reading_order(self):
        return self.standing_of(self.rank, self.nature, self.as_of, self.position)

    @classmethod
    def statement_constraints(cls, prefix):
        """The database's copy of clean()'s rules on the value, named per concrete model."""
        return [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name=f"{prefix}_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(amount_to__isnull=True)
                | Q(amount__isnull=False, amount_to__gte=models.F("amount")),
                name=f"{prefix}_range_in_order",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name=f"{prefix}_period_in_order",
            ),
            # A number is never without its unit, and a unit never without a number.
            models.CheckConstraint(
                condition=Q(amount__isnull=True, unit="") | (Q(amount__isnull=False) & ~Q(unit="")),
                name=f"{prefix}_amount_with_unit",
            ),
        ]


class CopiesItsStatements:
    """
    A record (a site, a project) some of whose columns copy its current statements (its
    `status_statement`, and what a subclass adds), for the filters, the map, the lists and the
    files: written by refresh_copies() only, which receivers call whenever one changes.
    """

    # The cached properties the copies are read from.
    COPIED_FROM = ("status_statement",)

    def copied_values(self):
        """Column → value. A record left without a status statement keeps its last copy."""
        current = self.status_statement
        if current is None:
            return {}
        return {
            "status": current.status,
            "status_date": current.as_of,
            "status_date_precision": current.as_of_precision,
        }

    def refresh_copies(self):
        """Copy its current statements' values into its columns."""
        for name in self.COPIED_FROM:
            self.__dict__.pop(name, None)
        self.__dict__.pop("_prefetched_objects_cache", None)
        copies = self.copied_values()
        if not copies:
            return
        for name, value in copies.items():
            setattr(self, name, value)
        # A copy may be searched for (a project's decision number).
        copies["search_text"] = search_words(" ".join(filter(None, self.searchable_names())))
        # An update, not a save: the copies are no change of the record's own, and the
        # history of the change (who, when, why) is the statement's.
        type(self)._default_manager.filter(pk=self.pk).update(**copies, updated_at=timezone.now())


class SourcedStatementQuerySet(models.QuerySet):
    """The read path every statement shares, whatever it is about."""

    def with_sources(self):
        """With its sources, and the body or the sector it names."""
        return self.prefetch_related(
            Prefetch("sources", queryset=Source.objects.order_by("pk"))
        ).select_related("organisation", "sector")

    def figures(self):
        """Statements whose value is a number (with its unit), reported, planned or targeted."""
        return self.filter(amount__isnull=False)

    def in_words(self):
        """Statements whose value is words (a text, perhaps naming a body), not a number."""
        return self.filter(amount__isnull=True)

    def reported(self):
        """What a source reports as so, leaving out plans, expectations, targets and gaps."""
        return self.filter(nature=Nature.REPORT)

    def newest_first(self):
        """The order every page reads a series in: newest first, then by position."""
        return self.order_by(models.F("as_of").desc(nulls_last=True), "position", "pk")

    def in_rank_order(self):
        """The order a property's statements are listed in: the one shown first, then others."""
        return self.order_by(*RANK_ORDER)


def first_and_others(figures):
    """Figures of one kind, split into the one shown first and the other sources' figures."""
    ordered = sorted(
        figures,
        key=lambda figure: (Rank.values.index(figure.rank), figure.position, figure.pk or 0),
    )
    return (ordered[0], ordered[1:]) if ordered else (None, [])


class District(models.TextChoices):
    """
    The districts of the former Bắc Kạn province, as they were before 1 July 2025, when the
    district level was abolished. Sites keep the district their sources name.
    """

    BAC_KAN_CITY = "bac-kan-city", _("Bắc Kạn city")
    BA_BE = "ba-be", _("Ba Bể district")
    BACH_THONG = "bach-thong", _("Bạch Thông district")
    CHO_DON = "cho-don", _("Chợ Đồn district")
    CHO_MOI = "cho-moi", _("Chợ Mới district")
    NA_RI = "na-ri", _("Na Rì district")
    NGAN_SON = "ngan-son", _("Ngân Sơn district")
    PAC_NAM = "pac-nam", _("Pác Nặm district")


class SiteQuerySet(SearchableQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def public(self):
        """
        The sites the public sees, with the zone a phase belongs to in the same query. Every
        public read starts here: the pages, the map, open data, the sitemap and the project
        filter's menu (tests/test_public_reads.py checks each). The register has no drafts,
        as an editor's change is public once saved, so nothing is left out today; a rule
        about what is shown would be written here, once.
        """
        return self.select_related("parent")

    def for_list(self):
        """The public sites with what a list row shows (zones' includes/site_table.html)."""
        return self.public().with_first_area().with_developers()

    def with_citations(self):
        """Sites with their citations and the sources they name."""
        return self.prefetch_related(
            Prefetch("citations", queryset=SiteCitation.objects.select_related("source"))
        )

    def with_developers(self):
        """
        Sites with their own developer and status statements (`list_statements`; read by
        Site.developers and Site.status_statement): what a list row shows of them.
        """
        return self.prefetch_related(
            Prefetch(
                "statements",
                queryset=Statement.objects.filter(
                    kind__in=[Statement.Kind.DEVELOPER, Statement.Kind.STATUS]
                ).with_sources_and_sites(),
                to_attr="list_statements",
            )
        )

    def developed_by(self, organisation):
        """The sites a statement names `organisation` as the developer of (proposed or not)."""
        return self.filter(
            statements__kind=Statement.Kind.DEVELOPER, statements__organisation=organisation
        ).distinct()

    def top_level(self):
        """The zone and the clusters: what the map shows. Phases appear on their zone's page."""
        return self.filter(parent__isnull=True)

    def search(self, query):
        """
        Sites whose name, commune, district, planning document, founding decision or developer
        matches `query`, diacritics and case ignored.
        """
        condition = Q()
        for word in query_words(query):
            districts = [
                value for value, label in District.choices if word in f" {fold(str(label))} "
            ]
            condition &= (
                Q(search_text__contains=word)
                | Q(district__in=districts)
                # A planning document's number finds the sites it plans: "1156"; a founding
                # decision's, the site it founded.
                | Q(planning_documents__search_text__contains=word)
                | Q(
                    statements__kind=Statement.Kind.FOUNDING,
                    statements__search_text__contains=word,
                )
                # Its developer's name: "nhua duong" finds Cẩm Giàng.
                | Q(
                    statements__kind=Statement.Kind.DEVELOPER,
                    statements__organisation__search_text__contains=word,
                )
            )
        return self.filter(condition).distinct()

    def for_detail(self):
        """A site with everything its page shows, so that the page's query count is fixed."""
        return (
            self.public()
            .prefetch_related(
                Prefetch(
                    "phases",
                    queryset=Site.objects.public()
                    .order_by("phase")
                    .with_first_area()
                    .prefetch_related(
                        Prefetch("statements", queryset=Statement.objects.with_sources_and_sites())
                    ),
                ),
                Prefetch("statements", queryset=Statement.objects.with_sources_and_sites()),
            )
            .with_citations()
        )

    def with_first_area(self):
        """Sites with their reported areas (area_figures), for lists that show area and source."""
        return self.prefetch_related(
            Prefetch(
                "statements",
                queryset=Statement.objects.figures()
                .reported()
                .filter(kind=Statement.Kind.AREA)
                .with_sources()
                .in_rank_order(),
                to_attr="area_figures",
            )
        )

    def for_comparison(self):
        """Sites with what the comparison shows of each, in a fixed number of queries."""
        compared = (
            Statement.objects.figures()
            .reported()
            .filter(kind__in=COMPARED_FIGURES)
            .with_sources()
            .newest_first()
        )
        answering = (
            Statement.objects.in_words()
            .filter(
                kind__in=[
                    *Statement.QUESTIONS,
                    Statement.Kind.FOUNDING,
                    Statement.Kind.DEVELOPER,
                    Statement.Kind.STATUS,
                    Statement.Kind.SECTOR,
                ]
            )
            .with_sources_and_sites()
        )

        def own_records():
            return [
                Prefetch("statements", queryset=compared, to_attr="compared_figures"),
                Prefetch("statements", queryset=answering, to_attr="glance_facts"),
            ]

        return (
            self.public()
            .with_first_area()
            .with_citations()
            .prefetch_related(
                *own_records(),
                # A zone's records about one of its phases count for the zone, as on its page.
                Prefetch(
                    "phases",
                    queryset=Site.objects.public()
                    .order_by("phase")
                    .prefetch_related(*own_records()),
                ),
            )
        )

    def for_map(self):
        """Plain rows with what the map needs: thousands of sites without building models."""
        return list(self.order_by("pk").values(*Site.MAP_FIELDS))


class Site(CopiesItsStatements, models.Model):
    """
    An industrial zone (KCN), a phase of one, or an industrial cluster (CCN).

    A phase is a site of kind "zone" whose `parent` is the zone it belongs to; the map shows
    the zone and the clusters, and a zone's page lists its phases. District and commune are
    stored as the sources give them, which is before the 2025 reorganisation.
    """

    class Kind(models.TextChoices):
        ZONE = "zone", _("Industrial zone")
        CLUSTER = "cluster", _("Industrial cluster")

    class Status(models.TextChoices):
        PLANNED = "planned", _("In the development plan")
        POLICY_PENDING = "policy_pending", _("Investment policy under review")
        ESTABLISHED = "established", _("Established")
        SITE_CLEARANCE = "site_clearance", _("Site clearance")
        UNDER_CONSTRUCTION = "under_construction", _("Infrastructure under construction")
        OPERATIONAL = "operational", _("Operational")

    class LocationPrecision(models.TextChoices):
        EXACT = "exact", _("Exact position")
        COMMUNE = "commune", _("By its commune or ward")
        TOWN = "town", _("Centre of the district town")
        DISTRICT = "district", _("Centre of the district")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("phase of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="phases",
        limit_choices_to={"kind": Kind.ZONE, "parent__isnull": True},
    )
    phase = models.PositiveSmallIntegerField(_("phase number"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    district = models.CharField(_("district (before 2025)"), max_length=20, choices=District)
    commune = models.CharField(
        _("commune or ward (before 2025)"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty when no source names it."),
    )
    # The site's current status: copies of its current status statement's (status_statement),
    # kept in step by Site.refresh_copies(), so that filters, the map and the lists read one
    # indexed column. Editors change the statement (admin: Site statuses), never these.
    status = models.CharField(_("status"), max_length=20, choices=Status, editable=False)
    status_date = models.DateField(_("status as of"), null=True, blank=True, editable=False)
    status_date_precision = models.CharField(
        _("precision of the status date"),
        max_length=10,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        editable=False,
    )
    location = PointField(_("location"), null=True, blank=True)
    location_precision = models.CharField(
        _("location precision"),
        max_length=10,
        choices=LocationPrecision,
        default=LocationPrecision.COMMUNE,
    )
    location_note = models.CharField(_("how the location was placed"), max_length=300, blank=True)
    boundary = PolygonField(_("boundary"), null=True, blank=True)
    is_synthetic = models.BooleanField(
        _("synthetic"),
        default=False,
        editable=False,
        help_text=_("Generated for load tests; never real data."),
    )
    # Folded copy of the searchable names, kept in step by common.signals, so that the same
    # `contains` lookup ignores diacritics on SQLite and on PostgreSQL.
    search_text = models.TextField(editable=False, blank=True, default="")
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = SiteQuerySet.as_manager()

    # What the map needs of a site (SiteQuerySet.for_map(), Site.map_row()).
    MAP_FIELDS = [
        "slug",
        "name_vi",
        "name_en",
        "kind",
        "status",
        "status_date",
        "status_date_precision",
        "district",
        "location",
        "boundary",
        "location_precision",
    ]

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["kind", "name", "phase"]
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True, phase__isnull=True)
                | Q(parent__isnull=False, phase__isnull=False, kind="zone"),
                name="site_phase_belongs_to_zone",
            ),
            models.UniqueConstraint(fields=["parent", "phase"], name="site_unique_phase"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("zones:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        errors = {}
        if self.parent_id:
            if self.parent_id == self.pk:
                errors["parent"] = _("A site cannot be a phase of itself.")
            elif self.parent.kind != self.Kind.ZONE or self.parent.parent_id:
                errors["parent"] = _("A phase must belong to an industrial zone.")
            if self.kind != self.Kind.ZONE:
                errors["kind"] = _("Only an industrial zone can have phases.")
            if self.phase is None:
                errors["phase"] = _("A phase needs its number.")
        elif self.phase is not None:
            errors["phase"] = _("Give the zone this phase belongs to, or clear the number.")
        if self.location and (error := point_error(self.location)):
            errors["location"] = error
        if self.boundary and (error := polygon_error(self.boundary)):
            errors["boundary"] = error
        if errors:
            raise ValidationError(errors)

    def searchable_names(self):
        return [
            self.name_vi,
            self.name_en,
            self.commune_vi,
            self.commune_en,
            self.description_vi,
            self.description_en,
        ]

    def map_row(self):
        """This site as one of SiteQuerySet.for_map()'s rows, without querying again."""
        return {field: getattr(self, field) for field in self.MAP_FIELDS}

    def statements_with_phases(self):
        """Statements about this site or any of its phases (from for_detail()), once each."""
        statements = {statement.pk: statement for statement in self.statements.all()}
        for phase in self.phases.all():
            statements.update((s.pk, s) for s in phase.statements.all())
        return sorted(statements.values(), key=lambda s: (s.kind, s.position, s.slug))

    def own_statements(self, kind):
        """
        Its own statements of a kind, in reading order: from with_developers(), or from all
        its statements where those are prefetched instead (for_detail()), or from the database.
        """
        prefetched = getattr(self, "list_statements", None)
        if prefetched is None and "statements" in getattr(self, "_prefetched_objects_cache", {}):
            prefetched = self.statements.all()
        if prefetched is None:
            prefetched = self.statements.filter(kind=kind).with_sources_and_sites()
        # Read through the site's own relation, every one of them is about this site.
        return sorted((s for s in prefetched if s.kind == kind), key=Statement.reading_order)

    @property
    def developers(self):
        """Its own developer statements, in reading order."""
        return self.own_statements(Statement.Kind.DEVELOPER)

    @cached_property
    def status_statement(self):
        """
        Its current status: the first of its own status statements in reading order (what a
        source reports before what is planned, newest first). Its status columns copy it.
        """
        return next(iter(self.own_statements(Statement.Kind.STATUS)), None)

    @property
    def status_sources(self):
        """The sources of its current status."""
        return list(self.status_statement.sources.all()) if self.status_statement else []

    @property
    def area_figure(self):
        """The area shown first (from with_first_area()), with its sources and date."""
        return first_and_others(self.area_figures)[0]

    @property
    def other_area_figures(self):
        return first_and_others(self.area_figures)[1]

    def status_timeline(self):
        """
        The site's statuses over time, oldest first: each status its sources reported (one
        status statement each) and each change an editor made to one (their history), in the
        order of the dates they refer to; an undated one where it was recorded. Editors' names
        are not part of it, and neither is the day an entry was recorded: a status the source
        does not date shows no date.
        """
        language = reader_language()
        labels = dict(Site.Status.choices)
        own = Statement.objects.filter(kind=Statement.Kind.STATUS, sites=self).values("pk")
        records = Statement.history.filter(id__in=own).order_by("history_date", "history_id")
        entries = []

        def when_for_order(record, before):
            # The date it refers to; an undated one stays after what was recorded before it.
            return record.as_of or (before[-1]["order"][0] if before else date.min)

        for position, record in enumerate(records):
            if not record.status:
                continue
            entries.append(
                {
                    "status": record.status,
                    # A status later retired from the choices still shows, as its stored code.
                    "label": labels.get(record.status, record.status),
                    "note": getattr(record, f"text_{language}", "") or record.text_vi,
                    "date": record.as_of,
                    "precision": record.as_of_precision,
                    "order": (when_for_order(record, entries), position),
                }
            )
        entries.sort(key=lambda entry: entry["order"])
        kept = []
        for entry in entries:
            previous = kept[-1] if kept else None
            if previous and all(
                previous[key] == entry[key] for key in ("status", "note", "date", "precision")
            ):
                continue
            kept.append(entry)
        return kept

    @property
    def is_location_approximate(self):
        return self.location_precision != self.LocationPrecision.EXACT

    @property
    def latitude(self):
        return self.location["coordinates"][1] if self.location else None

    @property
    def longitude(self):
        return self.location["coordinates"][0] if self.location else None


class SiteCitationManager(models.Manager):
    def get_by_natural_key(self, site, source, supports):
        return self.get(site__slug=site, source__key=source, supports=supports)


class SiteCitation(models.Model):
    """Names a source for a site, and which of its facts the source supports."""

    class Supports(models.TextChoices):
        GENERAL = "general", _("General")
        LOCATION = "location", _("Location")
        ADMINISTRATIVE = "administrative", _("Administrative unit")

    site = models.ForeignKey(
        Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="citations"
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="site_citations"
    )
    supports = models.CharField(_("supports"), max_length=20, choices=Supports)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = SiteCitationManager()

    class Meta:
        verbose_name = _("site citation")
        verbose_name_plural = _("site citations")
        ordering = ["source__id", "supports"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "source", "supports"], name="site_citation_unique"
            ),
        ]

    def __str__(self):
        return f"{self.site} — {self.source.key} ({self.get_supports_display()})"

    def natural_key(self):
        return (self.site.slug, self.source.key, self.supports)

    natural_key.dependencies = ["zones.site", "zones.source"]


class AboutSitesQuerySet(models.QuerySet):
    """Records about sites (statements, planning documents)."""

    def public(self):
        """
        What the public sees: the records about no site in particular, or about a site that
        Site.objects.public() shows, and of their sites only those (prefetched as `sites`).
        """
        shown = Site.objects.public()
        return (
            self.filter(Q(sites=None) | Q(sites__in=shown))
            .distinct()
            .prefetch_related(Prefetch("sites", queryset=shown))
        )


class StatementQuerySet(AboutSitesQuerySet, SourcedStatementQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def with_sources_and_sites(self):
        """With what a site's page shows of it: its sources, its body, the phases it is about."""
        return self.with_sources().prefetch_related(
            Prefetch("sites", queryset=Site.objects.order_by("phase").only("pk", "phase"))
        )

    def key_figures(self):
        """The home page's figures: the province's projects first, then the sites' totals."""
        order = [
            Statement.Kind.APPROVED_PROJECTS,
            Statement.Kind.REGISTERED_CAPITAL,
            Statement.Kind.FDI_PROJECTS,
            Statement.Kind.CLUSTERS,
            Statement.Kind.TOTAL_AREA,
            Statement.Kind.BUDGET_ALLOCATION,
        ]
        position = models.Case(
            *[models.When(kind=kind, then=number) for number, kind in enumerate(order)],
            default=len(order),
        )
        return self.filter(is_key_figure=True).with_sources().order_by(position, "slug")


class Statement(SourcedStatement):
    """
    One sourced statement about the province, one or more sites, or an organisation (see
    SourcedStatement for what every statement holds), of one property from a controlled list
    (`kind`: area, workers, power, who manages it…). Every page, chart, comparison and file
    reads statements through this model's QuerySet, so that a value cannot differ between two
    views. A project's statements (investments.ProjectStatement) are of the same properties.
    """

    class Kind(models.TextChoices):
        """The property a statement gives a value of: the controlled list, both languages."""

        # Figures.
        AREA = "area", _("Area")
        TOTAL_AREA = "total_area", _("Total area of several sites")
        BUDGET_ALLOCATION = "budget_allocation", _("Budget allocated")
        PLANNED_INVESTMENT = "planned_investment", _("Planned total investment")
        INFRASTRUCTURE_COST = "infrastructure_cost", _("Infrastructure cost")
        APPROVED_PROJECTS = "approved_projects", _("Projects approved")
        REGISTERED_CAPITAL = "registered_capital", _("Registered capital")
        # A project's own (investments.ProjectStatement): its capital, as the source names
        # it ("registered" only where it says so), and what it makes.
        CAPITAL = "capital", _("Capital")
        OUTPUT = "output", _("Output")
        FDI_PROJECTS = "fdi_projects", _("FDI projects among those approved")
        CLUSTERS = "clusters", _("Industrial clusters established")
        TENANTS = "tenants", _("Tenants")
        OPERATING_TENANTS = "operating_tenants", _("Tenants operating")
        WORKERS = "workers", _("Workers")
        LAND_LET = "land_let", _("Land let")
        REVENUE = "revenue", _("Revenue")
        EXPORTS = "exports", _("Exports")
        BUDGET_PAID = "budget_paid", _("Paid to the state budget")
        PROGRESS = "progress", _("Progress of works")
        # A year: the period (period_start, period_end) it is in.
        OPERATION = "operation", _("Start of operation")
        # The decision's number in words, its date as the statement's date.
        FOUNDING = "founding", _("Founding decision")
        # The body that builds the infrastructure, as `organisation`; a plan when the source
        # names it only as proposed. Its words are a note on it, if any.
        DEVELOPER = "developer", _("Developer")
        # A project's investor, as `organisation` (investments.ProjectStatement).
        INVESTOR = "investor", _("Investor")
        # Whether a project is domestic or foreign direct investment, as `origin`
        # (investments.ProjectStatement), with the source's words ("100% Chinese capital").
        ORIGIN = "origin", _("Domestic or foreign")
        # A project's approval or licence: its number in words, its date as the statement's.
        APPROVAL = "approval", _("Approval or licence")
        # A sector, as `sector`: a project's (investments.ProjectStatement), or one a site's
        # sources say it is meant for (its target sectors, one statement each).
        SECTOR = "sector", _("Sector")
        # A project's capacity in the source's words, with its unit ("100,000 m³ a year").
        CAPACITY = "capacity", _("Capacity")
        # A site's status (`status`, one of Site.Status), its note as its words, the date it
        # refers to as its date. The site's status columns copy its current one.
        STATUS = "status", _("Status")
        # The first questions an investor asks: each a line of a site's "At a glance".
        DISTANCES = "distances", _("Distances")
        GATEWAYS = "gateways", _("Airport, seaport, border")
        POWER = "power", _("Power")
        WATER = "water", _("Water")
        WASTEWATER = "wastewater", _("Wastewater")
        LAND_RENT = "land_rent", _("Land rent")
        INCENTIVES = "incentives", _("Incentives")
        MANAGER = "manager", _("Who manages it")
        # Anything else an investor's topic holds.
        ACCESS = "access", _("Access: other")
        UTILITIES = "utilities", _("Utilities: other")
        LAND = "land", _("Land and occupancy: other")
        POLICY = "policy", _("Policy and incentives: other")
        INSTITUTIONS = "institutions", _("Institutions: other")
        LABOUR = "labour", _("Labour: other")
        PLANNING = "planning", _("Planning")

    class Topic(models.TextChoices):
        """The parts of a site's "For investors" section, each holding some properties."""

        ACCESS = "access", _("Access")
        UTILITIES = "utilities", _("Utilities")
        LAND = "land", _("Land and occupancy")
        POLICY = "policy", _("Policy and incentives")
        INSTITUTIONS = "institutions", _("Who manages it")
        LABOUR = "labour", _("Labour")
        PLANNING = "planning", _("Planning documents")

    TOPIC_OF = {
        Kind.DISTANCES: Topic.ACCESS,
        Kind.GATEWAYS: Topic.ACCESS,
        Kind.ACCESS: Topic.ACCESS,
        Kind.POWER: Topic.UTILITIES,
        Kind.WATER: Topic.UTILITIES,
        Kind.WASTEWATER: Topic.UTILITIES,
        Kind.UTILITIES: Topic.UTILITIES,
        Kind.AREA: Topic.LAND,
        Kind.LAND_LET: Topic.LAND,
        Kind.TENANTS: Topic.LAND,
        Kind.OPERATING_TENANTS: Topic.LAND,
        Kind.LAND_RENT: Topic.LAND,
        Kind.LAND: Topic.LAND,
        Kind.INCENTIVES: Topic.POLICY,
        Kind.POLICY: Topic.POLICY,
        Kind.MANAGER: Topic.INSTITUTIONS,
        Kind.INSTITUTIONS: Topic.INSTITUTIONS,
        Kind.WORKERS: Topic.LABOUR,
        Kind.BUDGET_PAID: Topic.LABOUR,
        Kind.LABOUR: Topic.LABOUR,
        Kind.PLANNING: Topic.PLANNING,
    }

    # The properties a site's "At a glance" has a line for, answered by a text: the first
    # statement of each in reading order.
    QUESTIONS = [
        Kind.DISTANCES,
        Kind.GATEWAYS,
        Kind.POWER,
        Kind.WATER,
        Kind.WASTEWATER,
        Kind.LAND_RENT,
        Kind.INCENTIVES,
        Kind.MANAGER,
    ]

    # Properties that change over time: a page shows every figure as a dated series, newest
    # first, rather than one figure with "other sources" beside it.
    SERIES_KINDS = {
        Kind.TENANTS,
        Kind.OPERATING_TENANTS,
        Kind.WORKERS,
        Kind.LAND_LET,
        Kind.REVENUE,
        Kind.EXPORTS,
        Kind.BUDGET_PAID,
        Kind.PROGRESS,
    }

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("property"), max_length=30, choices=Kind)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Site.Status,
        blank=True,
        help_text=_("For the property Status only: the status the source reports."),
    )
    sites = models.ManyToManyField(
        Site, verbose_name=_("sites concerned"), blank=True, related_name="statements"
    )
    # Empty only for what no source was found to give ("not found").
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="statements"
    )
    is_key_figure = models.BooleanField(
        _("show among the key figures"), default=False, help_text=_("Shown on the home page.")
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["kind", "position", "slug"]
        constraints = SourcedStatement.statement_constraints("statement")

    def __str__(self):
        return (
            self.label
            or self.text[:80]
            or str(self.organisation or self.get_status_display() or self.slug)
        )

    def natural_key(self):
        return (self.slug,)

    def searchable_names(self):
        return [self.text_vi, self.text_en]

    def value_errors(self):
        errors = super().value_errors()
        names_developer = self.kind == self.Kind.DEVELOPER and self.organisation_id
        names_value = names_developer or self.status or self.sector_id
        if self.amount is None and not self.text and not names_value:
            errors["text_vi"] = _("Give the statement's value: a number with its unit, or words.")
        if (
            self.kind == self.Kind.DEVELOPER
            and self.nature != self.Nature.NOT_FOUND
            and not self.organisation_id
        ):
            errors["organisation"] = _("Name the developer, or record that none was found.")
        if self.kind == self.Kind.STATUS and not self.status:
            errors["status"] = _("Give the status the source reports.")
        if self.kind != self.Kind.STATUS and self.status:
            errors["status"] = _("Only a statement of the property Status has a status.")
        return errors

    @property
    def topic(self):
        """The part of "For investors" it belongs to, or None (the province's totals)."""
        return self.TOPIC_OF.get(self.kind)

    @property
    def phases(self):
        """The phase numbers it is about, when about phases only (with_sources_and_sites())."""
        sites = list(self.sites.all())
        return [site.phase for site in sites] if all(site.phase for site in sites) else []

    def reading_order(self):
        """
        Where a statement stands among its topic's: the fewest sites first (this site's own
        statements before the province's), then as SourcedStatement.standing_of() says. The
        site page and the comparison both read it, and the open data lists statements in it.
        """
        return self.reading_order_of(
            len(self.sites.all()), self.rank, self.nature, self.as_of, self.position
        )

    @classmethod
    def reading_order_of(cls, site_count, rank, nature, as_of, position):
        """reading_order() from plain values (the open data's rows)."""
        return (site_count, *cls.standing_of(rank, nature, as_of, position))

    @classmethod
    def by_topic(cls, statements):
        """(topic, label, statements) for every topic, in Topic's order, each in reading order."""
        return [
            (
                topic,
                label,
                sorted((s for s in statements if s.topic == topic), key=cls.reading_order),
            )
            for topic, label in cls.Topic.choices
        ]


class SiteStatusManager(models.Manager.from_queryset(StatementQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(kind=Statement.Kind.STATUS)


class SiteStatus(Statement):
    """
    The statements of the property Status, on their own: the admin's list where editors keep
    sites' statuses current. The same records as Statement's, with the same history.
    """

    objects = SiteStatusManager()

    class Meta:
        proxy = True
        verbose_name = _("site status")
        verbose_name_plural = _("site statuses")

    def save(self, *args, **kwargs):
        self.kind = Statement.Kind.STATUS
        super().save(*args, **kwargs)


# What the comparison shows beside each site's own fields: the newest reported figure of each
# kind (the lines of zones.glance, and the planned investment).
COMPARED_FIGURES = [
    Statement.Kind.LAND_LET,
    Statement.Kind.TENANTS,
    Statement.Kind.OPERATING_TENANTS,
    Statement.Kind.WORKERS,
    Statement.Kind.PLANNED_INVESTMENT,
]


class PlanningDocumentQuerySet(AboutSitesQuerySet, SearchableQuerySet):
    """search(): "1156", "419/QĐ-UBND" and "419/qd-ubnd" all find Decision 419/QĐ-UBND."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def with_sources(self):
        return self.prefetch_related(Prefetch("sources", queryset=Source.objects.order_by("pk")))

    def for_sites(self, sites):
        """The documents planning any of `sites` (a site and its phases), newest first."""
        return self.filter(sites__in=sites).distinct().with_sources()


class PlanningDocument(models.Model):
    """A decision or resolution that plans a site (number, date, issuer, what it decides)."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    number = models.CharField(_("number"), max_length=60, help_text=_("As issued: 419/QĐ-UBND."))
    issued_on = models.DateField(_("issued on"))
    issuer = models.CharField(_("issued by"), max_length=200)
    subject = models.TextField(
        _("what it decides"), max_length=2000, validators=[MaxLengthValidator(2000)]
    )
    replaced = models.BooleanField(_("since replaced"), default=False)
    sites = models.ManyToManyField(
        Site, verbose_name=_("sites"), related_name="planning_documents", blank=True
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"))
    search_text = models.TextField(editable=False, blank=True, default="")
    refs = ()  # footnote numbers on a site's page (see SourcedFigure.refs)

    objects = PlanningDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("planning document")
        verbose_name_plural = _("planning documents")
        ordering = ["-issued_on", "number"]

    def __str__(self):
        return self.number

    def natural_key(self):
        return (self.slug,)

    def searchable_names(self):
        # Searched as words: "419/QĐ-UBND" is "419 qd ubnd", so "419 QĐ-UBND" finds it too.
        return [self.number, self.issuer_vi, self.issuer_en, self.subject_vi, self.subject_en]
