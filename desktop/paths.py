"""Default locations: the user's data folder holds the database (the demo beside it in its own file),
and on Windows the settings too.

=========  ==========================================  =============================================
           data (database, evidence files)             window settings (QSettings)
=========  ==========================================  =============================================
Windows    ``%LOCALAPPDATA%\\SoThiDua``                  ``%LOCALAPPDATA%\\SoThiDua\\SoThiDua.ini``
Linux      ``~/.local/share/SoThiDua``                 ``~/.config/SoThiDua/SoThiDua.conf``
macOS      ``~/Library/Application Support/SoThiDua``  the macOS preferences (plist)
=========  ==========================================  =============================================

On Windows the *local* application data folder, never the roaming one: office PCs
on a domain copy a roaming profile to the server at every log-off, which would carry
a growing SQLite file (and its lock) back and forth. The settings go in the same
folder as an INI file rather than the registry, so that the one folder the
installer's uninstaller offers to keep or delete holds everything of the clerk's.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "SoThiDua"


def data_dir() -> Path:
    """``THIDUA_DATA_DIR`` if set, otherwise the user's data folder ``…/SoThiDua`` (not created here)."""
    env = os.environ.get("THIDUA_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        from platformdirs.windows import Windows

        return Path(Windows(APP_NAME, appauthor=False, roaming=False).user_data_dir)
    import platformdirs  # only when the data folder is looked up (not for a run given --db)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The clerk's own records: ``THIDUA_DB`` if set, otherwise ``<data folder>/sothidua.sqlite``."""
    env = os.environ.get("THIDUA_DB")
    if env:
        return Path(env)
    return data_dir() / "sothidua.sqlite"


def demo_db_path() -> Path:
    """The demo unit, never mixed with real records: ``<data folder>/demo.sqlite``."""
    return data_dir() / "demo.sqlite"


def settings_ini_root() -> Path | None:
    """Windows: the folder under which QSettings keeps ``SoThiDua\\SoThiDua.ini`` (the parent of
    :func:`data_dir`, so the file lands in the data folder). Elsewhere ``None``: Qt's native place."""
    if sys.platform == "win32":
        return data_dir().parent
    return None


def print_spool_dir() -> Path:
    """Where a PDF waits for the Windows shell's print handler, which reads it after we return."""
    return data_dir() / "in"
