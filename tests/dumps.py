"""Comparable dumps of the database, for round-trip tests (fixtures, backup and restore)."""

import io
import json
import re

from django.core.management import call_command

# The serializer writes 12:00:00.000412 as "12:00:00.000Z" but the reloaded 12:00:00 as
# "12:00:00Z": the same instant at the serializer's millisecond precision.
WHOLE_SECOND = re.compile(r'(T\d{2}:\d{2}:\d{2})Z"')


def comparable_dump(*labels, exclude=(), natural_primary=False):
    """Every record of `labels`, by natural foreign key, sorted so order does not matter."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        *labels,
        natural_foreign=True,
        natural_primary=natural_primary,
        exclude=list(exclude),
        stdout=out,
        verbosity=0,
    )
    records = json.loads(WHOLE_SECOND.sub(r'\1.000Z"', out.getvalue()))
    return sorted(json.dumps(record, sort_keys=True, ensure_ascii=False) for record in records)
