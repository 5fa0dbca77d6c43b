"""Default locations: the user's data folder holds the database, and the demo beside it in its own file."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SoThiDua"


def data_dir() -> Path:
    """``THIDUA_DATA_DIR`` if set, otherwise ``<user data folder>/SoThiDua``."""
    env = os.environ.get("THIDUA_DATA_DIR")
    if env:
        return Path(env)
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
