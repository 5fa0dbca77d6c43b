"""The SQLite file: pragmas, refusals, the single-window lock, transactions."""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys

import pytest

from desktop.records import people
from desktop.errors import StoreError, UserError
from desktop.records.people import Collective, Person
from desktop.store import SCHEMA_VERSION, Store
from desktop.store import db as db_mod
from desktop.store.schema import APPLICATION_ID


def files_beside(path):
    return sorted(p.name for p in path.parent.iterdir())


def collective_names(store):
    return [r["name"] for r in store.query("SELECT name FROM collective ORDER BY id")]


# -- opening -------------------------------------------------------------------------------------

def test_pragmas_on_a_real_file(tmp_path):
    store = Store(tmp_path / "a.sqlite")
    c = store.conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    # WAL is persistent: another program opening the file sees it too.
    other = sqlite3.connect(tmp_path / "a.sqlite")
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO person(full_name, sort_key, collective_id) VALUES ('A B', 'k', 999)")


def test_new_file_is_at_schema_version(tmp_path):
    store = Store(tmp_path / "sub" / "folder" / "new.sqlite")  # missing folders are made
    assert store.schema_version == SCHEMA_VERSION >= 1
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.counts() == {"collectives": 0, "people": 0, "achievements": 0, "archived_achievements": 0,
                              "evidence_files": 0, "audit_entries": 0}


def test_an_existing_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    assert Store(path).schema_version == SCHEMA_VERSION


def test_path_is_resolved(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = Store("relative.sqlite")
    assert store.path == (tmp_path / "relative.sqlite").resolve()
    assert store.path.is_absolute()


def test_missing_file_without_create_is_refused(tmp_path):
    path = tmp_path / "missing.sqlite"
    with pytest.raises(StoreError, match="Không tìm thấy tệp dữ liệu"):
        Store(path, create=False)
    assert not path.exists()


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="là một thư mục"):
        Store(tmp_path)


@pytest.mark.parametrize("content", [
    random.Random(7).randbytes(8192),
    "Họ và tên;Ngày sinh\nNguyễn Văn An;01/02/1980\n".encode("utf-8"),
    b"x",
    b"SQLite format 2\x00" + b"\x00" * 100,
], ids=["random-bytes", "text-file", "one-byte", "almost-magic"])
def test_a_file_that_is_not_sqlite_is_refused_and_left_unchanged(tmp_path, content):
    path = tmp_path / "data.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "không phải là tệp dữ liệu của Sổ thi đua" in str(info.value)
    assert path.read_bytes() == content
    assert files_beside(path) == ["data.sqlite"]


def test_a_corrupt_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "broken.sqlite"
    content = b"SQLite format 3\x00" + random.Random(3).randbytes(4096)
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "bị hỏng hoặc không phải tệp dữ liệu" in str(info.value)
    assert path.read_bytes() == content


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_file_from_a_newer_version_is_refused_and_left_unchanged(tmp_path, journal):
    path = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE future_thing (x)")
    conn.execute("INSERT INTO future_thing VALUES (1)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")   # a Sổ thi đua file, of a later version
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for exclusive in (False, True):
        with pytest.raises(StoreError) as info:
            Store(path, exclusive=exclusive)
        message = str(info.value)
        assert "phiên bản Sổ thi đua mới hơn" in message
        assert "999" in message and str(SCHEMA_VERSION) in message
        assert path.read_bytes() == before


def test_a_read_only_file_is_refused(tmp_path, monkeypatch):
    """Simulated with os.access, so the test also runs as root (which bypasses file modes)."""
    path = tmp_path / "ro.sqlite"
    Store(path).close()
    before = path.read_bytes()
    real_access = os.access

    def access(p, mode, *args, **kwargs):
        if mode & os.W_OK and os.fspath(p) == os.fspath(path):
            return False
        return real_access(p, mode, *args, **kwargs)

    monkeypatch.setattr(db_mod.os, "access", access)
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "chỉ cho phép đọc" in str(info.value)
    assert path.read_bytes() == before


