# Two commands: `make run` serves the portal with its data; `make test` runs the whole suite.
# Both set everything up first (Debian packages, virtual environment, translations).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve production-check bench load-test test test-fast fuzz mutation setup setup-dev python-check system-packages \
	system-packages-browser system-packages-nginx system-packages-bench \
	compilemessages makemessages static migrate lint format migrations-check clean

run: setup migrate static
	$(PY) manage.py load_facts
	@echo "Serving the portal on http://$(HOST):$(PORT)/ (English at /en/, admin at /admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production: nginx in front of gunicorn (scripts/serve_production.py, deploy/nginx.conf), with
# the environment of README's "Production" section (PostgreSQL in DATABASE_URL, Redis in
# CACHE_URL, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, PORTAL_ORIGIN, DJANGO_HTTPS).
WORKERS ?= 3
serve: setup system-packages-nginx migrate static
	$(PY) scripts/serve_production.py --listen $(HOST):$(PORT) --workers $(WORKERS)

# The production stack against 50 slow clients, a 100 MB POST and junk (loopback only).
production-check: setup-dev system-packages-nginx
	scripts/ensure_postgres.sh
	$(PY) scripts/production_check.py

# Benchmark and load test: throw-away PostgreSQL databases and Redis cache databases, loopback.
bench: setup-dev system-packages-bench static
	scripts/ensure_postgres.sh
	$(PY) -m pytest tests/benchmarks --benchmarks -s -q -p no:cacheprovider
	$(PY) scripts/bench.py

load-test: setup-dev
	scripts/ensure_postgres.sh
	$(PY) scripts/load_test.py

test: setup-dev system-packages-browser compilemessages
	scripts/test.sh

# The inner loop while working: every test but the browser's, on SQLite, on every core; no
# lint, no PostgreSQL. `make test` stays the whole suite (and what CI runs).
test-fast: setup-dev compilemessages
	scripts/test.sh --fast

# The property-based fuzz test at length (3,000 examples per database instead of 150).
fuzz: setup-dev compilemessages static
	HYPOTHESIS_PROFILE=long $(PY) -m pytest tests/test_fuzz.py -p no:cacheprovider
	scripts/ensure_postgres.sh
	HYPOTHESIS_PROFILE=long DATABASE_URL=$${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/bakan_industry} \
		$(PY) -m pytest tests/test_fuzz.py -p no:cacheprovider

# Mutation testing by hand (see README, "Checking that a test can fail"); not part of `make test`.
mutation: setup-dev compilemessages static
	$(PY) -m pip install --quiet mutmut==3.8.1
	rm -rf mutants
	$(VENV)/bin/mutmut run
	$(VENV)/bin/mutmut results

setup: python-check system-packages $(VENV)/.runtime node_modules/.installed compilemessages

setup-dev: python-check system-packages $(VENV)/.dev node_modules/.installed

python-check:
	@$(PYTHON) scripts/check_python.py

system-packages:
	scripts/install_system_packages.sh

system-packages-browser:
	scripts/install_system_packages.sh --with-browser

system-packages-nginx:
	scripts/install_system_packages.sh --with-nginx

system-packages-bench:
	scripts/install_system_packages.sh --with-bench

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# This checkout's own random secret key, which settings.py reads when DJANGO_SECRET_KEY is not
# set: no key to sign sessions with is ever committed. Kept when it exists.
var/secret-key:
	mkdir -p var
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python var/secret-key
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python var/secret-key
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# Front-end packages (Leaflet.markercluster), pinned by package-lock.json, served by WhiteNoise.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

compilemessages: $(VENV)/.runtime
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

makemessages: $(VENV)/.runtime
	$(PY) manage.py makemessages -l vi -l en --no-obsolete \
		--ignore=.venv --ignore=staticfiles --ignore=node_modules --ignore=tests --ignore=scripts

migrate: $(VENV)/.runtime
	$(PY) manage.py migrate --no-input -v0

static: $(VENV)/.runtime
	$(PY) manage.py collectstatic --no-input -v0

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: setup
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules staticfiles test-artifacts db.sqlite3
