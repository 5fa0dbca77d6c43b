"""Evidence files kept in the database as content-addressed blobs."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
from pathlib import Path

import pytest

from desktop.records import achievements as ach
from desktop.records import blobs, evidence, people
from desktop.errors import NotFound, UserError
from desktop.records.people import Person


@pytest.fixture
def aid(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    return ach.add(store, ach.Achievement(dt.date(2025, 3, 1), "Số hóa hồ sơ", person_id=pid))


@pytest.fixture
def aid2(store, aid):
    pid = store.scalar("SELECT person_id FROM achievement WHERE id = ?", (aid,))
    return ach.add(store, ach.Achievement(dt.date(2025, 4, 1), "Ký số văn bản", person_id=pid))


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def blob_count(store) -> int:
    return store.scalar("SELECT count(*) FROM blob")


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


SAMPLES = {
    "bien-ban.pdf": (b"%PDF-1.4\n" + random.Random(1).randbytes(3000) + b"\n%%EOF\n", "application/pdf"),
    "anh chup.png": (b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(2000), "image/png"),
    "Báo cáo quý 1.docx": (b"PK\x03\x04" + random.Random(3).randbytes(1500),
                           "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "ghi-chu.txt": ("Biên bản xác nhận kết quả\n".encode("utf-8"), "text/plain"),
    "khong-duoi": (random.Random(4).randbytes(100), "application/octet-stream"),
}


@pytest.mark.parametrize("name", list(SAMPLES))
def test_round_trip(store, aid, tmp_path, name):
    data, media = SAMPLES[name]
    src = write(tmp_path / name, data)
    ev = evidence.attach(store, aid, src)
    assert ev.achievement_id == aid
    assert ev.file_name == name
    assert ev.media_type == media
    assert ev.size == len(data)
    assert ev.sha256 == hashlib.sha256(data).hexdigest() == sha(src)
    assert b"".join(blobs.iter_chunks(store, ev.sha256)) == data
    out = evidence.save_copy(store, ev.id, tmp_path / f"copy-{name}")
    assert out.read_bytes() == data
    assert sha(out) == ev.sha256
    assert evidence.list_for(store, aid) == [ev]
    assert evidence.get(store, ev.id) == ev
    with blobs.open_blob(store, ev.sha256) as fh:
        assert fh.read() == data
    assert blobs.verify(store) == []


def test_file_name_given_and_cleaned(store, aid, tmp_path):
    src = write(tmp_path / "x.bin", b"abc")
    ev = evidence.attach(store, aid, src, file_name="  Xa\u0301c nha\u0323\u0302n.pdf ")
    assert ev.file_name == "Xác nhận.pdf"
    assert ev.media_type == "application/pdf"


def test_same_content_twice_is_one_blob(store, aid, aid2, tmp_path):
    a = write(tmp_path / "a.pdf", b"same bytes")
    b = write(tmp_path / "b-copy.pdf", b"same bytes")
    e1 = evidence.attach(store, aid, a)
    e2 = evidence.attach(store, aid2, b)
    e3 = evidence.attach(store, aid, a)
    assert e1.sha256 == e2.sha256 == e3.sha256
    assert len({e1.id, e2.id, e3.id}) == 3
    assert blob_count(store) == 1
    assert store.counts()["evidence_files"] == 3


def test_remove_deletes_the_blob_only_when_unreferenced(store, aid, aid2, tmp_path):
    a = write(tmp_path / "a.pdf", b"shared")
    c = write(tmp_path / "c.pdf", b"alone")
    e1 = evidence.attach(store, aid, a)
    e2 = evidence.attach(store, aid2, a)
    e3 = evidence.attach(store, aid, c)
    assert blob_count(store) == 2
    evidence.remove(store, e1.id)
    assert blob_count(store) == 2
    assert b"".join(blobs.iter_chunks(store, e2.sha256)) == b"shared"
    evidence.remove(store, e2.id)
    assert store.scalar("SELECT 1 FROM blob WHERE sha256 = ?", (e2.sha256,)) is None
    evidence.remove(store, e3.id)
    assert blob_count(store) == 0
    with pytest.raises(NotFound, match="Không tìm thấy tệp minh chứng số"):
        evidence.remove(store, e3.id)
    with pytest.raises(NotFound):
        evidence.get(store, e3.id)
    with pytest.raises(NotFound):
        b"".join(blobs.iter_chunks(store, e3.sha256))


def test_size_limit(store, aid, tmp_path):
    evidence.set_max_bytes(store, 2048)
    assert evidence.max_bytes(store) == 2048
    big = write(tmp_path / "to.pdf", b"x" * 2049)
    audit_before = store.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(UserError) as info:
        evidence.attach(store, aid, big)
    assert "“to.pdf” có dung lượng 2 KB, vượt giới hạn 2 KB" in str(info.value)
    assert blob_count(store) == 0
    assert store.counts()["evidence_files"] == 0
    assert store.scalar("SELECT count(*) FROM audit_log") == audit_before
    ok = write(tmp_path / "vua.pdf", b"x" * 2048)
    assert evidence.attach(store, aid, ok).size == 2048


def test_an_empty_file_is_refused(store, aid, tmp_path):
    empty = write(tmp_path / "quet.pdf", b"")
    with pytest.raises(UserError, match="“quet.pdf” rỗng"):
        evidence.attach(store, aid, empty)
    assert blob_count(store) == 0 and store.counts()["evidence_files"] == 0


def test_default_and_minimum_limit(store):
    assert evidence.max_bytes(store) == evidence.DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    with pytest.raises(UserError, match="từ 1 KB trở lên"):
        evidence.set_max_bytes(store, 1023)
    assert evidence.max_bytes(store) == evidence.DEFAULT_MAX_BYTES


def test_limit_message_in_megabytes(store, aid, tmp_path):
    evidence.set_max_bytes(store, 1024 * 1024)
    big = tmp_path / "lon.pdf"
    with open(big, "wb") as fh:
        fh.truncate(int(1.5 * 1024 * 1024))
    with pytest.raises(UserError, match="1,5 MB, vượt giới hạn 1,0 MB"):
        evidence.attach(store, aid, big)


def test_missing_file(store, aid, tmp_path):
    with pytest.raises(UserError, match="Không tìm thấy tệp “khong-co.pdf”"):
        evidence.attach(store, aid, tmp_path / "khong-co.pdf")
    assert blob_count(store) == 0


def test_a_folder_is_not_a_file(store, aid, tmp_path):
    (tmp_path / "thu-muc").mkdir()
    with pytest.raises(UserError, match="không phải là một tệp"):
        evidence.attach(store, aid, tmp_path / "thu-muc")


def deny_opening(monkeypatch, path, error):
    """Make opening ``path`` fail whichever way the code opens it (open, io.open, Path.open)."""
    import builtins
    import io

    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.path.abspath(file) == os.path.abspath(path):
            raise error
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(io, "open", guarded)


def test_unreadable_file(store, aid, tmp_path, monkeypatch):
    """Simulated, because root (CI) reads files whatever their mode."""
    src = write(tmp_path / "bi-khoa.pdf", b"secret")
    deny_opening(monkeypatch, src, PermissionError(13, "Permission denied"))
    with pytest.raises(UserError, match="Không có quyền đọc tệp “bi-khoa.pdf”"):
        evidence.attach(store, aid, src)
    monkeypatch.undo()
    assert blob_count(store) == 0
    assert store.counts()["evidence_files"] == 0


def test_read_error(store, aid, tmp_path, monkeypatch):
    src = write(tmp_path / "hong.pdf", b"bytes")
    deny_opening(monkeypatch, src, OSError(5, "Input/output error"))
    with pytest.raises(UserError, match="Không đọc được tệp “hong.pdf”: lỗi đọc/ghi ổ đĩa"):
        evidence.attach(store, aid, src)
    monkeypatch.undo()
    assert blob_count(store) == 0


def test_a_file_that_changes_while_read_is_never_stored_under_a_wrong_hash(store, aid, tmp_path):
    size = 3 * 1024 * 1024
    src = write(tmp_path / "dang-ghi.bin", b"a" * size)
    changed = []

    def rewrite_once(done, total):
        if not changed:  # another program saves the file while we copy it: same size, other bytes
            with open(src, "r+b") as fh:
                fh.write(b"b" * size)
            changed.append(done)

    try:
        ev = evidence.attach(store, aid, src, progress=rewrite_once)
    except UserError as exc:
        assert "thay đổi trong lúc đang đọc" in str(exc)
        assert blob_count(store) == 0
        assert store.counts()["evidence_files"] == 0
    else:
        # If it was accepted, what is stored must be one whole version under its own hash.
        stored = b"".join(blobs.iter_chunks(store, ev.sha256))
        assert stored in (b"a" * size, b"b" * size)
        assert hashlib.sha256(stored).hexdigest() == ev.sha256
    assert changed, "the file was never rewritten: the test did not test anything"
    assert blobs.verify(store) == []


def test_attach_to_a_missing_achievement(store, tmp_path):
    src = write(tmp_path / "a.pdf", b"a")
    with pytest.raises(NotFound, match="Không tìm thấy thành tích số 77"):
        evidence.attach(store, 77, src)
    assert blob_count(store) == 0


def test_save_copy_is_atomic(store, aid, tmp_path, monkeypatch):
    ev = evidence.attach(store, aid, write(tmp_path / "a.pdf", b"content"))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dest = out_dir / "ban-sao.pdf"

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(evidence.os, "replace", fail)
    with pytest.raises(UserError, match="Ổ đĩa đã đầy"):
        evidence.save_copy(store, ev.id, dest)
    assert list(out_dir.iterdir()) == []  # neither the destination nor a temporary file

    dest.write_bytes(b"old file the clerk had")
    monkeypatch.setattr(evidence.os, "replace", lambda s, d: (_ for _ in ()).throw(OSError(13, "Permission denied")))
    with pytest.raises(UserError, match="Không lưu được tệp “ban-sao.pdf”: không có quyền truy cập"):
        evidence.save_copy(store, ev.id, dest)
    assert dest.read_bytes() == b"old file the clerk had"
    assert [p.name for p in out_dir.iterdir()] == ["ban-sao.pdf"]

    monkeypatch.undo()
    evidence.save_copy(store, ev.id, dest)
    assert dest.read_bytes() == b"content"


def test_save_copy_interrupted_while_writing(store, aid, tmp_path, monkeypatch):
    ev = evidence.attach(store, aid, write(tmp_path / "a.pdf", b"content"))
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def broken(store_, sha256):
        yield b"cont"
        raise KeyboardInterrupt

    monkeypatch.setattr(blobs, "iter_chunks", broken)
    with pytest.raises(KeyboardInterrupt):
        evidence.save_copy(store, ev.id, out_dir / "b.pdf")
    assert list(out_dir.iterdir()) == []


def test_save_copy_to_a_missing_folder(store, aid, tmp_path):
    ev = evidence.attach(store, aid, write(tmp_path / "a.pdf", b"content"))
    with pytest.raises(UserError, match="Không lưu được tệp “b.pdf”: không có tệp hoặc thư mục này; hãy kiểm tra lại đường dẫn"):
        evidence.save_copy(store, ev.id, tmp_path / "khong-co" / "b.pdf")
    assert not (tmp_path / "khong-co").exists()


def test_export_for_viewing_uses_a_safe_name(store, aid, tmp_path):
    ev = evidence.attach(store, aid, write(tmp_path / "a.pdf", b"content"), file_name='Biên bản: "quý 1"?.pdf')
    (tmp_path / "xem").mkdir()
    out = evidence.export_for_viewing(store, ev.id, tmp_path / "xem")
    assert out.parent == tmp_path / "xem"
    assert out.name == "Biên bản_ _quý 1__.pdf"
    assert out.read_bytes() == b"content"


def test_a_large_file_streams_in_chunks(store, aid, tmp_path):
    size = 5 * 1024 * 1024 + 123
    data = random.Random(9).randbytes(size)
    src = write(tmp_path / "lon.bin", data)
    seen = []
    ev = evidence.attach(store, aid, src, progress=lambda done, total: seen.append((done, total)))
    assert ev.size == size
    assert ev.sha256 == hashlib.sha256(data).hexdigest()
    # Progress came chunk by chunk, never more than one chunk at a time.
    assert [d for d, _ in seen] == [min(size, (i + 1) * evidence.CHUNK) for i in range(len(seen))]
    assert seen[-1] == (size, size) and {t for _, t in seen} == {size}
    chunks = list(blobs.iter_chunks(store, ev.sha256))
    assert len(chunks) == 6 and max(map(len, chunks)) == evidence.CHUNK
    out = evidence.save_copy(store, ev.id, tmp_path / "ra.bin")
    assert os.path.getsize(out) == size and sha(out) == ev.sha256


def test_evidence_goes_with_its_achievement(store, aid, tmp_path):
    ev = evidence.attach(store, aid, write(tmp_path / "a.pdf", b"content"))
    with store.transaction() as conn:
        conn.execute("DELETE FROM achievement WHERE id = ?", (aid,))
    assert evidence.list_for(store, aid) == []
    with pytest.raises(NotFound):
        evidence.get(store, ev.id)


def test_export_for_viewing_to_a_private_temporary_folder(store, aid, tmp_path):
    import shutil

    ev = evidence.attach(store, aid, write(tmp_path / "a.pdf", b"content"), file_name="Biên bản.pdf")
    out = evidence.export_for_viewing(store, ev.id)
    try:
        assert out.name == "Biên bản.pdf"
        assert out.parent.name.startswith("thidua-xem-")
        assert out.read_bytes() == b"content"
    finally:
        shutil.rmtree(out.parent)
