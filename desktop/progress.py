"""How long work reports how far it got, and learns that the user cancelled it.

Work that takes seconds (building the signed package, reading a plan or a
workbook, drafting every document, a backup) takes a :class:`Progress` and
calls it between steps: ``progress(done, total, message)``. The call reports
and, once :meth:`Progress.cancel` was called (the window's Cancel button, from
another thread), raises :class:`Cancelled` instead; the work stops there and
its transaction rolls back, its temporary files are removed. There is one
cancel protocol for the whole program: this one. The command line passes no
progress (Ctrl-C interrupts it as any program).

Qt-free: the window's operation runner (:mod:`desktop.ui.operations`) makes
the :class:`Progress` and forwards its reports to a progress bar.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from desktop.errors import UserError

Report = Callable[[int, int, str], None]
"""Receives (done, total, Vietnamese message); ``total`` 0 means "how much is not known yet"."""


class Cancelled(UserError):
    """The user cancelled; nothing was saved and no file was left behind."""

    def __init__(self, message: str = "Đã hủy; không có gì được lưu.") -> None:
        super().__init__(message)


class Progress:
    """Reports of one piece of work, and the flag that cancels it.

    ``report`` (optional) receives each ``(done, total, message)``; it is
    called on the working thread. :meth:`cancel` may be called from any thread.
    """

    def __init__(self, report: Report | None = None, *, cancelled_message: str | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()
        self._message = cancelled_message

    def __call__(self, done: int, total: int, message: str = "") -> None:
        """Report how far the work got; raises :class:`Cancelled` once cancelled."""
        self.check()
        if self._report is not None:
            self._report(int(done), int(total), message or "")

    report = __call__

    def note(self, done: int, total: int, message: str = "") -> None:
        """Report without checking for a cancel: for the report after the point of no return."""
        if self._report is not None:
            self._report(int(done), int(total), message or "")

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user cancelled (between two steps that report nothing)."""
        if self._cancel.is_set():
            raise Cancelled(self._message) if self._message else Cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancelled_saying(self, message: str) -> Progress:
        """The same progress, whose :class:`Cancelled` says ``message`` (what exactly was not done)."""
        other = Progress(self._report, cancelled_message=message)
        other._cancel = self._cancel
        return other


def progress_of(progress: Progress | Report | None) -> Progress:
    """A :class:`Progress` for what a caller passed: none, a report callable, or one already."""
    if isinstance(progress, Progress):
        return progress
    return Progress(progress)
