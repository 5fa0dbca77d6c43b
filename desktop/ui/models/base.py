"""The common shape of the app's table models: a list of rows, a key per column, translated headers."""
from __future__ import annotations

from collections.abc import Sequence

from desktop.ui.qt import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt, Signal

ID_ROLE = Qt.UserRole + 1     # the id behind a row (a record's, a campaign's…)
_VERTICAL, _DISPLAY, _TOOLTIP = Qt.Vertical, Qt.DisplayRole, Qt.ToolTipRole


class RowFinder:
    """Finding a row by the id of what it shows (a table's row, a list's item): a model says what it
    shows (:meth:`shown`) and each entry's id (:meth:`row_id`)."""

    MISSING_ROW: int | None = None      # what :meth:`row_of` gives for an id not shown

    def shown(self) -> list:  # pragma: no cover - each base says
        raise TypeError(f"{type(self).__name__} must define shown()")

    def row_id(self, entry):  # pragma: no cover - each model that finds rows by id defines it
        """The id of ``entry`` (a record's id, a nomination's…) that :meth:`row_of` looks for."""
        raise TypeError(f"{type(self).__name__} must define row_id()")

    def row_at(self, row: int):
        """The entry shown at ``row``, or ``None`` past the ends."""
        shown = self.shown()
        return shown[row] if 0 <= row < len(shown) else None

    def row_of(self, row_id) -> int | None:
        """The row whose entry has the id ``row_id``, or ``MISSING_ROW``."""
        return next((i for i, e in enumerate(self.shown()) if self.row_id(e) == row_id), self.MISSING_ROW)


class RowsTableModel(RowFinder, QAbstractTableModel):
    """A flat table over ``self._rows`` with one column per entry of ``KEYS``.

    Subclasses set ``KEYS`` (on the class, or on the instance when the columns
    depend on the data), ``self.headers`` (same length) and ``self._rows`` (an
    attribute or a property) and implement ``cell`` (or ``data``); counting rows and columns and the
    horizontal header (its text, and the same text as its tool tip for a column too narrow to show it)
    are here. A table whose cells are edited or ticked is an :class:`EditableRowsModel`.

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
        # Asked a few dozen times a paint: the Qt names are looked up once (each lookup costs microseconds).
        if orientation == _VERTICAL:
            return str(section + 1) if self.ROW_NUMBERS and role == _DISPLAY else None
        if not 0 <= section < len(self.headers):
            return None
        if role == _DISPLAY:
            return self.headers[section]
        if role == _TOOLTIP:
            return self.header_tip(section)
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], self.KEYS[index.column()], role)

    def cell(self, row, key: str, role: int):
        """What the cell of ``row`` (one of ``self._rows``) in column ``key`` holds in ``role``; a model
        that needs more than the row and the key overrides :meth:`data` instead."""
        return None

    def header_tip(self, section: int) -> str | None:
        """The tool tip of a column's header: its whole caption, unless a subclass says more."""
        return self.headers[section] or None

    def set_rows(self, rows) -> None:
        """Show ``rows`` in place of those shown (one model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def shown(self) -> list:
        return self._rows

    def key(self, column: int) -> str:
        """The key of a column (``"name"``, ``"award"``…)."""
        return self.KEYS[column]

    def wide_columns(self) -> list[int]:
        """The columns that get the width (see ``WIDE``)."""
        return [i for i, key in enumerate(self.KEYS) if key in self.WIDE]


class EditableRowsModel(RowsTableModel):
    """A :class:`RowsTableModel` some of whose cells are edited or ticked: subclasses say which in
    :meth:`column_flags`.

    Only these tables answer ``flags`` in Python: a view asks it of every cell it paints, and the
    read-only tables leave it to Qt's own (enabled, selectable).
    """

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        return flags | self.column_flags(self.KEYS[index.column()]) if index.isValid() else flags

    def column_flags(self, key: str) -> Qt.ItemFlag:
        """What the cells of column ``key`` allow besides being enabled and selected
        (``Qt.ItemIsEditable``, ``Qt.ItemIsUserCheckable``)."""
        return Qt.NoItemFlags


class CheckableRowsModel(EditableRowsModel):
    """A :class:`RowsTableModel` whose rows are ticked in a check box in the first column.

    Subclasses say which id a row has (:meth:`row_id`) and keep ``self._checked``, the set of
    ticked ids; ``checked_changed`` tells any change of the ticks.
    """

    checked_changed = Signal()
    _checked: set[int]

    def checked_ids(self) -> list[int]:
        """The ticked rows' ids, in the rows' order."""
        return [self.row_id(r) for r in self._rows if self.row_id(r) in self._checked]

    def set_all(self, checked: bool) -> None:
        self._checked = {self.row_id(r) for r in self._rows} if checked else set()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0), [Qt.CheckStateRole])
        self.checked_changed.emit()

    def check_state(self, row) -> Qt.CheckState:
        return Qt.Checked if self.row_id(row) in self._checked else Qt.Unchecked

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return Qt.ItemIsUserCheckable if key == self.KEYS[0] else Qt.NoItemFlags

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if not index.isValid() or role != Qt.CheckStateRole or index.column() != 0:
            return False
        row_id = self.row_id(self._rows[index.row()])
        if Qt.CheckState(value) == Qt.Checked:
            self._checked.add(row_id)
        else:
            self._checked.discard(row_id)
        self.dataChanged.emit(index, index, [Qt.CheckStateRole])
        self.checked_changed.emit()
        return True


class ItemsListModel(RowFinder, QAbstractListModel):
    """A list (for a combo box or a list view) over ``self._items``: counting the rows and checking
    the index are here; subclasses say what an item shows in each role (:meth:`item_data`)."""

    MISSING_ROW = -1        # as a combo box's current index: none
    _items: list

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        return self.item_data(self._items[index.row()], role)

    def item_data(self, item, role: int):
        """What ``item`` (one of ``self._items``) shows in ``role``."""
        return None

    def set_items(self, items) -> None:
        """Show ``items`` in place of those shown (one model reset)."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def shown(self) -> list:
        return self._items


class IdTextListModel(ItemsListModel):
    """A list of ``(id, text)`` pairs: the text is shown (and is its own tool tip), the id is the ``ID_ROLE``."""

    _items: list[tuple[int | None, str]]

    def row_id(self, item: tuple[int | None, str]) -> int | None:
        return item[0]

    def id_at(self, row: int) -> int | None:
        item = self.row_at(row)
        return item[0] if item is not None else None

    def item_data(self, item, role: int):
        item_id, text = item
        if role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
            return text
        if role == ID_ROLE:
            return item_id
        return None