def test_a_read_only_folder_is_refused_for_a_new_file(tmp_path, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(db_mod.os, "access", lambda p, mode, *a, **k: False if mode & os.W_OK
                        and os.fspath(p) == os.fspath(tmp_path) else real_access(p, mode, *a, **k))
    with pytest.raises(StoreError, match="Không có quyền ghi vào thư mục"):
        Store(tmp_path / "new.sqlite")
    assert not (tmp_path / "new.sqlite").exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="running as root: file modes do not stop root from writing, and os.access says so; "
                           "test_a_read_only_file_is_refused covers the check by simulating os.access")
def test_a_chmod_read_only_file_is_refused(tmp_path):
    path = tmp_path / "ro.sqlite"
    Store(path).close()
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(StoreError, match="chỉ cho phép đọc"):
            Store(path)
        assert path.read_bytes() == before
    finally:
        path.chmod(0o644)


# -- the single-window lock ----------------------------------------------------------------------

def test_a_second_exclusive_store_is_refused(tmp_path):
    path = tmp_path / "a.sqlite"
    first = Store(path, exclusive=True)
    with pytest.raises(StoreError) as info:
        Store(path, exclusive=True)
    assert "đang được mở trong một cửa sổ Sổ thi đua khác" in str(info.value)
    # The command line (not exclusive) still reads and writes the file.
    second = Store(path)
    people.add_collective(second, Collective("Phòng Nghiệp vụ 1"))
    assert collective_names(first) == ["Phòng Nghiệp vụ 1"]
    second.close()
    first.close()
    # Closing releases the lock.
    Store(path, exclusive=True).close()


def test_a_refused_open_releases_the_lock(tmp_path):
    path = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="mới hơn"):
        Store(path, exclusive=True)
    # The lock taken before the refusal was released: the same error, not "already open".
    with pytest.raises(StoreError, match="mới hơn"):
        Store(path, exclusive=True)


def test_lock_held_by_another_process_and_freed_when_it_dies(tmp_path):
    path = tmp_path / "a.sqlite"
    Store(path).close()
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from desktop.store import Store; s = Store(sys.argv[1], exclusive=True); "
         "print('ready', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="đang được mở"):
            Store(path, exclusive=True)
    finally:
        child.kill()  # no clean release: the OS must drop the lock with the process
        child.wait()
        child.stdin.close()
        child.stdout.close()
    assert (tmp_path / "a.sqlite.lock").exists()  # a stale lock file is left ...
    Store(path, exclusive=True).close()           # ... and blocks nobody


# -- transactions ----------------------------------------------------------------------------------

class Boom(Exception):
    pass


def test_transaction_commits(store):
    with store.transaction() as conn:
        conn.execute("INSERT INTO collective(name) VALUES ('A')")
    assert not store.conn.in_transaction
    assert collective_names(store) == ["A"]


def test_transaction_rollback_leaves_nothing(store):
    audit_before = store.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(Boom):
        with store.transaction() as conn:
            conn.execute("INSERT INTO collective(name) VALUES ('A')")
            people.add_person(store, Person("Nguyễn Văn An"))
            raise Boom
    assert not store.conn.in_transaction
    assert collective_names(store) == []
    assert store.scalar("SELECT count(*) FROM person") == 0
    assert store.scalar("SELECT count(*) FROM search_fts") == 0
    assert store.scalar("SELECT count(*) FROM audit_log") == audit_before


def test_nested_transaction_rolls_back_only_its_savepoint(store):
    with store.transaction() as conn:
        conn.execute("INSERT INTO collective(name) VALUES ('outer')")
        with pytest.raises(Boom):
            with store.transaction() as inner:
                inner.execute("INSERT INTO collective(name) VALUES ('inner')")
                raise Boom
        assert store.conn.in_transaction
        conn.execute("INSERT INTO collective(name) VALUES ('after')")
    assert collective_names(store) == ["outer", "after"]


