"""Editable models used inside the dialogs: yearly ratings, prior awards, evidence files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.records import evidence as evidence_mod
from desktop.records import people
from desktop.dates import DateError, format_date, parse_date
from desktop.records.people import PriorAward
from desktop.ui.models.base import ID_ROLE, EditableRowsModel, RowsTableModel
from desktop.ui.format import file_size
from desktop.ui.qt import QCoreApplication, QModelIndex, Qt
from desktop import clock



class RatingsModel(EditableRowsModel):
    """One row per year; the rating column is edited with a combo box (see RatingDelegate)."""

    KEYS = ["year", "rating"]
    WIDE = ["rating"]

    def __init__(self, ratings: dict[int, str], parent=None):
        super().__init__(parent)
        this_year = clock.today().year
        years = set(ratings) | set(range(this_year - 3, this_year + 1))
        self._rows = [[year, ratings.get(year)] for year in sorted(years, reverse=True)]
        self.headers = [self.tr("Year"), self.tr("Rating")]

    def ratings(self) -> dict[int, str]:
        return {year: rating for year, rating in self._rows if rating}

    def add_year(self, year: int) -> int:
        for i, (y, _) in enumerate(self._rows):
            if y == year:
                return i
        pos = sum(1 for y, _ in self._rows if y > year)
        self.beginInsertRows(QModelIndex(), pos, pos)
        self._rows.insert(pos, [year, None])
        self.endInsertRows()
        return pos

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return Qt.ItemIsEditable if key == "rating" else Qt.NoItemFlags

    def cell(self, row, key: str, role: int):
        year, rating = row
        if role == Qt.DisplayRole:
            return str(year) if key == "year" else people.RATINGS.get(rating or "", "")
        if role == Qt.EditRole:
            return year if key == "year" else (rating or "")
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or index.column() != 1:
            return False
        self._rows[index.row()][1] = value or None
        self.dataChanged.emit(index, index, [Qt.DisplayRole, Qt.EditRole])
        return True


class PriorAwardsModel(EditableRowsModel):
    """Awards already received; every cell is editable and checked by the domain on save."""

    KEYS = ["year", "award", "decision_number", "decision_date", "issuer"]
    WIDE = ["award", "issuer"]

    def __init__(self, awards: list[PriorAward], parent=None):
        super().__init__(parent)
        self._rows = [PriorAward(a.award, a.year, a.decision_number, a.decision_date, a.issuer) for a in awards]
        self.headers = [self.tr("Year"), self.tr("Award"), self.tr("Decision no."), self.tr("Decision date"),
                        self.tr("Issued by")]

    def awards(self) -> list[PriorAward]:
        return [PriorAward(a.award, a.year, a.decision_number, a.decision_date, a.issuer) for a in self._rows]

    def add(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(PriorAward("", clock.today().year - 1))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return Qt.ItemIsEditable

    def cell(self, a: PriorAward, key: str, role: int):
        if role not in (Qt.DisplayRole, Qt.EditRole):
            return None
        value = getattr(a, key)
        if key == "decision_date":
            return format_date(value) if isinstance(value, dt.date) else (value or "")
        if key == "year":
            return str(value or "") if role == Qt.DisplayRole else (value or clock.today().year)
        return value or ""

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole:
            return False
        a = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if key == "year":
            try:
                value = int(value)
            except (TypeError, ValueError):
                return False
        elif key == "decision_date":
            text = str(value or "").strip()
            try:
                value = parse_date(text) if text else None
            except DateError:
                value = text  # kept as typed; the domain reports it on save
        setattr(a, key, value)
        self.dataChanged.emit(index, index, [Qt.DisplayRole, Qt.EditRole])
        return True


class EvidenceModel(RowsTableModel):
    """The files of one achievement: those stored, less those marked for removal, plus those to attach."""

    KEYS = ["file", "size", "added"]
    WIDE = ["file"]

    def __init__(self, store, achievement_id: int | None, parent=None):
        super().__init__(parent)
        self._store = store
        self.achievement_id = achievement_id
        self._stored: list[evidence_mod.Evidence] = []
        self._rows: list[evidence_mod.Evidence | Path] = []
        self._removed: set[int] = set()
        self._pending: list[Path] = []
        self.headers = [self.tr("File"), self.tr("Size"), self.tr("Added")]
        self.reload()

    def reload(self) -> None:
        self._stored = evidence_mod.list_for(self._store, self.achievement_id) if self.achievement_id else []
        self._rebuild()

    def set_pending(self, pending: list[Path], removed: set[int]) -> None:
        self._pending = list(pending)
        self._removed = set(removed)
        self._rebuild()

    def _rebuild(self) -> None:
        self.set_rows([e for e in self._stored if e.id not in self._removed] + list(self._pending))

    def item_at(self, row: int) -> evidence_mod.Evidence | Path:
        return self._rows[row]

    def cell(self, item: evidence_mod.Evidence | Path, key: str, role: int):
        if isinstance(item, Path):
            if role == Qt.DisplayRole:
                if key == "file":
                    return item.name
                if key == "size":
                    return file_size(item.stat().st_size) if item.exists() else ""
                return QCoreApplication.translate("EvidenceModel", "(on save)")
            if role == Qt.ToolTipRole:
                return str(item)
        else:
            if role == Qt.DisplayRole:
                if key == "file":
                    return item.file_name
                if key == "size":
                    return file_size(item.size)
                return format_date(item.added_at[:10])
            if role == Qt.ToolTipRole:
                return f"SHA-256: {item.sha256}"
            if role == ID_ROLE:
                return item.id
        if role == Qt.TextAlignmentRole and key == "size":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
