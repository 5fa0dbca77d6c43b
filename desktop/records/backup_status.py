"""When the data file was last backed up, and whether a backup is overdue (the overview's reminder).

It is kept in the file itself (``setting``), so that the reminder follows the file to another PC;
:func:`desktop.records.backup.record_backup` writes it. Reading it needs nothing of the backup's
copying and checking, which the window loads only when it backs up.
"""
from __future__ import annotations

import datetime as dt

from desktop.store import Store

STALE_DAYS = 7
SETTING_LAST = "backup.last_at"
SETTING_LAST_PATH = "backup.last_path"


def last_backup(store: Store) -> tuple[dt.datetime, str] | None:
    """When and where the last backup was made, or ``None`` when there never was one."""
    at = store.setting(SETTING_LAST)
    if not at:
        return None
    try:
        when = dt.datetime.fromisoformat(at)
    except ValueError:
        return None
    return when, store.setting(SETTING_LAST_PATH) or ""


def is_overdue(store: Store, now: dt.datetime) -> bool:
    """True when the last backup is older than :data:`STALE_DAYS` days (or there is none)."""
    last = last_backup(store)
    return last is None or now - last[0] > dt.timedelta(days=STALE_DAYS)
