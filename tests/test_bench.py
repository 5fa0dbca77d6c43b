"""bench/run.py runs end to end on a small database (its timings are not tested: they live in bench/)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_runs_every_row_on_a_small_database(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "small.sqlite"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(db), "--people", "20",
                    "--achievements", "500"], check=True, env=env, capture_output=True)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--db", str(db), "--runs", "1",
                           "--large-mb", "2"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| what | median | yardstick")
    rows = {line.split(" | ")[0].lstrip("| "): line.split(" | ") for line in table[1:]}
    names = list(rows)
    assert any(n.startswith("process start to window shown") for n in names)
    assert any(n.startswith("one search typed in the ledger") for n in names)
    assert any("info" in n for n in names) and any("search" in n for n in names if n.startswith("`thidua"))
    assert sum(n.startswith("`package verify`") for n in names) == 2
    assert any(n.startswith("the whole dossier") for n in names)
    for name, cells in rows.items():
        assert cells[1].endswith(("ms", " s")), (name, cells)  # every row has its own measured median
        if not name.startswith("the whole dossier"):  # LibreOffice, its yardstick, may be absent
            assert cells[4].endswith("×"), (name, cells)  # and a ratio to a yardstick measured with it
    # The database given is copied, never written in place.
    assert not (tmp_path / "small.sqlite-wal").exists()
