# Leadpress: `make run` to try it, `make test` to check it. Both set themselves up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core, which the browser tests inject into every public page (pinned in package-lock.json).
AXE := tests/browser/node_modules/axe-core/axe.min.js
HOST ?= 127.0.0.1
PORT ?= 8000
# make run builds the site for its own address: output/ on the default port,
# output-PORT/ on another, so two copies can run side by side (PORT=8000, PORT=8100).
RUN_SITE := $(if $(filter 8000,$(PORT)),output,output-$(PORT))
# make demo (or make run DEMO=1): this many demo leads on an empty database first.
DEMO ?=
DEMO_LEADS ?= 2000
PYTEST_ARGS ?=
# Root installs system packages directly (CI runs as root); anyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export FLASK_APP := capture

.PHONY: run demo build test bench bench-packages lint fmt lock clean system-packages axe

# pip says nothing unless it fails; then everything it said is shown.
$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt \
	  > $(VENV)/pip.log 2>&1 || { cat $(VENV)/pip.log; exit 1; }
	@touch $(STAMP)

# The site for the local service at HOST:PORT (pelicanconf.py); add -o DIR.
BUILD_SITE = $(BIN)/pelican content -s pelicanconf.py --delete-output-directory \
  -e 'SITEURL="http://$(HOST):$(PORT)"' 'CAPTURE_URL="http://$(HOST):$(PORT)/leads"'

## build: the static site into output/ (pelicanconf.py, the local capture service)
build: $(STAMP)
	$(BUILD_SITE) -o output

## run: build the site, migrate the database, start the capture service serving the
## site too, then print one banner: where to go, how to log in
## demo: the same, with 2,000 demo leads added first to an empty database
run demo: $(STAMP)
	@$(BUILD_SITE) -o $(RUN_SITE) > $(VENV)/site-build-$(PORT).log 2>&1 \
	  || { cat $(VENV)/site-build-$(PORT).log; exit 1; }
	@$(BIN)/python -m capture.devserver --host $(HOST) --port $(PORT) --site $(RUN_SITE) \
	  $(if $(or $(DEMO),$(filter demo,$@)),--demo $(DEMO_LEADS))

## test: every test on SQLite (unit, real Pelican builds, the live service, a real
## browser), then everything that opens the database again on PostgreSQL (the
## browser tests check what people see; the HTTP tests cover the same database paths)
## (each run on both cores: pytest-xdist, a worker per core, each with its own databases)
test: $(STAMP) system-packages $(AXE)
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)
	$(BIN)/python -m pytest -n 2 --db=postgresql --ignore=tests/site --ignore=tests/browser \
	  --ignore=tests/test_screening.py --ignore=tests/test_screening_model.py \
	  --ignore=tests/test_project.py $(PYTEST_ARGS)

## axe: axe-core from the npm registry into tests/browser/node_modules, exactly as
## locked (npm ci: non-interactive, no audit), for the browser tests' accessibility checks
axe: $(AXE)
$(AXE): tests/browser/package.json tests/browser/package-lock.json | system-packages
	cd tests/browser && CI=true npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## system-packages: Debian's PostgreSQL (the tests start a throwaway server from its
## binaries), chromium (the browser tests drive /usr/bin/chromium), npm (axe-core,
## Lighthouse), memcached and redis-server (gunicorn's workers share rate limits through
## them), if missing
MISSING_PACKAGES = $(strip $(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql) \
                           $(if $(wildcard /usr/bin/chromium),,chromium) \
                           $(if $(shell command -v npm),,npm) \
                           $(if $(wildcard /usr/bin/memcached),,memcached) \
                           $(if $(wildcard /usr/bin/redis-server),,redis-server))
system-packages:
	@if [ -n "$(MISSING_PACKAGES)" ]; then \
	  echo "Installing Debian packages for the tests: $(MISSING_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(MISSING_PACKAGES) >/dev/null; \
	fi

## bench: the benchmarks (bench/*.py), each printing medians or scores against a baseline
bench: $(STAMP) system-packages bench-packages
	$(BIN)/python bench/intake_throughput.py
	$(BIN)/python bench/intake_floor.py
	$(BIN)/python bench/intake_parts.py
	$(BIN)/python bench/staff_lists.py --db sqlite,postgresql
	$(BIN)/python bench/staff_pages.py
	$(BIN)/python bench/site_build.py
	$(BIN)/python bench/site_audit.py

## bench-packages: wrk, the load generator of bench/intake_throughput.py
bench-packages:
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk >/dev/null; }

## lint: ruff
lint: $(STAMP)
	$(BIN)/ruff check .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .

## lock: refresh requirements.txt from the pins in pyproject.toml
lock:
	rm -rf /tmp/leadpress-lock && $(PYTHON) -m venv /tmp/leadpress-lock
	/tmp/leadpress-lock/bin/pip install --quiet ".[test]" && /tmp/leadpress-lock/bin/pip uninstall -y --quiet leadpress
	( sed -n '1,2p' requirements.txt; /tmp/leadpress-lock/bin/pip freeze ) > requirements.txt.new && mv requirements.txt.new requirements.txt

clean:
	rm -rf output output-* .pytest_cache .ruff_cache .hypothesis tests/browser/node_modules \
	  tests/browser/screenshots
