"""``thidua check``: finds broken evidence, dangling references, a stale index, a damaged file."""
from __future__ import annotations

import random

import pytest

from desktop.commands import main as cli
from desktop.records import people
from desktop.errors import UserError
from desktop.records.check import check
from desktop.records.people import Collective, Person
from desktop.store import Store


def first_evidence(path, raw):
    conn = raw(path)
    row = conn.execute("SELECT e.file_name, e.sha256, b.size FROM evidence e JOIN blob b USING (sha256) "
                       "ORDER BY e.id LIMIT 1").fetchone()
    conn.close()
    return row


def test_a_sound_demo_file_passes(demo_store):
    assert demo_store.counts()["evidence_files"] > 0
    assert check(demo_store) == []


def test_a_new_empty_file_passes(store):
    assert check(store) == []


@pytest.mark.parametrize("how", ["same-size", "shorter"])
def test_a_corrupted_blob_is_reported(demo_path, raw, how, capsys):
    name, sha, size = first_evidence(demo_path, raw)
    conn = raw(demo_path)
    data = conn.execute("SELECT data FROM blob WHERE sha256 = ?", (sha,)).fetchone()[0]
    bad = bytes([data[0] ^ 0xFF]) + data[1:] if how == "same-size" else data[:-10]
    conn.execute("UPDATE blob SET data = ? WHERE sha256 = ?", (bad, sha))
    conn.close()

    with Store(demo_path) as store:
        problems = check(store)
    assert len(problems) == 1
    assert name in problems[0]
    assert "bị hỏng: nội dung không khớp mã băm SHA-256 đã lưu" in problems[0]

    capsys.readouterr()
    assert cli.main(["--db", str(demo_path), "check"]) == 1
    out = capsys.readouterr().out
    assert "Phát hiện 1 vấn đề:" in out
    assert name in out


def test_every_file_sharing_a_corrupted_blob_is_named(store, tmp_path, raw):
    from desktop.records import achievements as ach
    from desktop.records import evidence

    pid = people.add_person(store, Person("Nguyễn Văn An"))
    aid = ach.add(store, ach.Achievement("01/03/2025", "Số hóa", person_id=pid))
    src = tmp_path / "a.pdf"
    src.write_bytes(b"%PDF-1.4 noi dung")
    ev = evidence.attach(store, aid, src, file_name="xac-nhan.pdf")
    evidence.attach(store, aid, src, file_name="ban-sao.pdf")
    conn = raw(store.path)
    conn.execute("UPDATE blob SET data = ? WHERE sha256 = ?", (b"%PDF-1.4 noi dunG", ev.sha256))
    conn.close()
    (problem,) = check(store)
    assert "xac-nhan.pdf" in problem and "ban-sao.pdf" in problem


def test_a_dangling_foreign_key_is_reported(demo_path, raw):
    conn = raw(demo_path)
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0
    cur = conn.execute("INSERT INTO person(full_name, sort_key, collective_id) VALUES ('Lê Văn Mồ Côi', 'k', 9999)")
    orphan = cur.lastrowid
    conn.close()
    with Store(demo_path) as store:
        problems = check(store)
    assert problems == [f"Bản ghi {orphan} của bảng person trỏ tới một bản ghi không còn trong bảng collective."]


def test_evidence_of_a_deleted_achievement_is_reported(demo_path, raw, capsys):
    conn = raw(demo_path)
    aid = conn.execute("SELECT achievement_id FROM evidence ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute("DELETE FROM achievement WHERE id = ?", (aid,))  # foreign keys off: no cascade
    conn.close()
    with Store(demo_path) as store:
        problems = check(store)
    assert problems and all("của bảng evidence trỏ tới một bản ghi không còn trong bảng achievement" in p
                            for p in problems)
    assert cli.main(["--db", str(demo_path), "check"]) == 1


def test_a_stale_search_index_is_reported(store, raw):
    people.add_person(store, Person("Nguyễn Văn An"))
    conn = raw(store.path)
    # Change the indexed text behind FTS5's back: its index no longer matches its content.
    conn.execute("UPDATE search_fts_content SET c0 = 'hoan toan khac'")
    conn.close()
    problems = check(store)
    assert len(problems) == 1
    assert problems[0].startswith("Chỉ mục tìm kiếm không khớp dữ liệu")


def test_a_damaged_index_page_is_reported(tmp_path, capsys):
    path = tmp_path / "a.sqlite"
    with Store(path) as store:
        with store.transaction():
            for i in range(300):
                people.add_person(store, Person(f"Nguyễn Văn Người{i:03d}"))
        page_size = store.scalar("PRAGMA page_size")
        root = store.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'person_sort'")
    # Scramble one index page, as a failing disk might.
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(random.Random(5).randbytes(page_size))
    with Store(path) as store:
        problems = check(store)
    assert problems and problems[0].startswith("Cấu trúc tệp SQLite hỏng")
    # The command reports it (no traceback) and fails.
    assert cli.main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "vấn đề" in out and "Cấu trúc tệp SQLite hỏng" in out


def test_cli_check_exit_codes(demo_path, tmp_path, capsys):
    assert cli.main(["--db", str(demo_path), "check"]) == 0
    assert "Tệp dữ liệu toàn vẹn" in capsys.readouterr().out
    missing = tmp_path / "khong-co.sqlite"
    assert cli.main(["--db", str(missing), "check"]) == 2
    assert "Lỗi: Không tìm thấy tệp dữ liệu" in capsys.readouterr().err
    assert not missing.exists()  # check never creates a file


def test_refused_deletes_leave_a_sound_file(store):
    cid = people.add_collective(store, Collective("Phòng A"))
    people.add_person(store, Person("Nguyễn Văn An", collective_id=cid))
    with pytest.raises(UserError):
        people.delete_collective(store, cid)
    assert check(store) == []


def test_repair_rebuilds_a_damaged_search_index(demo_path, capsys):
    import sqlite3

    from desktop.commands import main as cli
    from desktop.records import search

    conn = sqlite3.connect(demo_path)
    conn.execute("DELETE FROM search_fts WHERE rowid % 2 = 0")  # the index loses every achievement
    conn.commit()
    conn.close()
    with Store(demo_path) as store:
        assert search.search(store, "so hoa") == [] or all(h.kind == "person" for h in search.search(store, "so hoa"))
    assert cli.main(["--db", str(demo_path), "check", "--repair"]) == 0
    assert "Đã dựng lại chỉ mục tìm kiếm" in capsys.readouterr().out
    with Store(demo_path) as store:
        assert any(h.kind == "achievement" for h in search.search(store, "so hoa"))
