# Two commands for a fresh Linux machine:
#   make run    set up everything and open the app on the demo data (its own file,
#               never the clerk's; plain `thidua` opens the clerk's file, or the welcome)
#   make test   set up everything and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test sysdeps venv translations bench screenshots clean

run: venv
	$(BIN)/thidua demo --if-empty
	$(BIN)/thidua gui --demo

test: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian/Ubuntu packages the tests use (Qt's runtime libraries, SoftHSM2,
# poppler-utils, openssl). Installs only what is missing; needs root or sudo.
sysdeps:
	@sh packaging/linux-deps.sh

# Refresh the Vietnamese catalogue from the sources and compile it.
translations: venv
	$(BIN)/python packaging/translations.py

bench: venv
	$(BIN)/python bench/run.py

screenshots: venv
	$(BIN)/python packaging/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
