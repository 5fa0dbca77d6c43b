"""The common shape of the app's table models: a list of rows, a key per column, translated headers."""
from __future__ import annotations

from desktop.ui.qt import QAbstractTableModel, QModelIndex, Qt


class RowsTableModel(QAbstractTableModel):
    """A flat table over ``self._rows`` with one column per entry of ``KEYS``.

    Subclasses set ``KEYS``, ``self.headers`` (same length) and ``self._rows`` (an
    attribute or a property) and implement ``data``; counting rows and columns
    and the horizontal header are here.
    """

    KEYS: list[str] = []
    _rows: list
    headers: list[str]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None
