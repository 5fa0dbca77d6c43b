"""Backup and restore of the data file (issue 15): consistent copies, verified, and a safe way back."""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading

import pytest
from conftest import raw_connect

from desktop.records import backup as backup_mod
from desktop.records import backup_status
from desktop.commands import main as cli
from desktop.records import unit
from desktop.errors import UserError
from desktop.files import OutputExists
from desktop.store import SCHEMA_VERSION, Store

NOW = dt.datetime(2026, 3, 9, 8, 30, 15)


def run(capsys, *argv):
    capsys.readouterr()
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def table_counts(path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' ORDER BY name")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_backup_name_has_the_unit_and_the_date():
    profile = unit.UnitProfile(name="Trung tâm Trợ giúp pháp lý", abbreviation="TTTGPL")
    assert backup_mod.backup_name(profile, NOW) == "SoThiDua-TTTGPL-2026-03-09-083015.sqlite"
    no_abbr = unit.UnitProfile(name="Trường THCS Đông Hà")
    assert backup_mod.backup_name(no_abbr, NOW) == "SoThiDua-truong-thcs-dong-ha-2026-03-09-083015.sqlite"
    assert backup_mod.backup_name(unit.UnitProfile(), NOW) == "SoThiDua-2026-03-09-083015.sqlite"


def test_backup_into_a_folder_is_a_verified_self_contained_copy(demo_store, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    result = backup_mod.backup(demo_store, folder, now=NOW)
    abbr = unit.get(demo_store).abbreviation
    assert result.path == folder / f"SoThiDua-{abbr}-2026-03-09-083015.sqlite"
    assert result.files_checked == demo_store.scalar("SELECT count(*) FROM blob") > 0
    assert table_counts(result.path) == table_counts(demo_store.path)
    conn = sqlite3.connect(result.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert sorted(p.name for p in folder.iterdir()) == [result.path.name]  # no .part left
    assert result.path.stat().st_mode & 0o777 == 0o600


def test_backup_holds_records_still_in_the_wal(tmp_path):
    db = tmp_path / "so.sqlite"
    store = Store(db)
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    unit.save(store, unit.UnitProfile(name="Đơn vị A", abbreviation="DVA"))
    assert (tmp_path / "so.sqlite-wal").stat().st_size > 0
    result = backup_mod.backup(store, tmp_path / "copy.sqlite", now=NOW)
    conn = sqlite3.connect(result.path)
    try:
        assert conn.execute("SELECT name FROM unit_profile").fetchone()[0] == "Đơn vị A"
    finally:
        conn.close()
    store.close()


def test_backup_during_concurrent_writes_is_consistent(demo_path, tmp_path):
    """A writer commits pairs of rows while backups run: every copy holds whole pairs only."""
    stop = threading.Event()
    written = []

    def writer():
        conn = raw_connect(demo_path)
        conn.execute("PRAGMA busy_timeout = 10000")
        i = 0
        try:
            while not stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO setting(key, value) VALUES (?, 'a')", (f"pair.{i}.a",))
                conn.execute("INSERT INTO setting(key, value) VALUES (?, 'b')", (f"pair.{i}.b",))
                conn.execute("COMMIT")
                i += 1
                written.append(i)
        finally:
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        results = [backup_mod.backup(demo_path, tmp_path / f"b{n}.sqlite", now=NOW) for n in range(4)]
    finally:
        stop.set()
        thread.join()
    assert written, "the writer never ran"
    for result in results:
        conn = sqlite3.connect(result.path)
        try:
            a = conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'pair.%.a'").fetchone()[0]
            b = conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'pair.%.b'").fetchone()[0]
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
        assert a == b


def test_backup_refuses_a_copy_whose_evidence_is_damaged(demo_path, tmp_path, raw):
    conn = raw(demo_path)
    rowid = conn.execute("SELECT rowid FROM blob ORDER BY rowid LIMIT 1").fetchone()[0]
    with conn.blobopen("blob", "data", rowid) as blob:
        blob.write(b"\x00" * 16)
    conn.close()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="không đạt khi kiểm tra"):
        backup_mod.backup(demo_path, out, now=NOW)
    assert list(out.iterdir()) == []


def test_backup_to_an_existing_file_is_refused_without_overwrite(demo_path, tmp_path):
    target = tmp_path / "mine.sqlite"
    target.write_bytes(b"the clerk's own file")
    with pytest.raises(OutputExists):
        backup_mod.backup(demo_path, target, now=NOW)
    assert target.read_bytes() == b"the clerk's own file"
    backup_mod.backup(demo_path, target, now=NOW, overwrite=True)
    assert table_counts(target) == table_counts(demo_path)


def test_a_folder_keeps_the_newest_backups_only(demo_path, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("not a backup")
    made = [backup_mod.backup(demo_path, folder, now=NOW + dt.timedelta(days=d), keep=3).path for d in range(5)]
    assert sorted(p.name for p in folder.iterdir()) == sorted([made[2].name, made[3].name, made[4].name, "ghi-chu.txt"])
    # Two backups in the same second get two names.
    again = backup_mod.backup(demo_path, folder, now=NOW + dt.timedelta(days=4), keep=10).path
    assert again != made[4] and again.exists() and made[4].exists()
    assert backup_mod.backups_in(folder)[-1] == again


def test_last_backup_is_remembered_and_goes_stale_after_seven_days(store, tmp_path):
    assert backup_status.last_backup(store) is None
    assert backup_status.is_overdue(store, NOW)
    result = backup_mod.backup(store, tmp_path / "b.sqlite", now=NOW)
    backup_mod.record_backup(store, result)
    assert backup_status.last_backup(store) == (NOW, str(result.path))
    assert not backup_status.is_overdue(store, NOW + dt.timedelta(days=7))
    assert backup_status.is_overdue(store, NOW + dt.timedelta(days=7, seconds=1))


# -- restore ----------------------------------------------------------------------------------------

def test_restore_puts_the_backup_back_and_keeps_the_current_file_aside(demo_path, tmp_path):
    copy = backup_mod.backup(demo_path, tmp_path / "b.sqlite", now=NOW).path
    before = table_counts(demo_path)
    with Store(demo_path) as s:
        s.conn.execute("PRAGMA wal_autocheckpoint = 0")
        unit.save(s, unit.UnitProfile(name="Sau khi sao lưu"))
        s.conn.execute("DELETE FROM setting")
    changed = table_counts(demo_path)
    result = backup_mod.restore(demo_path, copy, now=NOW)
    assert result.kept_aside == demo_path.with_name("mau.truoc-khoi-phuc-20260309-083015.sqlite")
    assert table_counts(demo_path) == before
    assert table_counts(result.kept_aside) == changed
    assert not (tmp_path / "mau.sqlite-wal").exists()
    with Store(demo_path) as s:
        assert unit.get(s).name != "Sau khi sao lưu"
    with Store(result.kept_aside) as s:
        assert unit.get(s).name == "Sau khi sao lưu"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def _refused(db, bad, match):
    original = db.read_bytes()
    with pytest.raises(UserError, match=match):
        backup_mod.restore(db, bad, now=NOW)
    assert db.read_bytes() == original
    assert not [p for p in db.parent.iterdir() if "truoc-khoi-phuc" in p.name or p.name.endswith(".part")]


def test_restore_refuses_a_foreign_file(demo_path, tmp_path):
    text = tmp_path / "thu.txt"
    text.write_text("Kính gửi ...")
    _refused(demo_path, text, "không phải là bản sao lưu")
    other = tmp_path / "khac.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE ban_hang(id INTEGER PRIMARY KEY, ten TEXT)")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    _refused(demo_path, other, "không phải của Sổ thi đua")
    _refused(demo_path, tmp_path / "khong-co.sqlite", "Không tìm thấy")


def test_restore_refuses_a_corrupted_backup(demo_path, tmp_path):
    copy = backup_mod.backup(demo_path, tmp_path / "b.sqlite", now=NOW).path
    data = bytearray(copy.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle:middle + 3 * 4096] = b"\xa5" * (3 * 4096)
    copy.write_bytes(bytes(data))
    _refused(demo_path, copy, "hỏng")


def test_restore_refuses_a_truncated_backup(demo_path, tmp_path):
    copy = backup_mod.backup(demo_path, tmp_path / "b.sqlite", now=NOW).path
    with open(copy, "r+b") as fh:
        fh.truncate(copy.stat().st_size // 3)
    _refused(demo_path, copy, "hỏng")


def test_restore_refuses_a_backup_from_a_newer_app(demo_path, tmp_path):
    copy = backup_mod.backup(demo_path, tmp_path / "b.sqlite", now=NOW).path
    conn = sqlite3.connect(copy)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    _refused(demo_path, copy, "phiên bản Sổ thi đua mới hơn")


def test_restore_is_refused_while_a_window_has_the_file_open(demo_path, tmp_path):
    copy = backup_mod.backup(demo_path, tmp_path / "b.sqlite", now=NOW).path
    window = Store(demo_path, exclusive=True)
    try:
        with pytest.raises(UserError, match="đang được mở"):
            backup_mod.restore(demo_path, copy, now=NOW)
    finally:
        window.close()
    backup_mod.restore(demo_path, copy, now=NOW)


def test_restore_into_a_missing_file(demo_path, tmp_path):
    copy = backup_mod.backup(demo_path, tmp_path / "b.sqlite", now=NOW).path
    target = tmp_path / "moi" / "so.sqlite"
    result = backup_mod.restore(target, copy, now=NOW)
    assert result.kept_aside is None
    assert table_counts(target) == table_counts(demo_path)


# -- the commands -----------------------------------------------------------------------------------

def test_backup_and_restore_commands(demo_path, tmp_path, capsys):
    code, out, err = run(capsys, "--db", demo_path, "backup", str(tmp_path / "usb") + "/")
    assert (code, err) == (0, "")
    made = list((tmp_path / "usb").iterdir())
    assert len(made) == 1 and made[0].name.startswith("SoThiDua-") and str(made[0]) in out
    with Store(demo_path) as s:
        assert backup_status.last_backup(s)[1] == str(made[0])

    code, out, err = run(capsys, "--db", demo_path, "backup", made[0])
    assert code == 2 and "đã có" in err

    code, out, err = run(capsys, "--db", demo_path, "restore", made[0])
    assert (code, err) == (0, "")
    assert "giữ lại" in out

    code, out, err = run(capsys, "--db", demo_path, "restore", tmp_path / "khong-co.sqlite")
    assert code == 2 and err.startswith("Lỗi: ")


def test_backup_command_without_a_database_does_not_create_one(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "khong-co.sqlite", "backup")
    assert code == 2 and "Không tìm thấy" in err
    assert not (tmp_path / "khong-co.sqlite").exists()


# -- the main file is complete on its own after every command that wrote ----------------------------

@pytest.mark.parametrize("command", [["demo", "--seed", "7"], ["backup"]])
def test_after_a_writing_command_the_main_file_alone_is_complete(tmp_path, capsys, command):
    db = tmp_path / "so.sqlite"
    if command[0] != "demo":
        assert run(capsys, "--db", db, "demo", "--seed", "7")[0] == 0
    code, out, err = run(capsys, "--db", db, *command)
    assert (code, err) == (0, "")
    assert not (tmp_path / "so.sqlite-wal").exists() or (tmp_path / "so.sqlite-wal").stat().st_size == 0
    alone = tmp_path / "chep-tay" / "so.sqlite"
    alone.parent.mkdir()
    shutil.copyfile(db, alone)  # what a clerk does by hand: the main file, without its -wal
    conn = sqlite3.connect(f"file:{alone}?immutable=1", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM achievement").fetchone()[0] > 0
    finally:
        conn.close()
    assert table_counts(alone) == table_counts(db)
