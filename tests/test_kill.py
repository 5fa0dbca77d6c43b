"""kill -9 in the middle of a real import (issue 15): the file stays sound, and an import is all or nothing."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.records import check
from desktop.store import Store

ROOT = Path(__file__).resolve().parent.parent
ROWS = 1500
CYCLES = 5
DELAYS = [0, 0.05, 0.2, 0, 1.0]  # seconds after the first write

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")


def people_workbook(path: Path, cycle: int) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Cá nhân")
    ws.append(["Họ và tên", "Ngày sinh"])
    for i in range(ROWS):
        ws.append([f"Trần Văn Lần{cycle} Số{i:05d}", f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40}"])
    wb.save(path)
    return path


def wal_size(db: Path) -> int:
    try:
        return os.path.getsize(str(db) + "-wal")
    except OSError:
        return 0


def test_an_import_killed_mid_write_leaves_all_or_nothing(tmp_path):
    db = tmp_path / "so.sqlite"
    with Store(db):
        pass
    (tmp_path / "tmp").mkdir()  # the app cleans its stale temporary folders at start: not the shared /tmp
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp_path / "tmp"))
    killed_mid_write = 0
    outcomes: list[int] = []
    for cycle in range(CYCLES):
        book = people_workbook(tmp_path / f"ds-{cycle}.xlsx", cycle)
        before = wal_size(db)
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), "import", "people", str(book)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        # Kill the moment the import starts writing its transaction into the WAL.
        while proc.poll() is None and wal_size(db) <= before and time.monotonic() < deadline:
            time.sleep(0.002)
        # Then at once, or a little later (later in the transaction, or after its commit).
        time.sleep(DELAYS[cycle % len(DELAYS)])
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed_mid_write += 1
        proc.wait()
        with Store(db) as store:
            assert check.check(store) == []
            mine = store.scalar("SELECT count(*) FROM person WHERE full_name LIKE ?", (f"Trần Văn Lần{cycle} %",))
            assert mine in (0, ROWS), f"cycle {cycle}: {mine} of {ROWS} rows saved"
            outcomes.append(mine)
            assert store.scalar("SELECT count(*) FROM person") % ROWS == 0
            # The audit trail is all or nothing too: one entry per saved row.
            logged = store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'person'")
            assert logged == store.scalar("SELECT count(*) FROM person")
    assert killed_mid_write >= CYCLES // 2, "the imports finished before they could be killed"
    assert 0 in outcomes, outcomes  # at least one import was cut off and left nothing
