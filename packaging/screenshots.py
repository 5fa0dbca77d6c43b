"""Regenerate the README's screenshots of the real window from a fresh demo database.

    python packaging/screenshots.py
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"tong-quan": "overview", "ca-nhan": "people", "so-thanh-tich": "ledger", "phong-trao": "campaigns",
         "de-nghi": "nominations", "hop-xet": "meeting", "ho-so": "documents", "gui-ho-so": "send"}


def main() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        thidua = [sys.executable, "-m", "desktop", "--db", str(db)]
        subprocess.run([*thidua, "demo"], check=True, env=env, cwd=ROOT)
        for page, name in PAGES.items():
            subprocess.run([*thidua, "gui", "--screenshot", str(out / f"{name}.png"), "--page", page],
                           check=True, env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
