"""
Time and memory of exporting the public project list to .xlsx at scale.

Builds a throw-away SQLite database in a temporary folder (never the portal's own), fills it
with N generated projects, every one marked synthetic, exports them the way the public
"Download .xlsx" does, and prints the time and the peak memory of the process.

    .venv/bin/python scripts/benchmark_export.py [--projects 50000]
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--projects", type=int, default=50_000)
    arguments = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="bakan-export-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/throwaway.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakan_industry.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import translation

    from investments.exports import public_export
    from investments.models import Project, ProjectCitation
    from zones.models import District, Organisation, Sector, Site, Source

    call_command("migrate", verbosity=0)
    source = Source.objects.create(key="SYN", title="Synthetic data", publisher="benchmark")
    investor = Organisation.objects.create(
        slug="synthetic-investor", name_vi="Nhà đầu tư giả lập", kind="company"
    )
    sector = Sector.objects.create(slug="synthetic", name_vi="Ngành giả lập")
    site = Site.objects.create(
        slug="synthetic-site",
        kind=Site.Kind.CLUSTER,
        name_vi="Cụm giả lập",
        district=District.CHO_MOI,
        status=Site.Status.OPERATIONAL,
        is_synthetic=True,
    )
    Project.objects.bulk_create(
        Project(
            slug=f"synthetic-{number}",
            name_vi=f"Dự án giả lập {number}",
            name_en=f"Synthetic project {number}",
            search_text=f"du an gia lap {number}",
            investor=investor,
            sector=sector,
            site=site,
            is_fdi=number % 5 == 0,
            status=Project.Status.APPROVED,
            is_synthetic=True,
        )
        for number in range(arguments.projects)
    )
    ProjectCitation.objects.bulk_create(
        ProjectCitation(project_id=pk, source=source)
        for pk in Project.objects.values_list("pk", flat=True)
    )

    before = peak_rss_mb()
    started = time.perf_counter()
    with translation.override("vi"):
        content, _type, name = public_export(Project.objects.public(), "xlsx")
    elapsed = time.perf_counter() - started
    print(f"projects exported : {Project.objects.count():,} (all synthetic, in {folder})")
    print(f"file              : {name}, {len(content) / 1_048_576:.1f} MiB")
    print(f"export time       : {elapsed:.1f} s")
    print(f"peak memory (RSS) : {peak_rss_mb():.0f} MB (before the export: {before:.0f} MB)")


if __name__ == "__main__":
    main()
