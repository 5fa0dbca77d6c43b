"""Temporary folders and files (issue 15): private, removed when their work ends, and after a kill at the next start."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from desktop.store import Store

from desktop.demo import unit as demo
from desktop.records import evidence
from desktop.files import clean_stale_parts, clean_stale_temp, part_path, temp_prefix

ROOT = Path(__file__).resolve().parent.parent


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_folders_of_dead_or_old_owners_are_removed(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead, alive, me = dead_pid(), sleeper.pid, os.getpid()
        made = {}
        for name in (f"thidua-goi-{dead}-a1", f"thidua-demo-{alive}-b2", f"thidua-final-{me}-c3",
                     f"thidua-xem-truoc-{alive}-d4", "thidua-xem-e5", "thidua-in-f6", "khac-thidua-goi-1-x"):
            made[name] = tmp_path / name
            made[name].mkdir()
            (made[name] / "to-trinh.pdf").write_bytes(b"%PDF")
        (tmp_path / f"thidua-goi-{dead}-tep").write_bytes(b"a file, not a folder")
        # "Now" is the file system's clock (the suite also runs under faketime, which moves only Python's).
        now = made["thidua-xem-e5"].stat().st_mtime
        two_days_ago = now - 48 * 3600
        for name in (f"thidua-xem-truoc-{alive}-d4", "thidua-in-f6"):
            os.utime(made[name], (two_days_ago, two_days_ago))
        removed = clean_stale_temp(tmp_path, now=now)
        # Dead owner: gone. Live owner: kept however old. No owner in the name: by age.
        assert sorted(p.name for p in removed) == sorted([f"thidua-goi-{dead}-a1", "thidua-in-f6"])
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [f"thidua-demo-{alive}-b2", f"thidua-final-{me}-c3", f"thidua-xem-truoc-{alive}-d4", "thidua-xem-e5",
             "khac-thidua-goi-1-x", f"thidua-goi-{dead}-tep"])
    finally:
        sleeper.kill()
        sleeper.wait()


STARTS = {  # every way the app starts: the source, and the installer's command and window programs
    "python -m desktop": ["-m", "desktop"],
    "thidua.exe": [str(ROOT / "packaging" / "entry" / "thidua.py")],
    "sothidua.exe": [str(ROOT / "packaging" / "entry" / "sothidua.py")],
}


@pytest.mark.parametrize("start", STARTS)
def test_a_killed_programs_folder_is_cleaned_at_the_next_start(tmp_path, start):
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    # A program building a dossier: it made its private folder, wrote a document, and is killed -9.
    worker = subprocess.Popen([sys.executable, "-c", (
        "import tempfile, time, pathlib, sys\n"
        "from desktop.files import temp_prefix\n"
        "d = pathlib.Path(tempfile.mkdtemp(prefix=temp_prefix('thidua-goi-')))\n"
        "(d / 'To trinh.pdf').write_bytes(b'%PDF chua ky')\n"
        "print(d, flush=True)\n"
        "time.sleep(120)\n")], env=env, stdout=subprocess.PIPE, text=True)
    folder = Path(worker.stdout.readline().strip())
    assert folder.is_dir() and folder.parent == tmp_path / "tmp"
    assert folder.stat().st_mode & 0o777 == 0o700  # owner-only: unsigned dossier documents
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    assert folder.exists()
    # The next start of the app (any command) removes it.
    Store(tmp_path / "so.sqlite").close()
    done = subprocess.run([sys.executable, *STARTS[start], "--db", str(tmp_path / "so.sqlite"), "info"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not folder.exists()


def test_temporary_names_carry_the_owner_and_files_are_private(tmp_path):
    assert temp_prefix("thidua-goi-") == f"thidua-goi-{os.getpid()}-"
    with pytest.raises(ValueError):
        temp_prefix("khac-")
    part = part_path(tmp_path / "goi.asice")
    assert part.name.startswith(".goi.asice.") and part.name.endswith(".part")
    assert part.stat().st_mode & 0o777 == 0o600


def test_stale_part_files_are_removed_fresh_ones_kept(tmp_path):
    old = tmp_path / ".so.sqlite.abc.part"
    old_wal = tmp_path / ".so.sqlite.abc.part-wal"
    fresh = tmp_path / ".goi.asice.def.part"
    mine = tmp_path / "ghi-chu.part"  # not one of ours (no leading dot)
    for p in (old, old_wal, fresh, mine):
        p.write_bytes(b"x")
    now = fresh.stat().st_mtime  # the file system's clock, not Python's (faketime)
    for p in (old, old_wal, mine):
        os.utime(p, (now - 7200, now - 7200))
    assert sorted(p.name for p in clean_stale_parts(tmp_path, now=now)) == sorted([old.name, old_wal.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, mine.name])


def test_a_failed_demo_leaves_no_temporary_folder(store, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    calls = []

    def attach_then_fail(store_, aid, path, *a, **k):
        calls.append(path)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(evidence, "attach", attach_then_fail)
    with pytest.raises(Exception):
        demo.fill(store, seed=1)
    assert calls and calls[0].parent.name.startswith(f"thidua-demo-{os.getpid()}-")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("thidua-")]
