"""The whole current schema in one file: tests/data/schema.sql.

A new file made by the app must have exactly that schema, so a migration that changes it shows up as a
reviewable diff of tests/data/schema.sql in the same commit. After a deliberate change, rewrite the
snapshot with ``THIDUA_UPDATE_SCHEMA=1 make test`` (or run this file with that variable) and commit it.
"""
from __future__ import annotations

import difflib
import os
import sqlite3
from pathlib import Path

from desktop.store import SCHEMA_VERSION, Store

SNAPSHOT = Path(__file__).parent / "data" / "schema.sql"


def dump_schema(path: Path) -> str:
    """Every table, index, view and trigger of ``path`` with the pragmas that belong to the schema."""
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        # Tables a virtual table (the FTS5 search index) makes for itself are not part of what we write.
        shadow = {name for _schema, name, kind, *_ in conn.execute("PRAGMA table_list") if kind == "shadow"}
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name"
        ).fetchall()
    finally:
        conn.close()
    out = [f"-- Sổ thi đua schema, version {version}, application_id {app_id:#x}",
           f"PRAGMA user_version = {version};", f"PRAGMA application_id = {app_id};", ""]
    for _type, name, sql in rows:
        if name in shadow:
            continue
        out.append(sql.strip() + ";")
        out.append("")
    return "\n".join(out)


def test_a_new_file_has_exactly_the_snapshot_schema(tmp_path):
    path = tmp_path / "moi.sqlite"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    current = dump_schema(path)
    if os.environ.get("THIDUA_UPDATE_SCHEMA"):
        SNAPSHOT.write_text(current, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), current.splitlines(),
                                          "tests/data/schema.sql", "a new file", lineterm=""))
    assert current == expected, ("the schema differs from tests/data/schema.sql; if the change is meant, "
                                 "run with THIDUA_UPDATE_SCHEMA=1 and commit the file:\n" + diff)


def test_the_snapshot_loads_into_sqlite_as_a_schema(tmp_path):
    """The snapshot is real SQL, not just text: it builds a file the app opens without migrating."""
    path = tmp_path / "tu-snapshot.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(SNAPSHOT.read_text(encoding="utf-8"))
    conn.close()
    assert dump_schema(path) == SNAPSHOT.read_text(encoding="utf-8")
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
