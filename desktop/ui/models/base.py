"""The common shape of the app's table models: a list of rows, a key per column, translated headers."""
from __future__ import annotations

from collections.abc import Sequence

from desktop.ui.qt import QAbstractTableModel, QModelIndex, Qt


class RowsTableModel(QAbstractTableModel):
    """A flat table over ``self._rows`` with one column per entry of ``KEYS``.

    Subclasses set ``KEYS`` (on the class, or on the instance when the columns
    depend on the data), ``self.headers`` (same length) and ``self._rows`` (an
    attribute or a property) and implement ``data``; counting rows and columns
    and the horizontal header (its text, and the same text as its tool tip for
    a column too narrow to show it) are here.

    ``WIDE`` names the columns that hold names, award names, titles and other
    running text: the table views give them the width
    (:func:`desktop.ui.widgets.setup_table`), the other columns are sized to
    what they hold.
    """

    KEYS: Sequence[str] = ()
    WIDE: Sequence[str] = ()
    ROW_NUMBERS = False     # the vertical header numbers the rows 1, 2, 3…
    _rows: list
    headers: list[str]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Vertical:
            return str(section + 1) if self.ROW_NUMBERS and role == Qt.DisplayRole else None
        if not 0 <= section < len(self.headers):
            return None
        if role == Qt.DisplayRole:
            return self.headers[section]
        if role == Qt.ToolTipRole:
            return self.header_tip(section)
        return None

    def header_tip(self, section: int) -> str | None:
        """The tool tip of a column's header: its whole caption, unless a subclass says more."""
        return self.headers[section] or None

    def key(self, column: int) -> str:
        """The key of a column (``"name"``, ``"award"``…)."""
        return self.KEYS[column]

    def wide_columns(self) -> list[int]:
        """The columns that get the width (see ``WIDE``)."""
        return [i for i, key in enumerate(self.KEYS) if key in self.WIDE]
