"""The house's layers: ``desktop/`` shows them in its folders, and no import runs back up.

Read from the source (every import, also those inside functions), so a new module lands in a layer
by the folder it sits in, and a shortcut from a lower layer to a higher one fails here, naming the
line. README "How it is built" describes the same order.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "desktop"

# From the ground up; a module may import its own layer and any layer below it.
LAYERS = [
    "ground",     # text, dates, errors, paths, resources, catalog, clock, files, formatting, numbers
    "store",      # the SQLite file: db, migrations, audit, lock
    "records",    # unit, people, achievements, evidence, blobs, search, check, backup
    "signing",    # keys, certificates, PDF signatures, trust store
    "package",    # ASiC-E build and verify
    "campaigns",  # campaigns, plans, registration, deadlines
    "council",    # nominations, meetings, award rules, outcomes, prizes, review, statistics
    "excel",      # templates, imports, exports
    "dossier",    # drafts, documents, the required list, printing, the package of a campaign
    "demo",       # the demo unit and its certificate authority
    "ui",         # the window
    "commands",   # the command line
]
ENTRY_POINTS = {"desktop.__main__"}  # starts the command line: above everything by nature


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return parts[1]
    if len(parts) > 1 and (ROOT / parts[1]).is_dir() and parts[1] not in LAYERS:
        pytest.fail(f"desktop/{parts[1]}/ is a folder that is no layer: add it to LAYERS and the README")
    return "ground"


def modules():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        yield name, path


def imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import; write it absolute"
            if node.module == "desktop":
                for alias in node.names:
                    yield node.lineno, f"desktop.{alias.name}"
            elif node.module:
                yield node.lineno, node.module


def test_no_import_runs_back_up_a_layer():
    wrong = []
    for name, path in modules():
        if name in ENTRY_POINTS:
            continue
        own = LAYERS.index(layer_of(name))
        for line, target in imports(path):
            if target.split(".")[0] != "desktop":
                continue
            if LAYERS.index(layer_of(target)) > own:
                wrong.append(f"{path.relative_to(ROOT.parent)}:{line} ({layer_of(name)}) imports {target}"
                             f" ({layer_of(target)})")
    assert not wrong, "imports that run back up a layer:\n" + "\n".join(wrong)


def test_only_the_window_imports_qt():
    qt = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
    wrong = [f"{path.relative_to(ROOT.parent)}:{line} imports {target}"
             for name, path in modules() if layer_of(name) != "ui"
             for line, target in imports(path) if target.split(".")[0] in qt]
    assert not wrong, "Qt outside desktop/ui:\n" + "\n".join(wrong)


def test_the_window_reaches_qt_through_one_module():
    """Every Qt name the window uses comes through desktop/ui/qt.py (one place to switch bindings)."""
    wrong = [f"{path.relative_to(ROOT.parent)}:{line}"
             for name, path in modules() if layer_of(name) == "ui" and name != "desktop.ui.qt"
             for line, target in imports(path) if target.split(".")[0] in ("PySide6", "shiboken6")]
    assert not wrong, "Qt imported past desktop/ui/qt.py:\n" + "\n".join(wrong)


def test_the_layer_check_catches_a_shortcut(tmp_path, monkeypatch):
    """The rule is not vacuous: a records module importing the window is reported."""
    fake = tmp_path / "desktop"
    (fake / "records").mkdir(parents=True)
    (fake / "records" / "x.py").write_text("from desktop.ui import qt\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", fake)
    with pytest.raises(AssertionError, match="records/x.py:1"):
        test_no_import_runs_back_up_a_layer()
