# Two commands for a fresh Linux machine:
#   make run    set up everything and open the app on the demo data (its own file,
#               never the clerk's; plain `thidua` opens the clerk's file, or the welcome)
#   make test   set up everything and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-future sysdeps rundeps venv translations bench screenshots clean lock dist test-dist

run: rundeps venv
	$(BIN)/thidua demo --if-empty
	$(BIN)/thidua gui --demo

test: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The whole suite two years from now (libfaketime): no test may depend on today's date.
test-future: sysdeps venv
	QT_QPA_PLATFORM=offscreen faketime -f '+730d' $(BIN)/python -m pytest

venv: $(STAMP)

# Exact versions and hashes from the lock file (`make lock`), then the app itself.
$(STAMP): pyproject.toml requirements/linux-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/linux-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Re-resolve the lock files from pyproject.toml's ranges for Linux and Windows x86_64
# (CPython 3.11+): the app alone (what the installers ship) and the app with the test
# and build tools (what `make venv` and the Windows CI install). Existing pins are kept
# unless pyproject.toml needs others; `make lock LOCK_ARGS=--upgrade` takes the newest.
LOCK = $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--custom-compile-command "make lock" $(LOCK_ARGS)
lock: venv
	$(LOCK) --python-platform x86_64-manylinux_2_34 pyproject.toml -o requirements/linux.txt
	$(LOCK) --python-platform x86_64-manylinux_2_34 pyproject.toml --extra test --extra dist \
		-c requirements/linux.txt -o requirements/linux-dev.txt
	$(LOCK) --python-platform x86_64-pc-windows-msvc pyproject.toml -o requirements/windows.txt
	$(LOCK) --python-platform x86_64-pc-windows-msvc pyproject.toml --extra test --extra dist \
		-c requirements/windows.txt -o requirements/windows-dev.txt

# The Linux installer: the PyInstaller bundle (packaging/sothidua.spec, build/dist/sothidua/)
# wrapped as dist/sothidua_<version>_amd64.deb. The Windows one: packaging/README.md.
dist: venv
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath build/dist \
		--workpath build/pyinstaller packaging/sothidua.spec
	$(BIN)/python packaging/build_deb.py build/dist/sothidua --out dist

# Builds the .deb, unpacks it into a temporary root and runs the installed copy with a clean
# environment (several minutes, so `make test` leaves it out).
test-dist: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m dist tests/test_dist.py

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
