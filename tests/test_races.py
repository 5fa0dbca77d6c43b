"""Two programs at once (issue 15): imports that would duplicate rows, two writers of one new file."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.errors import UserError
from desktop.excel.importer import apply, read_people
from desktop.files import OutputExists, atomic_write
from desktop.store import Store

ROOT = Path(__file__).resolve().parent.parent


def people_workbook(path: Path, n: int) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Cá nhân"
    ws.append(["Họ và tên", "Ngày sinh"])
    for i in range(n):
        ws.append([f"Nguyễn Văn Thử {i:05d}", f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40}"])
    wb.save(path)
    return path


def test_two_imports_read_before_either_saved_do_not_duplicate(tmp_path):
    db = tmp_path / "so.sqlite"
    book = people_workbook(tmp_path / "ds.xlsx", 20)
    first, second = Store(db), Store(db)  # two programs, two connections
    p1, p2 = read_people(first, book), read_people(second, book)
    assert p1.ok and p2.ok  # both checked against an empty ledger
    assert apply(first, p1) == 20
    with pytest.raises(UserError, match="dòng 2: Người này đã có trong sổ.*chưa nhập dòng nào"):
        apply(second, p2)
    assert first.scalar("SELECT count(*) FROM person") == 20


def _cli(db: Path, *args: str) -> subprocess.Popen:
    private_tmp = db.parent / "tmp"  # the app cleans its stale temporary folders at start: not the shared /tmp
    private_tmp.mkdir(exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(private_tmp))
    return subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_concurrent_import_processes_add_the_rows_once(tmp_path):
    db = tmp_path / "so.sqlite"
    with Store(db):
        pass
    n = 400
    book = people_workbook(tmp_path / "ds.xlsx", n)
    procs = [_cli(db, "import", "people", str(book)) for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    codes = sorted(r[0] for r in results)
    assert codes == [0, 2], results
    refused = next(r for r in results if r[0] == 2)
    assert "đã có trong sổ" in refused[2] or "khóa" in refused[2], refused
    with Store(db) as s:
        assert s.scalar("SELECT count(*) FROM person") == n
        assert s.scalar("SELECT count(DISTINCT full_name) FROM person") == n


def test_two_writers_of_one_new_file_exactly_one_succeeds(tmp_path):
    target = tmp_path / "ket-qua.xlsx"
    barrier = threading.Barrier(2)
    outcome: list[str] = []

    def write(text: str) -> None:
        try:
            with atomic_write(target, overwrite=False) as tmp:
                tmp.write_text(text)
                barrier.wait(timeout=10)  # both have finished writing before either publishes
            outcome.append(text)
        except OutputExists:
            outcome.append("exists")

    threads = [threading.Thread(target=write, args=(t,)) for t in ("first", "second")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcome)[0] == "exists" and len(outcome) == 2
    winner = next(o for o in outcome if o != "exists")
    assert target.read_text() == winner
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ket-qua.xlsx"]  # the loser's .part is gone


def test_exclusive_publish_without_hard_links(tmp_path, monkeypatch):
    """On a FAT USB drive (no hard links) the name is claimed with O_EXCL instead."""
    import errno

    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "a.txt"
    with atomic_write(target, overwrite=False) as tmp:
        tmp.write_text("one")
    assert target.read_text() == "one"
    with pytest.raises(OutputExists):
        with atomic_write(target, overwrite=False) as tmp:
            tmp.write_text("two")
    with atomic_write(target, overwrite=True) as tmp:
        tmp.write_text("three")
    assert target.read_text() == "three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("argv, name", [
    (["template", "people"], "mau.xlsx"),
    (["export", "ledger"], "so.xlsx"),
    (["export", "nominations", "1"], "de-nghi.xlsx"),
    (["draft", "to-trinh", "1", "--out"], "to-trinh.pdf"),
    (["draft", "to-trinh", "1", "--out"], "to-trinh.docx"),
])
def test_commands_refuse_an_existing_file_unless_told_to_overwrite(demo_path, tmp_path, capsys, argv, name):
    from desktop.commands import main as cli

    out = tmp_path / name
    out.write_bytes(b"the clerk's own file")
    capsys.readouterr()
    assert cli.main(["--db", str(demo_path), *argv, str(out)]) == 2
    assert "đã có" in capsys.readouterr().err
    assert out.read_bytes() == b"the clerk's own file"
    assert cli.main(["--db", str(demo_path), *argv, str(out), "--overwrite"]) == 0
    assert out.read_bytes() != b"the clerk's own file"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("mau.sqlite")) == [name]


def test_two_concurrent_exports_to_one_new_file(demo_path, tmp_path):
    out = tmp_path / "so.xlsx"
    procs = [_cli(demo_path, "export", "ledger", str(out)) for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    assert sorted(r[0] for r in results) == [0, 2], results
    assert "đã có" in next(r for r in results if r[0] == 2)[2]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("mau.sqlite")) == ["so.xlsx", "tmp"]
