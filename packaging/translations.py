"""Refresh the Vietnamese catalogue from the sources and compile it.

    python packaging/translations.py          # lupdate + lrelease
    python packaging/translations.py --check  # exit 1 when the catalogue is stale or unfinished

The catalogue ``resources/translations/sothidua_vi.ts`` is the source of the
Vietnamese text of the window (edit it with Qt Linguist or by hand); the
compiled ``.qm`` beside it is what the app loads. Qt ships no Vietnamese
catalogue of its own, so the Qt strings the window shows (standard dialog
buttons, text-field menus, file dialogs) are kept by hand in ``qtbase_vi.ts``,
which lupdate does not touch.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "sothidua_vi.ts"
QM = TS.with_suffix(".qm")
QT_TS = TS.with_name("qtbase_vi.ts")
QT_QM = QT_TS.with_suffix(".qm")
SOURCES = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"pyside6-{name} not found")
    return found


def lupdate(ts: Path) -> None:
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *SOURCES, "-ts", str(ts)],
                   check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[str]:
    """Source texts of the messages that have no finished Vietnamese translation."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
                out.append(f"{name}: {msg.findtext('source')}")
    return out


def check() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copy(TS, copy)
        lupdate(copy)
        if copy.read_bytes() != TS.read_bytes():
            problems.append("the catalogue is out of date with the sources: run `make translations`")
        problems += [f"untranslated: {m}" for m in unfinished(copy)]
        problems += [f"untranslated: {m}" for m in unfinished(QT_TS)]
        for ts, qm in ((TS, QM), (QT_TS, QT_QM)):
            fresh = Path(tmp) / qm.name
            lrelease(ts, fresh)
            if not qm.exists() or fresh.read_bytes() != qm.read_bytes():
                problems.append(f"{qm.name} is stale: run `make translations`")
    return problems


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = check()
        for p in problems:
            print(p)
        return 1 if problems else 0
    lupdate(TS)
    lrelease(TS, QM)
    lrelease(QT_TS, QT_QM)
    missing = unfinished(TS) + unfinished(QT_TS)
    for m in missing:
        print(f"untranslated: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
