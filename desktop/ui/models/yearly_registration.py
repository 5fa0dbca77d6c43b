"""The year's titles table: one row per subject, a tick box per usual title, the day registered.

Rows are the unit, its collectives and its people; the two tick columns are
the usual titles of the subject's kind (Lao động tiên tiến / Tập thể lao động
tiên tiến, then Chiến sĩ thi đua cơ sở / Tập thể lao động xuất sắc). Other
titles registered (Excel, command line) are kept and shown. Nothing is
written until :meth:`YearRegistrationModel.save`, in one transaction.
"""
from __future__ import annotations

from desktop.campaigns import registration
from desktop.campaigns import yearly_registration as yr
from desktop.errors import ValidationError
from desktop.ui.models.base import EditableRowsModel
from desktop.ui.qt import QColor, QCoreApplication, QModelIndex, Qt, Signal

EDITED_COLOR = QColor("#fff6d5")
ERROR_COLOR = QColor("#f8d7da")
KEYS = ("name", "first", "second", "other", "day")


class _Row:
    def __init__(self, kind: str, subject_id: int, name: str, reg: yr.YearRegistration | None):
        self.kind, self.subject_id, self.name = kind, subject_id, name
        self.id = reg.id if reg else None
        self.titles = list(reg.titles) if reg else []
        self.day = reg.registered_on if reg else None
        self.dirty = False
        self.error = ""

    @property
    def common(self) -> tuple[str, str]:
        return yr.COMMON_TITLES["person" if self.kind == "person" else "collective"]


class YearRegistrationModel(EditableRowsModel):
    KEYS = KEYS
    WIDE = ("name", "other")
    edited = Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.year: int | None = None
        self._rows: list[_Row] = []
        self.headers = [self.tr("Collective or person"), self.tr("Title"), self.tr("Higher title"),
                        self.tr("Other titles"), self.tr("Registered on")]

    def load(self, year: int) -> None:
        self.beginResetModel()
        self.year = year
        self._rows = []
        for kind, sid, name in registration.subjects(self.store):
            reg = yr.find(self.store, year, person_id=sid if kind == "person" else None,
                          collective_id=None if kind == "person" else sid)
            self._rows.append(_Row(kind, sid, name, reg))
        self.endResetModel()

    @property
    def dirty(self) -> bool:
        return any(r.dirty for r in self._rows)

    def registered_count(self) -> int:
        return sum(bool(r.titles) for r in self._rows)

    def titles_at(self, row: int) -> list[str]:
        return list(self._rows[row].titles)

    def save(self) -> int:
        """Write every changed row in one transaction (a row without a title is no longer registered)."""
        changed = [r for r in self._rows if r.dirty]
        keep = [r for r in changed if r.titles]
        removed = [r.id for r in changed if not r.titles and r.id is not None]
        for r in self._rows:
            r.error = ""
        regs = [yr.YearRegistration(self.year, r.subject_id if r.kind == "person" else None,
                                    None if r.kind == "person" else r.subject_id, list(r.titles), r.day, id=r.id)
                for r in keep]
        try:
            yr.save_all(self.store, regs, removed=removed)
        except ValidationError as exc:
            for key, message in exc.fields.items():
                keep[int(key[4:key.index("]")])].error = message
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(KEYS) - 1))
            raise
        self.load(self.year)
        return len(changed)

    # -- Qt ------------------------------------------------------------------------------------------

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return {"first": Qt.ItemIsUserCheckable, "second": Qt.ItemIsUserCheckable,
                "day": Qt.ItemIsEditable}.get(key, Qt.NoItemFlags)

    def cell(self, r: _Row, key: str, role: int):
        if role == Qt.DisplayRole:
            if key == "name":
                label = {"unit": QCoreApplication.translate("YearRegistrationModel", "Unit"),
                         "collective": QCoreApplication.translate("YearRegistrationModel", "Collective")}.get(r.kind)
                return f"{r.name} ({label})" if label else r.name
            if key in ("first", "second"):
                return r.common[0 if key == "first" else 1]
            if key == "other":
                return "; ".join(t for t in r.titles if t not in r.common)
            if key == "day":
                return "/".join(reversed(r.day.split("-"))) if r.day else ""
        if role == Qt.EditRole and key == "day":
            return "/".join(reversed(r.day.split("-"))) if r.day else ""
        if role == Qt.CheckStateRole and key in ("first", "second"):
            title = r.common[0 if key == "first" else 1]
            return Qt.Checked if title in r.titles else Qt.Unchecked
        if role == Qt.BackgroundRole:
            if r.error:
                return ERROR_COLOR
            if r.dirty:
                return EDITED_COLOR
        if role == Qt.ToolTipRole and r.error:
            return r.error
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if not index.isValid():
            return False
        r = self._rows[index.row()]
        key = KEYS[index.column()]
        if role == Qt.CheckStateRole and key in ("first", "second"):
            title = r.common[0 if key == "first" else 1]
            on = value in (Qt.Checked, Qt.Checked.value, 2, True)
            if on and title not in r.titles:
                r.titles.append(title)
            elif not on and title in r.titles:
                r.titles.remove(title)
            else:
                return False
        elif role == Qt.EditRole and key == "day":
            text = str(value or "").strip()
            r.day = text or None
        else:
            return False
        r.dirty, r.error = True, ""
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(KEYS) - 1))
        self.edited.emit()
        return True
