# Leadpress: `make run` to try it, `make test` to check it. Both set themselves up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Root installs system packages directly (CI runs as root); anyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export FLASK_APP := capture

.PHONY: run build test bench lint fmt lock clean system-packages

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

## build: the static site into output/ (pelicanconf.py, the local capture service)
build: $(STAMP)
	$(BIN)/pelican content -s pelicanconf.py -o output --delete-output-directory \
	  -e 'SITEURL="http://$(HOST):$(PORT)"' 'CAPTURE_URL="http://$(HOST):$(PORT)/leads"'

## run: build the site, migrate the database, start the capture service serving output/ too
run: build
	$(BIN)/python -m capture.devserver --host $(HOST) --port $(PORT)

## test: every test on SQLite (unit, real Pelican builds, the live service, a real
## browser), then everything that touches the database again on PostgreSQL
test: $(STAMP) system-packages
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(BIN)/python -m pytest --db=postgresql --ignore=tests/site \
	  --ignore=tests/test_screening.py --ignore=tests/test_project.py $(PYTEST_ARGS)

## system-packages: Debian's PostgreSQL (the tests start a throwaway server from its
## binaries) and chromium (the browser tests drive /usr/bin/chromium), if missing
MISSING_PACKAGES = $(strip $(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql) \
                           $(if $(wildcard /usr/bin/chromium),,chromium))
system-packages:
	@if [ -n "$(MISSING_PACKAGES)" ]; then \
	  echo "Installing Debian packages for the tests: $(MISSING_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(MISSING_PACKAGES) >/dev/null; \
	fi

## bench: the benchmarks (bench/*.py), each printing medians or scores against a baseline
bench: $(STAMP) system-packages
	$(BIN)/python bench/intake_throughput.py
	$(BIN)/python bench/queue_pages.py
	$(BIN)/python bench/site_build.py
	$(BIN)/python bench/site_audit.py

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
	rm -rf output .pytest_cache .ruff_cache .hypothesis
