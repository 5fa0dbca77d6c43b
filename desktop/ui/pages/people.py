"""Tập thể & cá nhân: the unit's collectives on the left, its people on the right."""
from __future__ import annotations

from desktop.records import people
from desktop.ui.dialogs.records import CollectiveDialog, PersonDialog
from desktop.ui.models.people import ID_ROLE, CollectivesModel, FoldFilterProxy, PeopleModel
from desktop.changes import PERSON_REMOVED, Area
from desktop.ui.operations import announce, attempt
from desktop.ui.build import button, hbox, panel, select_row, splitter
from desktop.ui.widgets import open_dialog, setup_table
from desktop.ui.qt import (
    QLabel, QLineEdit, QListView, QMessageBox, QSortFilterProxyModel, QTableView, QVBoxLayout, QWidget,
    Qt,
)


class PeoplePage(QWidget):
    AREAS = frozenset({Area.PEOPLE})  # the people, their collectives, their yearly ratings

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.dialog = None  # the dialog open on this page, if any
        lay = QVBoxLayout(self)

        left, ll = panel()
        ll.addWidget(QLabel("<b>" + self.tr("Collectives") + "</b>"))
        self.collectives = CollectivesModel(store, self, with_all=True)
        self.collective_view = QListView()
        self.collective_view.setObjectName("collectives")
        self.collective_view.setModel(self.collectives)
        self.collective_view.setStyleSheet("QListView::item { padding: 4px 2px; }")
        self.collective_view.setCurrentIndex(self.collectives.index(0))
        self.collective_view.selectionModel().currentChanged.connect(self._collective_changed)
        self.collective_view.doubleClicked.connect(self.edit_collective)
        ll.addWidget(self.collective_view)
        self.add_collective_btn = button(self.tr("Add…"), self.add_collective)
        self.edit_collective_btn = button(self.tr("Edit…"), self.edit_collective)
        self.delete_collective_btn = button(self.tr("Delete"), self.delete_collective)
        ll.addLayout(hbox(self.add_collective_btn, self.edit_collective_btn, self.delete_collective_btn))

        right, rl = panel()
        self.filter = QLineEdit()
        self.filter.setObjectName("people_filter")
        self.filter.setPlaceholderText(self.tr("Search people (no need to type diacritics)"))
        self.filter.setClearButtonEnabled(True)
        self.import_btn = button(self.tr("Import from Excel…"), self.import_excel)
        self.add_person_btn = button(self.tr("Add person…"), self.add_person)
        self.edit_person_btn = button(self.tr("Edit…"), self.edit_person)
        self.delete_person_btn = button(self.tr("Delete"), self.delete_person)
        rl.addLayout(hbox((self.filter, 1), self.import_btn, self.add_person_btn, self.edit_person_btn,
                          self.delete_person_btn))
        self.model = PeopleModel(store, self)
        self.proxy = PeopleProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("people")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.AscendingOrder)
        setup_table(self.view)
        self.view.doubleClicked.connect(self.edit_person)
        rl.addWidget(self.view, 1)
        self.count_label = QLabel()
        rl.addWidget(self.count_label)
        self.splitter = splitter(Qt.Horizontal, left, right, stretch=(0, 3), name="people_splitter", parent=self)
        self.splitter.setSizes([320, 900])
        lay.addWidget(self.splitter)
        self.filter.textChanged.connect(self._filter_changed)
        for col, width in enumerate((190, 90, 60, 200, 140, 200, 70)):
            self.view.setColumnWidth(col, width)
        self._update_count()

    # -- filtering ----------------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _collective_changed(self, current, _previous) -> None:
        self.proxy.set_collective(current.data(ID_ROLE) if current.isValid() else None)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%1 of %2 people").replace("%1", str(self.proxy.rowCount()))
                                 .replace("%2", str(self.model.rowCount())))

    def reload(self) -> None:
        current = self.collective_view.currentIndex().data(ID_ROLE)
        self.collectives.reload()
        self.collective_view.setCurrentIndex(self.collectives.index(self.collectives.row_of(current)))
        self.model.reload()
        self._update_count()

    # -- people ---------------------------------------------------------------------------------

    def selected_person(self) -> int | None:
        return self.view.currentIndex().data(ID_ROLE)

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row is not None:
            select_row(self.view, self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _open(self, dialog, on_saved) -> None:
        """Show a dialog window-modally without blocking; ``on_saved`` runs when it saved."""
        dialog.accepted.connect(on_saved)
        open_dialog(self, dialog)

    def add_person(self) -> None:
        dialog = PersonDialog(self, self.store, collective_id=self.collective_view.currentIndex().data(ID_ROLE))
        self._open(dialog, lambda: self._saved(dialog.person.id))

    def edit_person(self, *_args) -> None:
        pid = self.selected_person()
        if pid is not None:
            self._open(PersonDialog(self, self.store, pid), lambda: self._saved(pid))

    def import_excel(self) -> None:
        from desktop.ui.dialogs.excel_import import ExcelImportDialog  # openpyxl loads only when it is used

        dialog = ExcelImportDialog(self, self.store)
        dialog.imported.connect(lambda _n: self.reload())  # the import announced what it changed
        open_dialog(self, dialog)

    def _saved(self, person_id: int | None = None) -> None:
        """After a person or a collective was saved: the lists show it (a person selected), the other pages too."""
        self.reload()
        if person_id is not None:
            self.select_person(person_id)
        announce(self, Area.PEOPLE)

    def delete_person(self) -> None:
        self._delete(self.selected_person(), self.tr("Delete person"), people.delete_person,
                     lambda pid: self.tr("Delete %1 and their ratings and awards?").replace(
                         "%1", people.get_person(self.store, pid).full_name))

    def _delete(self, item_id: int | None, title: str, delete, question) -> None:
        """Ask ``question(item_id)``; on yes ``delete`` the person or collective and show the lists without it."""
        if item_id is not None and QMessageBox.question(self, title, question(item_id)) == QMessageBox.Yes \
                and attempt(self, lambda: delete(self.store, item_id), changes=PERSON_REMOVED):
            self.reload()

    # -- collectives -------------------------------------------------------------------------

    def selected_collective(self) -> int | None:
        return self.collective_view.currentIndex().data(ID_ROLE)

    def add_collective(self) -> None:
        self._open(CollectiveDialog(self, self.store), self._saved)

    def edit_collective(self, *_args) -> None:
        cid = self.selected_collective()
        if cid is not None:
            self._open(CollectiveDialog(self, self.store, people.get_collective(self.store, cid)), self._saved)

    def delete_collective(self) -> None:
        self._delete(self.selected_collective(), self.tr("Delete collective"), people.delete_collective,
                     lambda cid: self.tr("Delete the collective %1?").replace(
                         "%1", people.get_collective(self.store, cid).name))


class PeopleProxy(FoldFilterProxy):
    """Adds the collective chosen on the left to the text filter."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._collective_id: int | None = None

    def set_collective(self, collective_id: int | None) -> None:
        self.beginFilterChange()
        self._collective_id = collective_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent) -> bool:
        if self._collective_id is not None:
            src = self.sourceModel()
            if src.collective_id_at(row) != self._collective_id:
                return False
        return super().filterAcceptsRow(row, parent)
