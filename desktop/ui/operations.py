"""How the window runs domain work: one way off the GUI thread, errors shown one way, changes passed on.

An operation is a plain domain function ``fn(store, progress) -> result``.
:class:`Operation` runs one on a worker thread with its own database
connection (SQLite connections belong to the thread that opened them), a
:class:`~desktop.progress.Progress` whose cancel stops it at its next report,
an optional progress dialog, and success and failure handlers on the GUI
thread. It is the only place in the window that starts a thread.

``run_op`` and ``attempt`` call a quick domain function on the GUI thread
(with the window's connection) and turn a :class:`UserError` into one
consistent message box.

Whichever way it ran, an operation that changed records says which areas
(:class:`desktop.changes.Area`) it changed — declared by the caller with
``changes=`` or returned as :class:`desktop.changes.Changed` — and they are
passed to the main window (:func:`announce`), which reloads the pages that
show one of them.
"""
from __future__ import annotations

import gc
import traceback
from typing import Any, Callable, Iterable

from desktop import changes as changes_mod
from desktop.changes import Area
from desktop.errors import UserError, ValidationError, explain_error
from desktop.progress import Cancelled, Progress
from desktop.ui import watch
from desktop.ui.qt import QCoreApplication, QMessageBox, QObject, QProgressDialog, QThread, Qt, QTimer, QWidget, Signal

Changes = Iterable[Area | str] | Area | str | None


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """One message box for a failed operation: the domain's Vietnamese message, or what went wrong."""
    if isinstance(error, UserError):
        QMessageBox.warning(parent, QCoreApplication.translate("Operations", "Cannot do that"), str(error))
    else:
        QMessageBox.critical(
            parent, QCoreApplication.translate("Operations", "Unexpected error"),
            QCoreApplication.translate("Operations", "Something went wrong and nothing was saved. Details:")
            + f"\n\n{explain_error(error)}\n({type(error).__name__}: {error})",
        )


def announce(origin: QObject | None, changed: Changes) -> None:
    """Pass the areas an operation changed to the window that ``origin`` (a page, a dialog) is part of.

    The window (any ancestor with ``apply_changes(areas, origin)``) reloads the
    pages showing one of them. Outside a window (a page on its own) nobody else shows anything.
    """
    areas = changes_mod.areas(changed)
    if not areas:
        return
    widget = origin
    while widget is not None:
        apply = getattr(widget, "apply_changes", None)
        if apply is not None:
            apply(areas, origin)
            return
        widget = widget.parent()


def _refused(parent: QWidget | None, error: UserError, fields: Callable[[dict[str, str]], Any] | None) -> None:
    if fields is not None and isinstance(error, ValidationError):
        fields(error.fields)
    else:
        show_error(parent, error)


def run_op(parent: QWidget | None, fn: Callable[[], Any], *, changes: Changes = None,
           fields: Callable[[dict[str, str]], Any] | None = None) -> Any:
    """Run a quick domain call; on a :class:`UserError` show it and return ``None``.

    On success the areas changed (``changes``, or those a returned
    :class:`~desktop.changes.Changed` names) are announced and the result returned.
    Dialogs that place messages next to their fields pass ``fields``: a
    :class:`~desktop.errors.ValidationError`'s messages go there instead.
    """
    try:
        result = fn()
    except UserError as exc:
        _refused(parent, exc, fields)
        return None
    value, areas = changes_mod.split(result, changes_mod.areas(changes))
    announce(parent, areas)
    return value


def attempt(parent: QWidget | None, fn: Callable[[], Any], *, changes: Changes = None,
            fields: Callable[[dict[str, str]], Any] | None = None) -> bool:
    """Like :func:`run_op` for calls without a result: ``True`` when it succeeded."""
    try:
        result = fn()
    except UserError as exc:
        _refused(parent, exc, fields)
        return False
    announce(parent, changes_mod.split(result, changes_mod.areas(changes))[1])
    return True


class Outcome:
    """How an :class:`Operation` ended: its value, or the error it raised (a :class:`Cancelled` when cancelled)."""

    def __init__(self, value=None, error: BaseException | None = None, trace: str = "",
                 changed: frozenset[Area] = frozenset()):
        self.value = value
        self.error = error
        self.trace = trace
        self.changed = changed

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)


class _Worker(QObject):
    progressed = Signal(int, int, str)
    ended = Signal(object)

    def __init__(self, db_path, fn):
        super().__init__()
        self.db_path = db_path
        self._fn = fn
        self.progress = Progress(self.report)

    def report(self, done: int, total: int, message: str) -> None:
        # Scaled to 0…1000: byte counts of a large package do not fit a Qt int.
        if total > 0:
            self.progressed.emit(max(0, min(1000, int(done * 1000 / total))), 1000, message)
        else:
            self.progressed.emit(0, 0, message)

    def run(self) -> None:
        try:
            if self.db_path is None:
                result = self._fn(None, self.progress)
            else:
                from desktop.store import Store

                with Store(self.db_path) as store:
                    result = self._fn(store, self.progress)
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            self.ended.emit(Outcome(error=exc, trace=traceback.format_exc()))
        else:
            self.ended.emit(Outcome(value=result))
        finally:
            self.thread().quit()  # the thread ends with the work: waiting for it never waits for more


