# Two commands: `make run` serves the portal with its data; `make test` runs the whole suite.
# Both set everything up first (Debian packages, virtual environment, translations).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup setup-dev python-check system-packages system-packages-browser \
	compilemessages makemessages static migrate lint format migrations-check clean

run: setup migrate static
	$(PY) manage.py load_facts
	@echo "Serving the portal on http://$(HOST):$(PORT)/ (English at /en/, admin at /admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup-dev system-packages-browser compilemessages
	scripts/test.sh

setup: python-check system-packages $(VENV)/.runtime compilemessages

setup-dev: python-check system-packages $(VENV)/.dev

python-check:
	@$(PYTHON) scripts/check_python.py

system-packages:
	scripts/install_system_packages.sh

system-packages-browser:
	scripts/install_system_packages.sh --with-browser

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

compilemessages: $(VENV)/.runtime
	$(PY) manage.py compilemessages --ignore=.venv -v0

makemessages: $(VENV)/.runtime
	$(PY) manage.py makemessages -l vi -l en --ignore=.venv --ignore=staticfiles --no-obsolete
	$(PY) manage.py makemessages -d djangojs -l vi -l en --ignore=.venv --ignore=staticfiles --no-obsolete

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
	rm -rf $(VENV) staticfiles test-artifacts db.sqlite3
