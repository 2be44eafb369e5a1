# TEX4IM platform. A newcomer needs two commands: `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
UV := $(PYTHON) -m uv
RUN := $(UV) run --frozen --quiet
PY_PACKAGES := libs/common gateway services/intelligence services/proposals services/matchmaking
FRONTEND := frontend
FRONTEND_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public -type f 2>/dev/null) \
	$(wildcard $(FRONTEND)/index.html $(FRONTEND)/vite.config.ts $(FRONTEND)/tsconfig*.json)

.PHONY: help run install build test lint test-python test-frontend test-e2e check-openapi openapi bench bench-gateway bench-search bench-proposals clean-data

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

run: install build ## set up everything missing and start the platform at http://127.0.0.1:8000
	$(RUN) devstack run

install: .venv/.synced $(FRONTEND)/node_modules/.installed ## install Python and npm dependencies

.venv/.synced: uv.lock pyproject.toml $(addsuffix /pyproject.toml,$(PY_PACKAGES)) tools/devstack/pyproject.toml
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen --all-packages
	@touch $@

$(FRONTEND)/node_modules/.installed: $(FRONTEND)/package-lock.json $(FRONTEND)/package.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: $(FRONTEND)/dist/index.html ## build the web app into frontend/dist

$(FRONTEND)/dist/index.html: $(FRONTEND)/node_modules/.installed $(FRONTEND_SOURCES)
	cd $(FRONTEND) && npm run build

test: install lint check-openapi test-python test-frontend test-e2e ## lint, every test suite, the browser tests
	@echo "make test: all checks passed"

lint: install ## ruff, the import contracts between services, the SPA's linters
	$(RUN) ruff check .
	$(RUN) lint-imports
	cd $(FRONTEND) && npm run lint

test-python: install ## each package's tests against its own migrated PostgreSQL database
	@for package in $(PY_PACKAGES); do \
		echo "== pytest $$package"; \
		status=0; $(RUN) pytest -c pyproject.toml --rootdir=$$package $$package/tests -q || status=$$?; \
		if [ $$status -eq 5 ]; then echo "!! WARNING: $$package collected no tests"; continue; fi; \
		if [ $$status -ne 0 ]; then exit $$status; fi; \
	done

test-frontend: install ## vitest
	cd $(FRONTEND) && npm test

test-e2e: install build ## cross-service contract tests and browser tests against the running platform
	@bash tools/ensure-chromium.sh
	$(RUN) pytest -c pyproject.toml --rootdir=tests tests -q

check-openapi: install ## the committed OpenAPI document and TypeScript client match the code
	@$(RUN) devstack openapi --out - | diff -u $(FRONTEND)/openapi.json - \
		|| { echo "frontend/openapi.json is stale: run 'make openapi' and commit it"; exit 1; }
	cd $(FRONTEND) && npm run check:api

openapi: install ## regenerate frontend/openapi.json and the typed client
	$(RUN) devstack openapi --out $(FRONTEND)/openapi.json
	cd $(FRONTEND) && npm run gen:api

bench: bench-gateway bench-search bench-proposals ## every benchmark; each writes its results into bench/README.md

bench-gateway: install build ## gateway vs direct throughput and latency
	$(RUN) python bench/gateway/run.py --write-readme

bench-search: install build ## search over 100k opportunities + 50k organisations: gateway, service, SQL p50/p95
	$(RUN) python bench/intelligence/search.py --write-readme

bench-proposals: install build ## the proposals list and board counts at 10k proposals, 3 callers: gateway, service, SQL p50/p95
	$(RUN) python bench/proposals/listing.py --write-readme

clean-data: ## delete the local database, keys and run files (the next `make run` starts afresh)
	rm -rf .data
