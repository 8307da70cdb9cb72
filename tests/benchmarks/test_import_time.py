"""
Benchmark, not a test: the time a file at the default row limit (2,000) takes to preview and
import, printed for the README's figures. Run by `make bench`; `make test` leaves it out
(tests/conftest.py), and tests/investments covers the same import at a small limit.
"""

import pytest

from tests.investments.test_import_export import import_rows_at_the_limit

pytestmark = [pytest.mark.django_db, pytest.mark.benchmark]


def test_import_time_at_the_default_row_limit(admin_client, facts, settings):
    previewed, total = import_rows_at_the_limit(admin_client, settings)
    rows = settings.PROJECT_IMPORT_MAX_ROWS
    print(f"\nImport of {rows} rows: preview {previewed:.1f} s, preview and import {total:.1f} s")
