"""Where the files shipped with the app live (fonts, catalogs, translations, forms)."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``resources/`` and ``forms/``.

    In a frozen build (PyInstaller) that is the bundle folder; otherwise the
    project folder beside the ``desktop`` package. ``THIDUA_ROOT`` overrides both.
    """
    env = os.environ.get("THIDUA_ROOT")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def forms_dir() -> Path:
    return app_root() / "forms"
