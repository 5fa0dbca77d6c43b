"""The preview of an Excel import: every row as read, with its problems."""
from __future__ import annotations

from desktop.excel.importer import ImportPreview
from desktop.ui.qt import QAbstractTableModel, QBrush, QColor, QCoreApplication, QModelIndex, Qt

ERROR_BRUSH = QBrush(QColor("#fde7e9"))


class ImportPreviewModel(QAbstractTableModel):
    """Columns: the sheet's row number, the columns read, and the row's problems."""

    def __init__(self, preview: ImportPreview | None = None, parent=None):
        super().__init__(parent)
        self._preview = preview

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self._preview = preview
        self.endResetModel()

    def _headers(self) -> list[str]:
        if self._preview is None:
            return []
        return [QCoreApplication.translate("ImportPreviewModel", "Row"), *self._preview.columns,
                QCoreApplication.translate("ImportPreviewModel", "Problems")]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self._preview is None else len(self._preview.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or self._preview is None:
            return None
        row = self._preview.rows[index.row()]
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
