"""The one SQLite file: opening, pragmas, transactions and the single-writer lock.

A :class:`Store` owns one connection. It runs in WAL mode with
``synchronous=FULL`` (a committed record survives a power cut), with foreign
keys on, a busy timeout, and the schema brought to :data:`SCHEMA_VERSION` by the
forward migrations in :mod:`desktop.store.migrations`. Every write goes through
:meth:`Store.transaction`, so a failure leaves nothing half-written.
"""
from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from desktop.errors import StoreError, explain_sqlite_error, os_reason
from desktop.text import fold, word_sort_key
from desktop.store import schema
from desktop.store.lock import FileLock, LockHeld

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (some ms at every start of a command)
if TYPE_CHECKING:
    from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"


def os_user() -> str:
    """The operating-system account that makes a change (for the audit trail)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to refuse work
        return os.environ.get("USERNAME") or os.environ.get("USER") or "?"


class Store:
    """An open database file.

    ``exclusive=True`` (the window) also takes the file's lock, so a second
    window on the same file is refused with a clear message instead of two
    programs editing the same records.
    """

    def __init__(self, path: str | os.PathLike[str], *, exclusive: bool = False, create: bool = True):
        self.path = Path(path).expanduser().resolve()
        self._lock: FileLock | None = None
        _check_file(self.path, create=create)
        if exclusive:
            self._lock = FileLock(self.path.with_name(self.path.name + ".lock"))
            try:
                self._lock.acquire()
            except LockHeld as exc:
                raise StoreError(
                    f"Tệp dữ liệu {self.path.name} đang được mở trong một cửa sổ Sổ thi đua khác "
                    f"(trên máy này hoặc qua mạng). Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại."
                ) from exc
        try:
            self.conn = sqlite3.connect(
                str(self.path), timeout=5.0, isolation_level=None, check_same_thread=False
            )
            # Before any write (the WAL switch changes the file's header): another
            # program's SQLite file, an empty file opened only to read, or a file of a
            # newer version is refused and left byte for byte as it was.
            refuse_foreign(self.conn, self.path.name, create=create)
            behind = schema.refuse_newer(self.conn, self.path.name) < schema.SCHEMA_VERSION
            self._configure()
            if behind:
                from desktop.store import migrations  # every version's SQL, only for a file to bring up

                migrations.migrate(self)
        except sqlite3.DatabaseError as exc:
            self._abandon()
            raise _translate(exc, self.path) from exc
        except Exception:
            self._abandon()
            raise

    # -- life cycle -----------------------------------------------------------------

    def _configure(self) -> None:
        c = self.conn
        c.execute("PRAGMA foreign_keys = ON")
        mode = c.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(
                f"Không bật được chế độ ghi an toàn (WAL) cho tệp {self.path.name}. "
                "Hãy chép tệp vào ổ đĩa của máy (không phải ổ mạng) rồi mở lại."
            )
        c.execute("PRAGMA synchronous = FULL")
        c.execute("PRAGMA busy_timeout = 5000")
        # Temporary tables (the ledger's last search) and SQLite's own sorts stay in memory: no
        # file in the temporary folder to write, journal or find the disk full for.
        c.execute("PRAGMA temp_store = MEMORY")
        c.create_function("thidua_user", 0, os_user, deterministic=False)
        c.create_function("thidua_fold", 1, fold, deterministic=True)
        c.create_function("thidua_word_key", 1, word_sort_key, deterministic=True)

    def _abandon(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()
        if self._lock is not None:
            self._lock.release()

    def close(self) -> None:
        """Checkpoint the WAL into the main file and release the file."""
        conn = getattr(self, "conn", None)
        if conn is None:
            return
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError:
            pass
        conn.close()
        self.conn = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- access ----------------------------------------------------------------------

    @property
    def db(self):
        """The connection as a :class:`sqlite_utils.Database` (savepoints, table helpers).

        Built on first use: importing sqlite-utils takes about 100 ms, which a
        command that only reads (``thidua info``, ``search``) need not pay.
        """
        db = self.__dict__.get("_db")
        if db is None or db.conn is not self.conn:
            import sqlite_utils

            db = self.__dict__["_db"] = sqlite_utils.Database(self.conn, execute_plugins=False)
        return db

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; nested calls become savepoints.

        The outermost level takes the write lock at once (``BEGIN IMMEDIATE``),
        so a concurrent writer waits instead of failing half-way.
        """
        try:
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:  # the work or the COMMIT failed: nothing of it stays
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from exc

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        cols = [d[0] for d in cur.description or ()]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        cur = self.conn.execute(sql, params)
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row))

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def setting(self, key: str) -> str | None:
        """The value of the setting ``key`` kept in the file (:func:`put_setting`), ``None`` when it was never set."""
        return self.scalar("SELECT value FROM setting WHERE key = ?", (key,))

    def delete(self, table: str, row_id: int) -> None:
        """Delete the row ``row_id`` of ``table`` (a name from code, never from input), in a transaction of its own."""
        with self.transaction() as conn:
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))

    def counts(self, *keys: str) -> dict[str, int]:
        """Record counts shown by ``thidua info`` (all of them) and the overview page (the ``keys`` it shows)."""
        return {key: self.scalar(COUNTS[key]) for key in keys or COUNTS}


