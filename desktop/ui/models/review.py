"""Models of the year-end review page: candidates for each title, checkable, with their conditions."""
from __future__ import annotations

from desktop.council import review
from desktop.council.prizes import format_vnd
from desktop.ui.qt import QCoreApplication, QModelIndex, Qt
from desktop.ui.models.base import EditableRowsModel, RowsTableModel
from desktop.ui.models.nominations import ERROR_COLOR, OK_COLOR



class CandidatesModel(EditableRowsModel):
    """Every (subject, title) of the year; the clerk ticks those chosen. Conditions are re-counted with the
    choices, so a collective's share of Lao động tiên tiến follows the ticks."""

    KEYS = ["chosen", "name", "where", "title", "conditions"]
    WIDE = ["name", "where", "title", "conditions"]

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self.year: int | None = None
        self.locked = False
        self._rows: list[review.Candidate] = []
        self.chosen: list[tuple[str, int, str]] = []
        self.headers = [self.tr("Chosen"), self.tr("Name"), self.tr("Collective"), self.tr("Title"),
                        self.tr("Conditions")]

    def set_year(self, year: int | None, *, locked: bool = False, only_eligible: bool = False) -> None:
        self.year, self.locked = year, locked
        # A decided review shows what its decision awarded; an open one, the list before its council
        # (less what the council turned down).
        if year is None:
            self.chosen = []
        elif locked:
            self.chosen = review.decided_keys(self._store, year)
        else:
            self.chosen = [p.key for p in review.proposals(self._store, year) if p.status != "khong_thong_qua"]
        self.only_eligible = only_eligible
        self._load()

    def _load(self) -> None:
        self.beginResetModel()
        if self.year is None:
            self._rows = []
        else:
            cands = review.candidates(self._store, self.year, set(self.chosen) if self.chosen else None)
            self._rows = [c for c in cands if c.eligible or c.key in self.chosen or not self.only_eligible]
        self.endResetModel()

    def candidate_at(self, row: int) -> review.Candidate | None:
        return self.row_at(row)

    def row_id(self, c: review.Candidate):
        return c.key

    def set_chosen(self, key, on: bool) -> None:
        if on and key not in self.chosen:
            self.chosen.append(key)
        elif not on and key in self.chosen:
            self.chosen.remove(key)
        self._load()

    def choose_eligible(self) -> None:
        """Tick every candidate that qualifies for a title the unit decides (before choices), the council's
        secret ballot aside: that comes when the list is put to the council."""
        self.chosen = []
        self._load()
        rules = review.rules()
        self.chosen = [c.key for c in self._rows if rules[c.title].unit_decides
                       and all(x.ok for x in c.checks if x.code != "ballot")]
        self._load()

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return Qt.ItemIsUserCheckable if key == "chosen" and not self.locked else Qt.NoItemFlags

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if role == Qt.CheckStateRole and index.column() == 0 and not self.locked:
            c = self._rows[index.row()]
            on = value is True or value == Qt.Checked or value == getattr(Qt.Checked, "value", 2)
            self.set_chosen(c.key, bool(on))
            return True
        return False

    def cell(self, c: review.Candidate, key: str, role: int):
        failed = [x for x in c.checks if not x.ok]
        if role == Qt.CheckStateRole and key == "chosen":
            return Qt.Checked if c.key in self.chosen else Qt.Unchecked
        if role == Qt.DisplayRole:
            if key == "name":
                return c.name
            if key == "where":
                return c.where
            if key == "title":
                rule = review.rules()[c.title]
                return c.title if rule.unit_decides else QCoreApplication.translate("ReviewModels", "%1 (proposed upward)").replace("%1", c.title)
            if key == "conditions":
                return "✓" if not failed else str(len(failed))
        if role == Qt.ToolTipRole and key == "conditions":
            return "\n".join(line for x in c.checks for line in x.lines())
        if role == Qt.ForegroundRole and key == "conditions":
            return OK_COLOR if not failed else ERROR_COLOR
        if role == Qt.TextAlignmentRole and key == "conditions":
            return int(Qt.AlignCenter)
        return None


class DecidedModel(RowsTableModel):
    """The list attached to the decision, with the prize of each line."""

    KEYS = ["no", "name", "where", "title", "prize"]
    WIDE = ["name", "where", "title"]

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self._rows: list[review.DecidedRow] = []
        self.headers = [self.tr("No."), self.tr("Name"), self.tr("Collective"), self.tr("Title"), self.tr("Prize")]

    def set_year(self, year: int | None) -> None:
        self.set_rows(review.decided_list(self._store, year) if year is not None else [])

    def total(self) -> int:
        return sum(r.prize or 0 for r in self._rows)

    def cell(self, r: review.DecidedRow, key: str, role: int):
        if role == Qt.DisplayRole:
            return {"no": str(r.no), "name": r.name, "where": r.where, "title": r.title,
                    "prize": format_vnd(r.prize)}[key]
        if role == Qt.TextAlignmentRole and key == "prize":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
