"""How the window runs domain work: errors shown one way, long work off the GUI thread.

``run_op`` calls a quick domain function and turns a :class:`UserError` into
one consistent message box. ``BackgroundTask`` runs a long one on a worker
thread with its own database connection, a progress dialog and a cancel
button; the GUI thread only receives progress and the result.
"""
from __future__ import annotations

import traceback
from typing import Any, Callable

from desktop.errors import UserError
from desktop.store import Store
from desktop.ui.qt import QCoreApplication, QMessageBox, QObject, QProgressDialog, QThread, Qt, QWidget, Signal


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, UserError):
        QMessageBox.warning(parent, QCoreApplication.translate("Operations", "Cannot do that"), str(error))
    else:
        QMessageBox.critical(
            parent, QCoreApplication.translate("Operations", "Unexpected error"),
            QCoreApplication.translate("Operations", "Something went wrong and nothing was saved. Details:") + f"\n\n{error}",
        )


def run_op(parent: QWidget | None, fn: Callable[[], Any]) -> Any:
    """Run a quick domain call; on a :class:`UserError` show it and return ``None``.

    Dialogs that place messages next to their fields catch
    :class:`~desktop.errors.ValidationError` themselves before this.
    """
    try:
        return fn()
    except UserError as exc:
        show_error(parent, exc)
        return None


def attempt(parent: QWidget | None, fn: Callable[[], Any]) -> bool:
    """Like :func:`run_op` for calls without a result: ``True`` when it succeeded."""
    try:
        fn()
    except UserError as exc:
        show_error(parent, exc)
        return False
    return True


class Cancelled(Exception):
    """Raised inside a task's progress callback when the user pressed Cancel."""


class _Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, db_path, fn):
        super().__init__()
        self._db_path = db_path
        self._fn = fn
        self.cancel_requested = False

    def run(self) -> None:
        try:
            with Store(self._db_path) as store:
                result = self._fn(store, self._report)
        except Cancelled:
            self.failed.emit(Cancelled())
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.failed.emit(exc)
        else:
            self.finished.emit(result)

    def _report(self, done: int, total: int, message: str = "") -> None:
        if self.cancel_requested:
            raise Cancelled()
        self.progress.emit(int(done), int(total), message)


class BackgroundTask(QObject):
    """Run ``fn(store, progress)`` on a worker thread with a progress dialog.

    ``progress(done, total, message)`` raises :class:`Cancelled` once the user
    cancels, so the domain function stops at its next report and its
    transaction rolls back. ``succeeded(result)`` or ``failed(error)`` is
    emitted on the GUI thread; a cancel emits ``cancelled``.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, db_path, title: str, fn: Callable, *, show_errors: bool = True):
        super().__init__(parent)
        self._parent = parent
        self._thread = QThread(self)
        self._worker = _Worker(db_path, fn)
        self._worker.moveToThread(self._thread)
        self._show_errors = show_errors
        self.dialog = QProgressDialog(title, QCoreApplication.translate("Operations", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self._cancel)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        self._thread.wait()

    def _cancel(self) -> None:
        self._worker.cancel_requested = True
        self.dialog.setLabelText(QCoreApplication.translate("Operations", "Cancelling…"))

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        if message:
            self.dialog.setLabelText(message)

    def _finish(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.hide()

    def _on_finished(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)
        self.deleteLater()

    def _on_failed(self, error: object) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        else:
            if self._show_errors:
                show_error(self._parent, error)  # type: ignore[arg-type]
            self.failed.emit(error)
        self.deleteLater()