#: What :meth:`Store.counts` counts. A count of a whole table only counts the entries of its smallest
#: index, and the archived achievements have their own small partial index: the live ones are the
#: difference. Counting them directly reads every live row to test ``archived_at`` (30 against 6 ms at
#: 100,000). The audit trail only grows; the overview does not count it.
COUNTS = {
    "collectives": "SELECT count(*) FROM collective",
    "people": "SELECT count(*) FROM person",
    "achievements": "SELECT (SELECT count(*) FROM achievement)"
                    " - (SELECT count(*) FROM achievement WHERE archived_at IS NOT NULL)",
    "archived_achievements": "SELECT count(*) FROM achievement WHERE archived_at IS NOT NULL",
    "evidence_files": "SELECT count(*) FROM evidence",
    "audit_entries": "SELECT count(*) FROM audit_log",
}


#: Tables every Sổ thi đua file has had since schema version 1; a file of
#: versions 1–5 (before the application id was set) is recognised by them.
_LEDGER_TABLES = {"setting", "unit_profile", "collective", "person", "achievement", "audit_log"}


def insert_row(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], values: tuple) -> int:
    """Insert one row of ``values`` into ``columns`` (names from code, never from input); the new row's id."""
    cur = conn.execute(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values)
    return cur.lastrowid


def put_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set the setting ``key`` kept in the file to ``value`` (inside the caller's transaction)."""
    conn.execute("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, value))


def refuse_foreign(conn: sqlite3.Connection, name: str, *, create: bool) -> None:
    """Refuse a SQLite file that is not a Sổ thi đua database, before anything is written.

    A file is the app's when it carries :data:`~desktop.store.schema.APPLICATION_ID`,
    or when it is a file of an older version (schema 1–5 with the ledger's tables),
    which the migration to version 6 then marks. An empty file (no tables, version 0)
    becomes a new database only when ``create`` is true: a reading command never
    turns an empty file into a database, nor reports it as a healthy one.
    """
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id == schema.APPLICATION_ID:
        return
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id == 0 and version == 0 and not tables:
        if create:
            return
        raise StoreError(
            f"Tệp {name} trống, chưa phải là tệp dữ liệu của Sổ thi đua (không có bản ghi nào). "
            "Hãy chọn đúng tệp .sqlite của đơn vị, hoặc tạo dữ liệu bằng cửa sổ Sổ thi đua "
            "hay lệnh “thidua --db TỆP demo”."
        )
    if app_id == 0 and 1 <= version <= 5 and _LEDGER_TABLES <= tables:
        return
    raise StoreError(
        f"Tệp {name} là cơ sở dữ liệu SQLite của một chương trình khác, không phải tệp dữ liệu "
        "của Sổ thi đua; tệp không bị thay đổi. Hãy chọn đúng tệp .sqlite của đơn vị."
    )


def require_existing(path: str | os.PathLike[str]) -> Path:
    """Check, without writing or creating anything, that ``path`` is a Sổ thi đua database.

    Reading commands call this first: a missing file or folder is reported and
    nothing appears on disk; an empty or foreign file is refused untouched.
    """
    path = Path(path).expanduser().resolve()
    _check_file(path, create=False)
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc
    try:
        refuse_foreign(conn, path.name, create=False)
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc
    finally:
        conn.close()
    return path


def _check_file(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} là một thư mục, không phải tệp dữ liệu.")
    if not path.exists():
        if not create:
            raise StoreError(
                f"Không tìm thấy tệp dữ liệu {path}. Hãy kiểm tra đường dẫn sau --db. Tệp dữ liệu mới "
                "chỉ được tạo khi mở cửa sổ Sổ thi đua lần đầu, bằng “thidua --db TỆP demo” (dữ liệu mẫu) "
                "hoặc “thidua --db TỆP import people DANH-SÁCH.xlsx --create”."
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Không tạo được thư mục {path.parent}: {os_reason(exc)}.") from exc
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"Không có quyền ghi vào thư mục {path.parent}.")
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp {path.name}: {os_reason(exc)}.") from exc
    if head and head != SQLITE_MAGIC:
        raise StoreError(
            f"Tệp {path.name} không phải là tệp dữ liệu của Sổ thi đua (không phải cơ sở dữ liệu SQLite). "
            "Hãy chọn đúng tệp .sqlite của đơn vị."
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"Tệp {path.name} hoặc thư mục chứa nó chỉ cho phép đọc. Sổ thi đua cần quyền ghi để lưu "
            "thay đổi an toàn: hãy chép tệp sang thư mục của bạn hoặc bỏ thuộc tính chỉ đọc."
        )


def _translate(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    msg = str(exc).lower()
    if isinstance(exc, StoreError):
        return exc
    if "locked" in msg or "busy" in msg:
        return StoreError(
            f"Tệp {path.name} đang bị một chương trình khác khóa. Hãy chờ một lát hoặc đóng chương trình đó rồi thử lại."
        )
    if "not a database" in msg or "malformed" in msg or "encrypted" in msg:
        return StoreError(f"Tệp {path.name} bị hỏng hoặc không phải tệp dữ liệu của Sổ thi đua.")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"Tệp {path.name} chỉ cho phép đọc; không lưu được thay đổi.")
    if "disk is full" in msg or "full" in msg:
        return StoreError("Ổ đĩa đã đầy; thay đổi chưa được lưu. Hãy giải phóng dung lượng rồi thử lại.")
    if "disk i/o" in msg:
        return StoreError(f"Lỗi đọc/ghi đĩa với tệp {path.name}; thay đổi chưa được lưu.")
    return StoreError(f"Lỗi cơ sở dữ liệu với tệp {path.name}. {explain_sqlite_error(exc)}")
