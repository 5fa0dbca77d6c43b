"""Default locations: the user's data folder holds the database."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SoThiDua"


def default_db_path() -> Path:
    """``THIDUA_DB`` if set, otherwise ``<user data folder>/SoThiDua/sothidua.sqlite``."""
    env = os.environ.get("THIDUA_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "sothidua.sqlite"
