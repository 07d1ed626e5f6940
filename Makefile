# syriastats: two commands on a fresh machine (Python 3.11 and make only):
#   make figures   set up .venv, execute every notebook in place, export every chart
#   make test      set up .venv, run the unit tests and nbval over the notebooks
# Everything else is optional: make lab | html | validate | bench | lock | clean

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: all setup figures test unit nbval lab html validate bench lock clean
all: figures

# Create the virtual environment and install the pinned dependencies. The stamp
# file is named after a checksum of the lock and pyproject, so a change to either
# reinstalls.
$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.11 not found (set PYTHON=...)" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ needed, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

setup: $(STAMP)

figures: setup
	$(BIN)/syriastats validate
	$(BIN)/syriastats build
	$(BIN)/syriastats charts

test: setup
	$(BIN)/syriastats validate
	$(BIN)/python -m pytest -q tests
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbval --nbval-sanitize-with notebooks/sanitize.cfg notebooks

unit: setup
	$(BIN)/python -m pytest -q tests

nbval: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbval --nbval-sanitize-with notebooks/sanitize.cfg notebooks

lab: setup
	$(BIN)/jupyter lab notebooks

html: setup
	$(BIN)/syriastats build --html

validate: setup
	$(BIN)/syriastats validate

bench: setup
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Regenerate the lock from requirements.in (needs the package registry).
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet -r requirements.in
	.venv-lock/bin/python -m pip freeze --exclude-editable | grep -v '^syriastats' > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) html .pytest_cache
