#!/usr/bin/env bash
# The whole test suite: lint, migrations check, then every test on SQLite and on PostgreSQL.
# With CI=true, PostgreSQL and Chromium are mandatory: their absence fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
ci=${CI:-false}

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

echo "== bandit (medium and high findings fail the run)"
.venv/bin/bandit -r bakan_industry common zones investments portal scripts -ll -q

echo "== migrations are up to date"
$PY manage.py makemigrations --check --dry-run

echo "== static files (the tests use the same manifest storage as production)"
$PY manage.py collectstatic --no-input -v0

echo "== tests on SQLite"
$PY -m pytest "$@"

echo "== tests on PostgreSQL"
if scripts/ensure_postgres.sh; then
  DATABASE_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/bakan_industry} \
    $PY -m pytest "$@"
elif [[ "$ci" == "true" ]]; then
  echo "PostgreSQL is not reachable on 127.0.0.1:5432, and CI requires it." >&2
  exit 1
else
  echo "WARNING: PostgreSQL is not reachable on 127.0.0.1:5432; the PostgreSQL pass did NOT run." >&2
fi
