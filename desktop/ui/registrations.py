"""The registration tables from the window: saving the clerk's edits, writing and reading the
Excel workbooks (ask for the file, show a refusal)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from desktop.ui.operations import attempt, run_op
from desktop.ui.qt import QCoreApplication, QFileDialog, QMessageBox, QWidget

EXCEL_FILTER = "Excel (*.xlsx)"


def save_registrations(parent: QWidget, save: Callable[[], object]) -> bool:
    """``save()`` the edited registrations: ``True`` when saved; the rows the domain refuses are
    listed in a warning, any other refusal is shown."""
    return attempt(parent, save, fields=lambda messages: QMessageBox.warning(
        parent, QCoreApplication.translate("Registrations", "Cannot save"), "\n".join(messages.values())))


def save_workbook(parent: QWidget, caption: str, file_name: str, write: Callable[[str], object]) -> None:
    """Ask where to save a workbook (``file_name`` proposed) and ``write(path)`` it; a refusal is shown."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, file_name, EXCEL_FILTER)
    if path:
        attempt(parent, lambda: write(path))


def import_workbook(parent: QWidget, caption: str, read: Callable[[Path], object],
                    apply: Callable[[object], int]) -> int | None:
    """Ask for a registration workbook, ``read`` it, refuse it whole when any row has an error, else
    ``apply`` it: the number of rows imported, ``None`` when the clerk cancelled or it was refused."""
    from desktop.excel.registration import Rejected

    path, _ = QFileDialog.getOpenFileName(parent, caption, "", EXCEL_FILTER)
    if not path:
        return None

    def load() -> int:
        preview = read(Path(path))
        if preview.errors:
            raise Rejected(preview)
        return apply(preview)

    return run_op(parent, load)
