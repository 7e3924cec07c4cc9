# Two commands for a newcomer: `make serve` and `make test`. Each does its own set-up.
# Set-up is skipped on a second run unless a lock file changed.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PY_OK  := $(VENV)/.installed-from-lock
NODE_OK := node_modules/.installed-from-lock
HOST   ?= 127.0.0.1
PORT   ?= 8000
# make test: one pytest worker per core; the Pyodide-in-Node tests stay on one (xdist_group)
PYTEST_WORKERS ?= -n auto --dist loadgroup

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build test quality lint bench clean new-guide mutation

setup: $(PY_OK) $(NODE_OK)

# Python: a virtual environment holding exactly what requirements.lock names. One whose making was
# cut short (Ctrl-C during the first `make serve`: python there, pip not) is made again.
$(PY_OK): requirements.lock
	$(PY) -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# Node: only the pinned Pyodide runtime, exactly as package-lock.json names it.
$(NODE_OK): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## serve: set up, build and serve the site with live reload on http://127.0.0.1:8000
serve: setup
	$(PY) -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

## build: the static site in site/, ready to copy to any static host
build: setup
	$(PY) -m mkdocs build --strict --clean

## test: set up, then every test (calculators, content, build, browser); writes nothing tracked.
## One worker per core (pytest-xdist); the site is built once for all of them (tests/conftest.py).
test: setup
	$(PY) -m tools.browser --ensure
	$(PY) -m ruff check .
	$(PY) -m pytest $(PYTEST_WORKERS)

## quality: every test, and after a passing run rewrite quality.json (the quality page's figures): commit it;
## its summary lists the facts of calculators/figures.toml past their re-check date (as the quality page does);
## then it prints each English guide's reading ease (tools/readability.py)
quality: setup
	$(PY) -m tools.browser --ensure
	$(PY) -m ruff check .
	QUALITY_REPORT=1 $(PY) -m pytest
	$(PY) -m tools.readability

## mutation: mutation testing of the money and law core (not part of `make test`; about an hour here):
## mutmut changes calculators/money, schedules, rates, figures, lines, fields, checklist and ics one small
## edit at a time and runs their unit tests (pyproject.toml [tool.mutmut]); then tools/mutation.py writes
## mutation.json (killed/total per module, the day of the run; the quality page shows it: commit it) and
## lists every surviving mutant that tests/mutation-survivors.toml does not explain (then it fails)
mutation: setup
	nice -n 19 $(PY) -m mutmut run --max-children 2
	$(PY) -m tools.mutation --date $$(date -u +%Y-%m-%d)

## new-guide: make docs/<slug>.md and docs/<slug>.en.md with front matter, e.g. make new-guide slug=guides/my-topic
new-guide: setup
	$(PY) -m tools.new_guide $(slug)

LIGHTHOUSE_OK := bench/lighthouse/node_modules/.installed-from-lock

# Lighthouse, for `make bench` only: its own small npm package, so `make test` stays light.
$(LIGHTHOUSE_OK): bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## bench: build, then measure what a reader waits for (writes bench/results.md); nothing asserts
bench: build $(LIGHTHOUSE_OK)
	$(PY) -m tools.browser --ensure
	$(PY) -m tools.bench
	$(PY) -m tools.lighthouse

lint: setup
	$(PY) -m ruff check .

clean:
	rm -rf site .venv node_modules .pytest_cache .hypothesis mutants
