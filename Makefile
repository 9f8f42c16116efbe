# Two commands for a fresh machine: `make run` and `make test`.
# Everything else here is what those two need; each step is skipped when done.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run worker test install env messages migrate seed lint format db-stop check-deploy \
	backup restore bench bench-fault

# The task queue's worker (README "Task queue") runs beside the web server and stops with it.
run: install env messages migrate seed
	@$(PY) manage.py demo_logins --host $(HOST) --port $(PORT)
	@$(PY) manage.py db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# A worker alone (another terminal, or each further machine of a deployment).
worker: install env migrate
	$(PY) manage.py db_worker --no-reload

test: install env messages
	@$(PY) -m scripts.browser_check
	@set +e; $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: treating as a failure"; exit 1; fi; \
	exit $$rc

install: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

env: .env

.env:
	$(PY) -m scripts.write_env .env

messages: install
	@$(PY) -m scripts.compile_messages

migrate: install env
	$(PY) manage.py migrate --noinput

seed: install env
	$(PY) manage.py seed_demo

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

makemessages: install
	$(PY) manage.py makemessages -l vi -l en --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'scripts/*'

db-stop:
	@$(PY) -m config.embedded_db stop

check-deploy: install
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets;print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=thidua.example.org $(PY) manage.py check --deploy --fail-level WARNING

# Backups: one archive with the database dump and the uploaded files (core/backup.py).
backup: install env
	$(PY) manage.py backup

restore: install env
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/thidua-YYYYmmdd-HHMMSS.tar.gz [YES=1]"; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(YES),--yes)

# The benchmark at sector scale (docs/benchmarks.md): its own database thidua_bench,
# gunicorn with 2 workers, locust. bench-fault adds a PostgreSQL restart under load.
BENCH_STAMP := $(VENV)/.bench-stamp

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	touch $@

bench: install env messages $(BENCH_STAMP)
	$(PY) -m scripts.bench $(BENCH_ARGS)

bench-fault: install env messages $(BENCH_STAMP)
	$(PY) -m scripts.bench --fault $(BENCH_ARGS)
