"""factory_boy factories for tests. Values are obviously made up and never reach fixtures."""

import factory

from investments.models import ORIGIN_OF_FDI, Project, ProjectStatement
from zones.models import District, Organisation, Sector, Site, Source, Statement, Unit


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["key"]

    key = factory.Sequence(lambda n: f"T{n}")
    title = factory.Sequence(lambda n: f"Test source {n}")
    publisher = "Test publisher"
    url = factory.Sequence(lambda n: f"https://example.org/source-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"test-organisation-{n}")
    name_vi = factory.Sequence(lambda n: f"Công ty Thử nghiệm {n}")
    name_en = factory.Sequence(lambda n: f"Test Company {n}")
    kind = Organisation.Kind.COMPANY


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    slug = factory.Sequence(lambda n: f"test-sector-{n}")
    name_vi = factory.Sequence(lambda n: f"Ngành thử {n}")
    name_en = factory.Sequence(lambda n: f"Test sector {n}")


class SiteFactory(factory.django.DjangoModelFactory):
    """
    A cluster whose status is a sourced status statement, as a real site's is (its status
    columns copy it; `status_statement=False` leaves it without one, for a test that adds its
    own); `developer=organisation` adds a sourced statement naming its developer.
    """

    class Meta:
        model = Site
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-site-{n}")
    kind = Site.Kind.CLUSTER
    name_vi = factory.Sequence(lambda n: f"Cụm công nghiệp Thử {n}")
    name_en = factory.Sequence(lambda n: f"Test Cluster {n}")
    district = District.CHO_MOI
    status = Site.Status.SITE_CLEARANCE
    location = factory.Sequence(
        lambda n: {"type": "Point", "coordinates": [105.8 + (n % 50) / 100, 22.0 + (n % 40) / 100]}
    )

    @factory.post_generation
    def status_statement(site, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        statement = Statement.objects.create(
            slug=f"{site.slug}-status",
            kind=Statement.Kind.STATUS,
            status=site.status,
            as_of=site.status_date,
            as_of_precision=site.status_date_precision,
        )
        statement.sites.add(site)
        statement.sources.add(SourceFactory())

    @factory.post_generation
    def developer(site, create, extracted, **kwargs):
        if not create or extracted is None:
            return
        statement = Statement.objects.create(
            slug=f"{site.slug}-developer", kind=Statement.Kind.DEVELOPER, organisation=extracted
        )
        statement.sites.add(site)
        statement.sources.add(SourceFactory())


def set_sources(figure, create, extracted, **kwargs):
    """A figure's sources: a new source of its own unless the test names them."""
    if create:
        figure.sources.set(extracted if extracted is not None else [SourceFactory()])


class FigureStatementFactory(factory.django.DjangoModelFactory):
    """A statement whose value is a figure."""

    class Meta:
        model = Statement
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-figure-{n}")
    kind = Statement.Kind.BUDGET_ALLOCATION
    label_vi = "Con số thử"
    label_en = "Test figure"
    amount = 1_000_000_000
    unit = Unit.VND

    sources = factory.PostGeneration(set_sources)


class StatusFactory(factory.django.DjangoModelFactory):
    """A site's status statement (the admin's Site statuses), about a new site unless given."""

    class Meta:
        model = Statement
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-status-{n}")
    kind = Statement.Kind.STATUS
    status = Site.Status.SITE_CLEARANCE
    text_vi = "Ghi chú thử"
    text_en = "Test note"

    @factory.post_generation
    def sites(statement, create, extracted, **kwargs):
        if create:
            statement.sites.set(
                extracted if extracted is not None else [SiteFactory(status_statement=False)]
            )

    sources = factory.PostGeneration(set_sources)


class ProjectFactory(factory.django.DjangoModelFactory):
    """
    A project whose status, investor, sector, origin and approval are statements with a source, as a
    real project's are: the values given for its columns are written as its statements, which
    its columns then copy.
    """

    class Meta:
        model = Project
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-project-{n}")
    name_vi = factory.Sequence(lambda n: f"Dự án thử {n}")
    name_en = factory.Sequence(lambda n: f"Test project {n}")
    investor = factory.SubFactory(OrganisationFactory)
    site = factory.SubFactory(SiteFactory)
    sector = factory.SubFactory(SectorFactory)
    is_fdi = False
    status = Project.Status.APPROVED

    @factory.post_generation
    def statements(project, create, extracted, **kwargs):
        if not create:
            return
        kinds = ProjectStatement.Kind
        values = [
            (
                kinds.STATUS,
                {
                    "status": project.status,
                    "as_of": project.status_date,
                    "as_of_precision": project.status_date_precision,
                    "period_label_vi": project.status_period_vi,
                    "period_label_en": project.status_period_en,
                },
            ),
            (kinds.INVESTOR, {"organisation": project.investor} if project.investor else None),
            (kinds.SECTOR, {"sector": project.sector} if project.sector else None),
            (
                kinds.ORIGIN,
                None if project.is_fdi is None else {"origin": ORIGIN_OF_FDI[project.is_fdi]},
            ),
        ]
        if project.decision or project.approval_date:
            approval = {
                "text_vi": project.decision,
                "text_en": project.decision,
                "as_of": project.approval_date,
                "as_of_precision": project.approval_date_precision,
            }
            values.append((kinds.APPROVAL, approval))
        source = SourceFactory()
        for kind, fields in values:
            if fields is not None:
                statement = ProjectStatement.objects.create(project=project, kind=kind, **fields)
                statement.sources.add(source)


class ProjectStatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectStatement
        skip_postgeneration_save = True

    project = factory.SubFactory(ProjectFactory)
    kind = ProjectStatement.Kind.CAPITAL
    label_vi = "Vốn thử"
    label_en = "Test capital"
    amount = 5_000_000_000
    unit = Unit.VND

    sources = factory.PostGeneration(set_sources)
