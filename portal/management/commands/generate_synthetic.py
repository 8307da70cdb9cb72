"""
Fill a database with generated sites and projects, for load tests and the benchmark.

Every record is marked synthetic (`is_synthetic`, names that say so, one "SYNTHETIC" source), so
it can never pass for real data. The command refuses to run on a database that holds the real,
sourced facts unless --allow-real-data is given, and `make run` never runs it.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from common.caching import bump_data_version
from common.text import search_words
from investments.models import ORIGIN_OF_FDI, Project, ProjectStatement
from zones.models import (
    District,
    Organisation,
    Sector,
    Site,
    SiteCitation,
    Source,
    Statement,
    Unit,
)

# Rough boxes along Vietnam (south to north), so that markers spread as a national register's.
REGIONS = [
    (8.9, 11.3, 104.9, 107.4),
    (11.3, 14.5, 107.6, 109.2),
    (14.5, 17.5, 106.2, 108.8),
    (17.5, 20.4, 104.6, 106.6),
    (20.4, 22.9, 103.3, 106.9),
]
SOURCE_KEY = "SYNTHETIC"


class Command(BaseCommand):
    help = "Generate N synthetic sites and M synthetic projects (never on the real data)."

    def add_arguments(self, parser):
        parser.add_argument("--sites", type=int, default=2000)
        parser.add_argument("--projects", type=int, default=50000)
        parser.add_argument("--seed", type=int, default=20231128)
        parser.add_argument(
            "--allow-real-data",
            action="store_true",
            help="Run even though the database holds real, sourced records.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Generate, then roll back.")

    def handle(self, *args, sites, projects, seed, allow_real_data, dry_run, **options):
        real = (
            Site.objects.filter(is_synthetic=False).exists()
            or Project.objects.filter(is_synthetic=False).exists()
        )
        if real and not allow_real_data:
            raise CommandError(
                "This database holds real, sourced records; synthetic data would sit beside "
                "them. Use a throw-away database, or pass --allow-real-data if you mean it."
            )
        rng = random.Random(seed)
        with transaction.atomic():
            source, _ = Source.objects.get_or_create(
                key=SOURCE_KEY,
                defaults={
                    "title": "Synthetic data for load tests",
                    "publisher": "generate_synthetic",
                    "note_vi": "Dữ liệu giả lập, không phải thông tin thật.",
                    "note_en": "Generated data, not real information.",
                },
            )
            developers = self.organisations(rng)
            sectors = self.sectors()
            new_sites = self.sites(rng, sites, developers, source)
            self.projects(rng, projects, new_sites, developers, sectors, source)
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write(self.style.WARNING("Dry run: nothing written."))
                return
        if connection.vendor == "postgresql":
            # Fresh statistics: without them the planner takes the bulk-loaded tables for
            # empty and picks nested loops that take seconds.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        bump_data_version()
        self.stdout.write(
            self.style.SUCCESS(f"Generated {sites} synthetic sites and {projects} projects.")
        )

    def organisations(self, rng):
        organisations = []
        for number in range(1, 51):
            organisation, _ = Organisation.objects.get_or_create(
                slug=f"synthetic-organisation-{number:02d}",
                defaults={
                    "name_vi": f"Tổ chức giả lập {number:02d}",
                    "name_en": f"Synthetic organisation {number:02d}",
                    "kind": Organisation.Kind.COMPANY,
                    "origin": rng.choice(list(Organisation.Origin)),
                },
            )
            organisations.append(organisation)
        return organisations

    def sectors(self):
        return [
            Sector.objects.get_or_create(
                slug=f"synthetic-sector-{number}",
                defaults={
                    "name_vi": f"Ngành giả lập {number}",
                    "name_en": f"Synthetic sector {number}",
                },
            )[0]
            for number in range(1, 11)
        ]

    def sites(self, rng, count, developers, source):
        start = Site.objects.filter(is_synthetic=True).count()
        new_sites = []
        for number in range(start + 1, start + count + 1):
            south, north, west, east = rng.choice(REGIONS)
            kind = Site.Kind.ZONE if number % 10 == 0 else Site.Kind.CLUSTER
            label_vi = "Khu công nghiệp" if kind == Site.Kind.ZONE else "Cụm công nghiệp"
            label_en = "industrial zone" if kind == Site.Kind.ZONE else "industrial cluster"
            name_vi = f"{label_vi} giả lập {number:05d}"
            name_en = f"Synthetic {label_en} {number:05d}"
            new_sites.append(
                Site(
                    slug=f"synthetic-site-{number:05d}",
                    kind=kind,
                    name_vi=name_vi,
                    name_en=name_en,
                    district=rng.choice(District.values),
                    status=rng.choice(Site.Status.values),
                    status_date=date(2023, 11, 28) - timedelta(days=rng.randint(0, 2000)),
                    location={
                        "type": "Point",
                        "coordinates": [
                            round(rng.uniform(west, east), 5),
                            round(rng.uniform(south, north), 5),
                        ],
                    },
                    location_precision=Site.LocationPrecision.EXACT,
                    search_text=search_words(f"{name_vi} {name_en}"),
                    is_synthetic=True,
                )
            )
        created = Site.objects.bulk_create(new_sites, batch_size=500)
        SiteCitation.objects.bulk_create(
            [
                SiteCitation(site=site, source=source, supports=supports)
                for site in created
                for supports in ("administrative",)
            ],
            batch_size=1000,
        )
        # Each site's area as a sourced figure and its status and developer as sourced
        # statements, as the real sites have them (its status columns copy the status), so
        # that the pages and the benchmark read the same shape of data.
        about = [
            (
                Statement(
                    slug=f"{site.slug}-area",
                    kind=Statement.Kind.AREA,
                    label_vi="Diện tích giả lập",
                    label_en="Synthetic area",
                    amount=Decimal(rng.randint(500, 50000)) / 100,
                    unit=Unit.HECTARES,
                ),
                site,
            )
            for site in created
        ]
        about += [
            (
                Statement(
                    slug=f"{site.slug}-status",
                    kind=Statement.Kind.STATUS,
                    status=site.status,
                    as_of=site.status_date,
                ),
                site,
            )
            for site in created
        ]
        about += [
            (
                Statement(
                    slug=f"{site.slug}-developer",
                    kind=Statement.Kind.DEVELOPER,
                    organisation=rng.choice(developers),
                    as_of=site.status_date,
                ),
                site,
            )
            for site in created
        ]
        figures = Statement.objects.bulk_create([s for s, _site in about], batch_size=1000)
        Statement.sites.through.objects.bulk_create(
            [Statement.sites.through(statement=s, site=site) for s, site in about],
            batch_size=2000,
        )
        Statement.sources.through.objects.bulk_create(
            [Statement.sources.through(statement=f, source=source) for f in figures],
            batch_size=2000,
        )
        return created

    def projects(self, rng, count, sites, investors, sectors, source):
        if not sites:
            raise CommandError("Projects need synthetic sites to sit in: ask for --sites too.")
        start = Project.objects.filter(is_synthetic=True).count()
        first_day = date(2015, 1, 1)
        new_projects, capitals_vnd = [], []
        for number in range(start + 1, start + count + 1):
            name_vi = f"Dự án giả lập {number:06d}"
            name_en = f"Synthetic project {number:06d}"
            capitals_vnd.append(rng.randint(1, 5000) * 1_000_000_000)
            new_projects.append(
                Project(
                    slug=f"synthetic-project-{number:06d}",
                    name_vi=name_vi,
                    name_en=name_en,
                    investor=rng.choice(investors),
                    site=rng.choice(sites),
                    sector=rng.choice(sectors),
                    is_fdi=rng.random() < 0.1,
                    approval_date=first_day + timedelta(days=rng.randint(0, 3900)),
                    status=rng.choice(Project.Status.values),
                    status_date=date(2023, 11, 28) - timedelta(days=rng.randint(0, 2000)),
                    status_period_vi="",
                    status_period_en="",
                    search_text=search_words(f"{name_vi} {name_en}"),
                    is_synthetic=True,
                )
            )
        created = Project.objects.bulk_create(new_projects, batch_size=1000)
        # Its capital, status, investor, sector, origin and approval, each a statement with the
        # synthetic source, as a real project's are (the project's columns are their copies).
        kinds = ProjectStatement.Kind
        statements = ProjectStatement.objects.bulk_create(
            [
                statement
                for project, capital in zip(created, capitals_vnd, strict=True)
                for statement in (
                    ProjectStatement(
                        project=project,
                        kind=kinds.CAPITAL,
                        label_vi="Vốn giả lập",
                        label_en="Synthetic capital",
                        amount=capital,
                        unit=Unit.VND,
                    ),
                    ProjectStatement(
                        project=project,
                        kind=kinds.STATUS,
                        status=project.status,
                        as_of=project.status_date,
                    ),
                    ProjectStatement(
                        project=project, kind=kinds.INVESTOR, organisation=project.investor
                    ),
                    ProjectStatement(project=project, kind=kinds.SECTOR, sector=project.sector),
                    ProjectStatement(
                        project=project, kind=kinds.ORIGIN, origin=ORIGIN_OF_FDI[project.is_fdi]
                    ),
                    ProjectStatement(
                        project=project, kind=kinds.APPROVAL, as_of=project.approval_date
                    ),
                )
            ],
            batch_size=2000,
        )
        ProjectStatement.sources.through.objects.bulk_create(
            [
                ProjectStatement.sources.through(projectstatement=statement, source=source)
                for statement in statements
            ],
            batch_size=2000,
        )
