"""Measure what a clerk waits for, as medians over repeated runs.

    python bench/run.py [--db bench/out/large.sqlite] [--runs 7]

1. process start to window shown (``thidua gui --quit-when-shown``, a fresh process each run);
2. opening Sổ thành tích (query, model reset, first paint of the visible rows);
3. one search typed in the ledger (full-text query over folded text, model reset, paint).

The database is made by ``bench/generate.py`` on first use (500 people, 100,000
achievements). The window runs offscreen when there is no display. Targets:
window under 1.5 s, page under 300 ms, search under 50 ms.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

QUERIES = ["bao cao", "so hoa ho so", "tu van phap luat", "nguyen thi", "ky so", "luu dong xa can loc"]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def startup(db: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), "gui", "--quit-when-shown"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - t0
        proc.wait(timeout=60)
        if not line.startswith("shown"):
            raise SystemExit(f"the window did not start: {line!r}")
        times.append(elapsed)
    return times


def in_window(db: Path, runs: int) -> tuple[list[float], list[float]]:
    from desktop.store import Store
    from desktop.ui.app import configure
    from desktop.ui.main_window import MainWindow
    from desktop.ui.qt import QApplication

    app = QApplication.instance() or QApplication([])
    configure(app)
    with Store(db) as store:
        window = MainWindow(store, remember=False)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        ledger = window.pages["ledger"]
        opens, searches = [], []
        for _ in range(runs):
            window.show_page("overview")
            app.processEvents()
            t0 = time.perf_counter()
            window.show_page("ledger")
            ledger.reload()
            ledger.view.viewport().repaint()
            opens.append(time.perf_counter() - t0)
        for _ in range(runs):
            for q in QUERIES:
                ledger.search.blockSignals(True)
                ledger.search.setText(q)
                ledger.search.blockSignals(False)
                t0 = time.perf_counter()
                ledger.apply_filter()
                ledger.view.viewport().repaint()
                searches.append(time.perf_counter() - t0)
        window.close()
    return opens, searches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "large.sqlite")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.db.exists():
        from bench.generate import generate

        args.db.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {args.db} …", flush=True)
        generate(args.db)
    shown = startup(args.db, args.runs)
    opens, searches = in_window(args.db, args.runs)
    rows = [("window shown (process start)", shown, 1.5), ("open Sổ thành tích", opens, 0.3),
            ("one search (median of %d queries × %d)" % (len(QUERIES), args.runs), searches, 0.05)]
    print(f"{'measure':45s} {'median':>9s} {'max':>9s} {'target':>9s}")
    for name, values, target in rows:
        med = statistics.median(values)
        flag = "ok" if med <= target else "SLOW"
        print(f"{name:45s} {ms(med):>9s} {ms(max(values)):>9s} {ms(target):>9s}  {flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
