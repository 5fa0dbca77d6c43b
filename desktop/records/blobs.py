"""Content-addressed file storage inside the database.

A file's bytes are stored once per distinct content, keyed by their SHA-256,
and streamed in and out in chunks, never read whole into memory. Evidence
files and the source files of campaign plans both live here.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from desktop.errors import NotFound, UserError

CHUNK = 1024 * 1024
# Every column that points at a blob; a blob goes when none of them does.
REFERENCES = [("evidence", "sha256"), ("campaign", "source_sha256"), ("draft", "pdf_sha256"),
              ("draft", "docx_sha256"), ("nomination_outcome", "file_sha256"),
              ("dossier_attachment", "sha256")]


def hash_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def put_file(store, path: Path, name: str, progress: Callable[[int, int], None] | None = None) -> tuple[str, int]:
    """Store the file's bytes (if not already stored) and return (sha256, size).

    Runs inside the caller's transaction when there is one. The file is read
    twice in chunks: once to hash it, once to copy it; a file that changes in
    between is refused rather than stored under a wrong hash.
    """
    size = path.stat().st_size
    digest = hash_file(path)
    with store.transaction() as conn, open(path, "rb") as fh:
        if store.scalar("SELECT 1 FROM blob WHERE sha256 = ?", (digest,)) is not None:
            return digest, size
        cur = conn.execute("INSERT INTO blob(sha256, size, data) VALUES (?, ?, zeroblob(?))", (digest, size, size))
        check = hashlib.sha256()
        done = 0
        with conn.blobopen("blob", "data", cur.lastrowid) as blob:
            while chunk := fh.read(CHUNK):
                if done + len(chunk) > size:
                    raise UserError(f"Tệp “{name}” thay đổi trong lúc đang đọc; hãy thử lại.")
                blob.write(chunk)
                check.update(chunk)
                done += len(chunk)
                if progress:
                    progress(done, size)
        if done != size or check.hexdigest() != digest:
            raise UserError(f"Tệp “{name}” thay đổi trong lúc đang đọc; hãy thử lại.")
    return digest, size


def _rowid(store, sha256: str) -> int:
    rowid = store.scalar("SELECT rowid FROM blob WHERE sha256 = ?", (sha256,))
    if rowid is None:
        raise NotFound("Không tìm thấy nội dung tệp trong cơ sở dữ liệu.")
    return rowid


def iter_chunks(store, sha256: str) -> Iterator[bytes]:
    with store.conn.blobopen("blob", "data", _rowid(store, sha256), readonly=True) as blob:
        while chunk := blob.read(CHUNK):
            yield chunk


def open_blob(store, sha256: str) -> BinaryIO:
    """A read-only file-like object over a blob (for streaming into a package)."""
    return store.conn.blobopen("blob", "data", _rowid(store, sha256), readonly=True)  # type: ignore[return-value]


def read_bytes(store, sha256: str) -> bytes:
    return b"".join(iter_chunks(store, sha256))


def drop_if_unused(store, sha256: str) -> None:
    """Delete a blob that no evidence or campaign refers to any more."""
    refs = 0
    for table, column in REFERENCES:
        if store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)):
            refs += store.scalar(f"SELECT count(*) FROM {table} WHERE {column} = ?", (sha256,))
    if not refs:
        with store.transaction() as conn:
            conn.execute("DELETE FROM blob WHERE sha256 = ?", (sha256,))


def verify(store) -> list[str]:
    """Recompute every blob's SHA-256 and size; the problems found, in Vietnamese (empty when sound)."""
    problems = []
    for r in store.query("SELECT rowid, sha256, size FROM blob ORDER BY sha256"):
        h = hashlib.sha256()
        n = 0
        with store.conn.blobopen("blob", "data", r["rowid"], readonly=True) as blob:
            while chunk := blob.read(CHUNK):
                h.update(chunk)
                n += len(chunk)
        if h.hexdigest() != r["sha256"] or n != r["size"]:
            names = [x["file_name"] for x in store.query("SELECT file_name FROM evidence WHERE sha256 = ?", (r["sha256"],))]
            problems.append(
                f"Tệp minh chứng {', '.join(names) or r['sha256'][:12]} bị hỏng: nội dung không khớp mã băm SHA-256 đã lưu."
            )
    return problems
