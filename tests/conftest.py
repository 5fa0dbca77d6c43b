"""Shared fixtures of the test suite.

At import (before any test module or Qt is loaded) this file

* makes Qt draw off screen, so the GUI tests run without a display;
* points ``THIDUA_DB`` at a file, and ``THIDUA_DATA_DIR`` (where the demo's own
  file lives) at a folder, in a private temporary folder, so that no test, and no
  code path that falls back to a default, ever touches the clerk's real data folder.

Every :class:`~desktop.store.Store` a test opens is closed when the test ends,
even when the test fails half-way (see ``_close_every_store``).
"""
from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

# The window is tested offscreen on a 1920 x 1080 screen, the size of a clerk's office PC
# (Qt's default offscreen screen is 800 x 600, smaller than the window is meant for).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}"

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="thidua-tests-"))
# Overwrite, never setdefault: a developer's own THIDUA_DB must not be used by tests.
os.environ["THIDUA_DB"] = str(_SESSION_DIR / "mac-dinh.sqlite")
os.environ["THIDUA_DATA_DIR"] = str(_SESSION_DIR / "du-lieu")
atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)

import pytest  # noqa: E402

from desktop.store import Store  # noqa: E402
# The certificate authority, signer, token and PDF fixtures every signing test shares (one plugin).
from pki_fixtures import identity, pdf_file, pdf_maker, pki, softhsm, timestamper  # noqa: E402,F401


_QT_GARBAGE = {"may be left": False}


def pytest_runtest_setup(item):
    """Collect a window test's leftover cycles on the main thread before a test that is not one.

    Some tests start plain threads (two writers at once, two builds at once). If
    Python's cycle collector ran in such a thread it could free a Qt object a
    window test left in a reference cycle, off the GUI thread, and crash the run.
    """
    uses_qt = "qtbot" in item.fixturenames or item.get_closest_marker("gui") is not None
    if uses_qt:
        _QT_GARBAGE["may be left"] = True
    elif _QT_GARBAGE["may be left"]:
        gc.collect()
        _QT_GARBAGE["may be left"] = False


# The demo data is generated for a fixed "today", so every run sees the same ledger.
DEMO_SEED = 2025
DEMO_TODAY = dt.date(2025, 6, 30)


@pytest.fixture(autouse=True)
def _one_clock_per_test():
    """Every rule in a test sees the same "today": the clock is fixed at the test's start.

    A test that depends on the date sets it itself with ``clock.set_now(...)``; none
    reads the real date twice, so crossing midnight or a new year mid-run changes nothing.
    """
    from desktop import clock

    clock.set_now(dt.datetime.now(dt.timezone.utc))
    yield clock
    clock.set_now(None)


@pytest.fixture(autouse=True)
def _close_every_store(monkeypatch):
    """Record every Store opened during a test and close it at teardown."""
    opened: list[Store] = []
    original_init = Store.__init__

    def tracking_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        opened.append(self)

    monkeypatch.setattr(Store, "__init__", tracking_init)
    yield opened
    for store in reversed(opened):
        try:
            store.close()
        except Exception:  # noqa: BLE001 - teardown must close the others too
            pass


@pytest.fixture
def store(tmp_path) -> Store:
    """A fresh, empty database file at the current schema version."""
    s = Store(tmp_path / "so-thi-dua.sqlite")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A database filled once per session by ``desktop.demo.unit.fill``; copy it, never open it."""
    from desktop.demo import unit as demo

    path = tmp_path_factory.mktemp("demo") / "mau.sqlite"
    with Store(path) as s:
        demo.fill(s, seed=DEMO_SEED, today=DEMO_TODAY)
    # close() checkpoints the WAL, so the main file alone holds everything.
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    """A private copy of the demo database file (not opened)."""
    path = tmp_path / "mau.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_store(demo_path) -> Store:
    """A Store over a private copy of the demo database."""
    s = Store(demo_path)
    yield s
    s.close()


def raw_connect(path) -> sqlite3.Connection:
    """A plain sqlite3 connection that can fire the app's triggers.

    The audit and search triggers call two SQL functions the app registers on
    its own connections; tests that write behind the app's back need them too.
    """
    from desktop.text import fold

    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.create_function("thidua_user", 0, lambda: "kiem-thu")
    conn.create_function("thidua_fold", 1, fold, deterministic=True)
    return conn


@pytest.fixture
def raw():
    """Factory of raw sqlite3 connections (see :func:`raw_connect`), closed at teardown."""
    conns: list[sqlite3.Connection] = []

    def connect(path) -> sqlite3.Connection:
        conn = raw_connect(path)
        conns.append(conn)
        return conn

    yield connect
    for conn in conns:
        conn.close()



# -- window tests ----------------------------------------------------------------------------------

@pytest.fixture
def isolated_settings(tmp_path, qapp):
    """Window settings go to a temporary folder, never the user's; the Vietnamese catalogue is loaded.

    GUI test modules use it for every test with ``pytest.mark.usefixtures("isolated_settings")``.
    """
    from desktop.ui import app as app_mod
    from desktop.ui.qt import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    app_mod.configure(qapp)
    QSettings().clear()
    yield


@pytest.fixture
def gui_store(tmp_path):
    """A store opened the way the window opens it (holding the file's lock)."""
    store = Store(tmp_path / "gui.sqlite", exclusive=True)
    yield store
    store.close()
