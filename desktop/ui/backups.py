"""Backups from the window: File → Back up…, a daily automatic backup, and the overview's reminder.

The copying and checking is :mod:`desktop.records.backup`; this module asks where,
runs it on a worker thread (:class:`~desktop.ui.operations.Operation`)
and says what happened. The automatic backup folder (often a USB drive) and
how many backups to keep there are the clerk's choice, remembered in
QSettings; when the last backup was made is stored in the data file itself,
so that the reminder follows the file to another PC (:mod:`desktop.records.backup_status`).
The copying and the worker thread load when a backup is made, not before the window shows.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.records import backup_status, unit
from desktop.changes import Area
from desktop.ui.qt import (
    QAction, QCheckBox, QCoreApplication, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QObject, QPushButton, QSettings, QSpinBox, QVBoxLayout, QWidget, Signal,
)

if TYPE_CHECKING:
    from desktop.ui.operations import Operation

FOLDER_KEY = "backup/folder"
KEEP_KEY = "backup/keep"


def auto_folder() -> str:
    return str(QSettings().value(FOLDER_KEY, "") or "")


def auto_keep() -> int:
    from desktop.records import backup as backup_mod

    try:
        return max(1, int(QSettings().value(KEEP_KEY, backup_mod.DEFAULT_KEEP)))
    except (TypeError, ValueError):
        return backup_mod.DEFAULT_KEEP


class BackupStatus(QLabel):
    """“Last backup: …” on the overview, in red with a reminder after seven days without one."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("backup_status")
        self.setWordWrap(True)
        self.overdue = False

    def refresh(self, now: dt.datetime | None = None) -> None:
        now = now or dt.datetime.now()
        last = backup_status.last_backup(self.store)
        self.overdue = backup_status.is_overdue(self.store, now)
        if last is None:
            text = self.tr("No backup of this data file yet. Use File → Back up… to make one on a USB drive.")
        else:
            text = self.tr("Last backup: %1").replace("%1", last[0].strftime("%d/%m/%Y %H:%M"))
            if self.overdue:
                days = (now - last[0]).days
                text += " — " + self.tr("%1 days ago; back up now (File → Back up…).").replace("%1", str(days))
        self.setText(text)
        self.setStyleSheet("color: #b00020; font-weight: 600;" if self.overdue else "color: #444;")


class AutoBackupDialog(QDialog):
    """Where the daily automatic backup goes and how many are kept there."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Automatic backup"))
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Once a day, when the window opens, a checked copy of the data file is saved in this "
                              "folder (a USB drive or a shared folder is best). Older copies beyond the number "
                              "kept are removed."))
        note.setWordWrap(True)
        lay.addWidget(note)
        form = QFormLayout()
        self.enabled = QCheckBox(self.tr("Back up automatically every day"))
        form.addRow(self.enabled)
        row = QHBoxLayout()
        self.folder = QLineEdit(auto_folder())
        self.folder.setObjectName("backup_folder")
        row.addWidget(self.folder, 1)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        form.addRow(self.tr("Folder:"), row)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(auto_keep())
        form.addRow(self.tr("Backups kept:"), self.keep)
        lay.addLayout(form)
        self.enabled.setChecked(bool(auto_folder()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Automatic backup folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.enabled.setChecked(True)

    def _save(self) -> None:
        s = QSettings()
        folder = self.folder.text().strip()
        s.setValue(FOLDER_KEY, folder if self.enabled.isChecked() and folder else "")
        s.setValue(KEEP_KEY, self.keep.value())
        s.sync()
        self.accept()


class BackupActions(QObject):
    """The window's backup menu entries and its automatic backup."""

    finished = Signal(object)  # a BackupResult, on the GUI thread

    def __init__(self, window, store):
        super().__init__(window)
        self.window = window
        self.store = store
        self.task: Operation | None = None
        self.dialog: AutoBackupDialog | None = None
        self.last_message = ""
        app = QCoreApplication.instance()
        if app is not None:  # a backup still copying when the window closes is finished, not cut off
            app.aboutToQuit.connect(self.wait)

    def wait(self) -> None:
        """Let a running backup finish (its result arrives through the event loop)."""
        if self.task is not None:
            self.task.finish()

    def install(self, menu) -> None:
        self.backup_action = QAction(self.tr("&Back up…"), self.window)
        self.backup_action.triggered.connect(self.choose_and_back_up)
        menu.addAction(self.backup_action)
        self.auto_action = QAction(self.tr("Automatic backup &folder…"), self.window)
        self.auto_action.triggered.connect(self.configure_auto)
        menu.addAction(self.auto_action)

    def _say(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, 15000)

    # -- by hand --------------------------------------------------------------------------------------

    def choose_and_back_up(self) -> None:
        from desktop.records import backup as backup_mod
        from desktop.ui.operations import run_op

        profile = run_op(self.window, lambda: unit.get(self.store)) or unit.UnitProfile()
        start = Path(auto_folder() or Path.home()) / backup_mod.backup_name(profile, dt.datetime.now())
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Back up the data file to"), str(start),
                                              self.tr("Sổ thi đua data (*.sqlite)"))
        if path:
            if not path.endswith(".sqlite"):
                path += ".sqlite"
            # The file dialog has already asked before replacing an existing file.
            self.back_up_to(path, overwrite=True)

    def back_up_to(self, out, *, keep: int | None = None, overwrite: bool = False, automatic: bool = False,
                   now: dt.datetime | None = None) -> Operation:
        """Back up to a file or folder on a worker thread; ``finished`` is emitted with the result."""
        from desktop.records import backup as backup_mod
        from desktop.ui.operations import Operation

        def work(store, progress):
            result = backup_mod.backup(store, out, keep=keep, overwrite=overwrite, progress=progress, now=now)
            backup_mod.record_backup(store, result)
            return result

        title = self.tr("Automatic backup") if automatic else self.tr("Backing up")
        # A backup made records when it was made (the overview's reminder): the settings area.
        self.task = Operation(self.window, self.store, work, title=title, changes=Area.SETTINGS,
                              show_errors=not automatic, finish_on_quit=True)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._failed)
        if automatic:
            self.task.failed.connect(lambda error: self._say(
                self.tr("The automatic backup failed: %1").replace("%1", str(error))))
        self.task.start()
        return self.task

    def _failed(self, *_error) -> None:
        self.task = None

    def _done(self, result) -> None:
        self.task = None
        self._say(self.tr("Backed up and checked: %1").replace("%1", str(result.path)))
        self.finished.emit(result)

    # -- automatic ------------------------------------------------------------------------------------

    def configure_auto(self) -> None:
        self.dialog = AutoBackupDialog(self.window)
        self.dialog.accepted.connect(lambda: self.auto_backup())
        self.dialog.open()

    def auto_backup(self, now: dt.datetime | None = None) -> Operation | None:
        """Back up into the chosen folder unless a backup was already made today."""
        folder = auto_folder()
        if not folder:
            return None
        now = now or dt.datetime.now()
        last = backup_status.last_backup(self.store)
        if last is not None and last[0].date() == now.date():
            return None
        if not Path(folder).is_dir():
            self._say(self.tr("Automatic backup skipped: the folder %1 is not available (is the USB drive "
                              "plugged in?).").replace("%1", folder))
            return None
        return self.back_up_to(Path(folder), keep=auto_keep(), automatic=True, now=now)
