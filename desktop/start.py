"""The first start: is there anything yet, and is this file the demo?

The window asks :func:`is_first_start` before it opens the clerk's file, so
that a clerk who only wants to look at the demo never gets an empty database
of their own. The demo filler marks its file (:func:`mark_demo`), and the
window reads the mark (:func:`is_demo`) whatever the file is called.
"""
from __future__ import annotations

import os
from pathlib import Path

DEMO_SETTING = "demo"

# Tables whose rows are something a clerk entered or did. The audit log counts
# too: a file whose records were all deleted again has a history, so it is in use.
_RECORD_TABLES = ("collective", "person", "achievement", "blob", "campaign", "print_log", "audit_log")


def is_blank(store) -> bool:
    """No unit profile and no records at all: a file nobody has used yet."""
    if store.scalar("SELECT 1 FROM unit_profile WHERE name <> ''"):
        return False
    if store.scalar("SELECT 1 FROM setting WHERE key = ?", (DEMO_SETTING,)):
        return False
    return not any(store.scalar(f"SELECT 1 FROM {table} LIMIT 1") for table in _RECORD_TABLES)


def is_first_start(path: str | os.PathLike[str], store=None) -> bool:
    """True when the window should offer the ways in instead of an empty ledger.

    That is when ``path`` does not exist (nothing is created to find out), or
    when ``store``, already opened on an existing ``path``, is blank.
    """
    if not Path(path).exists():
        return True
    return store is not None and is_blank(store)


def mark_demo(conn) -> None:
    """Mark the file as the demo (inside the filler's transaction)."""
    conn.execute("INSERT INTO setting(key, value) VALUES (?, '1') "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (DEMO_SETTING,))


def is_demo(store) -> bool:
    return store.setting(DEMO_SETTING) == "1"
