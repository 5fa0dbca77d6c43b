"""Chào mừng: the first start, with three ways into an empty ledger.

1. set up my unit (its profile and collectives);
2. the same, then import the staff list from Excel;
3. open the demo, which lives in a file of its own.

The dialog only collects and shows; the caller's ``set_up`` and ``open_demo``
do the work (see :mod:`desktop.ui.launcher`) and raise a
:class:`~desktop.errors.UserError` that the dialog shows next to the fields.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from desktop.records import unit
from desktop.errors import UserError
from desktop.ui.operations import attempt, show_error
from desktop.ui.qt import (
    QAbstractItemDelegate, QAbstractItemView, QApplication, QCommandLinkButton, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListView,
    QStackedWidget, QStringListModel, QVBoxLayout, QWidget, Qt,
)
from desktop.ui.dialogs.records import UnitForm
from desktop.ui.build import button, vbox

SetUp = Callable[[unit.UnitProfile, list[str], bool], None]


class CollectivesEditor(QWidget):
    """A short editable list of the unit's collectives: one name a row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = QStringListModel(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        lay = QHBoxLayout()
        outer.addLayout(lay)
        note = QLabel(self.tr("May be left empty: collectives, and who heads them, can be added later on the "
                              "“Collectives & people” page."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        outer.addWidget(note)
        self.view = QListView(self)
        self.view.setObjectName("welcome_collectives")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.view.setMinimumHeight(120)
        lay.addWidget(self.view, 1)
        self.add_btn = button(self.tr("Add collective"), self.add_row)
        self.remove_btn = button(self.tr("Remove"), self.remove_row)
        lay.addLayout(vbox(self.add_btn, self.remove_btn, None))

    def add_row(self) -> None:
        """A new empty row, opened for typing."""
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_row(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.removeRows(index.row(), 1)

    def commit(self) -> None:
        """Keep a name still being typed (its editor open) as if Enter had been pressed."""
        editor = self.view.indexWidget(self.view.currentIndex())
        if editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.NoHint)

    def names(self) -> list[str]:
        self.commit()
        return list(self.model.stringList())


class WelcomeDialog(QDialog):
    def __init__(self, parent, db_path: Path, demo_path: Path, *, set_up: SetUp,
                 open_demo: Callable[[], None]):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("Welcome to Sổ thi đua"))
        self._set_up = set_up
        self._open_demo = open_demo
        self._then_excel = False
        self.choice: str | None = None
        lay = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        lay.addWidget(self.stack)

        # -- the three ways in ------------------------------------------------------------------
        choose = QWidget()
        cl = QVBoxLayout(choose)
        title = QLabel("<h2>" + self.tr("Welcome to Sổ thi đua") + "</h2>")
        cl.addWidget(title)
        intro = QLabel(self.tr("This computer has no ledger yet. How would you like to begin?"))
        intro.setWordWrap(True)
        cl.addWidget(intro)
        self.setup_btn = QCommandLinkButton(
            self.tr("Set up my unit"),
            self.tr("Enter the unit's name, governing body, head and collectives. "
                    "Your records are kept in %1.").replace("%1", str(db_path)))
        self.excel_btn = QCommandLinkButton(
            self.tr("Set up my unit, then import people from Excel"),
            self.tr("The same first step, then a staff list filled in from the Excel template "
                    "is checked and imported."))
        self.demo_btn = QCommandLinkButton(
            self.tr("Open the sample data"),
            self.tr("A made-up unit for trying every page. It is kept in a file of its own (%1) "
                    "and never mixes with your records; its banner leads back to your own ledger.")
            .replace("%1", str(demo_path)))
        for btn in (self.setup_btn, self.excel_btn, self.demo_btn):
            cl.addWidget(btn)
        cl.addStretch(1)
        where = QLabel(self.tr("Everything is kept on this computer, in the folder %1; no network is needed. "
                               "The unit's profile can be changed at any time under File → Unit profile.")
                       .replace("%1", str(db_path.parent)))
        where.setWordWrap(True)
        where.setStyleSheet("color: #555;")
        cl.addWidget(where)
        self.setup_btn.clicked.connect(lambda: self.show_unit_page(then_excel=False))
        self.excel_btn.clicked.connect(lambda: self.show_unit_page(then_excel=True))
        self.demo_btn.clicked.connect(self.open_demo)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.close_buttons.rejected.connect(self.reject)
        cl.addWidget(self.close_buttons)
        self.stack.addWidget(choose)

        # -- set up my unit -------------------------------------------------------------------------
        page = QWidget()
        ul = QVBoxLayout(page)
        ul.addWidget(QLabel("<h2>" + self.tr("Your unit") + "</h2>"))
        hint = QLabel(self.tr("Documents carry these in their header and signature block. You can change them "
                              "later under File → Unit profile."))
        hint.setWordWrap(True)
        ul.addWidget(hint)
        self.form = UnitForm(page, unit.UnitProfile())
        self.collectives = CollectivesEditor(self.form)
        self.form.add("collectives", self.tr("Collectives (rooms, teams, branches)"), self.collectives)
        ul.addWidget(self.form, 1)
        self.unit_buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.back_btn = self.unit_buttons.addButton(self.tr("Back"), QDialogButtonBox.ResetRole)
        self.start_btn = self.unit_buttons.addButton(self.tr("Start"), QDialogButtonBox.AcceptRole)
        self.back_btn.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self.unit_buttons.accepted.connect(self.set_up)
        self.unit_buttons.rejected.connect(self.reject)
        ul.addWidget(self.unit_buttons)
        self.stack.addWidget(page)

        self.resize(720, 640)

    def show_unit_page(self, *, then_excel: bool) -> None:
        self._then_excel = then_excel
        self.start_btn.setText(self.tr("Start, then import from Excel") if then_excel else self.tr("Start"))
        self.stack.setCurrentIndex(1)
        self.form.name.setFocus()

    def set_up(self) -> None:
        if attempt(self, lambda: self._set_up(self.form.profile(), self.collectives.names(), self._then_excel),
                   fields=self.form.set_errors):
            self.choice = "excel" if self._then_excel else "setup"
            self.accept()

    def open_demo(self) -> None:
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self._open_demo()
        except UserError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return
        QApplication.restoreOverrideCursor()
        self.choice = "demo"
        self.accept()
