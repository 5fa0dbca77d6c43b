"""Backing up and restoring the unit's one data file.

Copying the ``.sqlite`` file by hand is not safe: committed records can still
sit in its ``-wal`` file, and a copy taken during a write is torn.
:func:`backup` uses SQLite's online backup API, which copies one consistent
snapshot while the window (or a command) keeps working, writes it to a
temporary file, verifies the copy (SQLite structure, foreign keys, the SHA-256
of every stored file) and only then gives it its name: the unit and the date
and time, e.g. ``SoThiDua-TTTGPL-2026-12-01-0930.sqlite``. In a backup folder
only the newest ``keep`` backups are kept.

:func:`restore` checks a backup before it touches anything (a Sổ thi đua
database, not newer than this app, sound), keeps the current file aside under
a dated name, and puts the backup in its place.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from desktop.records import check as check_mod
from desktop.records.backup_status import SETTING_LAST, SETTING_LAST_PATH
from desktop.records import unit as unit_mod
from desktop.errors import StoreError, UserError
from desktop.files import (OutputExists, clean_stale_parts, disk_error, part_path, publish, read_head, remove_quietly,
                           umask)
from desktop.progress import Progress, progress_of
from desktop.store import SCHEMA_VERSION, Store
from desktop.store.db import SQLITE_MAGIC, put_setting
from desktop.store.lock import FileLock, LockHeld
from desktop.text import fold

__all__ = ["BackupResult", "backup", "restore", "inspect", "backup_name", "prune", "record_backup", "DEFAULT_KEEP"]

DEFAULT_KEEP = 10
# The tables every Sổ thi đua database has had since its first version.
CORE_TABLES = {"setting", "unit_profile", "collective", "person", "achievement", "audit_log"}
_NAME_RE = re.compile(r"^SoThiDua-(?:.+-)?(\d{4}-\d{2}-\d{2}-\d{6})(?:-(\d+))?\.sqlite$")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    files_checked: int
    created: dt.datetime
    removed: tuple[Path, ...] = ()


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now()).replace(microsecond=0)


def _unit_tag(profile: unit_mod.UnitProfile) -> str:
    raw = profile.abbreviation or profile.name
    tag = re.sub(r"[^A-Za-z0-9]+", "-", fold(raw) if not profile.abbreviation else fold(raw).upper())
    return tag.strip("-")[:40]


def backup_name(profile: unit_mod.UnitProfile, now: dt.datetime) -> str:
    """``SoThiDua-<unit>-<YYYY-MM-DD-HHMMSS>.sqlite`` (ASCII, so any USB drive takes it)."""
    tag = _unit_tag(profile)
    stamp = now.strftime("%Y-%m-%d-%H%M%S")
    return f"SoThiDua-{tag}-{stamp}.sqlite" if tag else f"SoThiDua-{stamp}.sqlite"


def _uri(path: Path, **params: str) -> str:
    query = urllib.parse.urlencode(params)
    return f"file:{urllib.parse.quote(str(path))}?{query}"


def _source_path(source) -> Path:
    return Path(source.path if hasattr(source, "path") else source).expanduser().resolve()


def _profile_of(conn: sqlite3.Connection) -> unit_mod.UnitProfile:
    try:
        cur = conn.execute("SELECT * FROM unit_profile WHERE id = 1")
        row = cur.fetchone()
    except sqlite3.DatabaseError:
        return unit_mod.UnitProfile()
    if row is None:
        return unit_mod.UnitProfile()
    values = dict(zip([d[0] for d in cur.description], row))
    return unit_mod.UnitProfile(**{k: values.get(k, "") or "" for k in unit_mod.UnitProfile.__dataclass_fields__})


class _Reader:
    """Just enough of :class:`Store` for :func:`desktop.records.check.check` over a plain connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def query(self, sql, params=()):
        cur = self.conn.execute(sql, params)
        cols = [d[0] for d in cur.description or ()]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def scalar(self, sql, params=()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]


def _verify_copy(path: Path) -> tuple[list[str], int]:
    """Check a freshly written copy; return (problems, number of stored files checked)."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        problems = check_mod.check(_Reader(conn))
        files = conn.execute("SELECT count(*) FROM blob").fetchone()[0] if _has_table(conn, "blob") else 0
    finally:
        conn.close()
    return problems, int(files)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _target(out: Path | str | None, db: Path, profile: unit_mod.UnitProfile,
            now: dt.datetime) -> tuple[Path, bool]:
    """The backup file's path and whether it goes into a backup folder (which is pruned)."""
    if out is None:
        return db.parent / "sao-luu" / backup_name(profile, now), True
    folder_meant = str(out).endswith(("/", os.sep))
    out = Path(out).expanduser()
    if out.is_dir() or folder_meant:
        return out / backup_name(profile, now), True
    return out, False


