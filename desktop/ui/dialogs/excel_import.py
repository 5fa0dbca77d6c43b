"""Import people or achievements from an Excel workbook: template, preview, then all or nothing.

The workbook is read and every row checked off the GUI thread; the preview
shows each row as it will be saved, with its problems. Nothing is written until
the clerk confirms, and then everything is written in one transaction.
"""
from __future__ import annotations

from pathlib import Path

from desktop.excel import importer, templates
from desktop.ui.models.excel import ImportPreviewModel
from desktop.changes import Area
from desktop.ui.operations import Operation, run_op
from desktop.ui.qt import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QStandardPaths, QVBoxLayout, Signal,
)
from desktop.ui.widgets import table_view


class ExcelImportDialog(QDialog):
    imported = Signal(int)

    def __init__(self, parent, store, kind: str = "people"):
        super().__init__(parent)
        self.store = store
        self.preview: importer.ImportPreview | None = None
        self.task: Operation | None = None
        self.setWindowTitle(self.tr("Import from Excel"))
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("People"), "people")
        self.kind.addItem(self.tr("Achievements"), "achievements")
        self.kind.addItem(self.tr("Collectives and their yearly ratings"), "collectives")
        self.kind.addItem(self.tr("Awards received (people and collectives)"), "awards")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        top.addWidget(QLabel(self.tr("Import:")))
        top.addWidget(self.kind)
        self.template_btn = QPushButton(self.tr("Save a blank template…"))
        self.open_btn = QPushButton(self.tr("Choose a workbook…"))
        self.template_btn.clicked.connect(self.save_template)
        self.open_btn.clicked.connect(self.choose_file)
        top.addStretch(1)
        top.addWidget(self.template_btn)
        top.addWidget(self.open_btn)
        lay.addLayout(top)
        self.summary = QLabel(self.tr("Choose a workbook filled in from the template. Nothing is saved "
                                      "until you press Import."))
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.model = ImportPreviewModel(parent=self)
        self.view = table_view(self.model, "import_preview")
        lay.addWidget(self.view, 1)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(110)
        self.problems.hide()
        lay.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.import_btn = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        self.import_btn.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self.show_preview(None))
        self.resize(980, 600)

    def _documents(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)

    def save_template(self) -> None:
        kind = self.kind.currentData()
        name = str(Path(self._documents()) / templates.default_name(kind))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save template"), name, "Excel (*.xlsx)")
        if path:
            run_op(self, lambda: templates.write_template(self.store, kind, path))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a workbook"), self._documents(),
                                              "Excel (*.xlsx *.xlsm)")
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read and check the workbook on a worker thread, then show the preview."""
        kind = self.kind.currentData()
        self.open_btn.setEnabled(False)
        self.task = Operation(self, self.store, lambda store, progress: importer.read(store, kind, path, progress),
                              title=self.tr("Reading the workbook"))
        self.task.succeeded.connect(self.show_preview)
        self.task.failed.connect(lambda _e: self.open_btn.setEnabled(True))
        self.task.start()

    def show_preview(self, preview: importer.ImportPreview | None) -> None:
        self.task = None
        self.open_btn.setEnabled(True)
        self.preview = preview
        self.model.set_preview(preview)
        if preview is None:
            self.import_btn.setEnabled(False)
            self.problems.hide()
            return
        lines = [str(e) for e in preview.errors] + preview.notices
        self.problems.setPlainText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        if preview.ok:
            self.summary.setText(self.tr("%1 rows from “%2” are ready to import.")
                                 .replace("%1", str(preview.count)).replace("%2", preview.file_name))
        else:
            self.summary.setText(self.tr("%1 problems found in “%2”; fix the workbook and choose it again. "
                                         "Nothing has been imported.")
                                 .replace("%1", str(len(preview.errors))).replace("%2", preview.file_name))
        self.import_btn.setEnabled(preview.ok and preview.count > 0)

    def apply(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        changed = Area.PEOPLE if self.preview.kind == "people" else Area.LEDGER
        count = run_op(self, lambda: importer.apply(self.store, self.preview), changes=changed)
        if count is not None:
            self.imported.emit(count)
            self.accept()
