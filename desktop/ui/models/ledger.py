"""The achievements table: ids in table order, rows fetched a page at a time."""
from __future__ import annotations

from desktop.records import achievements as ach
from desktop.dates import format_date
from desktop.ui.models.base import ID_ROLE, RowsTableModel
from desktop.ui.qt import QModelIndex, QStyledItemDelegate, QStyleOptionViewItem, Qt, QTimer

PAGE = 200              # ids loaded at once: the first page of a search, then all the rest
RECORDS = 50            # records fetched at once: about a screenful of rows
CACHE_LIMIT = 5000
ARCHIVED_ROLE = Qt.UserRole + 2
NUMBERS = 4             # the columns from here on (measure, evidence) hold numbers, aligned right


class LedgerModel(RowsTableModel):
    """Achievements matching a :class:`~desktop.records.achievements.LedgerFilter`.

    The model keeps only the ordered list of ids; the rows the view draws are
    fetched a screenful at a time and cached, so opening, sorting and filtering stay fast on
    100,000 achievements. In date order (the ledger's own) a reload fetches the
    first page of ids and counts the rest; the rest comes when the view scrolls
    to the end (``fetchMore``) or something asks for a row not yet loaded.
    """

    KEYS = ["date", "subject", "title", "criterion", "measure", "evidence"]
    WIDE = ["subject", "title", "criterion"]

    def __init__(self, store, parent=None, *, limit: int | None = None, load: bool = True):
        super().__init__(parent)
        self._store = store
        self._limit = limit
        self._ids: list[int] = []
        self._total = 0
        self._exact = True
        self._cache: dict[int, dict] = {}
        self._filter = ach.LedgerFilter()
        self._sort = ("date", True)
        self.headers = [self.tr("Date"), self.tr("Person / collective"), self.tr("Achievement"),
                        self.tr("Criterion"), self.tr("Measure"), self.tr("Evidence")]
        self.loaded = False
        self._resetting = False
        if load:
            self.reload()

    # -- queries -------------------------------------------------------------------------

    @property
    def filter(self) -> ach.LedgerFilter:
        return self._filter

    def set_filter(self, flt: ach.LedgerFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    @property
    def total(self) -> int:
        """How many achievements match, loaded or not (when not :attr:`total_is_exact`, more than
        :data:`~desktop.records.achievements.COUNT_LIMIT` do, and this is one more than it)."""
        return self._total

    @property
    def total_is_exact(self) -> bool:
        return self._exact

    def reload(self) -> None:
        """Re-run the query (after a filter change, an insert or an archive)."""
        self.beginResetModel()
        if self._sort[0] == "date" and (self._limit is None or self._limit > PAGE):
            # First page now, the rest when needed (its order is the same: date, then id).
            self.loaded = True
            self._ids, self._total, self._exact = ach.first_page(self._store, self._filter, PAGE,
                                                                 descending=self._sort[1])
            if self._limit is not None and self._total >= self._limit:
                self._total, self._exact = self._limit, True
        else:
            self._ids = self._query()
            self._total, self._exact = len(self._ids), True
        self._cache.clear()
        self._end_reset()

    def _end_reset(self) -> None:
        # A view told of the reset asks for more rows at once; every other listener must hear of the
        # reset before it hears of rows inserted, so that fetch waits for the next turn of the event loop.
        self._resetting = True
        try:
            self.endResetModel()
        finally:
            self._resetting = False

    def _query(self) -> list[int]:
        self.loaded = True
        return ach.query_ids(self._store, self._filter, sort=self._sort[0], descending=self._sort[1],
                             limit=self._limit)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._ids) < self._total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        """Load the ids after the first page (the view scrolled to the end)."""
        if not self.canFetchMore(parent):
            return
        if self._resetting:
            QTimer.singleShot(0, self, self.fetchMore)
            return
        ids = self._query()
        if ids[:len(self._ids)] != self._ids:  # the records changed under us: start again
            self.beginResetModel()
            self._ids, self._total, self._exact = ids, len(ids), True
            self._cache.clear()
            self._end_reset()
            return
        self._total, self._exact = len(ids), True  # before the views hear of the rows (the count label)
        if len(ids) > len(self._ids):
            self.beginInsertRows(QModelIndex(), len(self._ids), len(ids) - 1)
            self._ids = ids
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        key = self.KEYS[column]
        if not self.loaded:  # the order is kept for when the table first loads
            self._sort = (key, order == Qt.DescendingOrder)
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[ix.row()] for ix in old]
        self._sort = (key, order == Qt.DescendingOrder)
        self._ids = self._query()
        self._total, self._exact = len(self._ids), True
        if old:
            # Keep selections and the current row on the same achievements.
            pos = {aid: row for row, aid in enumerate(self._ids)}
            self.changePersistentIndexList(old, [
                self.index(pos[aid], ix.column()) if aid in pos else QModelIndex()
                for aid, ix in zip(old_ids, old)])
        self.layoutChanged.emit()

    def refresh_row(self, achievement_id: int) -> None:
        """Redraw one edited row without resetting the table."""
        self._cache.pop(achievement_id, None)
        row = self.row_of(achievement_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, achievement_id: int) -> int | None:
        try:
            return self._ids.index(achievement_id)
        except ValueError:
            if not self.canFetchMore() or self._resetting:
                return None
        self.fetchMore()
        return self.row_of(achievement_id)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def _record(self, row: int) -> dict | None:
        aid = self._ids[row]
        rec = self._cache.get(aid)
        if rec is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = row - row % RECORDS
            self._cache.update(ach.rows(self._store, self._ids[start:start + RECORDS]))
            rec = self._cache.get(aid)
        return rec

    # -- Qt model interface ----------------------------------------------------------

    @property
    def _rows(self) -> list[int]:
        """The rows loaded so far are the ids (their records are fetched a screenful at a time)."""
        return self._ids

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        # A paint asks each visible cell for a dozen roles: the ones without an answer
        # return first, and the shown text is formatted once per row, when it is fetched.
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._ids):
            return None
        if role == _ALIGN:
            return _RIGHT if column >= NUMBERS else None
        if role == _ID:
            return self._ids[row]
        if role == _DISPLAY:
            return self.text(row, column)
        rec = self._record(row)
        if rec is None:
            return None
        if role == _TOOLTIP:
            return (rec["description"] or rec["title"]) if column == 2 else None
        return rec["archived_at"] is not None  # ARCHIVED_ROLE

    def text(self, row: int, column: int) -> str | None:
        """The text a cell shows (the row's six are formatted once, when first drawn)."""
        rec = self._record(row) if 0 <= row < len(self._ids) else None
        if rec is None:
            return None
        shown = rec.get("_shown")
        if shown is None:
            shown = rec["_shown"] = _shown(rec)
        return shown[column]


