"""Evidence files kept inside the database as content-addressed blobs.

A file's bytes are stored once per distinct content, keyed by their SHA-256;
an evidence row links an achievement to a blob under the file's own name.
Files are streamed in and out in chunks, never read whole into memory, and
``thidua check`` recomputes every hash (:func:`desktop.records.blobs.verify`).
"""
from __future__ import annotations

import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from desktop.records import blobs
from desktop.errors import NotFound, UserError, os_reason
from desktop.files import atomic_write, temp_prefix
from desktop.store.db import put_setting
from desktop.text import clean

CHUNK = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SETTING_MAX_BYTES = "evidence_max_bytes"


@dataclass(frozen=True)
class Evidence:
    id: int
    achievement_id: int
    sha256: str
    file_name: str
    media_type: str
    size: int
    added_at: str


def max_bytes(store) -> int:
    value = store.setting(SETTING_MAX_BYTES)
    return int(value) if value else DEFAULT_MAX_BYTES


def set_max_bytes(store, limit: int) -> None:
    if limit < 1024:
        raise UserError("Giới hạn dung lượng tệp minh chứng phải từ 1 KB trở lên.")
    with store.transaction() as conn:
        put_setting(conn, SETTING_MAX_BYTES, str(int(limit)))


def _human(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",") if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def attach(store, achievement_id: int, path: str | os.PathLike[str], *, file_name: str | None = None,
           progress: Callable[[int, int], None] | None = None) -> Evidence:
    """Store the file at ``path`` as evidence of an achievement.

    The file is read twice in chunks: once to hash it (so identical content is
    stored once) and once to copy it into the blob. Everything happens in one
    transaction; a failure leaves the database as it was.
    """
    path = Path(path)
    name = clean(file_name or path.name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UserError(f"“{name}” không phải là một tệp.")
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy tệp “{name}”.") from None
    except PermissionError:
        raise UserError(f"Không có quyền đọc tệp “{name}”.") from None
    if size == 0:
        raise UserError(f"Tệp “{name}” rỗng (0 byte), không phải minh chứng; hãy chọn đúng tệp đã lưu nội dung.")
    limit = max_bytes(store)
    if size > limit:
        raise UserError(f"Tệp “{name}” có dung lượng {_human(size)}, vượt giới hạn {_human(limit)} cho một tệp minh chứng.")
    if store.scalar("SELECT 1 FROM achievement WHERE id = ?", (achievement_id,)) is None:
        raise NotFound(f"Không tìm thấy thành tích số {achievement_id}.")
    try:
        media = mimetypes.guess_type(name)[0] or "application/octet-stream"
        with store.transaction() as conn:
            digest, _size = blobs.put_file(store, path, name, progress)
            cur = conn.execute(
                "INSERT INTO evidence(achievement_id, sha256, file_name, media_type) VALUES (?, ?, ?, ?)",
                (achievement_id, digest, name, media),
            )
            evidence_id = cur.lastrowid
    except PermissionError:
        raise UserError(f"Không có quyền đọc tệp “{name}”.") from None
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{name}”: {os_reason(exc)}.") from None
    return get(store, evidence_id)


def get(store, evidence_id: int) -> Evidence:
    row = store.one(
        "SELECT e.*, b.size FROM evidence e JOIN blob b ON b.sha256 = e.sha256 WHERE e.id = ?", (evidence_id,))
    if row is None:
        raise NotFound(f"Không tìm thấy tệp minh chứng số {evidence_id}.")
    return _from_row(row)


def _from_row(r: dict) -> Evidence:
    return Evidence(r["id"], r["achievement_id"], r["sha256"], r["file_name"], r["media_type"], r["size"], r["added_at"])


def list_for(store, achievement_id: int) -> list[Evidence]:
    return [_from_row(r) for r in store.query(
        "SELECT e.*, b.size FROM evidence e JOIN blob b ON b.sha256 = e.sha256 "
        "WHERE e.achievement_id = ? ORDER BY e.id", (achievement_id,))]


def remove(store, evidence_id: int) -> None:
    """Unlink a file from its achievement; its blob goes when nothing else uses it."""
    with store.transaction() as conn:
        sha = store.scalar("SELECT sha256 FROM evidence WHERE id = ?", (evidence_id,))
        if sha is None:
            raise NotFound(f"Không tìm thấy tệp minh chứng số {evidence_id}.")
        conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
        blobs.drop_if_unused(store, sha)


def save_copy(store, evidence_id: int, dest: str | os.PathLike[str]) -> Path:
    """Write the file to ``dest`` (a temporary file renamed at the end)."""
    ev = get(store, evidence_id)
    dest = Path(dest)
    try:
        with atomic_write(dest) as tmp, open(tmp, "wb") as out:
            for chunk in blobs.iter_chunks(store, ev.sha256):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:  # missing or read-only folder: say so instead of a traceback
        raise UserError(f"Không lưu được tệp “{dest.name}”: {os_reason(exc)}.") from None
    return dest


def export_for_viewing(store, evidence_id: int, folder: str | os.PathLike[str] | None = None) -> Path:
    """Copy the file to a private temporary folder under its own name, for the system viewer."""
    ev = get(store, evidence_id)
    folder = Path(folder or tempfile.mkdtemp(prefix=temp_prefix("thidua-xem-")))
    safe = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in ev.file_name).strip(" .") or "tep"
    return save_copy(store, evidence_id, folder / safe)
