"""Sáng kiến: the initiatives recognised in a year, with their authors, which the year-end review counts."""
from __future__ import annotations

from desktop.records import people
from desktop.council import review
from desktop.dates import format_date
from desktop.errors import ValidationError
from desktop.ui.models.base import RowsTableModel
from desktop.ui.operations import attempt
from desktop.ui.qt import (
    QAbstractListModel, QComboBox, QCoreApplication, QLabel, QLineEdit, QListView, QModelIndex, QVBoxLayout, Qt,
)
from desktop.ui.build import button, close_buttons, hbox
from desktop.ui.widgets import DateField, FormPanel, ReviewYearDialog, read_date, table_view


class InitiativesModel(RowsTableModel):
    KEYS = ["name", "authors", "scope", "decision"]
    WIDE = ["name", "authors", "scope", "decision"]

    def __init__(self, store, year: int, parent=None):
        super().__init__(parent)
        self._store, self.year = store, year
        self._rows: list[review.Initiative] = []
        self._names = {}
        self.headers = [QCoreApplication.translate("InitiativesDialog", "Initiative"),
                        QCoreApplication.translate("InitiativesDialog", "Authors"),
                        QCoreApplication.translate("InitiativesDialog", "Recognised at"),
                        QCoreApplication.translate("InitiativesDialog", "Decision")]
        self.reload()

    def reload(self) -> None:
        self._names = {p.id: p.full_name for p in people.list_people(self._store)}
        self.set_rows(review.initiatives(self._store, year=self.year))

    def initiative_at(self, row: int) -> review.Initiative | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or role != Qt.DisplayRole:
            return None
        i = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if key == "name":
            return i.name
        if key == "authors":
            return ", ".join(self._names.get(a, "?") for a in i.author_ids)
        if key == "scope":
            return review.SCOPES[i.scope]
        return " ".join(x for x in (i.decision_number, format_date(i.decision_date), i.recognised_by) if x)


class AuthorsModel(QAbstractListModel):
    """The unit's people, each with a tick: the initiative's authors."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._people = people.list_people(store)
        self.ticked: set[int] = set()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._people)

    def row_of(self, person_id: int) -> int:
        return next((i for i, p in enumerate(self._people) if p.id == person_id), -1)

    def flags(self, index):
        return super().flags(index) | Qt.ItemIsUserCheckable

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self._people[index.row()]
        if role == Qt.DisplayRole:
            return p.full_name
        if role == Qt.CheckStateRole:
            return Qt.Checked if p.id in self.ticked else Qt.Unchecked
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if role != Qt.CheckStateRole or not index.isValid():
            return False
        pid = self._people[index.row()].id
        on = value is True or value == Qt.Checked or value == getattr(Qt.Checked, "value", 2)
        (self.ticked.add if on else self.ticked.discard)(pid)
        self.dataChanged.emit(index, index, [Qt.CheckStateRole])
        return True

    def clear(self) -> None:
        self.beginResetModel()
        self.ticked = set()
        self.endResetModel()


class InitiativesDialog(ReviewYearDialog):
    def __init__(self, parent, store, year: int):
        super().__init__(parent, store, year, "initiatives_dialog")
        self.setWindowTitle(self.tr("Initiatives recognised in %1").replace("%1", str(year)))
        lay = QVBoxLayout(self)
        self.model = InitiativesModel(store, year, self)
        self.view = table_view(self.model)
        lay.addWidget(self.view)
        self.delete_btn = button(self.tr("Delete the selected initiative"), self.delete)
        lay.addLayout(hbox(None, self.delete_btn))

        lay.addWidget(QLabel(self.tr("A new initiative:")))
        self.form = FormPanel(self)
        self.name = self.form.add("name", self.tr("Name"), QLineEdit(), required=True)
        self.authors = AuthorsModel(store, self)
        self.authors_view = QListView()
        self.authors_view.setModel(self.authors)
        self.authors_view.setMaximumHeight(130)
        self.form.add("authors", self.tr("Authors"), self.authors_view, required=True)
        self.scope = QComboBox()
        for key, label in review.SCOPES.items():
            self.scope.addItem(label, key)
        self.form.add("scope", self.tr("Recognised at"), self.scope)
        self.recognised_by = self.form.add("recognised_by", self.tr("Recognised by"), QLineEdit())
        self.recognised_by.setPlaceholderText(self.tr("e.g. Hội đồng sáng kiến Trung tâm"))
        self.decision_number = self.form.add("decision_number", self.tr("Decision number"), QLineEdit())
        self.decision_date = self.form.add("decision_date", self.tr("Decision date"), DateField())
        lay.addWidget(self.form)
        self.add_btn = button(self.tr("Add the initiative"), self.add)
        lay.addWidget(self.add_btn)
        lay.addWidget(close_buttons(self))
        self.resize(760, 620)

    def add(self) -> bool:
        errors: dict[str, str] = {}
        date = read_date(self.decision_date, "decision_date", errors)

        def save() -> None:
            if errors:
                raise ValidationError(errors)
            review.save_initiative(self.store, review.Initiative(
                self.name.text(), self.year, sorted(self.authors.ticked), self.scope.currentData(),
                self.recognised_by.text(), self.decision_number.text(), date))

        if not attempt(self, save, fields=self.form.set_errors):
            return False
        self.form.set_errors({})
        for w in (self.name, self.recognised_by, self.decision_number, self.decision_date):
            w.clear()
        self.authors.clear()
        self.model.reload()
        self.changed.emit()
        return True

    def delete(self) -> None:
        i = self.model.initiative_at(self.view.currentIndex().row())
        if i is not None:
            review.delete_initiative(self.store, i.id)
            self.model.reload()
            self.changed.emit()