def backup(source, out: Path | str | None = None, *, now: dt.datetime | None = None,
           keep: int | None = DEFAULT_KEEP, overwrite: bool = False,
           progress: Progress | Callable[[int, int, str], None] | None = None) -> BackupResult:
    """Write a verified copy of the database ``source`` (a :class:`Store` or a path).

    ``out`` is a file, a folder (the copy is named by :func:`backup_name` and
    only the newest ``keep`` backups stay in it) or ``None`` (the folder
    ``sao-luu`` beside the database). Safe while others read and write the
    database. Raises :class:`UserError` (nothing is left under the final name)
    when the copy cannot be written or is not sound. ``progress`` hears of each
    step; cancelled, it raises :class:`~desktop.progress.Cancelled` before the copy is saved.
    """
    report = progress_of(progress)
    db = _source_path(source)
    now = _now(now)
    if not db.is_file():
        raise StoreError(f"Không tìm thấy tệp dữ liệu {db}.")
    with open(db, "rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise StoreError(f"Tệp {db.name} không phải là tệp dữ liệu của Sổ thi đua.")
    src = sqlite3.connect(str(db), timeout=30.0, isolation_level=None)
    tmp: Path | None = None
    try:
        src.execute("PRAGMA busy_timeout = 30000")
        target, in_folder = _target(out, db, _profile_of(src), now)
        if target.resolve() == db:
            raise UserError("Không thể sao lưu đè lên chính tệp dữ liệu đang dùng; hãy chọn tệp hoặc thư mục khác.")
        if in_folder and not overwrite:
            n = 1
            base = target
            while target.exists():  # two backups in the same second
                n += 1
                target = base.with_name(f"{base.stem}-{n}{base.suffix}")
        if not overwrite and target.exists():
            raise OutputExists(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            clean_stale_parts(target.parent)  # a backup killed half-way left its .part here
            tmp = part_path(target)
            report(0, 3, "Đang chép dữ liệu…")
            dst = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                # One step: the whole snapshot is read inside one read transaction,
                # so writes made meanwhile by others are either all in or all out.
                src.backup(dst)
                # A self-contained file: no -wal companion needed to read it.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
            report(1, 3, "Đang kiểm tra bản sao lưu…")
            problems, files = _verify_copy(tmp)
            if problems:
                raise UserError("Bản sao lưu không đạt khi kiểm tra, chưa lưu: " + "; ".join(problems[:5]))
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            size = tmp.stat().st_size
            report(2, 3, "Đang lưu bản sao lưu…")
            publish(tmp, target, overwrite=overwrite)
            tmp = None
        except sqlite3.DatabaseError as exc:
            msg = str(exc).lower()
            if "full" in msg:
                raise disk_error(OSError(28, "full"), target) from exc  # type: ignore[misc]
            if "locked" in msg or "busy" in msg:
                raise StoreError(f"Tệp {db.name} đang bận ghi quá lâu; hãy thử sao lưu lại sau ít phút.") from exc
            raise StoreError(f"Không sao lưu được tệp {db.name}: {exc}") from exc
        except OSError as exc:
            raise disk_error(exc, target) or UserError(
                f"Không ghi được bản sao lưu vào {target.parent}: {exc.strerror or exc}.") from exc
    finally:
        src.close()
        if tmp is not None:
            for p in (tmp, Path(str(tmp) + "-journal")):
                remove_quietly(p)
    removed = tuple(prune(target.parent, keep)) if in_folder and keep else ()
    report.note(3, 3, "")  # saved: a cancel now comes too late
    return BackupResult(target, size, files, now, removed)


def backups_in(folder: Path) -> list[Path]:
    """The backups this app named in ``folder``, oldest first."""
    try:
        found = [p for p in Path(folder).iterdir() if p.is_file() and _NAME_RE.match(p.name)]
    except OSError:
        return []

    def key(p: Path) -> tuple[str, int]:
        m = _NAME_RE.match(p.name)
        return m.group(1), int(m.group(2) or 1)  # type: ignore[union-attr]

    return sorted(found, key=key)


def prune(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` backups named by this app in ``folder``."""
    found = backups_in(folder)
    removed = []
    for old in found[:max(len(found) - max(keep, 1), 0)]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass
    return removed


# -- the last backup, remembered in the database ----------------------------------------------------

def record_backup(store: Store, result: BackupResult) -> None:
    with store.transaction() as conn:
        for key, value in ((SETTING_LAST, result.created.isoformat(timespec="seconds")),
                           (SETTING_LAST_PATH, str(result.path))):
            put_setting(conn, key, value)


# -- restore ----------------------------------------------------------------------------------------

def inspect(path: Path | str) -> int:
    """Check that ``path`` is a Sổ thi đua database this app can open; return its schema version.

    Reads the file without changing a byte of it. Raises :class:`UserError`
    with the reason otherwise.
    """
    path = Path(path).expanduser()
    name = path.name
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp sao lưu {path}.")
    if not read_head(path, 100, f"Không đọc được tệp {name}").startswith(SQLITE_MAGIC):
        raise UserError(f"Tệp {name} không phải là bản sao lưu của Sổ thi đua (không phải cơ sở dữ liệu SQLite).")
    conn = sqlite3.connect(_uri(path.resolve(), mode="ro", immutable="1"), uri=True)
    try:
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise UserError(f"Tệp {name} bị hỏng, không dùng để khôi phục được ({exc}).") from exc
    finally:
        conn.close()
    if version < 1 or not CORE_TABLES <= tables:
        raise UserError(f"Tệp {name} là một cơ sở dữ liệu SQLite nhưng không phải của Sổ thi đua; không khôi phục.")
    if version > SCHEMA_VERSION:
        raise UserError(
            f"Tệp {name} được tạo bởi phiên bản Sổ thi đua mới hơn (lược đồ {version}, phiên bản này hiểu "
            f"đến {SCHEMA_VERSION}). Hãy cập nhật Sổ thi đua rồi khôi phục; không có gì bị thay đổi."
        )
    return version


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    kept_aside: Path | None
    files_checked: int


def restore(db_path: Path | str, backup_file: Path | str, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the database at ``db_path`` with the backup, keeping the current file aside.

    The backup is checked first (see :func:`inspect`), copied beside the
    database, opened (an older backup is brought to the current schema) and
    verified; only then is the current file renamed
    ``<name>.truoc-khoi-phuc-<date-time>.sqlite`` and the copy put in its
    place. Refused while a window has the file open.
    """
    db = Path(db_path).expanduser().resolve()
    src = Path(backup_file).expanduser()
    now = _now(now)
    inspect(src)
    if src.resolve() == db:
        raise UserError("Tệp sao lưu chính là tệp dữ liệu đang dùng; hãy chọn một bản sao lưu khác.")
    db.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(db.with_name(db.name + ".lock"))
    try:
        lock.acquire()
    except LockHeld as exc:
        raise StoreError(
            f"Tệp dữ liệu {db.name} đang được mở trong một cửa sổ Sổ thi đua. Hãy đóng cửa sổ đó rồi khôi phục."
        ) from exc
    tmp: Path | None = None
    try:
        clean_stale_parts(db.parent)
        try:
            tmp = part_path(db)
            shutil.copyfile(src, tmp)
        except OSError as exc:
            raise disk_error(exc, db) or UserError(f"Không chép được tệp sao lưu: {exc.strerror or exc}.") from exc
        try:
            with Store(tmp, create=False) as restored:
                problems = check_mod.check(restored)
                files = int(restored.scalar("SELECT count(*) FROM blob") or 0)
                restored.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                restored.conn.execute("PRAGMA journal_mode = DELETE")
        except StoreError as exc:
            raise UserError(f"Tệp {src.name} không khôi phục được: {exc}") from exc
        if problems:
            raise UserError(f"Tệp {src.name} bị hỏng, không khôi phục: " + "; ".join(problems[:5]))
        try:
            os.chmod(tmp, db.stat().st_mode & 0o777 if db.exists() else 0o666 & ~umask())
        except OSError:
            pass
        kept = _set_aside(db, now)
        os.replace(tmp, db)
        tmp = None
        return RestoreResult(db, kept, files)
    finally:
        if tmp is not None:
            for p in (tmp, *(Path(str(tmp) + s) for s in ("-wal", "-shm", "-journal"))):
                remove_quietly(p)
        lock.release()


def _set_aside(db: Path, now: dt.datetime) -> Path | None:
    """Move the current database (with any -wal of it) to a dated name; return that name."""
    if not db.exists():
        for suffix in ("-wal", "-shm"):
            stray = Path(str(db) + suffix)
            if stray.exists():
                stray.unlink()
        return None
    try:  # fold committed pages still in the -wal into the main file first
        conn = sqlite3.connect(str(db), timeout=30.0, isolation_level=None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # a damaged current file is kept aside as it is
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = db.with_name(f"{db.stem}.truoc-khoi-phuc-{stamp}{db.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = db.with_name(f"{db.stem}.truoc-khoi-phuc-{stamp}-{n}{db.suffix}")
    os.replace(db, aside)
    # A -wal left beside the new file would be replayed into it: it goes with the old file.
    for suffix in ("-wal", "-shm"):
        companion = Path(str(db) + suffix)
        if companion.exists():
            os.replace(companion, Path(str(aside) + suffix))
    return aside
