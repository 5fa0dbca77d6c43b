# Two commands for a fresh Linux machine:
#   make run    set up everything and open the app on the demo data (its own file,
#               never the clerk's; plain `thidua` opens the clerk's file, or the welcome)
#   make test   set up everything and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-future sysdeps rundeps venv translations bench screenshots clean

run: rundeps venv
	$(BIN)/thidua demo --if-empty
	$(BIN)/thidua gui --demo

test: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The whole suite two years from now (libfaketime): no test may depend on today's date.
test-future: sysdeps venv
	QT_QPA_PLATFORM=offscreen faketime -f '+730d' $(BIN)/python -m pytest

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian/Ubuntu packages: `rundeps` what the window needs on a real display (Qt's
# xcb plugin), `sysdeps` that and what the tests use (Xvfb, SoftHSM2, poppler-utils,
# openssl, faketime). Installs only what is missing with root or sudo; otherwise
# prints the apt-get command to run.
rundeps:
	@sh packaging/linux-deps.sh run

sysdeps:
	@sh packaging/linux-deps.sh test

# Refresh the Vietnamese catalogue from the sources and compile it.
translations: venv
	$(BIN)/python packaging/translations.py

bench: venv
	$(BIN)/python bench/run.py

screenshots: venv
	$(BIN)/python packaging/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