def test_failure_in_nested_transaction_rolls_back_everything_when_it_propagates(store):
    with pytest.raises(Boom):
        with store.transaction() as conn:
            conn.execute("INSERT INTO collective(name) VALUES ('outer')")
            with store.transaction() as inner:
                inner.execute("INSERT INTO collective(name) VALUES ('inner')")
                raise Boom
    assert collective_names(store) == []


def test_domain_error_inside_a_transaction_rolls_back(store):
    with pytest.raises(UserError):
        with store.transaction():
            people.add_collective(store, Collective("Phòng A"))
            people.add_person(store, Person("An"))  # one word: refused
    assert collective_names(store) == []


def test_sql_error_in_a_transaction_becomes_store_error_and_rolls_back(store):
    with pytest.raises(StoreError, match="Lỗi cơ sở dữ liệu"):
        with store.transaction() as conn:
            conn.execute("INSERT INTO collective(name) VALUES ('A')")
            conn.execute("INSERT INTO no_such_table VALUES (1)")
    assert not store.conn.in_transaction
    assert collective_names(store) == []


def test_a_locked_database_gives_a_vietnamese_error(tmp_path):
    path = tmp_path / "a.sqlite"
    store = Store(path)
    people.add_collective(store, Collective("Có sẵn"))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        store.conn.execute("PRAGMA busy_timeout = 20")
        with pytest.raises(StoreError) as info:
            people.add_collective(store, Collective("Mới"))
        assert "đang bị một chương trình khác khóa" in str(info.value)
        assert not store.conn.in_transaction
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert collective_names(store) == ["Có sẵn"]
    people.add_collective(store, Collective("Mới"))  # works once the other program lets go
    assert collective_names(store) == ["Có sẵn", "Mới"]


def test_opening_a_file_another_program_locks_gives_a_vietnamese_error(tmp_path, monkeypatch):
    path = tmp_path / "rollback-journal.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = delete")
    conn.close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("CREATE TABLE t (x)")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO t VALUES (1)")
    real_connect = sqlite3.connect
    monkeypatch.setattr(db_mod.sqlite3, "connect", lambda *a, **k: real_connect(*a, **{**k, "timeout": 0.02}))
    try:
        with pytest.raises(StoreError) as info:
            Store(path, exclusive=True)
        assert "đang bị một chương trình khác khóa" in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    monkeypatch.undo()
    # Nothing was held back by the failed open: the lock file is free again.
    Store(path, exclusive=True).close()


# -- durability ------------------------------------------------------------------------------------

def test_data_survives_close_and_reopen(tmp_path):
    path = tmp_path / "a.sqlite"
    store = Store(path)
    cid = people.add_collective(store, Collective("Phòng Nghiệp vụ 1"))
    pid = people.add_person(store, Person("Nguyễn Thị Ánh", collective_id=cid))
    store.close()
    store.close()  # closing twice is harmless
    with Store(path, create=False) as again:
        assert people.get_person(again, pid).full_name == "Nguyễn Thị Ánh"
        assert again.schema_version == SCHEMA_VERSION


def test_close_checkpoints_the_wal_into_the_main_file(tmp_path):
    path = tmp_path / "a.sqlite"
    store = Store(path)
    people.add_person(store, Person("Trần Văn Anh"))
    store.close()
    # Copy only the main file (as a clerk copying the .sqlite to a USB stick would).
    copy = tmp_path / "copy" / "a.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(path, copy)
    with Store(copy) as other:
        assert other.scalar("SELECT full_name FROM person") == "Trần Văn Anh"


def test_query_helpers(store):
    people.add_collective(store, Collective("A"))
    assert store.query("SELECT name FROM collective") == [{"name": "A"}]
    assert store.one("SELECT name FROM collective") == {"name": "A"}
    assert store.one("SELECT name FROM collective WHERE 0") is None
    assert store.scalar("SELECT name FROM collective") == "A"
    assert store.scalar("SELECT name FROM collective WHERE 0") is None


