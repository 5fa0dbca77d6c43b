"""The preview of an Excel import: every row as read, with its problems."""
from __future__ import annotations

from desktop.excel.importer import ImportPreview
from desktop.ui.models.base import RowsTableModel
from desktop.ui.qt import QBrush, QColor, Qt

ERROR_BRUSH = QBrush(QColor("#fde7e9"))


class ImportPreviewModel(RowsTableModel):
    """Columns: the sheet's row number, the columns read, and the row's problems."""

    WIDE = ["problems"]

    def __init__(self, preview: ImportPreview | None = None, parent=None):
        super().__init__(parent)
        self.set_preview(preview)

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self._preview = preview
        self._rows = list(preview.rows) if preview is not None else []
        # The sheet's own columns come between the row number and the problems.
        self.KEYS = ["row", *(f"column{i}" for i in range(len(preview.columns))), "problems"] if preview else []
        self.headers = [self.tr("Row"), *preview.columns, self.tr("Problems")] if preview else []
        self.endResetModel()

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        last = self.columnCount() - 1
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if index.column() == 0:
                return str(row.row)
            if index.column() == last:
                return "; ".join(e.message for e in row.errors)
            cells = row.cells
            i = index.column() - 1
            return cells[i] if i < len(cells) else ""
        if role == Qt.BackgroundRole and not row.ok:
            return ERROR_BRUSH
        return None
