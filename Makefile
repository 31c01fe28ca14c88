# careerplan — the two commands are `make run` and `make test`.
# Needs only Python 3.12+ and make; everything else is installed into .tools/ and .venv/.

PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

# Browser tests drive Debian's Chromium; Chromium and its caches stay out of the home folder.
CHROMIUM ?= /usr/bin/chromium
BROWSER_HOME := $(CURDIR)/.data/browser

.PHONY: help install run test test-unit test-e2e lint format chromium pdf-libs screenshot clean bench soak backup restore

help:
	@echo "make run     start web, worker and beat (embedded PostgreSQL and Redis unless"
	@echo "             DATABASE_URL / REDIS_URL are set) at http://127.0.0.1:8000/"
	@echo "make test    run the whole test suite, browser tests included"
	@echo "make lint    ruff (lint + format check) and mypy over apps/ and careerplan/"
	@echo "make backup  a dated pg_dump of the database into backups/"
	@echo "make restore FILE=backups/….dump   load a backup into an empty database"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv

$(BIN)/python: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen
	@touch $(BIN)/python

install: $(BIN)/python pdf-libs

# WeasyPrint (the plan as PDF) lays text out with the system's Pango and needs a font; Debian's
# packages, installed once when missing.
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
pdf-libs:
	@if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0.so.0 || [ ! -d /usr/share/fonts/truetype/dejavu ]; then \
		echo "Installing Pango and a font for the PDF download…"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(PDF_LIBS) >/dev/null; \
	fi

run: install
	$(BIN)/python -m careerplan.devrun

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "Installing Debian's chromium for the browser tests…"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# Unit and integration tests, then the browser tests in their own process (Playwright's event
# loop needs DJANGO_ALLOW_ASYNC_UNSAFE, which must not leak into the other tests).
test: install chromium
	$(BIN)/python -m careerplan.embedded -- $(MAKE) --no-print-directory test-unit test-e2e

test-unit:
	$(BIN)/pytest -m "not e2e" -p no:playwright $(PYTEST_ARGS)

test-e2e:
	mkdir -p $(BROWSER_HOME)
	XDG_CONFIG_HOME=$(BROWSER_HOME) XDG_CACHE_HOME=$(BROWSER_HOME) \
	DJANGO_ALLOW_ASYNC_UNSAFE=true CHROMIUM=$(CHROMIUM) \
	$(BIN)/pytest -m e2e tests/e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# mypy's Django plugin imports the settings, which insist on these; nothing connects.
	DATABASE_URL=postgres://lint@127.0.0.1/lint REDIS_URL=redis://127.0.0.1/0 $(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

screenshot: install chromium
	$(BIN)/python -m careerplan.embedded -- $(BIN)/python scripts/screenshot.py $(SHOTS)

# Page throughput under gunicorn against a signed-in baseline, the weight of each page shape,
# then the reminder sweep at a million schedules; see docs/benchmarks.md.
# `make bench BENCH_ARGS=--soak` (or `make soak`) runs the soak instead: 100 signed-in
# visitors for two minutes with the sweep and a worker running (benchmarks/soak.py). Heavy.
bench: install
ifneq (,$(filter --soak,$(BENCH_ARGS)))
	$(BIN)/python -m careerplan.embedded -- $(BIN)/python benchmarks/soak.py $(filter-out --soak,$(BENCH_ARGS))
else
	$(BIN)/python -m careerplan.embedded -- sh -c '$(BIN)/python benchmarks/run.py $(BENCH_ARGS) && $(BIN)/python benchmarks/weights.py && $(BIN)/python benchmarks/sweep.py && $(BIN)/python benchmarks/portability.py'
endif

soak:
	$(MAKE) --no-print-directory bench BENCH_ARGS="--soak $(SOAK_ARGS)"

# The database as one pg_dump file, and back (docs/operations.md, "Backups"). Without
# DATABASE_URL they use the embedded server that `make run` uses.
backup: install
	CAREERPLAN_EMBEDDED_DURABLE=1 $(BIN)/python -m careerplan.embedded -- $(BIN)/python -m careerplan.backup dump

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/careerplan-<time>.dump"; exit 2; }
	CAREERPLAN_EMBEDDED_DURABLE=1 $(BIN)/python -m careerplan.embedded -- $(BIN)/python -m careerplan.backup restore "$(FILE)"

clean:
	rm -rf $(VENV) $(TOOLS) staticfiles