# -- messages ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sqlite_message, expected", [
    ("database is locked", "đang bị một chương trình khác khóa"),
    ("database table is locked", "đang bị một chương trình khác khóa"),
    ("file is not a database", "bị hỏng"),
    ("database disk image is malformed", "bị hỏng"),
    ("attempt to write a readonly database", "chỉ cho phép đọc"),
    ("database or disk is full", "Ổ đĩa đã đầy"),
    ("disk I/O error", "Lỗi đọc/ghi đĩa"),
    ("something else", "Lỗi cơ sở dữ liệu"),
])
def test_sqlite_errors_are_translated(store, sqlite_message, expected):
    """SQLite's English failure inside a transaction reaches the clerk as a Vietnamese StoreError."""
    with pytest.raises(StoreError) as info:
        with store.transaction() as conn:
            conn.execute("INSERT INTO collective(name) VALUES ('A')")
            raise sqlite3.OperationalError(sqlite_message)
    assert expected in str(info.value)
    assert store.scalar("SELECT count(*) FROM collective") == 0


def test_os_user(monkeypatch):
    monkeypatch.setattr(db_mod.getpass, "getuser", lambda: "can-bo-thi-dua")
    assert db_mod.os_user() == "can-bo-thi-dua"

    def fail():
        raise OSError("no user")

    monkeypatch.setattr(db_mod.getpass, "getuser", fail)
    monkeypatch.setenv("USERNAME", "nguoi-dung-windows")
    assert db_mod.os_user() == "nguoi-dung-windows"
    monkeypatch.delenv("USERNAME")
    monkeypatch.delenv("USER", raising=False)
    assert db_mod.os_user() == "?"


def test_tests_never_use_the_real_data_folder():
    from desktop.paths import default_db_path

    assert "thidua-tests-" in str(default_db_path())


# ----------------------------------------------------------------------- other programs' files


def _foreign_sqlite(path, journal="delete"):
    """A SQLite file of another program: its own tables, its own schema version."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contacts(name) VALUES ('Nguyễn Văn A')")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("create", [True, False])
def test_another_programs_sqlite_file_is_refused_and_left_byte_for_byte(tmp_path, journal, create):
    path = tmp_path / "contacts.db"
    _foreign_sqlite(path, journal)
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        Store(path, create=create)
    assert "của một chương trình khác" in str(info.value)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["contacts"]
    conn.close()


def test_a_new_file_carries_the_application_id(tmp_path):
    path = tmp_path / "new.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_an_empty_file_is_not_opened_to_read_and_stays_empty(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with pytest.raises(StoreError) as info:
        Store(path, create=False)
    assert "trống" in str(info.value)
    assert path.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite"]
    # A command meant to make a database may make it in an empty file.
    Store(path).close()
    assert path.stat().st_size > 0


def test_a_missing_file_and_folder_are_not_created_to_read(tmp_path):
    path = tmp_path / "no" / "such" / "folder" / "x.sqlite"
    with pytest.raises(StoreError) as info:
        Store(path, create=False)
    assert "Không tìm thấy tệp dữ liệu" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_the_counts_read_no_row_of_the_large_tables(store):
    """The overview's counts (and ``thidua info``) are answered from indexes (EXPLAIN QUERY PLAN): the live
    achievements are all minus the archived, not a walk over every live row to test ``archived_at``."""
    asked = []
    store.conn.set_trace_callback(asked.append)
    try:
        store.counts()
    finally:
        store.conn.set_trace_callback(None)
    steps = [step for sql in asked if sql.lstrip().upper().startswith("SELECT")
             for *_ids, step in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
    large = [s for s in steps if s.split()[1:2] in (["achievement"], ["audit_log"], ["evidence"])]
    assert len(large) >= 4, steps
    for step in large:
        # A covering index counts entries without reading rows; the archived have their own small partial index.
        assert "COVERING INDEX" in step or step.endswith("INDEX achievement_archived_date"), step
    assert list(store.counts()) == ["collectives", "people", "achievements", "archived_achievements",
                                    "evidence_files", "audit_entries"]
    assert store.counts("people", "achievements") == {"people": 0, "achievements": 0}  # the overview's, no more
