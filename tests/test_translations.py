"""The window speaks Vietnamese: every UI string is translated and the compiled catalogues are fresh."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogue_is_complete_and_compiled():
    problems = load_tool().check()
    assert problems == [], "\n".join(problems)
