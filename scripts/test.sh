#!/usr/bin/env bash
# The whole test suite: lint, migrations check, then every test where it tells something:
#   SQLite      every test but the browser's (plain logic runs only here)
#   PostgreSQL  every test that touches the database, and the browser tests (Chromium)
# Tests are marked `database` and `browser` by tests/conftest.py from the fixtures they use.
# Both passes run on every core (pytest-xdist, a test database per worker, a module's tests on
# one worker so that its facts are loaded once). It ends with the 15 slowest tests and the time.
# With CI=true, PostgreSQL, Redis and Chromium are mandatory: their absence fails the run.
#   scripts/test.sh --fast   the inner loop: the SQLite pass only, nothing else
#   scripts/test.sh ARGS     ARGS go to both pytest runs (e.g. -k compare, tests/zones)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
ci=${CI:-false}
started=$(date +%s)
workers=${TEST_WORKERS:-auto}
report=test-artifacts/durations
rm -rf "$report"
mkdir -p "$report"

fast=false
if [[ "${1:-}" == "--fast" ]]; then
  fast=true
  shift
fi

run_pytest() {  # name, then pytest arguments
  local name=$1
  shift
  local status=0
  $PY -m pytest -n "$workers" --dist loadfile --durations=0 --durations-min=0 "$@" \
    > >(tee "$report/$name.log") || status=$?
  [[ $status -eq 0 || $status -eq 5 ]] || exit "$status"  # 5: nothing selected by ARGS
}

if [[ "$fast" == "false" ]]; then
  echo "== ruff"
  .venv/bin/ruff check .
  .venv/bin/ruff format --check .

  echo "== bandit (medium and high findings fail the run)"
  .venv/bin/bandit -r bakan_industry common zones investments portal scripts -ll -q

  echo "== migrations are up to date"
  $PY manage.py makemigrations --check --dry-run
fi

echo "== static files (the tests use the same manifest storage as production)"
$PY manage.py collectstatic --no-input -v0

echo "== tests on SQLite: all but the browser's"
run_pytest sqlite -m "not browser" "$@"

if [[ "$fast" == "false" ]]; then
  echo "== tests on PostgreSQL: those that touch the database, and the browser's"
  if scripts/ensure_postgres.sh; then
    DATABASE_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/bakan_industry} \
      run_pytest postgresql -m "database or browser" "$@"
  elif [[ "$ci" == "true" ]]; then
    echo "PostgreSQL is not reachable on 127.0.0.1:5432, and CI requires it." >&2
    exit 1
  else
    echo "WARNING: PostgreSQL is not reachable on 127.0.0.1:5432; the PostgreSQL pass did NOT run." >&2
  fi
fi

logs=("$report/sqlite.log")
[[ "$fast" == "false" && -f "$report/postgresql.log" ]] && logs+=("$report/postgresql.log")
$PY scripts/slowest_tests.py --seconds $(( $(date +%s) - started )) "${logs[@]}"
