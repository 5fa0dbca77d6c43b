"""The audit trail: every insert, update and delete of a record, with who and when.

Triggers write the log, so no code path (the window, the command line, an
import) can change a record without leaving a line. Values are JSON objects of
the row's columns; large binary columns are left out.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from desktop.store.sql import where

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def install_triggers(
    conn: sqlite3.Connection, table: str, *, exclude: tuple[str, ...] = (), key: str = "rowid"
) -> None:
    """(Re)create the three audit triggers of ``table`` from its current columns.

    Call again after a migration adds columns to the table.
    """
    cols = [c for c in _columns(conn, table) if c not in exclude]

    def obj(alias: str) -> str:
        return "json_object(" + ", ".join(f"'{c}', {alias}.{c}" for c in cols) + ")"

    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in cols)
    for action, when, row, old, new in (
        ("insert", "", "new", "NULL", obj("new")),
        ("update", f"WHEN {changed}", "new", obj("old"), obj("new")),
        ("delete", "", "old", obj("old"), "NULL"),
    ):
        conn.execute(f"DROP TRIGGER IF EXISTS audit_{table}_{action}")
        conn.execute(
            f"""CREATE TRIGGER audit_{table}_{action} AFTER {action.upper()} ON {table} {when}
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES ({NOW}, thidua_user(), '{table}', {row}.{key}, '{action}', {old}, {new});
                END"""
        )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    os_user: str
    table_name: str
    row_id: str
    action: str
    old_values: dict[str, Any] | None
    new_values: dict[str, Any] | None


def entries(store, table: str | None = None, row_id: Any = None, limit: int = 1000) -> list[AuditEntry]:
    """Newest entries first, optionally for one table and one row."""
    clause, params = where(("table_name = ?", table), ("row_id = ?", None if row_id is None else str(row_id)))
    return [
        AuditEntry(
            id=r["id"], at=r["at"], os_user=r["os_user"], table_name=r["table_name"], row_id=r["row_id"],
            action=r["action"],
            old_values=json.loads(r["old_values"]) if r["old_values"] else None,
            new_values=json.loads(r["new_values"]) if r["new_values"] else None,
        )
        for r in store.query(f"SELECT * FROM audit_log{clause} ORDER BY id DESC LIMIT ?", [*params, limit])
    ]
