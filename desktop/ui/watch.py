"""Noticing changes another program made to the data file (a command-line import while the window is open).

SQLite's ``PRAGMA data_version`` changes on a connection whenever another
connection has committed to the file since it last asked; polling it every
few seconds costs nothing, and the window then reloads its pages instead of
showing stale rows.
"""
from __future__ import annotations

import sqlite3

from desktop.ui.qt import QObject, QTimer, Signal

INTERVAL_MS = 2000


class ExternalChanges(QObject):
    """Emits ``changed`` when someone else committed to the store's file."""

    changed = Signal()

    def __init__(self, store, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.store = store
        self._version = self._read()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _read(self) -> int | None:
        conn = getattr(self.store, "conn", None)
        if conn is None:
            return None
        try:
            return int(conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def check(self) -> bool:
        """Emit ``changed`` (and return ``True``) when the file changed since the last check."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True
