"""A full disk (issue 15): every command fails in Vietnamese, with a non-zero status and nothing half-written.

The real test runs the commands against a small tmpfs (needs root to mount; skipped otherwise);
the others patch the failing write so that they run everywhere.
"""
from __future__ import annotations

import errno
import gc
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from desktop.records import blobs
from desktop.commands import main as cli
from desktop.files import DiskFull, atomic_write
from desktop.store import Store


def run(capsys, *argv):
    capsys.readouterr()
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_failed_in_vietnamese(code, out, err):
    assert code != 0, (out, err)
    assert err.startswith("Lỗi: ") and "đầy" in err, err
    for english in ("No space left", "Traceback", "seek of closed file", "Errno"):
        assert english not in err
    assert not out.startswith("Đã "), out  # no success printed


@pytest.fixture
def full_disk(tmp_path):
    """A 3 MB tmpfs filled to the last byte."""
    mount = tmp_path / "usb"
    mount.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root on Linux")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        with open(mount / "filler", "wb", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        assert shutil.disk_usage(mount).free < 4096
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_every_command_fails_cleanly_on_a_full_disk(full_disk, demo_path, tmp_path, capsys, monkeypatch):
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    commands = [
        ["template", "people", full_disk / "mau.xlsx"],
        ["export", "ledger", full_disk / "so.xlsx"],
        ["export", "nominations", "1", full_disk / "de-nghi.xlsx"],
        ["draft", "to-trinh", "1", "--out", full_disk / "to-trinh.pdf"],
        ["draft", "to-trinh", "1", "--out", full_disk / "to-trinh.docx"],
        ["backup", str(full_disk) + "/"],
    ]
    for argv in commands:
        assert_failed_in_vietnamese(*run(capsys, "--db", demo_path, *argv))
    assert_failed_in_vietnamese(*run(capsys, "cert", "demo", full_disk / "pki"))
    # A new data file on the full disk: demo must not say it succeeded.
    assert_failed_in_vietnamese(*run(capsys, "--db", full_disk / "moi.sqlite", "demo"))
    gc.collect()
    assert unraisable == []
    left = sorted(p.name for p in full_disk.rglob("*") if p.is_file() and p.name != "filler"
                  and not p.name.startswith("moi.sqlite"))
    assert left == [], left  # no half-written export, certificate, backup or .part file


def test_demo_on_a_full_disk_reports_failure(tmp_path, capsys, monkeypatch):
    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(blobs, "put_file", full)
    db = tmp_path / "so.sqlite"
    assert_failed_in_vietnamese(*run(capsys, "--db", db, "demo"))
    with Store(db) as s:
        assert s.counts()["evidence_files"] == 0


def test_a_write_failing_with_enospc_becomes_disk_full(tmp_path):
    target = tmp_path / "ket-qua.pdf"
    with pytest.raises(DiskFull, match="Ổ đĩa đã đầy"):
        with atomic_write(target):
            raise OSError(errno.ENOSPC, "No space left on device")
    assert list(tmp_path.iterdir()) == []
