"""The schema's mark and version: which files this code opens, and the version it writes.

Opening a file reads these first; :mod:`desktop.store.migrations` (with every version's SQL) is
loaded only when the file is behind, so opening a current file does not pay for it.
"""
from __future__ import annotations

import sqlite3

from desktop.errors import StoreError

#: ``PRAGMA application_id`` of a Sổ thi đua file ("STDU" in ASCII). SQLite
#: tools (``file``, DB browsers) and the app itself use it to tell the app's
#: files from any other program's SQLite file.
APPLICATION_ID = 0x53544455

#: The newest ``PRAGMA user_version``: the number of migrations in
#: :data:`desktop.store.migrations.MIGRATIONS` (``tests/test_migrations.py`` checks it).
SCHEMA_VERSION = 19


def refuse_newer(conn: sqlite3.Connection, name: str) -> int:
    """Return the file's version; refuse a file written by a newer version of the app.

    :class:`~desktop.store.db.Store` calls this before it writes anything (even
    the WAL switch), so a refused file is left byte for byte as it was.
    """
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"Tệp {name} được tạo bởi phiên bản Sổ thi đua mới hơn (lược đồ {current}, "
            f"phiên bản này hiểu đến {SCHEMA_VERSION}). Hãy cập nhật Sổ thi đua rồi mở lại; "
            "tệp không bị thay đổi."
        )
    return current
