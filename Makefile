# syriastats: two commands on a fresh machine (Python 3.11 and make only):
#   make figures   set up .venv, execute every notebook in place, export every chart
#   make test      set up .venv, run the unit tests and nbval over the notebooks
# Everything else is optional: make lab | html | validate | bench | lock | clean

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock requirements-bootstrap.txt pyproject.toml | cksum | cut -d' ' -f1)
# Extra flags for `make lab`, e.g. LAB_ARGS="--ip=0.0.0.0 --port=8889" (--allow-root is added when run as root)
LAB_ARGS ?=
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
PYTEST_NB := $(BIN)/python -m pytest -q -p no:cacheprovider --nbval --nbval-sanitize-with notebooks/sanitize.cfg notebooks

.PHONY: all setup figures test unit nbval lab html validate bench lock clean
all: figures

# Create the virtual environment and install the pinned dependencies with uv (itself
# pinned in requirements-bootstrap.txt), falling back to pip when uv cannot run. The
# lock is the single source of truth either way. The stamp file is named after a
# checksum of the lock, the bootstrap pin and pyproject, so a change to any reinstalls.
$(STAMP): requirements.lock requirements-bootstrap.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.11 not found (set PYTHON=...)" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: Python 3.11+ needed, found " + sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "setting up $(VENV) from requirements.lock"
	@if $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bootstrap.txt 2>/dev/null \
	    && $(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock \
	    && $(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e . ; then :; \
	else echo "uv unavailable: installing with pip"; \
	    $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock \
	    && $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e . ; fi
	@# build matplotlib's font cache now, so its one-off notice never lands in a notebook
	@MPLBACKEND=Agg $(BIN)/python -c "import matplotlib.font_manager" 2>/dev/null || true
	@rm -f $(VENV)/.installed-*
	@touch $@

setup: $(STAMP)

# The news charts come from the registry alone; they are drawn first, so the notebooks
# that show them embed the charts of this build.
figures: setup
	@$(BIN)/syriastats validate
	@$(BIN)/syriastats charts
	@$(BIN)/syriastats build

# Both suites always run and report; the target fails if either failed.
test: setup
	@$(BIN)/syriastats validate
	@rc=0; \
	echo "== unit tests"; $(BIN)/python -m pytest -q tests || rc=1; \
	echo "== notebooks (nbval)"; $(PYTEST_NB) || rc=1; \
	[ $$rc = 0 ] || echo "make test: FAILED (see the reports above)" >&2; exit $$rc

unit: setup
	$(BIN)/python -m pytest -q tests

nbval: setup
	$(PYTEST_NB)

lab: setup
	$(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_ARGS) notebooks

html: setup
	$(BIN)/syriastats build --html

validate: setup
	$(BIN)/syriastats validate

bench: setup
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Regenerate the lock from requirements.in (needs the package registry).
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet -r requirements.in
	.venv-lock/bin/python -m pip freeze --exclude-editable | grep -v '^syriastats' > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) html .pytest_cache
