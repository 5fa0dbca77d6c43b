"""``thidua check``: is the data file sound?"""
from __future__ import annotations

import sqlite3

from desktop.records import blobs
from desktop.errors import explain_sqlite_error


def check(store) -> list[str]:
    """Return the problems found (an empty list means the file is sound).

    A damaged file makes SQLite raise instead of answering; that is reported
    as a problem too, so the check always ends with its findings.
    """
    problems: list[str] = []
    try:
        result = [r[0] for r in store.conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        result = [str(exc)]
    if result != ["ok"]:
        problems += [f"Cấu trúc tệp SQLite hỏng: {line}" for line in result]
    try:
        for table, rowid, parent, _ in store.conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"Bản ghi {rowid} của bảng {table} trỏ tới một bản ghi không còn trong bảng {parent}.")
    except sqlite3.DatabaseError as exc:
        problems.append(f"Không kiểm tra được liên kết giữa các bảng: {explain_sqlite_error(exc)}")
    try:
        store.conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    except Exception as exc:  # noqa: BLE001 - any failure here is a finding to report
        problems.append("Chỉ mục tìm kiếm không khớp dữ liệu; chạy “thidua check --repair” để dựng lại.")
    try:
        problems += blobs.verify(store)
    except sqlite3.DatabaseError as exc:
        problems.append(f"Không đọc được hết các tệp minh chứng: {explain_sqlite_error(exc)}")
    return problems