class _GuiThreadCollector(QObject):
    """While a worker thread runs, Python's cycle collector runs only on the GUI thread.

    The collector runs in whichever thread happens to allocate when a
    generation fills up. Run in a worker, it may free a Qt object the GUI
    thread made (a dialog or model caught in a reference cycle), and Qt then
    crashes the process. So while any operation runs, automatic collection is
    off and a timer on the GUI thread collects instead, by the same
    thresholds; when the last operation has ended it is on again.
    """

    INTERVAL_MS = 200

    def __init__(self):
        super().__init__()
        self._holders = 0
        self._was_enabled = True
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect)

    @property
    def holding(self) -> bool:
        return self._holders > 0

    def hold(self) -> None:
        if self._holders == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
            self._timer.start()
        self._holders += 1

    def release(self) -> None:
        if self._holders == 0:
            return
        self._holders -= 1
        if self._holders == 0:
            self._timer.stop()
            if self._was_enabled:
                gc.enable()
            self.collect()

    @staticmethod
    def collect() -> None:
        """Collect the generations whose counts passed their thresholds, as the automatic collector would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


_COLLECTOR: _GuiThreadCollector | None = None


def _collector() -> _GuiThreadCollector:
    global _COLLECTOR
    if _COLLECTOR is None:
        _COLLECTOR = _GuiThreadCollector()
    return _COLLECTOR


_RUNNING: set["Operation"] = set()     # kept alive until their thread has ended
_ENDED: list["Operation"] = []          # ... and until their handlers have returned


class Operation(QObject):
    """Run ``fn(store, progress)`` on a worker thread: the window's one way to do long work.

    ``store`` is the window's store (the worker opens its own connection to
    the same file) or ``None`` for work without the database. ``title`` shows
    a progress dialog with a Cancel button after a moment; without it the
    caller shows :attr:`progressed` itself (0…1000, or 0 of 0 while unknown).
    :meth:`cancel` makes the next progress report raise
    :class:`~desktop.progress.Cancelled`, so the transaction rolls back.

    On the GUI thread: ``succeeded(value)``, or ``failed(error)`` (shown in a
    message box unless ``show_errors`` is false), or ``cancelled()``; then
    always ``done(outcome)``. After a success the areas changed (``changes``,
    or those the function returned in a :class:`~desktop.changes.Changed`) are
    announced to the window. An operation still running when the application
    quits is cancelled and waited for (``finish_on_quit`` lets it finish).
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal(object)

    def __init__(self, parent: QWidget | None, store, fn: Callable[[Any, Progress], Any], *,
                 title: str | None = None, changes: Changes = None, show_errors: bool = True,
                 finish_on_quit: bool = False):
        super().__init__()  # no Qt parent: a page closed mid-way must not destroy a running thread
        self._parent = parent
        self._changes = changes_mod.areas(changes)
        self._show_errors = show_errors
        self._finish_on_quit = finish_on_quit
        self.outcome: Outcome | None = None
        self._collecting = False
        self._thread = QThread()
        self._worker = _Worker(getattr(store, "path", store), fn)
        self.progress = self._worker.progress
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.ended.connect(self._on_ended)
        self.dialog: QProgressDialog | None = None
        if title is not None:
            self.dialog = QProgressDialog(title, QCoreApplication.translate("Operations", "Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.canceled.connect(self.cancel)

    # -- running -------------------------------------------------------------------------------------

    def start(self) -> "Operation":
        _RUNNING.add(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quit)
        _collector().hold()
        self._collecting = True
        if self._worker.db_path is not None:
            watch.own_work_started(self._worker.db_path)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Stop at the next progress report (from the GUI thread; the result comes as ``cancelled``)."""
        self.progress.cancel()
        if self.dialog is not None:
            try:
                self.dialog.setLabelText(QCoreApplication.translate("Operations", "Cancelling…"))
            except RuntimeError:  # the dialog went with its window
                pass

    @property
    def running(self) -> bool:
        return self in _RUNNING

    def wait(self) -> None:
        """Block until the worker thread has ended (its result still arrives through the event loop)."""
        self._thread.wait()

    def finish(self) -> None:
        """Wait for the thread and deliver its result now (tests, and quitting)."""
        self._thread.wait()
        QCoreApplication.sendPostedEvents(self)
        QCoreApplication.processEvents()

    def _quit(self) -> None:
        if not self._finish_on_quit:
            self.progress.cancel()
        self._thread.wait()

    # -- on the GUI thread ---------------------------------------------------------------------------

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.progress.cancelled:
            return
        self.progressed.emit(done, total, message)
        if self.dialog is not None:
            try:
                self.dialog.setMaximum(total)
                self.dialog.setValue(min(done, total))
                if message:
                    self.dialog.setLabelText(message)
            except RuntimeError:
                pass

    def _on_ended(self, outcome: Outcome) -> None:
        self._thread.quit()
        self._thread.wait()
        if self._collecting:
            self._collecting = False
            _collector().release()
        if self._worker.db_path is not None:
            watch.own_work_done(self._worker.db_path)
        app = QCoreApplication.instance()
        if app is not None:
            try:
                app.aboutToQuit.disconnect(self._quit)
            except (RuntimeError, TypeError):
                pass
        if self.dialog is not None:
            try:
                self.dialog.reset()
                self.dialog.hide()
                self.dialog.deleteLater()
            except RuntimeError:
                pass
        if outcome.ok:
            outcome.value, outcome.changed = changes_mod.split(outcome.value, self._changes)
        self.outcome = outcome
        try:
            if outcome.ok:
                self.succeeded.emit(outcome.value)
                announce(self._parent, outcome.changed)
            elif outcome.cancelled:
                self.cancelled.emit()
            else:
                if self._show_errors:
                    show_error(self._parent, outcome.error)  # type: ignore[arg-type]
                self.failed.emit(outcome.error)
            self.done.emit(outcome)
        finally:
            _RUNNING.discard(self)
            _ENDED.append(self)   # not released inside its own slot
            QTimer.singleShot(0, _ENDED.clear)
