# Entry points: `make run` serves the app with demo data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

export PRSS_DATA_DIR ?= ./var

NODE_STAMP := frontend/node_modules/.installed
WEB_BUILD := frontend/dist/index.html

.PHONY: install install-web web browser run test test-static test-web-then-build test-backend test-web \
	test-e2e test-postgres lint format openapi openapi-check bench bench-soak clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

install-web: $(NODE_STAMP)

# The web UI is rebuilt whenever its sources or the API document change.
$(WEB_BUILD): $(NODE_STAMP) openapi.json $(shell find frontend/src frontend/index.html \
		frontend/vite.config.ts -type f 2>/dev/null)
	cd frontend && npm run build

web: $(WEB_BUILD)

run: install web
	$(BIN)/python -m app migrate
	$(BIN)/python -m app seed-demo --if-empty
	@echo "Serving on http://127.0.0.1:$(PORT)  (API docs: http://127.0.0.1:$(PORT)/docs)"
	$(BIN)/uvicorn app.main:app --host 127.0.0.1 --port $(PORT) --proxy-headers --no-access-log

# Two stages, each two jobs at a time, so that no core waits while another works:
# 1. pip, then the Python checks, beside npm, then the web UI's tests and its build (npm
#    is done long before pip, so the web UI's work fills the other core meanwhile);
# 2. the backend suite (two pytest-xdist workers) beside the browser tests against the
#    build, whose browser and server wait on each other so much that alone they keep only
#    one of two cores busy.
# On a machine without Chromium, apt installs it during the first stage, not the second.
# Each job's output is printed whole when it ends.
test:
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-static browser
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-backend test-e2e

# What needs no database: lint, the API document's drift, the web UI's tests, its build.
test-static: lint openapi-check test-web-then-build

# The web UI's tests, then its build: both run `tsc -b`, which must not run twice at once.
test-web-then-build: test-web
	@$(MAKE) --no-print-directory web

# Two workers; an idle one takes tests queued for the other (--dist worksteal), so that
# neither is left alone with a run of the long schema-fuzz tests at the end.
test-backend: install
	env -u DATABASE_URL $(BIN)/pytest -n 2 --dist worksteal -q

test-web: install-web
	cd frontend && npm run typecheck && npm test

# Debian's Chromium, for the browser tests (scripts/e2e.sh also installs it when missing).
browser:
	./scripts/chromium.sh

test-e2e: install web
	./scripts/e2e.sh

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest -n 2 --dist worksteal -q

bench: install
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/suggestions.py
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/export.py
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/load.py
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/request_cost.py
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/check_in_growth.py
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/organisation_growth.py

# 30 minutes of moderate mixed load on 2 workers: memory and latency drift.
bench-soak: install
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/load.py --soak $${BENCH_SOAK_SECONDS:-1800}

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app tests bench

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

openapi: install install-web
	$(BIN)/python -m app openapi > openapi.json
	cd frontend && npm run generate:api

openapi-check: install install-web
	@$(BIN)/python -m app openapi | diff -u openapi.json - > /dev/null \
		|| { echo "openapi.json is stale: run 'make openapi' and commit it"; exit 1; }
	@echo "openapi.json matches the code"
	@cd frontend && npm run --silent check:api \
		|| { echo "frontend API types are stale: run 'make openapi' and commit them"; exit 1; }

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache frontend/node_modules frontend/dist
