"""Which deadline reminders the clerk dismissed today (kept in the window's settings, per data file).

A dismissed reminder stays closed for the rest of that day, also after the
window is opened again; the next day (or for a deadline not dismissed) it shows again.
"""
from __future__ import annotations

import datetime as dt

from desktop.ui.qt import QSettings

DAY_KEY = "reminders/dismissed_day"
KEYS_KEY = "reminders/dismissed"


def _prefix(store) -> str:
    return f"{store.path.resolve()}|"


def dismissed(store, today: dt.date) -> set[str]:
    """The keys of the deadlines whose reminder was dismissed on ``today`` for this data file."""
    s = QSettings()
    if str(s.value(DAY_KEY, "") or "") != today.isoformat():
        return set()
    prefix = _prefix(store)
    values = s.value(KEYS_KEY, []) or []
    if isinstance(values, str):
        values = [values]
    return {v[len(prefix):] for v in values if isinstance(v, str) and v.startswith(prefix)}


def dismiss(store, keys, today: dt.date) -> None:
    """Remember that the reminders of ``keys`` were dismissed on ``today`` (an earlier day's are forgotten)."""
    s = QSettings()
    kept = []
    if str(s.value(DAY_KEY, "") or "") == today.isoformat():
        kept = s.value(KEYS_KEY, []) or []
        if isinstance(kept, str):
            kept = [kept]
    prefix = _prefix(store)
    s.setValue(DAY_KEY, today.isoformat())
    s.setValue(KEYS_KEY, list(dict.fromkeys([*kept, *(prefix + k for k in keys)])))
    s.sync()
