# Two commands do everything on a fresh machine with Python 3.11:
#   make serve   set up, check, build and serve the site on http://127.0.0.1:8000
#   make test    set up (with test tools) and run every test
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test

.PHONY: serve test check site golden bench clean

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	scripts/install-system-packages.sh fonts
	@touch $@

$(TEST_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	scripts/install-system-packages.sh
	@touch $@

serve: $(INSTALLED)
	$(BIN)/selfassess serve --port $(PORT)

check: $(INSTALLED)
	$(BIN)/selfassess check

site: $(INSTALLED)
	$(BIN)/selfassess build

test: $(TEST_INSTALLED)
	$(BIN)/python -m pytest

# Refresh the golden pages of the site fixture (tests/golden/site/), then review the diff.
golden: $(TEST_INSTALLED)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_site_golden.py

# Speed, size and memory on 192 synthetic States (the search download is measured in chromium).
bench: $(TEST_INSTALLED)
	$(BIN)/python -m selfassess.bench

clean:
	rm -rf site .generated .cache