class LedgerCells(QStyledItemDelegate):
    """Draws the ledger's cells exactly as :class:`QStyledItemDelegate` does, asking the model once a cell.

    Qt's own delegate asks every cell drawn for seven roles, each a call into Python; a ledger
    cell has only its text (:meth:`LedgerModel.text`) and, in the number columns, its alignment.
    """

    def __init__(self, model: LedgerModel, parent=None):
        super().__init__(parent)
        self._model = model

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        option.index = index
        column = index.column()
        if column >= NUMBERS:
            option.displayAlignment = _RIGHT_FLAGS
        text = self._model.text(index.row(), column)
        if text is not None:
            option.features |= _HAS_DISPLAY
            option.text = text
        option.styleObject = None  # as Qt's: no style animations in item views


def _shown(rec: dict) -> tuple[str, ...]:
    """The six cells of a row as the table shows them."""
    return (format_date(rec["date"]), rec["subject_name"] or "", rec["title"], rec["criterion"],
            ach.format_measure(rec["measure_value"], rec["measure_unit"]),
            str(rec["evidence_count"]) if rec["evidence_count"] else "")


_DISPLAY, _TOOLTIP, _ALIGN = int(Qt.DisplayRole), int(Qt.ToolTipRole), int(Qt.TextAlignmentRole)
_ID, _ARCHIVED = int(ID_ROLE), int(ARCHIVED_ROLE)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _ID, _ARCHIVED})
_RIGHT_FLAGS = Qt.AlignRight | Qt.AlignVCenter
_RIGHT = int(_RIGHT_FLAGS)
_HAS_DISPLAY = QStyleOptionViewItem.HasDisplay
