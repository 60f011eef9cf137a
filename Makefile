# The two commands a newcomer needs:
#   make run    start the app with demo data on http://localhost:8000 (web, worker and beat)
#   make test   run the test suite
# Both create .venv with Python 3.11 on first use and reinstall requirements only when
# the requirements file has changed since the last install.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# Port for `make run`'s web process.
PORT ?= 8000
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-k healthz -x"
PYTEST_ARGS ?=
# Test processes run side by side (pytest-xdist), each taking the next tests as it frees up: much
# of the suite waits on browsers, workers and servers. TEST_PROCESSES=0 runs them in this one.
# Not --dist loadfile: it runs only one of the schema fuzz tests, which share one node id.
TEST_PROCESSES ?= 2

# The venv's binaries (python, celery, honcho, ruff) come first for every recipe and for
# the processes honcho starts from Procfile.dev.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export PYTHONUNBUFFERED := 1

# python3.11, or python3 when that is 3.11.
PYTHON311 := $(shell for p in python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' >/dev/null 2>&1 \
	&& { command -v $$p; break; }; done)

# What makemessages leaves out: installed packages, tests, tools and data.
MESSAGE_IGNORES := --ignore=.venv --ignore=tests --ignore=benchmarks --ignore=frontend \
	--ignore=var --ignore=demo

.PHONY: help run test lint messages frontend bench-pack bench-reminders bench-api bench-load scale-data

help:  ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: export DJANGO_DEBUG ?= true
run: $(VENV)/.runtime-installed  ## Start the app with demo data on http://localhost:8000 (PORT=...): web, worker, beat; Ctrl-C stops
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_load
	exec $(VENV)/bin/honcho --procfile Procfile.dev start --port $(PORT)

test: $(VENV)/.dev-installed  ## Run the tests (DATABASE_URL / REDIS_URL if set, else SQLite); extra args in PYTEST_ARGS
	$(PY) -m pytest -n $(TEST_PROCESSES) $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed  ## Check code style with ruff (lint and format)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: $(VENV)/.dev-installed  ## Bring the Welsh catalogue up to date with the code (needs gettext); compile it
	$(PY) manage.py makemessages -l cy $(MESSAGE_IGNORES)
	$(PY) manage.py compilemessages -l cy $(MESSAGE_IGNORES)

bench-pack: $(VENV)/.dev-installed  ## Time a 300-page agenda pack against one-pass baselines (REDIS_URL: real workers too)
	$(PY) benchmarks/pack.py

bench-reminders: $(VENV)/.dev-installed  ## Time the reminder run (200,000 actions) and the dashboard (1,000,000 readings); DATABASE_URL: a fresh database
	$(PY) benchmarks/reminders.py

bench-api: $(VENV)/.dev-installed  ## Load-test the API alone (benchmarks/load.py's tool): wrk, gunicorn, the scale estate; DATABASE_URL: a database of its own
	$(PY) benchmarks/api.py

bench-load: $(VENV)/.dev-installed  ## Load-test public pages and API: 50 wrk clients, 60 s, gunicorn, PostgreSQL, Redis; p50/p95 per page (BENCH_* in benchmarks/load.py)
	$(PY) benchmarks/load.py

scale-data: $(VENV)/.runtime-installed  ## Fill an empty database with the large scale estate (manage.py scale_data; ARGS="--meetings 10000")
	$(PY) manage.py migrate --noinput
	$(PY) manage.py scale_data $(ARGS)

frontend:  ## Rebuild the vendored GOV.UK Frontend CSS/JS into static/govuk/ (needs npm)
	bash frontend/build.sh

$(PY):
	@if [ -z "$(PYTHON311)" ]; then \
		echo "error: Python 3.11 is required: install it so that python3.11 (or python3) is 3.11" >&2; \
		exit 1; \
	fi
	$(PYTHON311) -m venv $(VENV)

# Stamp files record the last install; make reinstalls when a requirements file is newer.
$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -r requirements.txt
	touch $@

# requirements-dev.txt includes requirements.txt, so this also satisfies the runtime stamp.
$(VENV)/.dev-installed: requirements-dev.txt requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed
