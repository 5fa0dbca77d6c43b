"""Noticing changes another program made to the data file (a command-line import while the window is open).

SQLite's ``PRAGMA data_version`` changes on a connection whenever another
connection has committed to the file since it last asked; polling it every
few seconds costs nothing, and the window then reloads its pages instead of
showing stale rows.

The window's own operations off the GUI thread commit through a connection of
their own too (and checkpoint the file when they close it), so they would look
like someone else's. They are not: they announce what they changed themselves.
While one runs the watchers of that file wait (:func:`own_work_started`);
when it ends (:func:`own_work_done`) they take the file as it now is.
"""
from __future__ import annotations

import os
import sqlite3
import weakref

from desktop.ui.qt import QObject, QTimer, Signal

INTERVAL_MS = 2000

_WATCHERS: "weakref.WeakSet[ExternalChanges]" = weakref.WeakSet()


def own_work_started(path: str | os.PathLike[str]) -> None:
    """The window's own work on ``path`` has begun: what the file shows until it ends is its doing."""
    for watcher in list(_WATCHERS):
        if watcher.watches(path):
            watcher.own_work += 1


def own_work_done(path: str | os.PathLike[str]) -> None:
    """The window's own work on ``path`` has ended: what it committed is not someone else's change."""
    for watcher in list(_WATCHERS):
        if watcher.watches(path):
            watcher.own_work = max(0, watcher.own_work - 1)
            watcher.take_as_seen()


class ExternalChanges(QObject):
    """Emits ``changed`` when someone else committed to the store's file."""

    changed = Signal()

    def __init__(self, store, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.store = store
        self._version = self._read()
        self.own_work = 0  # the window's own operations running on this file
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        _WATCHERS.add(self)

    def watches(self, path: str | os.PathLike[str]) -> bool:
        own = getattr(self.store, "path", None)
        if own is None:
            return False
        try:
            return os.path.samefile(own, path)
        except OSError:
            return False

    def take_as_seen(self) -> None:
        """Take the file as it is now as already seen (the window's own work changed it)."""
        version = self._read()
        if version is not None:
            self._version = version

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
        if self.own_work:
            return False
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True
