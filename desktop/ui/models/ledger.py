"""The achievements table: ids in table order, rows fetched a page at a time."""
from __future__ import annotations

from ... import achievements as ach
from ...dates import format_date
from ..qt import QCoreApplication, QAbstractTableModel, QModelIndex, Qt

PAGE = 200
CACHE_LIMIT = 5000
ID_ROLE = Qt.UserRole + 1
ARCHIVED_ROLE = Qt.UserRole + 2


class LedgerModel(QAbstractTableModel):
    """Achievements matching a :class:`~desktop.achievements.LedgerFilter`.

    The model keeps only the ordered list of ids; the rows the view draws are
    fetched in pages and cached, so opening, sorting and filtering stay fast on
    100,000 achievements.
    """

    KEYS = ["date", "subject", "title", "criterion", "measure", "evidence"]

    def __init__(self, store, parent=None, *, limit: int | None = None, load: bool = True):
        super().__init__(parent)
        self._store = store
        self._limit = limit
        self._ids: list[int] = []
        self._cache: dict[int, dict] = {}
        self._filter = ach.LedgerFilter()
        self._sort = ("date", True)
        self.headers = [
            QCoreApplication.translate("LedgerModel", "Date"),
            QCoreApplication.translate("LedgerModel", "Person / collective"),
            QCoreApplication.translate("LedgerModel", "Achievement"),
            QCoreApplication.translate("LedgerModel", "Criterion"),
            QCoreApplication.translate("LedgerModel", "Measure"),
            QCoreApplication.translate("LedgerModel", "Evidence"),
        ]
        self.loaded = False
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

    def reload(self) -> None:
        """Re-run the query (after a filter change, an insert or an archive)."""
        self.beginResetModel()
        self._ids = self._query()
        self._cache.clear()
        self.endResetModel()

    def _query(self) -> list[int]:
        self.loaded = True
        return ach.query_ids(self._store, self._filter, sort=self._sort[0], descending=self._sort[1],
                             limit=self._limit)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        key = self.KEYS[column]
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[ix.row()] for ix in old]
        self._sort = (key, order == Qt.DescendingOrder)
        self._ids = self._query()
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
            return None

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def _record(self, row: int) -> dict | None:
        aid = self._ids[row]
        rec = self._cache.get(aid)
        if rec is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = row - row % PAGE
            self._cache.update(ach.rows(self._store, self._ids[start:start + PAGE]))
            rec = self._cache.get(aid)
        return rec

    # -- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        rec = self._record(index.row())
        if rec is None:
            return None
        key = self.KEYS[index.column()]
        if role == Qt.DisplayRole:
            if key == "date":
                return format_date(rec["date"])
            if key == "subject":
                return rec["subject_name"] or ""
            if key == "title":
                return rec["title"]
            if key == "criterion":
                return rec["criterion"]
            if key == "measure":
                return ach.format_measure(rec["measure_value"], rec["measure_unit"])
            if key == "evidence":
                return str(rec["evidence_count"]) if rec["evidence_count"] else ""
        if role == Qt.ToolTipRole and key == "title":
            return rec["description"] or rec["title"]
        if role == Qt.TextAlignmentRole and key in ("measure", "evidence"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == ARCHIVED_ROLE:
            return rec["archived_at"] is not None
        return None
