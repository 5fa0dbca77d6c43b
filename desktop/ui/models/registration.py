"""The registration table of one campaign (and phase): one row per subject, one column per criterion.

Every subject of the unit is a row (the unit, its collectives, its people);
a row is registered when it is ticked, which typing a title or a target does
by itself. Nothing is written until :meth:`RegistrationModel.save`, which
saves every changed row in one transaction.
"""
from __future__ import annotations

import copy

from desktop.campaigns import campaign as campaigns, registration
from desktop.campaigns.registration import Registration
from desktop.errors import ValidationError
from desktop.ui.models.base import EditableRowsModel
from desktop.ui.qt import QColor, QCoreApplication, QFont, QModelIndex, Qt, Signal
from desktop.ui.models.campaigns import number_text, parse_number

FIXED = 3            # registered, name, titles
EDITED_COLOR = QColor("#fff6d5")
ERROR_COLOR = QColor("#f8d7da")


class _Row:
    def __init__(self, kind: str, subject_id: int, name: str, reg: Registration, registered: bool):
        self.kind, self.subject_id, self.name = kind, subject_id, name
        self.reg = reg
        self.registered = registered
        self.dirty = False
        self.error = ""


class RegistrationModel(EditableRowsModel):
    """Every collective and person of the unit: registered or not, the titles aimed for, a target per criterion."""

    WIDE = ["subject", "titles"]
    edited = Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.campaign: campaigns.Campaign | None = None
        self.phase_id: int | None = None
        self._rows: list[_Row] = []
        self.headers: list[str] = []

    # -- loading -----------------------------------------------------------------------------------

    def load(self, campaign: campaigns.Campaign | None, phase_id: int | None = None) -> None:
        self.beginResetModel()
        self.campaign, self.phase_id = campaign, phase_id
        self._rows = []
        if campaign is not None:
            for kind, sid, name in registration.subjects(self.store):
                key = {"person_id": sid} if kind == "person" else {"collective_id": sid}
                existing = registration.find(self.store, campaign.id, phase_id=phase_id, **key)
                if existing is None:
                    reg = registration.new(self.store, campaign.id, phase_id=phase_id, **key)
                else:
                    reg = existing
                self._rows.append(_Row(kind, sid, name, reg, existing is not None))
        self.KEYS = ["registered", "subject", "titles",
                     *(f"criterion{i}" for i in range(len(campaign.criteria if campaign else [])))]
        self.headers = [self.tr("Registered"), self.tr("Collective or person"), self.tr("Titles aimed for")]
        for i, k in enumerate(campaign.criteria if campaign else [], 1):
            self.headers.append(f"{i}. {k.text}" + (f" ({k.target_unit})" if k.target_unit else ""))
        self.endResetModel()

    def reload(self) -> None:
        self.load(campaigns.get(self.store, self.campaign.id) if self.campaign else None, self.phase_id)

    @property
    def dirty(self) -> bool:
        return any(r.dirty for r in self._rows)

    def row_of(self, kind: str, subject_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if (r.kind == "person") == (kind == "person")
                     and r.subject_id == subject_id), None)

    def registered_count(self) -> int:
        return sum(r.registered for r in self._rows)

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> int:
        """Write every changed row in one transaction; returns how many rows changed.

        A row the domain refuses keeps its edits and shows the message in its tooltip.
        """
        changed = [r for r in self._rows if r.dirty]
        keep = [r for r in changed if r.registered]
        removed = [r.reg.id for r in changed if not r.registered and r.reg.id is not None]
        for r in self._rows:
            r.error = ""
        try:
            registration.save_all(self.store, [copy.deepcopy(r.reg) for r in keep], removed=removed)
        except ValidationError as exc:
            for key, message in exc.fields.items():
                index = int(key[4:key.index("]")])
                keep[index].error = message
            self._all_changed()
            raise
        self.reload()
        return len(changed)

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    # -- Qt ------------------------------------------------------------------------------------------

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return {"registered": Qt.ItemIsUserCheckable, "subject": Qt.NoItemFlags}.get(key, Qt.ItemIsEditable)

    def _target(self, row: _Row, col: int) -> registration.Target | None:
        k = self.campaign.criteria[col - FIXED]
        return next((t for t in row.reg.targets if t.criterion_id == k.id), None)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if col == 0:
            if role == Qt.CheckStateRole:
                return Qt.Checked if r.registered else Qt.Unchecked
            return None
        if role == Qt.BackgroundRole:
            return ERROR_COLOR if r.error else EDITED_COLOR if r.dirty else None
        if role == Qt.ToolTipRole and r.error:
            return r.error
        if col == 1:
            if role == Qt.DisplayRole:
                kind = {"unit": QCoreApplication.translate("RegistrationModel", "Unit"),
                        "collective": QCoreApplication.translate("RegistrationModel", "Collective"),
                        "person": ""}[r.kind]
                return f"{r.name} ({kind})" if kind else r.name
            if role == Qt.FontRole and r.kind != "person":
                f = QFont()
                f.setBold(True)
                return f
            return None
        if col == 2:
            if role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
                return "; ".join(r.reg.titles)
            return None
        t = self._target(r, col)
        if role in (Qt.DisplayRole, Qt.EditRole):
            if t is None or t.value is None:
                return ""
            return number_text(t.value)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and t is not None and t.due_date:
            return registration.target_text(t, self.campaign.criteria[col - FIXED])
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if not index.isValid():
            return False
        r = self._rows[index.row()]
        col = index.column()
        if col == 0 and role == Qt.CheckStateRole:
            r.registered = value in (Qt.Checked, Qt.Checked.value, 2)
        elif col == 2 and role == Qt.EditRole:
            r.reg.titles = [t.strip() for t in str(value or "").split(";") if t.strip()]
            r.registered = True
        elif col >= FIXED and role == Qt.EditRole:
            try:
                number = parse_number(str(value or ""))
            except ValueError:
                return False
            k = self.campaign.criteria[col - FIXED]
            t = self._target(r, col)
            if t is None:
                if number is None:
                    return True
                t = registration.Target(k.id, None, k.target_unit)
                r.reg.targets.append(t)
            t.value = number
            r.registered = True
        else:
            return False
        r.dirty = True
        r.error = ""
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.edited.emit()
        return True
