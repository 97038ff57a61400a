# The portal's commands. `make run` and `make test` are all a new machine needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock | cksum | cut -d' ' -f1)
PORT ?= 8000

.PHONY: install run worker test test-fast lint format check bench bench-inscriptions bench-opportunites bench-pilotage clean lock

$(STAMP): requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required.")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Migrate, load the territory and the demo content (idempotent), then serve
# the site with a Celery worker and its scheduler; Ctrl-C stops everything.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Portail : http://127.0.0.1:$(PORT)/  (administration : /admin/)"
	$(PY) manage.py serve_dev --port $(PORT)

worker: install
	$(VENV)/bin/celery -A lot_portal worker --beat --loglevel=INFO --schedule=var/celerybeat-schedule

# One pytest-xdist worker per core, each with its own test database (override:
# make test TEST_WORKERS=0 for a single process).
TEST_WORKERS ?= auto

test: install
	$(PY) -m pytest -n $(TEST_WORKERS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Anonymous pages measured by `make bench` (override: make bench BENCH_PAGES=/).
BENCH_PAGES ?= / /histoires/ /histoires/trufficultrice-a-lalbenque/ /recherche/?q=vigne /agenda/

bench: install
	@for page in $(BENCH_PAGES); do BENCH_PATH="$$page" bash benchmarks/run.sh || exit 1; done
	$(PY) benchmarks/inscriptions.py
	$(PY) benchmarks/opportunites.py
	$(PY) benchmarks/pilotage.py

# 200 welcome registrations posted concurrently: no error, none lost, no duplicate email.
bench-inscriptions: install
	$(PY) benchmarks/inscriptions.py

# Filtered job listing and offer pages at 10,000 offers: server time p50/p95, requests/s.
bench-opportunites: install
	$(PY) benchmarks/opportunites.py

# Steering figures at 50,000 registrations: every section and the admin dashboard, p50/p95.
bench-pilotage: install
	$(PY) benchmarks/pilotage.py

# Regenerate the lock files after editing pyproject.toml.
lock:
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml -p 3.11 --no-header -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev -p 3.11 --no-header -o requirements-dev.lock

clean:
	rm -rf $(VENV) var
